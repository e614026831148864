"""Click commands for reports, run-to-run changes, Datasette and scheduled re-crawls.

Registered on the main `eduaudit` group in eduaudit/cli.py.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import click

from eduaudit.cli_common import DEFAULT_OUT, open_store, resolve_run
from eduaudit.registry_commands import schools_to_audit


db_option = click.option("--db", type=click.Path(path_type=Path), help="Файл базы (по умолчанию OUT/eduaudit.db).")


@click.command("report")
@db_option
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True,
              help="Папка результатов (где лежит база).")
@click.option("--run", "run", type=int, help="Номер запуска (по умолчанию последний).")
@click.option("--reports-dir", type=click.Path(path_type=Path),
              help="Куда писать отчёты (по умолчанию OUT/reports/run-N).")
@click.option("--compare-with", type=int, help="С каким запуском сравнивать (по умолчанию с предыдущим).")
@click.option("--no-compare", is_flag=True, help="Не сравнивать с прошлой проверкой.")
@click.option("--baseline", metavar="FILE|N",
              help="С чем сравнить в справке otchet.docx: CSV по муниципалитетам (МО;ОО;С положением) или номер "
                   "прошлой проверки (по умолчанию — ручной мониторинг 27.03–04.04.2023).")
@click.option("--deadline", metavar="ДД.ММ.ГГГГ",
              help="Срок ответа в письмах координаторам letters/ (по умолчанию через две недели после проверки).")
@click.option("--contact", default="", help="К кому обращаться: строка в конце писем координаторам.")
def report_command(db, out, run, reports_dir, compare_with, no_compare, baseline, deadline, contact):
    """Записать отчёты: svod.xlsx, otchet.docx, gaps/, letters/, index.html, summary.md, coverage.csv/xlsx."""
    from eduaudit.reports.build import write_reports
    from eduaudit.reports.data import load_run
    from eduaudit.reports.letters import parse_deadline
    from eduaudit.reports.russian import count
    from eduaudit.reports.note import baseline_from_run, read_baseline

    try:
        due = parse_deadline(deadline) if deadline else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--deadline") from None
    store = open_store(db, out)
    run_id = resolve_run(store, run)
    target = Path(reports_dir) if reports_dir else Path(out) / "reports" / f"run-{run_id}"
    earlier = None
    if baseline and Path(baseline).is_file():
        earlier = read_baseline(baseline)
    elif baseline and baseline.isdigit():
        earlier = baseline_from_run(load_run(store, resolve_run(store, int(baseline))))
    elif baseline:
        raise click.BadParameter(f"нет ни файла, ни проверки с номером «{baseline}»", param_hint="--baseline")
    reports = write_reports(store, run_id, target, compare_with=compare_with, compare=not no_compare,
                            baseline=earlier, deadline=due, contact=contact)
    for path in (reports.svod, reports.note, reports.summary, reports.dashboard, *reports.coverage):
        click.echo(str(path))
    click.echo(f"{target / 'gaps'} ({count(len(reports.gaps), 'муниципалитет')})")
    click.echo(f"{target / 'letters'} (письма координаторам: {len(reports.letters)})")
    if reports.diff_json:
        click.echo(str(reports.diff_json))


@click.command("diff")
@click.argument("run_a", type=int)
@click.argument("run_b", type=int)
@db_option
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff_command(run_a, run_b, db, out, fmt):
    """Что изменилось между запусками RUN_A и RUN_B: вердикты, документы, структура сайтов."""
    from audit_rules import all_rules
    from eduaudit.diff import diff_runs, format_text, school_names

    store = open_store(db, out)
    for run_id in (run_a, run_b):
        if not store.db["runs"].count_where("id = ?", [run_id]):
            raise click.ClickException(f"запуск {run_id} не найден")
    result = diff_runs(store, run_a, run_b)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        names = school_names(store, (run_a, run_b))
        click.echo(format_text(result, names, {r.id: r.title for r in all_rules()}))


@click.command("browse")
@db_option
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Адрес для прослушивания (по умолчанию только этот компьютер).")
@click.option("--port", default=8001, show_default=True)
def browse_command(db, out, host, port):
    """Открыть базу результатов в Datasette (просмотр, фильтры, SQL, готовые запросы)."""
    from eduaudit.browse import run_until_stopped, serve, write_metadata

    store = open_store(db, out)
    with tempfile.TemporaryDirectory(prefix="eduaudit-browse-") as tmp:
        metadata = write_metadata(store.path, Path(tmp) / "metadata.json")
        click.echo(f"Datasette: http://{host}:{port}/ (Ctrl+C — остановить)", err=True)
        code = run_until_stopped(serve(store.path, metadata, host=host, port=port))
    # Leaving the `with` removed the temporary folder, whichever way Datasette stopped.
    raise SystemExit(code)


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("дата в виде ГГГГ-ММ-ДД") from None


@click.command("schedule")
@click.option("--registry", required=True, type=click.Path(path_type=Path), help="CSV-реестр школ.")
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--kind", type=click.Choice(["cron", "systemd"]), default="cron", show_default=True)
@click.option("--at", "at", default="03:00", show_default=True, help="Время запуска ЧЧ:ММ.")
@click.option("--every", type=click.Choice(["daily", "weekly"]), default="weekly", show_default=True)
@click.option("--weekday", type=click.Choice(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), default="mon",
              show_default=True)
@click.option("--deadline", callback=_parse_date, help="Срок отчёта ГГГГ-ММ-ДД: проверять ежедневно перед ним.")
@click.option("--days", default=14, show_default=True, help="Сколько дней до срока проверять ежедневно.")
@click.option("--keep-runs", type=int, default=3, show_default=True,
              help="Хранить файлы документов последних N запусков (старые удаляются, записи остаются).")
@click.option("--name", default="eduaudit", show_default=True, help="Имя задания (таймера).")
@click.option("--install", is_flag=True, help="Установить (crontab пользователя или systemd --user), а не только вывести.")
@click.option("--unit-dir", type=click.Path(path_type=Path), help="Папка для юнитов systemd при --install.")
@click.option("--no-enable", is_flag=True, help="С --install для systemd: записать юниты, но не включать таймер.")
def schedule_command(registry, out, kind, at, every, weekday, deadline, days, keep_runs, name, install,
                     unit_dir, no_enable):
    """Вывести или установить расписание повторных проверок (cron или таймер systemd)."""
    from eduaudit import schedule as sch

    try:
        plan = sch.Plan(at=at, every=every, weekday=weekday, deadline=deadline, days=days)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    command = sch.job_command(registry, out, plan=plan, keep_runs=keep_runs)
    workdir = Path.cwd()
    if kind == "cron":
        log_file = Path(out).resolve() / "logs" / "scheduled.log"
        block = sch.cron_entries(plan, command, workdir=workdir, log_file=log_file, name=name)
        if install:
            Path(log_file).parent.mkdir(parents=True, exist_ok=True)
            sch.install_cron(block, name=name)
            click.echo("Задание добавлено в crontab:", err=True)
        click.echo(block, nl=False)
        return
    units = sch.systemd_units(plan, command, workdir=workdir, name=name)
    if install:
        paths = sch.install_systemd(units, unit_dir, enable=not no_enable, name=name)
        click.echo("Записано: " + ", ".join(str(p) for p in paths), err=True)
    for filename, text in units.items():
        click.echo(f"# --- {filename}")
        click.echo(text)


@click.command("scheduled-run")
@click.option("--registry", required=True, type=click.Path(path_type=Path))
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--deadline", callback=_parse_date, help="Работать только в окне перед сроком.")
@click.option("--days", default=14, show_default=True)
@click.option("--keep-runs", type=int, help="Удалить файлы документов, на которые ссылаются только старые запуски.")
@click.option("--resolve", multiple=True, metavar="PATTERN=IP")
@click.option("--delay", type=float)
def scheduled_run_command(registry, out, deadline, days, keep_runs, resolve, delay):
    """Повторная проверка по расписанию: обход и проверка, отчёты, очистка старых файлов (под блокировкой)."""
    from eduaudit import schedule as sch
    from eduaudit.runlock import RunLocked, run_lock

    if not sch.in_window(deadline, days):
        click.echo(f"Вне окна перед сроком {deadline}: проверка не нужна.", err=True)
        return
    out = Path(out)
    try:
        with run_lock(out, what="scheduled-run"):
            _scheduled_run(registry, out, keep_runs, resolve, delay)
    except RunLocked as exc:
        raise click.ClickException(str(exc)) from None


def _scheduled_run(registry: Path, out: Path, keep_runs: int | None, resolve, delay) -> None:
    from eduaudit.audit_run import run_audit
    from eduaudit.reports.build import write_reports
    from eduaudit.schedule import prune_blobs
    from eduaudit.store import Store

    schools = schools_to_audit(registry, quiet=True)
    db = out / "eduaudit.db"
    run_id = run_audit(registry, db, out, resolve=tuple(resolve), delay=delay, quiet=True, schools=schools)
    store = Store(db)
    reports = write_reports(store, run_id, out / "reports" / f"run-{run_id}")
    click.echo(f"Запуск {run_id} завершён; отчёты: {reports.out_dir}")
    if keep_runs:
        pruned = prune_blobs(store, keep_runs)
        click.echo(f"Удалено файлов старых запусков: {pruned.files_deleted} ({pruned.bytes_freed} байт)")

