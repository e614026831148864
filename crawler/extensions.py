"""A live progress line for the person waiting at the console.

Scrapy's own log goes to a file; this extension writes a short line to
standard error every few seconds — sites done of total, pages, documents,
errors and the estimated time left — and nothing when ``EDUAUDIT_PROGRESS``
is off (``--quiet`` for cron). A crawl shard (``eduaudit.crawl_shards``) sends
its figures to ``EDUAUDIT_PROGRESS_SINK`` instead, and the parent prints one
line for all shards.
"""

from __future__ import annotations

import logging
import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.items import DocumentItem, PageItem, SiteDoneItem

log = logging.getLogger("eduaudit.progress")


def console_log() -> logging.Logger:
    """The logger of progress lines: bare lines on standard error, apart from Scrapy's log file."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return log


def progress_line(sites: int, total: int, pages: int, documents: int, errors: int,
                  seconds_left: float | None) -> str:
    eta = ""
    if seconds_left is not None:
        eta = f", осталось ~{int(seconds_left // 60)} мин {int(seconds_left % 60)} с"
    return (f"  сайтов {sites}/{total}, страниц {pages}, документов {documents}, "
            f"ошибок загрузки {errors}{eta}")


class ProgressExtension:
    def __init__(self, interval: float, sink=None):
        self.interval = interval
        self.sink = sink
        self.total = 0
        self.sites = self.pages = self.documents = self.errors = 0
        # Requests answered for the sites already finished: the measured size of a site.
        self.finished_site_requests = 0
        self.spider = None
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        console_log()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("EDUAUDIT_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler.settings.getfloat("EDUAUDIT_PROGRESS_INTERVAL", 10.0),
                  sink=crawler.settings.get("EDUAUDIT_PROGRESS_SINK"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def spider_opened(self, spider):
        self.total = len(getattr(spider, "schools", []))
        self.spider = spider
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        self.report()

    def item_scraped(self, item, response=None, spider=None):
        if isinstance(item, SiteDoneItem):
            self.sites += 1
            self.finished_site_requests += item.pages + item.documents + item.errors
        elif isinstance(item, PageItem):
            self.pages += 1
        elif isinstance(item, DocumentItem):
            if item.error:
                self.errors += 1
            else:
                self.documents += 1

    def figures(self) -> dict:
        return {"sites": self.sites, "total": self.total, "pages": self.pages, "documents": self.documents,
                "errors": self.errors, "seconds_left": self.seconds_left(time.monotonic() - self.started)}

    def line(self) -> str:
        return progress_line(**self.figures())

    def seconds_left(self, elapsed: float) -> float | None:
        """Requests still to come over the rate so far.

        Sites are crawled side by side and finish late (the spider works by
        priority across all of them), so finished sites alone say little early on;
        requests answered are the measure of progress, and the sites finished so
        far give the expected requests per site.
        """
        answered = self.pages + self.documents + self.errors
        if not (0 < self.sites < self.total) or answered == 0 or elapsed <= 0:
            return None
        expected = self.finished_site_requests / self.sites * self.total
        known = sum(getattr(self.spider, "outstanding", {}).values())
        remaining = max(known, expected - answered)
        return remaining / (answered / elapsed)

    def report(self):
        if self.sink is not None:
            self.sink.put(self.figures())
        else:
            log.info(self.line())
