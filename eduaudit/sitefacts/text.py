"""The folded form of text that all matching of links and pages is done on."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, ё→е, collapsed spaces."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("\xa0", " ")).strip().lower().replace("ё", "е")
