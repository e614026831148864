"""The Scrapy crawl of a run's schools in the current process.

`eduaudit.stages.crawl` runs it here, or in several shard processes (`eduaudit.crawl_shards`),
each of which calls it for its share of the sites; both import it from this module, so neither
imports the other's caller.
"""

from __future__ import annotations

import os
from pathlib import Path

from eduaudit.store import Store


def crawl_here(store: Store, run_id: int, *, resolve: list[str] = (), delay: float | None = None,
               max_pages: int = 40, max_documents: int = 80, log_level: str = "INFO",
               log_file: Path | None = None, extra_settings: dict | None = None,
               only: set[str] | None = None, progress: bool = False, focused: bool = True) -> None:
    """Run the Scrapy spider over the schools of the run (or those in ``only``), in this process."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler.spiders.school_site import SchoolSiteSpider

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("EDUAUDIT_DB", str(store.path), priority="cmdline")
    settings.set("EDUAUDIT_RUN_ID", run_id, priority="cmdline")
    settings.set("EDUAUDIT_RESOLVE", list(resolve), priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    settings.set("EDUAUDIT_PROGRESS", progress, priority="cmdline")
    if log_file is not None:
        # Scrapy's own log (retries, give-ups) is for analysis; the console gets our summary.
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        settings.set("LOG_FILE", str(log_file), priority="cmdline")
    if os.environ.get("EDUAUDIT_CONTACT"):
        settings.set("USER_AGENT", f"eduaudit/0.1 (+{os.environ['EDUAUDIT_CONTACT']})", priority="cmdline")
    if delay is not None:
        settings.set("DOWNLOAD_DELAY", delay, priority="cmdline")
        settings.set("AUTOTHROTTLE_START_DELAY", max(delay, 0.1), priority="cmdline")
        if delay == 0:
            # No delay asked for (loopback tests): latency-driven throttling would
            # only measure our own CPU load.
            settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
    settings.set("HTTPCACHE_DIR", str(store.path.parent / "httpcache"), priority="cmdline")
    for key, value in (extra_settings or {}).items():
        settings.set(key, value, priority="cmdline")
    schools = [dict(row) for row in store.db["schools"].rows_where("run_id = ? and url != ''", [run_id])]
    if only is not None:
        schools = [s for s in schools if s["school_id"] in only]
    process = CrawlerProcess(settings)
    process.crawl(SchoolSiteSpider, schools=schools, max_pages=max_pages, max_documents=max_documents,
                  focused=focused)
    process.start()
