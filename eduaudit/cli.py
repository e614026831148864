"""The ``eduaudit`` command line."""

from __future__ import annotations

import csv
import importlib
import json
import sys
from pathlib import Path

import click

from eduaudit.cli_common import DEFAULT_OUT, db_path, open_store, resolve_run
from eduaudit.errors import SchemaTooNew
from eduaudit.registry_commands import COLUMNS_HELP, KINDS_HELP, options_or_fail, schools_to_audit

DEFAULT_CACHE = Path(".cache") / "demo-region"


# Every command of the CLI, by name: where it lives ("module:attribute"). This table is the one
# way a command is registered. A command is imported when it is asked for (or listed by --help),
# so `eduaudit crawl` starts without loading pandas and the extraction stack, which it needs only
# after the crawl: start-up counts in the time the sites are fetched in.
COMMANDS = {
    "crawl": "eduaudit.cli:crawl",
    "audit": "eduaudit.cli:audit",
    "findings": "eduaudit.cli:findings",
    "classify": "eduaudit.cli:classify_command",
    "export-warc": "eduaudit.cli:export_warc_command",
    "demo": "eduaudit.cli:demo",
    "registry": "eduaudit.registry_commands:registry_group",
    "extract": "eduaudit.extract_command:extract_command",
    "explain": "eduaudit.explain:explain_command",
    "override": "eduaudit.overrides.command:override_command",
    "report": "eduaudit.reports.commands:report_command",
    "diff": "eduaudit.reports.commands:diff_command",
    "browse": "eduaudit.reports.commands:browse_command",
    "schedule": "eduaudit.reports.commands:schedule_command",
    "scheduled-run": "eduaudit.reports.commands:scheduled_run_command",
}


