"""What a rule is, what it reads, and what it returns.

Rules read only stored evidence (pages, documents and their classifications
from the results database), never the network, so a past crawl can be judged
again when rules improve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from audit_rules import lexicon

PASS, FAIL, WARN, ERROR = "pass", "fail", "warn", "error"
# Kinds of registry rows (eduaudit.registry.KINDS): a school, or a municipal education authority.
SCHOOL, MUNICIPALITY = "school", "municipality"
BOTH_KINDS = frozenset({SCHOOL, MUNICIPALITY})
STATUS_RU = {PASS: "выполнено", FAIL: "не выполнено", WARN: "требует проверки", ERROR: "не удалось проверить"}

# Issuers whose documents count as the school's own. A document that does not
# say who issued it is most often the school's own local act.
OWN_ISSUERS = frozenset({"school", "unknown"})
ISSUER_RU = {"school": "школьный", "municipal": "муниципальный", "regional": "региональный",
             "federal": "федеральный", "unknown": "издатель не определён"}


def _names_a_document(link_text: str) -> bool:
    """Whether a link's words name a document's kind («Положение …», «… программа …», «Приказ …»)."""
    low = link_text.lower()
    return any(pattern.search(low) for genre, pattern in lexicon.WEAK_GENRE_CUES if genre != "other")


@dataclass
class ClassifiedDocument:
    """A document (file or HTML page) of one school with its classification."""

    sha256: str
    source: str            # "file" | "page"
    url: str
    urls: list[str]
    link_text: str
    doc_type: str
    audience: str
    issuer: str
    about_mentoring: bool
    confidence: float
    title: str
    date: str
    number: str
    contains: list[str]
    evidence: list[str]
    extraction_status: str
    fetched_at: str
    # Extraction metadata (joined from the extractions table); the defaults keep
    # rules and tests that build documents by hand working.
    academic_year: str = ""            # "2025/2026" named in the text, or ""
    ocr_used: bool = False             # the text came (at least partly) from OCR of page images
    extraction_format: str = ""        # "pdf", "docx", "image", …
    signature: str = ""                # "pdf-signature" | "stamp" | "detached" | ""
    signature_evidence: list[str] = field(default_factory=list)

    def is_type(self, doc_type: str) -> bool:
        # A file may hold several documents: an order with the regulation as its annex, a
        # regulation with the road map appended. Each counts for its own rule.
        if self.source == "page" and not (self.title or _names_a_document(self.link_text)):
            # A web page is a document only when it shows one under the document's heading, in its
            # text («Положение о …» set out on the page) or as the page's own name (a link «Персо-
            # нализированная программа наставничества …» to the page). School «Наставничество»
            # pages copy a regulation's glossary and duties without being the act, and a wrong
            # «found» costs more than a «missing».
            return False
        return self.doc_type == doc_type or doc_type in self.contains

    @property
    def name(self) -> str:
        """What a person would call the document: its title, else its link text, else its URL."""
        return self.title or self.link_text or self.url

    def quote(self) -> str:
        head = self.name
        if self.evidence:
            return f"{head} — «{self.evidence[0]}»"
        return head


@dataclass
class SchoolEvidence:
    """Everything stored about one school in one run."""

    school: dict
    site: dict | None
    pages: list[dict]
    documents: list[ClassifiedDocument]
    read_blob: Callable[[str], bytes] = field(repr=False, default=lambda sha: b"")
    # The extracted text of a document or page by SHA-256 ("" when none was extracted).
    read_text: Callable[[str], str] = field(repr=False, default=lambda sha: "")
    # When the run started (ISO); rules that depend on "now" (the current academic
    # year) take it from here so re-judging a past crawl gives the same verdicts.
    run_started_at: str = ""

    @property
    def kind(self) -> str:
        return self.school.get("kind") or SCHOOL

    @property
    def reachable(self) -> bool:
        return bool(self.site and self.site.get("reachable"))

    def pages_with_role(self, *roles: str) -> list[dict]:
        return [p for p in self.pages if p.get("role") in roles]


@dataclass
class Finding:
    rule_id: str
    status: str
    evidence_url: str = ""
    evidence_text: str = ""
    fetched_at: str = ""
    detail: str = ""


class Rule:
    """One audit rule. Subclasses set the class attributes and implement `judge`."""

    id: str = ""
    title: str = ""        # Russian, shown in reports
    checks: str = ""       # Russian: what is checked
    what_to_do: str = ""   # Russian: what the school should do when it fails
    basis: str = ""        # legal or methodological basis
    needs_site: bool = True
    # Which registry rows the rule judges: schools, municipal authorities, or both.
    applies_to: frozenset = frozenset({SCHOOL})

    def evaluate(self, evidence: SchoolEvidence) -> Finding:
        if self.needs_site and not evidence.reachable:
            site = evidence.site or {}
            reason = site.get("error") or "сайт не был загружен"
            return Finding(self.id, ERROR, evidence_url=site.get("start_url") or evidence.school.get("url", ""),
                           evidence_text=reason, fetched_at=site.get("fetched_at", ""),
                           detail="Не удалось проверить: " + reason)
        return self.judge(evidence)

    def judge(self, evidence: SchoolEvidence) -> Finding:
        raise NotImplementedError


def best(documents: list[ClassifiedDocument]) -> ClassifiedDocument:
    return max(documents, key=lambda d: (d.confidence, d.source == "file"))


def looked_at(evidence: SchoolEvidence) -> tuple[str, str]:
    """Where we looked, for the evidence of a negative finding."""
    pages = evidence.pages_with_role("mentoring", "documents", "document_list", "local_acts")
    page = pages[0] if pages else (evidence.pages[0] if evidence.pages else {})
    text = (f"Просмотрено страниц: {len(evidence.pages)}, документов: "
            f"{sum(1 for d in evidence.documents if d.source == 'file')}")
    return page.get("url", evidence.site.get("final_url", "") if evidence.site else ""), text


class MentoringDocumentRule(Rule):
    """Pass when the school's own document of one type on teacher mentoring is published."""

    doc_type: str = ""
    missing_text: str = ""

    def counts(self, doc: ClassifiedDocument) -> bool:
        return (doc.is_type(self.doc_type) and doc.about_mentoring
                and doc.issuer in OWN_ISSUERS and doc.audience in ("teachers", "both"))

    def judge(self, evidence: SchoolEvidence) -> Finding:
        found = [d for d in evidence.documents if self.counts(d)]
        if found:
            doc = best(found)
            return Finding(self.id, PASS, doc.url, doc.quote(), doc.fetched_at,
                           f"Найден документ: {doc.name}")
        return self.not_found(evidence)

    def not_found(self, evidence: SchoolEvidence) -> Finding:
        url, text = looked_at(evidence)
        foreign = [d for d in evidence.documents if d.is_type(self.doc_type) and d.about_mentoring
                   and d.issuer not in OWN_ISSUERS]
        detail = self.missing_text
        if foreign:
            doc = best(foreign)
            detail += (f" Найден только документ другого уровня ({ISSUER_RU.get(doc.issuer, doc.issuer)}): "
                       f"{doc.title or doc.url}.")
            return Finding(self.id, FAIL, doc.url, doc.quote(), doc.fetched_at, detail)
        return Finding(self.id, FAIL, url, text, "", detail)
