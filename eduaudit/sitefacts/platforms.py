"""The site platforms of Russian schools, one record each: how to tell them, where they keep things.

Everything the crawler and the link reading know about a particular CMS lives here, as data:
the marker that gives it away in a page or its host, the usual addresses of the sections
(from the domain brief: the «Сведения об образовательной организации» paths of Rosobrnadzor's
recommendation, Gosweb's own slugs) and how its files are addressed when their addresses have
no file extension (the *school.ru family's document cards). A new platform is a new record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

# Section roles, as the crawler names its pages (crawler.navigation uses the same words).
DOCUMENTS, MENTORING = "documents", "mentoring"
# Rosobrnadzor's recommended address of the documents subsection; every platform with
# standard /sveden/ paths has it.
SVEDEN_DOCUMENTS = ("/sveden/document",)


@dataclass(frozen=True)
class Platform:
    name: str
    # Searched in the site's host and the first 200 KB of its home page, lower-cased.
    marker: re.Pattern[str] | None
    # Section role → addresses tried right after the home page (a miss costs one request).
    probes: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # Paths that serve a file by its id in the query string («/file/download?id=12»): a file
    # address although it has no extension.
    download_paths: tuple[str, ...] = ()
    # A document card page's path → the path that downloads its file, same id
    # («/file/card?id=12» → «/file/download?id=12»).
    cards: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def _probes(**sections: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(sections)


# In the order they are tried: a Gosweb page may carry other platforms' words in its content.
PLATFORMS: tuple[Platform, ...] = (
    Platform("gosweb", re.compile(r"gosweb|netcat_files|госвеб"),
             _probes(documents=("/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/",),
                     mentoring=("/pedagogam-i-sotrudnikam/nastavnichestvo/", "/nasha-shkola/nastavnichestvo/"))),
    Platform("school_ru", re.compile(r"/file/card\?id=|/file/download\?id="), _probes(documents=SVEDEN_DOCUMENTS),
             download_paths=("/file/download",), cards=MappingProxyType({"/file/card": "/file/download"})),
    Platform("wordpress", re.compile(r"wp-content|wp-includes|generator\" content=\"wordpress"),
             _probes(documents=SVEDEN_DOCUMENTS)),
    Platform("ucoz", re.compile(r"ucoz|/index/[^\"']+/0-\d+|/_ld/"), _probes(documents=SVEDEN_DOCUMENTS)),
    Platform("bitrix", re.compile(r"/bitrix/|bx-"), _probes(documents=SVEDEN_DOCUMENTS)),
    Platform("joomla", re.compile(r"joomla|/components/com_"), _probes(documents=SVEDEN_DOCUMENTS)),
    Platform("edusite", re.compile(r"edusite|/dswmedia/|/p\d+aa1\.html"), _probes(documents=SVEDEN_DOCUMENTS)),
)
UNKNOWN = Platform("unknown", None, _probes(documents=SVEDEN_DOCUMENTS))
BY_NAME: Mapping[str, Platform] = MappingProxyType({p.name: p for p in (*PLATFORMS, UNKNOWN)})


def detect_platform(host: str, html: str) -> Platform:
    haystack = host.lower() + " " + html[:200_000].lower()
    for platform in PLATFORMS:
        if platform.marker is not None and platform.marker.search(haystack):
            return platform
    return UNKNOWN


def probe_paths(platform: str, section: str) -> tuple[str, ...]:
    return BY_NAME.get(platform, UNKNOWN).probes.get(section, ())


def download_by_id(path: str, query: str) -> bool:
    """Whether a path and query address a platform's file by its id."""
    path = path.rstrip("/")
    return "id=" in query and any(path.endswith(d) for p in PLATFORMS for d in p.download_paths)


def card_download_path(path: str) -> str | None:
    """The site-root download path of a platform's document card, or None when ``path`` is no card."""
    path = path.rstrip("/")
    for platform in PLATFORMS:
        for card, download in platform.cards.items():
            if path.endswith(card):
                return download
    return None
