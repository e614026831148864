"""Broken links are a fact of school sites; they must cost the crawl nothing but themselves.

A link glued to another address («http://school:80http://files…», sometimes inside an Office
viewer wrapper) has no port a request could use. Reading it once raised in the middle of a page's
callback, which dropped the rest of the page's links and left the site unfinished at the end of
the run.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import sqlite_utils
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.items import SiteDoneItem
from crawler.middlewares import CallbackFailureMiddleware
from crawler.navigation import extract_links
from crawler.spiders.school_site import SchoolSiteSpider
from tests.helpers.docmaker import TEACHER_REGULATION, text_pdf
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, write_registry

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

HOST = "broken-links-school.test"
PDF = "application/pdf"


def page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav class='menu'><a href='/'>Главная</a> <a href='/nastavnichestvo/'>Наставничество</a></nav>"
            f"<main><h1>{title}</h1>{body}</main></body></html>")


def test_glued_addresses_are_skipped_and_the_links_after_them_followed(tmp_path):
    with LoopbackSites({}) as sites:
        port = sites.port
        glued = f"http://{HOST}:{port}http://files.example-edu.test/docs/karta.docx"
        viewer = "https://view.officeapps.live.com/op/view.aspx?src=" + quote(glued, safe="")
        sites.sites[HOST] = {p: (r if isinstance(r, Resource) else Resource(r)) for p, r in {
            "/": page("Школа", "<p>Добро пожаловать.</p>"),
            "/nastavnichestvo/": page("Наставничество", (
                f"<ul><li><a href='{viewer}'>Дорожная карта по внедрению системы наставничества</a></li>"
                f"<li><a href='{glued}'>Дорожная карта (копия)</a></li>"
                "<li><a href='/files/polozhenie.pdf'>Положение о системе наставничества педагогических "
                "работников</a></li></ul>")),
            "/files/polozhenie.pdf": Resource(text_pdf(TEACHER_REGULATION), PDF),
        }.items()}
        write_registry(tmp_path / "registry.csv", sites, {"b1": HOST})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
        assert proc.returncode == 0, proc.stderr[-3000:]
        requested = sites.paths(HOST)

    db = sqlite_utils.Database(tmp_path / "eduaudit.db")
    site = next(db.query("select * from sites where school_id = 'b1'"))
    assert site["completed_at"], "the site must finish"
    assert "/files/polozhenie.pdf" in requested
    assert [r["url"] for r in db.query("select url from documents where school_id = 'b1'")] == [
        sites.url(HOST, "/files/polozhenie.pdf")]
    regulation = next(db.query("select status from findings where school_id = 'b1' and rule_id = 'doc.regulation'"))
    assert regulation["status"] == "pass"
    log = next((tmp_path / "logs").glob("run-*-crawl.log")).read_text(encoding="utf-8")
    assert "Traceback" not in log


@pytest.mark.parametrize("href", [
    "http://school.test:8080http://files.test/a.pdf",
    "http://[broken/a.pdf",
])
def test_extract_links_drops_addresses_no_request_could_use(href):
    html = f"<a href='{href}'>Положение</a><a href='/ok.pdf'>Приказ</a>".encode()
    response = HtmlResponse("http://school.test/", body=html, encoding="utf-8")
    assert [link.url for link in extract_links(response.selector, response.url)] == ["http://school.test/ok.pdf"]


def test_a_callback_that_raises_still_settles_its_request():
    crawler = get_crawler(SchoolSiteSpider)
    spider = SchoolSiteSpider.from_crawler(crawler, schools=[{"school_id": "s1", "url": "http://s1.test/"}])
    crawler.spider = spider
    crawler.stats.open_spider()
    request = spider._request("http://s1.test/page/", callback=spider.parse_page, page=True,
                              meta={"school_id": "s1", "via": "mentoring", "depth": 1})
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    out = list(CallbackFailureMiddleware().process_spider_exception(response, ValueError("bad"), spider))
    assert [type(item) for item in out] == [SiteDoneItem]
    assert out[0].school_id == "s1" and out[0].errors == 1
    assert crawler.stats.get_value("eduaudit/callback_failures") == 1
    # a response of no school (robots.txt, say) is left to Scrapy
    stray = HtmlResponse("http://s1.test/robots.txt", body=b"", request=Request("http://s1.test/robots.txt"))
    assert list(CallbackFailureMiddleware().process_spider_exception(stray, ValueError("x"), spider)) == []
