"""An interrupted crawl (SIGKILL) resumes without re-fetching finished sites and ends as an uninterrupted one."""

from __future__ import annotations

import pytest

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

from tests.helpers.docmaker import TEACHER_REGULATION, text_pdf
from tests.helpers.rundb import latest_rows
from tests.helpers.sitekit import LoopbackSites, Resource

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

SITES = 12


def site(i: int, pdf: bytes, gate: threading.Event | None = None) -> dict:
    slow = 0.15
    return {
        "/": Resource(f"<html><body><h1>Школа {i}</h1><a href='/nastavnichestvo/'>Наставничество</a>"
                      f"<a href='/sveden/document'>Документы</a></body></html>", delay=slow, gate=gate),
        "/sveden/document": Resource("<html><body><h1>Документы</h1><a href='/files/ustav.pdf'>Устав</a></body></html>",
                                     delay=slow),
        "/nastavnichestvo/": Resource("<html><body><h1>Наставничество</h1><a href='/files/polozhenie.pdf'>"
                                      "Положение о системе наставничества</a></body></html>", delay=slow),
        "/files/polozhenie.pdf": Resource(pdf, "application/pdf", delay=slow),
        "/files/ustav.pdf": Resource(pdf[:-10] + b"%%EOF\n", "application/pdf", delay=slow),
    }


def crawl(registry, out, *extra, wait=True):
    cmd = [sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry), "--out", str(out),
           "--resolve", "*.test=127.0.0.1", "--delay", "0", "--quiet", *extra]
    if wait:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def count(db, sql: str) -> int:
    try:  # read-only: polling must not create the database before the run does
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def completed(db) -> int:
    return count(db, "select count(*) from sites where completed_at is not null")


def findings(db):
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("select school_id, rule_id, status, evidence_url from findings"))


def test_killed_crawl_resumes(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    # Half of the sites do not answer until the kill has landed, so it always lands mid-crawl,
    # however fast or slow the machine.
    held_back = threading.Event()
    hosts = {f"school{i}.test": site(i, pdf, held_back if i >= SITES // 2 else None) for i in range(SITES)}
    with LoopbackSites(hosts) as sites:
        registry = tmp_path / "registry.csv"
        registry.write_text("school_id,name,municipality,url\n" + "".join(
            f"s{i},Школа {i},Велижский район,{sites.url(f'school{i}.test')}\n" for i in range(SITES)))
        interrupted = tmp_path / "interrupted"
        proc = crawl(registry, interrupted, wait=False)
        deadline = time.monotonic() + 120
        while completed(interrupted / "eduaudit.db") < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        held_back.set()
        done_before = completed(interrupted / "eduaudit.db")
        assert 3 <= done_before < SITES, "the kill must land mid-crawl"
        with sqlite3.connect(interrupted / "eduaudit.db") as conn:
            finished = {r[0] for r in conn.execute("select school_id from sites where completed_at is not null")}
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        sites.requests.clear()

        resumed = crawl(registry, interrupted, "--resume")
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        refetched = {host for host, path in sites.requests if path == "/"}
        assert not refetched & {f"school{sid[1:]}.test" for sid in finished}
        assert len(refetched) == SITES - len(finished)

        clean = tmp_path / "clean"
        assert crawl(registry, clean).returncode == 0

    with sqlite3.connect(interrupted / "eduaudit.db") as conn:
        assert conn.execute("select count(*) from runs").fetchone()[0] == 1
        assert conn.execute("select status from runs").fetchone()[0] == "finished"
        duplicates = conn.execute("select count(*) - count(distinct school_id || url) from documents").fetchone()[0]
        assert duplicates == 0
    assert findings(interrupted / "eduaudit.db") == findings(clean / "eduaudit.db")
    from audit_rules import all_rules

    assert len(findings(clean / "eduaudit.db")) == SITES * len(all_rules("school"))


def alive_until(proc, condition, timeout: float = 120) -> bool:
    """Wait until ``condition()`` holds; False if the run ended first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return proc.poll() is None


def test_crawl_killed_several_times_at_random_moments_ends_as_a_clean_run(tmp_path):
    import random

    rng = random.Random(20261101)
    pdf = text_pdf(TEACHER_REGULATION)
    hosts = {f"school{i}.test": site(i, pdf) for i in range(SITES)}
    with LoopbackSites(hosts) as sites:
        registry = tmp_path / "registry.csv"
        registry.write_text("school_id,name,municipality,url\n" + "".join(
            f"s{i},Школа {i},Велижский район,{sites.url(f'school{i}.test')}\n" for i in range(SITES)))
        clean = tmp_path / "clean"
        assert crawl(registry, clean).returncode == 0

        interrupted = tmp_path / "interrupted"
        db = interrupted / "eduaudit.db"
        # The moments are random within each stage of a run, and each is recognised by what the
        # run has written, not by a share of some earlier run's duration: a loaded machine must
        # not turn a kill meant for the crawl into one that comes after the run has finished.
        moments = [
            ("start-up", lambda: True, rng.uniform(0.0, 0.5)),
            ("crawl", lambda: count(db, "select count(*) from pages") > 0, rng.uniform(0.0, 0.2)),
            ("extraction", lambda: completed(db) == SITES, rng.uniform(0.0, 0.3)),
            ("judging", lambda: count(db, "select count(*) from classifications") > 0, 0.0),
        ]
        landed, finished = [], False
        for stage, reached, pause in moments:
            proc = crawl(registry, interrupted, "--resume", wait=False)
            if alive_until(proc, reached):
                time.sleep(pause)
            if proc.poll() is not None:
                finished = proc.returncode == 0  # what was left took less than the pause
                break
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            landed.append(stage)
            if db.exists():
                with sqlite3.connect(db) as conn:
                    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
                    # killed after the run was complete, on its way out: nothing left to resume
                    if conn.execute("select count(*) from runs where status = 'finished'").fetchone()[0]:
                        finished = True
                        break
        assert landed[:2] == ["start-up", "crawl"], landed
        if not finished:
            resumed = crawl(registry, interrupted, "--resume")
            assert resumed.returncode == 0, resumed.stderr[-2000:]

    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*), min(status) from runs").fetchone() == (1, "finished")
    got, duplicates = latest_rows(db)
    expected, _ = latest_rows(clean / "eduaudit.db")
    assert duplicates == 0
    assert got == expected  # no row lost, none extra, same verdicts


def test_a_run_killed_while_being_set_up_is_not_resumed(tmp_path):
    """Its school list may be incomplete: resuming it would drop schools silently."""
    from eduaudit import stages
    from eduaudit.registry import load_registry
    from eduaudit.store import Store

    registry = tmp_path / "registry.csv"
    registry.write_text("school_id,name,municipality,url\n" + "".join(
        f"s{i},Школа {i},Велижский район,http://school{i}.test/\n" for i in range(3)), encoding="utf-8")
    store = Store(tmp_path / "eduaudit.db")
    digest = stages.registry_digest(registry)
    # what a SIGKILL between the run row and its schools leaves behind
    half = store.start_run(str(registry), digest, 3, "v", status="starting")
    store.db["schools"].insert({"run_id": half, "school_id": "s0"})
    assert stages.unfinished_run(store, digest) is None
    run_id = stages.start_run(store, registry, load_registry(registry), {})
    assert stages.unfinished_run(store, digest) == run_id
    assert [r["id"] for r in store.db["runs"].rows] == [run_id]
    assert store.db["schools"].count_where("run_id = ?", [run_id]) == 3
    assert store.db["schools"].count == 3  # the half-made run's school is gone with it
