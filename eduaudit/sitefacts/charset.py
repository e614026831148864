"""How the bytes of a Russian site's text are read: the one charset policy of the crawler and extraction.

Order of evidence: a byte-order mark; then valid UTF-8 (cp1251 Russian text is practically
never valid UTF-8, so success is decisive); then the declared charset (HTTP header, then
``<meta>`` or the XML declaration); then UTF-8 with a few broken sequences; then cp1251, the
usual encoding of older Russian sites. Reading BOMs and declarations is w3lib's (Scrapy's
own); the order, which puts the bytes' own evidence before a declaration that old servers get
wrong, is ours.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

# The share of Cyrillic among the letters above which a cp1251 reading is taken for Russian text.
CYRILLIC_SHARE = 0.3


def charset_from_content_type(content_type: str | None) -> str | None:
    return _normalise(http_content_type_encoding(content_type)) if content_type else None


def charset_from_markup(data: bytes) -> str | None:
    return _normalise(html_body_declared_encoding(data[:8192]))


def _normalise(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: Iterable[str | None] = ()) -> tuple[str, str]:
    """Return (text, encoding used)."""
    bom_encoding, bom = read_bom(data)
    if bom_encoding:
        return data[len(bom):].decode(bom_encoding, "replace"), _normalise(bom_encoding) or bom_encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in declared:
        encoding = _normalise(name)
        if encoding and encoding not in ("utf-8", "ascii"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    if _mostly_utf8(data):
        # A few broken sequences (a truncated file, a stray byte) in otherwise UTF-8 text.
        return data.decode("utf-8", "replace"), "utf-8"
    return data.decode("cp1251", "replace"), "cp1251"


def looks_russian(text: str) -> bool:
    letters = sum(1 for ch in text if ch.isalpha())
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    return bool(letters) and cyrillic / letters >= CYRILLIC_SHARE


def _mostly_utf8(data: bytes) -> bool:
    sample = data[:200_000]
    decoded = sample.decode("utf-8", "replace")
    bad = decoded.count("\ufffd")
    non_ascii = sum(1 for ch in decoded if ord(ch) > 127)
    return non_ascii > 0 and bad / non_ascii < 0.02
