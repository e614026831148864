"""Link and page judgement used by the focused spider."""

from __future__ import annotations

import random

import pytest
from parsel import Selector

from crawler import navigation as nav
from crawler.page_names import SiteChrome, page_names, title_parts
from crawler.resolver import lookup, parse_overrides


def link(text, url, itemprop=""):
    return nav.Link(url=url, text=nav.fold(text), itemprop=itemprop)


def test_viewer_wrappers_are_unwrapped():
    wrapped = ("https://view.officeapps.live.com/op/view.aspx?src="
               "https%3A%2F%2Fsh1-r66.gosweb.gosuslugi.ru%2Fnetcat_files%2F1%2F2%2FPolozhenie.doc")
    assert nav.unwrap_viewer(wrapped) == "https://sh1-r66.gosweb.gosuslugi.ru/netcat_files/1/2/Polozhenie.doc"
    google = "https://docs.google.com/viewer?url=http%3A%2F%2Fschool.ru%2Fa.pdf&embedded=true"
    assert nav.unwrap_viewer(google) == "http://school.ru/a.pdf"
    assert nav.unwrap_viewer("https://school.ru/a.pdf") == "https://school.ru/a.pdf"


@pytest.mark.parametrize("wrapped, inner", [
    # Office Online style on a host of its own, the address percent-encoded twice
    ("https://officeviewer.example.org/op/view.aspx?src=http%253A%252F%252Fs.test%252Fa.docx", "http://s.test/a.docx"),
    # pdf.js with a root-relative file: the viewer's own host serves it
    ("http://s.test/pdfjs/web/viewer.html?file=/upload/x.pdf", "http://s.test/upload/x.pdf"),
    ("http://s.test/pdfjs/web/viewer.html?file=%2Fupload%2F%D0%BF%D0%BB%D0%B0%D0%BD.pdf",
     "http://s.test/upload/план.pdf"),
    ("https://docviewer.yandex.ru/view/0/?url=https%3A%2F%2Fs.test%2Fb.pdf&name=b.pdf", "https://s.test/b.pdf"),
    ("http://s.test/show.php?doc=files/c.rtf", "http://s.test/files/c.rtf"),
    ("http://s.test/view?path=/file/download%3Fid%3D12", "http://s.test/file/download?id=12"),
    # a share button carries a page's address, not a document's: left as it is
    ("https://vk.com/share.php?url=http%3A%2F%2Fs.test%2Fnews%2F1", "https://vk.com/share.php?url=http%3A%2F%2Fs.test%2Fnews%2F1"),
])
def test_any_viewer_gives_its_document(wrapped, inner):
    assert nav.unwrap_viewer(wrapped) == inner


@pytest.mark.parametrize("markup, url", [
    ("<iframe src='/docs/a.pdf'></iframe>", "http://s.test/docs/a.pdf"),
    ("<embed src='/docs/b.pdf' type='application/pdf'>", "http://s.test/docs/b.pdf"),
    ("<object data='/docs/c.pdf'></object>", "http://s.test/docs/c.pdf"),
    ("<div data-href='/docs/d.docx'>Положение</div>", "http://s.test/docs/d.docx"),
    ("<a href='#' onclick=\"window.open('/docs/e.pdf','_blank')\">Приказ</a>", "http://s.test/docs/e.pdf"),
    ("<button onclick=\"location.href='/docs/f.pdf'\">Открыть</button>", "http://s.test/docs/f.pdf"),
    ("<a href='/viewer.html?file=/docs/g.pdf'>План</a>", "http://s.test/docs/g.pdf"),
])
def test_embeds_and_script_links_are_links(markup, url):
    (found,) = nav.extract_links(Selector(text=f"<p>{markup}</p>"), "http://s.test/page")
    assert found.url == url


