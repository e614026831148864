"""What the municipal rule pack shares: documents of the authority itself, and people named in texts.

A municipal education authority (``kind=municipality`` in the registry) runs the municipal
level of the teacher-mentoring system: its own regulation, its plan (road map) for the
district's schools, and a municipal coordinator. Its documents are those the classifier
says a municipal body issued; a school's order re-posted on the authority's site is not.
"""

from __future__ import annotations

import re

from audit_rules.base import (FAIL, MUNICIPALITY, PASS, WARN, ClassifiedDocument, Finding, Rule,
                              SchoolEvidence, best, looked_at)
from audit_rules.base import ISSUER_RU
from audit_rules.morphology import analyzer

# A person as Russian documents name one: «Иванова Елена Петровна» (any case), «Иванова Е.П.»,
# «Е.П. Иванова». The patronymic ending (-ич/-вна/-чна and their case forms) tells a full name
# from three capitalised words of a title.
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
PERSON_RE = re.compile(
    rf"\b{_SURNAME}\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:ич|вн|чн)[а-яё]{{0,3}}\b"
    rf"|\b{_SURNAME}\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\s?[А-ЯЁ][а-яё])"
    rf"|\b[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?{_SURNAME}\b")


def persons(text: str) -> list[str]:
    """Every person named in a text, in order, whitespace (line wraps) collapsed."""
    return [" ".join(m.group(0).split()) for m in PERSON_RE.finditer(" ".join(text.split()))]


def is_own(doc: ClassifiedDocument, doc_type: str) -> bool:
    """The authority's own document of this type on teacher mentoring."""
    return (doc.is_type(doc_type) and doc.about_mentoring and doc.issuer == "municipal"
            and doc.audience in ("teachers", "both"))


class MunicipalDocumentRule(Rule):
    """Pass when the authority's own document of one type on the teachers' mentoring system is published.

    warn — a document of that type on mentoring is there, but it is for students only, its
    audience could not be told, or the text does not say who issued it: a person decides;
    fail — none, or only a school's or the region's document.
    """

    applies_to = frozenset({MUNICIPALITY})
    doc_type: str = ""
    name_ru: str = ""          # «муниципальное положение …», for the verdict texts

    def judge(self, evidence: SchoolEvidence) -> Finding:
        found = [d for d in evidence.documents if is_own(d, self.doc_type)]
        if found:
            doc = best(found)
            return Finding(self.id, PASS, doc.url, doc.quote(), doc.fetched_at,
                           f"Найден документ: {doc.name}{self.describe(doc)}.")
        related = [d for d in evidence.documents if d.is_type(self.doc_type) and d.about_mentoring]
        unclear = [d for d in related if d.issuer in ("municipal", "unknown") and d.audience != "students"]
        if unclear:
            doc = best(unclear)
            why = ("не указано, кем он утверждён" if doc.issuer == "unknown"
                   else "не удалось определить, что он относится к педагогическим работникам")
            return Finding(self.id, WARN, doc.url, doc.quote(), doc.fetched_at,
                           f"Найден документ «{doc.name}», но {why}; нужна проверка специалиста.")
        students = [d for d in related if d.issuer in ("municipal", "unknown")]
        if students:
            doc = best(students)
            return Finding(self.id, WARN, doc.url, doc.quote(), doc.fetched_at,
                           f"Найден только документ о наставничестве обучающихся: «{doc.name}»; "
                           f"{self.name_ru} о системе наставничества педагогических работников {self.not_found}.")
        missing = f"{self.name_ru.capitalize()} о системе наставничества педагогических работников {self.not_found}."
        if related:
            doc = best(related)
            return Finding(self.id, FAIL, doc.url, doc.quote(), doc.fetched_at,
                           f"{missing} Найден только документ другого уровня "
                           f"({ISSUER_RU.get(doc.issuer, doc.issuer)}): {doc.name}.")
        url, text = looked_at(evidence)
        return Finding(self.id, FAIL, url, text, "", missing)

    def describe(self, doc: ClassifiedDocument) -> str:
        return ""

    @property
    def not_found(self) -> str:
        """«не найден» / «не найдена» / «не найдено», agreeing with the document's noun (план, положение)."""
        morph = analyzer()
        for word in self.name_ru.split():
            parse = next((p for p in morph.parse(word) if p.tag.POS == "NOUN"), None)
            if parse is not None:
                return {"femn": "не найдена", "neut": "не найдено"}.get(parse.tag.gender, "не найден")
        return "не найден"


