"""Downloader and spider middlewares of the eduaudit crawler."""

from __future__ import annotations

import ipaddress
import time
from email.utils import parsedate_to_datetime

import lxml.html
from lxml import etree
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.task import deferLater

from crawler.diagnosis import PRIVATE_ADDRESS, BlockedAddress
from crawler.items import school_alternates
from crawler.resolver import lookup, parse_overrides
from eduaudit.sitefacts.charset import charset_from_content_type, charset_from_markup, decode_bytes, looks_russian
from eduaudit.sitefacts.links import host_of


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


def forbidden_address(address: str) -> bool:
    """Whether an IP address is one a crawl of public sites must never reach.

    Anything not globally routable — private (10/8, 172.16/12, 192.168/16,
    fc00::/7), loopback, link-local (169.254/16, where cloud metadata lives),
    carrier-grade NAT, unspecified, documentation and reserved ranges — and
    multicast; an IPv6-mapped IPv4 address is judged as the IPv4 one.
    """

    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


class PrivateAddressGuardMiddleware:
    """Never let a link or a redirect lead from a school site into the operator's own network.

    A request to a private, loopback or link-local IP literal, or to a host
    name resolving to one, is refused with a Russian reason — unless the host
    is a registry host (an address the operator listed) or matches an
    ``EDUAUDIT_RESOLVE`` pattern (an address the operator mapped on purpose:
    the demo region and the tests live on 127.0.0.1). Redirects pass through
    here again as new requests, so they are checked the same way. The name is
    resolved with the crawl's own caching resolver, so the download connects
    to the address that was checked.
    """

    def __init__(self, crawler):

        self.crawler = crawler
        self.overrides = parse_overrides(crawler.settings.getlist("EDUAUDIT_RESOLVE"))
        self._registry_hosts: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def registry_hosts(self) -> set[str]:
        if self._registry_hosts is None:
            spider = getattr(self.crawler, "spider", None)
            schools = getattr(spider, "schools", None) or []
            self._registry_hosts = {host_of(u) for s in schools
                                    for u in (s["url"], *school_alternates(s))}
        return self._registry_hosts

    async def process_request(self, request, spider=None):

        host = (urlparse_cached(request).hostname or "").lower().rstrip(".")
        if not host or host in self.registry_hosts() or lookup(self.overrides, host) is not None:
            return None
        address = host
        if not _is_ip_literal(host):
            address = await self._resolve(host)
            if address is None:
                return None  # the download fails with its own DNS error and reason
        if forbidden_address(address):
            self.crawler.stats.inc_value("eduaudit/blocked_private_address")
            shown = host if address == host else f"{host} → {address}"
            raise BlockedAddress(f"{PRIVATE_ADDRESS}: {shown} (внутренняя сеть или служебный адрес)")
        return None

    async def _resolve(self, host: str) -> str | None:
        from twisted.internet import reactor

        try:
            return await maybe_deferred_to_future(reactor.resolve(host))
        except Exception:  # noqa: BLE001 — any resolution failure is reported by the download itself
            return None


def _is_ip_literal(host: str) -> bool:

    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
        return True
    except ValueError:
        return False


class CharsetRepairMiddleware:
    """Read windows-1251 pages right when their header lies (``charset=utf-8``) or is silent.

    Old school sites send cp1251 bytes under a server default of UTF-8 and no
    ``<meta charset>``; decoded as declared, every Russian word (menu items
    included) turns into replacement characters and the crawler loses its way.
    A body that the one charset policy (``eduaudit.sitefacts.charset``) reads
    as cp1251 Russian text is re-read as windows-1251.
    """

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse) or not response.body:
            return response
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if "html" not in content_type and "text/plain" not in content_type:
            return response
        declared = charset_from_content_type(content_type)
        if declared not in (None, "utf-8") or charset_from_markup(response.body):
            return response  # a page that names a charset other than the server default is believed
        text, encoding = decode_bytes(response.body)
        if encoding != "cp1251" or not looks_russian(_visible_text(text) if "html" in content_type else text):
            return response
        # The stored page must say what its bytes are: text extraction reads this header too.
        headers = response.headers.copy()
        headers[b"X-Declared-Content-Type"] = headers.get(b"Content-Type", b"")
        headers[b"Content-Type"] = b"text/html; charset=windows-1251"
        return response.replace(headers=headers, encoding="cp1251")


def _visible_text(html: str) -> str:
    """The words a reader sees: a template's markup (BEM class names, scripts) is mostly Latin
    letters and would outweigh the Russian text of any page judged with it."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    return " ".join(root.xpath("//text()[not(ancestor::script) and not(ancestor::style)]"))


class CallbackFailureMiddleware:
    """A callback that raises still answers for its request.

    Scrapy logs such an exception and drops the rest of the callback's output.
    The spider counts every school's unanswered requests to know when its site
    is finished; one request left uncounted would leave that site unfinished at
    the end of the run, with no reason given. The spider's ``callback_failed``
    settles the request as an error instead, and the traceback stays in the log.
    """

    def process_spider_exception(self, response, exception, spider=None):
        handler = getattr(spider, "callback_failed", None)
        if handler is None:
            return None
        spider.logger.error("processing %s failed", response.url, exc_info=exception)
        spider.crawler.stats.inc_value("eduaudit/callback_failures")
        return handler(response, exception)
