"""Decode the bytes of text and HTML files from Russian sites.

Order of evidence: a byte-order mark; then valid UTF-8 (cp1251 Russian text is practically
never valid UTF-8, so success is decisive); then the declared charset (HTTP header or
<meta>); then cp1251, the usual encoding of older Russian sites.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.I)


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _normalise(match.group(1)) if match else None


def charset_from_markup(data: bytes) -> str | None:
    head = data[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def _normalise(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: list[str | None] | tuple[str | None, ...] = ()
                 ) -> tuple[str, str]:
    """Return (text, encoding used)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in declared:
        encoding = _normalise(name) if name else None
        if encoding and encoding not in ("utf-8", "ascii"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    if _mostly_utf8(data):
        # A few broken sequences (a truncated file, a stray byte) in otherwise UTF-8 text.
        return data.decode("utf-8", "replace"), "utf-8"
    return data.decode("cp1251", "replace"), "cp1251"


def _mostly_utf8(data: bytes) -> bool:
    sample = data[:200_000]
    decoded = sample.decode("utf-8", "replace")
    bad = decoded.count("\ufffd")
    non_ascii = sum(1 for ch in decoded if ord(ch) > 127)
    return non_ascii > 0 and bad / non_ascii < 0.02
