"""The figures of a run, defined once: every output (XLSX, CSV, HTML, Markdown, DOCX,
the Datasette queries and the notebooks) counts with this module.

- Schools only: municipal education authorities are judged by their own pack and
  reported in their own table, never counted among the schools.
- A finding «не удалось проверить» (error) is its own count and stays out of the
  percentage's denominator: a school whose site did not answer has not been shown
  to lack anything.
- One rounding: to a whole percent, half up (5/8 → 63 %, 3/8 → 38 %), in integers,
  so that Python and SQLite (whose round() rounds halves away from zero) agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

import pandas as pd

from audit_rules.base import ERROR, MUNICIPALITY, PASS
from eduaudit.reports.russian import of_checked, unreachable_phrase


def percent(passed: int, checked: int) -> int | None:
    """Whole percent, half up; None when nothing could be checked."""
    if checked <= 0:
        return None
    return (200 * passed + checked) // (2 * checked)


def percent_text(value: int | None) -> str:
    return "—" if value is None else f"{value} %"


@dataclass(frozen=True)
class Share:
    """How many schools meet a rule, among those whose sites could be checked."""

    rule_id: str
    title: str
    passed: int
    checked: int          # schools with a verdict (pass, fail, warn)
    unchecked: int = 0    # schools whose site could not be checked for this rule

    @property
    def schools(self) -> int:
        return self.checked + self.unchecked

    @property
    def total(self) -> int:
        """The denominator of the percentage (kept under this name for the templates)."""
        return self.checked

    @property
    def percent(self) -> int | None:
        return percent(self.passed, self.checked)

    @property
    def percent_text(self) -> str:
        return percent_text(self.percent)

    def denominator_text(self) -> str:
        """«из 6 проверенных; 3 сайта не удалось проверить»."""
        text = of_checked(self.checked)
        if self.unchecked:
            text += "; " + unreachable_phrase(self.unchecked)
        return text

    def text(self) -> str:
        """«5 из 6 проверенных, 83 %; 3 сайта не удалось проверить»."""
        head = f"{self.passed} {of_checked(self.checked)}, {self.percent_text}"
        return head + ("; " + unreachable_phrase(self.unchecked) if self.unchecked else "")


def schools_only(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings of schools: the rows of municipal authorities (kind = municipality) left out."""
    if "kind" not in findings.columns:
        return findings
    return findings[findings["kind"].fillna("") != MUNICIPALITY]


def share(findings: pd.DataFrame, rule_id: str, title: str = "") -> Share:
    """The share of one rule over the given (school) findings."""
    return shares(findings, [SimpleNamespace(id=rule_id, title=title)])[0]


def shares(findings: pd.DataFrame, rules: list, municipality: str | None = None) -> list[Share]:
    """One Share per rule (objects with `id` and `title`), for the region or one municipality."""
    frame = findings if municipality is None else findings[findings["municipality"] == municipality]
    # One pass over the rows: the reports ask for every municipality's shares, and a
    # comparison of the whole frame per rule was most of the time a report took.
    tally = Counter(zip(frame["rule_id"].tolist(), frame["status"].tolist()))
    totals = Counter(frame["rule_id"].tolist())
    return [Share(rule.id, rule.title or rule.id, passed=tally[(rule.id, PASS)],
                  checked=totals[rule.id] - tally[(rule.id, ERROR)], unchecked=tally[(rule.id, ERROR)])
            for rule in rules]


def unchecked_schools(findings: pd.DataFrame) -> set[str]:
    """Schools none of whose rules could be checked, except the site's own reachability."""
    rest = findings[findings["rule_id"] != "site.reachable"]
    if rest.empty:
        return set()
    # every school of the frame but those with one verdict that is not an error
    return set(rest["school_id"]) - set(rest.loc[rest["status"] != ERROR, "school_id"])


def coverage_rows(findings: pd.DataFrame, rules: list) -> list[tuple[str | None, int, list[Share]]]:
    """(municipality, schools, shares) per municipality in name order, then (None, …) for the region."""
    findings = schools_only(findings)
    out = []
    for municipality in sorted(findings["municipality"].dropna().unique()):
        local = findings[findings["municipality"] == municipality]
        out.append((municipality, int(local["school_id"].nunique()), shares(local, rules)))
    out.append((None, int(findings["school_id"].nunique()), shares(findings, rules)))
    return out


# The same definition in SQL for the Datasette queries and the notebooks:
# schools only, errors out of the denominator, whole percent half up.
SCHOOL_FINDINGS_SQL = ("findings f join schools s on s.run_id = f.run_id and s.school_id = f.school_id "
                       "and coalesce(s.kind, '') != 'municipality'")
PASSED_SQL = "sum(f.status = 'pass')"
CHECKED_SQL = "sum(f.status != 'error')"
UNCHECKED_SQL = "sum(f.status = 'error')"
PERCENT_SQL = (f"case when {CHECKED_SQL} > 0 then cast(round(100.0 * {PASSED_SQL} / {CHECKED_SQL}) as integer) "
               "end")
