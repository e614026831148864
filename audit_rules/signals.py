"""Consistency and formalism signals: things the operator should look at, never a verdict.

A signal is not a rule: it does not pass or fail a school, it is not counted in the
coverage figures, and one school can carry several (one per group of copied documents).
So signals live in their own table (``signals``), next to the findings, computed from the
same stored evidence by ``eduaudit audit`` / ``crawl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audit_rules.base import SCHOOL, SchoolEvidence

PAIRS_PROGRAMMES = "signal.pairs_programmes"
NEAR_DUPLICATE = "signal.near_duplicate"

TITLES = {
    PAIRS_PROGRAMMES: "Пар наставников больше, чем персонализированных программ",
    NEAR_DUPLICATE: "Один и тот же текст у нескольких школ муниципалитета",
}
BASIS = {
    PAIRS_PROGRAMMES: "Методические рекомендации (письмо № АЗ-1128/08/657 от 21.12.2021): персонализированная "
                      "программа наставничества разрабатывается для каждой наставнической пары (группы)",
    NEAR_DUPLICATE: "Признак формального внедрения: типовой документ с заменённым названием школы",
}


@dataclass
class Signal:
    signal_id: str
    school_id: str
    key: str               # tells apart several signals of one kind for one school
    detail: str            # Russian, for the operator
    evidence_url: str = ""
    evidence_text: str = ""
    fetched_at: str = ""
    related: list[dict] = field(default_factory=list)

    @property
    def title(self) -> str:
        return TITLES.get(self.signal_id, self.signal_id)


def compute_signals(evidences: list[SchoolEvidence]) -> list[Signal]:
    """Every signal of a run; schools only (an authority publishes the models schools copy)."""
    from audit_rules.signals_duplicates import near_duplicates
    from audit_rules.signals_pairs import pairs_against_programmes

    schools = [e for e in evidences if e.kind == SCHOOL]
    out: list[Signal] = []
    for evidence in schools:
        out += pairs_against_programmes(evidence)
    out += near_duplicates(schools)
    return sorted(out, key=lambda s: (s.school_id, s.signal_id, s.key))
