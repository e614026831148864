"""Links on a page and the addresses they lead to: documents, viewers, shared files.

What a person can open from a page, read the way the crawler reads it. The crawler
follows these links; the audit rules read them again from a stored page (is the
«Документы» page linked from «Сведения…»?). Both must see the same addresses, so the
one reading lives here, below both; :mod:`crawler.navigation` judges the links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from eduaudit.sitefacts.platforms import card_download_path, download_by_id
from eduaudit.sitefacts.text import fold

DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".rtf", ".odt", ".txt", ".zip", ".rar",
                       ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".sig")

# Hosts whose viewer opens any address it is given (not only a document's file name).
VIEWER_PARAMS = {
    "view.officeapps.live.com": "src",
    "docs.google.com": "url",
    "drive.google.com": "url",
}
# Query parameters that viewers of every make (Office Online, pdf.js, Yandex's and
# Google's viewers, a school's own «просмотр» script) carry the document's address in.
DOCUMENT_PARAMS = ("src", "url", "file", "doc", "path")


def host_of(url: str, *, drop_www: bool = False) -> str:
    """The lower-case host of an address, without a trailing dot; "" when it has none.

    An address written without a scheme («school.ru/page», as registries do) still has its
    host; with ``drop_www`` «www.school.ru» and «school.ru» are one host.
    """
    try:
        host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    return host.removeprefix("www.") if drop_www else host


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
    """A platform's document card (``/file/card?id=N`` of the *school.ru family) → its download URL."""
    parts = urlsplit(url)
    download = card_download_path(parts.path)
    if download:
        ids = parse_qs(parts.query).get("id")
        if ids:
            return f"{parts.scheme}://{parts.netloc}{download}?id={ids[0]}"
    return None


def is_document_url(url: str) -> bool:
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    return path.endswith(DOCUMENT_EXTENSIONS) or download_by_id(path, parts.query)



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
