"""How a methodologist finds the way on a school site, as code.

Links are judged by what a person reads (anchor text, ``title``), by the URL
(transliterated or Cyrillic slugs) and by ``itemprop`` microdata; pages are
judged by their own heading, URL and breadcrumbs. Nothing here depends on one
platform's templates: the platform-specific knowledge is limited to URL
conventions listed in the domain brief.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml import etree
from parsel import Selector

from crawler.page_names import PageNames, SiteChrome, page_names
# Reading the links of a page lives below the crawler and the audit rules, which both need
# it (eduaudit.sitefacts.links); the crawler and its tests reach those names here as well.
from eduaudit.sitefacts.links import (DOCUMENT_EXTENSIONS, DOCUMENT_PARAMS, GOOGLE_DRIVE, VIEWER_PARAMS,
                                      YANDEX_DISK, Link, SharedFile, card_to_download, element_href,
                                      extract_links, is_document_url, link_url, shared_file, unwrap_viewer,
                                      url_words)
from eduaudit.sitefacts import platforms
from eduaudit.sitefacts.genres import DOCUMENT_TITLE_RE
from eduaudit.sitefacts.platforms import BY_NAME, probe_paths
from eduaudit.sitefacts.text import fold

__all__ = [
    # links and addresses (eduaudit.sitefacts)
    "DOCUMENT_EXTENSIONS", "DOCUMENT_PARAMS", "GOOGLE_DRIVE", "VIEWER_PARAMS", "YANDEX_DISK", "Link",
    "SharedFile", "card_to_download", "element_href", "extract_links", "fold", "is_document_url",
    "link_url", "shared_file", "unwrap_viewer", "url_words",
    # what a link promises
    "SKIPPED_EXTENSIONS", "is_skipped_url", "SVEDEN", "DOCUMENTS", "MENTORING", "LOCAL_ACTS", "HUB",
    "DOCUMENT_LIST", "MENTORING_DOCUMENT", "PAGE_DOCUMENT", "DOCUMENT_PAGES", "link_target",
    "names_document", "mentions_mentoring", "names_other_subject", "names_unrelated_document",
    # what a fetched page is
    "page_names", "page_heading", "page_title", "breadcrumbs", "page_role",
    # platforms and their known places
    "detect_platform", "PLATFORM_PROBES", "LAST_RESORT_PATHS", "probe_paths",
    # how a page was reached
    "STRATEGY_HOME", "STRATEGY_PROBE", "STRATEGY_SITEMAP", "STRATEGY_LAST_RESORT", "STRATEGY_ITEMPROP",
    "STRATEGY_ANCHOR", "STRATEGY_SLUG", "STRATEGIES", "link_strategy", "sitemap_target", "topmost",
]

# Spreadsheets and presentations are mostly food menus and slides; the audit
# documents are never only in them, so they are not downloaded.
SKIPPED_EXTENSIONS = (".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".mp4", ".mp3", ".avi",
                      ".gif", ".svg", ".css", ".js", ".ico", ".webp")


_MENTORING = re.compile(r"наставни|nastavni|nastavnik")
_SVEDEN_TEXT = re.compile(r"сведения\s+об\s+(?:образовательной\s+)?организации")
_SVEDEN_URL = re.compile(r"/sveden(?:/(?:common)?)?/?$|/svedeniya-ob-[a-z-]*organizatsii/?$|/svedenija|/сведения")
_DOCUMENTS_URL = re.compile(r"/sveden/document|/dokument|/документы|/docs?/?$")
_DOCUMENTS_TEXT = re.compile(r"^(?:\d+\.\s*)?документы(?:\s+(?:образовательной\s+)?организации|\s+школы|\s+оо)?$")
_LOCAL_ACTS = re.compile(r"локальн|нормативн|положени|приказ|распорядительн|lokaln|normativ|polozhen|prikaz")
# Pages where mentoring hides on sites without a menu entry for it.
_HUB = re.compile(r"^(?:педагогам|учителям?|учительская|сотрудникам|работникам|методическ|кадр|наша школа|о школе|"
                  r"pedagog|uchitel|sotrudnik|metodich|nasha-shkola|o-shkole)|педагогам|методическая работа")
_NOT_HUB = re.compile(r"состав|аттестац|attestac|attestats|sostav")


def is_skipped_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return True
    return unquote(parts.path).lower().endswith(SKIPPED_EXTENSIONS)


# -- what a link promises ----------------------------------------------------
SVEDEN, DOCUMENTS, MENTORING, LOCAL_ACTS, HUB = "sveden", "documents", "mentoring", "local_acts", "hub"
# A «Документы» page outside «Сведения об образовательной организации»:
# worth reading, but it is not the subsection the federal order requires.
DOCUMENT_LIST = "document_list"
# A page that is itself a mentoring document (a regulation pasted as HTML,
# a news item about mentoring): read and classified, but not the section.
MENTORING_DOCUMENT = "mentoring_document"

# A page reached from a document or mentoring page whose content is itself a document
# typed into the CMS (a road map, a regulation): stored, extracted and classified as one.
PAGE_DOCUMENT = "page_document"

# Roles of pages on which every linked document is worth downloading.
DOCUMENT_PAGES = frozenset({DOCUMENTS, MENTORING, LOCAL_ACTS, DOCUMENT_LIST, MENTORING_DOCUMENT, PAGE_DOCUMENT})


def link_target(link: Link) -> str | None:
    """The section a page link leads to, or None when it leads nowhere useful."""
    path_words = url_words(link.url)
    text = link.text
    if _MENTORING.search(text) or _MENTORING.search(path_words):
        return MENTORING
    if _SVEDEN_TEXT.search(text) or _SVEDEN_URL.search(urlsplit(link.url).path.lower()):
        return SVEDEN
    if _DOCUMENTS_TEXT.match(text) or _DOCUMENTS_URL.search(path_words):
        return DOCUMENTS
    if link.itemprop == "addRef":
        return LOCAL_ACTS
    if _LOCAL_ACTS.search(text) or _LOCAL_ACTS.search(path_words):
        return LOCAL_ACTS
    if not _NEWS_URL.search(path_words) and not _NOT_HUB.search(text + " " + path_words):
        last_segment = path_words.rstrip("/").rsplit("/", 1)[-1]
        if _HUB.search(text) or _HUB.search(last_segment):
            return HUB
    return None


# Words of the teacher-mentoring package (brief §2): a link outside the document
# sections that carries one of them is worth downloading.
_MENTORING_PACKAGE = re.compile(r"наставни|nastavni|дорожн\w* карт|dorozh|doroj|персонализированн|personalizir|"
                                r"куратор|kurator|молод\w* (?:специалист|педагог)|molod\w*_(?:spetsialist|pedagog)")


def names_document(link: Link) -> bool:
    """The link's words are a document's title («Дорожная карта…», «Положение о…», «Приказ № 5»)."""
    return bool(_DOCUMENT_TITLE.match(link.text))


def mentions_mentoring(link: Link) -> bool:
    return bool(_MENTORING_PACKAGE.search(link.words))


# -- what a fetched page is ---------------------------------------------------
def page_heading(selector: Selector, chrome: SiteChrome | None = None) -> str:
    """The page's own name (see :mod:`crawler.page_names`): its heading, else its title's part, crumb…"""
    return page_names(selector, chrome=chrome).name(chrome)


def page_title(selector: Selector) -> str:
    return fold(" ".join(selector.css("title::text").getall()))[:300]


def breadcrumbs(selector: Selector) -> str:
    crumbs = selector.xpath(
        "//*[contains(@class,'breadcrumb') or contains(@class,'crumbs') or contains(@id,'breadcrumb')]//text()"
    ).getall()
    return fold(" ".join(crumbs))


# Headings that name a document rather than a section of the site.
_DOCUMENT_TITLE = DOCUMENT_TITLE_RE
# Section headings: «Наставничество», «Система наставничества», «Наставничество педагогов»,
# «Целевая модель наставничества»; not «Неделя наставничества» or «День наставника».
_SECTION_HEADING = re.compile(
    r"^(?:система\s+|целевая\s+модель\s+|институт\s+)?наставничеств|(?:^|\s)наставничество(?:\s|$)|"
    r"^наставник(?:и|ам)?(?:\s|$)")
_NEWS_URL = re.compile(r"/news|/novost|/новост|[?&]p=\d|/\d{4}/\d{2}/|/article|/post|/blog")

_DOCUMENT_ITEMPROPS = frozenset({"ustavDocLink", "localActStud", "localActOrder", "localActCollec",
                                 "reportEduDocLink", "prescriptionDocLink"})
_ITEMPROPS = etree.XPath("//@itemprop", smart_strings=False)


_MENTORING_SLUG = re.compile(r"^(?:sistema-|tselevaya-model-)?nastavnichestv|^наставничеств")


def page_role(selector: Selector, url: str, via: str | None, *, names: PageNames | None = None,
              chrome: SiteChrome | None = None) -> str:
    """Decide what section a fetched page is, from every name it shows and its URL.

    The names are tried in the order a person trusts them (:meth:`PageNames.candidates`):
    the first that names a section decides; one that names a document of its own ends
    the search. ``via`` is what the link that led here promised; it only breaks ties.
    ``chrome`` holds what is the same on every page of the site (the school's name in
    ``<h1>``), which names no page.
    """
    names = page_names(selector, chrome=chrome) if names is None else names
    strong, weak = names.candidates(chrome)
    candidates = strong or weak
    path = url_words(url)
    crumbs = names.crumbs
    itemprops = len(_DOCUMENT_ITEMPROPS.intersection(_ITEMPROPS(selector.root))) if isinstance(
        selector.root, etree._Element) else 0
    in_sveden = (bool(re.search(r"sveden|svedeniya|сведения", path)) or "сведения об" in crumbs
                 or via == SVEDEN or any(_SVEDEN_TEXT.search(item) for item in names.active[1:]))

    for name in candidates:
        if _MENTORING.search(name):
            if _DOCUMENT_TITLE.match(name) or _NEWS_URL.search(path):
                return MENTORING_DOCUMENT
            if _SECTION_HEADING.search(name):
                return MENTORING
            return MENTORING_DOCUMENT
        if _DOCUMENT_TITLE.match(name):
            break  # the page names a document of its own subject
    if itemprops >= 2 or re.search(r"/sveden/document/?(?:$|\?)", path):
        return DOCUMENTS
    for name in candidates:
        if _DOCUMENTS_TEXT.match(name):
            return DOCUMENTS if in_sveden else DOCUMENT_LIST
        if _SVEDEN_TEXT.search(name):
            return SVEDEN
        if _DOCUMENT_TITLE.match(name):
            break
    if _SVEDEN_URL.search(urlsplit(url).path.lower()):
        return SVEDEN
    first = candidates[0] if candidates else ""
    if "/sveden/document/" in path or (via in (DOCUMENTS, LOCAL_ACTS, DOCUMENT_LIST) and _LOCAL_ACTS.search(first)):
        return LOCAL_ACTS
    last_segments = path.split("?", 1)[0].strip("/").split("/")[-2:]  # uCoz: /index/<slug>/0-12
    if not strong and not _NEWS_URL.search(path) and any(_MENTORING_SLUG.search(seg) for seg in last_segments):
        # only the address names it («/index/nastavnichestvo/0-12» on a theme of empty names); a page
        # that names itself otherwise («Страница не найдена» answered 200) is what it says
        return MENTORING
    return "other"


# -- platform ---------------------------------------------------------------
# One record per platform (marker, usual addresses, file addresses): eduaudit.sitefacts.platforms.
PLATFORM_PROBES = {name: dict(platform.probes) for name, platform in BY_NAME.items()}
# Tried only when a finished crawl found no mentoring page at all.
LAST_RESORT_PATHS = {MENTORING: ("/nastavnichestvo/",)}


def detect_platform(url: str, html: str) -> str:
    return platforms.detect_platform(urlsplit(url).hostname or "", html).name


# -- how a page was reached ----------------------------------------------------------
# Recorded for every page, so that "where do sections hide on platform X" is a query.
STRATEGY_HOME = "home"
STRATEGY_PROBE = "probe"            # a known path of the detected platform
STRATEGY_SITEMAP = "sitemap"        # a URL listed in /sitemap.xml
STRATEGY_LAST_RESORT = "last_resort"
STRATEGY_ITEMPROP = "link:itemprop"  # microdata (addRef) said where it leads
STRATEGY_ANCHOR = "link:anchor"     # the words a person reads on the link
STRATEGY_SLUG = "link:slug"         # only the URL said it
STRATEGIES = (STRATEGY_HOME, STRATEGY_PROBE, STRATEGY_SITEMAP, STRATEGY_LAST_RESORT,
              STRATEGY_ITEMPROP, STRATEGY_ANCHOR, STRATEGY_SLUG)


def link_strategy(link: Link, target: str | None) -> str:
    """Which signal of the link made ``link_target`` choose ``target``."""
    patterns = {MENTORING: (_MENTORING,), SVEDEN: (_SVEDEN_TEXT,), DOCUMENTS: (_DOCUMENTS_TEXT,),
                LOCAL_ACTS: (_LOCAL_ACTS,), HUB: (_HUB,)}.get(target or "", ())
    if any(p.search(link.text) for p in patterns):
        return STRATEGY_ANCHOR
    if target == LOCAL_ACTS and link.itemprop == "addRef":
        return STRATEGY_ITEMPROP
    return STRATEGY_SLUG


def sitemap_target(url: str) -> str | None:
    """The section a URL listed in a sitemap leads to, judged by its slug alone."""
    return link_target(Link(url=url, text=""))


_PAGE_SUFFIX = re.compile(r"(?:/|\.s?html?|\.php)$")


def topmost(urls: list[str]) -> list[str]:
    """``urls`` less those below another of them (``/dokumenty/ustav.html`` below ``/dokumenty.html``)."""
    stems = {u: _PAGE_SUFFIX.sub("", urlsplit(u).path) + "/" for u in urls}
    # the site's root (or a query-only address, /?page_id=5) is above everything and names nothing
    parents = [u for u in urls if stems[u] != "/"]
    return [u for u in urls if not any(other != u and stems[u].startswith(stems[other]) and
                                       urlsplit(u).netloc == urlsplit(other).netloc for other in parents)]


# -- documents an audit never needs ----------------------------------------------
# The mandatory documents of «Сведения → Документы» (brief §1) and the usual
# neighbours on that page. A methodologist skips them by title; so does the
# focused crawl, unless the link also names a mentoring word. Generic titles
# («Приказ № 45», «Скачать») are always opened: the pairing order hides there.
_UNRELATED_DOCUMENT = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:устав\b|изменени\w* в устав|правила внутреннего (?:трудового )?распорядка|"
    r"коллективн\w* договор|отчет\w* о (?:результатах )?самообследовани|правила при[её]ма|"
    r"лицензи|свидетельств\w* о (?:государственной )?аккредитаци|выписк\w* из реестра|"
    r"предписани|план финансово|меню\b|ежедневное меню|типов\w* меню|расписани|"
    r"положение о (?:комиссии по урегулированию|требованиях к одежде|формах,? периодичности|"
    r"внутренней системе оценки|портфолио|языке образования|порядке при[её]ма|школьной форме|"
    r"режиме занятий|совете родителей|родительском|платных|стипенди))")


# A title that names a subject of its own («О проведении самообследования», «План
# воспитательной работы») is skipped as a methodologist skips it, unless it has a word of
# the mentoring package or of teachers' growth. A title of form words, numbers and names
# only («Приказ № 45 от 01.09.2025», «Локальные акты», «Приказ МБОУ СШ № 2 г. Смоленска»)
# may hold anything and is opened; so is one with a single other word («Положение о совете»).
_FORM_WORD = re.compile(
    r"(?:приказ|положени|порядо?к|план|программ|отч[её]т|правил|инструкци|регламент|распоряжени|"
    r"постановлени|решени|протокол|документ|файл|скачать|скан|копи|утвержд|внесени|изменени|"
    r"дополнени|локальн|нормативн|акт|редакци|новой|новая|школ|учебн|года|году|сайт|муниципальн|"
    r"бюджетн|казенн|казённ|автономн|общеобразовательн|образовательн|учреждени|средн|основн|начальн|общего|"
    r"мбоу|мкоу|маоу|мбдоу|мкдоу|мадоу|гимнази|лице|город|район|округ|смоленск|област|"
    r"январ|феврал|март|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр)")
_TEACHERS_GROWTH = re.compile(r"педагог|учител|методическ\w* работ|молод|специалист|кадр|профессиональн|"
                              r"аттестац|координатор")
_TITLE_WORD = re.compile(r"[а-яё]{4,}")


def names_other_subject(title: str) -> bool:
    """True when ``title`` names a subject of its own that is not teachers' growth."""
    if _TEACHERS_GROWTH.search(title):
        return False
    return sum(1 for word in _TITLE_WORD.findall(title) if not _FORM_WORD.match(word)) >= 2


def names_unrelated_document(link: Link, *, by_subject: bool = True) -> bool:
    """A document the audit never needs, by its title.

    ``by_subject=False`` on pages about mentoring, where every file is opened but the
    mandatory documents that never carry it: there, «Приказ о назначении координатора»
    is the mentoring order, whatever words its link leaves out.
    """
    if mentions_mentoring(link):
        return False
    return bool(_UNRELATED_DOCUMENT.search(link.text)) or (by_subject and names_other_subject(link.subject))
