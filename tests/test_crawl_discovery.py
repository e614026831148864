"""Where the focused crawl looks beyond the links: known paths, sitemap.xml, file-sharing services.

Each site here hides something the way real sites do — a section reachable
only through the sitemap, a mentoring page at a conventional address that no
menu links, documents on Yandex Disk and Google Drive — and the tests assert
what was found, how (the recorded strategy) and what was not fetched.
"""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from crawler import navigation as nav
from tests.helpers.docmaker import TEACHER_REGULATION, docx, text_pdf
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

SITEMAP_ONLY = "sitemap-school.test"
CONVENTIONAL = "conventional-school.test"
SHARED = "shared-files-school.test"
YANDEX, YANDEX_API, GDRIVE, GDOCS = "disk.yandex.ru", "cloud-api.yandex.net", "drive.google.com", "docs.google.com"


def page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav class='menu'><a href='/'>Главная</a> <a href='/kontakty/'>Контакты</a></nav>"
            f"<main><h1>{title}</h1>{body}</main></body></html>")


def sitemap(port: int, host: str, paths: list[str]) -> Resource:
    urls = "".join(f"<url><loc>http://{host}:{port}{p}</loc></url>" for p in paths)
    return Resource('<?xml version="1.0" encoding="UTF-8"?>'
                    f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
                    "application/xml")


def sitemap_only_site(port: int) -> dict:
    # The menu is a picture map without words; only the sitemap names the pages.
    return {
        "/": page("Школа", "<p>Добро пожаловать.</p><a href='/kontakty/'><img src='/m.png' alt=''></a>"),
        "/kontakty/": page("Контакты", "<p>Телефон 8 (48147) 2-11-11</p>"),
        "/sitemap.xml": Resource('<?xml version="1.0"?><sitemapindex '
                                 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                 f'<sitemap><loc>http://{SITEMAP_ONLY}:{port}/sitemap-pages.xml</loc></sitemap>'
                                 '</sitemapindex>', "application/xml"),
        "/sitemap-pages.xml": sitemap(port, SITEMAP_ONLY, [
            "/", "/kontakty/", "/o-nas/nastavnichestvo-pedagogov/", "/istoriya-shkoly/", "/sport/"]),
        "/o-nas/nastavnichestvo-pedagogov/": page(
            "Наставничество", "<p><a href='/files/polozhenie-nastavnichestvo.pdf'>Положение о системе "
                              "наставничества педагогических работников</a></p>"),
        "/files/polozhenie-nastavnichestvo.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF),
        "/istoriya-shkoly/": page("История школы", "<p>Школа открыта в 1965 году.</p>"),
        "/sport/": page("Спорт", "<p>Секции.</p>"),
    }


def conventional_site() -> dict:
    return {
        "/": page("Школа", "<p><a href='/sveden/common'>Сведения об образовательной организации</a></p>"),
        "/sveden/common": page("Основные сведения", "<p>Полное наименование.</p>"),
        # Linked from nowhere, at the address the brief lists for mentoring pages.
        "/nastavnichestvo/": page("Наставничество", "<p><a href='/upload/polozhenie.pdf'>Положение</a></p>"),
        "/upload/polozhenie.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF),
    }


