"""Expert decisions that override a rule's verdict and survive re-crawls.

An override is kept with the evidence it was made on: the SHA-256 of the page or
document the finding pointed to (or, for a finding that points at nothing stored,
a hash of its URL and text). A later judgement applies the override while that
fingerprint is unchanged; when the evidence changed, the computed verdict stands
and the finding is flagged for the expert to review.

This package is what judging needs (``eduaudit.stages`` applies the overrides);
recording a decision, which re-judges the finding, is in :mod:`eduaudit.overrides.command`
(``eduaudit override``, also ``python -m eduaudit.overrides``).
"""

from __future__ import annotations

import hashlib
import json
from audit_rules.base import FAIL, PASS, STATUS_RU, WARN
from eduaudit.store import Store

STATUSES = (PASS, FAIL, WARN)


def evidence_shas(store: Store, run_id: int, school_id: str, url: str) -> list[str]:
    """SHA-256 of what was stored under ``url`` for the school in the run (document or page)."""
    if not url:
        return []
    shas = {r[0] for r in store.db.execute(
        "select sha256 from documents where run_id = ? and school_id = ? and url = ? and sha256 is not null",
        [run_id, school_id, url])}
    shas |= {r[0] for r in store.db.execute(
        "select sha256 from pages where run_id = ? and school_id = ? and url = ? and sha256 is not null",
        [run_id, school_id, url])}
    if not shas:
        # A document reached under several addresses is classified under one of them.
        for sha, urls in store.db.execute(
                "select sha256, urls from classifications where run_id = ? and school_id = ?",
                [run_id, school_id]):
            if url in json.loads(urls or "[]"):
                shas.add(sha)
    return sorted(shas)


def fingerprint(store: Store, run_id: int, school_id: str, evidence_url: str,
                evidence_text: str) -> tuple[str, list[str]]:
    """(fingerprint, SHA-256 list) of the evidence a finding rests on."""
    shas = evidence_shas(store, run_id, school_id, evidence_url)
    if shas:
        return "sha256:" + ",".join(shas), shas
    digest = hashlib.sha256(f"{evidence_url}\n{evidence_text}".encode("utf-8")).hexdigest()
    return "text:" + digest, []


def latest_overrides(store: Store) -> dict[tuple[str, str], dict]:
    """The newest override of each (school, rule): a later decision replaces an earlier one."""
    latest: dict[tuple[str, str], dict] = {}
    for row in store.db.query("select * from overrides order by id"):
        latest[(row["school_id"], row["rule_id"])] = row
    return latest


def _decision(override: dict) -> str:
    return f"{override['by']}, {(override['created_at'] or '')[:10]}"


def apply_overrides(store: Store, run_id: int, rows: list[dict]) -> None:
    """Give finding rows (as judge() stores them) their override status or stale flag, in place.

    The store is read here; what an override does to a finding is ``overridden``, a pure function.
    """
    overrides = latest_overrides(store)
    for row in rows:
        override = overrides.get((row["school_id"], row["rule_id"]))
        current = None
        if override is not None:
            current, _ = fingerprint(store, run_id, row["school_id"], row["evidence_url"], row["evidence_text"])
        row.update(overridden(row, override, current))


def overridden(row: dict, override: dict | None, current_fingerprint: str | None) -> dict:
    """The finding row with the expert's decision applied (a new dict; ``row`` is left as it is).

    The decision stands while the evidence's fingerprint is the one it was made on; otherwise
    the computed verdict stands and the row is flagged for review.
    """
    row = dict(row)
    row.setdefault("computed_status", row["status"])
    row["overridden"], row["override_stale"] = 0, 0
    if override is None:
        return row
    computed = row["computed_status"]
    if current_fingerprint == override["fingerprint"]:
        row["status"] = override["status"]
        row["overridden"] = 1
        row["detail"] = (f"Решение эксперта: {override['reason']} ({_decision(override)}). "
                         f"Автоматическая проверка: {STATUS_RU.get(computed, computed)}. {row['detail']}")
    else:
        row["override_stale"] = 1
        row["detail"] = (f"{row['detail']} Решение эксперта «{STATUS_RU.get(override['status'])}» "
                         f"({_decision(override)}) требует пересмотра: доказательства изменились "
                         "после его принятия.")
    return row
