"""Is this text real Russian, or a broken text layer / mis-decoded bytes?

Scanned PDFs from school sites often carry a text layer produced by an OCR that read
Cyrillic as Latin look-alikes («Ilo:roxesue» for «Положение»), and old pages decoded in
the wrong code page turn into «Ïîëîæåíèå» or «РџРѕР»РѕР¶РµРЅРёРµ». These helpers measure
how Russian a text is so callers can OCR or re-decode when the text is junk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "\"'«»„“”()[]{}<>.,;:!?…—–-*•·№/\\|"
_CYR_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)
_CYR_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
# One-letter Russian words that are real words, not OCR debris.
_CYR_SHORT = {"в", "к", "с", "и", "о", "у", "я", "а", "В", "К", "С", "И", "О", "У", "Я", "А"}

# Frequent function words; a Russian paragraph rarely goes ten words without one.
_RU_COMMON = frozenset(
    "и в во на с со по о об от для не что к ко из за а или как при его ее её их это также "
    "который которая которые которых года год до после между через под над без либо "
    "если то же все всех был была были быть является являются должен должны может "
    "порядок положение настоящее образовательной организации работников".split()
)
_EN_COMMON = frozenset(
    "the of and to in is for on with by as at from this that be are or an it was not "
    "which have has will can".split()
)


def _is_cyr(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("\u00c0" <= ch <= "\u024f"
                                                       and ch not in "×÷")


@dataclass(frozen=True)
class TextProfile:
    letters: int
    cyr_letters: int
    latin_letters: int
    word_tokens: int  # whitespace tokens that contain at least one letter
    russian_words: int  # clean Cyrillic words that look like Russian
    common_ru: int
    common_en: int
    mixed_script: int  # tokens mixing Cyrillic and Latin letters
    noisy: int  # letter tokens with digits or symbols wedged inside

    @property
    def russian_share(self) -> float:
        return self.russian_words / self.word_tokens if self.word_tokens else 0.0

    @property
    def cyr_share(self) -> float:
        return self.cyr_letters / self.letters if self.letters else 0.0


_LETTER = re.compile(r"[^\W\d_]")
_CYR_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# A character that is neither a letter nor allowed inside a word («-», apostrophes, dots).
_NOT_WORDISH = re.compile(r"[^\w\-'’.]|[\d_]")


def profile(text: str) -> TextProfile:
    # Regular expressions do the per-character work in C: this runs on every PDF page.
    letters = len(_LETTER.findall(text))
    cyr = len(_CYR_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    word_tokens = russian = common_ru = common_en = mixed = noisy = 0
    for raw in _TOKEN.findall(text):
        token = raw.strip(_EDGE_PUNCT)
        if not token or not _LETTER.search(token):
            continue
        word_tokens += 1
        lower = token.lower()
        if lower in _RU_COMMON:
            common_ru += 1
        elif lower in _EN_COMMON:
            common_en += 1
        if _CYR_LETTER.search(token) and _LATIN_LETTER.search(token):
            mixed += 1
        if _CYR_WORD.fullmatch(token):
            if len(token) == 1:
                russian += token in _CYR_SHORT
            elif token.isupper() or any(ch in _CYR_VOWELS for ch in token):
                russian += 1
        elif _NOT_WORDISH.search(token):
            # "Ilo:roxesue", "rloJlox<eHHe", "HacTaBHu4ecTBa": junk, not a word.
            noisy += 1
    return TextProfile(letters, cyr, latin, word_tokens, russian, common_ru, common_en,
                       mixed, noisy)


def russian_score(text: str) -> float:
    """Higher is more readable Russian; used to choose between a text layer and OCR."""
    p = profile(text)
    return p.russian_words + 2.0 * p.common_ru - 1.0 * p.noisy - 1.0 * p.mixed_script


def is_garbage_layer(text: str, *, min_tokens: int = 6,
                     measured: TextProfile | None = None) -> bool:
    """True when a text layer is junk that only OCR can fix (not when it is plain English)."""
    p = measured or profile(text)
    if p.word_tokens < min_tokens:
        return False
    if p.mixed_script / p.word_tokens > 0.2:
        return True
    if p.russian_share >= 0.5:
        return False
    english = p.common_en / p.word_tokens >= 0.05 and p.noisy / p.word_tokens < 0.15
    if english:
        return False
    return p.russian_share < 0.3


_MOJIBAKE_LATIN1 = re.compile(r"[\u00c0-\u00ff]")
_MOJIBAKE_UTF8_AS_1251 = re.compile(r"[РС][\u0400-\u045f\u0490\u0491\u2018-\u201e\u2020-\u203a\u00a0-\u00bb№]")


# Mis-decoding affects a whole text the same way, so a sample is enough to detect it;
# counting every letter of a 300-page PDF would cost more than reading it.
MOJIBAKE_SAMPLE = 4000


def repair_mojibake(text: str) -> str:
    """Undo the two common code-page mix-ups of Russian text; return the text unchanged otherwise."""
    if not text:
        return text
    candidates = [text]
    sample = text[:MOJIBAKE_SAMPLE]
    letters = len(_LETTER.findall(sample)) or 1
    if len(_MOJIBAKE_LATIN1.findall(sample)) / letters > 0.3:
        # cp1251 bytes shown as Latin-1/cp1252: «Ïîëîæåíèå».
        for codec in ("cp1252", "latin-1"):
            try:
                candidates.append(text.encode(codec).decode("cp1251"))
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
    if len(_MOJIBAKE_UTF8_AS_1251.findall(sample)) * 2 / letters > 0.3:
        # UTF-8 bytes shown as cp1251: «РџРѕР»РѕР¶РµРЅРёРµ».
        try:
            candidates.append(text.encode("cp1251").decode("utf-8"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    if len(candidates) == 1:
        return text
    return max(candidates, key=russian_score)
