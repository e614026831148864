"""Expert decisions that override a rule's verdict and survive re-crawls.

An override is kept with the evidence it was made on: the SHA-256 of the page or
document the finding pointed to (or, for a finding that points at nothing stored,
a hash of its URL and text). A later judgement applies the override while that
fingerprint is unchanged; when the evidence changed, the computed verdict stands
and the finding is flagged for the expert to review.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import click

from audit_rules.base import FAIL, PASS, STATUS_RU, WARN
from eduaudit.store import Store, utcnow
from eduaudit.cli_common import open_store, resolve_run

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
    """Give finding rows (as judge() stores them) their override status or stale flag, in place."""
    overrides = latest_overrides(store)
    for row in rows:
        row.setdefault("computed_status", row["status"])
        row["overridden"], row["override_stale"] = 0, 0
        override = overrides.get((row["school_id"], row["rule_id"]))
        if override is None:
            continue
        current, _ = fingerprint(store, run_id, row["school_id"], row["evidence_url"], row["evidence_text"])
        computed = row["computed_status"]
        if current == override["fingerprint"]:
            row["status"] = override["status"]
            row["overridden"] = 1
            row["detail"] = (f"Решение эксперта: {override['reason']} ({_decision(override)}). "
                             f"Автоматическая проверка: {STATUS_RU.get(computed, computed)}. {row['detail']}")
        else:
            row["override_stale"] = 1
            row["detail"] = (f"{row['detail']} Решение эксперта «{STATUS_RU.get(override['status'])}» "
                             f"({_decision(override)}) требует пересмотра: доказательства изменились "
                             "после его принятия.")


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
    from audit_rules import all_rules
    from eduaudit import stages

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


if __name__ == "__main__":
    override_command()
