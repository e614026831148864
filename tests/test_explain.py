"""`explain` on a crawled and audited generated region: verdicts, evidence, classifications, pages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import sqlite_utils

from audit_rules import all_rules


def explain(region, *args):
    return subprocess.run([sys.executable, "-m", "eduaudit.explain", *args, "--db", str(region.db)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def school(audited_region):
    """A school whose regulation was found, with its pass finding."""
    db = sqlite_utils.Database(audited_region.db)
    row = next(db.query("select school_id, evidence_url from findings where rule_id = 'doc.regulation' "
                        "and status = 'pass' order by school_id limit 1"))
    return row


def test_text_explanation_names_verdicts_evidence_documents_and_pages(audited_region, school):
    db = sqlite_utils.Database(audited_region.db)
    proc = explain(audited_region, school["school_id"])
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    name = next(db.query("select name from schools where school_id = ?", [school["school_id"]]))["name"]
    assert text.startswith(f"{name} ({school['school_id']})")
    for rule in all_rules("school"):
        assert f"[{rule.id}]" in text
    verdicts = text.split("ВЕРДИКТЫ", 1)[1].split("ДОКУМЕНТЫ", 1)[0]
    regulation = verdicts.split("[doc.regulation]", 1)[1].split("\n* ", 1)[0]
    assert "ВЫПОЛНЕНО" in regulation
    assert f"доказательство: {school['evidence_url']}" in regulation
    assert "классификация: положение" in regulation and "почему: «" in regulation
    assert "загружено: 20" in regulation
    pages = text.split("ПРОСМОТРЕННЫЕ СТРАНИЦЫ", 1)[1]
    assert "[главная страница]" in pages
    home = next(db.query("select url from pages where school_id = ? and role = 'home'", [school["school_id"]]))
    assert home["url"] in pages


def test_json_explanation_holds_the_same_content(audited_region, school):
    db = sqlite_utils.Database(audited_region.db)
    run_id = next(db.query("select max(id) as id from runs"))["id"]
    proc = explain(audited_region, school["school_id"], "--run", str(run_id), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["run"]["id"] == run_id and report["school"]["school_id"] == school["school_id"]
    assert [v["rule_id"] for v in report["verdicts"]] == [r.id for r in all_rules("school")]
    regulation = next(v for v in report["verdicts"] if v["rule_id"] == "doc.regulation")
    assert regulation["status"] == "pass" and regulation["evidence_url"] == school["evidence_url"]
    assert regulation["documents"], "the deciding document's classification is linked"
    docs = {d["sha256"]: d for d in report["documents"]}
    deciding = docs[regulation["documents"][0]]
    assert deciding["doc_type"] == "regulation" or "regulation" in deciding["contains"]
    assert deciding["audience"] in ("teachers", "both") and deciding["evidence"]
    assert 0 < deciding["confidence"] <= 1
    stored = db["pages"].count_where("school_id = ? and run_id = ?", [school["school_id"], run_id])
    assert len(report["pages"]) == stored and all(p["role_ru"] for p in report["pages"])


def test_unreachable_school_is_explained_with_the_reason(audited_region):
    db = sqlite_utils.Database(audited_region.db)
    down = next(db.query("select school_id, error from sites where reachable = 0 order by school_id limit 1"))
    proc = explain(audited_region, down["school_id"])
    assert proc.returncode == 0, proc.stderr
    assert "Сайт недоступен" in proc.stdout and "НЕ УДАЛОСЬ ПРОВЕРИТЬ" in proc.stdout


def test_unknown_school_is_an_error(audited_region):
    proc = explain(audited_region, "no-such-school")
    assert proc.returncode != 0 and "no-such-school" in proc.stderr
