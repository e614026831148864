"""Saved pages of school sites, read by the spider in process (the city-scrapers way).

A page is answered with ``scrapy.http.HtmlResponse`` to the very request the
spider made for it, so what is asserted — the page's role, the links it chose,
the documents it asked for — is the spider's own judgement, with no network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import scrapy
from scrapy.http import HtmlResponse

from crawler.items import PageItem
from crawler.spiders.school_site import SchoolSiteSpider

FILES = Path(__file__).resolve().parents[1] / "files"


@dataclass
class Visit:
    """What the spider did with one page."""

    page: PageItem | None
    requests: list[scrapy.Request] = field(default_factory=list)

    @property
    def role(self) -> str:
        return self.page.role if self.page else ""

    @property
    def documents(self) -> set[str]:
        """Addresses the spider asked for as documents (files to download)."""
        return {r.url for r in self.requests if not r.meta.get("page")}

    @property
    def pages(self) -> set[str]:
        return {r.url for r in self.requests if r.meta.get("page")}

    def request(self, url: str) -> scrapy.Request:
        (found,) = [r for r in self.requests if r.url == url]
        return found


class SavedSite:
    """One school's site from saved pages; ``home`` is answered first, as in a crawl."""

    def __init__(self, home_url: str, home_file: str):
        self.spider = SchoolSiteSpider(schools=[{"school_id": "s1", "url": home_url}])
        request = self.spider._home_request("s1", home_url, [])
        self.home = self._answer(request, home_file)

    def _answer(self, request: scrapy.Request, file: str) -> Visit:
        body = (FILES / file).read_bytes()
        response = HtmlResponse(url=request.url, body=body, encoding="utf-8", request=request)
        visit = Visit(page=None)
        for out in request.callback(response) or ():
            if isinstance(out, PageItem):
                visit.page = out
            elif isinstance(out, scrapy.Request):
                visit.requests.append(out)
        return visit

    def open(self, visit: Visit, url: str, file: str) -> Visit:
        """Answer the request the spider made for ``url`` from ``visit``'s page with a saved page."""
        return self._answer(visit.request(url), file)
