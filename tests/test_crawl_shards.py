"""The crawl split over processes finds what one process finds, never shares a host between
processes, and leaves no process behind when it is killed."""

from __future__ import annotations

import pytest

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from eduaudit.crawl_shards import combine_progress, shard_count, shard_schools
from tests.helpers.docmaker import TEACHER_REGULATION, text_pdf
from tests.helpers.rundb import latest_rows
from tests.helpers.sitekit import LoopbackSites, Resource

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

MUNICIPALITIES = ["Велижский район", "Демидовский район", "Духовщинский район", "Ельнинский район"]
SITES = 16


def school(i: int) -> dict:
    return {"school_id": f"s{i}", "municipality": MUNICIPALITIES[i % 4], "url": f"http://school{i}.test/"}


def test_shards_keep_a_municipality_and_a_shared_host_together():
    schools = [school(i) for i in range(40)]
    # two schools of different municipalities on one host (a platform serving sites by path)
    schools[1]["url"] = "http://edu-platform.test/school1/"
    schools[2]["url"] = "http://EDU-platform.test/school2/"
    shards = shard_schools(schools, 3)
    assert sorted(s["school_id"] for shard in shards for s in shard) == sorted(s["school_id"] for s in schools)
    where = {s["school_id"]: n for n, shard in enumerate(shards) for s in shard}
    for municipality in MUNICIPALITIES:
        assert len({where[s["school_id"]] for s in schools if s["municipality"] == municipality}) == 1
    assert where["s1"] == where["s2"]
    # municipalities 1 and 2 are joined by the shared host: 20 + 10 + 10 schools over three shards
    assert sorted(len(shard) for shard in shards) == [10, 10, 20]


def test_shard_count_needs_enough_sites_for_another_process():
    assert shard_count(340, cpus=2) == 2
    assert shard_count(3400, cpus=2) == 2
    assert shard_count(150, cpus=2) == 1
    assert shard_count(40, cpus=8) == 1
    assert shard_count(0, cpus=2) == 1


def test_progress_of_shards_adds_up_and_waits_for_the_slowest():
    shards = [[school(0), school(1)], [school(2)]]
    one = {"sites": 1, "total": 2, "pages": 10, "documents": 4, "errors": 1, "seconds_left": 30.0}
    two = {"sites": 0, "total": 1, "pages": 3, "documents": 0, "errors": 0, "seconds_left": None}
    assert combine_progress([one], shards)["seconds_left"] is None  # a shard not heard from yet
    combined = combine_progress([one, {**two, "seconds_left": 50.0}], shards)
    assert combined == {"sites": 1, "total": 3, "pages": 13, "documents": 4, "errors": 1, "seconds_left": 50.0}


def site(i: int, pdf: bytes, delay: float = 0.0) -> dict:
    town = f"town{i % 4}"
    return {
        "/": Resource(f"<html><body><h1>Школа {i}</h1><a href='/nastavnichestvo/'>Наставничество</a>"
                      f"<a href='/sveden/document'>Документы</a></body></html>", delay=delay),
        "/sveden/document": Resource("<html><body><h1>Документы</h1><a href='/files/ustav.pdf'>Устав</a></body></html>",
                                     delay=delay),
        # the municipality's file server holds every school's regulation
        "/nastavnichestvo/": Resource(f"<html><body><h1>Наставничество</h1><a href='http://files.{town}.test:PORT/"
                                      f"s{i}/polozhenie.pdf'>Положение о системе наставничества</a></body></html>",
                                      delay=delay),
        "/files/ustav.pdf": Resource(pdf[:-10] + b"%%EOF\n", "application/pdf", delay=delay),
    }


def serve(pdf: bytes, delay: float = 0.0) -> LoopbackSites:
    hosts = {f"school{i}.test": site(i, pdf, delay) for i in range(SITES)}
    for t in range(4):
        hosts[f"files.town{t}.test"] = {f"/s{i}/polozhenie.pdf": Resource(pdf, "application/pdf", delay=delay)
                                        for i in range(t, SITES, 4)}
    return LoopbackSites(hosts)