def test_a_page_is_named_past_what_every_page_of_its_site_shows():
    assert title_parts("наставничество - озерная школа") == ["наставничество", "озерная школа"]
    assert title_parts("школа № 7 :: документы") == ["школа № 7", "документы"]
    # guillemets glued to words quote a name: no separator
    assert title_parts("наставничество — мбоу «сш № 4» г. ельни") == ["наставничество", "мбоу «сш № 4» г. ельни"]
    assert title_parts("школа | педагогам | наставничество") == ["школа", "педагогам", "наставничество"]
    chrome = SiteChrome()
    chrome.learn_home("озерная школа", ["озерная школа"])
    page = Selector(text="<html><head><title>Озерная школа | Наставничество</title></head>"
                         "<body><h1>Озерная школа</h1><p>Текст</p></body></html>")
    assert page_names(page, chrome=chrome).name(chrome) == "наставничество"
    assert nav.page_role(page, "http://s.test/index/0-9", None, chrome=chrome) == nav.MENTORING
    # the slug names a page only when the page names itself nowhere
    bare = Selector(text="<html><head><title>Озерная школа</title></head><body><h1>Озерная школа</h1></body></html>")
    assert nav.page_role(bare, "http://s.test/index/nastavnichestvo/0-12", None, chrome=chrome) == nav.MENTORING
    soft_404 = Selector(text="<html><body><h1>Страница не найдена</h1></body></html>")
    assert nav.page_role(soft_404, "http://s.test/nastavnichestvo/", nav.MENTORING, chrome=chrome) == "other"
    # a heading met on three pages of the site is the site's, whatever the home page said
    chrome = SiteChrome()
    for n in range(3):
        chrome.learn(f"http://s.test/p{n}", "средняя школа № 1", [])
    assert chrome.is_constant("средняя школа № 1")


def test_card_pages_map_to_downloads():
    assert nav.card_to_download("https://s.uralschool.ru/file/card?id=614") == "https://s.uralschool.ru/file/download?id=614"
    assert nav.card_to_download("https://s.ru/news/card?id=1") is None


@pytest.mark.parametrize("url, expected", [
    ("http://s.ru/netcat_files/1/2/Polozhenie.PDF", True),
    ("http://s.ru/file/download?id=7", True),
    ("http://s.ru/%D0%BF%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.docx", True),
    ("http://s.ru/sveden/document", False),
    ("http://s.ru/food/menu.xlsx", False),
])
def test_document_urls(url, expected):
    assert nav.is_document_url(url) is expected


@pytest.mark.parametrize("text, url, target", [
    ("Сведения об образовательной организации", "/sveden/common", nav.SVEDEN),
    ("Сведения об организации", "/about", nav.SVEDEN),
    ("Документы", "/sveden/document", nav.DOCUMENTS),
    ("Документы", "/index/0-5", nav.DOCUMENTS),
    ("", "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/", nav.DOCUMENTS),
    ("Наставничество", "/pedagogam-i-sotrudnikam/nastavnichestvo", nav.MENTORING),
    ("Школа молодого педагога", "/nastavnik/", nav.MENTORING),
    ("Система наставничества", "/p12aa1.html", nav.MENTORING),
    ("Локальные нормативные акты", "/local", nav.LOCAL_ACTS),
    ("Педагогам и сотрудникам", "/pedagogam/", nav.HUB),
    ("Фотогалерея", "/gallery", None),
    ("Новости", "/news/", None),
])
def test_link_targets(text, url, target):
    assert nav.link_target(link(text, "http://s.ru" + url)) == target


def html(h1, body="", crumbs=""):
    return Selector(text=f"<html><head><title>t</title></head><body><div class='breadcrumbs'>{crumbs}</div>"
                         f"<h1>{h1}</h1>{body}</body></html>")


