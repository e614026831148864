"""Whether the text read so far settles what the audit needs of a document.

OCR is the costliest step of a run, and the head of a scan usually decides: the letterhead,
the approval block, the title with its date and number, an order's subject. Extraction asks
this judge after each piece it recognises (the first page's head, the rest of that page,
each next page) and leaves the remaining pages unread once the answer is yes.

The answer is yes only when reading on cannot change what the rules use of the document:
its kind, audience, issuer and subject, its title and date or academic year, and the
documents it carries (an order's annexed regulation, a regulation's road map). Anything less
certain reads on: a document the classifier cannot place, or whose kind or audience only the
text model's guess gives, one that is not about mentoring,
a title that may go on past the text read, an order whose operative part («приказываю: …»)
has not ended with the signature yet (what it approves, the pairs it lists: ``signals_pairs``),
and any text that points to an annex.
"""

from __future__ import annotations

import re

from audit_rules.classifier import classify
from audit_rules.signals_pairs import ACQUAINTED_RE, PAIRING_START_RE, SIGNATURE_RE
from eduaudit.extraction.academic_year import academic_year

# Kinds a head can settle; what the classifier cannot place may be placed by later pages.
SETTLING_TYPES = ("regulation", "order", "roadmap", "program")
# Less than this many letters is a head cut too short to judge (a letterhead alone).
_MIN_LETTERS = 300
_LETTER = re.compile(r"[а-яё]", re.IGNORECASE)
# An order that sends to its annexes has them on later pages («утвердить положение
# (приложение 1)», «согласно приложению»); a regulation may end with its road map.
_ORDER_ANNEX = re.compile(r"приложени|прилага", re.IGNORECASE)
# An order's operative part begins with its verb; a list of pairs may begin it too.
_OPERATIVE = re.compile(r"прика\w*ва\w*|постановля\w*|распоряжа\w*|обязыва\w*", re.IGNORECASE)
# An order whose subject may have it list mentor pairs (counted by signals_pairs): pairing,
# appointing mentors, organising mentoring. Approving a regulation or naming a curator does not.
_PAIRING_SUBJECT = re.compile(r"\bпар\w*|закреп\w*|наставник\w*|организаци\w*|внедрени\w*|реализаци\w*",
                              re.IGNORECASE)
# Lines of text that must follow the title's end within what was read.
_TITLE_CLEARANCE = 2
_REGULATION_ANNEX = re.compile(
    r"дорожн\w*\s+карт|план\w*\s+мероприяти|приложени\w*\s+(?:№\s*)?\d*\s*к\s+(?:настоящему\s+)?положени",
    re.IGNORECASE)


def settled(text: str, pages_after: int = 1) -> bool:
    """True when the rest of the document cannot change its verdicts.

    ``pages_after`` is the number of pages after the one the text ends on: on a document's
    last page nothing can follow an order's operative part but its signature.
    """
    if len(_LETTER.findall(text)) < _MIN_LETTERS:
        return False
    result = classify(text)
    if result.doc_type not in SETTLING_TYPES or not result.about_mentoring:
        return False
    if result.audience == "unknown" or not result.title:
        return False
    rules = classify(text, rules_only=True)
    if (rules.doc_type, rules.audience) != (result.doc_type, result.audience):
        # The text model named the kind or the audience of what was read so far: a guess from
        # the words of a head, which the rest of the page may overturn (a students' regulation
        # whose head names no audience was once settled as the staff's).
        return False
    if not result.date and not academic_year(text):
        # doc.freshness dates a plan by the academic year it names, else by its approval date;
        # either may still come («Принято … протокол № … от …»)
        return False
    if result.contains:
        return False  # an annex begins on the pages read: the next may hold more of it
    if _title_may_go_on(text, result.title):
        return False  # «… на» at the edge of what was read: the academic year may follow
    if result.doc_type == "order":
        if _PAIRING_SUBJECT.search(result.title) and not _order_ended(text):
            return False  # the list of pairs must be read whole, on this page or the next
        if pages_after and (_ORDER_ANNEX.search(text) or not _order_ended(text)):
            return False
    if result.doc_type == "regulation" and _REGULATION_ANNEX.search(text):
        return False
    return True


def _order_ended(text: str) -> bool:
    """The signature (or «ознакомлены») follows the order's operative part and any list of pairs."""
    lines = [line for line in text.split("\n") if line.strip()]
    start = next((i for i, line in enumerate(lines) if _OPERATIVE.search(line) or PAIRING_START_RE.search(line)),
                 None)
    if start is None:
        return False
    return any(ACQUAINTED_RE.search(line) or SIGNATURE_RE.search(line) for line in lines[start + 1:])


def _title_may_go_on(text: str, title: str) -> bool:
    """The title ends in the last lines read: its next line, not read yet, may carry more of it."""
    words = re.findall(r"\w+", title)[-3:]
    if not words:
        return True
    # the title's last words at a line's end: the same words inside running text do not count
    ending = re.compile(r"\W+".join(map(re.escape, words)) + r"[\s.,;:»\"')]*$", re.IGNORECASE | re.MULTILINE)
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(ending.search("\n".join(lines[-_TITLE_CLEARANCE:])))