# -- the municipal coordinator -------------------------------------------------------------------

ROLE_RE = re.compile(r"координатор\w*|куратор\w*", re.IGNORECASE)
MENTORING_RE = re.compile(r"наставни", re.IGNORECASE)
MUNICIPAL_RE = re.compile(r"муниципальн\w*|район\w*|округ\w*|город\w*", re.IGNORECASE)
WINDOW = 220


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text with the line wraps of a PDF undone.

    A line that does not end a sentence («1. Назначить Степанову Л. В., ведущего специалиста по»)
    continues on the next one; a short label («Муниципальный координатор:») is joined to its value.
    A new numbered item always starts a paragraph.
    """
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    joining = False
    for line in lines:
        if not line:
            joining = False
            continue
        if joining and out and not _ITEM_START_RE.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        last = out[-1]
        joining = not last.endswith((".", ";", "!", "?")) or (last.endswith(":") and len(last) < 60)
    return out


_ITEM_START_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]\s|[-–•]\s)")


def coordinator_mentions(text: str, *, mentoring_context: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """(named, unnamed): (person, quote) where a coordinator or curator of mentoring is named,
    and quotes where the role is only mentioned («назначает муниципального координатора»).

    ``mentoring_context``: the whole text is about mentoring (a mentoring document or page), so
    a paragraph need not say «наставничество» itself.
    """
    named: list[tuple[str, str]] = []
    unnamed: list[str] = []
    for para in paragraphs(text):
        for m in ROLE_RE.finditer(para):
            lo, hi = max(0, m.start() - WINDOW), min(len(para), m.end() + WINDOW)
            window = para[lo:hi]
            if not (mentoring_context or MENTORING_RE.search(window)):
                continue
            people = persons(window)
            quote = window.strip()
            if people:
                named.append((people[0], quote))
                break
            unnamed.append(quote)
            break
    return named, unnamed


_BLOCK_TAGS = {"p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
               "section", "article", "header", "footer", "dd", "dt", "blockquote"}


_CHARSET_RE = re.compile(rb"charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)


def decode_html(html: bytes, content_type: str = "") -> str:
    """Text of a page: the charset the server or the page names, else UTF-8, else windows-1251."""
    named = _CHARSET_RE.search(content_type.encode("ascii", "ignore")) or _CHARSET_RE.search(html[:2048])
    charsets = ([named.group(1).decode("ascii")] if named else []) + ["utf-8", "cp1251"]
    for charset in charsets:
        try:
            return html.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("utf-8", "replace")


def html_text(html: bytes, content_type: str = "") -> str:
    """Visible text of a page, one line per block (cells of a row stay on one line)."""
    import lxml.etree
    import lxml.html

    text = re.sub(r"^\s*<\?xml[^>]*>", "", decode_html(html, content_type))
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
    return root.text_content()


def page_text(evidence: SchoolEvidence, page: dict) -> str:
    sha = page.get("sha256") or ""
    if not sha:
        return ""
    text = evidence.read_text(sha)
    if text:
        return text
    try:
        return html_text(evidence.read_blob(sha), page.get("content_type") or "")
    except OSError:
        return ""


__all__ = ["PERSON_RE", "persons", "is_own", "MunicipalDocumentRule", "coordinator_mentions", "html_text",
           "page_text", "FAIL", "PASS", "WARN"]
