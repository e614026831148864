"""Classify a school document: is it a teacher-mentoring regulation, roadmap, order or programme?

The decision is a weighted vote of cue phrases (``audit_rules.lexicon``), never a single
rule: the title zone (heading and the lines joined to it) weighs more than the body, the
header above the title decides who issued the document, and file name / link text are
only consulted when the text itself is empty, very short or undecidable.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from audit_rules import lexicon
from audit_rules.doc_metadata import (
    Head, TitleInfo, approval_block_lines, extract_title_info, find_heads, head_title, main_head, tidy_title,
)
from audit_rules.lexicon import Cue
from audit_rules.text_features import Prepared, prepare, quote_span, to_match

DOC_TYPES = ("regulation", "roadmap", "order", "program", "other")
AUDIENCES = ("teachers", "students", "both", "unknown")
ISSUERS = ("school", "municipal", "regional", "federal", "unknown")

TITLE_WEIGHT = 3.0          # a cue in the title counts this many times
SHORT_TEXT_LETTERS = 200    # below this the text alone is too thin to trust
MAX_EVIDENCE = 10


@dataclass
class Classification:
    doc_type: str        # "regulation" | "roadmap" | "order" | "program" | "other"
    audience: str        # "teachers" | "students" | "both" | "unknown"
    issuer: str          # "school" | "municipal" | "regional" | "federal" | "unknown"
    confidence: float    # 0..1
    title: str | None
    date: str | None     # ISO yyyy-mm-dd of approval/signature
    number: str | None   # order number as written, e.g. "112-од"
    about_mentoring: bool
    contains: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Hit:
    label: str
    weight: float
    quote: str


@dataclass
class _Zones:
    """Where a document's parts are, as character spans of ``Prepared.text``."""

    title: tuple[int, int] | None    # title (or order subject) lines, with the heading


def _score(prep: Prepared, cues: tuple[Cue, ...], zones: _Zones | None,
           span: tuple[int, int] | None = None) -> list[_Hit]:
    """Match cues; a hit inside the title zone is multiplied by TITLE_WEIGHT."""
    hits: list[_Hit] = []
    lo, hi = span if span else (0, len(prep.match))
    for cue in cues:
        count = 0
        for m in cue.pattern.finditer(prep.match, lo, hi):
            if count >= cue.cap:
                break
            count += 1
            weight = cue.weight
            if zones and zones.title and zones.title[0] <= m.start() < zones.title[1]:
                weight *= TITLE_WEIGHT
            hits.append(_Hit(cue.label, weight, prep.quote(m.start(), m.end())))
    return hits


def _total(hits: list[_Hit], label: str) -> float:
    return sum(h.weight for h in hits if h.label == label)


def _best_quotes(hits: list[_Hit], label: str, n: int = 2) -> list[str]:
    ranked = sorted((h for h in hits if h.label == label), key=lambda h: -h.weight)
    out: list[str] = []
    for h in ranked:
        if h.quote and h.quote not in out:
            out.append(h.quote)
        if len(out) >= n:
            break
    return out


# ---------------------------------------------------------------------------------------------
# parts of the decision

def _mentoring_score(prep: Prepared) -> tuple[float, list[_Hit]]:
    hits = _score(prep, lexicon.MENTORING_CUES, None)
    events = len(lexicon.MENTORING_EVENT_RE.findall(prep.match))
    score = max(0.0, sum(h.weight for h in hits) - 1.0 * events)
    return score, hits


def _title_about_mentoring(title_match: str) -> bool:
    if not lexicon.MENTORING_TITLE_RE.search(title_match):
        return False
    stripped = lexicon.MENTORING_EVENT_RE.sub(" ", title_match)
    return bool(lexicon.MENTORING_TITLE_RE.search(stripped))


def _audience(prep: Prepared, zones: _Zones | None, extra: list[_Hit]) -> tuple[str, list[str], float]:
    """Return (audience, evidence quotes, clarity 0..1)."""
    hits = _score(prep, lexicon.TEACHER_CUES, zones) + _score(prep, lexicon.STUDENT_CUES, zones) + extra
    t, s = _total(hits, "teachers"), _total(hits, "students")
    title_t = title_s = False
    if zones and zones.title:
        in_title = _score(prep, lexicon.TEACHER_CUES + lexicon.STUDENT_CUES, None, zones.title)
        title_t = _total(in_title, "teachers") >= 2
        title_s = _total(in_title, "students") >= 2
    if max(t, s) < 2:
        return "unknown", _best_quotes(hits, "teachers", 1) + _best_quotes(hits, "students", 1), 0.6
    low, high = min(t, s), max(t, s)
    if (title_t and title_s) or (low >= 4 and low / high >= 0.35):
        return "both", _best_quotes(hits, "teachers") + _best_quotes(hits, "students"), 0.85
    side = "teachers" if t > s else "students"
    clarity = 1.0 if low / high < 0.25 else 0.85
    return side, _best_quotes(hits, side, 3), clarity


