"""A run survives the real internet: one crawl of a region where 22 hosts misbehave.

Every faulty host serves a copy of a healthy school's site (bench.fault_table,
demo_region.faults). The faulty school must get its healthy copy's
verdicts, or an explicit site-level verdict with a Russian reason; the healthy
schools must keep the verdicts of a clean run; nothing may be lost; the crawl
must end, with every site closed, in bounded memory. (The drill itself stops a
crawl that outlives bench.fault_table.CRAWL_LIMIT; it then fails here by its
return code, so no test needs to time it.)
"""

from __future__ import annotations

import sqlite3

import pytest

from bench import fault_table as drill
from demo_region.faults import Failure, fault_cases

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

CASES = fault_cases()
# A 2 GB document or a 4 GB gzip bomb held in memory would blow far past this.
MEMORY_LIMIT_MB = 1024


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("faults")
    outcomes, summary = drill.drill(work, CASES)
    return work, outcomes, summary


def test_the_fault_crawl_finishes_with_every_site_closed_in_bounded_memory(fault_run):
    _, _, summary = fault_run
    assert not [p for p in summary["problems"] if p.startswith("crawl")], summary["problems"]
    assert summary["crawls"]
    for crawl in summary["crawls"]:
        assert crawl["returncode"] == 0
        assert 0 < crawl["peak_rss_mb"] < MEMORY_LIMIT_MB, crawl
    # every site, faulty or healthy, was given up on or finished by the crawler, not cut off
    assert summary["open_sites"] == []


def test_unaffected_schools_keep_their_clean_verdicts_and_rows(fault_run):
    _, _, summary = fault_run
    assert summary["healthy_wrong"] == 0, summary["problems"]
    assert summary["healthy_rows_lost"] == 0, summary["problems"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fault(fault_run, case):
    _, outcomes, _ = fault_run
    outcome = outcomes[case.name]
    assert outcome.completed == outcome.runs == 1
    assert outcome.problems == []
    assert outcome.wrong_verdicts == 0 and outcome.rows_lost == 0
    # the crawler closed the site: a fault that held it (a hang, a drip, endless retries) would not be
    assert outcome.closed == 1
    if case.expect != "same":
        assert outcome.reason.startswith(drill.expected_reason(case))


def test_every_failure_of_the_demo_region_has_the_crawlers_reason():
    assert set(drill.REASONS) == set(Failure) and all(drill.REASONS.values())
    for case in CASES:
        assert (case.failure is None) == (case.expect == "same"), case


@pytest.mark.parametrize("name, reason", [
    ("gzip-bomb", "сжатый ответ распаковывается в слишком большой объём (больше 50 МБ)"),
    ("2gb-document", "ответ слишком большой (больше 50 МБ)"),
])
def test_oversized_downloads_are_aborted_with_a_recorded_reason(fault_run, name, reason):
    work, _, _ = fault_run
    with sqlite3.connect(work / "faults-0" / "eduaudit.db") as conn:
        rows = conn.execute("select url, sha256, error from documents where school_id = ? and url like ?",
                            [f"f-{name}", "%/files/arhiv-nastavnichestvo.pdf"]).fetchall()
    assert len(rows) == 1
    url, sha256, error = rows[0]
    assert sha256 is None and error.startswith(reason)
