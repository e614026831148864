"""Main-content text of HTML pages, without menus, headers, footers and scripts."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from eduaudit.sitefacts.charset import charset_from_content_type, charset_from_markup, decode_bytes
from .model import Extraction, ExtractionSettings
from .textclean import clean_text
from .textquality import repair_mojibake

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
              "embed", "nav", "header", "footer", "aside", "form", "button", "select",
              "input", "textarea", "menu", "dialog", "head")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "menu", "menubar", "search",
               "complementary", "dialog"}
# Class/id tokens of site chrome. "header" alone is chrome, "entry-header" is not.
_CHROME_TOKEN = re.compile(
    r"^(?:.*[-_])?(?:menu|menus|nav|navbar|navigation|sidebar|breadcrumbs?|footer|cookies?|"
    r"topbar|toolbar|social|share|pagination|pager|skip-?link)(?:[-_].*)?$"
    r"|^(?:header|site-header|page-header-top|top-header|main-header)$",
    re.IGNORECASE,
)
_MAIN_SELECTORS = ("main", "[role=main]", "article", "#content", "#main", ".content",
                   ".main-content", "#main-content", ".page-content")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
               "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "br", "hr", "blockquote",
               "pre", "address", "figure", "figcaption", "caption", "tbody", "thead", "tfoot",
               "center", "details", "summary"}
_MIN_MAIN_LETTERS = 200


def decode_html(data: bytes, content_type: str | None) -> tuple[str, str]:
    return decode_bytes(data, declared=[charset_from_content_type(content_type),
                                        charset_from_markup(data)])


def extract_html(data: bytes, settings: ExtractionSettings,
                 content_type: str | None = None) -> Extraction:
    markup, _encoding = decode_html(data, content_type)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except (ValueError, RecursionError) as exc:
        return Extraction.failed("html", f"HTML could not be parsed: {exc}", extractor="bs4")
    text = clean_text(repair_mojibake(html_main_text(soup)), max_chars=settings.max_chars)
    if not text:
        return Extraction("empty", "html", "", None, False, "bs4+lxml", "page has no text")
    return Extraction("ok", "html", text, None, False, "bs4+lxml", None)


def html_main_text(soup: BeautifulSoup) -> str:
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    _remove_chrome(soup)
    root = _main_root(soup)
    text = _block_text(root)
    if title and title not in text[:500]:
        # The <title> often names the document when the body starts with the text itself.
        text = title + "\n" + text
    return text


def _remove_chrome(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        if tag.decomposed:
            continue
        if tag.name == "form" and tag.find(["p", "table", "h1", "h2"]):
            continue  # whole-page ASP.NET forms wrap the content itself
        if tag.name in ("header", "footer") and tag.find_parent(["article", "main"]):
            continue  # an article's own header holds its title
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        if tag.name in ("html", "body", "main", "article"):
            continue
        role = (tag.get("role") or "").strip().lower()
        tokens = list(tag.get("class") or []) + [tag.get("id") or ""]
        hidden = "display:none" in (tag.get("style") or "").replace(" ", "").lower() \
            or tag.has_attr("hidden") or tag.get("aria-hidden") == "true"
        if role in _DROP_ROLES or hidden or any(_CHROME_TOKEN.match(t) for t in tokens if t):
            tag.decompose()


def _main_root(soup: BeautifulSoup) -> Tag:
    for selector in _MAIN_SELECTORS:
        found = soup.select_one(selector)
        if found is not None and _letters(found) >= _MIN_MAIN_LETTERS:
            return found
    return soup.body or soup


def _letters(tag: Tag) -> int:
    return sum(1 for ch in tag.get_text() if ch.isalpha())


def _block_text(root: Tag) -> str:
    parts: list[str] = []
    for node in root.descendants:
        if isinstance(node, NavigableString):
            if not isinstance(node, Comment):
                parts.append(str(node))
        elif isinstance(node, Tag):
            if node.name in _BLOCK_TAGS:
                parts.append("\n")
            elif node.name in ("td", "th"):
                parts.append(" | ")
    # Collapse the cell separators that open each row: "\n | a | b" -> "\na | b".
    text = "".join(parts)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\|\s*", "\n", text)
    text = re.sub(r"(\|\s*)+\|", "|", text)
    return text
