"""Texts of the documents that demo school sites publish.

``make_document(kind, school, rng)`` writes one document of the given kind for the given school.
The texts imitate what Smolensk schools really publish: approval blocks, numbered clauses, legal
references, and the usual confusion between teachers' mentoring (3273-р, АЗ-1128/08/657) and the
students' target model (Р-145). See ``texts.base`` for the paragraph conventions (tabs = table cells,
newlines = line breaks inside one block).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from .texts import general, orders, plans, regulations
from .texts.base import Ctx, DocumentSpec, SchoolInfo, signature_stamp

__all__ = ["SchoolInfo", "DocumentSpec", "KINDS", "MENTORING_KINDS", "make_document"]

# kind -> (issuer, audience, tied to an academic year, builder)
_Builder = Callable[[Ctx], tuple]
_SCHOOL_KINDS: dict[str, tuple[str, str, bool, _Builder]] = {
    "teacher_regulation": ("school", "teachers", False, regulations.teacher_regulation),
    "mixed_regulation": ("school", "both", False, regulations.mixed_regulation),
    "student_regulation": ("school", "students", False, regulations.student_regulation),
    "order_regulation": ("school", "teachers", False, None),  # needs the annex flag
    "order_pairs": ("school", "teachers", True, orders.order_pairs),
    "order_curator": ("school", "teachers", True, orders.order_curator),
    "roadmap": ("school", "teachers", True, plans.roadmap),
    "personal_program": ("school", "teachers", True, plans.personal_program),
    "student_program": ("school", "students", True, plans.student_program),
    "mentoring_report": ("school", "teachers", True, plans.mentoring_report),
    "charter": ("school", "unknown", False, general.charter),
    "students_rules": ("school", "unknown", False, general.students_rules),
    "labour_rules": ("school", "unknown", False, general.labour_rules),
    "collective_agreement": ("school", "unknown", False, general.collective_agreement),
    "self_evaluation_report": ("school", "unknown", False, general.self_evaluation_report),
    "admission_rules": ("school", "unknown", False, general.admission_rules),
    "local_act_other": ("school", "unknown", False, general.local_act_other),
    "order_other": ("school", "unknown", False, orders.order_other),
    "plan_other": ("school", "unknown", True, plans.plan_other),
    "program_other": ("school", "unknown", False, general.program_other),
}
_SHARED_KINDS = {
    "municipal_regulation": ("municipal", "teachers", False),
    "municipal_plan": ("municipal", "teachers", True),
    "regional_order": ("regional", "teachers", False),
    "municipal_coordinator_order": ("municipal", "teachers", True),
}

KINDS: tuple[str, ...] = tuple(_SCHOOL_KINDS) + tuple(_SHARED_KINDS)
MENTORING_KINDS: frozenset[str] = frozenset({
    "teacher_regulation", "mixed_regulation", "student_regulation", "order_regulation", "order_pairs",
    "order_curator", "roadmap", "personal_program", "student_program", "mentoring_report",
    "municipal_regulation", "municipal_plan", "regional_order", "municipal_coordinator_order",
})

# Teachers' mentoring documents cluster around the 2022 deadline; the rest spread over recent years.
_DEFAULT_YEARS = {
    "teacher_regulation": (2021, 2022, 2022, 2022, 2023, 2023, 2024),
    "order_regulation": (2021, 2022, 2022, 2022, 2023, 2023, 2024),
    "mixed_regulation": (2020, 2021, 2022, 2023),
    "student_regulation": (2020, 2020, 2021, 2021, 2022),
    "municipal_regulation": (2022, 2022, 2023),
    "regional_order": (2023,),
    "charter": (2015, 2017, 2019, 2021, 2023),
}
_RECENT_YEARS = (2022, 2023, 2024, 2024, 2025, 2025)


def make_document(kind: str, school: SchoolInfo, rng: random.Random, *, year: int | None = None,
                  with_regulation_annex: bool = False, blank_school_name: bool = False) -> DocumentSpec:
    """Write one document of ``kind`` for ``school``.

    ``year`` is the start year of the academic year in which the document is dated: the date falls
    between late August of ``year`` and June of ``year + 1``; for year-bound documents the academic
    year is ``f"{year}/{year + 1}"``. Without it a plausible year is drawn from ``rng``.
    ``with_regulation_annex`` (order_regulation only) appends the regulation as «Приложение к приказу».
    ``blank_school_name`` leaves «______» where a municipal template expects the school name.
    Municipal and regional documents depend only on the authority and the year (every school of a
    district reposts the same text), not on ``rng``.
    """
    if kind in _SHARED_KINDS:
        return _shared_document(kind, school, year)
    if kind not in _SCHOOL_KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    issuer, audience, year_bound, builder = _SCHOOL_KINDS[kind]
    if year is None:
        year = rng.choice(_DEFAULT_YEARS.get(kind, _RECENT_YEARS))
    ctx = Ctx(school, rng, year, blank_school_name)
    if kind == "order_regulation":
        title, paras, date, number = orders.order_regulation(ctx, with_regulation_annex)
    else:
        title, paras, date, number = builder(ctx)
    stamp = None
    if not blank_school_name and rng.random() < 0.35:
        stamp = signature_stamp(ctx, date)
    return DocumentSpec(kind=kind, title=title, paragraphs=paras, issuer=issuer, audience=audience,
                        date=date, number=number, academic_year=ctx.academic_year if year_bound else None,
                        signature_stamp=stamp)


def _shared_document(kind: str, school: SchoolInfo, year: int | None) -> DocumentSpec:
    issuer, audience, year_bound = _SHARED_KINDS[kind]
    key = school.authority if issuer == "municipal" else "Смоленская область"
    local = random.Random(f"{kind}|{key}|{year}")
    if year is None:
        year = local.choice(_DEFAULT_YEARS.get(kind, (2022, 2023, 2024)))
    ctx = Ctx(school, local, year, False)
    if kind == "municipal_regulation":
        title, paras, date, number = regulations.municipal_regulation(ctx, school.authority, school.municipality)
    elif kind == "municipal_plan":
        title, paras, date, number = plans.municipal_plan(ctx, school.authority, school.municipality)
    elif kind == "municipal_coordinator_order":
        title, paras, date, number = orders.municipal_coordinator_order(ctx, school.authority, school.municipality)
    else:
        title, paras, date, number = orders.regional_order(ctx)
    return DocumentSpec(kind=kind, title=title, paragraphs=paras, issuer=issuer, audience=audience,
                        date=date, number=number, academic_year=ctx.academic_year if year_bound else None,
                        signature_stamp=None)
