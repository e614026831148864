"""The whole audit on a small generated region: crawl, extract, classify, judge, report.

The region holds every platform style and the down/5xx/redirect behaviours;
its ground truth comes from the generator, which knows nothing of the crawler.
"""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
import sqlite_utils

from demo_region.accuracy import compare

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs


@pytest.fixture(scope="module")
def run(audited_region):
    return audited_region.out, audited_region.region, audited_region


def test_every_school_has_a_verdict_for_every_rule(run):
    tmp, region, _ = run
    db = sqlite_utils.Database(tmp / "eduaudit.db")
    with open(region / "ground_truth.csv", encoding="utf-8") as fh:
        expected = {(r["school_id"], r["rule_id"]) for r in csv.DictReader(fh)}
    got = {(r["school_id"], r["rule_id"]) for r in db.query("select school_id, rule_id from findings")}
    assert expected <= got
    assert db["findings"].count == len(got)


def test_verdicts_match_ground_truth(run):
    tmp, region, _ = run
    result = compare(tmp / "eduaudit.db", region / "ground_truth.csv")
    # Every verdict, schools and municipal authorities alike: a wrong «не размещено»
    # is forwarded to a school director, and costs trust.
    assert result.mismatches == [] and result.share == 1.0


def test_summary_and_report(run, tmp_path):
    tmp, _, proc = run
    # The denominator is stated: the schools that could be checked, the rest counted apart.
    assert "Положение размещено:" in proc.stdout and "из 28 проверенных школ" in proc.stdout
    assert "2 сайта не удалось проверить" in proc.stdout and "Сайт доступен: 28 из 30 проверенных школ" in proc.stdout
    report = subprocess.run([sys.executable, "-m", "eduaudit.cli", "report", "--out", str(tmp)],
                            capture_output=True, text=True, check=True)
    paths = report.stdout.split()
    assert any(p.endswith("coverage.xlsx") for p in paths)


def test_audit_rejudges_without_crawling(run):
    tmp, _, _ = run
    db = sqlite_utils.Database(tmp / "eduaudit.db")
    before = sorted(db.query("select school_id, rule_id, status from findings"), key=lambda r: (r["school_id"], r["rule_id"]))
    pages = db["pages"].count
    subprocess.run([sys.executable, "-m", "eduaudit.cli", "audit", "--out", str(tmp)], check=True,
                   capture_output=True)
    after = sorted(db.query("select school_id, rule_id, status from findings"), key=lambda r: (r["school_id"], r["rule_id"]))
    assert before == after and db["pages"].count == pages
