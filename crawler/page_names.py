"""What a page is called, read the way a person reads it.

A person tells a page by its name wherever the theme puts it: the heading above
the content, the ``<title>`` («Наставничество - Озерная школа»), the last
breadcrumb, the highlighted menu item, the link they clicked. Many themes
(uCoz, old site builders, some WordPress and Joomla ones) put the school's name
in every page's ``<h1>``; a person ignores what is the same on every page, and so
does :func:`page_names` with the site's :class:`SiteChrome`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from parsel import Selector

from eduaudit.sitefacts.text import fold

# « - », « | », « — », « :: », « » » between spaces; «|» and «::» also glued («Школа|Документы»).
# A guillemet glued to a word is a quotation mark («СШ № 4»), not a separator.
_TITLE_SEPARATOR = re.compile(r"\s+(?:-|–|—|\||::|»|/)\s+|\s*(?:\||::)\s*")
# Parts of titles and headings that name no page.
_NO_NAME = re.compile(r"^(?:главная(?: страница)?|официальный сайт|сайт|home|index|начало|"
                      r"добро пожаловать\W*)$")
# Blocks that hold the site's name, logo, menus and the like rather than the page's content.
_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside", "menu"})
_CHROME_TOKEN = re.compile(
    r"^(?:header|site-header|top-header|main-header|header-top|top|topbar|logo|site-logo|brand|"
    r"site-branding|site-title|site-name|school-name|sitename|logo-text|"
    r"[\w-]*(?:menu|nav|navbar|navigation|sidebar|footer|breadcrumbs?|crumbs|widget)[\w-]*)$",
    re.IGNORECASE)
_HEADINGS = etree.XPath("//h1 | //h2 | //h3")
_HEADING_TEXT = etree.XPath("descendant-or-self::text()", smart_strings=False)
_TITLE = etree.XPath("//title/text()", smart_strings=False)
_CRUMB_BLOCKS = etree.XPath(
    "//*[contains(@class,'breadcrumb') or contains(@class,'crumbs') or contains(@id,'breadcrumb')"
    " or @itemtype='https://schema.org/BreadcrumbList' or @itemtype='http://schema.org/BreadcrumbList']")
_CRUMB_PARTS = etree.XPath(".//a | .//span[not(descendant::a)] | .//li[not(descendant::a)]"
                           " | .//strong | .//b")
_TEXT = etree.XPath("descendant-or-self::text()", smart_strings=False)
# The current page in a menu: WordPress «current-menu-item», Joomla «current active»,
# Bitrix «selected», uCoz «uMenuItemA», Bootstrap «active», and aria-current="page".
_ACTIVE = etree.XPath(
    "//*[self::li or self::a or self::div or self::span][@aria-current='page' or "
    "contains(concat(' ', normalize-space(@class), ' '), ' active ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' current ') or "
    "contains(@class, 'current-menu-item') or contains(@class, 'current_page_item') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' selected ') or "
    "contains(@class, 'uMenuItemA') or contains(@class, 'menu-item-active')]")
_ANCESTORS = etree.XPath("count(ancestor::*)")
_OWN_LINK_TEXT = etree.XPath("(descendant-or-self::a)[1]//text()", smart_strings=False)


def title_parts(title: str) -> list[str]:
    """The parts of a folded ``<title>``, in order: «наставничество - озерная школа» → two."""
    return [part for part in (p.strip(" .,:;-–—") for p in _TITLE_SEPARATOR.split(title)) if part]


@dataclass
class SiteChrome:
    """What is the same on every page of one site: the school's name in ``<h1>``, the site name in ``<title>``.

    Learnt from the home page (its heading and title parts) and from names met on two
    pages of the site; such a name says nothing about the page it is on.
    """

    constant: set[str] = field(default_factory=set)
    seen: dict[str, set[str]] = field(default_factory=dict)   # a name → the pages it was met on

    def learn_home(self, h1: str, title: list[str]) -> None:
        """The home page's heading and title parts: the school's and the site's name."""
        for name in (h1, *title):
            if name:
                self.constant.add(name)

    def learn(self, url: str, h1: str, title: list[str]) -> None:
        """Note a page's heading and title parts; one met on three distinct pages is the site's."""
        page = url.split("#", 1)[0].rstrip("/")
        for name in {h1, *title}:
            if name:
                pages = self.seen.setdefault(name, set())
                pages.add(page)
                if len(pages) >= 3:
                    self.constant.add(name)

    def is_constant(self, name: str) -> bool:
        return name in self.constant or bool(_NO_NAME.match(name))


