"""An interrupted crawl (SIGKILL) resumes without re-fetching finished sites and ends as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.docmaker import TEACHER_REGULATION, text_pdf
from tests.sitekit import LoopbackSites, Resource

SITES = 12


def site(i: int, pdf: bytes) -> dict:
    slow = 0.15
    return {
        "/": Resource(f"<html><body><h1>Школа {i}</h1><a href='/nastavnichestvo/'>Наставничество</a>"
                      f"<a href='/sveden/document'>Документы</a></body></html>", delay=slow),
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


def completed(db) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("select count(*) from sites where completed_at is not null").fetchone()[0]
    except sqlite3.Error:
        return 0


def findings(db):
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("select school_id, rule_id, status, evidence_url from findings"))


def test_killed_crawl_resumes(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    hosts = {f"school{i}.test": site(i, pdf) for i in range(SITES)}
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


def latest_rows(db):
    """Findings, pages and documents of the latest run, and the count of rows with duplicate keys."""
    with sqlite3.connect(db) as conn:
        run_id = conn.execute("select max(id) from runs").fetchone()[0]
        rows = {
            "findings": sorted(conn.execute("select school_id, rule_id, status, evidence_url from findings "
                                            "where run_id = ?", [run_id])),
            "pages": sorted(conn.execute("select school_id, url, sha256 from pages where run_id = ?", [run_id])),
            "documents": sorted(conn.execute("select school_id, url, sha256 from documents where run_id = ?",
                                             [run_id])),
        }
        duplicates = sum(conn.execute(f"select count(*) - count(distinct school_id || ' ' || {key}) from {table} "
                                      f"where run_id = ?", [run_id]).fetchone()[0]
                         for table, key in (("findings", "rule_id"), ("pages", "url"), ("documents", "url")))
    return rows, duplicates


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
        started = time.monotonic()
        assert crawl(registry, clean).returncode == 0
        clean_seconds = time.monotonic() - started

        interrupted = tmp_path / "interrupted"
        kills, finished = 0, False
        for _ in range(4):
            # Any moment of a run: start-up, crawl, extraction, judging.
            proc = crawl(registry, interrupted, "--resume", wait=False)
            time.sleep(rng.uniform(0.2, 0.9) * clean_seconds)
            if proc.poll() is not None:
                finished = proc.returncode == 0  # what was left took less than the pause
                break
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if (interrupted / "eduaudit.db").exists():
                with sqlite3.connect(interrupted / "eduaudit.db") as conn:
                    # killed after the run was complete, on its way out: nothing left to resume
                    if conn.execute("select count(*) from runs where status = 'finished'").fetchone()[0]:
                        finished = True
            kills += 1
            db = interrupted / "eduaudit.db"
            if db.exists():
                with sqlite3.connect(db) as conn:
                    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            if finished:
                break
        assert kills >= 2, "most kills must land while the run is alive"
        if not finished:
            resumed = crawl(registry, interrupted, "--resume")
            assert resumed.returncode == 0, resumed.stderr[-2000:]

    with sqlite3.connect(interrupted / "eduaudit.db") as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*), min(status) from runs").fetchone() == (1, "finished")
    got, duplicates = latest_rows(interrupted / "eduaudit.db")
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
