"""Repairing the site addresses of an operator's registry, and saying what was repaired.

Addresses typed by hand come as ``www.school3.ru``, ``school3.ru/``, ``http//school3.ru``,
``сайт: school3.ru``, ``https://school3.ru, https://old-school3.ru`` or ``школа3.рф``.
:func:`repair_address` turns one cell into the address the crawler asks for (a Cyrillic
domain in punycode, via Python's ``idna`` codec), the further addresses of the cell as
alternates to try when the first does not answer, and the list of repairs in Russian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

# What people write in a cell instead of "no site".
_NONE_WORDS = re.compile(r"^(?:-+|—|–|нет|отсутствует|не имеет(?:ся)?|нет сайта|сайта нет|n/?a|none|null)\.?$")
# A label before the address: «сайт:», «Адрес сайта -», «URL:», «официальный сайт».
_LABEL = re.compile(r"^\s*(?:(?:официальн\w*\s+)?(?:адрес\w*\s+)?(?:сайт\w*|адрес\w*)\s*(?:[:\-–—=]\s*|\s+(?=\S))"
                    r"|(?:url|web|site|www)\s*:\s*)", re.IGNORECASE)
# Between several addresses of one cell.
_SEPARATORS = re.compile(r"\s*(?:[,;|\n]|\s+и\s+|\s+или\s+)\s*|\s+(?=https?\W|www\.)", re.IGNORECASE)
# A scheme that lost a character: «http//», «https:/», «http:\\», «http;//», «hhtp://».
_BROKEN_SCHEME = re.compile(r"^(h+t+p+s?)\s*[:;.]?\s*[/\\]{1,3}\s*", re.IGNORECASE)
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass
class RepairedAddress:
    """One registry cell's address after repair."""

    url: str = ""                               # what the crawler asks for ("" when none is usable)
    alternates: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)      # what was changed, in Russian
    problem: str = ""                           # why no usable address was found, in Russian

    @property
    def display(self) -> str:
        return display_url(self.url)


def display_url(url: str) -> str:
    """The address as people read it: punycode labels shown in Cyrillic."""
    if "xn--" not in url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        shown = host.encode("ascii").decode("idna")
    except UnicodeError:
        return url
    netloc = shown + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _ascii_host(host: str, *, written_as_url: bool) -> str | None:
    """The host in ASCII (punycode for Cyrillic labels), or None when it cannot be a host name.

    An address written with its scheme is taken as a URL and only encoded (what our own CSV
    format accepts); a bare word must look like a domain name to be taken for one.
    """
    try:
        labels = [label if label.isascii() else label.encode("idna").decode("ascii")
                  for label in host.split(".")]
    except UnicodeError:
        return None
    if written_as_url:
        return ".".join(labels) if any(labels) else None
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return None
    return ".".join(labels)


def _one(candidate: str, repairs: list[str]) -> str | None:
    """One address made crawlable, or None when it is not an address at all."""
    text = candidate.strip().strip("«»\"'<>()[]").rstrip(".")
    if not text:
        return None
    match = _BROKEN_SCHEME.match(text)
    written_as_url = bool(match)
    if match and not _SCHEME.match(text):
        scheme = "https" if match.group(1).lower().endswith("s") else "http"
        fixed = f"{scheme}://" + text[match.end():]
        repairs.append(f"исправлена схема: «{text}» → «{fixed}»")
        text = fixed
    elif not _SCHEME.match(text):
        if "://" in text:
            return None  # ftp://, file:// and the like: not a web site
        text = "http://" + text
        repairs.append("добавлена схема http://")
    if re.search(r"\s", text):
        text = re.sub(r"\s+", "", text)
        repairs.append("убраны пробелы в адресе")
    parts = urlsplit(text)
    try:
        host, port = (parts.hostname or ""), parts.port
    except ValueError:
        return None
    ascii_host = _ascii_host(host.rstrip("."), written_as_url=written_as_url)
    if ascii_host is None:
        return None
    if ascii_host != host.rstrip("."):
        repairs.append(f"кириллический домен {host} запрашивается как {ascii_host}")
    netloc = ascii_host + (f":{port}" if port else "")
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def repair_address(cell: str) -> RepairedAddress:
    """Repair one registry cell; the first usable address is the site, the others alternates."""
    result = RepairedAddress()
    text = (cell or "").strip()
    if not text or _NONE_WORDS.match(text.lower()):
        result.problem = "адрес сайта не указан в реестре"
        return result
    label = _LABEL.match(text)
    if label and not _SCHEME.match(text) and not _BROKEN_SCHEME.match(text):
        result.repairs.append(f"убрана подпись «{label.group(0).strip()}»")
        text = text[label.end():]
    urls: list[str] = []
    unusable: list[str] = []
    for candidate in (c for c in _SEPARATORS.split(text) if c.strip()):
        url = _one(candidate, result.repairs)
        if url is None:
            unusable.append(candidate.strip())
        elif url not in urls:
            urls.append(url)
    if unusable:
        result.repairs.append("не адрес сайта, пропущено: " + ", ".join(f"«{u}»" for u in unusable))
    if not urls:
        result.repairs = []
        result.problem = f"адрес сайта не распознан: «{cell.strip()}»"
        return result
    result.url, result.alternates = urls[0], urls[1:]
    if result.alternates:
        result.repairs.append("несколько адресов: основной — первый, остальные запасные: "
                              + ", ".join(display_url(u) for u in result.alternates))
    return result
