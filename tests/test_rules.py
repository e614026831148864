"""Rule verdicts on stored evidence: pass, fail, warn and error for each contract rule."""

from __future__ import annotations

import pytest

from audit_rules import all_rules
from audit_rules.base import ClassifiedDocument, SchoolEvidence

SITE = {"reachable": 1, "http_status": 200, "final_url": "http://s.test/", "start_url": "http://s.test/",
        "fetched_at": "2026-11-01T10:00:00+00:00", "error": ""}
DOWN = {"reachable": 0, "http_status": 0, "final_url": "", "start_url": "http://s.test/",
        "fetched_at": "2026-11-01T10:00:00+00:00", "error": "сайт не отвечает (соединение отклонено)"}


def doc(doc_type="regulation", audience="teachers", issuer="school", about=True, contains=(), url=None,
        title="Положение о системе наставничества педагогических работников"):
    return ClassifiedDocument(
        sha256="0" * 64, source="file", url=url or f"http://s.test/files/{doc_type}.pdf", urls=[], link_text="",
        doc_type=doc_type, audience=audience, issuer=issuer, about_mentoring=about, confidence=0.9,
        title=title, date="2024-08-30", number="101-од", contains=list(contains),
        evidence=["системе наставничества педагогических работников"], extraction_status="ok",
        fetched_at="2026-11-01T10:00:05+00:00")


def evidence(documents=(), pages=(), site=SITE):
    return SchoolEvidence(school={"school_id": "s", "url": "http://s.test/"}, site=site,
                          pages=list(pages), documents=list(documents))


RULES = {rule.id: rule for rule in all_rules()}


def verdict(rule_id, ev):
    return RULES[rule_id].evaluate(ev)


def test_contract_rules_are_all_there_in_order():
    assert list(RULES)[:8] == ["site.reachable", "section.documents", "section.mentoring", "doc.regulation",
                               "doc.roadmap", "doc.order", "doc.program", "site.moved"]
    for rule in RULES.values():
        assert rule.title and rule.what_to_do and rule.checks


def test_teacher_regulation_passes_with_evidence():
    finding = verdict("doc.regulation", evidence([doc()]))
    assert finding.status == "pass"
    assert finding.evidence_url.endswith("regulation.pdf")
    assert "наставничества педагогических работников" in finding.evidence_text
    assert finding.fetched_at


@pytest.mark.parametrize("document, status", [
    (doc(audience="both"), "pass"),
    (doc(audience="students"), "warn"),
    (doc(audience="unknown"), "warn"),
    (doc(issuer="municipal"), "fail"),
    (doc(doc_type="other", about=False), "fail"),
    (doc(doc_type="order", contains=["regulation"]), "pass"),
])
def test_regulation_verdicts(document, status):
    assert verdict("doc.regulation", evidence([document])).status == status


def test_a_road_map_appended_to_the_regulation_counts_for_the_road_map_rule():
    both = doc(contains=["roadmap"])
    assert verdict("doc.regulation", evidence([both])).status == "pass"
    assert verdict("doc.roadmap", evidence([both])).status == "pass"
    assert verdict("doc.roadmap", evidence([doc()])).status == "fail"


def test_a_page_counts_as_a_document_only_under_a_documents_heading():
    from dataclasses import replace

    # a school's «Наставничество» page with a regulation's glossary but no heading of its own
    glossary_page = replace(doc(title=""), source="page", url="http://s.test/nastavnichestvo")
    assert verdict("doc.regulation", evidence([glossary_page])).status == "fail"
    # the regulation itself set out on the page, under its title
    inline = replace(doc(), source="page", url="http://s.test/nastavnichestvo")
    assert verdict("doc.regulation", evidence([inline])).status == "pass"
    # a programme published as a page of its own, named by the link to it (its heading is the page's)
    programme = replace(doc("program", title=""), source="page", url="http://s.test/nastavnichestvo/programma",
                        link_text="Персонализированная программа наставничества молодого специалиста")
    assert verdict("doc.program", evidence([programme])).status == "pass"
    assert verdict("doc.program", evidence([replace(programme, link_text="Наставничество")])).status == "fail"


def test_students_warning_does_not_hide_a_teacher_regulation():
    ev = evidence([doc(audience="students", url="http://s.test/a.pdf"), doc(url="http://s.test/b.pdf")])
    finding = verdict("doc.regulation", ev)
    assert finding.status == "pass" and finding.evidence_url == "http://s.test/b.pdf"


