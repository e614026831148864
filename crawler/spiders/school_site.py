"""The focused spider: from each school's home page to «Документы» and «Наставничество».

It visits what a methodologist would open — the «Сведения об образовательной
организации» section, its «Документы» subsection and the pages below it, any
page about mentoring, and a few hub pages («Педагогам», «Методическая работа»)
where mentoring pages hide — downloads the documents linked there, and stops.
"""

from __future__ import annotations

import json
from collections import defaultdict
from email.message import Message
from email.utils import collapse_rfc2231_value
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.http import TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from w3lib.url import canonicalize_url
from scrapy.spidermiddlewares.httperror import HttpError

from crawler import diagnosis
from crawler import navigation as nav
from crawler.page_document import document_title
from crawler.page_names import raw_h1, title_parts
from crawler.items import DocumentItem, PageItem, SiteDoneItem, SiteItem, school_alternates
from crawler.site_state import OutstandingRequests, SiteState
from eduaudit.store import utcnow

HOME = "home"
# Every page goes before every file. A page may lead to more requests and a file
# never does, so with pages first a site always has its next request known, and
# its last requests are files rather than a page found late and then what it lists.
PAGE_PRIORITY = 100
FOLLOW_PRIORITY = {nav.MENTORING: 30, nav.DOCUMENTS: 25, nav.SVEDEN: 20, nav.LOCAL_ACTS: 15, nav.HUB: 5}
DOCUMENT_PRIORITY = 10
# The «Сведения об образовательной организации» page is only the way to its
# «Документы» subsection (the only one the rules read): it is not asked for once
# that is found, and a link to it waits while a request that may find it (the
# platform's usual address, a «Документы» link) is unanswered.
WAITS_FOR = {nav.SVEDEN: nav.DOCUMENTS}
# Sections whose absence after a finished crawl makes the spider look further
# (sitemap.xml, last-resort paths) before it declares the site done.
WANTED_SECTIONS = (nav.MENTORING, nav.DOCUMENTS)
# Links that make a menu: a home page with none of them has its menu drawn by a script.
MENU_TARGETS = frozenset({nav.SVEDEN, nav.DOCUMENTS, nav.LOCAL_ACTS, nav.HUB})
SITEMAP_MAX_BYTES = 5 * 1024 * 1024
SITEMAP_MAX_FILES = 3
SERVICE_NAMES = {nav.YANDEX_DISK: "Яндекс Диск", nav.GOOGLE_DRIVE: "Google Диск"}


def failure_reason(failure) -> str:
    """A reason a coordinator understands, in Russian (see crawler.diagnosis)."""
    return diagnosis.failure_reason(failure)


def response_headers(response) -> str:
    return json.dumps({k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                       for k, vs in response.headers.items()}, ensure_ascii=False)


