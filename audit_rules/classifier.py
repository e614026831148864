"""Classify a school document: is it a teacher-mentoring regulation, roadmap, order or programme?

The decision is a weighted vote of cue phrases (``audit_rules.lexicon``), never a single
rule: the title zone (heading and the lines joined to it) weighs more than the body, the
header above the title decides who issued the document, and file name / link text are
only consulted when the text itself is empty, very short or undecidable.

What a text is comes from its own heading, never from the titles it lists: a web page that
lists «Положение …», «Приказ …», «Дорожная карта …» is none of them, and a heading that
follows running text is an annex or a section, not the document's title.  Without a heading
only self-description and structure count (numbered clauses, a dated activity table).  A
blank model («(наименование ОО)», «Примерное положение», a letterhead of underscores) is
never a school's own document.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from audit_rules import lexicon
from audit_rules.doc_metadata import (
    NUM_DATE_RE, Head, TitleInfo, approval_block_lines, card_file_name, contents_lines, extract_title_info,
    find_heads, head_title, listed_title_lines, main_head, prose_before, tidy_title,
)
from audit_rules.lexicon import Cue
from audit_rules.site_publisher import authority_site, institution_site, newsroom_site, same_host
from audit_rules.text_features import Prepared, looks_garbled, prepare, quote_span, to_match
from audit_rules.text_model import Prediction, TextModel, default_model

DOC_TYPES = ("regulation", "roadmap", "order", "program", "other")
AUDIENCES = ("teachers", "students", "both", "unknown")
ISSUERS = ("school", "municipal", "regional", "federal", "unknown")

TITLE_WEIGHT = 3.0          # a cue in the title counts this many times
SHORT_TEXT_LETTERS = 200    # below this the text alone is too thin to trust
MAX_EVIDENCE = 10
DENSE_MENTORING_SCORE = 12.0       # mentoring cue weight, and per 1000 characters, that make a text
DENSE_MENTORING_DENSITY = 8.0      # about mentoring whatever its title says
BODY_GENRE_STRONG = 3.0     # body cues that decide a genre without a heading
BODY_GENRE_WEAK = 1.0       # ... for a numbered regulation no other genre contests
SHORT_REGULATION_CUES = 0.75   # ... three clauses, if two of them speak of mentoring
PROGRAMME_SECTION_CUE = 2.0  # a programme's numbered section heading, uncontested, names it
PROGRAMME_BODY_CUE = 1.5    # a programme's own words that, with its plan's rows, name it
REPEATED_LEAD_CHARS = 25    # a line this long, repeated, is a page's lead shown again, not a table's cell
ROW_CELLS_TO_TERM = 2       # lines between a road map row's number and its term cell
# When the rules cannot decide, the text model (audit_rules.text_model) is asked.  It names the
# kind of a mentoring text whose heading the rules did not find at this probability, and
# overrules a weak verdict of the rules (below RULES_WEAK) at MODEL_OVERRULES.
MODEL_NAMES_KIND = 0.3
MODEL_OVERRULES = 0.5
# ... and takes a weak verdict's kind away («other») only at this probability: at 0.5-0.7 it did
# so 13 times on 470 fresh texts and reshapes of 2026-12-06 and was wrong each time (the words
# of colleges, of forms and of mid-document clauses), and never once on the dev half out of fold.
MODEL_UNNAMES_KIND = 0.7
RULES_WEAK = 0.6
EXCLUDED_PUPILS_WEIGHT = 3.0    # a regulation that leaves pupils' mentoring to another act is staff's
MODEL_MIN_FEATURES = 20
GARBLED_REASON = ("текст не читается: русские буквы в нём распознаны как латинские и цифры; "
                  "вид документа по нему не определить")
SCHOLARLY_REASON = "научная статья о наставничестве, а не документ организации"
MEDIA_REASON = "заметка СМИ о наставничестве: пересказ, а не страница или документ организации"
UNDECIDED_REASON = ("вид документа не определён: текст о наставничестве, но в нём нет заголовка и признаков "
                    "положения, приказа, плана или программы")
# The audit classes the model may give a text, as (doc_type, audience).
_MODEL_KINDS = {
    "staff_regulation": ("regulation", "teachers"),
    "students_regulation": ("regulation", "students"),
    "programme": ("program", "unknown"),
    "roadmap": ("roadmap", "unknown"),
    "order": ("order", "unknown"),
}


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


class _Hit:
    """A cue found in the text: its label, its weight and the quote around it.

    Most hits are only counted; the quote is cut from the text when evidence asks for it.
    """
    __slots__ = ("label", "weight", "_quote", "_where")

    def __init__(self, label: str, weight: float, quote: str = "",
                 where: tuple[str, int, int] | None = None) -> None:
        self.label, self.weight, self._quote, self._where = label, weight, quote, where

    @property
    def quote(self) -> str:
        if self._where is not None:
            self._quote, self._where = quote_span(*self._where), None
        return self._quote


@dataclass
class _Zones:
    """Where a document's parts are, as character spans of ``Prepared.text``."""

    title: tuple[int, int] | None    # title (or order subject) lines, with the heading


def _score(prep: Prepared, cues: tuple[Cue, ...], zones: _Zones | None,
           span: tuple[int, int] | None = None, skip: list[tuple[int, int]] = ()) -> list[_Hit]:
    """Match cues; a hit inside the title zone is multiplied by TITLE_WEIGHT; hits in `skip` spans do not count."""
    hits: list[_Hit] = []
    lo, hi = span if span else (0, len(prep.match))
    for cue in cues:
        count = 0
        for m in cue.finditer(prep.match, lo, hi):
            if any(a <= m.start() < b for a, b in skip):
                continue
            if count >= cue.cap:
                break
            count += 1
            weight = cue.weight
            if zones and zones.title and zones.title[0] <= m.start() < zones.title[1]:
                weight *= TITLE_WEIGHT
            hits.append(_Hit(cue.label, weight, where=(prep.text, m.start(), m.end())))
    return hits


def _score_hits_with_pos(prep: Prepared, cues: tuple[Cue, ...]) -> list[tuple[int, _Hit]]:
    out: list[tuple[int, _Hit]] = []
    for cue in cues:
        for count, m in enumerate(cue.finditer(prep.match)):
            if count >= cue.cap:
                break
            out.append((m.start(), _Hit(cue.label, cue.weight, where=(prep.text, m.start(), m.end()))))
    return out


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
        # OCR and PDF wrapping split words without a hyphen («нас\nтавничества»); a title is
        # short, so gluing its letters back cannot invent a word by accident.
        glued = re.sub(r"(?<=[а-я])\s+(?=[а-я])", "", title_match)
        return ((bool(lexicon.MENTORING_TITLE_RE.search(glued)) or bool(lexicon.MENTORING_TITLE_OCR_RE.search(title_match)))
                and not lexicon.MENTORING_EVENT_RE.search(title_match))
    stripped = lexicon.MENTORING_EVENT_RE.sub(" ", title_match)
    return bool(lexicon.MENTORING_TITLE_RE.search(stripped))


def _audience(prep: Prepared, zones: _Zones | None, extra: list[_Hit],
              genre: str | None = None) -> tuple[str, list[str], float]:
    """Return (audience, evidence quotes, clarity 0..1)."""
    # The title of a cited act («№ 3273-р "Об утверждении … педагогических работников …"») is the
    # act's wording, not the document's: its reference number already votes once.
    cited = [m.span(1) for m in lexicon.CITED_TITLE_RE.finditer(prep.match)]
    excluded = ([m.span() for m in lexicon.EXCLUDES_PUPILS_RE.finditer(prep.match)]
                if "не распростран" in prep.match else [])
    hits = (_score(prep, lexicon.TEACHER_CUES, zones, skip=cited)
            + _score(prep, lexicon.STUDENT_CUES, zones, skip=cited + excluded) + extra)
    if excluded:
        hits.append(_Hit("teachers", EXCLUDED_PUPILS_WEIGHT, where=(prep.text, *excluded[0])))
    t, s = _total(hits, "teachers"), _total(hits, "students")
    title_t = title_s = False
    if zones and zones.title:
        in_title = _score(prep, lexicon.TEACHER_CUES + lexicon.STUDENT_CUES, None, zones.title)
        title_t = _total(in_title, "teachers") >= 2
        title_s = _total(in_title, "students") >= 2
    scope = lexicon.BOTH_SCOPE_RE.search(prep.match)
    staff_form = ((lexicon.STAFF_FORM_RE.search(prep.match) or lexicon.LABOUR_CODE_RE.search(prep.match))
                  if genre in ("regulation", None) else None)
    defined = _mentee_defined(prep)
    if defined is not None and not (scope and max(t, s) >= 2):
        # (a definition decides even among few other words; «как педагогов, так и обучающихся» still says both)
        side, quote = defined
        if (side == "students" and staff_form) or (side == "teachers" and lexicon.STUDENT_FORM_RE.search(prep.match)):
            side = "both"     # the glossary names one mentee, the forms another
        return side, [quote] + _best_quotes(hits, "teachers" if side != "students" else "students"), 1.0
    if max(t, s) < 2:
        return "unknown", _best_quotes(hits, "teachers", 1) + _best_quotes(hits, "students", 1), 0.6
    low, high = min(t, s), max(t, s)
    if scope:
        return ("both", [prep.quote(scope.start(), scope.end())] + _best_quotes(hits, "teachers")
                + _best_quotes(hits, "students"), 0.85)
    if s > t and staff_form:
        # The students' model applied to staff as well («учитель – учитель», mentoring under the
        # Labour Code): the regulation covers both.
        return "both", [prep.quote(staff_form.start(), staff_form.end())] + _best_quotes(hits, "students"), 0.85
    if s > t and title_t and not title_s:
        # The document's own heading names staff («… наставничества педагогических работников»)
        # over a body copied from the students' model: it says whom it covers.
        return "both", [quote_span(prep.text, *zones.title)] + _best_quotes(hits, "students"), 0.85
    if s > t:
        if _only_students_model(prep, cited):
            return "students", _best_quotes(hits, "students", 3), 0.85
        system = _own_match(prep, lexicon.TEACHER_SYSTEM_RE, cited)
        if system is not None:
            # Built on the students' model, but it speaks of the teachers' system in its own
            # words (cites the recommendations on teachers' mentoring, «педагог – педагог»).
            return "both", [prep.quote(system.start(), system.end())] + _best_quotes(hits, "students"), 0.85
    if (title_t and title_s) or (low >= 4 and low / high >= 0.35):
        return "both", _best_quotes(hits, "teachers") + _best_quotes(hits, "students"), 0.85
    side = "teachers" if t > s else "students"
    clarity = 1.0 if low / high < 0.25 else 0.85
    return side, _best_quotes(hits, side, 3), clarity


