"""The academic year a document is for: «на 2023/2024 учебный год», «2023-2024 уч. г.»."""

from __future__ import annotations

import re

_PAIR = re.compile(r"(?<!\d)(20\d{2})\s*([/\-–—])\s*(20\d{2}|\d{2})(?!\d)")
_AFTER = re.compile(r"^\s*(?:уч(?:ебн\w*|\.)?\s*г(?:од\w*|г\.?|\.)?|учебн\w*\s+год\w*)",
                    re.IGNORECASE)
_BEFORE = re.compile(r"учебн\w*\s+год\w*\s*:?\s*$|уч\.\s*г(?:од|\.)?\s*:?\s*$", re.IGNORECASE)
_PLAIN_YEARS_AFTER = re.compile(r"^\s*(?:гг\b|г\.г\.|годы|годов|год\b)", re.IGNORECASE)
# Titles and approval blocks name the year; a year deep in the body may be a reference.
_HEAD_CHARS = 4000


def academic_year(text: str) -> str | None:
    """The first academic year named in the text as "YYYY/YYYY", or None.

    Two consecutive years with a slash are an academic year by themselves; with a dash they
    must be called «учебный год» (a «2023-2024 годы» programme spans two calendar years).
    """
    best: tuple[int, int, str] | None = None
    for match in _PAIR.finditer(text):
        first = int(match.group(1))
        second_raw = match.group(3)
        second = int(second_raw) if len(second_raw) == 4 else first // 100 * 100 + int(second_raw)
        if second != first + 1:
            continue
        after = text[match.end(): match.end() + 30]
        before = text[max(0, match.start() - 30): match.start()]
        named = bool(_AFTER.match(after) or _BEFORE.search(before))
        if not named and (match.group(2) != "/" or _PLAIN_YEARS_AFTER.match(after)):
            continue
        # Named years win over bare slashes; then the earliest one.
        rank = (0 if named else 1, 0 if match.start() < _HEAD_CHARS else 1)
        candidate = (rank[0], rank[1] * len(text) + match.start(), f"{first}/{second}")
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None
