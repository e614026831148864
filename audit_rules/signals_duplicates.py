"""The same document text published by several schools of one municipality, only the name changed.

Copying a municipal model and changing the school's name is a sign the system exists on paper:
the operator sees it as a signal, never as a failure (a shared model is allowed).

Texts are compared after masking what differs between copies by design: proper names (of the
school, people, villages: capitalised words inside a sentence), numbers and dates. What is left
is cut into overlapping five-word shingles; two texts whose shingle sets overlap by at least
SIMILARITY (Jaccard) are near-duplicates. A municipality of a large region holds several hundred
mentoring documents, about a hundred thousand pairs: only pairs that can reach SIMILARITY are
compared (prefix filtering, below), and those exactly, so the result is that of comparing all.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

from audit_rules.base import OWN_ISSUERS, SchoolEvidence
from audit_rules.signal_kinds import NEAR_DUPLICATE, Signal

SHINGLE = 5
SIMILARITY = 0.85
MIN_WORDS = 120            # short texts (a programme's header) look alike without being copies
MASK_NAME, MASK_NUMBER = "@", "#"

_TOKEN_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*|[.!?;:\n]")
_DIGIT_RE = re.compile(r"\d")
# «Средняя школа № 3», «Об образовании …»: a quoted name is one name, whatever its words.
_QUOTED_RE = re.compile(r"«[^«»\n]{1,80}»|\"[^\"\n]{1,80}\"")


def normalised_tokens(text: str) -> list[str]:
    """Lower-case words with names and numbers masked; runs of masks collapse into one.

    A capitalised word inside a sentence is a name (of the school, a person, a village); a
    dot after an abbreviation («г.», «с.», «им.») does not start a sentence; one-letter words
    («г», «и», «в») are dropped, they only shift shingles.
    """
    out: list[str] = []
    sentence_start = True
    previous = ""
    for m in _TOKEN_RE.finditer(_QUOTED_RE.sub(" Имя ", text)):
        token = m.group(0)
        if token in ".!?;:\n":
            sentence_start = token != "." or not (len(previous) <= 3 and previous.islower())
            continue
        previous = token
        if len(token) == 1 and token.isalpha():
            continue
        if not token.isalpha() and _DIGIT_RE.search(token):
            word = MASK_NUMBER
        elif token[0].isupper() and not sentence_start:
            word = MASK_NAME
        else:
            word = token.lower().replace("ё", "е")
        sentence_start = False
        if word in (MASK_NAME, MASK_NUMBER) and out and out[-1] == word:
            continue
        out.append(word)
    return out


def shingles(tokens: list[str]) -> frozenset[int]:
    grams = (" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)     # |a ∪ b| without building the union


def _pairs_that_may_match(sets: list[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """Every pair (i < j, in order) whose Jaccard similarity may reach ``threshold``.

    Two sets with J >= t share at least t·|a| of a's elements. With every set's elements in
    one global order, two sets sharing that many must share one among the first
    |a| - ⌈t·|a|⌉ + 1 elements of each (prefix filtering, as in Bayardo's All-Pairs):
    indexing those prefixes finds every such pair. Rare shingles go first, so that a phrase
    every regulation has does not make all pairs candidates. Sizes too far apart cannot
    reach t either (J <= smaller / larger).
    """
    frequency = Counter(x for elements in sets for x in elements)
    index: dict[int, list[int]] = {}
    found: set[tuple[int, int]] = set()
    for i, elements in enumerate(sets):
        if not elements:
            continue
        ordered = sorted(elements, key=lambda x: (frequency[x], x))
        # a shade under t·|a| guards the prefix against rounding (a longer prefix is still exact)
        shared = math.ceil(threshold * len(elements) - 1e-9)
        for x in ordered[:len(elements) - shared + 1]:
            for j in index.get(x, ()):
                found.add((j, i))
            index.setdefault(x, []).append(i)
    return sorted((i, j) for i, j in found
                  if min(len(sets[i]), len(sets[j])) >= threshold * max(len(sets[i]), len(sets[j])) - 1e-9)


def _candidates(evidence: SchoolEvidence, known: dict[str, frozenset[int] | None]) -> list[tuple]:
    out = []
    for doc in evidence.documents:
        if not doc.about_mentoring or doc.issuer not in OWN_ISSUERS or doc.source != "file":
            continue
        if doc.sha256 not in known:
            # one text, one set of shingles, however many schools publish the file
            tokens = normalised_tokens(evidence.read_text(doc.sha256))
            known[doc.sha256] = shingles(tokens) if len(tokens) >= MIN_WORDS else None
        if known[doc.sha256] is not None:
            out.append((evidence, doc, known[doc.sha256]))
    return out


def near_duplicates(evidences: list[SchoolEvidence]):
    """One signal per school and group of near-identical documents shared with other schools."""

    by_municipality: dict[str, list[tuple]] = {}
    known: dict[str, frozenset[int] | None] = {}
    for evidence in evidences:
        key = evidence.school.get("municipality_key") or evidence.school.get("municipality") or ""
        by_municipality.setdefault(key, []).extend(_candidates(evidence, known))
    signals = []
    for items in by_municipality.values():
        parent = list(range(len(items)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        best: dict[int, float] = {}
        for i, j in _pairs_that_may_match([item[2] for item in items], SIMILARITY):
            if items[i][0] is items[j][0]:
                continue      # two copies on one site are not a shared model
            score = jaccard(items[i][2], items[j][2])
            if score >= SIMILARITY:
                parent[root(i)] = root(j)
                best[i] = max(best.get(i, 0.0), score)
                best[j] = max(best.get(j, 0.0), score)
        groups: dict[int, list[int]] = {}
        for i in best:
            groups.setdefault(root(i), []).append(i)
        for members in groups.values():
            schools = {items[i][0].school["school_id"] for i in members}
            if len(schools) < 2:
                continue
            group_key = hashlib.sha256("|".join(sorted(items[i][1].sha256 for i in members)).encode()).hexdigest()[:16]
            for i in members:
                evidence, doc, _ = items[i]
                others = [items[k] for k in members if items[k][0] is not evidence]
                names = sorted({o[0].school.get("short_name") or o[0].school.get("name") or o[0].school["school_id"]
                                for o in others})
                detail = (f"Текст документа «{doc.name}» почти совпадает (сходство {round(100 * best[i])} %) с "
                          f"документами других школ муниципалитета ({len(names)}): {', '.join(names)}. Отличаются "
                          "только названия, имена, даты и номера — похоже на типовой текст, в который подставлено "
                          "название школы. Проверьте, что система наставничества в школе действительно работает.")
                signals.append(Signal(
                    signal_id=NEAR_DUPLICATE, school_id=evidence.school["school_id"], key=group_key, detail=detail,
                    evidence_url=doc.url, evidence_text=doc.name, fetched_at=doc.fetched_at,
                    related=[{"school_id": o[0].school["school_id"], "url": o[1].url, "title": o[1].name}
                             for o in others]))
    return signals