def _own_match(prep: Prepared, pattern: re.Pattern[str], cited: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first match of `pattern` outside the titles of cited acts."""
    return next((m for m in pattern.finditer(prep.match) if not any(a <= m.start() < b for a, b in cited)), None)


def _only_students_model(prep: Prepared, cited: list[tuple[int, int]]) -> bool:
    """The document implements the students' target model and never speaks of the teachers' system itself."""
    return (_own_match(prep, lexicon.STUDENT_MODEL_RE, cited) is not None
            and _own_match(prep, lexicon.TEACHER_SYSTEM_RE, cited) is None)


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

    template, template_quote = _template_marks(prep, zones, head, blocks)
    if head is not None and head.genre == "order":
        # «Приказ Министерства образования …», «Приказ МОН_…», «Распоряжение Комитета по
        # образованию»: an order's heading may name who gives it.
        named = lexicon.ORDER_HEAD_ISSUER_RE.match(_line_match(prep, head.index))
        org = _phrase_org(named.group(1).replace("_", " ")) if named else None
        if org:
            vote(org, 6.0, quote_span(prep.text, *prep.span_of_lines(head.index, head.index)))
    charter = bool(head and lexicon.CHARTER_HEAD_RE.match(_line_match(prep, head.index)))

    # Letterhead: organisation lines above the heading; the one nearest the heading issued it.
    top = head.index if head else min(len(prep.lines), 8)
    if head is None:
        # A letterhead stands above the text: numbered clauses («1.1. …», «1.2. …»), a table's
        # rows and a list's entries, and what follows them, are the body, whatever bodies their
        # wrapped lines name («Обучение наставников (курсы ГАУ ДПО …)» is where a school sends them).
        top = next((i for i in range(top) if _CLAUSE_START_RE.match(prep.lines[i])
                    or _BODY_ROW_START_RE.match(prep.lines[i]) or " | " in prep.lines[i]), top)
    org_lines = [i for i in range(0, top) if i not in blocks and len(prep.lines[i]) < 400
                 and not lexicon.OUTLINE_ENTRY_RE.match(prep.lines[i])
                 and not lexicon.SIGNATURE_STAMP_RE.search(_line_match(prep, i)) and not _is_sentence(prep.lines[i])
                 and not _cites_federal_act(_line_match(prep, i))]
    # (judged again once joined: a narrow column wraps a preamble citing a federal act into short
    # lines, «… Распоряжения» / «Правительства Российской Федерации от» / «31.12.2019 N 3273-р …»)
    found = [(first, last, _line_org(text)) for first, last, text in _letterhead_units(prep, org_lines)
             if not _cites_federal_act(text) and not lexicon.PREAMBLE_RE.match(text)]
    # (an untitled order's subject line names its subject: «О реализации проекта «Школа
    # наставничества»» is no school's letterhead, though «О внесении изменений в постановление
    # Правительства … области» names the act's issuer)
    found = [(first, last, org) for first, last, org in found
             if org and not (org == "school" and head is None and _ORDER_SUBJECT_RE.match(_line_match(prep, first)))
             # (above an untitled excerpt a letterhead names its body first; a table's cell that
             # opens with a measure, «Обучение наставников на курсах … ГАУ ДПО …», does not)
             and not (head is None and not _letterhead_names_body_first(prep, first, last))]
    for rank, (first, last, org) in enumerate(reversed(found)):
        vote(org, 6.0 if rank == 0 else 2.0, quote_span(prep.text, *prep.span_of_lines(first, last)))

    # Approval blocks name the approver (director, council, department).  Blocks above the
    # title count fully; a later block, or one left blank for a school to fill in («приказом
    # директора ____ от «__» 20__ г.»), belongs to a template and counts little.
    title_end = zones.title and prep.line_of(zones.title[1]) if zones else None
    near = (title_end if title_end is not None else (head.index if head else 10)) + 3
    for first, last in ([] if charter else _block_units(prep, blocks)):
        # (the founder approves a charter; the institution is its author)
        s, e = prep.span_of_lines(first, last)
        unit = prep.match[s:e]
        # (a further-training body's council approves its publications on the back of the title
        # page, below the title: «Утверждено решением научно-методического совета ГБОУ ДПО …»)
        factor = 1.0 if first <= near or lexicon.TRAINING_BODY_RE.search(unit) else 0.3
        filled = re.search(r"\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\d{4}", unit.replace("20__", ""))
        if "____" in unit and not filled:
            factor *= 0.3
        for hit in _score(prep, lexicon.APPROVER_CUES, None, (s, e)):
            vote(hit.label, hit.weight * factor, hit.quote)
        annex = lexicon.FEDERAL_ANNEX_RE.search(unit)
        if annex and first <= near:
            # «Приложение к письму Минпросвещения России … от 21.12.2021 № АЗ-1128/08/657» over the
            # title: the federal recommendations themselves, whoever they are addressed to.
            vote("federal", 8.0, prep.quote(s + annex.start(), s + annex.end()))

    # Title and body phrases («в МБОУ …», «в образовательных организациях района»); the title of
    # a cited act («… образовательных организаций Пермского края» after its number) is its issuer's.
    cited = [m.span(1) for m in lexicon.CITED_TITLE_RE.finditer(prep.match)]
    for hit in _score(prep, lexicon.ISSUER_BODY_CUES, zones, skip=cited):
        vote(hit.label, hit.weight, hit.quote)
    # A territory's scope counts where the document speaks of itself: its title, and the sentence
    # «Настоящее Положение определяет … в образовательных организациях … области».
    for label, pattern in (("regional", lexicon.APPROVES_FOR_REGION_RE),
                           ("municipal", lexicon.APPROVES_FOR_MUNICIPALITY_RE)):
        approves = pattern.search(prep.match)
        if approves:
            vote(label, 4.0, prep.quote(approves.start("place"), approves.end("place")))
            break
    described = [m.span() for m in lexicon.SELF_DESCRIPTION_RE.finditer(prep.match)][:2]
    own = ([zones.title] if zones and zones.title else []) + described
    for span in own:
        for hit in _score(prep, lexicon.TERRITORY_SCOPE_CUES, zones, span):
            vote(hit.label, hit.weight, hit.quote)
    if zones and zones.title and not template:
        # A title naming a territory and no single institution is the territory's document.
        # (an order's place of issue under its date, «от 01.09.2023 № 201 / г. Десногорск», names
        # where the school is, not a town's document)
        title = lexicon.PLACE_OF_ISSUE_RE.sub(" ", prep.match[zones.title[0]:zones.title[1]])
        if not lexicon.ONE_INSTITUTION_RE.search(title):
            for label, pattern in (("regional", lexicon.TITLE_REGION_RE), ("municipal", lexicon.TITLE_CITY_RE),
                                   ("regional", lexicon.TITLE_REGION_EVENT_RE), ("municipal", lexicon.TITLE_CITY_EVENT_RE),
                                   ("regional", lexicon.TITLE_REGION_SYSTEM_RE), ("municipal", lexicon.TITLE_CITY_SYSTEM_RE)):
                if pattern.search(title):
                    vote(label, 6.0, quote_span(prep.text, *zones.title))
                    break
    for a, b in described:
        # «Настоящее положение муниципального бюджетного общеобразовательного учреждения «Средняя
        # школа № 23» …»: the document names its own author.
        named = lexicon.NAMED_INSTITUTION_RE.search(prep.match, a, b)
        if named:
            vote("school", 6.0, prep.quote(a, min(b, named.end())))
            break

    many = _many_institutions(prep)
    if many is not None:
        # A list of many schools' curators, a protocol on «23 образовательных организациях округа»:
        # a school's documents name itself and a partner or two.
        vote("municipal", MANY_INSTITUTIONS_VOTE, prep.quote(many.start(), many.end()))

    # A contest's or event's founders («Учредителями Конкурса являются Департамент образования …»):
    # a territory's contest of mentors is its authority's, whoever publishes its text.
    founders = lexicon.EVENT_FOUNDERS_RE.search(prep.match)
    if founders:
        org = _phrase_org(founders.group("who"))
        if org and org != "school":
            vote(org, 4.0, prep.quote(founders.start(), founders.end()))

    # Provenance named in the title zone («Извлечение из рекомендаций Минпросвещения России»).
    if zones and zones.title and head is not None:
        first = prep.line_of(zones.title[0])
        last = min(len(prep.lines) - 1, prep.line_of(zones.title[1]) + 2)
        s, e = prep.span_of_lines(first, last)
        for m in lexicon.PROVENANCE_RE.finditer(prep.match, s, e):
            org = _phrase_org(m.group(0))
            if org:
                vote(org, 6.0, prep.quote(m.start(), m.end()))
    if head is None and prep.lines:
        # An untitled text that opens by naming where it comes from («Из анализа работы … (План
        # работы управления образования … города …)»): the body whose document it is.
        s, e = prep.span_of_lines(0, min(len(prep.lines) - 1, 3))
        opening = lexicon.PROVENANCE_RE.search(prep.match, s, e)
        if opening and opening.start() == s:
            # the body whose plan or report it is comes last («… отдела МБУ ДО «ЦДО» (План работы
            # управления образования … города …)»), with the territory that follows it
            bodies = list(re.finditer(r"(?:управлени|комитет|отдел|департамент|министерств)\w*", opening.group(0)))
            tail = prep.match[opening.start() + bodies[-1].start():min(e, opening.end() + 80)] if bodies else ""
            org = _line_org(tail) if tail else None
            if org and org != "school":
                vote(org, 6.0, prep.quote(opening.start(), opening.end()))
    if charter and zones and zones.title:
        if _line_org(prep.match[zones.title[0]:zones.title[1]]) == "school":
            vote("school", 6.0, quote_span(prep.text, *zones.title))

    def not_a_school(default: str, quote: str) -> None:
        """No school's own document: the strongest outside body issued it, else `default`."""
        scores["school"] = 0.0
        if max(scores["municipal"], scores["regional"], scores["federal"]) < 2.0:
            vote(default, 2.0, quote)

    if template:
        # A form to be filled in by each school belongs to whoever sent it out (named in the
        # header), by default the municipal education body; a model annexed to methodical
        # recommendations that names no territory is the federal ones' (the AZ-1128 letter's).
        annex = lexicon.RECOMMENDATIONS_ANNEX_RE.search(prep.match)
        if annex and not (lexicon.TITLE_CITY_RE.search(prep.match) or lexicon.TITLE_REGION_RE.search(prep.match)):
            not_a_school("federal", prep.quote(annex.start(), annex.end()))
        else:
            not_a_school("municipal", template_quote or "")

    portal = lexicon.LEGAL_PORTAL_RE.search(prep.match)
    if portal and not template:
        # An act copied onto a legal portal (its banner, «(в ред. …)», «(с изменениями на …)»):
        # schools publish their acts on their own sites, so it is an authority's act.
        not_a_school(_territory_level(prep), prep.quote(portal.start(), portal.end()))

    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 2.0:
        return "unknown", []
    ranked = [q for _, q in sorted(quotes[best], key=lambda x: -x[0])]
    return best, list(dict.fromkeys(ranked))[:2]


# «1.2. …»: a sub-clause; a bare «1.» may be the tail of «СШ № 1.» in a re-lined flattened layer
_CLAUSE_START_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")
# ... and a table's row number, which may stand alone in its cell («2.3.» over «Закрепление пар …»)
_ROW_SUBNUMBER_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?(?:\s|$)")


LETTERHEAD_LEAD_WORDS = 4
LETTERHEAD_LINE_CHARS = 160
# An order's subject line («О реализации регионального проекта «Школа наставничества»»).
_ORDER_SUBJECT_RE = re.compile(r"^об?\s+[а-я]")
_ACT_BEFORE_ISSUER_RE = re.compile(r"(?:постановлени|приказ|распоряжени|решени)\w*\s*$")


def _inside_event_name(match_phrase: str, pos: int) -> bool:
    """Whether `pos` falls inside the quoted name of a contest, project or the like."""
    if match_phrase.count('"', 0, pos) % 2 == 0:
        return False
    opened = match_phrase.rfind('"', 0, pos)
    return lexicon.NAMED_EVENT_BEFORE_QUOTE_RE.search(match_phrase, 0, opened) is not None


def _letterhead_names_body_first(prep: Prepared, first: int, last: int) -> bool:
    """Whether one of a letterhead unit's lines names a body within its first words («Муниципальное
    бюджетное общеобразовательное учреждение …», «ГАУ ДПО …», «Отдел образования …»).

    A long line (a flattened layer runs the title into the letterhead) and an order's subject
    line («О внесении изменений в постановление Правительства … области») are read as they are.
    """
    for i in range(first, last + 1):
        line = _line_match(prep, i)
        if len(line) > LETTERHEAD_LINE_CHARS or _ORDER_SUBJECT_RE.match(line):
            return True
        rest = prep.match[prep.line_starts[i]:prep.line_starts[last] + len(prep.lines[last])]
        # (a word inside an event's quoted name is the name's: «Итоги областного конкурса
        # «Современная школа – современный наставник»» names a contest, not a school; «МКУ
        # «Информационно-методический центр»» is a body's own name)
        named = [span for span in _org_names(rest) if not _inside_event_name(rest, span[0])]
        if named:
            before = rest[:min(named)[0]]
            # («Действующий О внесении изменений в постановление Правительства … области»: an act
            # named by its issuer)
            if len(before.split()) <= LETTERHEAD_LEAD_WORDS or _ACT_BEFORE_ISSUER_RE.search(before):
                return True
    return False


# A table row («3 | Издание приказа …», a row number alone on its line when each cell became a
# line; cells apart by « | » anywhere), a numbered or dashed list entry: never a letterhead's line.
_BODY_ROW_START_RE = re.compile(r"^\s*(?:\d{1,2}[.)]?\s*(?:\||$)|\d{1,2}[.)]\s+\S|[-–—•●▪*]\s*\S|\|)")


def _block_units(prep: Prepared, blocks: set[int]) -> list[tuple[int, int]]:
    """Approval blocks as line ranges, one per ПРИНЯТО/УТВЕРЖДЕНО/Приложение opener.

    Read as a whole, so that «к приказу Министерства образования и науки» / «Смоленской области»
    wrapped over two lines still names the ministry.
    """
    units: list[tuple[int, int]] = []
    for i in sorted(blocks):
        opener = bool(lexicon.APPROVAL_OPENER_RE.match(_line_match(prep, i)))
        if units and units[-1][1] == i - 1 and not opener:
            units[-1] = (units[-1][0], i)
        else:
            units.append((i, i))
    return units


def _letterhead_units(prep: Prepared, lines: list[int]) -> list[tuple[int, int, str]]:
    """Letterhead lines with their wrapped continuations joined.

    A PDF wraps «… учреждение «Средняя школа № 3»» / «муниципального образования «город
    Десногорск»»: the second line alone would read as a municipal body.
    """
    units: list[tuple[int, int, str]] = []
    for i in lines:
        text = _line_match(prep, i)
        # Lines of one letterhead follow each other without a full stop between them.
        continues = not prep.lines[i - 1].rstrip().endswith((".", ";", ":")) if i else False
        if units and continues and units[-1][1] == i - 1:
            first, _, joined = units[-1]
            units[-1] = (first, i, joined + " " + text)
        else:
            units.append((i, i, text))
    return units


def _cites_federal_act(match_line: str) -> bool:
    return bool(lexicon.CITED_FEDERAL_ACT_LINE_RE.search(match_line) and lexicon.FEDERAL_BODY_RE.search(match_line))


def _is_sentence(line: str) -> bool:
    """Running text («В школе действует система наставничества …»), not a letterhead line."""
    words = line.split()
    if len(words) < 8 or not line.rstrip().endswith((".", "!", "?")):
        return False
    # «… «Средняя школа № 1» г. Рославля.» and «… СОШ.» end letterheads, not sentences.
    return not words[-1].rstrip(".").isupper() and not re.search(r"\b(?:г|обл|р-на|ул|д)\.$", line.rstrip())


def _org_names(match_phrase: str) -> list[tuple[int, int, str]]:
    """(start, -length, label) of the first name of each kind of body in a phrase."""
    return [(m.start(), -len(m.group(0)), label) for label, pattern in lexicon.ORG_LINE_PATTERNS
            for m in [pattern.search(match_phrase)] if m]


def _phrase_org(match_phrase: str) -> str | None:
    """The first body named in a phrase («из рекомендаций Минпросвещения … в школах» is federal)."""
    # (at the same place the longer name is the body: «департамент образования и науки … области»
    # is the region's, though «департамент образования» alone reads as a municipality's)
    found = _org_names(match_phrase)
    return min(found)[2] if found else None


def _template_marks(prep: Prepared, zones: _Zones | None, head: Head | None,
                    blocks: set[int]) -> tuple[bool, str | None]:
    """Whether the text is a blank model («Примерное положение», «(наименование ОО)», «______»).

    Only the top of the document is read: a school's own regulation may annex blank forms.
    """
    head_at = head.index if head else -1
    title_last = prep.line_of(zones.title[1]) if zones and zones.title else head_at
    top_end = min(len(prep.lines), max(title_last, head_at, 0) + 1)
    score, quote = 0.0, None

    def mark(weight: float, i: int) -> None:
        nonlocal score, quote
        score += weight
        quote = quote or quote_span(prep.text, *prep.span_of_lines(i, i))

    for i in range(min(len(prep.lines), top_end + 15)):
        line = _line_match(prep, i)
        if lexicon.TEMPLATE_PLACEHOLDER_RE.search(line) \
                or (i not in blocks and lexicon.BLANK_NAME_RE.search(line) and not _near_signature(prep, i)):
            mark(2.0, i)
            break
    blank_rows = [i for i in range(len(prep.lines)) if lexicon.BLANK_ROW_RE.match(prep.lines[i])]
    if len(blank_rows) >= 2:
        mark(2.0, blank_rows[0])     # the pairs' table left for the school to fill in
    for i in range(min(top_end, 12)):
        line = _line_match(prep, i)
        if i not in blocks and lexicon.TEMPLATE_HEAD_RE.match(line):
            mark(2.0, i)
        elif i < min(head_at, 3) and i not in blocks and lexicon.BLANK_LINE_RE.match(line) \
                and not _near_signature(prep, i):
            mark(2.0, i)       # the letterhead left blank for the school's name
        elif head_at <= i <= title_last and re.search(r"_{5,}", line) and not NUM_DATE_RE.search(line) \
                and not _FILLED_NUMBER_RE.search(line):
            # «Положение о наставничестве в ________», but not «От_09.02.2023 г ____ №_2___», nor
            # its number on a line of its own («№_2_____»): a form filled in is no blank model
            mark(2.0, i)
        elif i in blocks and re.search(r"приложени\w*[^\n]{0,20}\bк\s+письму\b", line):
            mark(1.0, i)       # schools annex documents to orders; letters carry models to schools
    if head is not None and head.genre == "order":
        for i in range(head.index, min(len(prep.lines), head.index + 3)):
            if lexicon.BLANK_ORDER_REF_RE.search(_line_match(prep, i)):
                mark(1.0, i)
                break
    return score >= 2.0, quote


_BLANK_FIELD_RE = re.compile(r"_{5,}|\"\s?_{2,}\s?\"")
_FILLED_NUMBER_RE = re.compile(r"№[\s_]*\d")


def _near_signature(prep: Prepared, i: int) -> bool:
    """Whether a line of underscores is a place to sign («Директор ______ Н.П. Гончаров»)."""
    # two lines up: «Председатель ПК / Пр. № ___ от ____ / __________» is a block to sign
    around = prep.text[slice(*prep.span_of_lines(max(0, i - 2), min(len(prep.lines) - 1, i + 1)))]
    return bool(re.search(r"[А-ЯЁ]\.\s?[А-ЯЁ]\.|[Дд]иректор|[Пп]одпись|[Рр]уководитель|[Зз]аведующ|[Пп]редседател", around))


def _past_label_head(prep: Prepared, heads: list[Head], head: Head | None, blocks: set[int]) -> Head | None:
    """Skip a heading that only labels what follows, for the titled heading right after it.

    A kit label («ПРИМЕРНОЕ ПОЛОЖЕНИЕ», «Образец») above the model's own heading, or an order
    reference with no subject («Приказ от 13.09.2025 № 151») left from a broken approval block.
    """
    if head is None:
        return head
    line = _line_match(prep, head.index)
    if head.genre == "order":
        if head_title(prep, head, blocks)[0] is not None:
            return head
        reach = 4
    elif lexicon.TEMPLATE_HEAD_RE.match(line) and len(line.split()) <= 3:
        reach = 10
    else:
        return head
    for later in heads:
        if head.index < later.index <= head.index + reach and not (head.genre == later.genre == "order"):
            title = head_title(prep, later, blocks)[0]
            if title and len(title.split()) > 2:
                return later
    return head


# A file card's line under the card's name: the file's format and size, its date, a download
# button («doc · 58 KB · 30.08.2023», «pdf, 331 КБ, 12.01.2023», «Скачать»). (A lone «KB» among
# Russian words has been folded to look-alike «КВ».)
# A file's size as sites print it («58 KB», «1,2 МБ»; OCR reads «КБ» as «КВ»).
_FILE_SIZE = r"\d+(?:[.,]\d+)?\s*(?:кб|мб|kb|mb|кв|мв|кбайт|мбайт)\b"
_FILE_META_LINE_RE = re.compile(
    r"^\W*(?:(?:pdf|docx?|rtf|odt|xlsx?|pptx?)\b[^\n]{0,12}?" + _FILE_SIZE + r"|скачать\b"
    r"|(?:размер(?:\s+файла)?|дата(?:\s+(?:публикации|размещения|загрузки|создания))?|тип\s+файла|формат)\s*:)")
CARD_META_LINES = 4           # a card's lines under its name: date, size, type, «Скачать»
CARD_FILE_HEAD_REACH = 14     # lines from the card's file line to the file's own heading


def _past_card_name(prep: Prepared, heads: list[Head], head: Head | None, blocks: set[int]) -> Head | None:
    """The file's own heading under a file card's name: what the file holds decides, not what the
    site called it («Положение о наставничестве 2023-2024» / «doc · 58 KB» / «Скачать» over «План
    мероприятий (дорожная карта) …»)."""
    if head is None:
        return head
    metas = [k for k in range(head.index + 1, min(len(prep.lines), head.index + 1 + CARD_META_LINES))
             if _FILE_META_LINE_RE.match(_line_match(prep, k))]
    if not metas:
        return head
    for later in heads:
        if metas[-1] < later.index <= metas[-1] + CARD_FILE_HEAD_REACH and not prose_before(prep, later.index, blocks):
            return later
    return head


def _mentee_defined(prep: Prepared) -> tuple[str, str] | None:
    """Whose mentoring a glossary's definitions of the mentee name, and the first one's quote."""
    staff = pupils = False
    quote = ""
    for m in lexicon.MENTEE_DEFINITIONS.finditer(prep.match):
        what = m.group("what")
        says_staff, says_pupils = bool(lexicon.MENTEE_STAFF_RE.search(what)), bool(lexicon.MENTEE_PUPIL_RE.search(what))
        if (says_staff or says_pupils) and not quote:
            quote = prep.quote(m.start(), m.end())
        staff, pupils = staff or says_staff, pupils or says_pupils
    if not quote:
        return None
    return ("both" if staff and pupils else "teachers" if staff else "students"), quote


def _names_mentoring_section(prep: Prepared) -> bool:
    """Whether one of the text's numbered section headings is on mentoring («3. Организационные
    основы наставничества»); a table of contents' entries name parts, perhaps of other acts."""
    contents = contents_lines(prep)
    return any(lexicon.MENTORING_SECTION_HEADING_RE.match(_line_match(prep, i))
               for i in range(len(prep.lines)) if i not in contents)


def _parent_above_annex(prep: Prepared, blocks: set[int]) -> tuple[str, str, int] | None:
    """(genre, quote, line) of the document an annex line names, when that document's own text runs
    above the line in the excerpt; None otherwise (an excerpt that opens with the annex is the annex)."""
    if "приложени" not in prep.match:
        return None
    for m in lexicon.ANNEX_TO_PARENT_RE.finditer(prep.match):
        line = prep.line_of(m.start())
        kind = m.group("kind").split()[0]
        genre = lexicon.ANNEX_PARENT_GENRES.get(kind, "plan")
        # (its own numbered clauses on mentoring, not a site's widgets and menus, above the line; an
        # order's last point may say only who controls it, its annex names the pairs)
        above = prep.match[:m.start()]
        if line >= 2 and ((prose_before(prep, line, blocks) and "наставни" in above)
                          or (genre == "order" and lexicon.ORDER_CONTROL_RE.search(above))
                          # (or its last clause names it: «8.3. Настоящее Положение действует до …»)
                          or re.search(r"настоящ\w*\s+" + kind, above)) \
                and any(_NUMBERED_ITEM_RE.match(prep.lines[i]) for i in range(line)):
            return genre, quote_span(prep.text, m.start(), m.end()), line
    return None


_NUMBERED_ITEM_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s+[А-ЯЁа-яё]")


def _order_pairs_annex(prep: Prepared) -> str | None:
    """The annex line of an order over the list of pairs it fixes, quoted; None if the text is
    not one (the list is the order's part, as the codebook reads an annex by what it is)."""
    annex = lexicon.ANNEX_TO_PARENT_RE.search(prep.match, 0, _top_end(prep, ANNEX_LINES))
    if annex is None or annex.group("kind") != "приказ" \
            or not lexicon.PAIRS_ROSTER_RE.search(prep.match, annex.end(), _top_end(prep, ANNEX_LINES + 10)):
        return None
    return quote_span(prep.text, annex.start(), annex.end())


def _lists_files(prep: Prepared, below: int) -> bool:
    """Whether lines below ``below`` list files to download («Положение … (скачать, 356 КБ)»), three
    at least: a site's page of documents, not a document (a file card shows one file)."""
    if not any(mark in prep.match for mark in ("кб", "мб", "kb", "mb", "скачать")):
        return False
    return sum(1 for i in range(below + 1, len(prep.lines))
               if _FILE_LIST_ENTRY_RE.search(_line_match(prep, i))) >= FILES_LISTED


# A page's entry for a file: its size («356 КБ», «1,2 MB») or its download link in brackets.
_FILE_LIST_ENTRY_RE = re.compile(_FILE_SIZE + r"|\(\s*скачать\b")
FILES_LISTED = 3


def _names_its_document(prep: Prepared, head: Head) -> bool:
    """Whether a heading is the staff's acknowledgement sheet naming the document it is appended
    to («Лист ознакомления» / «с Положением о наставничестве …»): no title of the file's own."""
    start = prep.line_starts[head.index]
    return lexicon.ACKNOWLEDGES_DOCUMENT_RE.match(prep.match, start) is not None


def _line_match(prep: Prepared, i: int) -> str:
    s = prep.line_starts[i]
    return prep.match[s:s + len(prep.lines[i])]


def _row_number_over_term(prep: Prepared, pos: int) -> bool:
    """A sub-numbered line («2.3. Закрепление наставнических пар …») with a term cell right under it
    («август 2025»): a road map's row, cell by cell, not a regulation's clause."""
    i = prep.line_of(pos)
    if not _ROW_SUBNUMBER_RE.match(prep.lines[i]):
        return False
    return any(lexicon.TERM_CELL_RE.match(_line_match(prep, j))
               for j in range(i + 1, min(i + 1 + ROW_CELLS_TO_TERM, len(prep.lines))))


def _programme_named_as_itself(prep: Prepared) -> _Hit | None:
    """A programme calls itself «Программа» with a capital inside its sentences («в рамках
    Программы», «куратор Программы») as a regulation calls itself «Положение»: twice makes it one."""
    found = list(lexicon.PROGRAMME_SELF_NAME_RE.finditer(prep.text))
    if len(found) < 2:
        return None
    return _Hit("program", BODY_GENRE_STRONG, where=(prep.text, found[0].start(), found[0].end()))


def _genre_from_body(prep: Prepared, listed: set[int]) -> tuple[str | None, list[_Hit]]:
    """Genre from body phrases; lines listing other documents' titles do not vote, nor do repeats.

    A web page repeats its news item's lead (as the title, the teaser and the text): the same
    dated line three times is one line, not three rows of a plan.
    """
    seen: set[str] = set()
    repeats: set[int] = set()
    for i, line in enumerate(prep.lines):
        key = line.strip()
        if len(key) < REPEATED_LEAD_CHARS:
            continue     # a table's cells repeat («Апрель», «Посещение»); a lead is a sentence
        if key in seen:
            repeats.add(i)
        else:
            seen.add(key)
    listed = listed | repeats
    scored = [h for h in _score_hits_with_pos(prep, lexicon.GENRE_BODY_CUES) if prep.line_of(h[0]) not in listed
              and not (h[1].label == "regulation" and _row_number_over_term(prep, h[0]))]
    hits = [h for _, h in scored]
    own_name = _programme_named_as_itself(prep)
    if own_name is not None:
        hits.append(own_name)
    totals = {g: _total(hits, g) for g in ("regulation", "order", "plan", "program", "other")}
    ranked = sorted(totals, key=lambda g: -totals[g])
    best, second = ranked[0], totals[ranked[1]]
    # Either a strong self-description, or a weaker one that no other genre contests
    # (an excerpt of a regulation: numbered clauses and «назначается приказом» only).
    if totals[best] >= BODY_GENRE_STRONG:
        return best, [h for h in hits if h.label == best]
    if totals["program"] >= PROGRAMME_BODY_CUE and totals["program"] + totals["plan"] >= BODY_GENRE_STRONG \
            and totals["program"] > max(totals["regulation"], totals["order"], totals["other"]):
        # A programme's own words («Цель программы», «Ожидаемые результаты») over its plan's rows:
        # the plan is the programme's part, the two together name it.
        return "program", [h for h in hits if h.label in ("program", "plan")]
    if best == "program" and totals["program"] >= PROGRAMME_SECTION_CUE and second == 0:
        # A programme's own numbered section («7. Критерии оценки эффективности реализации
        # программы») that nothing else contests: the end of a programme cut from its start.
        return "program", [h for h in hits if h.label == "program"]
    short = best == "regulation" and SHORT_REGULATION_CUES <= totals[best] < BODY_GENRE_WEAK
    if best in ("regulation", "plan") and (totals[best] >= BODY_GENRE_WEAK or short) and totals[best] >= 2.5 * second:
        # Needs structure too: clause numbering for a regulation (a web page may also say «наставник
        # назначается приказом»), three dated table rows for a plan.
        cues = lexicon.CLAUSE_CUES if best == "regulation" else lexicon.TABLE_ROW_CUES
        structural = [pos for pos, _ in _score_hits_with_pos(prep, cues) if prep.line_of(pos) not in listed]
        if short:
            # A short excerpt's three clauses («2.5. Наставничество в Школе организуется в формах: …»,
            # «2.6. Наставляемые …») make a regulation's part when mentoring is what they are about,
            # not one item of a pay regulation's list or a programme's module.
            structural = [pos for pos in structural
                          if lexicon.MENTORING_TITLE_RE.search(_line_match(prep, prep.line_of(pos)))]
        if len(structural) >= (2 if best == "regulation" else 3):
            return best, [h for h in hits if h.label == best]
    return None, hits


def _names_one_pair(prep: Prepared) -> bool:
    """Whether the top of the text names one mentor and one mentee as labelled fields, or its
    end has the two of them sign it («Наставник ______ Ковалев П.А.» / «Наставляемый ______ …»)."""
    if not prep.lines:
        return False
    top = prep.text[:prep.span_of_lines(0, 24)[1]]
    if all(p.search(top) for p in lexicon.PAIR_FIELD_RES):
        return True
    end = prep.text[prep.span_of_lines(max(0, len(prep.lines) - 6), len(prep.lines) - 1)[0]:]
    return all(p.search(end) for p in lexicon.PAIR_SIGNATURE_RES)


ONE_MENTEE_ROWS = 2      # mentions of one mentee (or the pair's one mentor) that make an untitled plan the pair's
FORM_PAIRS_NAMED = 2     # forms of mentoring a regulation's excerpt names, to be about mentoring


def _one_mentee_plan(prep: Prepared) -> bool:
    """Whether a plan's rows speak of one mentee, more often than of the mentors or mentees at large.

    A blank form's fields («ФИО наставника ______») are nobody's rows: lines with blanks do not count.
    """
    rows = [_line_match(prep, i) for i in range(len(prep.lines)) if "___" not in prep.lines[i]]
    one = sum(len(lexicon.ONE_MENTEE_RE.findall(row)) for row in rows)
    # (two rows at least: a school's plan of methodical work has one «Закрепление наставника за
    # молодым специалистом» among its rows)
    rows_of_one = sum(1 for row in rows if lexicon.ONE_MENTEE_RE.search(row))
    return rows_of_one >= ONE_MENTEE_ROWS and one > sum(len(lexicon.MANY_MENTEES_RE.findall(row)) for row in rows)


def _mentoring_doc_type(genre: str, title_match: str, one_pair: bool = False) -> str | None:
    """Map a genre to the audit's doc_type, given the (mentoring) title.

    A plan for one named pair (``one_pair``) is that pair's personalised programme, whatever
    its heading calls it; a plan for all the school's mentors is the roadmap.
    """
    if lexicon.REPORT_TITLE_RE.search(title_match) and genre != "order":
        return None
    if genre == "regulation":
        if re.search(r"конкурс|смотр|фестивал|чемпионат|премир|поощрени", title_match):
            return None
        return "regulation"
    if genre == "order":
        return "order"
    if genre == "plan":
        # One young teacher's plan, or one pair's, is their programme; the school's plan of
        # measures (for all its young teachers: «План работы с молодыми специалистами», «Комплекс
        # мер по поддержке молодых педагогов») is its road map, as two labellers of real and
        # written texts read it independently.
        return "program" if one_pair or lexicon.INDIVIDUAL_RE.search(title_match) else "roadmap"
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
        if not prep.lines[head.index][:1].isupper():
            continue    # «• приказ о закреплении наставнических пар»: an item of a list, not an annex's heading
        context = " ".join(_line_match(prep, j) for j in range(max(0, head.index - 6), head.index))
        annex_like = ("приложени" in context or "утвержд" in context or prep.lines[head.index].split()[0].isupper())
        if not annex_like:
            continue
        title, _, last, _ = head_title(prep, head, blocks)
        title_match = to_match(title or head.line)
        if lexicon.TEMPLATE_TITLE_RE.search(title_match) or not _title_about_mentoring(title_match):
            continue
        below = prep.match[slice(*prep.span_of_lines(last + 1, last + 6))] if last + 1 < len(prep.lines) else ""
        if len(_BLANK_FIELD_RE.findall(below)) >= 2:
            continue    # a blank form annexed to a regulation («Ф.И.О. наставника ______») is no one's programme
        kind = _mentoring_doc_type(head.genre, title_match)
        if kind and kind != doc_type and kind not in found:
            found.append(kind)
            quotes.append(quote_span(prep.text, *prep.span_of_lines(head.index, last)))
    return found, quotes


def _second_opinion(prep: Prepared, doc_type: str, audience: str, about: bool, genre_source: str,
                    confidence: float, issuer: str, model: TextModel | None = None, order_acts: bool = False
                    ) -> tuple[Prediction, str, str, bool, float, str] | None:
    """The text model's verdict where the rules are unsure:
    (prediction, doc_type, audience, about, confidence, issuer).

    Three cases, and only these: a mentoring text whose kind the rules could not tell (no heading
    found: an excerpt, a flattened or OCR'd text); a mentoring regulation whose audience they
    could not tell; a weak verdict of the rules that the model contradicts with some strength.
    A heading the rules read stays decisive. The model never names an issuer: asked to call pages
    external, it called school pages about the Year of the Teacher external as often as it was right.
    """
    undecided_kind = about and doc_type == "other" and genre_source != "head"
    undecided_audience = about and doc_type == "regulation" and audience == "unknown"
    weak = confidence < RULES_WEAK and genre_source not in ("head", "weak")
    if not (undecided_kind or undecided_audience or weak):
        return None
    if undecided_kind and _has_byline(prep):
        return None     # an author's article on a teachers' portal: its words are a document's words
    model = model or default_model()
    if model is None:
        return None
    p = model.predict(prep.text, cleaned=True)     # prepare() has cleaned it already
    if p.known_features < MODEL_MIN_FEATURES:
        return None     # a garbled text layer or a few words: too little for the model to read
    share = round(min(0.8, 0.4 + 0.5 * p.probability), 2)
    if undecided_audience:
        staff, students = p.probabilities.get("staff_regulation", 0.0), p.probabilities.get("students_regulation", 0.0)
        if max(staff, students) >= MODEL_NAMES_KIND / 2:
            return p, doc_type, ("teachers" if staff >= students else "students"), about, min(confidence, share), issuer
        return None
    if p.audit_class in _MODEL_KINDS and (
            (undecided_kind and p.probability >= MODEL_NAMES_KIND) or (weak and p.probability >= MODEL_OVERRULES)) \
            and _body_shows(prep, _MODEL_KINDS[p.audit_class][0]):
        kind, side = _MODEL_KINDS[p.audit_class]
        if audience != "unknown":
            # Whose document it is, the rules read from what it says («как в отношении
            # педагогов, так и в отношении обучающихся»); the model only names the kind.
            side = audience
        return p, kind, side, True, share, issuer
    if weak and p.audit_class == "other" and p.probability >= MODEL_UNNAMES_KIND and doc_type != "other" \
            and not order_acts:
        # (an operative clause that acts on mentoring, «2. Закрепить наставником …», is quoted
        # evidence; the words of the order's other clauses do not outweigh it)
        return p, "other", audience, about, share, issuer
    return None


def _has_byline(prep: Prepared) -> bool:
    head = "\n".join(prep.lines[:lexicon.BYLINE_LINES]) + "\n"
    return lexicon.PUBLICATION_BYLINE_RE.search(head) is not None


def _top_end(prep: Prepared, lines: int) -> int:
    """Where the text's first ``lines`` lines end (in ``prep.match``)."""
    return prep.line_starts[lines] if len(prep.lines) > lines else len(prep.match)


def _scholarly_article(prep: Prepared) -> str:
    """The quote that marks a scholarly article in the text's first lines, or ""."""
    end = _top_end(prep, lexicon.SCHOLARLY_HEAD_LINES)
    head = prep.match[:end]
    if not any(word in head for word in lexicon.SCHOLARLY_ARTICLE_WORDS):
        return ""
    found = lexicon.SCHOLARLY_ARTICLE_RE.search(prep.match, 0, end)
    return quote_span(prep.text, found.start(), found.end()) if found else ""


def _media_report(prep: Prepared) -> str:
    """The quote that marks a media outlet's report (attribution, a press office's photo, a
    newsroom's «Отметим»), or ""."""
    found = next(lexicon.MEDIA_REPORT_RE.finditer(prep.match), None)
    if found is None or _published_by_authority(prep) is not None or _authority_site_header(prep) is not None:
        return ""     # an authority's own page may credit its own press office
    return quote_span(prep.text, found.start(), found.end())


def _authority_site_header(prep: Prepared) -> re.Match[str] | None:
    """The education authority's name heading the page as its site's header («Управление
    образования администрации города Канска» over the breadcrumbs), or None."""
    for i in range(min(SITE_HEADER_LINES, len(prep.lines))):
        found = lexicon.AUTHORITY_BODY_RE.match(prep.match, prep.line_starts[i])
        if found is not None:
            return found
    return None


SITE_HEADER_LINES = 2
SITE_HEADER_CHARS = 300


def _authority_page_on_mentoring(prep: Prepared, m_score: float) -> bool:
    """An authority's page, by its site, that speaks of mentors or of its young teachers' support.

    The Year of the Teacher and Mentor named in passing («Год педагога и наставника!» over a
    contest's deadlines) says nothing of mentoring; a school's own voice makes it a school's page.
    An administration's site also relays what is no education's (a prosecutor on the Labour Code's
    mentors at work) and stores what others wrote (a reference service's article).
    """
    if lexicon.OWN_SCHOOL_VOICE_RE.search(prep.match) or not lexicon.EDUCATION_WORD_RE.search(prep.match) \
            or lexicon.ADVICE_ARTICLE_RE.search(prep.match):
        return False
    if lexicon.YOUNG_STAFF_TITLE_RE.search(prep.match[:_top_end(prep, YOUNG_STAFF_LEAD_LINES)]):
        return True
    if m_score <= 0:
        return False
    if lexicon.YEAR_OF_MENTOR_EVENT_RE.search(prep.match[:_top_end(prep, YEAR_EVENT_LEAD_LINES)]):
        return True     # its headline: the authority's ceremony of the Year
    if not lexicon.YEAR_OF_MENTOR_RE.search(prep.match):
        return True
    return _mentoring_score(prepare(lexicon.YEAR_OF_MENTOR_RE.sub(" ", prep.match)))[0] > 0


def _territory_level(prep: Prepared) -> str:
    """Whether a territory's text is a region's or a municipality's, by which it names more (a tie: the region's)."""
    regional = len(lexicon.AUTHORITY_REGION_RE.findall(prep.match))
    local = len(lexicon.AUTHORITY_LOCAL_RE.findall(prep.match))
    return "regional" if regional >= local else "municipal"


def _published_by_authority(prep: Prepared) -> re.Match[str] | None:
    """An authority's copyright line or own voice on a page with no word of the page's own school.

    A page with no document in it names schools as its news' subjects («Директор гимназии № 131
    назвал …»); who speaks is the publisher, not the schools it speaks of.
    """
    if lexicon.OWN_SCHOOL_VOICE_RE.search(prep.match):
        return None
    found = next((m for m in lexicon.PUBLISHER_AUTHORITY_RE.finditer(prep.match)
                  if not _inside_quoted_speech(prep.match, m.start())), None)
    if found is None and "руководител" in prep.match:
        found = lexicon.ASKS_HEADS_OF_SCHOOLS_RE.search(prep.match)
    if found is None:
        # the site's own header: «Комитет по образованию администрации … округа» over the breadcrumbs
        # (a regional platform heads a school's site with its founders' chain, «Департамент
        # образования … области / Отдел образования … района / … «Старо-Турянская СОШ»»: the school
        # named under them is the site's)
        found = _authority_site_header(prep)
        if found is not None:
            below = prep.match[found.end():prep.span_of_lines(0, min(len(prep.lines), SITE_HEADER_LINES + 2) - 1)[1]]
            # (nor is the federal ministry's own site a territory's)
            if lexicon.SCHOOL_NAME_RE.search(below[:SITE_HEADER_CHARS]) \
                    or lexicon.FEDERAL_BODY_RE.match(prep.match, found.start()):
                found = None
    return found


def _inside_quoted_speech(text: str, pos: int) -> bool:
    """Whether `pos` (in a prepared text, its quotes straightened) is inside a quoted speech
    («Наш Центр активно работает с регионами …», — отметил …): the speaker's «наш», not the
    page's publisher's. A body's or event's name in quotes is short; a speech is a sentence."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text.count('"', line_start, pos)
    if before % 2 == 0:
        return False
    opened = text.rfind('"', line_start, pos)
    closed = text.find('"', pos)
    line_end = text.find("\n", pos)
    return closed >= 0 and (line_end < 0 or closed < line_end) and closed - opened >= QUOTED_SPEECH_CHARS


QUOTED_SPEECH_CHARS = 60


def _many_institutions(prep: Prepared) -> re.Match[str] | None:
    """A page's report on many institutions: a list of schools' numbers («из ОУ № 2, 5, 9, 14»), or
    three institutions named apart (winners' pairs of several kindergartens); None if it has none.

    A school's own page names itself, and a partner or two at most; one that speaks of its own
    school («в нашей школе») reports on others as its guests, never for them.
    """
    if lexicon.OWN_SCHOOL_VOICE_RE.search(prep.match):
        return None
    # (found from its «№»: the institution's word before it is read only there)
    for listed in (lexicon.NUMBER_LIST_RE.finditer(prep.match) if "№" in prep.match else ()):
        if lexicon.INSTITUTION_BEFORE_NUMBERS_RE.search(prep.match, max(0, listed.start() - 30), listed.start()):
            return listed
    # (the count needs its municipality's word: looked for first, as plain words)
    counted = (lexicon.INSTITUTION_COUNT_RE.search(prep.match)
               if any(word in prep.match for word in lexicon.MUNICIPAL_SCOPE_WORDS) else None)
    if counted:
        return counted
    names = list(lexicon.INSTITUTION_NAME_RE.finditer(prep.match))
    if len({m.group(1) for m in names}) >= MANY_INSTITUTIONS:
        return names[0]
    return None


def _speaks_for_territory(prep: Prepared) -> list[str]:
    """Quotes showing a page speaks for a territory's schools, not for one school; [] if it does not.

    Its publisher's own words, or a report on many institutions, or two marks at least, one of
    them an event, body or the institutions of a whole territory (a body's name alone is usually
    a citation) on a page that names no school of its own.
    """
    publisher = _published_by_authority(prep)
    if publisher:
        return [quote_span(prep.text, publisher.start(), publisher.end())]
    if lexicon.OWN_SCHOOL_VOICE_RE.search(prep.match):
        return []
    many = _many_institutions(prep)
    if many is not None:
        return [quote_span(prep.text, many.start(), many.end())]
    if lexicon.NAMED_INSTITUTION_RE.search(prep.match):
        return []
    wide = list(lexicon.TERRITORY_WIDE_RE.finditer(prep.match))
    bodies = list(lexicon.AUTHORITY_BODY_RE.finditer(prep.match))
    if not wide or len(wide) + len(bodies) < 2:
        return []
    marks = sorted(wide + bodies, key=lambda m: m.start())
    return [quote_span(prep.text, m.start(), m.end()) for m in marks[:2]]


# Institutions named apart that make a page a report on a territory's, not one school's.
MANY_INSTITUTIONS = 3
MANY_INSTITUTIONS_VOTE = 4.0

# Lines at the top of a page where its lead names the contest it announces (below a site's
# widgets and breadcrumbs, and the item's title).
EVENT_LEAD_LINES = 8
# Characters at the top of an untitled text where an act states its subject.
OPENING_CHARS = 300

# Lines at the top of an untitled programme where its note names the young teachers it is for.
YOUNG_STAFF_LEAD_LINES = 12
YEAR_EVENT_LEAD_LINES = 1

# Lines at the top where an annex names the act it belongs to (below a legal portal's banner or
# a site's widgets, or wrapped in a narrow column).
ANNEX_LINES = 15


def _sections_name_another_subject(prep: Prepared) -> bool:
    """Whether two of the excerpt's numbered section headings name another body as its subject
    (the methodical association, the attestation commission) and none names mentoring."""
    if _names_mentoring_section(prep):
        return False
    return len(lexicon.OTHER_SUBJECT_SECTION_RE.findall(prep.match)) >= 2


def _one_module_among_many(prep: Prepared) -> bool:
    """Whether the excerpt's module headings («2.2.12. Модуль «Наставничество» (вариативный)») are
    three or more and one at most names mentoring: a programme of upbringing's modules."""
    modules = [m.group(0) for m in lexicon.MODULE_HEADING_RE.finditer(prep.match)]
    return len(modules) >= MODULES_OF_ANOTHER_PROGRAMME and sum("наставни" in m for m in modules) <= 1


MODULES_OF_ANOTHER_PROGRAMME = 3


def _outside_education(prep: Prepared, title_match: str) -> bool:
    """Mentoring of civil or municipal servants, in a company, or under another state's law.

    The title decides when it names such a service; otherwise the body must name such a service or
    a company twice and never speak of schools, teachers or pupils. A text that names another
    state twice and Russia never is that state's, even when it is about its teachers.
    """
    if (len(lexicon.FOREIGN_STATE_RE.findall(prep.match)) >= 2
            and not lexicon.RUSSIAN_STATE_RE.search(prep.match)):
        return True
    if title_match and (lexicon.OUTSIDE_EDUCATION_RE.search(title_match)
                        or lexicon.MENTORING_IN_A_BODY_RE.search(title_match)):
        return not lexicon.EDUCATION_RE.search(title_match)
    annex = lexicon.ANNEX_OF_ACT_RE.search(prep.match[:_top_end(prep, ANNEX_LINES)])
    if annex and lexicon.MENTORING_IN_A_BODY_RE.search(annex.group(0)) \
            and not lexicon.EDUCATION_RE.search(annex.group(0)):
        return True
    if not title_match:
        # No title found (a flattened layer): the act's subject at the top still says whose
        # mentoring it is («Об утверждении Положения о наставничестве в администрации Губернатора …»).
        body = lexicon.MENTORING_IN_A_BODY_RE.search(prep.match, 0, OPENING_CHARS)
        if body and not lexicon.EDUCATION_RE.search(prep.match, body.start(), body.end() + 120):
            return True
    # (a company's own course for its mentors, «Школа наставника», speaks of no school)
    if any(not lexicon.MENTORS_COURSE_RE.match(prep.match, m.start()) for m in lexicon.EDUCATION_RE.finditer(prep.match)):
        return False
    # (mentoring «в администрации …» named twice, as an act's title and its operative point do)
    named = sum(1 for _ in lexicon.OUTSIDE_EDUCATION_RE.finditer(prep.match)) + len(lexicon.MENTORING_IN_A_BODY_RE.findall(prep.match))
    return named >= 2 or len(lexicon.COMPANY_RE.findall(prep.match)) >= 2


_BODY_GENRE = {"regulation": "regulation", "program": "program", "roadmap": "plan", "order": "order"}


def _body_shows(prep: Prepared, kind: str) -> bool:
    """Whether the body has at least one mark of that kind of document (a clause, «приказываю», a dated row).

    The model reads words, not structure: a web page or an article about mentoring uses a
    regulation's words. It may name the kind only of a text whose body is shaped like one.
    """
    genre = _BODY_GENRE[kind]
    total = sum(h.weight for _, h in _score_hits_with_pos(prep, lexicon.GENRE_BODY_CUES) if h.label == genre)
    if total >= 0.5:         # e.g. two numbered clauses, or a clause and an act's passive verb
        return True
    # One numbered sub-clause («4.2. Наставник …») is an act's own shape; one passive verb
    # («осуществляется») is any essay's too.
    return kind == "regulation" and bool(_score_hits_with_pos(prep, lexicon.CLAUSE_CUES))


def model_opinion(text: str) -> dict | None:
    """What the text model alone says of a text, with the features that decided it.

    `eduaudit classify` prints it for every file; the classification itself asks the model only
    where the rules are unsure.
    """
    model = default_model()
    if model is None or not (text or "").strip():
        return None
    p = model.predict(text)
    return {"audit_class": p.audit_class, "probability": round(p.probability, 3), "deciding": p.deciding,
            "known_features": p.known_features}


def _weak_signals(filename: str | None, link_text: str | None, page_title: str | None,
                  card_name: str | None = None) -> dict:
    """Genre/audience/mentoring votes from file name, link text, page title and a file card's
    transliterated name at the top of the text."""
    votes: dict[str, float] = {}
    quotes: list[str] = []
    title_match = ""
    for source in (link_text, page_title, filename, card_name):
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
             page_title: str | None = None, url: str | None = None, school_site: str | None = None,
             model: TextModel | None = None, rules_only: bool = False) -> Classification:
    """Classify a document's text (a whole file or an excerpt of one).

    `url`, where the text was found, tells an education authority's site from others: its
    pages with no document in them are the authority's, where the text names no publisher.
    `school_site`, the school's own site as a registry gives it, makes a page found on it the
    school's, however its host is named (a school's site on its department's domain).
    `model` replaces the shipped text model (scripts use it to score a model trained without
    the texts being scored); `rules_only` leaves the text model out (what the rules read alone).
    """
    prep = prepare(text or "")
    card_name = card_file_name(prep)
    own_site = same_host(url, school_site)
    site = None if own_site else authority_site(url)
    weak = _weak_signals(filename, link_text, page_title, card_name)
    thin = prep.letter_count < SHORT_TEXT_LETTERS

    blocks = approval_block_lines(prep)
    listed = listed_title_lines(prep, blocks)
    heads = find_heads(prep, blocks, listed)
    head = _past_card_name(prep, heads, _past_label_head(prep, heads, main_head(heads, prep, blocks), blocks), blocks)
    if head is not None and _names_its_document(prep, head):
        head = None     # the acknowledgement sheet at a document's end: the body says what it ends
    elif head is not None and not blocks and head.genre in ("program", "plan", "regulation") \
            and _lists_files(prep, head.index):
        head = None     # a site's section page: its heading over a list of files to download
    parent = _parent_above_annex(prep, blocks)
    if head is not None and parent is not None and parent[2] < head.index:
        head = None     # an annex's own title under the annex line: the file is the document above it
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
    elif parent is not None:
        # The end of a document over its annex («… 5.4. Программа реализуется …» / «Приложение 1 к
        # Программе …» / «Дорожная карта …»): the file is the document the annex names.
        genre, genre_source = parent[0], "body"
        genre_quotes = [parent[1]]
    elif (roster := _order_pairs_annex(prep)) is not None:
        # The pairs an order fixes, annexed to it: the order's own part, whatever dated cells say.
        genre, genre_source = "order", "body"
        genre_quotes = [roster]
    else:
        body_genre, body_hits = _genre_from_body(prep, listed)
        if body_genre:
            genre, genre_source = body_genre, "body"
            genre_quotes = _best_quotes(body_hits, body_genre, 2)
    weak_votes = weak["votes"]
    m_score, m_hits = _mentoring_score(prep)
    if genre is None and (thin or m_score == 0 or card_name):
        # Nothing readable (empty, a few words, or a garbage text layer): fall back to the link.
        # So does an excerpt under its file's transliterated name («polozhenie_nastavnichestvo.pdf»):
        # the name is the document's own, as a heading would be.
        weak_genres = {g: weak_votes.get(g, 0.0) for g in ("order", "regulation", "plan", "program", "other")}
        if weak_votes.get("report"):
            weak_genres["other"] += weak_votes["report"]
        best = max(weak_genres, key=lambda g: weak_genres[g])
        if weak_genres[best] > 0:
            genre, genre_source = best, "weak"
            genre_quotes = weak["quotes"][:1]
    # a page with no document on an authority's site that speaks of education's mentoring
    site_page = site is not None and genre is None and _authority_page_on_mentoring(prep, m_score)

    # 2. About mentoring: the title decides; otherwise the density of mentoring words.
    density = m_score * 1000.0 / max(len(prep.text), 1000)
    if title_match and len(title_match.split()) <= 2 and not _title_about_mentoring(title_match):
        title_match = ""      # a bare «Положение»/«Приказ №5»: the title says nothing, the body decides
    if title_match and lexicon.TOPICLESS_TITLE_RE.match(title_match):
        title_match = ""      # «Письмо», «Извлечение из рекомендаций Минпросвещения»: no topic named
    if title_match:
        about = _title_about_mentoring(title_match)
        if about and genre in ("order", "plan") and lexicon.YEAR_OF_MENTOR_RE.search(title_match) \
                and not _title_about_mentoring(lexicon.YEAR_OF_MENTOR_RE.sub(" ", title_match)):
            # «Об утверждении плана мероприятий, посвящённых Году педагога и наставника»: concerts
            # and contests of the Year, not the mentoring system (a territory's: see below)
            about = False
        if not about and genre in ("program", "plan") and lexicon.YOUNG_STAFF_TITLE_RE.search(title_match) \
                and (genre == "program" or m_score > 0):
            # «Программа "Школа молодого специалиста"», «План работы с молодыми педагогами» whose
            # rows send them to their mentors: supporting young teachers is what the teachers'
            # mentoring system does, whether or not the title says «наставничество». A plan that
            # never names a mentor is the methodical service's, not the mentoring system's.
            about = True
        if not about and genre == "regulation" and lexicon.YOUNG_STAFF_TITLE_RE.search(title_match) \
                and lexicon.MENTOR_ASSIGNMENT_RE.search(prep.match):
            # «Положение о работе с молодыми специалистами» that assigns them mentors regulates the
            # teachers' mentoring; one that only runs a school of young teachers does not.
            about = True
        about_source = "title"
        if not about and m_score >= DENSE_MENTORING_SCORE and density >= DENSE_MENTORING_DENSITY:
            # The title does not say it (OCR garbled it, or «План работы с молодыми специалистами»),
            # but mentoring is named every few lines: the body overrules it.
            about, about_source = True, "body"
    elif info.number and lexicon.FEDERAL_OWN_NUMBER_RE.match(info.number):
        about, about_source = True, "body"    # the federal act on mentoring itself (3273-р, Р-145)
    else:
        # A short untitled excerpt needs fewer mentoring words if they are dense enough; a document
        # that names its own subject («Настоящее Положение об организации наставничества …») says it.
        # So does a section heading of a regulation's excerpt («3. Организационные основы наставничества»).
        about = ((m_score >= 6 and density >= 1.0) or (m_score >= 4 and density >= 4.0)
                 or (genre is not None and bool(lexicon.SELF_TOPIC_MENTORING_RE.search(prep.match)))
                 # a regulation's clauses on how mentors are chosen and assigned are its subject, and
                 # so are its definitions of the mentor and the mentee and its clauses on the forms
                 # of mentoring («4.2. Форма «ученик – ученик» …»)
                 or (genre == "regulation" and m_score >= 2
                     and (bool(lexicon.MENTOR_ASSIGNMENT_RE.search(prep.match))
                          or bool(lexicon.MENTOR_DEFINITION_RE.search(prep.match))
                          or len(lexicon.MENTORING_FORM_PAIR_RE.findall(prep.match)) >= FORM_PAIRS_NAMED))
                 or (genre == "regulation" and _names_mentoring_section(prep)))
        about_source = "body"
    if about and about_source == "body" and not title_match \
            and (_sections_name_another_subject(prep) or _one_module_among_many(prep)):
        # A regulation on the methodical association with one clause on mentoring young teachers:
        # its own section headings say what it regulates.
        about = False
    if about and _outside_education(prep, title_match):
        about, about_source = False, "outside"
        m_hits = []
    if not about and genre == "order" and about_source != "outside":
        # «Об организации методической работы»: the order may still pair mentors or name a curator.
        acts = _score(prep, lexicon.ORDER_ACTION_CUES, None)
        if acts:
            about, about_source = True, "order-acts"
            m_hits = acts + m_hits
    if not about and genre == "program" and genre_source == "body" and not title_match \
            and lexicon.YOUNG_STAFF_TITLE_RE.search(prep.match[:_top_end(prep, YOUNG_STAFF_LEAD_LINES)]):
        # An untitled programme whose explanatory note opens on the young teachers («Период
        # вхождения молодого педагога в профессию …»): as «Программа адаптации молодых
        # специалистов» under its title, supporting them is what the teachers' mentoring does.
        about, about_source = True, "body"
    named_pair = _names_one_pair(prep)
    one_pair = named_pair or (genre == "plan" and genre_source == "body" and not title_match
                              and _one_mentee_plan(prep))
    if not about and genre in ("plan", "program") and one_pair and (m_score > 0 or named_pair):
        # «План индивидуального развития молодого педагога» with «Наставник: …» in its header, or
        # an untitled plan whose rows send one young teacher to the mentor's lessons.
        about, about_source = True, "body"
    if not about and genre is None and m_score > 0 and about_source != "outside" \
            and (_published_by_authority(prep) is not None or _many_institutions(prep) is not None):
        # An education authority's own page that speaks of mentors at all (its news on the Year
        # of the Teacher and Mentor, its mentors' council, its seminar for young teachers of many
        # schools) is its page about mentoring.
        about, about_source = True, "body"
    elif not about and about_source != "outside" and site_page:
        # ... and so is such a page of its site that names no publisher at all («В Методическом
        # центре открылась Школа молодого учителя»): the address says whose it is.
        about, about_source = True, "body"
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
        mapped = _mentoring_doc_type(genre, type_title, one_pair)
        if mapped:
            doc_type = mapped

    # 4. Audience: only meaningful for mentoring documents.
    if about:
        weak_aud: list[_Hit] = []
        if thin or genre_source == "weak" or about_source == "weak":
            for side in ("teachers", "students"):
                if weak_votes.get(side):
                    weak_aud.append(_Hit(side, weak_votes[side], weak["quotes"][0] if weak["quotes"] else ""))
        audience, audience_quotes, clarity = _audience(prep, zones, weak_aud, genre)
    else:
        audience, audience_quotes, clarity = "unknown", [], 1.0

    # 5. Issuer and metadata.
    issuer, issuer_quotes = _issuer(prep, zones, head, blocks, info.number)
    if doc_type == "program" and title_match and lexicon.COURSE_PROGRAMME_RE.search(title_match):
        if issuer not in ("municipal", "regional"):
            # A course for mentors is its further-training body's offer, whoever attends it: with
            # the body's name it is the body's programme, without it no school's.
            doc_type = "other"
        elif lexicon.PAID_COURSE_RE.search(prep.match):
            # ... and one sold on its page is a company's offer, under whatever institute's name
            doc_type, issuer, issuer_quotes = "other", "unknown", []
    if doc_type != "other" and issuer not in ("municipal", "regional") and title_match \
            and lexicon.SAMPLE_TITLE_RE.search(title_match):
        # «Приказ о наставничестве в школе: образец 2024 года»: an advice site's sample is nobody's
        # act (an authority's model with blanks for the school's name is the authority's).
        doc_type = "other"
    if not about and issuer in ("municipal", "regional") and title_match \
            and lexicon.MENTORING_EVENT_RE.search(title_match) and lexicon.MENTORING_TITLE_RE.search(title_match):
        # A school's contest for its mentors is no part of its mentoring system; a territory's
        # contest, council or day of mentors is how its authority runs its own.
        about, about_source = True, "title"
        mentoring_quotes = [quote_span(prep.text, *zones.title)] if zones and zones.title else mentoring_quotes
    elif not about and genre is None and issuer == "unknown" and about_source != "outside":
        # The same announced by a page with no document: its lead names a contest of mentors held
        # for many institutions' staff («стартует конкурс педагогов образовательных организаций
        # «Педагог – наставник»»).
        lead = lexicon.MENTORING_EVENT_RE.search(prep.match[:_top_end(prep, EVENT_LEAD_LINES)])
        if lead and lexicon.CONTEST_FOR_INSTITUTIONS_RE.search(prep.match) and _speaks_for_territory(prep):
            about, about_source = True, "body"
            mentoring_quotes = [prep.quote(lead.start(), lead.end())]
    scholarly = _scholarly_article(prep)
    if scholarly:
        # Whatever its title names, a journal's article is nobody's document: no kind, no issuer
        # (the authors' schools and centres are their affiliations), nothing annexed.
        doc_type, issuer, issuer_quotes = "other", "unknown", [scholarly]
        evidence.append(SCHOLARLY_REASON)
    # (an authority's site carries the same «Читайте также», share buttons and comments as a newsroom's)
    media = _media_report(prep) if genre is None and not scholarly and site is None else ""
    if media:
        # A newsroom's retelling of an authority's event is nobody's page about its mentoring:
        # the body it quotes is its source, not its publisher.
        issuer, issuer_quotes = "unknown", [media]
        evidence.append(MEDIA_REASON)
    contains: list[str] = []
    contains_quotes: list[str] = []
    if about and prep.text and not scholarly:
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
    garbled = not about and not title_match and looks_garbled(prep.text)
    if garbled:
        # A text layer whose Russian letters came out as Latin look-alikes and digits
        # («HacraBHr4qecrBa»): what it is cannot be read from it, so no verdict is confident.
        confidence = min(confidence, 0.25)
        evidence.append(GARBLED_REASON)
    confidence = round(max(0.05, min(0.99, confidence)), 2)

    second = None if thin or rules_only or scholarly else _second_opinion(prep, doc_type, audience, about, genre_source, confidence,
                                               issuer, model, order_acts=about_source == "order-acts")
    if second is not None:
        prediction, doc_type, audience, about, confidence, issuer = second
        evidence.append(prediction.reason())
    elif about and doc_type == "other" and not scholarly and site_page and issuer in ("unknown", "school"):
        # No document, on an authority's site, in no school's own voice: the authority's page (a
        # school named in it is where its event took place, not who speaks).
        issuer, issuer_quotes = site.level, [site.quote()]
        confidence = min(confidence, 0.6)
    elif about and doc_type == "other" and genre is None and not scholarly and not media \
            and (issuer == "unknown" or (issuer == "school" and (_published_by_authority(prep) is not None
                                                                 or _many_institutions(prep) is not None))) \
            and (territory_quotes := _speaks_for_territory(prep)):
        # No document, but a page of a territory's education system about its mentoring (a
        # department's news, a town's council of mentors): the authority's, not a school's.
        issuer, issuer_quotes = _territory_level(prep), territory_quotes
        confidence = min(confidence, 0.6)
    elif about and doc_type == "other" and genre is None and not scholarly:
        # About mentoring, but of no kind the rules or the model can name: say so, never guess.
        evidence.append(UNDECIDED_REASON)
        confidence = min(confidence, 0.4)
    if doc_type == "other" and genre is None and issuer in ("municipal", "regional") \
            and (school_host := (own_site or institution_site(url))) and not _published_by_authority(prep):
        # A page with no document on a school's own site (its section reposting the region's news
        # of its mentoring model) is the school's page, whatever territory it speaks of; only the
        # authority's own signature («© Управление образования …») would make it the authority's.
        issuer, issuer_quotes = "school", [f"сайт образовательной организации: {school_host}"]
    elif doc_type == "other" and genre is None and issuer in ("municipal", "regional") and site is None \
            and (news_host := newsroom_site(url)):
        # ... and one on a newsroom's site is the newsroom's retelling, whatever body it quotes or
        # whose words it prints.
        issuer, issuer_quotes = "unknown", [f"сайт средства массовой информации: {news_host}"]

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