def test_municipal_plan_is_named_but_does_not_count():
    finding = verdict("doc.roadmap", evidence([doc("roadmap", issuer="municipal", title="План муниципальный")]))
    assert finding.status == "fail"
    assert "муниципальный" in finding.detail


@pytest.mark.parametrize("rule_id, doc_type", [("doc.roadmap", "roadmap"), ("doc.order", "order"),
                                               ("doc.program", "program")])
def test_document_rules_pass_and_fail(rule_id, doc_type):
    assert verdict(rule_id, evidence([doc(doc_type)])).status == "pass"
    assert verdict(rule_id, evidence([doc(doc_type, audience="students")])).status == "fail"
    assert verdict(rule_id, evidence([doc("other", about=False)])).status == "fail"


def test_unreachable_site_is_error_for_all_but_reachability():
    ev = evidence([], site=DOWN)
    assert verdict("site.reachable", ev).status == "fail"
    for rule_id in RULES:
        if rule_id != "site.reachable":
            finding = verdict(rule_id, ev)
            assert finding.status == "error"
            assert "соединение отклонено" in finding.evidence_text


def test_missing_site_row_is_error_too():
    ev = SchoolEvidence(school={"school_id": "s", "url": "http://s.test/"}, site=None, pages=[], documents=[])
    assert verdict("doc.regulation", ev).status == "error"
    assert verdict("site.reachable", ev).status == "fail"


def test_section_rules():
    pages = [{"url": "http://s.test/", "role": "home", "depth": 0, "heading": "школа"},
             {"url": "http://s.test/sveden/document", "role": "documents", "depth": 2, "heading": "документы"},
             {"url": "http://s.test/nastavnichestvo", "role": "mentoring", "depth": 1, "heading": "наставничество"}]
    assert verdict("section.documents", evidence(pages=pages)).evidence_url == "http://s.test/sveden/document"
    assert verdict("section.mentoring", evidence(pages=pages)).status == "pass"
    assert verdict("section.documents", evidence(pages=pages[:1])).status == "fail"
    assert verdict("section.mentoring", evidence(pages=pages[:2])).status == "fail"


def test_documents_list_counts_when_linked_from_sveden():
    sveden_html = b"<html><body><a href='/docs/'>\xd0\x94\xd0\xbe\xd0\xba\xd1\x83\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8b</a></body></html>"
    pages = [{"url": "http://s.test/sveden.html", "role": "sveden", "sha256": "a", "depth": 1},
             {"url": "http://s.test/docs/", "role": "document_list", "sha256": "b", "depth": 2}]
    ev = evidence(pages=pages)
    ev.read_blob = lambda sha: sveden_html if sha == "a" else b""
    assert verdict("section.documents", ev).status == "pass"
    ev.read_blob = lambda sha: b"<html></html>"
    assert verdict("section.documents", ev).status == "fail"


def test_moved_site_is_reported_with_its_new_address():
    moved = dict(SITE, start_url="http://old-school.ucoz.test/", final_url="https://sh1-r66.gosweb.gosuslugi.test/")
    finding = verdict("site.moved", evidence(site=moved))
    assert finding.status == "warn"
    assert finding.evidence_url == "https://sh1-r66.gosweb.gosuslugi.test/"
    assert "old-school.ucoz.test" in finding.evidence_text
    assert verdict("site.moved", evidence()).status == "pass"
    www = dict(SITE, start_url="http://school.test/", final_url="http://www.school.test/index.php")
    assert verdict("site.moved", evidence(site=www)).status == "pass"
    assert verdict("site.moved", evidence(site=DOWN)).status == "error"


def test_a_broken_rule_gives_an_explicit_error():
    from audit_rules.base import Rule
    from eduaudit.stages import evaluate_safely

    class BrokenRule(Rule):
        id = "test.broken"

        def judge(self, evidence):
            raise KeyError("missing field")

    finding = evaluate_safely(BrokenRule(), evidence([doc()]))
    assert finding.status == "error" and "KeyError" in finding.evidence_text


def test_a_long_news_archive_is_not_a_link_trap():
    archive = [{"url": f"http://s.test/news/{n}", "role": "other"} for n in range(1, 300)]
    assert verdict("site.reachable", evidence(pages=archive)).status == "pass"
    # the same shape, when it ate the crawl's page budget, is reported as a trap
    trapped = evidence(pages=archive, site={**SITE, "crawl_cut_short": 1})
    finding = verdict("site.reachable", trapped)
    assert finding.status == "warn" and "ловушка" in finding.evidence_text
