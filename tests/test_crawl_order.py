"""What a site is asked for, and in which order: pages before files, a platform's usual
addresses one after another, the «Сведения» page only when «Документы» is still unknown,
and the last look (sitemap.xml) while the files are still coming."""

from __future__ import annotations

import pytest

import sqlite3
from urllib.parse import urlsplit

from tests.helpers.docmaker import TEACHER_REGULATION, text_pdf
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, sent_requests, write_registry

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs


def html(heading: str, body: str = "") -> str:
    return f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1>{body}</body></html>"


def starts(out, host: str) -> dict[str, dict]:
    """The crawler's request log entry of the first request for each path (and query) of ``host``."""
    first: dict[str, dict] = {}
    for row in sent_requests(out, host):
        parts = urlsplit(row["url"])
        first.setdefault(parts.path + (f"?{parts.query}" if parts.query else ""), row)
    return first


def released(first: dict[str, dict]) -> dict[str, float]:
    return {path: row["released"] for path, row in first.items()}


def roles(db_path, school_id: str) -> dict[str, str]:
    with sqlite3.connect(db_path) as conn:
        return {url.split("/", 3)[3]: role for url, role in
                conn.execute("select url, role from pages where school_id = ?", [school_id])}


def test_a_page_found_while_files_wait_is_asked_for_before_them(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    files = [f"/files/nastavnichestvo-{i}.pdf" for i in range(6)]
    home = html("Школа", "".join(f"<a href='{f}'>Программа наставничества {i}</a>" for i, f in enumerate(files))
                + "<a href='/pedagogam/'>Педагогам</a>")
    site = {"/": home,
            "/pedagogam/": html("Педагогам", "<a href='/pedagogam/nastavnichestvo/'>Наставничество</a>"),
            "/pedagogam/nastavnichestvo/": html("Наставничество"),
            **{f: Resource(pdf, "application/pdf") for f in files}}
    with LoopbackSites({"order.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "order.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path, "--delay", "0.2")
        assert proc.returncode == 0, proc.stderr[-2000:]
        first = released(starts(tmp_path, "order.test"))
    assert set(files) <= set(first)
    # The mentoring page became known when «Педагогам» answered, after the six files had been
    # found. In order of discovery it would come after all six; a site holds only the request on
    # the wire and the next one, so just the files already handed over go first.
    page = first["/pedagogam/nastavnichestvo/"]
    assert sum(first[f] > page for f in files) >= 3
    assert roles(tmp_path / "eduaudit.db", "s")["pedagogam/nastavnichestvo/"] == "mentoring"


def test_a_site_without_a_mentoring_page_looks_further_while_its_files_download(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    files = [f"/files/prikaz-{i}.pdf" for i in range(5)]
    sitemap = ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
               "<url><loc>{base}/o-nas/nastavnichestvo-pedagogov/</loc></url></urlset>")
    site = {"/": html("Школа", "<a href='/sveden/document'>Документы</a>"),
            "/sveden/document": html("Документы", "".join(f"<a href='{f}'>Приказ № {i}</a>"
                                                          for i, f in enumerate(files))),
            "/o-nas/nastavnichestvo-pedagogov/": html("Наставничество"),
            **{f: Resource(pdf, "application/pdf", delay=0.4) for f in files}}
    with LoopbackSites({"nomenu.test": site}) as sites:
        sites.sites["nomenu.test"]["/sitemap.xml"] = Resource(
            sitemap.format(base=sites.url("nomenu.test").rstrip("/")), "application/xml")
        write_registry(tmp_path / "registry.csv", sites, {"s": "nomenu.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path, "--delay", "0.2")
        assert proc.returncode == 0, proc.stderr[-2000:]
        first = released(starts(tmp_path, "nomenu.test"))
    # no page was left to find the mentoring section: the sitemap is read before the last file
    assert first["/sitemap.xml"] < max(first[f] for f in files)
    assert roles(tmp_path / "eduaudit.db", "s")["o-nas/nastavnichestvo-pedagogov/"] == "mentoring"


GOSWEB_MENU = ("<ul><li><a href='/nasha-shkola/'>Наша школа</a></li>"
               "<li><a href='/svedeniya-ob-obrazovatelnoy-organizatsii/'>Сведения об образовательной "
               "организации</a></li></ul><footer>Госвеб</footer>")


def test_the_platforms_second_usual_address_is_asked_for_only_after_the_first_misses(tmp_path):
    site = {"/": html("МБОУ СШ № 1", GOSWEB_MENU),
            "/nasha-shkola/": html("Наша школа", GOSWEB_MENU),
            "/nasha-shkola/nastavnichestvo/": html("Наставничество", GOSWEB_MENU),
            "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/": html("Документы", GOSWEB_MENU)}
    with LoopbackSites({"sh1-r66.gosweb.gosuslugi.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"g": "sh1-r66.gosweb.gosuslugi.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
        first = starts(tmp_path, "sh1-r66.gosweb.gosuslugi.test")
    # the second address went out only once the first had answered (404)
    usual = first["/pedagogam-i-sotrudnikam/nastavnichestvo/"]
    assert usual["status"] == "404"
    assert first["/nasha-shkola/nastavnichestvo/"]["released"] >= usual["answered"]
    r = roles(tmp_path / "eduaudit.db", "g")
    assert r["nasha-shkola/nastavnichestvo/"] == "mentoring"
    assert r["svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/"] == "documents"
    # «Документы» is where the platform keeps it: the «Сведения» page is not needed
    assert "/svedeniya-ob-obrazovatelnoy-organizatsii/" not in first


def test_the_svedeniya_page_is_read_when_documents_is_not_where_platforms_keep_it(tmp_path):
    site = {"/": html("Школа", "<a href='/svedeniya/'>Сведения об образовательной организации</a>"),
            "/svedeniya/": html("Сведения об образовательной организации",
                                "<a href='/svedeniya/dokumenty-shkoly/'>Документы</a>"),
            "/svedeniya/dokumenty-shkoly/": html("Документы")}
    with LoopbackSites({"own.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "own.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path, "--delay", "0.2")
        assert proc.returncode == 0, proc.stderr[-2000:]
        first = released(starts(tmp_path, "own.test"))
    # the link waited for the usual address to miss, and was then followed
    assert first["/sveden/document"] < first["/svedeniya/"]
    assert roles(tmp_path / "eduaudit.db", "s")["svedeniya/dokumenty-shkoly/"] == "documents"
    with sqlite3.connect(tmp_path / "eduaudit.db") as conn:
        status = conn.execute("select status from findings where school_id = 's' and rule_id = 'section.documents'")
        assert status.fetchone()[0] == "pass"


def test_a_local_act_with_a_page_of_its_own_is_skipped_by_its_title(tmp_path):
    acts = ("<a href='/dokumenty/polozhenie-o-portfolio-obuchayuschegosya/'>Положение о портфолио обучающегося</a>"
            "<a href='/dokumenty/polozhenie-o-nastavnichestve/'>Положение о наставничестве педагогов</a>"
            "<a href='/dokumenty/polozhenie-o-sovete-shkoly/'>Положение о совете школы</a>")
    site = {"/": html("Школа", "<a href='/sveden/document'>Документы</a>"),
            "/sveden/document": html("Документы", acts),
            "/dokumenty/polozhenie-o-portfolio-obuchayuschegosya/": html("Положение о портфолио обучающегося"),
            "/dokumenty/polozhenie-o-nastavnichestve/": html("Положение о наставничестве педагогов"),
            "/dokumenty/polozhenie-o-sovete-shkoly/": html("Положение о совете школы")}
    with LoopbackSites({"acts.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "acts.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
        fetched = sites.paths("acts.test")
    assert "/dokumenty/polozhenie-o-nastavnichestve/" in fetched
    assert "/dokumenty/polozhenie-o-sovete-shkoly/" in fetched  # not a title the audit rules out
    assert "/dokumenty/polozhenie-o-portfolio-obuchayuschegosya/" not in fetched



def test_on_the_mentoring_page_every_file_is_opened_whatever_its_title(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    files = ("<a href='/f/1.pdf'>Приказ о назначении ответственных лиц</a>"
             "<a href='/f/2.pdf'>Об организации горячего питания обучающихся</a>")
    site = {"/": html("Школа", "<a href='/nastavnichestvo/'>Наставничество</a><a href='/sveden/document'>Документы</a>"),
            "/nastavnichestvo/": html("Наставничество", "<a href='/f/1.pdf'>Приказ о назначении ответственных лиц</a>"),
            "/sveden/document": html("Документы", files),
            "/f/1.pdf": Resource(pdf, "application/pdf"), "/f/2.pdf": Resource(pdf, "application/pdf")}
    with LoopbackSites({"ctx.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "ctx.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
        fetched = sites.paths("ctx.test")
    assert "/f/1.pdf" in fetched  # linked from the mentoring page: about mentoring, whatever it says
    assert "/f/2.pdf" not in fetched  # in the general list, a title about something else


def test_the_svedeniya_page_is_not_asked_for_when_a_documents_link_finds_the_subsection(tmp_path):
    menu = ("<a href='/svedeniya/'>Сведения об образовательной организации</a>"
            "<a href='/svedeniya/dokumenty/'>Документы</a>")
    site = {"/": html("Школа", menu),
            "/svedeniya/": html("Сведения об образовательной организации", menu),
            "/svedeniya/dokumenty/": html("Документы", menu)}
    with LoopbackSites({"direct.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "direct.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path, "--delay", "0.2")
        assert proc.returncode == 0, proc.stderr[-2000:]
        fetched = sites.paths("direct.test")
    # the usual address missed, but the «Документы» link was still unanswered: «Сведения» waited, and was not needed
    assert "/sveden/document" in fetched
    assert "/svedeniya/" not in fetched
    assert roles(tmp_path / "eduaudit.db", "s")["svedeniya/dokumenty/"] == "documents"
