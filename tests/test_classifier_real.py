"""The classifier on the shapes real documents take, and on real excerpts of real school sites.

Two sources, as issue 18 asks for each failure class: texts we wrote in those shapes
(tests/real_patterns.py) and the labelled real excerpts of ../shared/real_docs/dev.jsonl, read
from there (CI has ../shared beside the checkout), never copied into the repo. The real examples
named below are of the "dev" half; the "kept" half is only scored, never asserted one by one.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from audit_rules.classifier import classify
from tests import real_patterns as texts

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real_docs" / "dev.jsonl"


def _load_script():
    spec = importlib.util.spec_from_file_location("classifier_accuracy", ROOT / "scripts" / "classifier_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


acc = _load_script()


def audit_class_of(text: str) -> str:
    return acc.predicted_audit_class(classify(text))


@pytest.fixture(scope="module")
def real() -> dict[str, dict]:
    assert REAL.exists(), f"the shared real set is expected beside the checkout: {REAL}"
    return {row["id"]: row for row in acc.load_real(REAL)}


# ---------------------------------------------------------------------------------------------
# our own texts, one per failure class

@pytest.mark.parametrize("name, expected", [
    ("FOUNDER_LETTERHEAD_REGULATION", "staff_regulation"),
    ("FILE_CARD_NUMBERED_REGULATION", "staff_regulation"),
    ("MID_DOCUMENT_STAFF_REGULATION", "staff_regulation"),
    ("LEGAL_PORTAL_REGIONAL_ORDER", "external"),
    ("MUNICIPAL_TEMPLATE_REGULATION", "external"),
    ("PROGRAMME_WITHOUT_PERSONALISED", "programme"),
    ("OCR_ORDER", "order"),
    ("OCR_REGULATION", "staff_regulation"),
    ("ORDER_WITH_REGULATION_ANNEX", "order"),
    ("REGULATION_WITH_ROADMAP_ANNEX", "staff_regulation"),
    ("STUDENT_MODEL_WITH_TEACHER_FORM", "staff_regulation"),
    ("KINDERGARTEN_REGULATION", "staff_regulation"),
    ("COLLEGE_STUDENTS_REGULATION", "students_regulation"),
    ("SCHOOL_ORDER_UNDER_FOUNDER", "order"),
    ("CIVIL_SERVICE_REGULATION", "other"),
    ("YOUNG_SPECIALIST_PROGRAMME", "programme"),
    ("STAFF_HEADING_OVER_STUDENTS_BODY", "staff_regulation"),
])
def test_shapes_of_real_documents(name, expected):
    assert audit_class_of(getattr(texts, name)) == expected


def test_the_founder_above_a_school_is_not_the_issuer():
    for text in (texts.FOUNDER_LETTERHEAD_REGULATION, texts.SCHOOL_ORDER_UNDER_FOUNDER):
        assert classify(text).issuer == "school"


def test_the_order_subject_in_quotes_is_its_title():
    result = classify(texts.SCHOOL_ORDER_UNDER_FOUNDER)
    assert result.about_mentoring and "Об организации наставничества" in (result.title or "")


def test_several_documents_in_one_file_are_each_listed():
    assert classify(texts.ORDER_WITH_REGULATION_ANNEX).contains == ["regulation"]
    assert classify(texts.REGULATION_WITH_ROADMAP_ANNEX).contains == ["roadmap"]


def test_students_model_with_a_staff_form_covers_both_and_says_why():
    result = classify(texts.STUDENT_MODEL_WITH_TEACHER_FORM)
    assert result.audience == "both"
    assert any("учитель – учитель" in quote for quote in result.evidence)


def test_mentoring_of_civil_servants_is_not_a_school_document():
    result = classify(texts.CIVIL_SERVICE_REGULATION)
    assert not result.about_mentoring and result.doc_type == "other"


def test_an_undecidable_text_is_other_with_low_confidence():
    text = "Наставничество в нашей школе. " + "Учителя и ученики вместе. " * 12
    result = classify(text)
    assert acc.predicted_audit_class(result) == "other"
    assert result.confidence < 0.7


# ---------------------------------------------------------------------------------------------
# real excerpts (dev half), by failure class

@pytest.mark.parametrize("ident, expected", [
    ("d116", "order"),                  # a school's order under the founder's letterhead, subject in quotes
    ("d045", "staff_regulation"),       # students' model plus mentoring under the Labour Code: covers staff
    ("d100", "other"),                  # a governor's resolution on mentoring of civil servants
    ("d031", "external"),               # a regional order re-published on a legal portal
    ("d032", "external"),               # a regional regulation under the portal's banner
    ("d014", "staff_regulation"),       # an excerpt that starts mid-document, flattened
    ("d110", "programme"),     # a kindergarten's programme for young teachers
    ("d021", "programme"),     # ... under the kindergarten's letterhead and address
    ("d028", "staff_regulation"),       # approval block above the title
    ("d109", "staff_regulation"),       # a digital signature stamp above the title
    ("d047", "students_regulation"),    # «Приложение №2 к приказу» above a students' regulation
])
def test_real_excerpts(real, ident, expected):
    row = real[ident]
    assert acc.site_half(row["url"]) == "dev"
    assert acc.REAL_LABEL_CLASS[row["label"]] == expected
    assert audit_class_of(row["excerpt"]) == expected


# ---------------------------------------------------------------------------------------------
# the measurement itself

def test_halves_are_fixed_by_site_and_both_scored(real):
    halves = {}
    for row in real.values():
        half = acc.site_half(row["url"])
        host = row["url"].split("/")[2].removeprefix("www.")
        assert halves.setdefault(host, half) == half
    assert set(halves.values()) == {"dev", "kept"}
    assert acc.site_half("https://www.School.example/a") == acc.site_half("https://school.example/b")


def test_real_set_report_covers_every_labelled_excerpt(real, capsys):
    result = acc.main(["--real", str(REAL), "--show", "0"])
    scored = [r for r in real.values() if r["label"] != "unsure"]
    assert result["n_documents"] == len(scored)
    metrics = result["metrics"]
    assert metrics["dev"]["n"] + metrics["kept"]["n"] == metrics["all"]["n"] == len(scored)
    for name in ("all", "dev", "kept"):
        assert set(metrics[name]["classes"]) == set(acc.AUDIT_CLASSES)
    out = capsys.readouterr().out
    assert "audit class, kept" in out and "expected / got" in out


def test_real_set_floor(real):
    """A regression floor, far below the figures in the README: a change that loses real texts fails."""
    records = acc.run_real(list(real.values()))
    metrics = acc.evaluate_real(records)
    assert metrics["all"]["accuracy"] >= 0.85
    assert metrics["dev"]["macro_f1"] >= 0.85


def test_a_malformed_real_line_names_its_number(tmp_path):
    bad = tmp_path / "set.jsonl"
    good = json.dumps({"id": "x1", "url": "https://a.example/", "label": "other", "excerpt": "текст"})
    bad.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:2"):
        acc.load_real(bad)
    bad.write_text(json.dumps({"id": "x1", "url": "u", "label": "memo", "excerpt": "т"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown label 'memo'"):
        acc.load_real(bad)
