"""The literal words a regular expression cannot match without: a cheap test before a scan.

A cue's pattern scans the whole text of a document, and most cues find nothing in most
documents. When every alternative of a pattern begins (after ``\\b``, ``^`` and lookbehinds) with
a fixed string of a few letters, the pattern can only match where one of those strings occurs;
``str.__contains__`` looks for them much faster than the regular expression engine tries every
position. A pattern without such a prefix in some alternative gets no test and is always scanned.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _compiler as _compiler
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older Pythons name the modules without the underscore
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MIN_LITERAL = 3     # shorter prefixes («в», «по») occur in every text: no gain
_SKIPPED = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


def _parsed(pattern: re.Pattern[str]):
    """The parser's tree of a case-sensitive pattern (the texts are matched in lower case
    already), or None: a case-insensitive or unreadable pattern is simply always scanned."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        return _p.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:  # noqa: BLE001
        return None


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` starts with, or None if there are none."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    found = _branch_prefixes(list(parsed))
    if not found or any(len(lit) < MIN_LITERAL for lit in found):
        return None
    return tuple(sorted(set(found)))


def _branch_prefixes(items: list) -> list[str] | None:
    """The literal prefixes of a sequence of parsed items (one per alternative it opens into)."""
    i = 0
    while i < len(items) and items[i][0] in _SKIPPED:
        i += 1
    if i == len(items):
        return None
    op, arg = items[i]
    if op == _c.BRANCH:
        out: list[str] = []
        for alternative in arg[1]:
            prefixes = _branch_prefixes(list(alternative) + items[i + 1:])
            if prefixes is None:
                return None
            out += prefixes
        return out
    if op == _c.SUBPATTERN:
        group_items = list(arg[-1])
        return _branch_prefixes(group_items + items[i + 1:])
    text = ""
    while i < len(items) and items[i][0] == _c.LITERAL:
        text += chr(items[i][1])
        i += 1
    if not text:
        return None
    if i < len(items) and items[i][0] in (_c.BRANCH, _c.SUBPATTERN):
        # The parser factors a common prefix out of alternatives («проф(?:ориентац|ессиональн)»):
        # the prefix goes on into each of them.
        rest = _branch_prefixes(items[i:])
        if rest is not None:
            return [text + tail for tail in rest]
    return [text]


def starts_pattern(literals: tuple[str, ...] | None) -> re.Pattern[str] | None:
    """A pattern that finds where one of ``literals`` occurs (longest first at one place).

    A plain alternation of strings lets the engine skip every position whose letter no string
    begins with; the cue's own pattern, opening with ``\\b`` or a lookbehind, gets no such skip
    and is tried at every position of the text.
    """
    if not literals:
        return None
    return re.compile("|".join(re.escape(lit) for lit in sorted(literals, key=len, reverse=True)))


MAX_FIRST_CHARS = 12    # a larger set (digits, a dozen frequent letters) stands almost everywhere


def assertion_free(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without the ``\\b`` and lookarounds that open it or its alternatives, when what
    is left can start with only a few characters (``[рp]\\s*-\\s*145``); otherwise None.

    The engine searches for a pattern that opens on a character, or on a small set of them, by
    skipping to where one of those stands; an opening ``\\b`` or lookbehind denies it that, and the
    whole pattern is tried at every position. Without its opening assertions the pattern matches
    wherever the pattern itself does (and at a few places more), so its matches are the places to
    try the pattern at. A line anchor (``^``) is kept: it already fails fast.
    """
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    items, stripped = _without_opening_assertions(list(parsed))
    if not stripped:
        return None
    first = _first_chars(items)
    if first is None or len(first) > MAX_FIRST_CHARS:
        return None
    parsed.data = items
    return _compiler.compile(parsed, pattern.flags & ~re.UNICODE)


def _opening_assertion(item: tuple) -> bool:
    op, arg = item
    return op in (_c.ASSERT, _c.ASSERT_NOT) or (op == _c.AT and arg == _c.AT_BOUNDARY)


def _without_opening_assertions(items: list) -> tuple[list, bool]:
    i = 0
    while i < len(items) and _opening_assertion(items[i]):
        i += 1
    items, stripped = items[i:], i > 0
    if items and items[0][0] == _c.BRANCH:
        alternatives = []
        for alternative in items[0][1][1]:
            kept, changed = _without_opening_assertions(list(alternative))
            alternatives.append(_p.SubPattern(alternative.state, kept))
            stripped = stripped or changed
        items = [(_c.BRANCH, (items[0][1][0], alternatives))] + items[1:]
    return items, stripped


def _first_chars(items: list) -> set[str] | None:
    """The characters a match of ``items`` can start with, or None if they are not a short list."""
    if not items:
        return None      # (a match could be empty, or start with whatever follows)
    op, arg = items[0]
    if op == _c.LITERAL:
        return {chr(arg)}
    if op == _c.IN:
        chars: set[str] = set()
        for member, value in arg:
            if member == _c.LITERAL:
                chars.add(chr(value))
            elif member == _c.RANGE and value[1] - value[0] < MAX_FIRST_CHARS:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None     # a category (\d, \w), a negated set, a wide range
        return chars
    if op == _c.BRANCH:
        chars = set()
        for alternative in arg[1]:
            found = _first_chars(list(alternative) + items[1:])
            if found is None:
                return None
            chars |= found
        return chars
    if op == _c.SUBPATTERN:
        return _first_chars(list(arg[-1]) + items[1:])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _high, repeated = arg
        chars = _first_chars(list(repeated))
        if chars is None:
            return None
        if low == 0:
            after = _first_chars(items[1:])
            return None if after is None else chars | after
        return chars
    return None


def finditer_from_starts(pattern: re.Pattern[str], starts: re.Pattern[str], text: str,
                         pos: int = 0, endpos: int | None = None):
    """The matches of ``pattern.finditer(text, pos, endpos)``, tried only where a match can start.

    Every match starts with one of the literals ``starts`` finds, so trying ``pattern.match`` at
    each of their places from left to right, and going on past each match, finds the same matches
    in the same order: ``match`` at a position sees the text before it as ``finditer`` does (for
    ``\\b``, ``^`` under MULTILINE and lookbehinds).
    """
    end = len(text) if endpos is None else endpos
    candidate = starts.search(text, pos, end)
    while candidate is not None:
        m = pattern.match(text, candidate.start(), end)
        if m is not None:
            yield m
            # (a cue's match is never empty: it starts with a literal)
            candidate = starts.search(text, max(m.end(), candidate.start() + 1), end)
        else:
            candidate = starts.search(text, candidate.start() + 1, end)


class LiteralScanner:
    """A pattern whose matches all start with literal words, or with one of a few characters once
    its opening ``\\b`` is set aside, scanned only where those occur (``finditer`` and ``search``
    as the pattern's own; any other pattern is scanned as usual)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts = starts_pattern(required_literals(pattern)) or assertion_free(pattern)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if self.starts is None:
            return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)
        return finditer_from_starts(self.pattern, self.starts, text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match, as the pattern's own ``search`` finds it."""
        return next(iter(self.finditer(text, pos, endpos)), None)
