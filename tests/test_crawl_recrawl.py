"""A second crawl of an unchanged region revalidates instead of downloading, and extracts nothing again."""

from __future__ import annotations

import pytest

import ast
import re
import shutil
import sqlite3
import subprocess
import sys

from demo_region.generate import write_registry
from demo_region.server import RegionServer

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs


def crawl_stats(log_path) -> dict:
    text = log_path.read_text(encoding="utf-8")
    dump = text[text.rindex("Dumping Scrapy stats:") :]
    body = dump[dump.index("{") : dump.index("}") + 1]
    body = re.sub(r"datetime\.datetime\([^)]*\)", "None", body)
    return ast.literal_eval(body)


def test_second_run_transfers_little_and_reextracts_nothing(audited_region, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(audited_region.out, out, ignore=shutil.ignore_patterns("reports"))
    with RegionServer(audited_region.region) as server:
        registry = tmp_path / "registry.csv"
        write_registry(audited_region.region, server.port, registry)
        first = subprocess.run(
            [sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry), "--out", str(out),
             "--resolve", "*.test=127.0.0.1", "--delay", "0"], capture_output=True, text=True, timeout=600)
        assert first.returncode == 0, first.stderr[-2000:]
        second = subprocess.run(
            [sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry), "--out", str(out),
             "--resolve", "*.test=127.0.0.1", "--delay", "0"], capture_output=True, text=True, timeout=600)
        assert second.returncode == 0, second.stderr[-2000:]
    with sqlite3.connect(out / "eduaudit.db") as conn:
        runs = [r[0] for r in conn.execute("select id from runs order by id")]
        a, b = runs[-2], runs[-1]
        verdicts = [sorted(conn.execute("select school_id, rule_id, status from findings where run_id = ?", [r]))
                    for r in (a, b)]
    assert verdicts[0] == verdicts[1]
    stats_a = crawl_stats(out / "logs" / f"run-{a}-crawl.log")
    stats_b = crawl_stats(out / "logs" / f"run-{b}-crawl.log")
    assert stats_b.get("httpcache/revalidate", 0) > 0
    assert stats_b["eduaudit/network_status/304"] > 0
    assert stats_b["eduaudit/transferred_bytes"] < 0.5 * stats_a["eduaudit/transferred_bytes"]
    assert "Извлечён текст новых документов: 0" in second.stderr