def _line_org(match_line: str) -> str | None:
    for label, pattern in lexicon.ORG_LINE_PATTERNS:
        if pattern.search(match_line):
            return label
    return None


def _issuer(prep: Prepared, zones: _Zones | None, head: Head | None, blocks: set[int],
            own_number: str | None) -> tuple[str, list[str]]:
    scores: dict[str, float] = {k: 0.0 for k in ISSUERS if k != "unknown"}
    quotes: dict[str, list[tuple[float, str]]] = {k: [] for k in scores}

    def vote(label: str, weight: float, quote: str) -> None:
        scores[label] += weight
        quotes[label].append((weight, quote))

    if own_number and lexicon.FEDERAL_OWN_NUMBER_RE.match(own_number):
        vote("federal", 8.0, f"№ {own_number}")

    # Letterhead: organisation lines above the heading; the one nearest the heading issued it.
    top = head.index if head else min(len(prep.lines), 8)
    org_lines = [i for i in range(0, top) if i not in blocks]
    found = [(i, _line_org(_line_match(prep, i))) for i in org_lines
             if len(prep.lines[i]) < 220 and not lexicon.SIGNATURE_STAMP_RE.search(_line_match(prep, i))]
    found = [(i, org) for i, org in found if org]
    for rank, (i, org) in enumerate(reversed(found)):
        vote(org, 6.0 if rank == 0 else 2.0, quote_span(prep.text, *prep.span_of_lines(i, i)))

    # Approval blocks name the approver (director, council, department).  Blocks above the
    # title count fully; a later block, or one left blank for a school to fill in («приказом
    # директора ____ от «__» 20__ г.»), belongs to a template and counts little.
    title_end = zones.title and prep.line_of(zones.title[1]) if zones else None
    near = (title_end if title_end is not None else (head.index if head else 10)) + 3
    for i in sorted(blocks):
        s, e = prep.span_of_lines(i, i)
        line = prep.match[s:e]
        factor = 1.0 if i <= near else 0.3
        if "____" in line and not re.search(r"\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\d{4}", line.replace("20__", "")):
            factor *= 0.3
        for hit in _score(prep, lexicon.APPROVER_CUES, None, (s, e)):
            vote(hit.label, hit.weight * factor, hit.quote)

    # Title and body phrases («в МБОУ …», «в образовательных организациях района»).
    for hit in _score(prep, lexicon.ISSUER_BODY_CUES, zones):
        vote(hit.label, hit.weight, hit.quote)

    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 2.0:
        return "unknown", []
    ranked = [q for _, q in sorted(quotes[best], key=lambda x: -x[0])]
    return best, list(dict.fromkeys(ranked))[:2]


def _line_match(prep: Prepared, i: int) -> str:
    s = prep.line_starts[i]
    return prep.match[s:s + len(prep.lines[i])]


def _genre_from_body(prep: Prepared) -> tuple[str | None, list[_Hit]]:
    hits = _score(prep, lexicon.GENRE_BODY_CUES, None)
    totals = {g: _total(hits, g) for g in ("regulation", "order", "plan", "program", "other")}
    best = max(totals, key=lambda g: totals[g])
    if totals[best] < 3.0:
        return None, hits
    return best, [h for h in hits if h.label == best]


def _mentoring_doc_type(genre: str, title_match: str) -> str | None:
    """Map a genre to the audit's doc_type, given the (mentoring) title."""
    if lexicon.REPORT_TITLE_RE.search(title_match) and genre != "order":
        return None
    if genre == "regulation":
        if re.search(r"конкурс|смотр|фестивал|чемпионат|премир|поощрени", title_match):
            return None
        return "regulation"
    if genre == "order":
        return "order"
    if genre == "plan":
        return "program" if lexicon.INDIVIDUAL_RE.search(title_match) else "roadmap"
    if genre == "program":
        return "program"
    return None


