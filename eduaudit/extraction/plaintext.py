"""Plain text files: UTF-8 with a cp1251 fallback."""

from __future__ import annotations

from eduaudit.sitefacts.charset import charset_from_content_type, decode_bytes
from .model import Extraction, ExtractionSettings
from .textclean import clean_text
from .textquality import repair_mojibake


def extract_txt(data: bytes, settings: ExtractionSettings,
                content_type: str | None = None) -> Extraction:
    raw, _encoding = decode_bytes(data, declared=[charset_from_content_type(content_type)])
    text = clean_text(repair_mojibake(raw), max_chars=settings.max_chars)
    if not text:
        return Extraction("empty", "txt", "", None, False, "text", "file has no text")
    return Extraction("ok", "txt", text, None, False, "text", None)


def looks_like_text(data: bytes) -> bool:
    """True for bytes that are readable text in UTF-8 or cp1251 (no binary control bytes)."""
    sample = data[:65536]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls == 0
