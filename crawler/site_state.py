"""What the spider knows of one school's site while the site is being crawled.

The spider holds one :class:`SiteState` per school in a dict and drops it when the
site's last request is answered: a finished site gets no more requests, and the
links it remembered would otherwise grow the process with the size of the region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Callable

from crawler.page_names import SiteChrome


def _no_answers() -> dict[str, int]:
    # "misses" are probes of known paths that the site does not have: not errors.
    return {"pages": 0, "documents": 0, "errors": 0, "misses": 0}


@dataclass
class SiteState:
    # Requests not yet answered; at zero the site is finished, which is what lets an
    # interrupted run resume site by site.
    outstanding: int = 0
    # Of those, the pages: when none is left, no new section can turn up, so a site
    # missing one looks further at once instead of after its last file.
    pages_outstanding: int = 0
    # Page requests that wait for a section: section -> makers of the requests; and how
    # many requests that may find the section are unanswered.
    held: defaultdict[str, list[Callable]] = field(default_factory=lambda: defaultdict(list))
    seeking: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    # Answered requests by outcome.
    tally: dict[str, int] = field(default_factory=_no_answers)
    # The hosts of the site (the registry's address, the home page after redirects).
    hosts: set[str] = field(default_factory=set)
    pages_scheduled: int = 0
    documents_scheduled: int = 0
    # Menus repeat the same links on every page; budgets count distinct URLs only.
    seen: set[str] = field(default_factory=set)
    # The same menu link on the same kind of page at the same depth is judged the same
    # way every time (budgets only grow, seen URLs stay seen), so it is judged once:
    # most of a page's links are its menu.
    links_judged: set[tuple] = field(default_factory=set)
    # The home page's address once it answered (None before).
    home_url: str | None = None
    # What every page of the site shows (the school's name in <h1>, the site's in <title>):
    # it names no page, so page roles are read past it.
    chrome: SiteChrome = field(default_factory=SiteChrome)
    sections_found: set[str] = field(default_factory=set)
    # The sitemap and last-resort paths were considered (once, when no page was left).
    looked_further: bool = False
    # A page was left out for the page budget or the depth limit.
    cut_short: bool = False
    sitemaps_requested: int = 0
    # The home page links a section or a hub page in its HTML. When it does not (a menu a
    # script draws, a picture map), the sitemap stands in for the menu: its hubs are opened too.
    home_menu: bool = False


class OutstandingRequests(MutableMapping):
    """School id -> requests not yet answered, read and written through the sites' states.

    What the progress extension sums to know how many requests are still to come.
    """

    def __init__(self, sites: MutableMapping[str, SiteState]):
        self._sites = sites

    def __getitem__(self, school_id: str) -> int:
        return self._sites[school_id].outstanding

    def __setitem__(self, school_id: str, count: int) -> None:
        self._sites[school_id].outstanding = count

    def __delitem__(self, school_id: str) -> None:
        del self._sites[school_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sites)

    def __len__(self) -> int:
        return len(self._sites)
