"""The focused spider: from each school's home page to «Документы» and «Наставничество».

It visits what a methodologist would open — the «Сведения об образовательной
организации» section, its «Документы» subsection and the pages below it, any
page about mentoring, and a few hub pages («Педагогам», «Методическая работа»)
where mentoring pages hide — downloads the documents linked there, and stops.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.http import TextResponse
from w3lib.url import canonicalize_url
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_errors
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler import navigation as nav
from crawler.items import DocumentItem, PageItem, SiteDoneItem, SiteItem
from eduaudit.store import utcnow

HOME = "home"
FOLLOW_PRIORITY = {nav.MENTORING: 30, nav.DOCUMENTS: 25, nav.SVEDEN: 20, nav.LOCAL_ACTS: 15, nav.HUB: 5}
DOCUMENT_PRIORITY = 10


def failure_reason(failure) -> str:
    """A reason a coordinator understands, in Russian."""
    if failure.check(HttpError):
        return f"сайт отвечает ошибкой HTTP {failure.value.response.status}"
    if failure.check(twisted_errors.DNSLookupError):
        return "адрес сайта не найден (ошибка DNS)"
    if failure.check(twisted_errors.ConnectionRefusedError):
        return "сайт не отвечает (соединение отклонено)"
    if failure.check(twisted_errors.TimeoutError, twisted_errors.TCPTimedOutError):
        return "сайт не отвечает (превышено время ожидания)"
    if failure.check(ResponseNeverReceived, ResponseFailed, twisted_errors.ConnectionLost,
                     twisted_errors.ConnectionDone):
        return "сайт обрывает соединение, не ответив"
    if failure.check(scrapy.exceptions.IgnoreRequest):
        message = str(failure.value)
        if "robots" in message.lower():
            return "доступ запрещён файлом robots.txt"
        return f"запрос отменён: {message}"
    return f"ошибка загрузки: {failure.type.__name__}: {failure.getErrorMessage()}"[:300]


def response_headers(response) -> str:
    return json.dumps({k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                       for k, vs in response.headers.items()}, ensure_ascii=False)


def response_filename(response) -> str:
    disposition = response.headers.get(b"Content-Disposition", b"").decode("latin-1")
    match = re.search(r"filename\*=(?:UTF-8|utf-8)''([^;]+)", disposition)
    if match:
        return unquote(match.group(1))
    match = re.search(r'filename="?([^";]+)"?', disposition)
    if match:
        name = match.group(1)
        try:
            return name.encode("latin-1").decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return name
    return unquote(urlsplit(response.url).path.rsplit("/", 1)[-1])


class SchoolSiteSpider(scrapy.Spider):
    name = "school_site"

    def __init__(self, schools: list[dict] | None = None, max_pages: int = 40,
                 max_documents: int = 80, max_depth: int = 5, focused: bool = True, **kwargs):
        super().__init__(**kwargs)
        # focused=False crawls whole sites (within the budgets): the baseline the
        # focused crawl is measured against, never the way audits run.
        self.focused = focused
        self.schools = schools or []
        self.max_pages = int(max_pages)
        self.max_documents = int(max_documents)
        self.max_depth = int(max_depth)
        # Requests of a school not yet answered; at zero the site is finished,
        # which is what lets an interrupted run resume site by site.
        self.outstanding: dict[str, int] = defaultdict(int)
        self.tally: dict[str, dict[str, int]] = defaultdict(lambda: {"pages": 0, "documents": 0, "errors": 0})
        self.site_hosts: dict[str, set[str]] = defaultdict(set)
        self.pages_scheduled: dict[str, int] = defaultdict(int)
        self.documents_scheduled: dict[str, int] = defaultdict(int)
        # Menus repeat the same links on every page; budgets count distinct URLs only.
        self.seen: dict[str, set[str]] = defaultdict(set)

    def _first_time(self, school_id: str, url: str) -> bool:
        key = canonicalize_url(url)
        if key in self.seen[school_id]:
            return False
        self.seen[school_id].add(key)
        return True

    async def start(self):
        for school in self.schools:
            url = school["url"]
            self.site_hosts[school["school_id"]].add(urlsplit(url).netloc.lower())
            self._first_time(school["school_id"], url)
            self.pages_scheduled[school["school_id"]] += 1
            yield self._request(
                url, callback=self.parse_home, errback=self.home_failed, priority=40,
                meta={"school_id": school["school_id"], "via": HOME, "anchor": "", "depth": 0},
            )

    def _request(self, url: str, **kwargs) -> scrapy.Request:
        # Deduplication is per school (see _first_time): two schools may link the
        # same municipal file, and each must get it.
        self.outstanding[kwargs["meta"]["school_id"]] += 1
        return scrapy.Request(url, dont_filter=True, **kwargs)

    def _settle(self, school_id: str, outcome: str):
        """Account for one answered request; yield SiteDoneItem when it was the last."""
        self.tally[school_id][outcome] += 1
        self.outstanding[school_id] -= 1
        if self.outstanding[school_id] == 0:
            tally = self.tally[school_id]
            self.logger.info("site %s finished: %d pages, %d documents, %d errors",
                             school_id, tally["pages"], tally["documents"], tally["errors"])
            yield SiteDoneItem(school_id=school_id, completed_at=utcnow(), **tally)

    # -- home ------------------------------------------------------------
    def parse_home(self, response):
        school_id = response.meta["school_id"]
        self.site_hosts[school_id].add(urlsplit(response.url).netloc.lower())
        html = response.text if isinstance(response, TextResponse) else ""
        yield SiteItem(
            school_id=school_id,
            start_url=response.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url,
            reachable=True,
            http_status=response.status,
            platform=nav.detect_platform(response.url, html),
            fetched_at=utcnow(),
        )
        yield from self.parse_page(response)

    def home_failed(self, failure):
        request = failure.request
        status = failure.value.response.status if failure.check(HttpError) else 0
        yield SiteItem(
            school_id=request.meta["school_id"], start_url=request.url, reachable=False,
            http_status=status, error=failure_reason(failure), fetched_at=utcnow(),
        )
        yield from self._settle(request.meta["school_id"], "errors")

    # -- pages -----------------------------------------------------------
    def parse_page(self, response):
        school_id = response.meta["school_id"]
        if not isinstance(response, TextResponse):
            # A page link that turned out to be a file.
            yield self._document_item(response)
            yield from self._settle(school_id, "documents")
            return
        via = response.meta.get("via")
        role = HOME if via == HOME else nav.page_role(response.selector, response.url, via)
        yield PageItem(
            school_id=school_id, url=response.url, http_status=response.status,
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
            body=response.body, title=nav.page_title(response.selector),
            heading=nav.page_heading(response.selector), role=role,
            depth=response.meta.get("depth", 0),
            referer=(response.request.headers.get(b"Referer") or b"").decode("latin-1"),
            anchor_text=response.meta.get("anchor", ""), fetched_at=utcnow(),
            headers=response_headers(response), via=via or "",
        )
        for link in nav.extract_links(response.selector, response.url):
            yield from self._follow(response, role, link)
        yield from self._settle(school_id, "pages")

    def _follow(self, response, role: str, link: nav.Link):
        school_id = response.meta["school_id"]
        if nav.is_skipped_url(link.url):
            return
        download_url = nav.card_to_download(link.url) or (
            link.url if nav.is_document_url(link.url) else None)
        if download_url:
            if not self.focused or role in nav.DOCUMENT_PAGES or nav.mentions_mentoring(link):
                yield from self._download(response, role, link, download_url)
            return
        if urlsplit(link.url).netloc.lower() not in self.site_hosts[school_id]:
            return
        target = nav.link_target(link)
        if self.focused and not self._worth_following(role, target, link):
            return
        depth = response.meta.get("depth", 0) + 1
        if depth > self.max_depth or self.pages_scheduled[school_id] >= self.max_pages:
            return
        if not self._first_time(school_id, link.url):
            return
        self.pages_scheduled[school_id] += 1
        yield self._request(
            link.url, callback=self.parse_page, errback=self.page_failed,
            priority=FOLLOW_PRIORITY.get(target, 0),
            headers={"Referer": response.url},
            meta={"school_id": school_id, "via": target, "anchor": link.text[:300], "depth": depth},
        )

    @staticmethod
    def _worth_following(role: str, target: str | None, link: nav.Link) -> bool:
        if target in (nav.MENTORING, nav.SVEDEN, nav.DOCUMENTS):
            return True
        if target == nav.LOCAL_ACTS:
            return role in (nav.DOCUMENTS, nav.LOCAL_ACTS, nav.DOCUMENT_LIST) or link.itemprop == "addRef"
        if target == nav.HUB:
            # Hubs are where mentoring pages hide on sites without a menu entry;
            # only the home page's hubs are opened, to keep the crawl small.
            return role == HOME
        return False

    def page_failed(self, failure):
        request = failure.request
        self.logger.info("page %s failed: %s", request.url, failure_reason(failure))
        yield from self._settle(request.meta["school_id"], "errors")

    # -- documents -------------------------------------------------------
    def _download(self, response, role: str, link: nav.Link, url: str):
        school_id = response.meta["school_id"]
        if self.documents_scheduled[school_id] >= self.max_documents or not self._first_time(school_id, url):
            return
        self.documents_scheduled[school_id] += 1
        priority = DOCUMENT_PRIORITY + (20 if nav.mentions_mentoring(link) else 0)
        yield self._request(
            url, callback=self.parse_document, errback=self.document_failed, priority=priority,
            headers={"Referer": response.url},
            meta={"school_id": school_id, "anchor": link.text[:300], "page_url": response.url,
                  "page_role": role, "depth": response.meta.get("depth", 0) + 1},
        )

    def parse_document(self, response):
        yield self._document_item(response)
        yield from self._settle(response.meta["school_id"], "documents")

    def _document_item(self, response) -> DocumentItem:
        meta = response.meta
        return DocumentItem(
            school_id=meta["school_id"], url=response.url, http_status=response.status,
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
            body=response.body, filename=response_filename(response),
            anchor_text=meta.get("anchor", ""),
            page_url=meta.get("page_url") or (response.request.headers.get(b"Referer") or b"").decode("latin-1"),
            page_role=meta.get("page_role", ""), fetched_at=utcnow(), headers=response_headers(response),
        )

    def document_failed(self, failure):
        request = failure.request
        status = failure.value.response.status if failure.check(HttpError) else 0
        yield DocumentItem(
            school_id=request.meta["school_id"], url=request.url, http_status=status,
            content_type="", anchor_text=request.meta.get("anchor", ""),
            page_url=request.meta.get("page_url", ""), page_role=request.meta.get("page_role", ""),
            error=failure_reason(failure), fetched_at=utcnow(),
        )
        yield from self._settle(request.meta["school_id"], "errors")
