"""Kinds of educational organisations in a registry, and telling them by name.

An operator's list of "schools" holds kindergartens, colleges, centres of
supplementary education and the municipal education authorities as well. The
audit's school rule pack is written for general-education schools, so the kind
decides what a row is checked against:

- ``school`` — general education (СОШ, гимназия, лицей, школа-интернат…): the school pack;
- ``municipality`` — a municipal education authority: its own pack (``mun.*`` rules);
- ``kindergarten``, ``college``, ``supplementary`` — not audited unless asked for with
  ``--kinds``; then they get the school pack.
"""

from __future__ import annotations

import re

SCHOOL, MUNICIPALITY = "school", "municipality"
KINDERGARTEN, COLLEGE, SUPPLEMENTARY = "kindergarten", "college", "supplementary"
ORGANISATION_KINDS = (SCHOOL, KINDERGARTEN, COLLEGE, SUPPLEMENTARY, MUNICIPALITY)
# Audited when the user does not say otherwise: what the rule packs are written for.
DEFAULT_AUDITED = (SCHOOL, MUNICIPALITY)

KIND_RU = {SCHOOL: "школа", KINDERGARTEN: "детский сад", COLLEGE: "колледж, техникум",
           SUPPLEMENTARY: "дополнительное образование", MUNICIPALITY: "орган управления образованием"}
KIND_RU_PLURAL = {SCHOOL: "школы", KINDERGARTEN: "детские сады", COLLEGE: "колледжи и техникумы",
                  SUPPLEMENTARY: "дополнительное образование", MUNICIPALITY: "органы управления образованием"}

# Checked in this order: the first that matches decides. A «детская школа искусств» is
# supplementary education although it says «школа»; a «начальная школа – детский сад»
# is a general-education school although it says «детский сад».
_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    (MUNICIPALITY, re.compile(r"municipality|authority|муниципалитет|орган\w* управлени|управлени\w* образовани|"
                              r"отдел\w* (?:по )?образовани|комитет\w* (?:по )?образовани|"
                              r"департамент\w* (?:по )?образовани")),
    (SUPPLEMENTARY, re.compile(r"supplementary|дополнительн\w* образовани|\bм[а-я]{0,3}у до\b|\bс?дюсш|"
                               r"\bдши\b|\bдхш\b|\bдмш\b|школ\w* искусств|музыкальн\w* школ|"
                               r"художественн\w* школ|спортивн\w* школ|дом\w* (?:детского )?творчеств|"
                               r"двор\w* (?:детского )?творчеств|станци\w* юн|центр\w* детского творчеств|"
                               r"\bддт\b|\bцдо\b|\bцдт\b")),
    (COLLEGE, re.compile(r"college|колледж|техникум|училищ|\b\w*поу\b|профессиональн\w* образовательн")),
    # «МБДОУ» is a preschool institution whatever else its name says.
    (KINDERGARTEN, re.compile(r"kindergarten|\b\w*доу\b|дошкольн\w* образовательн\w* (?:учреждени|организаци)")),
    (SCHOOL, re.compile(r"school|школ|гимназ|лице[йя]|общеобразоват|интернат|кадет|центр образования|"
                        r"\bсош\b|\bоош\b|\bнош\b|\bсш\b|\bош\b|\bцо\b")),
    (KINDERGARTEN, re.compile(r"детск\w* сад|\bясли")),
)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


def kind_from_words(text: str) -> str | None:
    """The kind a text names («Детский сад», «Управление образования», «СОШ»), or None."""
    folded = _fold(text)
    for kind, pattern in _PATTERNS:
        if pattern.search(folded):
            return kind
    return None


def guess_kind(name: str) -> str:
    """The kind of an organisation judged by its name; ``school`` when the name does not say."""
    return kind_from_words(name) or SCHOOL


def parse_kinds(value: str) -> tuple[str, ...]:
    """``--kinds`` («school,kindergarten» or Russian words) → kinds; ValueError names an unknown one."""
    kinds = []
    for part in (p.strip() for p in re.split(r"[,;]", value or "")):
        if not part:
            continue
        kind = part if part in ORGANISATION_KINDS else kind_from_words(part)
        if kind is None:
            raise ValueError(f"неизвестный вид организации «{part}» (ожидается один из: "
                             f"{', '.join(ORGANISATION_KINDS)})")
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)
