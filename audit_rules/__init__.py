"""Audit rules: one module per rule, each exposing ``RULE``; plus the document classifier.

A new rule is one new module in this package with a ``RULE`` object; it is
picked up by :func:`all_rules` without touching any other file.
"""

from __future__ import annotations

import importlib
import pkgutil

RULESET_VERSION = "2026.12-20"

# The order reports show rules in; rules not listed come after, by id.
ORDER = ("site.reachable", "section.documents", "section.mentoring",
         "doc.regulation", "doc.roadmap", "doc.order", "doc.program", "site.moved",
         "doc.freshness", "doc.readable", "doc.signed",
         "mun.regulation", "mun.plan", "mun.coordinator")


def all_rules(kind: str | None = None) -> list:
    """Every rule, in report order; with `kind` ("school" or "municipality") only the rules of that pack."""
    rules = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if rule is not None and (kind is None or kind in rule.applies_to):
            rules.append(rule)
    rank = {rule_id: i for i, rule_id in enumerate(ORDER)}
    return sorted(rules, key=lambda r: (rank.get(r.id, len(rank)), r.id))
