"""`eduaudit extract`: extract (again) the text of a stored run's documents."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("extract")
@click.option("--db", type=click.Path(path_type=Path), help="Файл базы SQLite (по умолчанию OUT/eduaudit.db).")
@click.option("--out", default=Path("results"), type=click.Path(path_type=Path), show_default=True)
@click.option("--run", "run", type=int, help="Номер запуска (по умолчанию последний).")
@click.option("--force", is_flag=True,
              help="Извлечь заново и уже извлечённые документы (кэш по SHA-256 не используется).")
@click.option("--full", is_flag=True,
              help="Распознать все страницы сканов, включая те, что были пропущены, когда вид документа "
                   "стал ясен по первым страницам.")
@click.option("--workers", type=int, help="Процессов для извлечения (по умолчанию по числу ядер).")
@click.option("--audit/--no-audit", "then_audit", default=False, show_default=True,
              help="После извлечения заново классифицировать документы и применить правила.")
def extract_command(db, out, run, force, full, workers, then_audit):
    """Извлечь текст документов сохранённого обхода (после улучшения извлечения — с --force)."""
    from eduaudit import stages
    from eduaudit.cli_common import open_store, resolve_run

    store = open_store(db, out)
    run_id = resolve_run(store, run)
    count = stages.extract(store, run_id, workers=workers, force=force, ocr="all-pages" if full else "focused")
    summary = store.db.execute(
        "select e.status, count(*) from extractions e where e.sha256 in "
        "(select sha256 from documents where run_id = ? union "
        " select sha256 from pages where run_id = ? and role in ({})) group by e.status".format(
            ",".join("?" for _ in stages.PAGE_DOCUMENT_ROLES)),
        [run_id, run_id, *stages.PAGE_DOCUMENT_ROLES]).fetchall()
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(summary)) or "нет документов"
    click.echo(f"Запуск {run_id}: извлечено документов {count} ({statuses}).", err=True)
    if then_audit:
        stages.classify(store, run_id)
        findings = stages.judge(store, run_id)
        click.echo(f"Запуск {run_id}: {findings} результатов проверки пересчитано.", err=True)
    elif count:
        click.echo(f"Чтобы обновить результаты проверки: eduaudit audit --run {run_id}", err=True)
