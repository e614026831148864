"""The focused crawl on hand-made sites of each platform style, end to end through the CLI.

The sites are small but built the way the platforms build them (Gosweb menus and
netcat_files, *school.ru itemprop microdata and file cards, uCoz in
windows-1251, a custom site without «Сведения…»). The tests assert what the
crawler found, what it stored, and what it did not fetch.
"""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import quote

import pytest
import sqlite_utils

from tests.helpers.docmaker import CHARTER, STUDENT_REGULATION, TEACHER_REGULATION, docx, text_pdf
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, write_registry

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

GOSWEB = "sh3-test-r66.gosweb.gosuslugi.test"
SCHOOLRU = "school3-test.smolschool.test"
UCOZ = "sch3-test.ucoz.test"
CUSTOM = "gimnaziya-test.test"
DOWN = "closed-school.test"

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def page(title: str, body: str, menu: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<header><nav class='menu'>{menu}</nav></header><main><h1>{title}</h1>{body}</main>"
            f"<footer>© Школа</footer></body></html>")


def gosweb_site(port: int) -> dict:
    menu = ("<ul><li><a href='/nasha-shkola/'>Наша школа</a></li>"
            "<li><a href='/svedeniya-ob-obrazovatelnoy-organizatsii/'>Сведения об образовательной организации</a>"
            "<ul><li><a href='/svedeniya-ob-obrazovatelnoy-organizatsii/osnovnye-svedeniya/'>Основные сведения</a></li>"
            "<li><a href='/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/'>Документы</a></li></ul></li>"
            "<li><a href='/pedagogam-i-sotrudnikam/'>Педагогам и сотрудникам</a><ul>"
            "<li><a href='/pedagogam-i-sotrudnikam/nastavnichestvo/'>Наставничество</a></li></ul></li>"
            "<li><a href='/novosti/'>Новости</a></li></ul>")
    news = "".join(f"<p><a href='/novosti/{i}/'>Новость {i}: спортивный праздник</a></p>" for i in range(1, 8))
    docx_url = f"http://{GOSWEB}:{port}/netcat_files/7/8/Prikaz_ob_organizatsii.docx"
    viewer = "https://view.officeapps.live.com/op/view.aspx?src=" + quote(docx_url, safe="")
    site = {
        "/robots.txt": Resource("User-agent: *\nDisallow: /search/\n", "text/plain"),
        "/": page("МБОУ «СШ № 3»", "<p>Добро пожаловать!</p>" + news, menu),
        "/novosti/": page("Новости", news, menu),
        "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/": page(
            "Документы",
            "<p><a href='/netcat_files/1/2/Ustav.pdf'>Устав школы</a></p>"
            f"<p><a href='{viewer}'>Приказ № 112 от 01.09.2025</a></p>"
            "<p><a href='/netcat_files/food/menu.xlsx'>Меню на неделю</a></p>", menu),
        "/pedagogam-i-sotrudnikam/nastavnichestvo/": page(
            "Наставничество",
            "<p>В школе действует система наставничества педагогических работников.</p>"
            "<p><a href='/netcat_files/5/6/Polozhenie_o_sisteme_nastavnichestva.pdf'>Положение о системе "
            "наставничества педагогических работников</a></p>", menu),
        "/netcat_files/1/2/Ustav.pdf": Resource(text_pdf(CHARTER), PDF),
        "/netcat_files/7/8/Prikaz_ob_organizatsii.docx": Resource(
            docx(["Приказ № 112 от 01.09.2025", "Об организации наставничества педагогических работников"]), DOCX),
        "/netcat_files/5/6/Polozhenie_o_sisteme_nastavnichestva.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF),
        "/netcat_files/food/menu.xlsx": Resource(b"PK\x03\x04 not really", "application/vnd.ms-excel"),
    }
    for i in range(1, 8):
        site[f"/novosti/{i}/"] = page(f"Новость {i}", "<p>Текст новости.</p>", menu)
    return site


