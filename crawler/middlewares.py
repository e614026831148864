"""Downloader middlewares of the eduaudit crawler."""

from __future__ import annotations

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
