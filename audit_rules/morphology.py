"""The Russian dictionary (pymorphy3), loaded once and shared by the rules and the text model."""

from __future__ import annotations

import functools

import pymorphy3

_NAMING = frozenset({"NOUN", "ADJF", "PRTF"})


@functools.lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=50_000)
def can_be_genitive(word: str) -> bool:
    """Whether a known noun or adjective form may be in the genitive («Управления», «Угранского»).

    A title goes on in the genitive onto its next line («План работы / Отдела образования»); a
    new heading starts in the nominative («Пояснительная записка», «Общие положения»).
    """
    morph = analyzer()
    word = word.lower().replace("ё", "е")
    if not morph.word_is_known(word):
        return False
    return any(p.tag.POS in _NAMING and p.tag.case == "gent" for p in morph.parse(word))


@functools.lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether the dictionary has this word form (lower case, «ё» as «е»)."""
    return analyzer().word_is_known(word.lower().replace("ё", "е"))