def _contains(prep: Prepared, heads: list[Head], main: Head | None, blocks: set[int],
              doc_type: str, after_line: int) -> tuple[list[str], list[str]]:
    """Mentoring documents embedded after the main one (annexes)."""
    found: list[str] = []
    quotes: list[str] = []
    for head in heads:
        if head.index <= after_line or head.genre == "other":
            continue
        context = " ".join(_line_match(prep, j) for j in range(max(0, head.index - 6), head.index))
        annex_like = ("приложени" in context or "утвержд" in context or prep.lines[head.index].split()[0].isupper())
        if not annex_like:
            continue
        title, _, last, _ = head_title(prep, head, blocks)
        title_match = to_match(title or head.line)
        if lexicon.TEMPLATE_TITLE_RE.search(title_match) or not _title_about_mentoring(title_match):
            continue
        kind = _mentoring_doc_type(head.genre, title_match)
        if kind and kind != doc_type and kind not in found:
            found.append(kind)
            quotes.append(quote_span(prep.text, *prep.span_of_lines(head.index, last)))
    return found, quotes


def _weak_signals(filename: str | None, link_text: str | None, page_title: str | None) -> dict:
    """Genre/audience/mentoring votes from file name, link text and page title."""
    votes: dict[str, float] = {}
    quotes: list[str] = []
    title_match = ""
    for source in (link_text, page_title, filename):
        if not source:
            continue
        raw = source.strip()
        low = to_match(re.sub(r"[_+]+", " ", raw))
        hit_any = False
        for cue in lexicon.TRANSLIT_CUES:
            if cue.pattern.search(low):
                votes[cue.label] = votes.get(cue.label, 0.0) + cue.weight
                hit_any = True
        for cue in lexicon.TEACHER_CUES + lexicon.STUDENT_CUES:
            if cue.pattern.search(low):
                votes[cue.label] = votes.get(cue.label, 0.0) + cue.weight
                hit_any = True
        if lexicon.MENTORING_TITLE_RE.search(low):
            votes["mentoring"] = votes.get("mentoring", 0.0) + 3.0
            hit_any = True
        for genre, pattern in lexicon.WEAK_GENRE_CUES:
            if pattern.search(low):
                votes[genre] = votes.get(genre, 0.0) + 3.0
                hit_any = True
                break
        if hit_any:
            quotes.append(raw[:150])
            title_match = title_match or low
    return {"votes": votes, "quotes": quotes, "title_match": title_match}


# ---------------------------------------------------------------------------------------------