def schoolru_site() -> dict:
    side = ("<ul><li><a href='/sveden/common'>Основные сведения</a></li>"
            "<li><a href='/sveden/document'>Документы</a></li>"
            "<li><a href='/sveden/employees'>Педагогический состав</a></li></ul>")
    return {
        "/robots.txt": Resource("User-agent: *\nAllow: /\n", "text/plain"),
        "/": page("Школа № 3 г. Рославля",
                  "<p><a href='/sveden/common'>Сведения об образовательной организации</a></p>"
                  "<p><a href='/gallery'>Фотогалерея</a></p>"),
        "/sveden/common": page("Основные сведения", "<p itemprop='fullName'>МБОУ СШ № 3</p>", side),
        "/sveden/document": page(
            "Документы",
            "<p><a itemprop='ustavDocLink' href='/file/card?id=11'>Устав</a></p>"
            "<p><a itemprop='localActStud' href='/file/card?id=13'>Правила для обучающихся</a></p>"
            "<p><a itemprop='addRef' href='/sveden/document/other'>Иные локальные акты</a></p>", side),
        "/sveden/document/other": page(
            "Иные локальные нормативные акты",
            "<p><a href='/file/card?id=12'>Положение о наставничестве обучающихся</a></p>", side),
        "/file/card?id=11": page("Устав", "<a href='/file/download?id=11'>Скачать</a>"),
        "/file/download?id=11": Resource(text_pdf(CHARTER), PDF),
        "/file/download?id=12": Resource(docx(STUDENT_REGULATION), DOCX, headers={
            "Content-Disposition": "attachment; filename*=UTF-8''%D0%BF%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.docx"}),
        "/file/download?id=13": Resource(text_pdf(["Правила внутреннего распорядка обучающихся"]), PDF),
        "/gallery": page("Фотогалерея", "<p>Фото</p>"),
    }


def ucoz_site() -> dict:
    cp = "text/html; charset=windows-1251"

    def upage(title, body):
        return Resource(
            f"<html><head><meta http-equiv='Content-Type' content='{cp}'><title>{title}</title></head><body>"
            f"<div id='menu'><a href='/'>Главная</a> <a href='/index/svedenija_ob_obrazovatelnoj_organizacii/0-4'>"
            f"Сведения об образовательной организации</a> <a href='/index/metodicheskaja_rabota/0-7'>"
            f"Методическая работа</a> <a href='/news/'>Новости</a></div><h1>{title}</h1>{body}</body></html>", cp)

    return {
        "/": upage("МКОУ Средняя школа № 3", "<p>Сайт школы.</p>"),
        "/index/svedenija_ob_obrazovatelnoj_organizacii/0-4": upage(
            "Сведения об образовательной организации", "<p><a href='/index/dokumenty/0-5'>Документы</a></p>"),
        "/index/dokumenty/0-5": upage("Документы", "<p><a href='/_ld/0/12_ustav.pdf'>Устав</a></p>"),
        "/index/metodicheskaja_rabota/0-7": upage(
            "Методическая работа", "<p><a href='/index/nastavnichestvo/0-9'>Наставничество молодых педагогов</a></p>"),
        "/index/nastavnichestvo/0-9": upage(
            "Система наставничества", "<p><a href='/_ld/0/15_polozhenie.pdf'>Положение</a> (скачать)</p>"),
        "/_ld/0/12_ustav.pdf": Resource(text_pdf(CHARTER), PDF),
        "/_ld/0/15_polozhenie.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF),
        "/news/": upage("Новости", "<p><a href='/news/1'>Праздник</a></p>"),
    }


def custom_site() -> dict:
    return {
        "/": page("Гимназия", "<p><a href='/documents.html'>Документы</a> <a href='/contacts.html'>Контакты</a></p>"),
        "/documents.html": page("Документы", "<p><a href='/files/ustav.pdf'>Скачать</a></p>"),
        "/files/ustav.pdf": Resource(text_pdf(CHARTER), PDF),
        "/contacts.html": page("Контакты", "<p>Телефон</p>"),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crawl")
    with LoopbackSites({}) as sites:
        for host, content in ((GOSWEB, gosweb_site(sites.port)), (SCHOOLRU, schoolru_site()),
                              (UCOZ, ucoz_site()), (CUSTOM, custom_site())):
            sites.sites[host] = {p: (r if isinstance(r, Resource) else Resource(r)) for p, r in content.items()}
        sites.sites[DOWN] = {"/": Resource("Service Unavailable", "text/plain", status=503)}
        registry = tmp / "registry.csv"
        rows = [("g", "МБОУ «СШ № 3»", "город Смоленск", GOSWEB), ("r", "МБОУ СШ № 3", "Рославльский район", SCHOOLRU),
                ("u", "МКОУ СШ № 3", "Велижский муниципальный округ", UCOZ), ("c", "Гимназия", "Ельнинский район", CUSTOM),
                ("d", "Закрытая школа", "Угранский район", DOWN)]
        registry.write_text("school_id,name,municipality,url\n" + "".join(
            f"{sid},{name},{mun},{sites.url(host)}\n" for sid, name, mun, host in rows), encoding="utf-8")
        db = tmp / "eduaudit.db"
        proc = subprocess.run(
            [sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry), "--db", str(db),
             "--out", str(tmp), "--resolve", "*.test=127.0.0.1", "--delay", "0", "--workers", "2"],
            capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-3000:]
        yield sqlite_utils.Database(db), sites, proc


def roles(db, school_id):
    return {row["url"].split(":", 2)[2].split("/", 1)[1]: row["role"]
            for row in db.query("select url, role from pages where school_id = ?", [school_id])}


