"""Downloader middlewares of the eduaudit crawler."""

from __future__ import annotations

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater
from scrapy.utils.httpobj import urlparse_cached


class SiteSlotMiddleware:
    """Give every site (host *and* port) its own download slot.

    Scrapy keys slots by host name alone, so sites served on different ports
    of one address (``http://127.0.0.1:8001/``, ``:8002/``) would share one
    delay and one concurrency limit; a site is its netloc.
    """

    def process_request(self, request, spider=None):
        if "download_slot" not in request.meta:
            request.meta["download_slot"] = urlparse_cached(request).netloc.lower()
        return None


class TransferStatsMiddleware:
    """Count the bytes that really crossed the network.

    It sits next to the downloader, below the HTTP cache, so a revalidated
    file counts as its small 304 answer rather than as the cached body that
    the cache hands on; ``downloader/response_bytes`` counts the latter.
    """

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_response(self, request, response, spider=None):
        if "cached" not in response.flags:
            self.stats.inc_value("eduaudit/transferred_bytes", len(response.body))
            self.stats.inc_value("eduaudit/network_responses")
            self.stats.inc_value(f"eduaudit/network_status/{response.status}")
        return response


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), None if unreadable."""
    import time
    from email.utils import parsedate_to_datetime

    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, moment - (time.time() if now is None else now))


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, honouring ``Retry-After`` on 429 and 503.

    A host that asks us to wait gets that wait as its per-site delay (capped by
    ``RETRY_AFTER_MAX``) for the rest of the run; a longer demand is not
    waited for: the request fails as it would without the header.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    async def process_response(self, request, response, spider=None):
        if response.status in (429, 503) and not request.meta.get("dont_retry", False):
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait is not None:
                if wait > self.max_wait:
                    return response
                slot_key = request.meta.get("download_slot")
                slot = self.crawler.engine.downloader.slots.get(slot_key) if slot_key else None
                if slot is not None:
                    slot.delay = max(slot.delay, wait)
                self.crawler.stats.inc_value("eduaudit/retry_after")
                # The slot delay is jittered by Scrapy (0.5–1.5×); the retry itself
                # waits the full time the host asked for. The reactor is imported
                # here: importing it at module level could install the wrong one.
                from twisted.internet import reactor

                await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return super().process_response(request, response)
