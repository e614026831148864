"""RTF text with striprtf, checking that Russian came out as Cyrillic."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from .model import Extraction, ExtractionSettings
from .textclean import clean_text
from .textquality import repair_mojibake, russian_score

_ANSICPG = re.compile(rb"\\ansicpg(\d+)")
# Embedded pictures are long runs of hex digits; dropping them up front keeps striprtf,
# which walks the file token by token, fast on multi-megabyte scans-in-RTF.
_HEX_RUN = re.compile(rb"[0-9a-fA-F\r\n]{512,}")


def extract_rtf(data: bytes, settings: ExtractionSettings) -> Extraction:
    body = _HEX_RUN.sub(b"", data)
    declared = _declared_codepage(body)
    # RTF is 7-bit in theory; in practice Russian editors also write raw cp1251 bytes.
    source = body.decode(declared or "cp1251", "replace")
    candidates: list[str] = []
    # Files without \ansicpg (or with cp1252 but Cyrillic text in \'hh escapes) are
    # read both ways and the more Russian result wins.
    for encoding in dict.fromkeys([declared or "cp1252", "cp1251"]):
        try:
            candidates.append(_strip(source, encoding))
        except (UnicodeDecodeError, LookupError, ValueError, IndexError, RecursionError):
            continue
    if not candidates:
        return Extraction.failed("rtf", "RTF could not be parsed", extractor="striprtf")
    best = max(candidates, key=russian_score)
    text = clean_text(repair_mojibake(best), max_chars=settings.max_chars)
    if not text:
        return Extraction("empty", "rtf", "", None, False, "striprtf", "RTF contains no text")
    return Extraction("ok", "rtf", text, None, False, "striprtf", None)


def _strip(source: str, encoding: str) -> str:
    # striprtf obeys the file's own \ansicpg; reading with another code page means
    # swapping that declaration.
    patched = re.sub(r"\\ansicpg\d+", lambda _m: "\\ansicpg" + encoding[2:], source)
    return rtf_to_text(patched, encoding=encoding, errors="replace").replace("\ufffd", "")


def _declared_codepage(data: bytes) -> str | None:
    match = _ANSICPG.search(data[:4096])
    if not match:
        return None
    name = f"cp{int(match.group(1))}"
    try:
        "".encode(name)
    except LookupError:
        return None
    return name
