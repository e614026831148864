"""Turn raw extractor output into clean plain text: one paragraph per line."""

from __future__ import annotations

import re

# Characters that extractors leave behind but carry no text: NUL, soft hyphen, zero-width
# marks, BOM, PDFium's "\x02" for a hyphen at a line break is handled separately.
# (A regular expression: str.translate with a dict walks every character in Python.)
_INVISIBLE = re.compile("[\x00\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b]+")
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
# A word broken by a hyphen at the end of a line: "настав-\nничества" -> "наставничества".
_BROKEN_WORD = re.compile(r"(?<=[а-яёa-z])[-\x02]\n(?=[а-яёa-z])")


def clean_text(raw: str, *, max_chars: int | None = None) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = _BROKEN_WORD.sub("", text)
    text = text.replace("\x02", "-")
    text = _CONTROL.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1]:
            # Keep one blank line between blocks (pages, sections), never runs of them.
            out.append("")
    while out and not out[-1]:
        out.pop()
    result = "\n".join(out)
    if max_chars is not None and len(result) > max_chars:
        result = result[:max_chars].rsplit("\n", 1)[0]
    return result
