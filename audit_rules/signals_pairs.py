"""Mentor pairs named in a school's pairing order, against its personalised programmes.

Each pair of mentor and mentee works to its own personalised programme (methodological
recommendations, АЗ-1128/08/657). An order that pairs five teachers while the site shows one
programme is a sign of formalism worth a look — a signal, never a failure: a programme may
cover a group, or be kept off the site.

Pairs are read from the text of the order the way people write them: a table
«Наставник | Наставляемый» (whose cells a PDF may break over many lines), or list items
«Иванова Е.П. – Петрова А.С.», «Иванову Елену Петровну, учителя … – наставником Петровой …».
"""

from __future__ import annotations

import re

from audit_rules.base import OWN_ISSUERS, ClassifiedDocument, SchoolEvidence
from audit_rules.municipal import persons
from audit_rules.signal_kinds import PAIRS_PROGRAMMES, Signal

# Where the pairing part of an order starts: «закрепить наставнические пары», «назначить наставниками»,
# a table header naming both mentor and mentee.
PAIRING_START_RE = re.compile(
    r"наставническ\w*\s+пар|закреп\w*[^.\n]{0,120}наставни|назнач\w*\s+наставник"
    r"|наставник\w*[^\n]{0,60}наставляем\w*|наставляем\w*[^\n]{0,60}наставник\w*", re.IGNORECASE)
# A new numbered item («2.», «1.3.», «4)») or a table row that starts with its number («2 Калинина»).
ITEM_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)(?:[.)]|\s+\|?|\t|\|)\s*\S")
# «Колеснико» / «ва Мария»: a capitalised fragment, then a lower-case ending and the next name.
BROKEN_NAME_RE = re.compile(r"(\b[А-ЯЁ][а-яё]+)\n([а-яё]{1,6}\s+[А-ЯЁ][а-яё])")
# The list of those who read the order signs every name once; it pairs nobody.
ACQUAINTED_RE = re.compile(r"ознакомлен|с приказом", re.IGNORECASE)


# The signature («Директор ______ Н.П. Гончаров») ends the body of an order.
SIGNATURE_RE = re.compile(r"^\s*(?:и\.\s?о\.\s*)?директор\w*\b|_{4,}", re.IGNORECASE)


def _items(lines: list[str]) -> list[list[str]]:
    items: list[list[str]] = []
    for line in lines:
        if ACQUAINTED_RE.search(line) or SIGNATURE_RE.search(line):
            break
        if ITEM_RE.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def count_pairs(text: str) -> tuple[int, str]:
    """(pairs, quote) named in the pairing part of an order's text; (0, "") when it pairs nobody.

    Within each item (a numbered clause or a table row) the first person is the mentor and
    every further person a mentee: «А – Б, В» is two pairs. The part ends at the first
    numbered item after the pairs that names nobody, or at the «ознакомлены» list.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    start = next((i for i, line in enumerate(lines) if PAIRING_START_RE.search(line)), None)
    if start is None:
        return 0, ""
    pairs, quote, counted = 0, "", False
    for item in _items(lines[start:]):
        body = " ".join(item)
        # A narrow PDF cell breaks a surname mid-word («Колеснико» / «ва Мария»).
        glued = BROKEN_NAME_RE.sub(r"\1\2", "\n".join(item))
        names = max(persons(body), persons(glued), key=len)
        if len(names) >= 2:
            pairs += len(names) - 1
            quote = quote or " ".join(body.split())[:200]
            counted = True
        elif counted and not names and ITEM_RE.match(item[0]) and "." in ITEM_RE.match(item[0]).group(0):
            break
    if pairs == 0:
        # A table whose rows lost their numbers and line structure: names come mentor, mentee, ….
        names = persons("\n".join(line for item in _items(lines[start:]) for line in item))
        if len(names) >= 2:
            pairs = len(names) // 2
            quote = " — ".join(names[:2])
    return pairs, quote


def _is_own(doc: ClassifiedDocument, doc_type: str) -> bool:
    return (doc.is_type(doc_type) and doc.about_mentoring and doc.issuer in OWN_ISSUERS
            and doc.audience in ("teachers", "both"))


def pairs_against_programmes(evidence: SchoolEvidence):
    """A signal when the pairing order names more pairs than the programmes the school published."""

    orders = []
    for doc in evidence.documents:
        if doc.source != "file" or not _is_own(doc, "order"):
            continue
        pairs, quote = count_pairs(evidence.read_text(doc.sha256))
        if pairs:
            orders.append((pairs, doc, quote))
    if not orders:
        return []
    # Several orders (one per year) pair largely the same people: the largest one is compared.
    pairs, order, quote = max(orders, key=lambda o: (o[0], o[1].date))
    programmes = {d.sha256 for d in evidence.documents if _is_own(d, "program")}
    if len(programmes) >= pairs:
        return []
    detail = (f"В приказе «{order.name}» закреплено наставнических пар: {pairs}; персонализированных программ "
              f"наставничества на сайте найдено: {len(programmes)}. У каждой пары должна быть своя программа — "
              "проверьте, разработаны ли программы для всех пар (или размещены ли они).")
    if len(orders) > 1:
        detail += f" Приказов о закреплении пар найдено: {len(orders)}; сравнивался самый большой."
    return [Signal(signal_id=PAIRS_PROGRAMMES, school_id=evidence.school["school_id"], key=order.sha256[:16],
                   detail=detail, evidence_url=order.url, evidence_text=quote, fetched_at=order.fetched_at,
                   related=[{"pairs": pairs, "programmes": len(programmes)}])]
