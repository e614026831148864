"""A live progress line for the person waiting at the console.

Scrapy's own log goes to a file; this extension writes a short line to
standard error every few seconds — sites done of total, pages, documents,
errors and the estimated time left — and nothing when ``EDUAUDIT_PROGRESS``
is off (``--quiet`` for cron).
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


def _console_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    return handler


class ProgressExtension:
    def __init__(self, interval: float):
        self.interval = interval
        self.total = 0
        self.sites = self.pages = self.documents = self.errors = 0
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        if not log.handlers:
            log.addHandler(_console_handler())
        log.setLevel(logging.INFO)
        log.propagate = False

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("EDUAUDIT_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler.settings.getfloat("EDUAUDIT_PROGRESS_INTERVAL", 10.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def spider_opened(self, spider):
        self.total = len(getattr(spider, "schools", []))
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
        elif isinstance(item, PageItem):
            self.pages += 1
        elif isinstance(item, DocumentItem):
            if item.error:
                self.errors += 1
            else:
                self.documents += 1

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        eta = ""
        if 0 < self.sites < self.total:
            left = elapsed / self.sites * (self.total - self.sites)
            eta = f", осталось ~{int(left // 60)} мин {int(left % 60)} с"
        return (f"  сайтов {self.sites}/{self.total}, страниц {self.pages}, документов {self.documents}, "
                f"ошибок загрузки {self.errors}{eta}")

    def report(self):
        log.info(self.line())
