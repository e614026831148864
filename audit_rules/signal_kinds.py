"""What a signal is: its kinds, their Russian titles and bases, and the record of one signal.

Kept apart from ``audit_rules.signals`` (which computes them from the detectors) so the
detectors (``signals_pairs``, ``signals_duplicates``) can build signals without importing the
module that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
