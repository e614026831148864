"""One audit run from a registry: crawl, extract, classify, judge; the run's id.

What `eduaudit crawl`, `eduaudit demo` and the scheduled re-crawl do. It lives apart from the CLI
so the scheduler (eduaudit.reports.commands) calls it without importing the CLI that imports it;
the CLI imports it when a command runs, so `eduaudit --help` starts without the database stack.
"""

from __future__ import annotations

from pathlib import Path

import click

from eduaudit import crawl_shards, stages
from eduaudit.crawl_extraction import ExtractionDuringCrawl, workers_beside_crawl
from eduaudit.extraction.pool import default_workers
from eduaudit.registry import School
from eduaudit.registry_commands import schools_to_audit
from eduaudit.store import Store


def run_audit(registry: Path, db: Path, out: Path, *, resolve: tuple[str, ...] = (),
              delay: float | None = None, max_pages: int = 40, max_documents: int = 80,
              workers: int | None = None, quiet: bool = False, extra_settings: dict | None = None,
              resume: bool = False, focused: bool = True, processes: int | None = None,
              schools: list[School] | None = None, ocr: str = "focused",
              extract_during_crawl: bool = True) -> int:
    """Crawl, extract, classify and judge the schools of the registry; return the run id.

    ``schools`` are the registry's rows to audit, as the registry check gave them
    (``eduaudit.registry_commands.schools_to_audit``); by default the check is run here.
    ``ocr`` is one of ``stages.OCR_MODES``. With ``extract_during_crawl`` documents are
    extracted at low priority while the crawl runs (``eduaudit.crawl_extraction``); what it
    did not finish is extracted after the crawl either way.
    """
    if schools is None:
        schools = schools_to_audit(Path(registry), quiet=True)
    store = Store(db)
    say = (lambda *a: None) if quiet else (lambda msg: click.echo(msg, err=True))
    run_id = stages.unfinished_run(store, stages.registry_digest(registry)) if resume else None
    only = None
    if run_id is not None:
        only = stages.prepare_resume(store, run_id)
        say(f"Продолжение запуска {run_id}: осталось обойти {len(only)} сайтов из {len(schools)}")
    else:
        settings = {"resolve": list(resolve), "delay": delay, "max_pages": max_pages,
                    "max_documents": max_documents}
        run_id = stages.start_run(store, registry, schools, settings)
        say(f"Запуск {run_id}: {len(schools)} сайтов, обход…")
    log_file = Path(out) / "logs" / f"run-{run_id}-crawl.log"
    during = None
    if extract_during_crawl:
        to_crawl = len(only) if only is not None else len(schools)
        crawl_processes = crawl_shards.shard_count(to_crawl) if processes is None else max(1, processes)
        beside = workers_beside_crawl(crawl_processes, to_crawl, workers)
        during = ExtractionDuringCrawl(store, run_id, workers=beside, ocr=ocr,
                                       stop_with_crawl=beside < (workers or default_workers())).start()
    try:
        stages.crawl(store, run_id, resolve=list(resolve), delay=delay, max_pages=max_pages,
                     max_documents=max_documents, log_file=log_file, extra_settings=extra_settings,
                     only=only, progress=not quiet, focused=focused, processes=processes)
    finally:
        if during is not None:
            during.crawl_over()
    counts = store.db.execute(
        "select (select count(*) from sites where run_id = :r and reachable = 1), "
        "(select count(*) from pages where run_id = :r), "
        "(select count(*) from documents where run_id = :r and sha256 is not null)", {"r": run_id}).fetchone()
    logs = sorted(log_file.parent.glob(f"{log_file.stem}*{log_file.suffix}"))
    say(f"Обход завершён: доступно сайтов {counts[0]} из {len(schools)}, страниц {counts[1]}, "
        f"документов {counts[2]} (журнал: {', '.join(str(p) for p in logs) or log_file})")
    say("Извлечение текста документов…")
    if during is not None:
        during.join()
        if during.error:
            say(f"Извлечение во время обхода прервалось ({during.error}); остальное извлекается сейчас")
    extracted = stages.extract(store, run_id, workers=workers, ocr=ocr)
    if during is not None:
        extracted += during.extracted
    say(f"Извлечён текст новых документов: {extracted}")
    say("Классификация документов и проверка правил…")
    stages.classify(store, run_id)
    stages.judge(store, run_id)
    store.finish_run(run_id)
    return run_id