def response_filename(response) -> str:
    """The file's name from Content-Disposition (RFC 6266/2231, via email.message), else the URL's."""
    disposition = response.headers.get(b"Content-Disposition", b"").decode("latin-1")
    if disposition:
        header = Message()
        header["Content-Disposition"] = disposition
        names = [value for key, value in header.get_params([], header="content-disposition") if key == "filename"]
        # RFC 6266: the encoded filename* (a tuple once parsed) wins over the plain filename
        encoded = [value for value in names if isinstance(value, tuple)]
        if encoded:
            return collapse_rfc2231_value(encoded[0])
        if names and names[0]:
            name = collapse_rfc2231_value(names[0])
            try:
                # Russian sites often send the UTF-8 bytes of «Положение.pdf» raw in filename=
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
        # Everything known of each site being crawled; a finished site's state is dropped.
        self.sites: defaultdict[str, SiteState] = defaultdict(SiteState)

    @property
    def outstanding(self) -> OutstandingRequests:
        """School id -> requests not yet answered (what the progress extension reads)."""
        return OutstandingRequests(self.sites)

    def _first_time(self, school_id: str, url: str) -> bool:
        key = canonicalize_url(url)
        seen = self.sites[school_id].seen
        if key in seen:
            return False
        seen.add(key)
        return True

    async def start(self):
        for school in self.schools:
            yield self._home_request(school["school_id"], school["url"], school_alternates(school))

    def _home_request(self, school_id: str, url: str, alternates: list[str]) -> scrapy.Request:
        """The request of a school's home page; ``alternates`` are the registry's next addresses."""
        site = self.sites[school_id]
        site.hosts.add(urlsplit(url).netloc.lower())
        self._first_time(school_id, url)
        site.pages_scheduled += 1
        return self._request(
            url, callback=self.parse_home, errback=self.home_failed, priority=PAGE_PRIORITY + 40, page=True,
            meta={"school_id": school_id, "via": HOME, "anchor": "", "depth": 0,
                  "strategy": nav.STRATEGY_HOME, "alternates": list(alternates)},
        )

    def _request(self, url: str, *, page: bool, **kwargs) -> scrapy.Request:
        # Deduplication is per school (see _first_time): two schools may link the
        # same municipal file, and each must get it.
        school_id, via = kwargs["meta"]["school_id"], kwargs["meta"].get("via")
        site = self.sites[school_id]
        site.outstanding += 1
        if page:
            site.pages_outstanding += 1
            if via in WAITS_FOR.values():
                site.seeking[via] += 1
        kwargs["meta"]["page"] = page
        # DownloaderAwarePriorityQueue files a request under its slot when it is scheduled, before
        # SiteSlotMiddleware runs; without the key here it filed by host name, found no downloader
        # slot of that name (slots are host:port) and took every site for idle.
        kwargs["meta"].setdefault("download_slot", urlsplit(url).netloc.lower())
        return scrapy.Request(url, dont_filter=True, **kwargs)

    def _settle(self, meta: dict, outcome: str):
        """Account for one answered request; yield SiteDoneItem when it was the last.

        A site whose pages are all answered without a mentoring or documents
        section gets one more look (sitemap.xml, last-resort paths), while its
        files are still downloading, before it is declared done.
        """
        school_id = meta["school_id"]
        site = self.sites[school_id]
        if meta.get("probe_rest"):
            yield from self._probe_answered(meta)
        if meta.get("page") and site.seeking.get(meta.get("via"), 0) > 0:
            yield from self._sought_answered(school_id, meta["via"])
        site.tally[outcome] += 1
        site.outstanding -= 1
        if meta.get("page"):
            site.pages_outstanding -= 1
        if site.pages_outstanding == 0 and not site.looked_further:
            site.looked_further = True
            if self.focused and site.home_url is not None and any(
                    section not in site.sections_found for section in WANTED_SECTIONS):
                yield from self._look_further(school_id)
        if site.outstanding == 0:
            tally = site.tally
            self.logger.info("site %s finished: %d pages, %d documents, %d errors, %d probes missed",
                             school_id, tally["pages"], tally["documents"], tally["errors"], tally["misses"])
            yield SiteDoneItem(school_id=school_id, completed_at=utcnow(), pages=tally["pages"],
                               documents=tally["documents"], errors=tally["errors"],
                               crawl_cut_short=site.cut_short)
            # A finished site gets no more requests: what the spider knew of it (its
            # link memory above all) would only grow the process with the size of the region.
            self.sites.pop(school_id, None)

    # -- home ------------------------------------------------------------
    def parse_home(self, response):
        school_id = response.meta["school_id"]
        site = self.sites[school_id]
        site.hosts.add(urlsplit(response.url).netloc.lower())
        html = response.text if isinstance(response, TextResponse) else ""
        platform = nav.detect_platform(response.url, html)
        site.home_url = response.url
        if html:
            site.chrome.learn_home(raw_h1(response.selector.root),
                                              title_parts(nav.page_title(response.selector)))

        # A script-only home page cannot be audited (reachable=False: every rule
        # says why); a bad certificate is reported while the content is audited.
        unauditable = diagnosis.needs_javascript(response.selector) if html else None
        problem = unauditable or diagnosis.certificate_problem(getattr(response, "certificate", None))
        yield SiteItem(
            school_id=school_id,
            start_url=response.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url,
            reachable=not unauditable,
            http_status=response.status,
            error=problem or "",
            platform=platform,
            fetched_at=utcnow(),
        )
        if self.focused:
            for section in WANTED_SECTIONS:
                paths = nav.probe_paths(platform, section)
                if paths:
                    # the platform's other usual addresses are tried only when this one misses
                    yield from self._probe(school_id, response.urljoin(paths[0]), section, nav.STRATEGY_PROBE,
                                           rest=paths[1:])
        yield from self.parse_page(response)

    def home_failed(self, failure):
        request = failure.request
        status = failure.value.response.status if failure.check(HttpError) else 0
        # After redirects the request is the last hop; the registry address is the first.
        start_url = (request.meta.get("redirect_urls") or [request.url])[0]
        alternates = request.meta.get("alternates") or []
        if alternates:
            # The registry named further addresses of the school: the next one is tried
            # (asked for before this request is settled, so the site is not declared done).
            self.logger.info("site %s: %s failed (%s), trying %s", request.meta["school_id"], start_url,
                             failure_reason(failure), alternates[0])
            retry = self._home_request(request.meta["school_id"], alternates[0], alternates[1:])
            yield from self._settle(request.meta, "errors")
            yield retry
            return
        yield SiteItem(
            school_id=request.meta["school_id"], start_url=start_url, reachable=False,
            http_status=status, error=failure_reason(failure), fetched_at=utcnow(),
        )
        yield from self._settle(request.meta, "errors")

    # -- known paths, sitemap ------------------------------------------------
    def _probe(self, school_id: str, url: str, section: str, strategy: str, rest: tuple[str, ...] = ()):
        """Ask for a page where the platform usually keeps ``section``; a 404 is no error.

        ``rest`` are the platform's other usual paths, tried in turn while the section is not found.
        """
        site = self.sites[school_id]
        if site.pages_scheduled >= self.max_pages or not self._first_time(school_id, url):
            return
        site.pages_scheduled += 1
        yield self._request(
            url, callback=self.parse_page, errback=self.probe_failed,
            priority=PAGE_PRIORITY + FOLLOW_PRIORITY.get(section, 0) + 1, page=True,
            headers={"Referer": site.home_url},
            meta={"school_id": school_id, "via": section, "anchor": "", "depth": 1, "strategy": strategy,
                  "probe_rest": rest},
        )

    def _probe_answered(self, meta: dict):
        """The platform's next usual path while the section (the probe's ``via``) is still missing."""
        school_id, section, rest = meta["school_id"], meta["via"], meta["probe_rest"]
        site = self.sites[school_id]
        if section not in site.sections_found:
            yield from self._probe(school_id, response_join(site.home_url, rest[0]), section,
                                   meta["strategy"], rest=rest[1:])

    def _sought_answered(self, school_id: str, section: str):
        """The last request that might find ``section`` is answered: drop or send what waited for it."""
        site = self.sites[school_id]
        site.seeking[section] -= 1
        if site.seeking[section] > 0:
            return
        waiting = site.held.pop(section, [])
        if section not in site.sections_found:
            for make in waiting:
                yield from make()

    def probe_failed(self, failure):
        request = failure.request
        if failure.check(HttpError) and failure.value.response.status in (404, 410):
            yield from self._settle(request.meta, "misses")
            return
        yield from self.page_failed(failure)

    def _look_further(self, school_id: str):
        site = self.sites[school_id]
        home = site.home_url
        site.sitemaps_requested += 1
        yield self._request(
            response_join(home, "/sitemap.xml"), callback=self.parse_sitemap, errback=self.probe_failed,
            priority=PAGE_PRIORITY + 50, page=True, meta={"school_id": school_id, "strategy": nav.STRATEGY_SITEMAP},
        )
        for section, paths in nav.LAST_RESORT_PATHS.items():
            if section in site.sections_found:
                continue
            for path in paths:
                yield from self._probe(school_id, response_join(home, path), section, nav.STRATEGY_LAST_RESORT)

    def parse_sitemap(self, response):
        """Follow the sitemap's URLs whose slug names a wanted section (sitemap indexes too).

        Of the URLs that name one section, only the top ones are opened (``/svedeniya/dokumenty/``,
        not the pages below it, which the section itself links). A site whose home page
        linked no section or hub (its menu drawn by a script) has its hubs opened too, as
        the menu's would be: mentoring files hide on «Методическая работа».
        """
        school_id = response.meta["school_id"]
        kind, urls = read_sitemap(response.body)
        site = self.sites[school_id]
        hosts = site.hosts
        wanted: dict[str, list[str]] = defaultdict(list)
        for url in urls:
            if urlsplit(url).netloc.lower() not in hosts:
                continue
            if kind == "sitemapindex":
                if site.sitemaps_requested < SITEMAP_MAX_FILES and self._first_time(school_id, url):
                    site.sitemaps_requested += 1
                    yield self._request(url, callback=self.parse_sitemap, errback=self.probe_failed,
                                        priority=PAGE_PRIORITY + 50, page=True, meta={"school_id": school_id,
                                                           "strategy": nav.STRATEGY_SITEMAP})
                continue
            section = nav.sitemap_target(url)
            if section in WANTED_SECTIONS and section not in site.sections_found:
                wanted[section].append(url)
            elif section == nav.HUB and not site.home_menu and nav.MENTORING not in site.sections_found:
                wanted[section].append(url)
        for section, found in wanted.items():
            for url in (found if section == nav.HUB else nav.topmost(found)):
                yield from self._probe(school_id, url, section, nav.STRATEGY_SITEMAP)
        yield from self._settle(response.meta, "misses")

    # -- pages -----------------------------------------------------------
    def parse_page(self, response):
        school_id = response.meta["school_id"]
        if not isinstance(response, TextResponse):
            # A page link that turned out to be a file.
            yield self._document_item(response)
            yield from self._settle(response.meta, "documents")
            return
        via = response.meta.get("via")
        site = self.sites[school_id]
        chrome = site.chrome
        title = nav.page_title(response.selector)
        names = nav.page_names(response.selector, anchor=response.meta.get("anchor", ""), chrome=chrome)
        h1 = raw_h1(response.selector.root)
        if via == HOME:
            role, heading = HOME, h1 or title
        else:
            role, heading = nav.page_role(response.selector, response.url, via, names=names, chrome=chrome), \
                names.name(chrome)
            chrome.learn(response.url, h1, names.title_parts)
            if role in ("other", nav.LOCAL_ACTS) and (
                    via == nav.PAGE_DOCUMENT or response.meta.get("from_role") in nav.DOCUMENT_PAGES):
                # a regulation or road map typed into a page of the document sections
                typed = document_title(response.selector, heading)
                if typed:
                    role, heading = nav.PAGE_DOCUMENT, heading or typed
        if role in WANTED_SECTIONS:
            site.sections_found.add(role)
        yield PageItem(
            school_id=school_id, url=response.url, http_status=response.status,
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
            body=response.body, title=title, heading=heading, role=role,
            depth=response.meta.get("depth", 0),
            referer=(response.request.headers.get(b"Referer") or b"").decode("latin-1"),
            anchor_text=response.meta.get("anchor", ""), fetched_at=utcnow(),
            headers=response_headers(response), via=via or "",
            strategy=response.meta.get("strategy", ""),
        )
        judged = site.links_judged
        depth = response.meta.get("depth", 0)
        for link in nav.extract_links(response.selector, response.url):
            key = (link.url, link.text, link.itemprop, role, via, depth)
            if key not in judged:
                judged.add(key)
                if role == HOME and not site.home_menu and nav.link_target(link) in MENU_TARGETS:
                    site.home_menu = True
                yield from self._follow(response, role, link)
        yield from self._settle(response.meta, "pages")

    def _follow(self, response, role: str, link: nav.Link):
        school_id = response.meta["school_id"]
        site = self.sites[school_id]
        if nav.is_skipped_url(link.url):
            return
        shared = nav.shared_file(link.url)
        download_url = shared.download_url if shared else nav.card_to_download(link.url) or (
            link.url if nav.is_document_url(link.url) else None)
        if download_url:
            if self._worth_downloading(role, link):
                yield from self._download(response, role, link, download_url, shared)
            return
        if urlsplit(link.url).netloc.lower() not in site.hosts:
            return
        target = nav.link_target(link)
        if target is None and role in nav.DOCUMENT_PAGES and nav.names_document(link):
            # «Дорожная карта…» on a documents page that is a page, not a file: it may be the document
            target = nav.PAGE_DOCUMENT
        from_hub = response.meta.get("via") == nav.HUB and response.meta.get("depth", 0) <= 1
        if self.focused and not self._worth_following(role, target, link, from_hub):
            return
        awaited = WAITS_FOR.get(target)
        if self.focused and awaited:
            if awaited in site.sections_found:
                return  # what the page would lead to is found
            if site.seeking[awaited] > 0:
                # only the page's address and depth wait, not the page: a region's worth of
                # held home pages (and their parsed trees) would weigh hundreds of megabytes
                referer, depth = response.url, response.meta.get("depth", 0)
                site.held[awaited].append(
                    lambda: self._follow_page(school_id, referer, depth, link, target, role))
                return
        yield from self._follow_page(school_id, response.url, response.meta.get("depth", 0), link, target, role)

    def _follow_page(self, school_id: str, referer: str, from_depth: int, link: nav.Link, target: str | None,
                     from_role: str | None = None):
        depth = from_depth + 1
        site = self.sites[school_id]
        if depth > self.max_depth or site.pages_scheduled >= self.max_pages:
            site.cut_short = True
            return
        if not self._first_time(school_id, link.url):
            return
        site.pages_scheduled += 1
        yield self._request(
            link.url, callback=self.parse_page, errback=self.page_failed,
            priority=PAGE_PRIORITY + FOLLOW_PRIORITY.get(target, 0), page=True,
            headers={"Referer": referer},
            meta={"school_id": school_id, "via": target, "anchor": link.text[:300], "depth": depth,
                  "strategy": nav.link_strategy(link, target), "from_role": from_role},
        )

    def _worth_downloading(self, role: str, link: nav.Link) -> bool:
        if not self.focused:
            return True
        if not (role in nav.DOCUMENT_PAGES or nav.mentions_mentoring(link)):
            return False
        return not nav.names_unrelated_document(link, by_subject=role not in (nav.MENTORING, nav.MENTORING_DOCUMENT))

    @staticmethod
    def _worth_following(role: str, target: str | None, link: nav.Link, from_hub: bool = False) -> bool:
        if target in (nav.DOCUMENTS, nav.LOCAL_ACTS, nav.PAGE_DOCUMENT) and nav.names_unrelated_document(
                link, by_subject=role not in (nav.MENTORING, nav.MENTORING_DOCUMENT)):
            # a document with a page of its own (a Gosweb local act under «Документы») is
            # skipped by its title, as a file would be
            return False
        if target in (nav.MENTORING, nav.SVEDEN, nav.DOCUMENTS, nav.PAGE_DOCUMENT):
            return True
        if target == nav.LOCAL_ACTS:
            return role in (nav.DOCUMENTS, nav.LOCAL_ACTS, nav.DOCUMENT_LIST) or link.itemprop == "addRef"
        if target == nav.HUB:
            # Hubs are where mentoring pages hide on sites without a menu entry
            # («Педагогам» → «Методическая работа»): the home page's hubs and the
            # hubs they list are opened, nothing deeper, to keep the crawl small.
            return role == HOME or from_hub
        return False

    def callback_failed(self, response, exception):
        """Account for a request whose callback raised (see CallbackFailureMiddleware)."""
        school_id = response.meta.get("school_id")
        if school_id is None:
            return []
        return self._settle(response.meta, "errors")

    def page_failed(self, failure):
        request = failure.request
        self.logger.info("page %s failed: %s", request.url, failure_reason(failure))
        yield from self._settle(request.meta, "errors")

    # -- documents -------------------------------------------------------
    def _download(self, response, role: str, link: nav.Link, url: str, shared: nav.SharedFile | None = None):
        school_id = response.meta["school_id"]
        site = self.sites[school_id]
        if site.documents_scheduled >= self.max_documents or not self._first_time(school_id, url):
            return
        site.documents_scheduled += 1
        priority = DOCUMENT_PRIORITY + (20 if nav.mentions_mentoring(link) else 0)
        meta = {"school_id": school_id, "anchor": link.text[:300], "page_url": response.url,
                "page_role": role, "depth": response.meta.get("depth", 0) + 1}
        if shared:
            meta.update(shared_service=shared.service, public_url=shared.public_url, via_api=shared.via_api)
        yield self._request(
            url, callback=self.parse_document, errback=self.document_failed, priority=priority, page=False,
            headers={"Referer": response.url}, meta=meta,
        )

    def parse_document(self, response):
        meta = response.meta
        if meta.get("shared_service"):
            yield from self._shared_file_answer(response)
            return
        yield self._document_item(response)
        yield from self._settle(meta, "documents")

    def _shared_file_answer(self, response):
        """A file-sharing service answered: the file, a download address, or a page for people."""
        meta = response.meta
        if meta.get("via_api"):
            href = None
            try:
                href = json.loads(response.text).get("href") if isinstance(response, TextResponse) else None
            except (ValueError, AttributeError):
                href = None
            if isinstance(href, str) and href.startswith(("http://", "https://")):
                yield self._request(href, callback=self.parse_document, errback=self.document_failed,
                                    priority=DOCUMENT_PRIORITY + 20, page=False, meta={**meta, "via_api": False})
            else:
                yield self._hosted_externally(meta, response.status)
            yield from self._settle(meta, "documents" if href else "errors")
            return
        if isinstance(response, TextResponse) and b"html" in response.headers.get(b"Content-Type", b"").lower():
            # A login, virus-scan or preview page instead of the file.
            yield self._hosted_externally(meta, response.status)
            yield from self._settle(meta, "errors")
            return
        yield self._document_item(response)
        yield from self._settle(meta, "documents")

    def _hosted_externally(self, meta: dict, status: int) -> DocumentItem:
        service = SERVICE_NAMES.get(meta["shared_service"], meta["shared_service"])
        return DocumentItem(
            school_id=meta["school_id"], url=meta["public_url"], http_status=status, content_type="",
            anchor_text=meta.get("anchor", ""), page_url=meta.get("page_url", ""),
            page_role=meta.get("page_role", ""), hosted_on=meta["shared_service"], fetched_at=utcnow(),
            error=f"документ размещён на внешнем сервисе ({service}) и не скачивается напрямую; "
                  f"ссылка сохранена как свидетельство",
        )

    def _document_item(self, response) -> DocumentItem:
        meta = response.meta
        return DocumentItem(
            school_id=meta["school_id"], url=meta.get("public_url") or response.url,
            hosted_on=meta.get("shared_service", ""), http_status=response.status,
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
            body=response.body, filename=response_filename(response),
            anchor_text=meta.get("anchor", ""),
            page_url=meta.get("page_url") or (response.request.headers.get(b"Referer") or b"").decode("latin-1"),
            page_role=meta.get("page_role", ""), fetched_at=utcnow(), headers=response_headers(response),
        )

    def document_failed(self, failure):
        request = failure.request
        status = failure.value.response.status if failure.check(HttpError) else 0
        if request.meta.get("shared_service"):
            yield self._hosted_externally(request.meta, status)
            yield from self._settle(request.meta, "errors")
            return
        yield DocumentItem(
            school_id=request.meta["school_id"], url=request.url, http_status=status,
            content_type="", anchor_text=request.meta.get("anchor", ""),
            page_url=request.meta.get("page_url", ""), page_role=request.meta.get("page_role", ""),
            error=failure_reason(failure), fetched_at=utcnow(),
        )
        yield from self._settle(request.meta, "errors")


def read_sitemap(body: bytes) -> tuple[str, list[str]]:
    """The kind ("urlset" or "sitemapindex") and the URLs of a sitemap; nothing when it is unusable."""
    try:
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=SITEMAP_MAX_BYTES)
        sitemap = Sitemap(body[:SITEMAP_MAX_BYTES])
        urls = [(entry.get("loc") or "").strip() for entry in sitemap]
    except Exception:  # malformed XML or gzip of any kind: the sitemap is simply not used
        return "", []
    return sitemap.type, [u for u in urls if u.startswith(("http://", "https://"))]


def response_join(base: str, path: str) -> str:
    """``path`` on the host of ``base``."""
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}{path}"