def finding(db, school_id, rule_id):
    return next(db.query("select * from findings where school_id = ? and rule_id = ?", [school_id, rule_id]))


def test_gosweb_sections_found_and_news_not_fetched(crawled):
    db, sites, _ = crawled
    fetched = sites.paths(GOSWEB)
    assert "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/" in fetched
    assert "/pedagogam-i-sotrudnikam/nastavnichestvo/" in fetched
    assert "/netcat_files/5/6/Polozhenie_o_sisteme_nastavnichestva.pdf" in fetched
    # the Office Online wrapper is unwrapped to the file itself
    assert "/netcat_files/7/8/Prikaz_ob_organizatsii.docx" in fetched
    # the charter is a mandatory document that never carries mentoring: not downloaded
    assert "/netcat_files/1/2/Ustav.pdf" not in fetched
    # the platform's usual paths are tried in turn: the second only when the first misses
    assert "/nasha-shkola/nastavnichestvo/" not in fetched
    strategies = {row["url"].split("/", 3)[3]: row["strategy"]
                  for row in db.query("select url, strategy from pages where school_id = 'g'")}
    assert strategies["svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/"] == "probe"
    assert strategies["pedagogam-i-sotrudnikam/nastavnichestvo/"] == "probe"
    assert strategies[""] == "home"
    # the «Сведения» page is only the way to «Документы», which the platform's usual address gave
    assert "/svedeniya-ob-obrazovatelnoy-organizatsii/" not in fetched
    # errors are the two hub pages this fixture lacks
    assert next(db.query("select errors from sites where school_id = 'g'"))["errors"] == 2
    assert not any(p.startswith("/novosti/") and p != "/novosti/" for p in fetched)
    assert "/netcat_files/food/menu.xlsx" not in fetched
    assert "/robots.txt" in fetched
    r = roles(db, "g")
    assert r["svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/"] == "documents"
    assert r["pedagogam-i-sotrudnikam/nastavnichestvo/"] == "mentoring"
    assert finding(db, "g", "section.documents")["status"] == "pass"
    assert finding(db, "g", "section.mentoring")["status"] == "pass"
    regulation = finding(db, "g", "doc.regulation")
    assert regulation["status"] == "pass"
    assert regulation["evidence_url"].endswith("Polozhenie_o_sisteme_nastavnichestva.pdf")
    assert regulation["evidence_text"] and regulation["fetched_at"]


def test_schoolru_cards_itemprop_and_addref(crawled):
    db, sites, _ = crawled
    fetched = sites.paths(SCHOOLRU)
    assert {"/sveden/document", "/sveden/document/other",
            "/file/download?id=12", "/file/download?id=13"} <= fetched
    assert "/file/download?id=11" not in fetched  # «Устав»
    # cards are mapped straight to their downloads
    assert not any(p.startswith("/file/card") for p in fetched)
    assert "/gallery" not in fetched
    assert roles(db, "r")["sveden/document"] == "documents"
    names = {row["url"].rsplit("/", 1)[1]: row["filename"] for row in db.query(
        "select url, filename from documents where school_id = 'r'")}
    assert names["download?id=12"] == "положение.docx"
    assert finding(db, "r", "doc.regulation")["status"] == "warn"
    assert finding(db, "r", "section.mentoring")["status"] == "fail"


def test_ucoz_windows_1251_and_mentoring_behind_a_hub(crawled):
    db, sites, _ = crawled
    r = roles(db, "u")
    # its URL says nothing of «Сведения…», but the «Сведения…» page links to it
    assert r["index/dokumenty/0-5"] == "document_list"
    assert finding(db, "u", "section.documents")["status"] == "pass"
    assert r["index/nastavnichestvo/0-9"] == "mentoring"
    heading = next(db.query("select heading from pages where school_id='u' and url like '%0-9'"))["heading"]
    assert heading == "система наставничества"
    assert "/news/1" not in sites.paths(UCOZ)
    assert finding(db, "u", "doc.regulation")["status"] == "pass"


def test_documents_page_outside_sveden_is_not_the_subsection(crawled):
    db, _, _ = crawled
    assert roles(db, "c")["documents.html"] == "document_list"
    assert finding(db, "c", "section.documents")["status"] == "fail"
    assert finding(db, "c", "doc.regulation")["status"] == "fail"
    # but its documents were still read
    assert db["documents"].count_where("school_id = 'c' and sha256 is not null") == 1


def test_unreachable_site_gives_errors_not_failures(crawled):
    db, _, _ = crawled
    assert finding(db, "d", "site.reachable")["status"] == "fail"
    assert "503" in finding(db, "d", "site.reachable")["evidence_text"]
    for rule_id in ("section.documents", "doc.regulation", "doc.program"):
        assert finding(db, "d", rule_id)["status"] == "error"


