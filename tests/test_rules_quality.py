"""doc.freshness, doc.readable and doc.signed: pass, fail, warn and error on stored evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from audit_rules import academic_years, all_rules
from audit_rules.base import ClassifiedDocument, SchoolEvidence

SITE = {"reachable": 1, "http_status": 200, "final_url": "http://s.test/", "start_url": "http://s.test/",
        "fetched_at": "2026-11-01T10:00:00+00:00", "error": ""}
DOWN = {"reachable": 0, "http_status": 0, "final_url": "", "start_url": "http://s.test/",
        "fetched_at": "2026-11-01T10:00:00+00:00", "error": "сайт не отвечает (таймаут)"}
RUN_STARTED = "2026-11-01T09:55:00+00:00"     # academic year 2026/2027

RULES = {rule.id: rule for rule in all_rules()}


def doc(doc_type="roadmap", *, academic_year="", date="", audience="teachers", issuer="school",
        source="file", ocr_used=False, fmt="pdf", status="ok", signature="", name=None, **extra):
    name = name or doc_type
    return ClassifiedDocument(
        sha256=name.ljust(64, "0")[:64], source=source, url=f"http://s.test/files/{name}.pdf", urls=[],
        link_text="", doc_type=doc_type, audience=audience, issuer=issuer, about_mentoring=True,
        confidence=0.9, title=f"Документ {name}", date=date, number="", contains=[],
        evidence=["наставничества педагогических работников"], extraction_status=status,
        fetched_at="2026-11-01T10:00:05+00:00", academic_year=academic_year, ocr_used=ocr_used,
        extraction_format=fmt, signature=signature,
        signature_evidence=["Документ подписан электронной подписью"] if signature else [], **extra)


def evidence(*documents, site=SITE, started=RUN_STARTED):
    return SchoolEvidence(school={"school_id": "s", "url": "http://s.test/"}, site=site, pages=[],
                          documents=list(documents), run_started_at=started)


def verdict(rule_id, ev):
    return RULES[rule_id].evaluate(ev)


def test_new_rules_are_complete_rule_modules():
    for rule_id in ("doc.freshness", "doc.readable", "doc.signed"):
        rule = RULES[rule_id]
        assert rule.title and rule.checks and rule.what_to_do and rule.basis
        assert any("а" <= ch <= "я" for ch in rule.title.lower())


# -- academic years -------------------------------------------------------------------------------
@pytest.mark.parametrize("day, start", [(dt.date(2026, 9, 1), 2026), (dt.date(2026, 8, 31), 2025),
                                        (dt.date(2027, 1, 15), 2026)])
def test_run_academic_year_runs_september_to_august(day, start):
    assert academic_years.of_day(day) == start


def test_current_year_comes_from_the_run_not_the_clock():
    assert academic_years.current(evidence(started="2023-03-10T08:00:00+00:00")) == 2022
    # No run date (an evidence built by hand): the site's fetch time decides.
    assert academic_years.current(evidence(started="")) == 2026


def test_august_approval_belongs_to_the_coming_year():
    assert academic_years.of_document(doc(date="2025-08-30"))[0] == 2025
    assert academic_years.of_document(doc(date="2026-03-01"))[0] == 2025
    assert academic_years.of_document(doc(academic_year="2024/2025", date="2026-03-01"))[0] == 2024


# -- doc.freshness ---------------------------------------------------------------------------------
@pytest.mark.parametrize("documents, status", [
    ([doc(academic_year="2026/2027")], "pass"),
    ([doc(academic_year="2025/2026")], "pass"),                      # previous year still counts
    ([doc(date="2026-08-29")], "pass"),                                # no year named: approval date
    ([doc(academic_year="2026/2027"), doc("program", academic_year="2025/2026")], "pass"),
    ([doc(academic_year="2022/2023")], "warn"),                       # stale
    ([doc()], "warn"),                                                 # neither year nor date
    ([doc(academic_year="2026/2027"), doc("program", academic_year="2021/2022")], "warn"),
    ([doc(academic_year="2021/2022"), doc(academic_year="2026/2027", name="roadmap2")], "pass"),
    ([], "fail"),
    ([doc(academic_year="2026/2027", issuer="municipal")], "fail"),   # a municipal plan is not the school's
    ([doc(academic_year="2026/2027", audience="students")], "fail"),  # students' target model
])
def test_freshness_verdicts(documents, status):
    assert verdict("doc.freshness", evidence(*documents)).status == status


def test_stale_roadmap_names_its_year_and_the_years_accepted():
    finding = verdict("doc.freshness", evidence(doc(academic_year="2022/2023")))
    assert finding.evidence_url == "http://s.test/files/roadmap.pdf"
    assert "2022/2023" in finding.detail and "2026/2027" in finding.detail and "2025/2026" in finding.detail
    assert finding.fetched_at


def test_freshness_follows_the_run_date_on_rejudging():
    old_run = evidence(doc(academic_year="2022/2023"), started="2023-02-01T09:00:00+00:00")
    assert verdict("doc.freshness", old_run).status == "pass"


def test_freshness_is_error_when_the_site_is_down():
    finding = verdict("doc.freshness", evidence(doc(academic_year="2026/2027"), site=DOWN))
    assert finding.status == "error" and "таймаут" in finding.evidence_text


# -- doc.readable ----------------------------------------------------------------------------------
@pytest.mark.parametrize("documents, status", [
    ([doc("regulation"), doc("order", fmt="docx")], "pass"),
    ([doc("regulation", source="page", fmt="html")], "pass"),
    ([doc("regulation"), doc("order", ocr_used=True)], "warn"),        # a scan, text only by OCR
    ([doc("regulation", fmt="image", ocr_used=True)], "warn"),
    ([doc("regulation", status="failed", fmt="pdf")], "fail"),         # damaged file
    ([doc("regulation", ocr_used=True), doc("order", status="empty")], "fail"),
    ([], "fail"),
    ([doc("regulation", issuer="federal", ocr_used=True)], "fail"),   # only someone else's document
])
def test_readable_verdicts(documents, status):
    assert verdict("doc.readable", evidence(*documents)).status == status


def test_scan_warning_points_at_the_scan():
    finding = verdict("doc.readable", evidence(doc("regulation"), doc("order", ocr_used=True)))
    assert finding.evidence_url.endswith("order.pdf")
    assert "OCR" in finding.evidence_text and "1 из 2" in finding.detail


def test_readable_is_error_when_the_site_is_down():
    assert verdict("doc.readable", evidence(doc("regulation"), site=DOWN)).status == "error"


# -- doc.signed -------------------------------------------------------------------------------------
@pytest.mark.parametrize("documents, status", [
    ([doc("regulation", signature="stamp"), doc("order", signature="pdf-signature")], "pass"),
    ([doc("regulation", signature="detached")], "pass"),
    ([doc("regulation", signature="stamp"), doc("order")], "warn"),
    ([doc("regulation")], "warn"),
    ([], "fail"),
    ([doc("roadmap", signature="stamp")], "fail"),                     # a roadmap is not what is checked
    ([doc("regulation", audience="students", signature="stamp")], "fail"),
    ([doc("regulation", issuer="municipal", signature="stamp")], "fail"),
])
def test_signed_verdicts(documents, status):
    assert verdict("doc.signed", evidence(*documents)).status == status


def test_signature_evidence_is_quoted():
    finding = verdict("doc.signed", evidence(doc("regulation", signature="stamp")))
    assert "отметка об электронной подписи" in finding.evidence_text
    assert "Документ подписан электронной подписью" in finding.evidence_text
    unsigned = verdict("doc.signed", evidence(doc("regulation", signature="stamp"), doc("order")))
    assert unsigned.evidence_url.endswith("order.pdf") and "1 из 2" in unsigned.detail


def test_signed_is_error_when_the_site_is_down():
    assert verdict("doc.signed", evidence(doc("regulation", signature="stamp"), site=DOWN)).status == "error"


def test_documents_built_without_extraction_fields_still_work():
    bare = ClassifiedDocument(
        sha256="a" * 64, source="file", url="http://s.test/p.pdf", urls=[], link_text="", doc_type="regulation",
        audience="teachers", issuer="school", about_mentoring=True, confidence=0.9, title="Положение",
        date="", number="", contains=[], evidence=[], extraction_status="ok", fetched_at="")
    assert bare.academic_year == "" and not bare.ocr_used and bare.signature == ""
    assert verdict("doc.readable", evidence(bare)).status == "pass"
    assert verdict("doc.signed", evidence(bare)).status == "warn"
