"""Experts' overrides on a crawled region: kept on re-judging, flagged when the evidence changes.

The session's audited region is shared, so each test works on its own copy of the database.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils


def _copy_db(audited_region, tmp_path):
    target = tmp_path / "eduaudit.db"
    source = sqlite3.connect(audited_region.db)
    copy = sqlite3.connect(target)
    source.backup(copy)
    source.close()
    copy.close()
    # Blobs are only read; the copy shares them.
    (tmp_path / "blobs").symlink_to(audited_region.out / "blobs", target_is_directory=True)
    return target


def cli(module, *args):
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, timeout=300)


def finding(db, school_id, rule_id):
    return next(sqlite_utils.Database(db).query(
        "select * from findings where school_id = ? and rule_id = ?", [school_id, rule_id]))


@pytest.fixture
def db(audited_region, tmp_path):
    return _copy_db(audited_region, tmp_path)


def test_override_survives_rejudging_and_turns_stale_when_the_document_changes(db):
    data = sqlite_utils.Database(db)
    target = next(data.query(
        "select f.school_id, f.evidence_url, c.sha256 from findings f join classifications c "
        "on c.run_id = f.run_id and c.school_id = f.school_id and c.url = f.evidence_url "
        "where f.rule_id = 'doc.regulation' and f.status = 'pass' order by f.school_id limit 1"))
    school_id = target["school_id"]

    proc = cli("eduaudit.overrides", school_id, "doc.regulation", "--status", "fail",
               "--reason", "положение утверждено для другой школы", "--by", "Иванова И.И.", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert "Решение записано" in proc.stdout
    stored = next(data.query("select * from overrides"))
    assert stored["by"] == "Иванова И.И." and stored["original_status"] == "pass"
    assert target["sha256"] in stored["fingerprint"] and stored["evidence_url"] == target["evidence_url"]
    now = finding(db, school_id, "doc.regulation")
    assert now["status"] == "fail" and now["overridden"] == 1 and now["computed_status"] == "pass"

    audit = cli("eduaudit.cli", "audit", "--db", str(db))
    assert audit.returncode == 0, audit.stderr
    kept = finding(db, school_id, "doc.regulation")
    assert kept["status"] == "fail" and kept["overridden"] == 1 and not kept["override_stale"]
    assert kept["detail"].startswith("Решение эксперта: положение утверждено для другой школы (Иванова И.И.")
    assert kept["detail"].count("Решение эксперта") == 1

    # The school replaces the file under the same address with another regulation.
    other = next(data.query(
        "select sha256 from classifications where doc_type = 'regulation' and audience in ('teachers', 'both') "
        "and issuer = 'school' and about_mentoring = 1 and sha256 != ? limit 1", [target["sha256"]]))["sha256"]
    with data.conn:
        data.execute("update documents set sha256 = ? where school_id = ? and url = ?",
                     [other, school_id, target["evidence_url"]])
    audit = cli("eduaudit.cli", "audit", "--db", str(db))
    assert audit.returncode == 0, audit.stderr
    stale = finding(db, school_id, "doc.regulation")
    assert stale["override_stale"] == 1 and stale["overridden"] == 0
    assert stale["status"] == stale["computed_status"] == "pass"
    assert "требует пересмотра" in stale["detail"]

    explained = cli("eduaudit.explain", school_id, "--db", str(db))
    assert "решение эксперта требует пересмотра" in explained.stdout


def test_override_of_a_finding_resting_on_no_stored_file_uses_its_text(db):
    data = sqlite_utils.Database(db)
    school_id = next(data.query("select school_id from sites where reachable = 0 and school_id in "
                                "(select school_id from schools where kind = 'school') order by school_id"))["school_id"]
    proc = cli("eduaudit.overrides", school_id, "doc.regulation", "--status", "pass",
               "--reason", "положение проверено на новом сайте вручную", "--by", "Петров П.П.", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert next(data.query("select fingerprint from overrides"))["fingerprint"].startswith("text:")
    assert cli("eduaudit.cli", "audit", "--db", str(db)).returncode == 0
    row = finding(db, school_id, "doc.regulation")
    assert row["status"] == "pass" and row["overridden"] == 1 and row["computed_status"] == "error"
    untouched = finding(db, school_id, "doc.order")
    assert untouched["status"] == "error" and not untouched["overridden"]

    # The site answers again with another error: the decision was made on other evidence.
    with data.conn:
        data.execute("update sites set error = 'HTTP 503' where school_id = ?", [school_id])
    assert cli("eduaudit.cli", "audit", "--db", str(db)).returncode == 0
    row = finding(db, school_id, "doc.regulation")
    assert row["status"] == "error" and row["override_stale"] == 1


def test_override_needs_an_existing_finding_and_a_known_status(db):
    proc = cli("eduaudit.overrides", "no-such-school", "doc.regulation", "--status", "pass",
               "--reason", "x", "--by", "y", "--db", str(db))
    assert proc.returncode != 0 and "нет результата проверки" in proc.stderr
    proc = cli("eduaudit.overrides", "no-such-school", "doc.regulation", "--status", "error",
               "--reason", "x", "--by", "y", "--db", str(db))
    assert proc.returncode != 0


def test_an_override_is_a_pure_function_of_the_finding_its_decision_and_the_evidence():
    from eduaudit.overrides import overridden

    finding = {"school_id": "s1", "rule_id": "doc.regulation", "status": "fail", "detail": "Положение не найдено."}
    decision = {"status": "pass", "fingerprint": "sha256:aa", "reason": "положение в разделе «Документы»",
                "by": "Иванова", "created_at": "2026-12-01T10:00:00"}
    applied = overridden(finding, decision, "sha256:aa")
    assert (applied["status"], applied["computed_status"], applied["overridden"]) == ("pass", "fail", 1)
    assert applied["detail"].startswith("Решение эксперта: положение в разделе «Документы» (Иванова, 2026-12-01)")
    stale = overridden(finding, decision, "sha256:bb")
    assert (stale["status"], stale["override_stale"]) == ("fail", 1) and "требует пересмотра" in stale["detail"]
    assert overridden(finding, None, None) == {**finding, "computed_status": "fail", "overridden": 0,
                                               "override_stale": 0}
    assert finding == {"school_id": "s1", "rule_id": "doc.regulation", "status": "fail",
                       "detail": "Положение не найдено."}  # left as it was
