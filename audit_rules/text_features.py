"""Text normalisation for classifying Russian school documents.

Extracted texts arrive with OCR noise (Latin look-alike letters inside Cyrillic
words), hyphenated line breaks, letter-spaced headings («П Р И К А З») and
irregular whitespace.  :func:`prepare` turns raw text into a :class:`Prepared`
document: cleaned lines (original case, used for titles and quotes) and a
lower-cased "match" string of exactly the same length, so a regex hit in the
match string can be quoted verbatim from the cleaned text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice

from audit_rules.morphology import is_known

# Latin letters that OCR and careless typing put in place of Cyrillic ones.
_LOOKALIKE_SAFE = str.maketrans({
    "a": "а", "A": "А", "B": "В", "c": "с", "C": "С", "e": "е", "E": "Е",
    "H": "Н", "K": "К", "k": "к", "M": "М", "o": "о", "O": "О", "p": "р",
    "P": "Р", "T": "Т", "x": "х", "X": "Х", "y": "у", "Y": "У",
})
# Shapes that are only confused inside a word that is already partly Cyrillic.
_LOOKALIKE_MIXED = str.maketrans({
    "a": "а", "A": "А", "B": "В", "c": "с", "C": "С", "e": "е", "E": "Е",
    "H": "Н", "K": "К", "k": "к", "M": "М", "o": "о", "O": "О", "p": "р",
    "P": "Р", "T": "Т", "x": "х", "X": "Х", "y": "у", "Y": "У", "u": "и",
    "n": "п", "r": "г", "b": "ь", "m": "т", "3": "З", "0": "О", "6": "б",
})
_SAFE_LATIN = set("aABcCeEHKkMoOpPTxXyY")

_WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
# (tried from a word's start only: the same whole words, without retrying from inside each one)
_SUSPECT_WORD_RE = re.compile(r"(?<![0-9A-Za-zА-Яа-яЁё])[0-9A-Za-zА-Яа-яЁё]*[A-Za-z036][0-9A-Za-zА-Яа-яЁё]*")
_CYR_RE = re.compile(r"[А-Яа-яЁё]")
_LAT_RE = re.compile(r"[A-Za-z]")
# Runs, not single letters, are counted: a list of runs is a tenth of a list of letters.
_CYR_RUN_RE = re.compile(r"[А-Яа-яЁё]+")
_LAT_RUN_RE = re.compile(r"[A-Za-z]+")
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")


def _count(run_re: re.Pattern[str], text: str) -> int:
    return sum(map(len, run_re.findall(text)))

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTES = "«»“”„‟\"'‘’‚"
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_HYPHEN_BREAK_RE = re.compile(r"([а-яё])[-\u00ad\u2010\u2011]\s*\n\s*([а-яё])")
_SPACED_LETTERS_RE = re.compile(r"(?<![\wА-Яа-яЁё])((?:[А-ЯЁа-яё] ){3,}[А-ЯЁа-яё30])(?![\wА-Яа-яЁё])")


def _fix_word(word: str, mostly_cyrillic: bool) -> str:
    has_cyr = bool(_CYR_RE.search(word))
    has_lat = bool(_LAT_RE.search(word))
    if has_cyr and has_lat:
        if word.isupper():
            # OCR reads a capital «Ю» as «IO»: «УТВЕРЖДAIO»
            word = word.replace("IO", "Ю")
        return word.translate(_LOOKALIKE_MIXED)
    if (has_cyr and len(_CYR_RE.findall(word)) >= 3 and any(ch in "036" for ch in word)
            and not any(ch.isdigit() for ch in word.translate(_LOOKALIKE_MIXED))):
        # «П0ЛОЖЕНИЕ»: a digit inside an otherwise Cyrillic word is an OCR slip.
        return word.translate(_LOOKALIKE_MIXED)
    if has_lat and not has_cyr and mostly_cyrillic and set(word) - set("0123456789") <= _SAFE_LATIN | set("0123456789"):
        # A fully Latin token made only of look-alikes («Ha», «P-145», «MP») in Russian text.
        if any(ch.isalpha() for ch in word):
            return word.translate(_LOOKALIKE_SAFE)
    return word


# «учебно-\nвоспитательной», «социально-\nпсихологический»: a compound, keep the hyphen.
_COMPOUND_LEFT_RE = re.compile(r"[а-яё]{2,}(?:но|ско|ико|ово)$")


def _join_hyphenated(m: re.Match[str]) -> str:
    start = m.start(1)
    left = m.string[max(0, start - 20):start + 1].split()[-1] if m.string[max(0, start - 20):start + 1].split() else ""
    if _COMPOUND_LEFT_RE.search(left):
        return m.group(1) + "-" + m.group(2)
    return m.group(1) + m.group(2)


# OCR breaks a spaced-out heading word unevenly («ПОЛОЖ ЕН И Е», «ПРИ КАЗ»): capitals in fragments
# that glue into one of the words that head a document are glued back.
_HEADWORDS = frozenset({"ПОЛОЖЕНИЕ", "ПРИКАЗ", "ПРОГРАММА", "ПЛАН", "РАСПОРЯЖЕНИЕ", "ПОСТАНОВЛЕНИЕ", "УТВЕРЖДАЮ",
                        "УТВЕРЖДЕНО", "ПРИНЯТО", "СОГЛАСОВАНО", "ПРИКАЗЫВАЮ", "ПРИЛОЖЕНИЕ"})
_BROKEN_HEADWORD_RE = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]{1,7}(?: [А-ЯЁ]{1,7}){1,5}(?![А-ЯЁа-яё])")


# The same in a capitalised word opening a line: «По ложение о …», «Прик аз № 5».
_BROKEN_TITLEWORD_RE = re.compile(r"(?m)^[А-ЯЁ][а-яё]{0,8}(?: [а-яё]{1,8}){1,3}(?![А-ЯЁа-яё])")


def _glue_headword(m: re.Match[str]) -> str:
    parts = m.group(0).split(" ")
    # the longest run of fragments from the start that makes a heading word («ПРИ КАЗ ПО ШКОЛЕ»)
    for end in range(len(parts), 1, -1):
        glued = "".join(parts[:end])
        if glued.upper() in _HEADWORDS:
            return " ".join([glued] + parts[end:])
    return m.group(0)


def fix_lookalikes(text: str) -> str:
    """Replace Latin look-alike letters inside Russian words by their Cyrillic twins."""
    cyr = _count(_CYR_RUN_RE, text)
    lat = _count(_LAT_RUN_RE, text)
    mostly_cyrillic = cyr > 0 and cyr >= 2 * lat
    # Only a word with a Latin letter or one of the digits OCR confuses can change.
    return _SUSPECT_WORD_RE.sub(lambda m: _fix_word(m.group(0), mostly_cyrillic), text)


# OCR and some PDF converters break words with stray spaces («педагоги ческих работ ников»). Where
# many of a text's words are not in the dictionary, fragments are joined back when the join is a
# word and at least one fragment is not: «по том» stays two words, «сист еме» becomes one.
_FRAGMENT_RE = re.compile(r"(?<![\wА-Яа-яЁё-])[А-ЯЁа-яё]+(?: [А-ЯЁа-яё]+)+(?![\wА-Яа-яЁё-])")
_RUSSIAN_WORD_RE = re.compile(r"[а-яёА-ЯЁ]{2,}")
BROKEN_WORDS_SAMPLE = 400
BROKEN_WORDS_SHARE = 0.1     # ordinary texts: 3 % unknown (names, abbreviations); broken ones 20–40 %


# A text layer whose Cyrillic was read as Latin look-alikes keeps digits inside its "words"
# («o6y.raroqzxcx», «Mr4», «3a»); English text has letters only.
_LATIN_TOKEN_RE = re.compile(r"[A-Za-z0-9@$]*[A-Za-z][A-Za-z0-9@$]*")
_MIXED_TOKEN_RE = re.compile(r"[A-Za-z]\d|\d[A-Za-z]|[A-Za-z][@$]")
GARBLED_MIXED_SHARE = 0.08


def looks_garbled(text: str) -> bool:
    """Whether a text is mostly Latin letters with digits inside its words: a broken Russian layer."""
    cyrillic = _count(_CYR_RUN_RE, text)
    tokens = [t for t in _LATIN_TOKEN_RE.findall(text) if len(t) >= 2]
    if len(tokens) < 20 or cyrillic > sum(map(len, tokens)):
        return False
    return sum(1 for t in tokens if _MIXED_TOKEN_RE.search(t)) / len(tokens) >= GARBLED_MIXED_SHARE


# Words the rules read, joined even from two fragments that are words themselves («работ ников»).
_DOMAIN_STEMS = ("работник", "педагог", "наставни", "наставля", "обучающ", "специалист", "учител", "воспитател",
                 "положени", "программ", "приказ", "мероприяти", "куратор", "утвержд")


def _looks_broken(text: str) -> bool:
    # (the first words only, lowered one by one: a long document is not lowered whole for them)
    words = [m.group(0).lower() for m in islice(_RUSSIAN_WORD_RE.finditer(text), BROKEN_WORDS_SAMPLE)]
    return len(words) >= 20 and sum(not is_known(w) for w in words) / len(words) >= BROKEN_WORDS_SHARE


def _one_word_case(run: list[str]) -> bool:
    """Fragments of one word: all in capitals, or in lower case after the first."""
    return all(p.isupper() for p in run) or all(p.islower() for p in run[1:])


def _join_fragments(m: re.Match[str]) -> str:
    parts = m.group(0).split(" ")
    out: list[str] = []
    i = 0
    while i < len(parts):
        for end in range(min(len(parts), i + 4), i + 1, -1):   # the longest join first
            run = parts[i:end]
            joined = "".join(run)
            if _one_word_case(run) and is_known(joined) and (
                    not all(is_known(p) for p in run)
                    # «педагог и наставник» stays: a one-letter word is a word
                    or (joined.lower().startswith(_DOMAIN_STEMS) and min(map(len, run)) >= 2)):
                out.append("".join(run))
                i = end
                break
        else:
            out.append(parts[i])
            i += 1
    return " ".join(out)


def join_broken_words(text: str) -> str:
    """The text with words broken by stray spaces joined back, words run together split (the
    domain's words OCR misread read again first), if it looks broken at all."""
    if not _looks_broken(text):
        return text
    return _GLUED_RE.sub(_split_glued, _FRAGMENT_RE.sub(_join_fragments, text))


# The words the rules live on, as OCR misreads them two letters at most («иаставничества»,
# «настазничестза», «обучаіощихся»): a long stem is no other word's at that distance.
_DOMAIN_FUZZY_STEMS = ("наставничеств", "наставническ", "наставляем", "обучающ", "педагогическ", "утвержден",
                       "персонализированн", "распоряжени", "мероприяти", "положени", "программ", "целев",
                       "методологи", "молодых", "специалист")
def _domain_twin(word: str) -> str | None:
    """The domain's word OCR misread in ``word`` («иаставничества», «целсвой»), or None."""
    low = word.lower()
    for stem in _DOMAIN_FUZZY_STEMS:
        if len(low) < len(stem):
            continue
        slips = sum(a != b for a, b in zip(low, stem))
        if slips == 0 or slips > (2 if len(stem) >= 9 else 1):
            continue
        candidate = stem + low[len(stem):]
        if is_known(candidate):
            return "".join(c.upper() if w.isupper() else c for c, w in zip(candidate, word))
    return None


# Converters and OCR also drop spaces: «дляадминистрации», «Ресурсныйцентр», «Общиеположения». In
# a text that looks broken, a long word the dictionary lacks is split where both sides are words
# (a one-letter side only if it is a preposition or conjunction), the most even split first.
_GLUED_RE = re.compile(r"(?<![\wА-Яа-яЁё])[А-ЯЁа-яё]{6,40}(?![\wА-Яа-яЁё])")   # («Научно-методическогосовета»)
_ONE_LETTER_WORDS = frozenset("вскоиуа")
_GLUED_PARTS = 3


_CAMEL_RE = re.compile(r"(?<=[а-яё])(?=[А-ЯЁ])")


def _split_glued(m: re.Match[str]) -> str:
    word = m.group(0)
    if is_known(word):
        return word
    twin = _ocr_twin(word) or _domain_twin(word)
    if twin is not None:
        return twin
    out = []
    # a capital after small letters starts a new word («советаГБОУ», «директораГБОУ»)
    for piece in _CAMEL_RE.split(word):
        parts = None if piece.isupper() or is_known(piece) else _glued_parts(piece, _GLUED_PARTS)
        out.extend(parts or [piece])
    return " ".join(out)


# Cyrillic letters OCR takes for one another: «Прпнято», «Дпректор», «положення», «педагогическнх».
_OCR_CONFUSED = {"п": "и", "н": "и", "и": "пн"}


def _ocr_twin(word: str) -> str | None:
    """The known word one OCR slip away (one of «п», «н» read for «и», or back), or None.

    Tried before a word is split into pieces: «Прпнято» is «Принято», not «Пр пня то».
    """
    low = word.lower()
    for i, ch in enumerate(low):
        for other in _OCR_CONFUSED.get(ch, ""):
            candidate = low[:i] + other + low[i + 1:]
            if is_known(candidate):
                twin = other.upper() if word[i].isupper() else other
                return word[:i] + twin + word[i + 1:]
    return None


def _one_case(part: str) -> bool:
    return part.islower() or part.isupper() or (part[:1].isupper() and part[1:].islower())


def _glued_parts(word: str, most: int) -> list[str] | None:
    """Known words that make up ``word``, at most ``most`` of them, or None."""
    def known(part: str) -> bool:
        if not _one_case(part):
            return False
        return is_known(part) if len(part) > 1 else part.lower() in _ONE_LETTER_WORDS

    def split(rest: str, parts: int) -> list[str] | None:
        if parts == 1:
            return [rest] if known(rest) and len(rest) > 1 else None
        for cut in sorted(range(1, len(rest)), key=lambda i: -min(i, len(rest) - i)):
            if known(rest[:cut]):
                tail = split(rest[cut:], parts - 1)
                if tail:
                    return [rest[:cut]] + tail
        return None

    # the fewest words first: «территориальногосектора» is two words, not «территориально го сектора»
    return next((found for parts in range(1, most + 1) if (found := split(word, parts))), None)


# A letter-spaced text layer (a converter that writes every character apart: «П р и к а з   о т
# 3 1 . 0 8 . 2 0 2 0»): letters one space apart, words two or more. Read before spaces collapse.
_LETTER_SPACED_RE = re.compile(r"(?:\S ){5}\S {2,}\S")
_WORD_GAP_RE = re.compile(r" {2,}")
LETTER_SPACED_TOKENS = 8
LETTER_SPACED_SHARE = 0.8


def unspace_letter_spaced(text: str) -> str:
    """Lines written letter by letter joined back into words (the gaps of two or more spaces)."""
    if "  " not in text or not _LETTER_SPACED_RE.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        tokens = line.split()
        if len(tokens) >= LETTER_SPACED_TOKENS and _WORD_GAP_RE.search(line.strip()) \
                and sum(len(t) == 1 for t in tokens) >= LETTER_SPACED_SHARE * len(tokens):
            lead = line[:len(line) - len(line.lstrip())]
            lines[i] = lead + " ".join(w.replace(" ", "") for w in _WORD_GAP_RE.split(line.strip()))
    return "\n".join(lines)


# OCR reads a digit as its Cyrillic twin inside a number: «протокол № З», «1З.05.2021».
# (opening on «№» or a digit, not a lookbehind: the engine then skips to those characters)
_LETTER_FOR_DIGIT_RE = re.compile(r"[№\d]\s*[ЗОзо](?![А-Яа-яЁё])")
_DIGIT_TWINS = str.maketrans({"З": "3", "з": "3", "О": "0", "о": "0"})


# (opening on the digits: a lookbehind first would be tried at every position of the text)
_DIGIT_IN_WORD_RE = re.compile(r"[03468]+(?=[а-яё])")
_LETTER_TWINS = str.maketrans({"0": "о", "3": "з", "4": "ч", "6": "б", "8": "в"})


def _letter_twin(m: re.Match[str]) -> str:
    before = m.string[m.start() - 1:m.start()]
    inside_a_word = before != "" and ("а" <= before <= "я" or before == "ё")
    return m.group(0).translate(_LETTER_TWINS) if inside_a_word else m.group(0)


def _digit_twin(m: re.Match[str]) -> str:
    found = m.group(0)
    after = m.string[m.end():m.end() + 2]
    if found[0] == "№" or (found[-1] in "ЗО" and len(found) == 2
                           and (not after or not after[0].isalpha()
                                or (after[0] in ".," and after[1:].isdigit()))):
        # («1З.05.2021», «2О2О», «№ З»; not «2 О внедрении»: a space parts a number from a word)
        return found.translate(_DIGIT_TWINS)
    return found


# A spaced-out heading of several words keeps one space between letters and between words alike
# («П Р О Г Р А М М А Н А С Т А В Н И Ч Е С Т В А»): the joined run is split back into words.
SPACED_RUN_WORDS = 4
SPACED_RUN_CHARS = 8


def _join_spaced_letters(m: re.Match[str]) -> str:
    joined = m.group(1).replace(" ", "")
    if joined[-1] in "30":
        # a spaced heading's «З» or «О» read as a digit («П Р И К А 3»), or a number after it
        # («С Т А Т Ь Я 3»): the letter only where it makes the heading a word
        letter = joined[:-1] + joined[-1].translate(_DIGIT_TWINS_UPPER)
        if joined[:-1].isupper() and is_known(letter):
            return letter
        rest = m.group(1)[:-2]
        letters = _SPACED_LETTERS_RE.fullmatch(rest)
        return (_join_spaced_letters(letters) if letters else rest) + m.group(1)[-2:]
    if len(joined) < SPACED_RUN_CHARS or is_known(joined):
        return joined
    parts = _heading_words(joined)
    return " ".join(parts) if parts and len(parts) <= SPACED_RUN_WORDS else joined


def _heading_words(run: str) -> list[str] | None:
    """Known words that make up ``run``: the fewest, and of those the one with the longest words
    («ПОЛОЖЕНИЕ О СИСТЕМЕ …», not «ПОЛОЖЕНИЕ ОСИ СТЕМЕ …»); None if there are none."""
    def known(part: str) -> bool:
        return is_known(part) if len(part) > 1 else part.lower() in _ONE_LETTER_WORDS

    # best[i]: the split of run[:i] as (words, -sum of squared lengths), and where its last word starts
    best: list[tuple[tuple[int, int], int] | None] = [((0, 0), 0)] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(end):
            if best[start] is None or not known(run[start:end]):
                continue
            (words, score), _ = best[start]
            candidate = (words + 1, score - (end - start) ** 2)
            if best[end] is None or candidate < best[end][0]:
                best[end] = (candidate, start)
    if best[-1] is None:
        return None
    parts, end = [], len(run)
    while end:
        start = best[end][1]
        parts.append(run[start:end])
        end = start
    return parts[::-1]


# (opening on the soft sign, the context checked behind it: a lookbehind first is tried at every position)
_SOFT_SIGN_ONE_RE = re.compile(r"Ь(?:(?<=[А-ЯЁ]Ь)[1Il](?=[А-ЯЁ\s:])|(?<=[А-ЯЁ] Ь)[1Il](?= [А-ЯЁ]))|ь(?<=[а-яё]ь)[1l](?=[а-яё])")
_DIGIT_TWINS_UPPER = str.maketrans({"3": "З", "0": "О"})
_BLOCK_OPENER = r"(?:ПРИНЯТ[ОА]|СОГЛАСОВАН[ОА]|УТВЕРЖДЕН[ОА]|УТВЕРЖДАЮ|РАССМОТРЕН[ОА])"
_GLUED_OPENERS_RE = re.compile(rf"({_BLOCK_OPENER})(?={_BLOCK_OPENER})")


def clean_text(text: str) -> str:
    """Normalise raw extracted text; keeps line structure."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00ad\n", "").replace("\u00ad", "")
    text = unspace_letter_spaced(text)
    text = _SPACES_RE.sub(" ", text)
    # OCR reads «Ы» as «Ь1» («ПРИКАЗЬ1ВАЮ», «вь1полнение»)
    text = _SOFT_SIGN_ONE_RE.sub(lambda m: "Ы" if m.group(0)[0] == "Ь" else "ы", text)
    # two columns of an approval block glued by a converter: «ПРИНЯТОУТВЕРЖДАЮ»
    text = _GLUED_OPENERS_RE.sub(r"\1 ", text)
    text = fix_lookalikes(text)
    text = _LETTER_FOR_DIGIT_RE.sub(_digit_twin, text)
    # a digit inside a lower-case Russian word is a letter OCR misread: «наста8ничест8а», «у4еник»
    text = _DIGIT_IN_WORD_RE.sub(_letter_twin, text)
    # «настав-\nничества» → «наставничества»: only lower-case letters on both sides,
    # so «учитель –\nучитель» pairs (spaced dashes) survive.
    text = _HYPHEN_BREAK_RE.sub(_join_hyphenated, text)
    text = _SPACED_LETTERS_RE.sub(_join_spaced_letters, text)
    text = _BROKEN_HEADWORD_RE.sub(_glue_headword, text)
    text = _BROKEN_TITLEWORD_RE.sub(_glue_headword, text)
    return join_broken_words(text)


def _match_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low == "ё":
        return "е"
    if low in _DASHES:
        return "-"
    if low in _QUOTES:
        return '"'
    return low


@dataclass
class Prepared:
    """A cleaned document: lines plus a same-length lower-cased copy for matching."""

    lines: list[str]
    text: str                      # "\n".join(lines), original case
    match: str                     # same length as ``text``: lower case, ё→е, dashes → "-"
    line_starts: list[int] = field(default_factory=list)

    def line_of(self, pos: int) -> int:
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def span_of_lines(self, first: int, last: int) -> tuple[int, int]:
        """Character span covering lines ``first..last`` inclusive."""
        if not self.lines:
            return (0, 0)
        first = max(0, min(first, len(self.lines) - 1))
        last = max(first, min(last, len(self.lines) - 1))
        start = self.line_starts[first]
        end = self.line_starts[last] + len(self.lines[last])
        return (start, end)

    def quote(self, start: int, end: int, limit: int = 150) -> str:
        return quote_span(self.text, start, end, limit)

    @property
    def letter_count(self) -> int:
        return _count(_LETTER_RUN_RE, self.text)


_MATCH_REPLACEMENTS = (("ё", "е"), *((d, "-") for d in _DASHES), *((q, '"') for q in _QUOTES))


def to_match(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        # (a few ``str.replace`` passes run several times faster than ``translate`` with a table on
        # Cyrillic text, and most of these characters are absent)
        for old, new in _MATCH_REPLACEMENTS:
            if old in low:
                low = low.replace(old, new)
        return low
    # a few characters lower-case to two («İ»): keep such a character as it is, so positions hold
    return "".join(_match_char(ch) for ch in text)


# OCR reads dust and table rules at the edge of a scan as «.», «|», «'» before a line's first
# word («. Приказ», «| работников»); they would hide a heading from the patterns that expect the
# genre word first. A speck is only dropped when a space separates it from the text.
_LEADING_SPECKS_RE = re.compile(r"^(?:[.,'`|~·•]+\s+)+")
# Text copied from a web page or a converter keeps markdown emphasis around a heading («**План работы»).
_EMPHASIS_RE = re.compile(r"^[*#]{1,3}\s*(?=\S)|(?<=\S)\*{1,3}$")


# A text layer flattened into one long line (some PDF converters, copied web pages) hides the
# structure the classifier reads: headings, approval blocks, numbered clauses. Such a line is
# broken again before the words that begin those parts; each break replaces a space, so the
# text keeps its length and every quote its place.
FLAT_LINE_CHARS = 200
_RELINE_RE = re.compile(
    r" (?=(?:УТВЕРЖДАЮ|УТВЕРЖДЕН[ОА]?|СОГЛАСОВАНО|ПРИНЯТ[ОА]?|РАССМОТРЕН[ОА]?|ПОЛОЖЕНИЕ|ПРОГРАММА|ПРИКАЗ|РАСПОРЯЖЕНИЕ"
    r"|ПОСТАНОВЛЕНИЕ|ДОРОЖНАЯ КАРТА|ПЛАН|ПРИЛОЖЕНИЕ|ПОЯСНИТЕЛЬНАЯ ЗАПИСКА|ОБЩИЕ ПОЛОЖЕНИЯ|ПАСПОРТ)(?![А-ЯЁа-яё])"
    # a title page's imprint, the town and the year below the title: «г. Верхняя Тура 2022 год»
    r"|г\.\s?[А-ЯЁ][а-яё]+(?:[\s-][А-ЯЁ][а-яё]+)?,?\s(?:20\d\d)\s?(?:г\.|год)"
    r"|(?:Утвержд[её]н[оа]?|Утверждаю|Согласовано|Принят[оа]?|Рассмотрен[оа]?)(?![а-яё])|Приложение\s*№?\s*\d"
    r"|(?:Разработчик(?:\(?и\)?)?|Составител[ьи]|Автор(?:\(?ы\)?)?)(?=\s*(?:программы|положения|:))"
    # a programme's labelled fields: «Наставник: …», «Форма наставничества: …», «Цель: …»
    r"|(?:Наставник|Наставляем\w+|Форма наставничества|Сроки? реализации|Цел[ьи](?: программы)?|Задачи(?: программы)?"
    r"|Участники|Содержание работы|Ожидаемые результаты|План мероприятий|Ф\.?\s?И\.?\s?О\.?\s+наставни\w+)(?=\s*:)"
    # ... or given with a dash: «Наставник – Котова Наталья Викторовна, …»
    r"|(?:Наставник|Наставляем\w+)(?=\s*[–-]\s*[А-ЯЁ][а-яё]+\s+[А-ЯЁ])"
    # the academic year ends a title: «… на 2023-2024 учебный год Наставник: …»
    r"|(?<=учебный год )(?=[А-ЯЁ])"
    # a table's header row: «№ | Мероприятие | Сроки …», «Мероприятие | Сроки | Ответственный»
    r"|№\s*(?:п/п\s*)?(?=\|)|(?:Наименование\s+)?[Мм]ероприяти[ея](?=\s*\|)"
    # ... also without the pipes, its cells run together or split by dashes: «№ Мероприятие Сроки …»
    r"|№\s*(?:п/п\s*)?(?=[|–-]?\s*(?:Наименование\s+)?(?:[Мм]ероприяти|[Сс]одержание|[Нн]аправлени)\w*\s+[|–-]?\s*[СсДд])"
    r"|Приказ(?=\s*№\s*\S+\s+от\s+[\d.]+\s*(?:г\.|года)?\s*[«\"](?:О|Об)\s)"
    r"|(?:В соответствии|В целях|На основании|Во исполнение)\b"
    # an order's operative verb starts its clauses: «… Р-145 ПРИКАЗЫВАЮ: 1. …»
    r"|(?:ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЮ|РАСПОРЯЖАЮСЬ|[Пп]риказываю)(?=\s*:)"
    r"|(?:[IVX]{1,4}|\d{1,2})\.\s?(?:[А-ЯЁ][а-яё]|[А-ЯЁ]{3,}(?![а-яё]))|\d{1,2}\.\d{1,2}\.(?:\d{1,2}\.)?\s)")


# A title in ordinary case after a letterhead's last token («… ИНН 6620007261 Программа
# наставничества «…»», «… «ДЕТСКИЙ САД № 5» Положение о …»): after a number, a closing quote or
# capitals, never after a word of running text («Изложить Положение о …», «Настоящее Положение»).
_TITLE_START = (
    r"(?=(?:Положение|Программа|Дорожная карта|План-график|Приказ"
    r"|План(?=\s+(?:мероприятий|работы|индивидуального|профессионального|развития|адаптации)\s)"
    r"|(?:Целев|Муниципальн|Региональн|Персонализированн|Индивидуальн|Примерн)(?:ая|ое)\s+(?:программа|положение)"
    r"|(?:Индивидуальн|Персонализированн)ый\s+план)"
    r"\s+(?:о|об|по|наставничества|на|развития|реализации|наставника|с|адаптации|сопровождения|индивидуального"
    r"|профессионального|мероприятий|работы)\s)")
_RELINE_TITLE_RE = re.compile(r"(?<=[\d»\")._А-ЯЁ]) " + _TITLE_START)
# ... or after the town that ends a letterhead («… «Средняя школа № 2» г. Демидова Индивидуальный план …»)
_RELINE_TITLE_AFTER_TOWN_RE = re.compile(r"(\bг\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) " + _TITLE_START)


# An approval block's reference run into the title on one line: «Протокол № __ «___» ______20___г.
# План работы с молодыми специалистами».
_REFERENCE_WORDS = ("Протокол", "Приказ", "ПРОТОКОЛ", "ПРИКАЗ")
_RELINE_AFTER_REFERENCE_RE = re.compile(r"^((?:" + "|".join(_REFERENCE_WORDS) + r")\s*(?:№|N)[^\n]{0,60}?"
                                        r"(?:г\.|года|_{2,}|\d))\s" + _TITLE_START)


def reline(text: str) -> str:
    """Break the flattened lines of a text at the starts of headings, approval blocks and clauses."""
    if len(text) < FLAT_LINE_CHARS:
        return text
    lines = text.split("\n")
    return "\n".join(_reline_one(ln) if len(ln) > FLAT_LINE_CHARS
                     else _RELINE_AFTER_REFERENCE_RE.sub(r"\1\n", ln) if ln.startswith(_REFERENCE_WORDS)
                     else ln for ln in lines)


def _reline_one(line: str) -> str:
    line = _RELINE_TITLE_RE.sub("\n", _RELINE_RE.sub("\n", line))
    return _RELINE_TITLE_AFTER_TOWN_RE.sub(lambda m: m.group(1) + "\n", line)


# Teachers' material sites (nsportal-style) show an uploaded file below the page's own header (the
# author, «Скачать:», the attachments) after a line like «Предварительный просмотр:»; the file is
# the document, the header around it only names it.
_PREVIEW_MARK_RE = re.compile(r"^(?:предварительный просмотр|просмотр содержимого документа|"
                              r"выбранный для просмотра документ)\b", re.IGNORECASE)
PREVIEW_HEAD_LINES = 40
PREVIEW_MIN_CHARS = 300


def _past_preview_mark(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines[:PREVIEW_HEAD_LINES]):
        if _PREVIEW_MARK_RE.match(line) and sum(len(ln) for ln in lines[i + 1:]) >= PREVIEW_MIN_CHARS:
            return lines[i + 1:]
    return lines


def _strip_marks(line: str) -> str:
    line = _LEADING_SPECKS_RE.sub("", line)
    # (most lines have no emphasis mark: the pattern's lookbehind would be tried at each character)
    return _EMPHASIS_RE.sub("", line) if "*" in line or "#" in line else line


def prepare(text: str) -> Prepared:
    cleaned = reline(clean_text(text))
    lines = [_strip_marks(ln.strip()) for ln in cleaned.split("\n")]
    lines = _past_preview_mark([ln for ln in lines if ln])
    joined = "\n".join(lines)
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return Prepared(lines=lines, text=joined, match=to_match(joined), line_starts=starts)


def quote_span(text: str, start: int, end: int, limit: int = 150) -> str:
    """A readable one-line quote around ``text[start:end]``, at most ``limit`` chars.

    Context is added from the same line(s) only, so a quote never drags in a
    neighbouring paragraph.
    """
    start = max(0, start)
    end = min(len(text), max(end, start))
    if end - start >= limit:
        piece = text[start:start + limit]
        cut = piece.rfind(" ")
        if cut > limit * 0.6:
            piece = piece[:cut]
        return " ".join(piece.split())
    line_left = text.rfind("\n", 0, start) + 1
    line_right = text.find("\n", end)
    if line_right < 0:
        line_right = len(text)
    spare = limit - (end - start)
    left = max(line_left, start - spare // 3)
    right = min(line_right, end + spare - (start - left))
    if left > line_left:
        sp = text.find(" ", left, start)
        left = sp + 1 if sp >= 0 else start
    if right < line_right:
        sp = text.rfind(" ", end, right)
        right = sp if sp >= 0 else end
    return " ".join(text[left:right].split())[:limit]