@dataclass
class PageNames:
    """Every place a page's name may be, folded; "" or [] where the page has none."""

    h1: str = ""                 # the first <h1> outside the header, logo and menus
    content_heading: str = ""    # the first h1–h3 of the content, when there is no such <h1>
    title_parts: list[str] = field(default_factory=list)
    crumb: str = ""              # the last breadcrumb
    crumbs: str = ""             # the whole trail
    active: list[str] = field(default_factory=list)   # highlighted menu items, deepest first
    anchor: str = ""             # the text of the link that led here

    def candidates(self, chrome: SiteChrome | None = None) -> tuple[list[str], list[str]]:
        """The page's possible names: the strong ones (<h1>, title, content heading, crumb), then the weak ones.

        A highlighted menu item may be the section above the page, and a link's text
        is the linking page's word for it: they name a page only when nothing on the
        page itself does.
        """
        def keep(values):
            out = []
            for value in values:
                if value and value not in out and not (chrome and chrome.is_constant(value)) \
                        and not _NO_NAME.match(value):
                    out.append(value)
            return out
        # A lower heading of the content («Наставнические пары») names a part of the page: the
        # <title> goes before it, and it before the breadcrumb.
        strong = keep([self.h1, *self.title_parts, self.content_heading, self.crumb])
        weak = keep([*self.active[:1], self.anchor])
        return strong, weak

    def name(self, chrome: SiteChrome | None = None) -> str:
        strong, weak = self.candidates(chrome)
        return (strong or weak or [""])[0]


def in_chrome(element) -> bool:
    node = element
    while node is not None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("main", "article", "body", "html"):
            return False  # an article's own header holds its title; the body's classes are the theme's
        if tag in _CHROME_TAGS:
            if tag in ("header", "footer") and any(
                    isinstance(a.tag, str) and a.tag in ("article", "main") for a in node.iterancestors()):
                node = node.getparent()
                continue  # an article's own header holds its title
            return True
        tokens = (node.get("class") or "").split() + [node.get("id") or ""]
        role = (node.get("role") or "").lower()
        if role in ("banner", "navigation", "contentinfo", "complementary", "menu", "menubar"):
            return True
        if any(_CHROME_TOKEN.match(t) for t in tokens if t):
            return True
        node = node.getparent()
    return False


def _text(element) -> str:
    return fold(" ".join(_TEXT(element)))[:300]


def _headings(root, chrome: SiteChrome | None) -> tuple[str, str]:
    """The first <h1> of the content, and its first h1–h3, skipping chrome and site constants."""
    h1 = first = ""
    for element in _HEADINGS(root):
        text = fold(" ".join(_HEADING_TEXT(element)))[:300]
        if not text or (chrome and chrome.is_constant(text)) or _NO_NAME.match(text) or in_chrome(element):
            continue
        first = first or text
        if element.tag == "h1":
            h1 = text
            break
    return h1, first


def raw_h1(root) -> str:
    """The first <h1> wherever it is: on some themes the school's name, on every page."""
    for element in _HEADINGS(root):
        if element.tag == "h1":
            text = fold(" ".join(_HEADING_TEXT(element)))[:300]
            if text:
                return text
    return ""


def _crumbs(root) -> tuple[str, str]:
    """The last breadcrumb (the page itself) and the whole trail."""
    for block in _CRUMB_BLOCKS(root):
        parts = [fold(" ".join(_TEXT(e))) for e in _CRUMB_PARTS(block)]
        parts = [p for p in parts if p and p not in ("/", ">", "»", "→", "|")]
        trail = _text(block)
        if not parts:
            # a bare trail «Главная / Педагогам / Наставничество»
            parts = [p.strip() for p in re.split(r"\s(?:/|>|»|→|\|)\s", trail) if p.strip()]
        if parts:
            return parts[-1][:300], trail
    return "", ""


def _active_items(root) -> list[str]:
    items = []
    for element in _ACTIVE(root):
        own = fold(" ".join(_OWN_LINK_TEXT(element))) if element.tag != "a" else _text(element)
        own = own or _text(element)
        if own and len(own) <= 120:
            items.append((_ANCESTORS(element), own))
    # deepest first: a highlighted parent («Педагогам») comes after the page's own item
    items.sort(key=lambda item: -item[0])
    return [text for _, text in items]


def page_names(selector: Selector, *, anchor: str = "", chrome: SiteChrome | None = None) -> PageNames:
    root = selector.root
    if not isinstance(root, etree._Element):
        return PageNames(anchor=fold(anchor))
    h1, first = _headings(root, chrome)
    crumb, crumbs = _crumbs(root)
    return PageNames(
        h1=h1, content_heading=first if first != h1 else "",
        title_parts=title_parts(fold(" ".join(_TITLE(root)))[:300]),
        crumb=crumb, crumbs=crumbs, active=_active_items(root), anchor=fold(anchor)[:300])
