"""The municipal authorities' rule pack: verdicts of each rule, pack selection by kind, and a real crawl."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest
import sqlite_utils

from audit_rules import all_rules
from audit_rules.base import ClassifiedDocument, SchoolEvidence
from audit_rules.municipal import coordinator_mentions, persons
from tests.helpers.docmaker import TEACHER_REGULATION, docx, text_pdf
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, write_registry_rows

SITE = {"reachable": 1, "http_status": 200, "final_url": "http://obr.test/", "start_url": "http://obr.test/",
        "fetched_at": "2026-11-01T10:00:00+00:00", "error": ""}
DOWN = {**SITE, "reachable": 0, "http_status": 0, "final_url": "", "error": "сайт не отвечает (таймаут)"}
AUTHORITY = "Отдел образования Администрации муниципального образования «Велижский район» Смоленской области"

COORDINATOR_ORDER = [
    AUTHORITY, "ПРИКАЗ", "от 02.09.2025 № 215-од",
    "О назначении муниципального координатора системы наставничества педагогических работников",
    "В соответствии с распоряжением Правительства Российской Федерации от 31.12.2019 № 3273-р, Положением о "
    "муниципальной системе наставничества педагогических работников,",
    "ПРИКАЗЫВАЮ:",
    "1. Назначить Смирнову Ольгу Викторовну, методиста муниципального методического кабинета, муниципальным "
    "координатором системы наставничества педагогических работников.",
    "2. Муниципальному координатору вести муниципальный реестр наставников.",
    "3. Контроль за исполнением приказа оставляю за собой.",
    "Начальник отдела образования                    И. П. Козлов",
]
MUNICIPAL_REGULATION = [
    f"УТВЕРЖДЕНО приказом {AUTHORITY.replace('Отдел', 'Отдела', 1)} от 30.08.2024 № 180",
    "Положение о муниципальной системе наставничества педагогических работников образовательных организаций "
    "муниципального образования «Велижский район» Смоленской области",
    "1. Общие положения",
    "1.1. Настоящее Положение определяет цели, задачи и структуру муниципальной системы наставничества "
    "педагогических работников в муниципальных образовательных организациях района.",
    "1.2. Положение разработано в соответствии с распоряжением Правительства Российской Федерации от 31.12.2019 "
    "№ 3273-р и письмом Минпросвещения России от 21.12.2021 № АЗ-1128/08/657.",
    "2. Структура",
    "2.1. Орган управления образованием утверждает документы муниципальной системы наставничества и назначает "
    "муниципального координатора.",
    "2.2. Руководители образовательных организаций района утверждают положения о системе наставничества "
    "педагогических работников и персонализированные программы наставничества.",
]
MUNICIPAL_PLAN = [
    f"УТВЕРЖДЕН приказом {AUTHORITY.replace('Отдел', 'Отдела', 1)} от 01.09.2025 № 201",
    "План мероприятий (дорожная карта) по реализации системы наставничества педагогических работников в "
    "образовательных организациях муниципального образования «Велижский район» на 2025/2026 учебный год",
    "№ п/п | Мероприятие | Сроки | Ответственные",
    "1. | Совещание руководителей образовательных организаций района по внедрению системы наставничества "
    "педагогических работников | сентябрь 2025 | Отдел образования",
    "2. | Формирование муниципального реестра наставников | октябрь 2025 | Муниципальный координатор",
    "3. | Мониторинг реализации персонализированных программ наставничества | май 2026 | Отдел образования",
]


def doc(doc_type="regulation", audience="teachers", issuer="municipal", about=True, url=None, sha="1",
        title="Положение о муниципальной системе наставничества педагогических работников", **kw):
    return ClassifiedDocument(
        sha256=sha * 64, source="file", url=url or f"http://obr.test/files/{doc_type}.pdf", urls=[], link_text="",
        doc_type=doc_type, audience=audience, issuer=issuer, about_mentoring=about, confidence=0.9, title=title,
        date=kw.pop("date", "2025-09-01"), number="201", contains=[], evidence=["муниципальной системы наставничества"],
        extraction_status="ok", fetched_at="2026-11-01T10:00:05+00:00", **kw)


def evidence(documents=(), pages=(), site=SITE, texts=None, blobs=None):
    texts, blobs = texts or {}, blobs or {}
    return SchoolEvidence(school={"school_id": "mun01", "url": "http://obr.test/", "kind": "municipality"},
                          site=site, pages=list(pages), documents=list(documents),
                          read_blob=lambda sha: blobs.get(sha, b""), read_text=lambda sha: texts.get(sha, ""))


RULES = {rule.id: rule for rule in all_rules()}


def verdict(rule_id, ev):
    return RULES[rule_id].evaluate(ev)


# --- the pack ------------------------------------------------------------------------------------

def test_packs_by_kind():
    school = [r.id for r in all_rules("school")]
    municipal = [r.id for r in all_rules("municipality")]
    assert municipal == ["site.reachable", "section.mentoring", "site.moved", "mun.regulation", "mun.plan",
                         "mun.coordinator"]
    assert not [r for r in school if r.startswith("mun.")]
    assert "doc.regulation" not in municipal and "section.documents" not in municipal
    for rule_id in ("mun.regulation", "mun.plan", "mun.coordinator"):
        rule = RULES[rule_id]
        assert rule.title and rule.checks and rule.what_to_do and "АЗ-1128" in rule.basis


# --- mun.regulation and mun.plan ---------------------------------------------------------------

@pytest.mark.parametrize("rule_id, doc_type", [("mun.regulation", "regulation"), ("mun.plan", "roadmap")])
@pytest.mark.parametrize("document, status", [
    ({}, "pass"),
    ({"audience": "both"}, "pass"),
    ({"issuer": "unknown"}, "warn"),
    ({"audience": "unknown"}, "warn"),
    ({"audience": "students"}, "warn"),
    ({"issuer": "school"}, "fail"),
    ({"issuer": "regional"}, "fail"),
    ({"about": False}, "fail"),
])
def test_municipal_document_verdicts(rule_id, doc_type, document, status):
    finding = verdict(rule_id, evidence([doc(doc_type, **document)]))
    assert finding.status == status
    if status != "pass" and document.get("issuer") in ("school", "regional"):
        assert "другого уровня" in finding.detail


@pytest.mark.parametrize("rule_id", ["mun.regulation", "mun.plan", "mun.coordinator"])
def test_fail_when_nothing_and_error_when_site_down(rule_id):
    assert verdict(rule_id, evidence()).status == "fail"
    down = verdict(rule_id, evidence([doc()], site=DOWN))
    assert down.status == "error" and "таймаут" in down.detail


def test_plan_reports_its_academic_year_but_is_not_judged_by_it():
    old = verdict("mun.plan", evidence([doc("roadmap", academic_year="2021/2022")]))
    assert old.status == "pass" and "2021/2022" in old.detail


# --- mun.coordinator ---------------------------------------------------------------------------

def test_coordinator_named_in_an_order_passes():
    order = doc("order", sha="2", title="О назначении муниципального координатора")
    finding = verdict("mun.coordinator", evidence([order], texts={order.sha256: "\n".join(COORDINATOR_ORDER)}))
    # the name quoted as the order declines it, not put into a sentence that would need the nominative
    assert finding.status == "pass" and "«Смирнову Ольгу Викторовну» (так в тексте)" in finding.detail
    assert "назван: Смирнову" not in finding.detail
    assert finding.evidence_url == order.url and "координатором" in finding.evidence_text


def test_coordinator_named_on_a_page_across_a_table_cell_passes():
    html = ("<html><body><h1>Наставничество</h1><table><tr><td>Муниципальный координатор</td>"
            "<td>Петрова А. С., методист ИМЦ</td></tr></table></body></html>").encode()
    page = {"url": "http://obr.test/nastavnichestvo/", "role": "mentoring", "sha256": "p" * 64,
            "fetched_at": "2026-11-01T10:00:01+00:00"}
    finding = verdict("mun.coordinator", evidence(pages=[page], blobs={page["sha256"]: html}))
    assert finding.status == "pass" and "Петрова А. С." in finding.detail


def test_role_without_a_name_warns():
    regulation = doc(sha="3")
    finding = verdict("mun.coordinator", evidence([regulation], texts={regulation.sha256: "\n".join(MUNICIPAL_REGULATION)}))
    assert finding.status == "warn" and "не назван" in finding.detail


def test_a_schools_curator_in_a_reposted_school_order_does_not_count():
    order = doc("order", issuer="school", sha="4", title="О назначении куратора")
    text = "1. Назначить куратором реализации программ наставничества Иванову Елену Петровну, заместителя директора."
    assert verdict("mun.coordinator", evidence([order], texts={order.sha256: text})).status == "fail"


def test_names_and_roles_are_read_the_way_documents_write_them():
    assert persons("Назначить Иванову Елену Петровну и Е.П. Смирнову, а также Кузнецова И. И.") == [
        "Иванову Елену Петровну", "Е.П. Смирнову", "Кузнецова И. И."]
    # A PDF wraps the appointment over lines; the name and the role are still one sentence.
    named, _ = coordinator_mentions("1. Назначить Степанову Л. В., ведущего специалиста по\nметодической работе, "
                                    "муниципальным координатором\nсистемы наставничества.", mentoring_context=True)
    assert named and named[0][0] == "Степанову Л. В."
    # «Координатор» of something else on a page about nothing in particular is no mentoring coordinator.
    named, unnamed = coordinator_mentions("Координатор олимпиады: Сидорова Анна Павловна.", mentoring_context=False)
    assert not named and not unnamed


# --- a real crawl: one authority and two schools --------------------------------------------------

def _page(title: str, body: str, links: list[tuple[str, str]] = ()) -> str:
    menu = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><ul class='menu'>{menu}</ul>"
            f"<h1>{title}</h1>{body}</body></html>")


def _school_site(with_regulation: bool) -> dict:
    menu = [("/sveden/", "Сведения об образовательной организации"), ("/nastavnichestvo/", "Наставничество")]
    files = '<ul><li><a href="/files/polozhenie.pdf">Положение о системе наставничества</a></li></ul>' \
        if with_regulation else "<p>Документы готовятся.</p>"
    site = {
        "/": _page("МБОУ СШ", "<p>Добро пожаловать.</p>", menu),
        "/sveden/": _page("Сведения об образовательной организации", '<a href="/sveden/document">Документы</a>', menu),
        "/sveden/document": _page("Документы", "<p>Устав.</p>", menu),
        "/nastavnichestvo/": _page("Наставничество", files, menu),
    }
    if with_regulation:
        site["/files/polozhenie.pdf"] = Resource(text_pdf(TEACHER_REGULATION), "application/pdf")
    return site


def _authority_site() -> dict:
    menu = [("/ob-otdele/", "Об отделе"), ("/nastavnichestvo/", "Наставничество")]
    files = ('<ul><li><a href="/upload/polozhenie_munitsipalnoe.pdf">Положение о муниципальной системе '
             'наставничества</a></li><li><a href="/upload/dorozhnaya_karta.docx">Дорожная карта</a></li>'
             '<li><a href="/upload/prikaz_koordinator.pdf">Приказ о назначении муниципального координатора</a></li></ul>')
    return {
        "/": _page("Отдел образования", "<p>Официальный сайт отдела образования.</p>", menu),
        "/ob-otdele/": _page("Об отделе", "<p>Начальник отдела: Козлов И. П.</p>", menu),
        "/nastavnichestvo/": _page("Наставничество", "<p>Система наставничества педагогов района.</p>" + files, menu),
        "/upload/polozhenie_munitsipalnoe.pdf": Resource(text_pdf(MUNICIPAL_REGULATION), "application/pdf"),
        "/upload/dorozhnaya_karta.docx": Resource(
            docx(MUNICIPAL_PLAN), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "/upload/prikaz_koordinator.pdf": Resource(text_pdf(COORDINATOR_ORDER), "application/pdf"),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("municipal")
    sites = {"obr-velizh.test": _authority_site(), "school-a.test": _school_site(True),
             "school-b.test": _school_site(False)}
    with LoopbackSites(sites) as served:
        write_registry_rows(tmp / "registry.csv", served, [
            {"school_id": "mun01", "host": "obr-velizh.test", "kind": "орган управления образованием",
             "name": AUTHORITY},
            {"school_id": "a", "host": "school-a.test"}, {"school_id": "b", "host": "school-b.test"}])
        proc = run_crawl(tmp / "registry.csv", tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return tmp, proc


def test_crawl_judges_the_authority_by_its_own_pack(crawled):
    tmp, proc = crawled
    db = sqlite_utils.Database(tmp / "eduaudit.db")
    assert next(db.query("select kind from schools where school_id = 'mun01'"))["kind"] == "municipality"
    verdicts = {(r["school_id"], r["rule_id"]): r["status"] for r in db.query("select * from findings")}
    authority = {rule: status for (sid, rule), status in verdicts.items() if sid == "mun01"}
    assert set(authority) == {r.id for r in all_rules("municipality")}
    assert authority["mun.regulation"] == authority["mun.plan"] == authority["mun.coordinator"] == "pass"
    assert authority["section.mentoring"] == "pass" and authority["site.reachable"] == "pass"
    for school in ("a", "b"):
        assert {rule for (sid, rule) in verdicts if sid == school} == {r.id for r in all_rules("school")}
    assert verdicts[("a", "doc.regulation")] == "pass" and verdicts[("b", "doc.regulation")] == "fail"
    # The operator's figures count schools only.
    assert "Положение размещено: 1 из 2 проверенных школ (50 %)" in proc.stdout


def test_reports_give_authorities_their_own_sheet_and_section(crawled):
    tmp, _ = crawled
    report = subprocess.run([sys.executable, "-m", "eduaudit.cli", "report", "--out", str(tmp)],
                            capture_output=True, text=True, timeout=120)
    assert report.returncode == 0, report.stderr
    out = tmp / "reports" / "run-1"
    book = openpyxl.load_workbook(out / "svod.xlsx")
    total = [r for r in book["Свод"].iter_rows(values_only=True) if r[0] == "Итого по области"][0]
    assert total[1] == 2
    rows = list(book["Органы управления образованием"].iter_rows(min_row=2, values_only=True))
    assert {r[3] for r in rows} >= {RULES["mun.coordinator"].title, RULES["mun.plan"].title}
    assert all(r[1] != "Школа a" for r in rows)
    assert "Сигналы" in book.sheetnames
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="authorities"' in html and "mun.coordinator" in html


def test_explain_an_authority(crawled):
    tmp, _ = crawled
    proc = subprocess.run([sys.executable, "-m", "eduaudit.cli", "explain", "mun01", "--out", str(tmp),
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    coordinator = next(v for v in report["verdicts"] if v["rule_id"] == "mun.coordinator")
    assert coordinator["status"] == "pass" and "Смирнову Ольгу Викторовну" in coordinator["detail"]
    assert report["school"]["kind"] == "municipality"
