"""Safe file and sheet names from municipality names.

A municipality name comes from the registry, i.e. from outside; it must never
choose where a file lands («../../etc», «CON», a slash), so file names are
transliterated to a small Latin alphabet and made unique.
"""

from __future__ import annotations

import re

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
# Names Windows refuses as files whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def transliterate(text: str) -> str:
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())


def file_stem(name: str, max_length: int = 60) -> str:
    """«Холм-Жирковский район» → «kholm-zhirkovskiy-rayon»; only [a-z0-9-], never empty or reserved."""
    stem = re.sub(r"[^a-z0-9]+", "-", transliterate(name)).strip("-")[:max_length].strip("-")
    if not stem or stem in _RESERVED:
        stem = f"mo-{stem}" if stem else "mo"
    return stem


class UniqueNames:
    """Hands out names, adding «-2», «-3» when two inputs map to the same name."""

    def __init__(self, casefold: bool = True):
        self.used: set[str] = set()
        self.casefold = casefold

    def take(self, name: str, max_length: int | None = None) -> str:
        candidate, n = name, 1
        while (candidate.casefold() if self.casefold else candidate) in self.used:
            n += 1
            suffix = f"-{n}"
            base = name if max_length is None else name[: max_length - len(suffix)]
            candidate = base + suffix
        self.used.add(candidate.casefold() if self.casefold else candidate)
        return candidate


def sheet_title(name: str) -> str:
    """An Excel sheet title: at most 31 characters, none of []:*?/\\, not starting or ending with a quote."""
    title = _SHEET_FORBIDDEN.sub(" ", name).strip().strip("'")
    title = title.replace("муниципальный округ", "МО").replace("муниципальный район", "МР")
    return (title[:31].strip() or "МО")