def test_page_roles():
    assert nav.page_role(html("Документы"), "http://s.ru/sveden/document", nav.DOCUMENTS) == nav.DOCUMENTS
    assert nav.page_role(html("Документы", crumbs="Главная / Сведения об образовательной организации"),
                         "http://s.ru/page/15", nav.DOCUMENTS) == nav.DOCUMENTS
    assert nav.page_role(html("Документы"), "http://s.ru/docs.html", nav.DOCUMENTS) == nav.DOCUMENT_LIST
    itemprops = "<a itemprop='ustavDocLink' href='a.pdf'>a</a><a itemprop='localActStud' href='b.pdf'>b</a>"
    assert nav.page_role(html("Раздел", itemprops), "http://s.ru/x", None) == nav.DOCUMENTS
    assert nav.page_role(html("Наставничество"), "http://s.ru/x", nav.HUB) == nav.MENTORING
    assert nav.page_role(html("Сведения об образовательной организации"), "http://s.ru/a", None) == nav.SVEDEN


@pytest.mark.parametrize("heading, url, role", [
    ("Наставничество", "/pedagogam/nastavnichestvo/", nav.MENTORING),
    ("Система наставничества", "/index/0-9", nav.MENTORING),
    ("Наставничество педагогических работников", "/p5aa1.html", nav.MENTORING),
    ("Целевая модель наставничества", "/nastavnik", nav.MENTORING),
    # a document pasted as a page is read, but it is not the section
    ("Положение о системе наставничества педагогических работников", "/dokumenty/polozhenie/", nav.MENTORING_DOCUMENT),
    ("Дорожная карта по реализации системы наставничества", "/?page_id=676", nav.MENTORING_DOCUMENT),
    ("Мониторинг реализации системы наставничества", "/lokalnye-akty/monitoring/", nav.MENTORING_DOCUMENT),
    # news about mentoring is not the section either
    ("Неделя наставничества в школе", "/?p=280", nav.MENTORING_DOCUMENT),
    ("Наставничество: итоги года", "/news/15", nav.MENTORING_DOCUMENT),
    ("День наставника", "/news/5", nav.MENTORING_DOCUMENT),
    ("Фотогалерея", "/gallery", "other"),
])
def test_mentoring_section_or_document(heading, url, role):
    assert nav.page_role(html(heading), "http://s.ru" + url, None) == role


def test_platform_detection():
    assert nav.detect_platform("https://sh5-smolensk-r66.gosweb.gosuslugi.ru/", "") == "gosweb"
    assert nav.detect_platform("http://x.ru/", '<a href="/file/card?id=3">') == "school_ru"
    assert nav.detect_platform("http://x.ru/", '<link href="/wp-content/themes/a.css">') == "wordpress"
    assert nav.detect_platform("http://x.ru/", "<p>hello</p>") == "unknown"


def test_resolve_overrides_like_curl():
    overrides = parse_overrides(["*.test=127.0.0.1", "files.example.org=127.0.0.2"])
    assert lookup(overrides, "sh5-r66.gosweb.gosuslugi.test") == "127.0.0.1"
    assert lookup(overrides, "FILES.example.org.") == "127.0.0.2"
    assert lookup(overrides, "example.org") is None
    with pytest.raises(ValueError):
        parse_overrides(["nonsense"])


@pytest.mark.parametrize("text, url, expected", [
    ("Дорожная карта (план мероприятий) по реализации Положения", "/f/Dorozhnaya_karta.pdf", True),
    ("Скачать", "/files/Personalizirovannaya_programma.docx", True),
    ("Положение о системе наставничества", "/files/doc12.pdf", True),
    ("План работы школы", "/files/plan.pdf", False),
    ("Меню", "/food/menu.pdf", False),
])
def test_links_worth_downloading_outside_document_sections(text, url, expected):
    assert nav.mentions_mentoring(link(text, "http://s.ru" + url)) is expected


