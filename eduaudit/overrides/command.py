"""Recording an expert's decision: ``eduaudit override`` (also ``python -m eduaudit.overrides``).

Recording re-judges the one finding from stored evidence, so it needs the stages of a
run; the fingerprints and applying overrides, which judging itself needs, are in
:mod:`eduaudit.overrides`, below the stages.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from audit_rules import all_rules
from audit_rules.base import STATUS_RU
from eduaudit import stages
from eduaudit.cli_common import open_store, resolve_run
from eduaudit.overrides import STATUSES, apply_overrides, fingerprint
from eduaudit.store import Store, utcnow


def record_override(store: Store, run_id: int, school_id: str, rule_id: str, status: str,
                    reason: str, by: str) -> dict:
    """Store an expert decision on the finding of ``run_id`` and apply it to that finding."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    finding = next(store.db.query(
        "select * from findings where run_id = ? and school_id = ? and rule_id = ?",
        [run_id, school_id, rule_id]), None)
    if finding is None:
        raise LookupError(f"нет результата проверки {rule_id} для {school_id} в запуске {run_id}")
    computed = finding.get("computed_status") or finding["status"]
    evidence_print, shas = fingerprint(store, run_id, school_id, finding["evidence_url"] or "",
                                     finding["evidence_text"] or "")
    override = {"school_id": school_id, "rule_id": rule_id, "status": status, "reason": reason,
                "by": by, "created_at": utcnow(), "run_id": run_id, "original_status": computed,
                "evidence_url": finding["evidence_url"] or "", "evidence_text": finding["evidence_text"] or "",
                "evidence_sha256": json.dumps(shas), "fingerprint": evidence_print}
    table = store.db["overrides"]
    table.insert(override)
    override["id"] = table.last_pk
    _rejudge_one(store, run_id, school_id, rule_id)
    return override


def _rejudge_one(store: Store, run_id: int, school_id: str, rule_id: str) -> None:
    """Recompute one finding from stored evidence, so its override text is not stacked on an old one."""
    rule = next((r for r in all_rules() if r.id == rule_id), None)
    evidence = next((e for e in stages.load_evidence(store, run_id) if e.school["school_id"] == school_id), None)
    if rule is None or evidence is None:
        return
    row = stages.finding_row(run_id, evidence, rule.evaluate(evidence))
    apply_overrides(store, run_id, [row])
    store.db["findings"].upsert(row, pk=("run_id", "school_id", "rule_id"))


@click.command("override")
@click.argument("school_id")
@click.argument("rule_id")
@click.option("--status", required=True, type=click.Choice(STATUSES), help="Решение эксперта.")
@click.option("--reason", required=True, help="Почему (увидят в отчётах и в explain).")
@click.option("--by", "by", required=True, help="Кто принял решение.")
@click.option("--run", "run", type=int, help="Запуск, на доказательствах которого принято решение (по умолчанию последний).")
@click.option("--db", type=click.Path(path_type=Path), help="Файл базы SQLite (по умолчанию OUT/eduaudit.db).")
@click.option("--out", default=Path("results"), type=click.Path(path_type=Path), show_default=True)
def override_command(school_id, rule_id, status, reason, by, run, db, out):
    """Записать решение эксперта по результату проверки; оно сохраняется при повторных обходах,
    пока доказательства не изменятся."""
    store = open_store(db, out)
    run_id = resolve_run(store, run)
    try:
        override = record_override(store, run_id, school_id, rule_id, status, reason.strip(), by.strip())
    except LookupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Решение записано (№ {override['id']}): {school_id} {rule_id} — "
               f"{STATUS_RU[status]} (автоматически: {STATUS_RU.get(override['original_status'])}); "
               f"доказательство: {override['evidence_url'] or 'нет адреса'}")
