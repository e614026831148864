"""The address a saved web page was found at, as the page itself records it.

A methodologist who saves a page from the browser keeps its address in the file: the browser's
«saved from url» mark at the top, and the site's own canonical link or Open Graph address. The
classifier reads an authority's page by where it lives (`audit_rules.site_publisher`), so
`eduaudit classify` takes the address from the file when none is given on the command line.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from .htmltext import decode_html

# «<!-- saved from url=(0045)https://uo-ozersk.ru/news/12 -->»: the length in brackets, then the address
SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
HEAD_BYTES = 65536


def _absolute(url: str | None) -> str | None:
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def saved_page_address(data: bytes) -> str | None:
    """The page's own address: its canonical link, its Open Graph address, or the browser's
    «saved from url» mark; None when it records none (or only a relative one)."""
    markup, _encoding = decode_html(data[:HEAD_BYTES], None)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except (ValueError, RecursionError):
        soup = None
    if soup is not None:
        for tag in soup.find_all("link", href=True):
            rel = tag.get("rel") or []
            if "canonical" in [r.lower() for r in (rel if isinstance(rel, list) else [rel])]:
                if found := _absolute(tag["href"]):
                    return found
        for tag in soup.find_all("meta", content=True):
            if (tag.get("property") or tag.get("name") or "").lower() == "og:url":
                if found := _absolute(tag["content"]):
                    return found
    saved = SAVED_FROM_RE.search(markup)
    return _absolute(saved.group(1)) if saved else None
