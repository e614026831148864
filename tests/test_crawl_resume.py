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

    assert len(findings(clean / "eduaudit.db")) == SITES * len(all_rules())