class _Commands(click.Group):
    """The commands of ``COMMANDS``, each imported when first asked for."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name in COMMANDS and name not in self.commands:
            module, attribute = COMMANDS[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SchemaTooNew as exc:
            # one line for the user, whichever command opened the database
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Commands)
@click.version_option(package_name="eduaudit")
def main() -> None:
    """eduaudit: аудит сайтов школ — размещены ли документы системы наставничества."""


@click.command("crawl")
@click.option("--registry", required=True, type=click.Path(path_type=Path),
              help="Реестр школ: XLSX, ODS или CSV (проверяется, как в «eduaudit registry check»).")
@click.option("--columns", metavar="name=«…»,url=«…»", help=COLUMNS_HELP)
@click.option("--kinds", metavar="KIND,…", help=KINDS_HELP)
@click.option("--db", type=click.Path(path_type=Path), help="Файл базы SQLite (по умолчанию OUT/eduaudit.db).")
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True,
              help="Папка результатов.")
@click.option("--resolve", multiple=True, metavar="PATTERN=IP",
              help="Как curl --resolve: адрес для имён хостов по шаблону, например '*.test=127.0.0.1'.")
@click.option("--delay", type=float, help="Пауза между запросами к одному сайту, с.")
@click.option("--max-pages", default=40, show_default=True, help="Предел страниц на сайт.")
@click.option("--max-documents", default=80, show_default=True, help="Предел документов на сайт.")
@click.option("--workers", type=int, help="Процессов для извлечения текста (по умолчанию по числу ядер).")
@click.option("--quiet", is_flag=True, help="Без сообщений о ходе работы (для cron).")
@click.option("--unfocused", is_flag=True, hidden=True,
              help="Обходить сайты целиком (для сравнения в бенчмарке).")
@click.option("--resume", is_flag=True,
              help="Продолжить прерванный запуск этого реестра: готовые сайты не обходятся заново.")
@click.option("--crawl-processes", type=click.IntRange(min=1),
              help="Процессов обхода (по умолчанию по числу ядер, если сайтов не меньше 100 на процесс).")
@click.option("--ocr", type=click.Choice(["focused", "first-pages", "all-pages"]), default="focused",
              show_default=True,
              help="Распознавание сканов: focused — страницы по порядку, пока не ясен вид документа; "
                   "first-pages — первые три страницы целиком; all-pages — все страницы.")
@click.option("--extract-during-crawl/--extract-after-crawl", default=True, show_default=True,
              help="Извлекать текст документов во время обхода (с низким приоритетом) или только после него.")
def crawl(registry, columns, kinds, db, out, resolve, delay, max_pages, max_documents, workers, quiet, unfocused,
          resume, crawl_processes, ocr, extract_during_crawl):
    """Проверить реестр, обойти сайты из него, извлечь документы и проверить правила."""
    from eduaudit.audit_run import run_audit
    from eduaudit.runlock import RunLocked, run_lock

    columns, kinds = options_or_fail(columns, kinds)
    schools = schools_to_audit(registry, columns, kinds, quiet=quiet) if kinds is not None \
        else schools_to_audit(registry, columns, quiet=quiet)
    db = db_path(db, out)
    try:
        # Two runs on one results folder would interleave their rows: one at a time.
        with run_lock(db.parent, what="crawl"):
            run_id = run_audit(registry, db, out, resolve=resolve, delay=delay, max_pages=max_pages,
                               max_documents=max_documents, workers=workers, quiet=quiet, resume=resume,
                               focused=not unfocused, processes=crawl_processes, schools=schools, ocr=ocr,
                               extract_during_crawl=extract_during_crawl)
    except RunLocked as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        _print_summary(db, run_id)


@click.command("audit")
@click.option("--db", type=click.Path(path_type=Path))
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--run", "run", type=int, help="Номер запуска (по умолчанию последний).")
def audit(db, out, run):
    """Заново классифицировать документы и применить правила к сохранённому обходу."""
    from eduaudit import stages

    store = open_store(db, out)
    run_id = resolve_run(store, run)
    stages.extract(store, run_id)
    stages.classify(store, run_id)
    count = stages.judge(store, run_id)
    click.echo(f"Запуск {run_id}: {count} результатов проверки пересчитано.", err=True)


@click.command("findings")
@click.option("--db", type=click.Path(path_type=Path))
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--run", "run", type=int)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True,
              help="json — один массив; jsonl — по объекту в строке (как sqlite-utils --nl); csv — таблица.")
def findings(db, out, run, fmt):
    """Вывести результаты проверки последнего (или указанного) запуска."""
    store = open_store(db, out)
    run_id = resolve_run(store, run)
    rows = list(store.db.query(
        "select school_id, municipality, rule_id, status, evidence_url, evidence_text, fetched_at, "
        "detail, ruleset_version, run_id from findings where run_id = ? order by school_id, rule_id",
        [run_id]))
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["school_id"])
        writer.writeheader()
        writer.writerows(rows)


@click.command("classify")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--url", help="Адрес, по которому найдены файлы: страница без документа на сайте органа "
                            "управления образованием считается его страницей.")
def classify_command(paths, fmt, url):
    """Классифицировать файлы документов (PDF, DOCX, DOC, RTF, ODT, HTML, TXT).

    Адрес сохранённой веб-страницы берётся из неё самой (ссылка canonical, og:url или отметка
    браузера «saved from url»), если --url не задан.
    """
    from audit_rules.classifier import classify, model_opinion
    from eduaudit.extraction import extract_bytes
    from eduaudit.extraction.pageaddress import saved_page_address

    for path in paths:
        data = path.read_bytes()
        extraction = extract_bytes(data, filename=path.name)
        # a page saved from the browser records where it was found
        found_at = url or (saved_page_address(data) if extraction.format == "html" else None)
        result = classify(extraction.text, filename=path.name, url=found_at)
        record = {"path": str(path), "url": found_at, **result.to_dict(), "extraction_status": extraction.status,
                  "format": extraction.format, "ocr_used": extraction.ocr_used,
                  "model": model_opinion(extraction.text)}
        if extraction.error:
            record["extraction_error"] = extraction.error
        click.echo(json.dumps(record, ensure_ascii=False))


@click.command("export-warc")
@click.option("--db", type=click.Path(path_type=Path))
@click.option("--out", default=DEFAULT_OUT, type=click.Path(path_type=Path), show_default=True)
@click.option("--run", "run", type=int, help="Номер запуска (по умолчанию последний).")
@click.option("--output", type=click.Path(path_type=Path), help="Файл WARC (по умолчанию OUT/warc/run-N.warc.gz).")
def export_warc_command(db, out, run, output):
    """Записать все загруженные страницы и документы запуска в архив WARC (доказательства)."""
    from eduaudit.warc import export_warc

    store = open_store(db, out)
    run_id = resolve_run(store, run)
    output = output or Path(out) / "warc" / f"run-{run_id}.warc.gz"
    count = export_warc(store, run_id, output)
    click.echo(f"{output}: {count} записей")


@click.command("demo")
@click.option("--schools", default=340, show_default=True, help="Число школ демо-региона.")
@click.option("--seed", default=66, show_default=True, help="Зерно генератора (детерминированность).")
@click.option("--out", default=DEFAULT_OUT / "demo", type=click.Path(path_type=Path), show_default=True)
@click.option("--cache", default=DEFAULT_CACHE, type=click.Path(path_type=Path), show_default=True,
              help="Папка кэша сгенерированного региона.")
@click.option("--delay", default=0.2, show_default=True, help="Пауза между запросами к одному сайту, с.")
def demo(schools, seed, out, cache, delay):
    """Сгенерировать демо-регион, обойти его, проверить и построить отчёты."""
    try:
        import demo_region

        demo_region.require()
        from demo_region.generate import generate_region, write_registry
        from demo_region.server import RegionServer
    except ModuleNotFoundError as exc:
        # The demo region is the extra `demo`; an auditor installed without it says so in one line.
        raise click.ClickException(
            f"демо-регион не установлен (нет модуля {exc.name}). Установите его: "
            "pip install -e '.[demo]' (или make demo)") from None
    from eduaudit.audit_run import run_audit
    from eduaudit.reports.build import write_reports
    from eduaudit.store import Store

    click.echo(f"Генерация демо-региона ({schools} школ, seed {seed})…", err=True)
    region_dir = generate_region(Path(cache) / f"seed{seed}-n{schools}", seed=seed, n_schools=schools)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "eduaudit.db"
    with RegionServer(region_dir) as server:
        registry = out / "registry.csv"
        write_registry(region_dir, server.port, registry)
        click.echo(f"Демо-регион на 127.0.0.1:{server.port}; реестр: {registry}", err=True)
        run_id = run_audit(registry, db, out, resolve=("*.test=127.0.0.1",), delay=delay)
    store = Store(db)
    reports = write_reports(store, run_id, out / "reports" / f"run-{run_id}")
    click.echo(f"База результатов: {db}")
    for path in reports.paths():
        click.echo(f"Отчёт: {path}")
    _print_summary(db, run_id)


def _print_summary(db: Path, run_id: int) -> None:
    from eduaudit.reports.coverage import region_summary
    from eduaudit.store import Store

    click.echo(f"Итоги по области (запуск {run_id}):")
    for line in region_summary(Store(db), run_id):
        click.echo("  " + line)


if __name__ == "__main__":
    main()
