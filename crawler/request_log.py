"""The crawler's own request log: when each request went out to its site, and when it came back.

Scrapy's HTTP download handler, writing one tab-separated line per request that
really went over the network (a response the HTTP cache answers alone never
reaches a download handler). It answers a site owner who asks what the crawler
asked of their server and when, and it is what the politeness tests read:
the gaps and the overlaps of a site's requests as the crawler itself timed them,
not as a loaded test server happened to see them arrive.

Columns:

``sent_at``   UTC wall time at which the request was sent, for people;
``released``  monotonic seconds at which the downloader released the request from
              its site's queue: the clock Scrapy measures DOWNLOAD_DELAY on;
``answered``  monotonic seconds at which the answer (or the failure) came back;
``site``      the download slot (host and port, crawler.middlewares.SiteSlotMiddleware);
``method``, ``status`` (the HTTP status, or the failure's class), ``url``.

The log goes to ``EDUAUDIT_REQUEST_LOG``, or else beside Scrapy's own log
(``logs/run-N-crawl.log`` → ``logs/run-N-crawl-requests.tsv``; one per shard
process, like the crawl log); with neither set, nothing is written.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

COLUMNS = ("sent_at", "released", "answered", "site", "method", "status", "url")


def request_log_path(settings) -> Path | None:
    """Where the request log of a crawl with these settings goes (None: not kept)."""
    explicit = settings.get("EDUAUDIT_REQUEST_LOG")
    if explicit:
        return Path(explicit)
    log_file = settings.get("LOG_FILE")
    if log_file:
        log_file = Path(log_file)
        return log_file.with_name(f"{log_file.stem}-requests.tsv")
    return None


def read_request_log(path: Path) -> list[dict]:
    """The rows of a request log, times as floats, in the order the requests were released."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines if line and not line.startswith("sent_at\t")]
    for row in rows:
        row["released"], row["answered"] = float(row["released"]), float(row["answered"])
    return sorted(rows, key=lambda row: row["released"])


class LoggedHTTPDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, recording each request in the request log."""

    # One file per crawl, shared by the handlers of http and https (Scrapy makes one of each).
    _open_logs: dict[Path, list] = {}   # path → [file, number of handlers writing to it]

    def __init__(self, crawler):
        super().__init__(crawler)
        self._log, self._path = None, request_log_path(crawler.settings)
        if self._path is None:
            return
        shared = self._open_logs.get(self._path)
        if shared is None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self._path, "a", encoding="utf-8")  # noqa: SIM115 — closed by the last close()
            if handle.tell() == 0:
                handle.write("\t".join(COLUMNS) + "\n")
            shared = self._open_logs[self._path] = [handle, 0]
        shared[1] += 1
        self._log = shared[0]

    async def download_request(self, request):
        if self._log is None:
            return await super().download_request(request)
        released, sent_at = self._released(request), time.time()
        status = ""
        try:
            response = await super().download_request(request)
            status = str(response.status)
            return response
        except BaseException as failure:
            status = type(failure).__name__
            raise
        finally:
            moment = datetime.fromtimestamp(sent_at, timezone.utc).isoformat(timespec="milliseconds")
            self._log.write(f"{moment}\t{released:.6f}\t{time.monotonic():.6f}\t"
                            f"{request.meta.get('download_slot', '')}\t{request.method}\t{status}\t{request.url}\n")

    def _released(self, request) -> float:
        """When the downloader let the request go: its slot's ``lastseen`` (Scrapy's politeness clock).

        The slot releases a request and only then starts the coroutine that calls this handler,
        one turn of the event loop later; on a busy machine that turn can take longer than a
        request's share of the delay, so the moment of the call would make the gaps look shorter
        than the ones Scrapy kept. With a delay a slot releases one request per turn, and the
        next only ``delay`` later, so ``lastseen`` is this request's release. (With no delay
        several leave in one turn, and a later turn may already have moved ``lastseen``: then it
        is the slot's latest release, still no later than this call.)
        """
        engine = getattr(self.crawler, "engine", None)
        slot = engine.downloader.slots.get(request.meta.get("download_slot")) if engine else None
        return slot.lastseen if slot is not None else time.monotonic()

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            if self._log is not None:
                self._log = None
                shared = self._open_logs[self._path]
                shared[1] -= 1
                if not shared[1]:
                    del self._open_logs[self._path]
                    shared[0].close()
