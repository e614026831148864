"""What the spider hands to the pipeline: fetched pages, documents and site failures."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class SiteItem:
    """The outcome of fetching a school's home page."""

    school_id: str
    start_url: str
    final_url: str = ""
    reachable: bool = False
    http_status: int = 0
    error: str = ""
    platform: str = ""
    fetched_at: str = ""


@dataclass
class PageItem:
    school_id: str
    url: str
    http_status: int
    content_type: str
    body: bytes = field(repr=False)
    title: str = ""
    heading: str = ""
    role: str = "other"
    depth: int = 0
    referer: str = ""
    anchor_text: str = ""
    fetched_at: str = ""
    headers: str = ""       # response headers as JSON, kept for the evidence archive (WARC)
    via: str = ""           # what led here: the link's promise (a section name)
    strategy: str = ""      # how the crawler came here: crawler.navigation.STRATEGIES


@dataclass
class DocumentItem:
    school_id: str
    url: str
    http_status: int
    content_type: str
    body: bytes | None = field(default=None, repr=False)
    filename: str = ""
    anchor_text: str = ""
    page_url: str = ""
    page_role: str = ""
    error: str = ""
    fetched_at: str = ""
    headers: str = ""
    hosted_on: str = ""     # a file-sharing service (Yandex Disk, Google Drive), or ""


@dataclass
class SiteDoneItem:
    """Every request of a school's crawl has been answered: the site is finished."""

    school_id: str
    pages: int = 0
    documents: int = 0
    errors: int = 0
    completed_at: str = ""
    # Links worth following were left because the page budget or the depth limit
    # ran out: what an endless calendar or search trap does (a news archive does not).
    crawl_cut_short: bool = False


def school_alternates(school: dict) -> list[str]:
    """The registry's further addresses of a school (a JSON list in the run's schools table)."""
    value = school.get("alternates") or "[]"
    return [u for u in (json.loads(value) if isinstance(value, str) else value) if u]