def write_registry(sites: LoopbackSites, path: Path) -> Path:
    port = str(sites.port)
    for i in range(SITES):
        resource = sites.sites[f"school{i}.test"]["/nastavnichestvo/"]
        resource.body = resource.body.replace("PORT", port)
    path.write_text("school_id,name,municipality,url\n" + "".join(
        f"s{i},Школа {i},{MUNICIPALITIES[i % 4]},{sites.url(f'school{i}.test')}\n" for i in range(SITES)),
        encoding="utf-8")
    return path


def crawl(registry: Path, out: Path, *extra: str, wait: bool = True):
    cmd = [sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry), "--out", str(out),
           "--resolve", "*.test=127.0.0.1", "--delay", "0", *extra]
    if wait:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def schools_in_log(log: Path) -> set[str]:
    return set(re.findall(r"\bsite (\S+) finished:", log.read_text(encoding="utf-8")))


def test_two_processes_find_what_one_finds_and_never_share_a_host(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    with serve(pdf) as sites:
        registry = write_registry(sites, tmp_path / "registry.csv")
        one = crawl(registry, tmp_path / "one", "--crawl-processes", "1")
        assert one.returncode == 0, one.stderr[-3000:]
        two = crawl(registry, tmp_path / "two", "--crawl-processes", "2")
        assert two.returncode == 0, two.stderr[-3000:]

    got, duplicates = latest_rows(tmp_path / "two" / "eduaudit.db")
    expected, _ = latest_rows(tmp_path / "one" / "eduaudit.db")
    assert duplicates == 0
    assert got == expected
    regulation = {f[0]: (f[2], f[3]) for f in got["findings"] if f[1] == "doc.regulation"}
    assert regulation == {f"s{i}": ("pass", sites.url(f"files.town{i % 4}.test", f"/s{i}/polozhenie.pdf"))
                          for i in range(SITES)}

    logs = sorted((tmp_path / "two" / "logs").glob("run-*-crawl-*.log"))
    assert len(logs) == 2
    first, second = (schools_in_log(log) for log in logs)
    assert first and second and not first & second and len(first | second) == SITES
    # a municipality's schools are crawled by one process, so its file server is asked by one process
    for t in range(4):
        members = {f"s{i}" for i in range(t, SITES, 4)}
        assert members <= first or members <= second
    # one progress line for the whole crawl, not one per process
    assert f"сайтов {SITES}/{SITES}," in two.stderr
    assert f"сайтов {SITES // 2}/{SITES // 2}," not in two.stderr


def _children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{pid}$", text, flags=re.M):
            found.add(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def test_shards_die_with_their_parent_and_the_run_resumes(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    with serve(pdf, delay=0.15) as sites:
        registry = write_registry(sites, tmp_path / "registry.csv")
        out = tmp_path / "killed"
        proc = crawl(registry, out, "--crawl-processes", "2", "--workers", "1", "--quiet", wait=False)
        try:
            deadline = time.monotonic() + 120
            while len(sites.requests) < 20 and time.monotonic() < deadline:
                time.sleep(0.05)
            spawned = {pid for pid in _children(proc.pid)
                       if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")}
            # both shards crawl, beside the one worker that extracts documents during the crawl
            assert len(spawned) == 3, "both shards crawl"
            os.kill(proc.pid, signal.SIGKILL)  # the parent alone, as the OOM killer would
            proc.wait()
            deadline = time.monotonic() + 20
            while any(_alive(pid) for pid in spawned) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not any(_alive(pid) for pid in spawned), "a shard or a worker outlived its parent"
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        with sqlite3.connect(out / "eduaudit.db") as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            assert conn.execute("select count(*) from sites where completed_at is not null").fetchone()[0] < SITES

        resumed = crawl(registry, out, "--resume", "--crawl-processes", "2", "--quiet")
        assert resumed.returncode == 0, resumed.stderr[-3000:]
        clean = crawl(registry, tmp_path / "clean", "--crawl-processes", "1", "--quiet")
        assert clean.returncode == 0

    got, duplicates = latest_rows(out / "eduaudit.db")
    expected, _ = latest_rows(tmp_path / "clean" / "eduaudit.db")
    assert duplicates == 0
    assert got == expected
