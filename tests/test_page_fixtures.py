"""Saved pages of each platform and theme: the page's role, the links chosen, the documents found.

Each page is read in process with ``HtmlResponse`` (see tests/helpers/pagekit.py); the
fixtures under tests/files/ are written for these tests after the platforms'
structure (domain brief §3), not copied from real sites.
"""

from __future__ import annotations

import scrapy
from scrapy.http import XmlResponse

from crawler import navigation as nav
from crawler.spiders.school_site import HOME
from tests.helpers.pagekit import FILES, SavedSite

UCOZ = "http://ozernaya.ucoz.test"
WP = "http://sh2-gagarin.test"
JOOMLA = "http://school7-vyazma.test"
BITRIX = "http://sch5-yarcevo.test"
GOSWEB = "http://sh9-roslavl-r66.gosweb.gosuslugi.test"
EDUSITE = "http://sychevka.edusite.test"


def test_ucoz_theme_with_the_schools_name_in_every_h1_reads_the_title():
    site = SavedSite(UCOZ + "/", "ucoz/school_h1_home.html")
    assert UCOZ + "/index/0-9" in site.home.pages
    mentoring = site.open(site.home, UCOZ + "/index/0-9", "ucoz/school_h1_mentoring.html")
    assert mentoring.role == nav.MENTORING
    assert mentoring.page.heading == "наставничество"
    assert mentoring.documents == {UCOZ + "/_ld/0/17_polozhenie_o_sis.pdf", UCOZ + "/_ld/0/18_prikaz_o_zakrep.pdf"}
    documents = site.open(site.home, UCOZ + "/index/0-11", "ucoz/school_h1_documents.html")
    assert documents.role == nav.DOCUMENT_LIST
    assert documents.documents == {UCOZ + "/_ld/0/20_plan_meropr.docx", UCOZ + "/_ld/0/22_prikaz_45.pdf"}


def test_wordpress_site_title_h1_in_the_header_and_viewer_links_of_any_make():
    site = SavedSite(WP + "/", "wordpress/site_title_home.html")
    documents = site.open(site.home, WP + "/svedeniya/dokumenty/", "wordpress/site_title_documents.html")
    assert documents.role == nav.DOCUMENTS
    assert documents.page.heading == "документы"
    uploads = WP + "/wp-content/uploads/2025/09/"
    # pdf.js with a root-relative ?file=, an embedded pdf.js viewer with an encoded one; a share link is no document
    assert documents.documents == {uploads + "polozhenie-o-nastavnichestve.pdf", uploads + "dorozhnaya-karta.pdf"}
    assert not any("vk.com" in url for url in documents.pages | documents.documents)


def test_wordpress_entry_title_in_the_articles_own_header_is_the_pages_name():
    site = SavedSite(WP + "/", "wordpress/site_title_home.html")
    request = site.spider._follow_page("s1", WP + "/", 0, nav.Link(url=WP + "/nastavnichestvo/", text="наставничество"),
                                       nav.MENTORING, HOME)
    mentoring = site._answer(next(iter(request)), "wordpress/site_title_mentoring.html")
    assert mentoring.role == nav.MENTORING  # not «Наставнические пары», a heading below it
    assert mentoring.page.heading == "наставничество"
    assert mentoring.documents == {WP + "/wp-content/uploads/2025/09/prikaz-o-parah.pdf"}


def test_joomla_name_in_breadcrumbs_documents_in_onclick_object_and_embed():
    site = SavedSite(JOOMLA + "/", "joomla/crumbs_home.html")
    url = JOOMLA + "/index.php/pedagogam/nastavnichestvo-pedagogov"
    mentoring = site.open(site.home, url, "joomla/crumbs_mentoring.html")
    assert mentoring.role == nav.MENTORING
    docs = JOOMLA + "/images/docs/"
    assert mentoring.documents == {docs + "prikaz_o_naznachenii_kuratora.pdf", docs + "polozhenie_nastavnichestvo.pdf",
                                   docs + "programma_nastavnichestva.pdf"}


def test_bitrix_name_only_in_the_active_menu_item_and_viewers_on_other_hosts():
    site = SavedSite(BITRIX + "/", "bitrix/active_menu_home.html")
    mentoring = site.open(site.home, BITRIX + "/teachers/mentors/", "bitrix/active_menu_mentoring.html")
    assert mentoring.role == nav.MENTORING
    upload = BITRIX + "/upload/iblock/"
    assert mentoring.documents == {
        upload + "3f1/polozhenie_o_sisteme_nastavnichestva.docx",   # data-href
        upload + "7c2/dorozhnaya_karta.docx",                        # docviewer…/?url=
        upload + "9a0/prikaz_o_zakreplenii_par.docx",                # …/op/view.aspx?src= on another host
        upload + "1b4/programma.pdf",                                # …/viewer?url= on another host
    }


def test_gosweb_road_map_typed_into_a_page_of_the_documents_section():
    site = SavedSite(GOSWEB + "/", "gosweb/typed_home.html")
    base = GOSWEB + "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/"
    documents = site.open(site.home, base, "gosweb/typed_documents.html")
    assert documents.role == nav.DOCUMENTS
    # the road map's page is opened; pages named for another subject are not
    assert base + "plan-meropriyatiy-na-2025-2026.html" in documents.pages
    assert base + "o-shkolnoy-forme.html" not in documents.pages
    assert base + "raspisanie.html" not in documents.pages
    roadmap = site.open(documents, base + "plan-meropriyatiy-na-2025-2026.html", "gosweb/typed_roadmap.html")
    assert roadmap.role == nav.PAGE_DOCUMENT
    assert roadmap.page.heading.startswith("план мероприятий (дорожная карта)")