def test_every_school_has_every_rule(crawled):
    db, _, _ = crawled
    from audit_rules import all_rules

    n = len(all_rules("school"))
    counts = {r["school_id"]: r["n"] for r in db.query("select school_id, count(*) n from findings group by 1")}
    assert counts == {"g": n, "r": n, "u": n, "c": n, "d": n}


def test_findings_command_prints_contract_fields(crawled, tmp_path):
    db, _, _ = crawled
    path = str(db.conn.execute("pragma database_list").fetchone()[2])
    proc = subprocess.run([sys.executable, "-m", "eduaudit.cli", "findings", "--db", path, "--format", "json"],
                          capture_output=True, text=True, check=True)
    rows = json.loads(proc.stdout)  # one JSON array, as `--format json` promises
    assert isinstance(rows, list)
    lines = subprocess.run([sys.executable, "-m", "eduaudit.cli", "findings", "--db", path, "--format", "jsonl"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows  # JSON Lines: one object per line
    assert len(rows) == 5 * len({r["rule_id"] for r in rows}) and len(rows) >= 35
    assert {"school_id", "municipality", "rule_id", "status", "evidence_url", "evidence_text"} <= set(rows[0])
    assert {r["municipality"] for r in rows if r["school_id"] == "u"} == {"Велижский район"}


def test_warc_export_reads_back(crawled, tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    db, _, _ = crawled
    db_path = db.conn.execute("pragma database_list").fetchone()[2]
    output = tmp_path / "run.warc.gz"
    proc = subprocess.run([sys.executable, "-m", "eduaudit.cli", "export-warc", "--db", db_path,
                           "--output", str(output)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    responses = {}
    with output.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                responses[record.rec_headers.get_header("WARC-Target-URI")] = (
                    record.http_headers.get_statuscode(), record.http_headers.get_header("Content-Type"),
                    record.content_stream().read())
    stored = {r["url"]: r for r in db.query("select url, sha256 from documents where sha256 is not null")}
    assert set(stored) <= set(responses)
    url = next(u for u in stored if u.endswith("Polozhenie_o_sisteme_nastavnichestva.pdf"))
    status, ctype, body = responses[url]
    assert status == "200" and ctype == "application/pdf" and body.startswith(b"%PDF")
    pages = {r["url"] for r in db.query("select url from pages")}
    assert pages <= set(responses)


def test_zip_archive_members_are_documents(tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Документы по наставничеству/Положение.pdf", text_pdf(TEACHER_REGULATION))
        archive.writestr("Устав.pdf", text_pdf(CHARTER))
    site = {"/": page("Школа", "<a href='/nastavnichestvo/'>Наставничество</a>"),
            "/nastavnichestvo/": page("Наставничество", "<a href='/files/nastavnichestvo.zip'>Архив документов</a>"),
            "/files/nastavnichestvo.zip": Resource(buffer.getvalue(), "application/zip")}
    with LoopbackSites({"zip-school.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"z": "zip-school.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    db = sqlite_utils.Database(tmp_path / "eduaudit.db")
    urls = {r["url"].split("#", 1)[1] for r in db.query("select url from documents where url like '%#%'")}
    assert urls == {"Документы по наставничеству/Положение.pdf", "Устав.pdf"}
    regulation = finding(db, "z", "doc.regulation")
    assert regulation["status"] == "pass" and regulation["evidence_url"].endswith("#Документы по наставничеству/Положение.pdf")


def test_detached_signature_beside_a_document(tmp_path):
    # a DER SignedData header (OID 1.2.840.113549.1.7.2), as CryptoPro and OpenSSL write it
    signature = b"\x30\x82\x01\x00\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x82" + bytes(240)
    site = {"/": page("Школа", "<a href='/nastavnichestvo/'>Наставничество</a>"),
            "/nastavnichestvo/": page("Наставничество",
                                      "<a href='/files/polozhenie.pdf'>Положение о системе наставничества</a> "
                                      "<a href='/files/polozhenie.pdf.sig'>Подпись</a>"),
            "/files/polozhenie.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF),
            "/files/polozhenie.pdf.sig": Resource(signature, "application/pkcs7-signature")}
    unsigned = dict(site)
    unsigned["/nastavnichestvo/"] = page("Наставничество", "<a href='/files/polozhenie.pdf'>Положение</a>")
    with LoopbackSites({"signed.test": site, "unsigned.test": unsigned}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "signed.test", "u": "unsigned.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    db = sqlite_utils.Database(tmp_path / "eduaudit.db")
    signed = finding(db, "s", "doc.signed")
    assert signed["status"] == "pass", signed
    assert "polozhenie.pdf.sig" in signed["evidence_text"] + signed["detail"]
    assert finding(db, "u", "doc.signed")["status"] == "warn"
