"""How a methodologist finds the way on a school site, as code.

Links are judged by what a person reads (anchor text, ``title``), by the URL
(transliterated or Cyrillic slugs) and by ``itemprop`` microdata; pages are
judged by their own heading, URL and breadcrumbs. Nothing here depends on one
platform's templates: the platform-specific knowledge is limited to URL
conventions listed in the domain brief.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from crawler.page_names import PageNames, SiteChrome, page_names, raw_h1
from crawler.text import fold

DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".rtf", ".odt", ".txt", ".zip", ".rar",
                       ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".sig")
# Spreadsheets and presentations are mostly food menus and slides; the audit
# documents are never only in them, so they are not downloaded.
SKIPPED_EXTENSIONS = (".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".mp4", ".mp3", ".avi",
                      ".gif", ".svg", ".css", ".js", ".ico", ".webp")

# Hosts whose viewer opens any address it is given (not only a document's file name).
VIEWER_PARAMS = {
    "view.officeapps.live.com": "src",
    "docs.google.com": "url",
    "drive.google.com": "url",
}
# Query parameters that viewers of every make (Office Online, pdf.js, Yandex's and
# Google's viewers, a school's own «просмотр» script) carry the document's address in.
DOCUMENT_PARAMS = ("src", "url", "file", "doc", "path")

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


def url_words(url: str) -> str:
    """The path and query of a URL, percent-decoded and folded, for slug matching."""
    parts = urlsplit(url)
    return fold(unquote(parts.path + ("?" + parts.query if parts.query else "")))


def unwrap_viewer(url: str) -> str:
    """Return the document behind a viewer link, whatever the viewer's host.

    ``…/op/view.aspx?src=<address>``, pdf.js ``…/viewer.html?file=/upload/x.pdf``,
    ``docviewer…/?url=…``: the address is absolute or relative to the viewer (a browser
    resolves it so) and may be percent-encoded once more. On an unknown host it is
    taken only when it names a document, so that a «поделиться» link carrying a
    page's address (``share.php?url=…``) stays what it is.
    """
    parts = urlsplit(url)
    if not parts.query:
        return url
    known = VIEWER_PARAMS.get((parts.hostname or "").lower())
    for key, values in parse_qs(parts.query).items():
        key = key.lower()
        if key not in DOCUMENT_PARAMS or (known and key != known):
            continue
        for value in values:
            value = value.strip()
            if value.lower().startswith(("http%3a", "https%3a", "%2f")):
                value = unquote(value)
            if not value or value.startswith(("javascript:", "data:")):
                continue
            try:
                target = urljoin(url, value)
            except ValueError:
                continue
            if not target.startswith(("http://", "https://")):
                continue
            if known and value.startswith(("http://", "https://")):
                return target
            if is_document_url(target) or card_to_download(target) or shared_file(target):
                return target
    return url


def card_to_download(url: str) -> str | None:
    """``/file/card?id=N`` (a document card of the *school.ru family) → its download URL."""
    parts = urlsplit(url)
    if parts.path.rstrip("/").endswith("/file/card"):
        ids = parse_qs(parts.query).get("id")
        if ids:
            return f"{parts.scheme}://{parts.netloc}/file/download?id={ids[0]}"
    return None


def is_document_url(url: str) -> bool:
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    if path.endswith(DOCUMENT_EXTENSIONS):
        return True
    if path.rstrip("/").endswith("/file/download") and "id=" in parts.query:
        return True
    return False


def is_skipped_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return True
    return unquote(parts.path).lower().endswith(SKIPPED_EXTENSIONS)


@dataclass
class Link:
    url: str
    text: str           # folded anchor text (plus title attribute)
    itemprop: str = ""
    # The words that say what the linked document is about: the anchor's own, or its row's
    # when the anchor is «Скачать» and the row holds no other link; "" when nobody can tell.
    subject: str = ""

    @property
    def words(self) -> str:
        return self.text + " " + url_words(self.url)


_GENERIC_ANCHOR = re.compile(r"^(?:скачать|загрузить|открыть|просмотр\w*|подробнее|смотреть|читать|файл|документ|"
                             r"ссылка|здесь|тут|download|pdf|docx?|rtf|odt)?(?:\s*(?:файл|документ|pdf|docx?))?"
                             r"[\s.:»)(]*$"
                             # a bare file name: «polozhenieosisteme.pdf», or a page's «dorozhnaya-karta.html»
                             r"|^[\w.() -]+\.(?:pdf|docx?|rtf|odt|zip|rar|jpe?g|png|tiff?|s?html?|php|aspx?)$")


# Compiled once: parsel wraps every XPath result in a Selector, which on link-heavy
# pages (menus of a hundred links, repeated on every page) costs more than the
# rest of the crawl's parsing.
_LINK_TEXT = etree.XPath("descendant-or-self::text()", smart_strings=False)
_ROW_TEXT = etree.XPath("../descendant::text()", smart_strings=False)
# Every element that leads somewhere a person can open: links, embedded viewers and
# files (<iframe>, <embed>, <object data>), and script links (data-href, onclick).
_LINKS = etree.XPath("//a[@href] | //iframe[@src] | //frame[@src] | //embed[@src] | //object[@data]"
                     " | //*[@data-href] | //*[@onclick]")
# onclick="window.open('/files/x.pdf')", "location.href='…'", "document.location = '…'"
_SCRIPT_TARGET = re.compile(r"""(?:window\.open\s*\(|location(?:\.href)?\s*=|location\.assign\s*\()\s*['"]([^'"]+)['"]""")
_EMBED_ATTRS = {"iframe": "src", "frame": "src", "embed": "src", "object": "data"}
_ROW_LINKS = etree.XPath("count(../descendant::a[@href])")


def link_url(href: str, base_url: str, origin: str) -> str | None:
    """The address a link leads to (no fragment), or None when no request could be made of it.

    ``origin`` is ``scheme://host[:port]`` of ``base_url``. Most links of a site are
    root-relative («/sveden/document»): they are the origin plus the path, and nothing
    urljoin would do changes them unless they hold dot segments. They come on every
    page of a region's crawl, which made urljoin a tenth of the crawler's link work.
    """
    if href[0] == "/" and href[1:2] != "/":
        path = href.split("#", 1)[0]
        # what urljoin would rewrite: dot segments, an empty query, «;params»
        if "/." not in path and ";" not in path and not path.endswith("?"):
            # a site's own viewer («/pdfjs/web/viewer.html?file=/upload/x.pdf») still gives its file
            return unwrap_viewer(origin + path) if "?" in path else origin + path
    try:
        url = unwrap_viewer(urljoin(base_url, href)).split("#", 1)[0]
        urlsplit(url).port  # a glued «host:80http://…» has no port a request could use
    except ValueError:
        return None
    return url


def element_href(element) -> str:
    """The address an element leads to: ``href``, an embed's ``src``/``data``, a script link."""
    tag = element.tag if isinstance(element.tag, str) else ""
    attribute = _EMBED_ATTRS.get(tag.lower())
    if attribute:
        return (element.get(attribute) or "").strip()
    href = (element.get("href") or "").strip() if tag.lower() == "a" else ""
    if href and not href.startswith(("#", "javascript:")):
        return href
    data_href = (element.get("data-href") or "").strip()
    if data_href:
        return data_href
    match = _SCRIPT_TARGET.search(element.get("onclick") or "")
    if match:
        return match.group(1).strip()
    return href


def _words_of(element) -> str:
    """What a person reads on or about an element: its text and ``title`` (an embed's too)."""
    return fold(" ".join(_LINK_TEXT(element)) + " " + (element.get("title") or "") + " "
                + (element.get("aria-label") or ""))


def extract_links(selector: Selector, base_url: str) -> list[Link]:
    links: list[Link] = []
    root = selector.root
    if not isinstance(root, etree._Element):
        return links
    base = urlsplit(base_url)
    origin = f"{base.scheme}://{base.netloc}"
    for a in _LINKS(root):
        href = element_href(a)
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:", "about:")):
            continue
        url = link_url(href, base_url, origin)
        if url is None:
            continue
        text = _words_of(a)
        subject = text
        if _GENERIC_ANCHOR.match(text):
            # «Скачать» or a bare file name beside the document's title: a person reads the whole row;
            # an embedded file is read with the block around it (its heading, its caption).
            text = fold(" ".join(_ROW_TEXT(a)))[:300] or text
            subject = text if _ROW_LINKS(a) <= 1 else ""
        links.append(Link(url=url, text=text, itemprop=a.get("itemprop") or "", subject=subject))
    return links


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
_DOCUMENT_TITLE = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:положени|приказ|распоряжени|постановлени|дорожн|план|программ|персонализированн|"
    r"индивидуальн|порядок|отчет|мониторинг|анализ|аналитическ|справк|протокол|договор|соглашени|"
    r"методические рекомендации|памятк|анкет|форма)")
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
_PLATFORM_MARKERS = (
    ("gosweb", re.compile(r"gosweb|netcat_files|госвеб")),
    ("school_ru", re.compile(r"/file/card\?id=|/file/download\?id=")),
    ("wordpress", re.compile(r"wp-content|wp-includes|generator\" content=\"wordpress")),
    ("ucoz", re.compile(r"ucoz|/index/[^\"']+/0-\d+|/_ld/")),
    ("bitrix", re.compile(r"/bitrix/|bx-")),
    ("joomla", re.compile(r"joomla|/components/com_")),
    ("edusite", re.compile(r"edusite|/dswmedia/|/p\d+aa1\.html")),
)


def detect_platform(url: str, html: str) -> str:
    haystack = (urlsplit(url).hostname or "") + " " + html[:200_000].lower()
    for name, marker in _PLATFORM_MARKERS:
        if marker.search(haystack):
            return name
    return "unknown"


# -- known places of each platform ----------------------------------------------
# Paths from the domain brief (§3 and "what this means for the crawler"). They are
# tried right after the home page, before link scoring has found the way, and a
# miss costs one request. The standard /sveden/ paths are Rosobrnadzor's
# recommendation, so every platform but Gosweb (NetCat, own slugs) gets them.
_SVEDEN_DOCUMENTS = ("/sveden/document",)
PLATFORM_PROBES: dict[str, dict[str, tuple[str, ...]]] = {
    "gosweb": {
        DOCUMENTS: ("/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/",),
        MENTORING: ("/pedagogam-i-sotrudnikam/nastavnichestvo/", "/nasha-shkola/nastavnichestvo/"),
    },
    "school_ru": {DOCUMENTS: _SVEDEN_DOCUMENTS},
    "edusite": {DOCUMENTS: _SVEDEN_DOCUMENTS},
    "wordpress": {DOCUMENTS: _SVEDEN_DOCUMENTS},
    "joomla": {DOCUMENTS: _SVEDEN_DOCUMENTS},
    "bitrix": {DOCUMENTS: _SVEDEN_DOCUMENTS},
    "ucoz": {DOCUMENTS: _SVEDEN_DOCUMENTS},
    "unknown": {DOCUMENTS: _SVEDEN_DOCUMENTS},
}
# Tried only when a finished crawl found no mentoring page at all.
LAST_RESORT_PATHS = {MENTORING: ("/nastavnichestvo/",)}


def probe_paths(platform: str, section: str) -> tuple[str, ...]:
    return PLATFORM_PROBES.get(platform, PLATFORM_PROBES["unknown"]).get(section, ())


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


# -- files on sharing services ------------------------------------------------------
YANDEX_DISK, GOOGLE_DRIVE = "yandex_disk", "google_drive"
_YANDEX_HOSTS = ("disk.yandex.ru", "disk.yandex.com", "yadi.sk", "disk.360.yandex.ru")
_GDRIVE_FILE = re.compile(r"^/file/d/([\w-]{10,})")
_GDOCS_FILE = re.compile(r"^/(document|spreadsheets|presentation)/d/([\w-]{10,})")


@dataclass(frozen=True)
class SharedFile:
    service: str       # YANDEX_DISK | GOOGLE_DRIVE
    public_url: str    # the link as published: the evidence when no download is possible
    download_url: str  # where the bytes (or, for Yandex, the download address) come from
    via_api: bool      # the download URL answers JSON with an "href" to the file


def shared_file(url: str) -> SharedFile | None:
    """A public Yandex Disk / Google Drive link, with the address that downloads it.

    The scheme and port of the link are kept (real links have neither
    unusual), so the same rewriting works on plain-HTTP loopback stand-ins for
    these services in tests and the demo region.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    scheme = parts.scheme
    port = f":{parts.port}" if parts.port else ""
    if host in _YANDEX_HOSTS and re.match(r"^/(?:i|d|public)/", parts.path):
        api_host = "cloud-api.yandex.net" + port
        download = (f"{scheme}://{api_host}/v1/disk/public/resources/download?public_key="
                    f"{quote(url, safe='')}")
        return SharedFile(YANDEX_DISK, url, download, via_api=True)
    if host == "drive.google.com":
        match = _GDRIVE_FILE.match(parts.path)
        ids = [match.group(1)] if match else parse_qs(parts.query).get("id", [])
        if parts.path.startswith(("/file/d/", "/open", "/uc")) and ids:
            return SharedFile(GOOGLE_DRIVE, url,
                              f"{scheme}://{parts.netloc}/uc?export=download&id={ids[0]}", via_api=False)
    if host == "docs.google.com":
        match = _GDOCS_FILE.match(parts.path)
        if match and match.group(1) == "document":
            return SharedFile(GOOGLE_DRIVE, url,
                              f"{scheme}://{parts.netloc}/document/d/{match.group(2)}/export?format=docx",
                              via_api=False)
    return None