def test_the_same_page_with_a_school_h1_is_a_document_only_when_reached_from_a_document_section():
    site = SavedSite(GOSWEB + "/", "gosweb/typed_home.html")
    # the same page reached from the home page's menu (a news item, say) is not stored as a document
    (req,) = site.spider._follow_page("s1", GOSWEB + "/", 0, nav.Link(url=GOSWEB + "/x.html", text="ссылка"),
                                      None, HOME)
    visit = site._answer(req, "gosweb/typed_roadmap.html")
    assert visit.role == "other"


def test_edusite_name_in_the_title_and_an_embedded_pdf():
    site = SavedSite(EDUSITE + "/", "edusite/title_only_home.html")
    mentoring = site.open(site.home, EDUSITE + "/p12aa1.html", "edusite/title_only_mentoring.html")
    assert mentoring.role == nav.MENTORING
    assert mentoring.documents == {EDUSITE + "/DswMedia/polozhenie_o_nastavnichestve.pdf"}


# -- #19: more makes of each platform, a menu drawn by a script ---------------------------------
STUDIO = "http://safonovo-sosh4.test"
ROSLAVL = GOSWEB
DOROGOBUZH = "http://sch2-dorogobuzh.test"
PECHERSK = "http://pechersk-school.test"


def _sitemap_requests(site: SavedSite, file: str) -> dict[str, scrapy.Request]:
    """Answer the spider's last look (its sitemap request) with a saved sitemap; the pages it asks for."""
    (ask,) = [r for r in site.spider._look_further("s1") if r.callback == site.spider.parse_sitemap]
    body = (FILES / file).read_bytes()
    answer = XmlResponse(url=ask.url, body=body, request=ask)
    return {r.url: r for r in ask.callback(answer) or () if isinstance(r, scrapy.Request)}


def test_menu_drawn_by_a_script_the_sitemap_stands_in_for_it():
    site = SavedSite(STUDIO + "/", "handmade/script_menu_home.html")
    # the home page is no script shell (it has its news), but it links no section and no hub
    assert site.home.page.role == HOME and not site.spider.sites["s1"].home_menu
    assert not any("svedeniya" in url or "pedagogam" in url for url in site.home.pages)
    asked = _sitemap_requests(site, "handmade/sitemap.xml")
    assert set(asked) == {
        STUDIO + "/svedeniya/dokumenty.html",                 # the section, not the pages below it
        STUDIO + "/o-shkole.html", STUDIO + "/pedagogam.html",  # hubs, as the menu would have offered
        STUDIO + "/pedagogam/metodicheskaya-rabota.html",
    }
    assert {r.meta["strategy"] for r in asked.values()} == {nav.STRATEGY_SITEMAP}
    assert asked[STUDIO + "/svedeniya/dokumenty.html"].meta["via"] == nav.DOCUMENTS


def test_a_home_page_with_its_menu_in_html_gets_no_hubs_from_the_sitemap():
    site = SavedSite(STUDIO + "/", "handmade/menu_home.html")
    assert site.spider.sites["s1"].home_menu
    asked = _sitemap_requests(site, "handmade/sitemap.xml")
    assert set(asked) == {STUDIO + "/svedeniya/dokumenty.html"}


def test_gosweb_modern_design_file_cards_with_a_download_button():
    site = SavedSite(ROSLAVL + "/", "gosweb/typed_home.html")
    url = ROSLAVL + "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/"
    documents = site.open(site.home, url, "gosweb/modern_documents.html")
    assert documents.role == nav.DOCUMENTS
    files = ROSLAVL + "/netcat_files/31/7/"
    # «Скачать» is read with its card's name: the mentoring regulation and a bare order are
    # opened, the charter and the school uniform rules are not
    assert documents.documents == {files + "Polozhenie_o_sisteme_nastavnichestva.pdf", files + "Prikaz_118.pdf"}


def test_bitrix_bootstrap_title_in_the_header_and_bx_breadcrumbs():
    site = SavedSite(DOROGOBUZH + "/", "bitrix/bootstrap_home.html")
    assert DOROGOBUZH + "/pedagogam/nastavnichestvo/" in site.home.pages
    mentoring = site.open(site.home, DOROGOBUZH + "/pedagogam/nastavnichestvo/", "bitrix/bootstrap_mentoring.html")
    assert mentoring.role == nav.MENTORING
    assert mentoring.page.heading == "наставничество"
    assert mentoring.documents == {DOROGOBUZH + "/upload/medialibrary/4c1/polozhenie_o_sisteme_nastavnichestva.pdf",
                                   DOROGOBUZH + "/upload/iblock/a07/dorozhnaya_karta_2025.docx",
                                   DOROGOBUZH + "/upload/iblock/e93/prikaz_o_zakreplenii.pdf"}


def test_joomla_protostar_article_title_in_h2_behind_index_php():
    site = SavedSite(PECHERSK + "/", "joomla/protostar_home.html")
    url = PECHERSK + "/index.php/svedeniya-ob-obrazovatelnoj-organizatsii/dokumenty"
    documents = site.open(site.home, url, "joomla/protostar_documents.html")
    assert documents.role == nav.DOCUMENTS
    assert documents.page.heading == "документы"
    docs = PECHERSK + "/images/docs/"
    assert documents.documents == {docs + "prikaz_ob_utverzhdenii_polozheniya_o_sisteme_nastavnichestva.pdf",
                                   docs + "plan_meropriyatiy.docx"}
