"""Extraction while the crawl runs: the cores read documents while the crawl waits on delays.

A polite crawl spends most of its time waiting between requests to one host, and the cores
sit idle; extraction and OCR after the crawl then keep the network idle. This thread runs a
pool of extraction workers beside the crawl, at the lowest CPU priority (``nice`` 19, which
tesseract inherits), so the crawl's processes always come first. It asks the database for
documents stored by the crawl and not yet extracted, every second, until the crawl is over
and none is left.

Nothing depends on it finishing: a document it did not get to, or whose worker was killed,
has no extraction row and is extracted by ``stages.extract`` after the crawl (or on resume).
"""

from __future__ import annotations

import logging
import threading
from eduaudit import stages
from eduaudit.store import Store, utcnow

log = logging.getLogger(__name__)

NICENESS = 19


# A crawl process holds the state of its sites (queues, seen addresses, pages waiting for their
# callbacks): measured, 244 MB at 170 sites a process, 353 MB at 1,700. Past this many sites a
# process, a crawl on every core leaves no room for a second extraction worker and its tesseract.
CROWDED_SITES_PER_PROCESS = 1000


def workers_beside_crawl(crawl_processes: int, sites: int, workers: int | None = None) -> int:
    """Extraction workers to run beside a crawl of that many processes and sites.

    Every core gets one, as after the crawl, unless the crawl is crowded (many sites in each of
    its processes): then the cores the crawl leaves, plus one. A second worker beside two busy
    crawlers would add its memory and its tesseract's (the Russian model alone is about 100 MB)
    to a process tree that must stay under 1 GiB at 3,400 schools, and get CPU only when both
    crawlers wait.
    """
    from eduaudit.extraction.pool import default_workers

    cores = workers or default_workers()
    if sites < CROWDED_SITES_PER_PROCESS * max(1, crawl_processes):
        return cores
    return max(1, min(cores, cores - crawl_processes + 1))


class ExtractionDuringCrawl:
    """``start()`` before the crawl, ``crawl_over()`` once fetching ends, then ``join()``."""

    def __init__(self, store: Store, run_id: int, *, workers: int | None = None, ocr: str = "focused",
                 poll_seconds: float = 1.0, runner=None, stop_with_crawl: bool = False):
        self.db_path, self.blobs_dir = store.path, store.blobs_dir
        self.run_id, self.workers, self.ocr = run_id, workers, ocr
        # A pool narrower than the one after the crawl takes no new document once the crawl is
        # over: the wider pool of ``stages.extract`` reads the rest sooner.
        self.stop_with_crawl = stop_with_crawl
        self.poll_seconds = poll_seconds
        self.runner = runner  # extract_many's job runner; tests make it die
        self.extracted = 0
        self.error: str | None = None
        self._over = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="eduaudit-extract-during-crawl", daemon=True)

    def start(self) -> "ExtractionDuringCrawl":
        self._thread.start()
        return self

    def crawl_over(self) -> None:
        self._over.set()

    def join(self) -> int:
        self._thread.join()
        return self.extracted

    def _serve(self) -> None:
        from eduaudit.extraction import extract_many, worker_lost
        from eduaudit.extraction.pool import default_workers
        from eduaudit.extraction.records import extraction_record

        store = Store(self.db_path, self.blobs_dir)  # its own connection: SQLite connections stay in their thread
        submitted: set[str] = set()

        batch = 2 * (self.workers or default_workers())

        def more():
            over = self._over.is_set()  # read first: documents stored before the end are all seen
            if over and self.stop_with_crawl:
                return None
            # A few at a time: the pool queues what it is given, and a narrow pool must not keep
            # a backlog of thousands once the crawl is over and a wider one could read them.
            jobs = stages.extraction_jobs(store, self.run_id, skip=submitted)[:batch]
            submitted.update(job[0] for job in jobs)
            if not jobs and over:
                return None
            return jobs

        settings = stages.extraction_settings(self.ocr, worker_niceness=NICENESS)
        try:
            for sha, result in extract_many([], workers=self.workers, settings=settings, refill=more,
                                            idle_wait=self.poll_seconds, runner=self.runner):
                if worker_lost(result):
                    continue  # left without a row: extracted again after the crawl
                store.db["extractions"].upsert(extraction_record(sha, result, utcnow()), pk="sha256")
                self.extracted += 1
        except Exception as exc:  # noqa: BLE001 - the extraction after the crawl does what this missed
            self.error = f"{type(exc).__name__}: {exc}"
            log.exception("extraction during the crawl stopped; the rest is extracted after it")
        finally:
            store.db.close()