@pytest.mark.parametrize("text, url, target", [
    ("Педагогам и сотрудникам", "/pedagogam-i-sotrudnikam/", nav.HUB),
    ("Методическая работа", "/pedagogam/metodicheskaya-rabota/", nav.HUB),
    # a hub's children and news are not hubs themselves
    ("Фотогалерея", "/nasha-shkola/fotogalereya/", None),
    ("С Днём учителя!", "/nasha-shkola/novosti/s-dnem-uchitelya/", None),
    ("Педагогический состав", "/sveden/employees", None),
    ("Финансово-хозяйственная деятельность", "/sveden/budget", None),
])
def test_hubs_are_few(text, url, target):
    assert nav.link_target(link(text, "http://s.ru" + url)) == target


@pytest.mark.parametrize("html, expected_words", [
    ("<div><span>Справка о наставнической деятельности</span> <a href='/a.rtf'>Скачать</a></div>",
     "справка о наставнической деятельности"),
    ("<li>Положение о системе наставничества: <a href='/DswMedia/polozhenieosisteme.pdf'>polozhenieosisteme.pdf</a></li>",
     "положение о системе наставничества"),
    ("<li><a href='/f.pdf'><img src='/pdf.png'></a> Дорожная карта наставничества</li>", "дорожная карта"),
    # a hand-made site links a page by its file name, the title standing beside it
    ("<li>План мероприятий по внедрению наставничества от 10.09.2021: "
     "<a href='/plan-meropriyatiy.html'>plan-meropriyatiy.html</a></li>", "план мероприятий"),
])
def test_generic_anchor_is_read_with_its_row(html, expected_words):
    (link,) = nav.extract_links(Selector(text=html), "http://s.test/")
    assert expected_words in link.text
    assert nav.mentions_mentoring(link)


def test_meaningful_anchor_keeps_its_own_words():
    html = "<li>Наставничество: <a href='/ustav.pdf'>Устав школы</a></li>"
    (link,) = nav.extract_links(Selector(text=html), "http://s.test/")
    assert link.text == "устав школы"


@pytest.mark.parametrize("title, other", [
    # a subject of its own, nothing of mentoring or of teachers' growth: skipped
    ("Приказ от 14.10.2024 № 88-о «Об организации горячего питания обучающихся»", True),
    ("Приказ № 17 «О проведении самообследования»", True),
    ("План воспитательной работы МБОУ Липецкая ООШ на 2023/2024", True),
    ("О мерах по профилактике детского дорожно-транспортного травматизма", True),
    ("Положение о портфолио обучающегося", True),
    ("Положение о методическом совете", True),
    # form words, numbers and names only: anything may be inside
    ("Приказ № 45 от 01.09.2025", False),
    ("Приказ МБОУ «СШ № 7 г. Смоленска» № 112", False),
    ("Об утверждении локальных нормативных актов", False),
    ("О внесении изменений в положение", False),
    ("Документы образовательной организации", False),
    # one word of its own is not yet a subject
    ("Положение о совете школы", False),
    # teachers' growth: a mentoring plan may sit inside
    ("План методической работы на 2025/2026 учебный год", False),
    ("Положение об аттестации педагогических работников", False),
])
def test_a_title_with_a_subject_of_its_own_is_told_from_a_bare_one(title, other):
    assert nav.names_other_subject(nav.fold(title)) is other


def test_a_download_links_subject_is_its_row_only_when_the_row_is_its_own():
    html = ("<div class='doc'>Об организации горячего питания обучающихся <a href='/f/1.pdf'>Скачать</a></div>"
            "<p>Приказ о проведении самообследования; приказ о режиме занятий: "
            "<a href='/f/2.pdf'>скачать</a> <a href='/f/3.pdf'>скачать</a></p>")
    links = {link.url.rsplit("/", 1)[1]: link for link in nav.extract_links(Selector(text=html), "http://s.test/")}
    assert nav.names_unrelated_document(links["1.pdf"])
    # a row of two files says what both are about, not which is which: both are opened
    assert links["2.pdf"].subject == "" and not nav.names_unrelated_document(links["2.pdf"])
    mentoring = nav.Link(url="http://s.test/f/nastavnichestvo.pdf", text="о проведении самообследования",
                         subject="о проведении самообследования")
    assert not nav.names_unrelated_document(mentoring)  # the file name speaks of mentoring


