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
