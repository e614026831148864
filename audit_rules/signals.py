"""Consistency and formalism signals: things the operator should look at, never a verdict.

A signal is not a rule: it does not pass or fail a school, it is not counted in the
coverage figures, and one school can carry several (one per group of copied documents).
So signals live in their own table (``signals``), next to the findings, computed from the
same stored evidence by ``eduaudit audit`` / ``crawl``.
"""

from __future__ import annotations

from audit_rules.base import SCHOOL, SchoolEvidence
from audit_rules.signal_kinds import BASIS, NEAR_DUPLICATE, PAIRS_PROGRAMMES, TITLES, Signal
from audit_rules.signals_duplicates import near_duplicates
from audit_rules.signals_pairs import pairs_against_programmes

__all__ = ["BASIS", "NEAR_DUPLICATE", "PAIRS_PROGRAMMES", "TITLES", "Signal", "compute_signals"]


def compute_signals(evidences: list[SchoolEvidence]) -> list[Signal]:
    """Every signal of a run; schools only (an authority publishes the models schools copy)."""
    schools = [e for e in evidences if e.kind == SCHOOL]
    out: list[Signal] = []
    for evidence in schools:
        out += pairs_against_programmes(evidence)
    out += near_duplicates(schools)
    return sorted(out, key=lambda s: (s.school_id, s.signal_id, s.key))