@pytest.mark.parametrize("base_url", ["http://s.test/", "https://s.test:8443/a/b.html?x=1", "http://user@s.test/a/"])
def test_root_relative_links_resolve_as_urljoin_would(base_url):
    # The short way for «/path» links must give what urljoin gives, on any path a site could write.
    from urllib.parse import urljoin, urlsplit

    rng = random.Random(base_url)
    hrefs = ["/", "/a/b?x=1#f", "/a//b", "/a;p?q=1", "/сведения/документы", "/a b/", "/a/./b", "/a/../b",
             "/%D0%B0.pdf", "/a?b=/./c", "/.", "/..", "/a#", "/?", "/;"]
    hrefs += ["/" + "".join(rng.choice("ab/.?#;%= й") for _ in range(rng.randint(0, 12))) for _ in range(500)]
    parts = urlsplit(base_url)
    for href in hrefs:
        expected = urljoin(base_url, href).split("#", 1)[0]
        assert nav.link_url(href, base_url, f"{parts.scheme}://{parts.netloc}") == expected, href


def test_platform_knowledge_is_one_record_per_platform():
    from eduaudit.sitefacts import platforms

    # the crawler's section roles are the table's
    assert (nav.DOCUMENTS, nav.MENTORING) == (platforms.DOCUMENTS, platforms.MENTORING)
    gosweb = platforms.BY_NAME["gosweb"]
    assert nav.probe_paths("gosweb", nav.MENTORING) == gosweb.probes[nav.MENTORING]
    assert nav.probe_paths("no-such-platform", nav.DOCUMENTS) == ("/sveden/document",)
    # the *school.ru family's cards and id downloads come from its record
    assert nav.card_to_download("https://s.test/file/card?id=7&x=1") == "https://s.test/file/download?id=7"
    assert nav.is_document_url("https://s.test/file/download?id=7")
    assert not nav.is_document_url("https://s.test/file/download")
    assert not nav.is_document_url("https://s.test/news?id=7")
    # the marker is searched in the host too
    assert nav.detect_platform("https://school5.edusite.ru/", "") == "edusite"


# The genres' canonical headings, as documents are titled.
GENRE_HEADINGS = {
    "order": ("приказ", "распоряжение", "постановление"),
    "regulation": ("положение",),
    "plan": ("дорожная карта", "план"),
    "program": ("программа", "персонализированная программа", "индивидуальная программа"),
    "other": ("порядок", "отчет", "мониторинг", "анализ", "аналитическая справка", "справка", "протокол", "договор",
              "соглашение", "методические рекомендации", "памятка", "анкета"),
}


def test_the_crawler_and_the_classifier_know_the_same_document_genres():
    from audit_rules.lexicon import HEAD_PATTERNS
    from eduaudit.sitefacts.genres import DOCUMENT_GENRES, DOCUMENT_TITLE_RE

    assert set(GENRE_HEADINGS) == set(DOCUMENT_GENRES) == {genre for genre, _ in HEAD_PATTERNS}
    heads = dict(HEAD_PATTERNS)
    for genre, headings in GENRE_HEADINGS.items():
        for heading in headings:
            # a link or heading titled so names a document for the crawler...
            assert DOCUMENT_TITLE_RE.match(heading) and DOCUMENT_TITLE_RE.match(f"3. {heading} о наставничестве")
            # ...and the classifier reads the same genre in it
            assert heads[genre].search(heading), (genre, heading)
            assert not any(heads[g].search(heading) for g in heads if g != genre), (genre, heading)
    # every genre word of the shared list opens one of those headings; «форма» is the one the
    # classifier reads as a blank (lexicon.TEMPLATE_TITLE_RE), not as a genre of its own
    for genre, stems in DOCUMENT_GENRES.items():
        for stem in stems:
            assert any(h.startswith(stem) for h in GENRE_HEADINGS[genre]) or stem == "форма", (genre, stem)
