"""Academic years (September to August) of a run and of a document.

A year is named by its start: 2025 stands for the 2025/2026 academic year.
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import ClassifiedDocument, SchoolEvidence


def label(start: int) -> str:
    return f"{start}/{start + 1}"


def _parse_date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def of_day(day: dt.date) -> int:
    """The academic year a calendar day falls in: September to August."""
    return day.year if day.month >= 9 else day.year - 1


def current(evidence: SchoolEvidence) -> int:
    """The academic year of the run: from its start date, else the site's fetch time.

    Taking it from stored dates, not the clock, keeps a re-judged past crawl stable.
    """
    for value in (evidence.run_started_at, (evidence.site or {}).get("fetched_at", "")):
        day = _parse_date(value or "")
        if day is not None:
            return of_day(day)
    return of_day(dt.date.today())


def of_document(doc: ClassifiedDocument) -> tuple[int | None, str]:
    """(start year, how it was found) for a document; (None, "") when nothing tells.

    The year the text names («на 2025/2026 учебный год») wins. Failing that the approval
    date counts: plans are approved at the August teachers' council for the coming year,
    so a date from August on belongs to the academic year that starts then.
    """
    if doc.academic_year:
        try:
            start = int(doc.academic_year[:4])
        except ValueError:
            start = None
        if start is not None:
            return start, f"в тексте указан {label(start)} учебный год"
    day = _parse_date(doc.date)
    if day is not None:
        start = day.year if day.month >= 8 else day.year - 1
        return start, f"утверждён {day.strftime('%d.%m.%Y')} (учебный год {label(start)})"
    return None, ""