def shared_site(port: int) -> dict:
    return {
        "/": page("Школа", "<p><a href='/nastavnichestvo/'>Наставничество</a></p>"),
        "/nastavnichestvo/": page("Наставничество", (
            f"<p><a href='http://{YANDEX}:{port}/i/Pl0zhEn1eAbc'>Положение о системе наставничества</a></p>"
            f"<p><a href='http://{GDRIVE}:{port}/file/d/1RoadMapRoadMapRoadMap/view?usp=sharing'>"
            "Дорожная карта</a></p>"
            f"<p><a href='http://{GDOCS}:{port}/document/d/1OrderOrderOrderOrder/edit'>Приказ о наставниках</a></p>"
            f"<p><a href='http://{GDRIVE}:{port}/file/d/1PrivatePrivatePrivate/view'>Программа наставничества</a></p>")),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("discovery")
    with LoopbackSites({}) as sites:
        port = sites.port
        content = {
            SITEMAP_ONLY: sitemap_only_site(port),
            CONVENTIONAL: conventional_site(),
            SHARED: shared_site(port),
            YANDEX_API: {
                "/v1/disk/public/resources/download?public_key="
                f"http%3A%2F%2F{YANDEX}%3A{port}%2Fi%2FPl0zhEn1eAbc": Resource(
                    json.dumps({"href": f"http://{YANDEX}:{port}/d-storage/polozhenie.pdf", "method": "GET"}),
                    "application/json")},
            YANDEX: {"/d-storage/polozhenie.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF)},
            GDRIVE: {
                "/uc?export=download&id=1RoadMapRoadMapRoadMap": Resource(
                    docx(["Дорожная карта (план мероприятий) по реализации Положения о системе наставничества "
                          "педагогических работников на 2025/2026 учебный год"]), DOCX),
                # A file shared only with named people: Google answers with its sign-in page.
                "/uc?export=download&id=1PrivatePrivatePrivate": page("Вход – Google Аккаунты", "<form></form>"),
            },
            GDOCS: {"/document/d/1OrderOrderOrderOrder/export?format=docx": Resource(
                docx(["Приказ № 5 от 01.09.2025", "О закреплении наставнических пар"]), DOCX)},
        }
        for host, pages in content.items():
            sites.sites[host] = {p: (r if isinstance(r, Resource) else Resource(r)) for p, r in pages.items()}
        registry = tmp / "registry.csv"
        registry.write_text("school_id,name,municipality,url\n" + "".join(
            f"{sid},Школа {sid},Велижский район,{sites.url(host)}\n"
            for sid, host in (("s", SITEMAP_ONLY), ("c", CONVENTIONAL), ("y", SHARED))), encoding="utf-8")
        proc = run_crawl(registry, tmp, "--resolve", "*.yandex.ru=127.0.0.1", "--resolve",
                         "*.yandex.net=127.0.0.1", "--resolve", "*.google.com=127.0.0.1")
        assert proc.returncode == 0, proc.stderr[-3000:]
        yield sqlite_utils.Database(tmp / "eduaudit.db"), sites


def strategy_of(db, school_id: str, url_end: str) -> str:
    rows = [r["strategy"] for r in db.query("select url, strategy from pages where school_id = ?", [school_id])
            if r["url"].endswith(url_end)]
    assert rows, f"{url_end} not fetched"
    return rows[0]


def finding(db, school_id, rule_id):
    return next(db.query("select * from findings where school_id = ? and rule_id = ?", [school_id, rule_id]))


def test_section_listed_only_in_the_sitemap_is_found(crawled):
    db, sites = crawled
    fetched = sites.paths(SITEMAP_ONLY)
    assert {"/sitemap.xml", "/sitemap-pages.xml", "/o-nas/nastavnichestvo-pedagogov/"} <= fetched
    # pages the sitemap lists that name no wanted section are not opened
    assert "/istoriya-shkoly/" not in fetched and "/sport/" not in fetched
    assert strategy_of(db, "s", "/o-nas/nastavnichestvo-pedagogov/") == "sitemap"
    assert finding(db, "s", "section.mentoring")["status"] == "pass"
    assert finding(db, "s", "doc.regulation")["status"] == "pass"


def test_unlinked_mentoring_page_at_a_conventional_address(crawled):
    db, sites = crawled
    assert "/nastavnichestvo/" in sites.paths(CONVENTIONAL)
    assert strategy_of(db, "c", "/nastavnichestvo/") == "last_resort"
    assert finding(db, "c", "doc.regulation")["status"] == "pass"
    # a missing sitemap is a miss, not a site error
    assert next(db.query("select errors from sites where school_id = 'c'"))["errors"] == 0


def test_site_with_its_sections_found_does_not_look_further(crawled):
    _, sites = crawled
    # the mentoring page was linked, but no documents section: it looks for that one only
    assert "/sitemap.xml" in sites.paths(SHARED)
    assert "/nastavnichestvo/" in sites.paths(SHARED)


def test_documents_on_file_sharing_services(crawled):
    db, _ = crawled
    documents = {r["url"]: r for r in db.query("select * from documents where school_id = 'y'")}
    yandex = documents[next(u for u in documents if YANDEX in u)]
    assert yandex["hosted_on"] == "yandex_disk" and yandex["sha256"] and not yandex["error"]
    assert yandex["url"].endswith("/i/Pl0zhEn1eAbc"), "the public link is the evidence, not the storage URL"
    drive = [r for u, r in documents.items() if GDRIVE in u or GDOCS in u]
    fetched = [r for r in drive if r["sha256"]]
    assert len(fetched) == 2 and all(r["hosted_on"] == "google_drive" for r in fetched)
    private = next(r for r in drive if "Private" in r["url"])
    assert not private["sha256"]
    assert "внешнем сервисе (Google Диск)" in private["error"]
    assert private["anchor_text"] == "программа наставничества"
    assert finding(db, "y", "doc.regulation")["status"] == "pass"
    assert finding(db, "y", "doc.roadmap")["status"] in ("pass", "warn")


@pytest.mark.parametrize("text, unrelated", [
    ("устав муниципального бюджетного общеобразовательного учреждения", True),
    ("правила внутреннего трудового распорядка", True),
    ("отчет о результатах самообследования за 2025 год", True),
    ("коллективный договор на 2024-2027 годы", True),
    ("положение о портфолио обучающегося", True),
    ("приказ № 45 от 01.09.2025", False),
    ("скачать", False),
    ("положение о системе наставничества педагогических работников", False),
    # a title that names both is opened: the mentoring word wins
    ("изменения в устав и положение о наставничестве", False),
])
def test_mandatory_documents_are_not_downloaded(text, unrelated):
    assert nav.names_unrelated_document(nav.Link(url="http://s.test/f.pdf", text=text)) is unrelated


@pytest.mark.parametrize("link, target, strategy", [
    (nav.Link("http://s.test/page/18", "иные акты", itemprop="addRef"), nav.LOCAL_ACTS, "link:itemprop"),
    (nav.Link("http://s.test/page/17", "наставничество"), nav.MENTORING, "link:anchor"),
    (nav.Link("http://s.test/nastavnichestvo/", "подробнее"), nav.MENTORING, "link:slug"),
])
def test_link_strategy_names_the_deciding_signal(link, target, strategy):
    assert nav.link_target(link) == target
    assert nav.link_strategy(link, target) == strategy


def test_shared_file_links():
    yandex = nav.shared_file("https://disk.yandex.ru/i/AbCdEf123")
    assert yandex.via_api and yandex.download_url.startswith("https://cloud-api.yandex.net/v1/disk/public/")
    drive = nav.shared_file("https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing")
    assert drive.download_url == "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOp"
    assert nav.shared_file("https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp").download_url.endswith(
        "id=1AbCdEfGhIjKlMnOp")
    assert nav.shared_file("https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit").download_url.endswith(
        "/export?format=docx")
    # folders and ordinary sites are not files
    assert nav.shared_file("https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOp") is None
    assert nav.shared_file("https://school.test/i/abc") is None