def classify(text: str, *, filename: str | None = None, link_text: str | None = None,
             page_title: str | None = None) -> Classification:
    prep = prepare(text or "")
    weak = _weak_signals(filename, link_text, page_title)
    thin = prep.letter_count < SHORT_TEXT_LETTERS

    blocks = approval_block_lines(prep)
    heads = find_heads(prep, blocks)
    head = main_head(heads)
    info: TitleInfo = extract_title_info(prep, head, blocks)

    zones = None
    if info.first is not None and info.last is not None:
        title_span = prep.span_of_lines(info.first, info.last)
        zones = _Zones(title=title_span)
    title_match = prep.match[zones.title[0]:zones.title[1]] if zones and info.title else ""

    evidence: list[str] = []

    # 1. Genre: the heading first, body phrases for excerpts, weak signals last.
    genre, genre_source = None, "none"
    genre_quotes: list[str] = []
    if head is not None:
        genre, genre_source = head.genre, "head"
        genre_quotes = [quote_span(prep.text, *prep.span_of_lines(head.index, head.index))]
    else:
        body_genre, body_hits = _genre_from_body(prep)
        if body_genre:
            genre, genre_source = body_genre, "body"
            genre_quotes = _best_quotes(body_hits, body_genre, 2)
    weak_votes = weak["votes"]
    m_score, m_hits = _mentoring_score(prep)
    if genre is None and (thin or m_score == 0):
        # Nothing readable (empty, a few words, or a garbage text layer): fall back to the link.
        weak_genres = {g: weak_votes.get(g, 0.0) for g in ("order", "regulation", "plan", "program", "other")}
        if weak_votes.get("report"):
            weak_genres["other"] += weak_votes["report"]
        best = max(weak_genres, key=lambda g: weak_genres[g])
        if weak_genres[best] > 0:
            genre, genre_source = best, "weak"
            genre_quotes = weak["quotes"][:1]

    # 2. About mentoring: the title decides; otherwise the density of mentoring words.
    density = m_score * 1000.0 / max(len(prep.text), 1000)
    if title_match and len(title_match.split()) <= 2 and not _title_about_mentoring(title_match):
        title_match = ""      # a bare «Положение»/«Приказ №5»: the title says nothing, the body decides
    if title_match:
        about = _title_about_mentoring(title_match)
        about_source = "title"
    else:
        about = m_score >= 6 and density >= 1.0
        about_source = "body"
    if not about and genre == "order":
        # «Об организации методической работы»: the order may still pair mentors or name a curator.
        acts = _score(prep, lexicon.ORDER_ACTION_CUES, None)
        if acts:
            about, about_source = True, "order-acts"
            m_hits = acts + m_hits
    if not about and not title_match and (thin or m_score == 0) and weak_votes.get("mentoring"):
        about, about_source = True, "weak"
    if about_source == "title" and about:
        mentoring_quotes = [quote_span(prep.text, *zones.title)]
    elif about_source == "weak":
        mentoring_quotes = weak["quotes"][:1]
    else:
        mentoring_quotes = _best_quotes(m_hits, "order" if about_source == "order-acts" else "mentoring", 2)

    # 3. doc_type
    doc_type = "other"
    if about and genre is not None:
        type_title = title_match or (weak["title_match"] if genre_source == "weak" else "")
        mapped = _mentoring_doc_type(genre, type_title)
        if mapped:
            doc_type = mapped

    # 4. Audience: only meaningful for mentoring documents.
    if about:
        weak_aud: list[_Hit] = []
        if thin or genre_source == "weak" or about_source == "weak":
            for side in ("teachers", "students"):
                if weak_votes.get(side):
                    weak_aud.append(_Hit(side, weak_votes[side], weak["quotes"][0] if weak["quotes"] else ""))
        audience, audience_quotes, clarity = _audience(prep, zones, weak_aud)
    else:
        audience, audience_quotes, clarity = "unknown", [], 1.0

    # 5. Issuer and metadata.
    issuer, issuer_quotes = _issuer(prep, zones, head, blocks, info.number)
    contains: list[str] = []
    contains_quotes: list[str] = []
    if about and prep.text:
        contains, contains_quotes = _contains(prep, heads, head, blocks, doc_type,
                                              info.last if info.last is not None else -1)

    title = info.title
    if title is None and (thin or genre_source == "weak") and link_text and len(link_text.strip()) > 5:
        title = tidy_title(link_text)

    # 6. Confidence: where the genre came from, how clear the audience is, how thin the text is.
    base = {"head": 0.92, "body": 0.65, "weak": 0.35, "none": 0.5}[genre_source]
    if not about:
        base = 0.85 if genre_source == "head" else (0.3 if genre_source == "weak" or thin else 0.7)
        if 0 < m_score and about_source == "body" and m_score >= 3:
            base -= 0.15     # some mentoring talk, but not enough to call it a mentoring document
    confidence = base * clarity
    if about and genre is None:
        confidence *= 0.7
    if about_source == "order-acts":
        confidence *= 0.8     # a broader order that also acts on mentoring
    if issuer == "unknown":
        confidence *= 0.95
    if thin:
        confidence = min(confidence, 0.4)
    confidence = round(max(0.05, min(0.99, confidence)), 2)

    for group in (genre_quotes, mentoring_quotes, audience_quotes, issuer_quotes, contains_quotes,
                  [info.date_evidence] if info.date_evidence else []):
        for q in group:
            if q and q not in evidence:
                evidence.append(q)
    # Drop quotes already contained in a longer one («ПОЛОЖЕНИЕ» inside the title quote).
    evidence = [q for q in evidence
                if not any(q != other and q.lower() in other.lower() for other in evidence)]
    if not evidence and prep.text:
        evidence.append(quote_span(prep.text, 0, min(len(prep.text), 100)))
    if not evidence and weak["quotes"]:
        evidence.extend(weak["quotes"][:1])
    if not evidence:
        evidence.extend(src.strip()[:150] for src in (link_text, filename, page_title) if src and src.strip())

    return Classification(
        doc_type=doc_type,
        audience=audience,
        issuer=issuer,
        confidence=confidence,
        title=title,
        date=info.date,
        number=info.number,
        about_mentoring=about,
        contains=contains,
        evidence=evidence[:MAX_EVIDENCE],
    )
