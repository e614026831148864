"""The literal prefilter of cue patterns: what it finds, and that it never skips a text a cue matches."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit_rules import lexicon
from audit_rules.literals import required_literals
from audit_rules.text_features import prepare

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.mark.parametrize("pattern, expected", [
    (r"наставничеств\w*", ("наставничеств",)),
    (r"\bцнппм\b|непрерывного повышения", ("непрерывного повышения", "цнппм")),
    (r"(?<!день )\bнаставник\w*", ("наставник",)),
    # the parser factors the common «проф» out; the prefilter follows it into both alternatives
    (r"профориентац\w*|профессиональн\w*\s+ориентац\w*", ("профессиональн", "профориентац")),
    (r"(?m)^(?:форма|ролев\w+\s+модель)\s+наставничества", ("ролев", "форма")),
])
def test_the_words_every_match_starts_with(pattern, expected):
    assert required_literals(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [
    r"\b[аa][з3]\s*-\s*1128\b",        # a class of letters first
    r"(?m)^\d{1,2}\.",                  # digits
    r"(?:в|по)\s+школе",                # too short to help
    r"(?:мбоу)?\s*школ\w*",             # an optional part first
    r"(?i)положение",                   # case-insensitive: left to the engine
])
def test_no_words_when_a_match_may_start_otherwise(pattern):
    assert required_literals(re.compile(pattern)) is None


def _cues():
    for name in dir(lexicon):
        value = getattr(lexicon, name)
        if isinstance(value, tuple) and value and isinstance(value[0], lexicon.Cue):
            yield from value


def test_no_cue_skips_a_text_it_matches():
    texts = [prepare(p.read_text(encoding="utf-8")).match for p in sorted(CORPUS.glob("*.txt"))]
    cues = list(_cues())
    assert sum(c.scanner.starts is not None for c in cues) > len(cues) // 2
    skipped_wrongly = [(c.pattern.pattern[:60], i) for c in cues for i, text in enumerate(texts)
                       if c.pattern.search(text) and c.scanner.starts is not None and not c.scanner.starts.search(text)]
    assert not skipped_wrongly


def test_a_cue_tried_where_its_words_start_finds_what_the_engine_finds():
    # The same matches in the same order, whole texts and spans of them, lookbehinds and «^»
    # reading the text before the span as the engine does.
    texts = [prepare(p.read_text(encoding="utf-8")).match for p in sorted(CORPUS.glob("*.txt"))]
    cues = [c for c in _cues() if c.scanner.starts is not None]
    assert len(cues) > 20
    differ = []
    for cue in cues:
        for i, text in enumerate(texts):
            for lo, hi in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
                fast = [m.span() for m in cue.finditer(text, lo, hi)]
                if fast != [m.span() for m in cue.pattern.finditer(text, lo, hi)]:
                    differ.append((cue.pattern.pattern[:60], i))
    assert not differ


def test_matches_at_the_words_places_follow_the_engines_rules():
    from audit_rules.literals import finditer_from_starts, starts_pattern
    pattern = re.compile(r"(?<!день )\bнаставник\w*")
    starts = starts_pattern(required_literals(pattern))
    text = "день наставника; наставники и наставничество, сонаставник; наставник"  # (not «наставнич…»)
    assert [m.group(0) for m in finditer_from_starts(pattern, starts, text)] == ["наставники", "наставник"]
    # a span's start does not hide the word before it from the lookbehind
    assert [m.group(0) for m in finditer_from_starts(pattern, starts, text, 5)] == ["наставники", "наставник"]


def test_a_literal_scanner_finds_what_its_pattern_finds():
    from audit_rules.literals import LiteralScanner
    scanner = lexicon.MENTEE_DEFINITIONS
    assert isinstance(scanner, LiteralScanner) and scanner.starts is not None
    texts = [prepare(p.read_text(encoding="utf-8")).match for p in sorted(CORPUS.glob("*.txt"))]
    assert sum(bool(scanner.pattern.search(t)) for t in texts) > 5
    assert all([m.span() for m in scanner.finditer(t)] == [m.span() for m in scanner.pattern.finditer(t)]
               for t in texts)
    # a pattern that starts otherwise is scanned as usual
    plain = LiteralScanner(re.compile(r"\d+"))
    assert plain.starts is None and [m.group(0) for m in plain.finditer("a 12 b 3")] == ["12", "3"]


@pytest.mark.parametrize("pattern", [
    r"\b[рp]\s*-\s*145\b",                         # a class of two letters after «\b»
    r"\b(?:учреждени[еяюи]|мбоу|моу)\s+\w+",        # alternatives with short words
    r"(?<!день )\b(?:в|во)\s+школе",                 # a lookbehind and «\b» before them
    r"школ\w*|\bв\s+нашей\b",                       # «\b» opening one alternative only
])
def test_a_pattern_without_its_opening_assertions(pattern):
    from audit_rules.literals import assertion_free
    free = assertion_free(re.compile(pattern))
    assert free is not None and free.pattern is None      # compiled from the parsed pattern


@pytest.mark.parametrize("pattern", [
    r"(?m)^\d{1,2}\.",                 # nothing to set aside: «^» already fails fast
    r"\b\d+\s*кб",                    # a digit may stand anywhere
    r"(?m)(?:^|(?<=\s))(?:[ivx]+)\.",   # one alternative opens on «^»
    r"\b[а-я]+\s+школ",                 # a whole alphabet
    r"\b(?:мбоу)?\s*школ",              # an optional part first: a space may open a match
])
def test_no_assertion_free_pattern_where_a_match_may_start_anywhere(pattern):
    from audit_rules.literals import assertion_free
    assert assertion_free(re.compile(pattern)) is None


def test_an_assertion_free_scan_keeps_the_assertions_rule():
    from audit_rules.literals import LiteralScanner
    scanner = LiteralScanner(re.compile(r"\b[рp]\s*-\s*145\b"))
    assert scanner.starts is not None
    text = "пр-145, р-145 и p - 145; р-1450"
    assert [m.group(0) for m in scanner.finditer(text)] == ["р-145", "p - 145"]
    assert scanner.search(text, 3).group(0) == "р-145" and scanner.search(text, 9).group(0) == "p - 145"
    assert scanner.search(text, 0, 12) is None


def _scanners():
    from audit_rules.literals import LiteralScanner
    for name in dir(lexicon):
        value = getattr(lexicon, name)
        if isinstance(value, LiteralScanner):
            yield name, value
    for cue in _cues():
        yield cue.pattern.pattern[:40], cue.scanner


def test_every_scanner_finds_what_its_pattern_finds():
    texts = [prepare(p.read_text(encoding="utf-8")).match for p in sorted(CORPUS.glob("*.txt"))]
    scanners = [(name, s) for name, s in _scanners() if s.starts is not None]
    assert len(scanners) > 40
    found = differ = 0
    for name, scanner in scanners:
        for text in texts:
            for lo, hi in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
                own = scanner.pattern.search(text, lo, hi)
                found += own is not None
                first = scanner.search(text, lo, hi)
                if (own and own.span()) != (first and first.span()):
                    differ += 1
    assert found > 500 and differ == 0


def _top_level_alternatives(source: str) -> list[str]:
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    return parts + [source[start:]]


def test_every_scholarly_article_cue_holds_a_word_of_its_prefilter():
    # the classifier looks for an article's marks only in a head holding one of these words
    alternatives = _top_level_alternatives(lexicon.SCHOLARLY_ARTICLE_RE.pattern)
    assert len(alternatives) >= 10
    for alternative in alternatives:
        assert any(word in alternative for word in lexicon.SCHOLARLY_ARTICLE_WORDS), alternative
