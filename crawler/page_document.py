"""Is this page a document typed into the CMS (a regulation, a road map, an order)?

Schools often publish a regulation or a road map as the text of a page rather
than as a file: its title at the top of the content, clauses or a table of
events below. A person recognises it by the content alone — menus, headers,
footers and news lists aside — and so does :func:`document_title`. The content
is found with lxml by plain rules: the first of the usual content containers
that holds enough text, else the body, with the chrome blocks left out.
"""

from __future__ import annotations

import re

from lxml import etree
from parsel import Selector

from crawler.page_names import in_chrome
from eduaudit.sitefacts.text import fold

# The usual containers of a page's own content, WordPress, Joomla, Bitrix, uCoz, Gosweb and hand-made.
_CONTENT = etree.XPath(
    "//main | //article | //*[@role='main'] | //*[@id='content'] | //*[@id='main'] | "
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content ')] | "
    "//*[contains(@class, 'entry-content')] | //*[contains(@class, 'item-page')] | "
    "//*[contains(@class, 'eMessage')] | //*[contains(@class, 'page-content')] | "
    "//*[contains(@class, 'news-detail')] | //*[contains(@class, 'article-body')]")
_BODY = etree.XPath("//body")
_BLOCKS = etree.XPath(".//h1 | .//h2 | .//h3 | .//h4 | .//p | .//div[not(*)] | .//td | .//li | .//center")
_TEXT = etree.XPath("descendant-or-self::text()[not(ancestor::script) and not(ancestor::style)]",
                    smart_strings=False)
_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)
_LIST_LINKS = etree.XPath("count(.//li[a] | .//tr[.//a])")

# The first words of a document's title: what schools type into pages.
_GENRE = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:положени[ея]\b|приказ\b|дорожн\w* карт|план\w*\s+мероприяти|план\s+работы|"
    r"программ\w*\s+наставничеств|персонализированн\w* программ|порядок\b|регламент|"
    r"распоряжени|(?:комплексн\w* )?план\b)")
# The approval block of a typed-in document: «УТВЕРЖДЕНО приказом…», «Приложение № 1 к приказу».
_APPROVAL = re.compile(r"утвержд[её]н|утверждаю|приложение\s*(?:№\s*\d+\s*)?к приказу|принят\w* на заседании")
_MIN_LETTERS = 500
_TITLE_LINES = 6


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _content_root(root):
    best = None
    for element in _CONTENT(root):
        if in_chrome(element):
            continue
        text = " ".join(_TEXT(element))
        if _letters(text) >= _MIN_LETTERS:
            # the innermost container that still holds the text is the content
            if best is None or best in element.iterancestors():
                best = element
    if best is not None:
        return best
    bodies = _BODY(root)
    return bodies[0] if bodies else root


def content_lines(selector: Selector) -> list[str]:
    """The folded text blocks of a page's main content, chrome left out, in order."""
    root = selector.root
    if not isinstance(root, etree._Element):
        return []
    content = _content_root(root)
    lines = []
    for block in _BLOCKS(content):
        if block.getparent() is not None and block.getparent().tag in ("p", "li", "td") or in_chrome(block):
            continue
        text = fold(" ".join(_TEXT(block)))
        if text:
            lines.append(text)
    return lines


def document_title(selector: Selector, page_name: str = "") -> str:
    """The title of the document typed into this page, or "" when the page is not one.

    A document: a title of a document's genre among the content's first lines (or the
    page's own name of that genre) with an approval mark or enough text of its own,
    and not a list of links (a «Документы» page names documents too, but links them).
    """
    root = selector.root
    if not isinstance(root, etree._Element):
        return ""
    content = _content_root(root)
    text = " ".join(_TEXT(content))
    letters = _letters(text)
    if letters < _MIN_LETTERS:
        return ""
    linked = _letters(" ".join(_LINK_TEXT(content)))
    if linked > letters * 0.3 or _LIST_LINKS(content) > 8:
        return ""
    lines = content_lines(selector)[:_TITLE_LINES]
    approved = any(_APPROVAL.search(line) for line in lines)
    for line in ([page_name] if page_name else []) + lines:
        if _GENRE.match(line) and len(line) < 400:
            return line
    if approved:
        for line in lines:
            if not _APPROVAL.search(line) and _letters(line) > 10:
                return line
    return ""
