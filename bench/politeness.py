"""The politeness bound: the shortest wall time any polite crawler could audit the region in.

What each site truly needs is known from the generator's manifest: robots.txt,
the pages on the shortest link path from the home page to every page the
verdicts rest on (the «Документы» subsection, the mentoring page, each page
linking a mentoring document), and those mentoring documents themselves.
Files on a municipal file server are needed from that host, which every school
of the town shares. A site that is down or failing needs robots.txt and its
home page; a moved site adds the same two requests on its old host.

For each host h with n_h needed requests, a longest chain d_h of requests that
depend on each other (robots.txt, then each page of the path, then the file)
and b_h needed bytes:

    T_h = max(n_h × delay,  b_h / bandwidth_h,  d_h × min_latency_h)

(the delay separates the starts of two requests to one host; the host's
bandwidth is shared by its responses; a page must arrive before its links are
known). All hosts are crawled at once, but the crawler keeps at most
C = CONCURRENT_REQUESTS requests open, each for a latency on average:

    T_concurrency = Σ_h n_h × mean_latency_h / C

    bound = max(max_h T_h, T_concurrency)

Latencies are random, so T_concurrency uses their mean: the bound is the
expected shortest time, not a worst case.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict, deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from demo_region.conditions import NetworkConditions

_HREF = re.compile(rb"""href\s*=\s*["']([^"'#]+)""", re.I)
_DOCUMENTS_SECTION = re.compile(r"/(sveden|svedeniya[^/]*)/(document|dokument)[a-z]*/?$")


@dataclass
class HostNeed:
    host: str
    requests: int
    chain: int          # longest chain of requests that depend on each other
    bytes: int
    min_latency: float
    mean_latency: float
    bandwidth: float | None
    # what those requests are (robots.txt first): bench.scrapy_floor fetches exactly these
    paths: list[str] = field(default_factory=list, repr=False)

    def seconds(self, delay: float) -> float:
        transfer = self.bytes / self.bandwidth if self.bandwidth else 0.0
        return max(self.requests * delay, transfer, self.chain * self.min_latency)


class _Site:
    def __init__(self, site_dir: Path):
        manifest = json.loads((site_dir / "routes.json").read_text(encoding="utf-8"))
        self.dir = site_dir
        self.host = manifest["host"]
        self.encoding = manifest.get("encoding") or "utf-8"
        self.routes: dict[str, dict] = manifest["routes"]

    def route(self, key: str) -> dict | None:
        return self.routes.get(key) or self.routes.get(unquote(key))

    def size(self, key: str) -> int:
        route = self.route(key)
        try:
            return (self.dir / route["file"]).stat().st_size if route else 0
        except OSError:
            return 0

    def is_page(self, key: str) -> bool:
        route = self.route(key)
        return bool(route) and route["type"].startswith("text/html")

    def links(self, key: str) -> list[str]:
        route = self.route(key)
        try:
            data = (self.dir / route["file"]).read_bytes()
        except OSError:
            return []
        out = []
        base = f"http://{self.host}{key}"
        for match in _HREF.finditer(data):
            href = match.group(1).decode(self.encoding, "replace").strip()
            url = urlsplit(urljoin(base, href))
            if (url.hostname or "").lower() != self.host:
                continue
            out.append((url.path or "/") + (f"?{url.query}" if url.query else ""))
        return out

    def shortest_paths(self) -> dict[str, str | None]:
        """Parent of each page reachable from the home page by links (breadth first)."""
        parents: dict[str, str | None] = {"/": None}
        queue = deque(["/"])
        while queue:
            key = queue.popleft()
            for link in self.links(key):
                if link not in parents and self.is_page(link):
                    parents[link] = key
                    queue.append(link)
        return parents


def _path_to(parents: dict[str, str | None], target: str) -> list[str]:
    path, node = [], target
    while node is not None:
        path.append(node)
        node = parents.get(node)
    return path


def region_needs(region_dir: Path, conditions: NetworkConditions) -> list[HostNeed]:
    region_dir = Path(region_dir)
    manifest = json.loads((region_dir / "region.json").read_text(encoding="utf-8"))
    hosts_spec = manifest["hosts"]
    remote: dict[str, set[str]] = {}          # municipal host → needed file paths
    needs: list[HostNeed] = []

    def latency(host: str) -> tuple[float, float]:
        low, high = conditions.host_latency(host)
        spec = hosts_spec.get(host, {})
        if spec.get("behaviour") == "slow":
            extra = spec.get("delay") or (1.0, 3.0)
            low, high = low + extra[0], high + extra[1]
        return low, high

    def need(host: str, paths: list[str], chain: int, nbytes: int) -> None:
        low, high = latency(host)
        needs.append(HostNeed(host, len(paths), chain, nbytes, low, (low + high) / 2,
                              conditions.host_bandwidth(host), paths))

    # Municipal education authorities are audited sites too (their own rules), listed apart from schools.
    for school in manifest["schools"] + manifest.get("authorities", []):
        authority = "content_host" not in school
        content_host = school.get("content_host", school["host"])
        if school["host"] != content_host:
            need(school["host"], ["/robots.txt", "/"], 2, 0)  # robots.txt, then the home page answers 301
        site_dir = region_dir / "sites" / content_host
        if school["behaviour"] in ("down", "error5xx") or not (site_dir / "routes.json").exists():
            if school["host"] == content_host:
                need(school["host"], ["/robots.txt", "/"], 2, 0)  # robots.txt and the home page that fails
            continue
        site = _Site(site_dir)
        parents = site.shortest_paths()
        targets = {k for k in site.routes if _DOCUMENTS_SECTION.search(k) and k in parents}
        if school.get("mentoring_page_url"):
            targets.add(school["mentoring_page_url"])
        files: set[str] = set()
        for doc in school["documents"]:
            if not doc.get("mentoring", authority):  # every file of an authority is about mentoring
                continue
            if doc.get("host", content_host) != content_host:
                remote.setdefault(doc["host"], set()).add(doc["url"])
                targets.add(doc["page"])
            elif site.is_page(doc["url"]):
                targets.add(doc["url"])  # the document is pasted into a page of its own
            else:
                files.add(doc["url"])
                targets.add(doc["page"])
        pages: set[str] = {"/"}
        deepest = 1
        for target in targets:
            path = _path_to(parents, target) if target in parents else [target]
            pages.update(path)
            deepest = max(deepest, len(path))
        chain = 1 + deepest + (1 if files else 0)  # robots.txt, the pages, a file
        nbytes = sum(site.size(k) for k in pages) + sum(site.size(k) for k in files)
        need(content_host, ["/robots.txt", *sorted(pages), *sorted(files)], chain, nbytes)
    for host, urls in remote.items():
        site_dir = region_dir / "sites" / host
        nbytes = 0
        if (site_dir / "routes.json").exists():
            site = _Site(site_dir)
            nbytes = sum(site.size(u) for u in urls)
        need(host, ["/robots.txt", *sorted(urls)], 2, nbytes)
    return needs


def politeness_bound(region_dir: Path, conditions: NetworkConditions, delay: float, concurrency: int,
                     needs: list[HostNeed] | None = None) -> dict:
    """The bound and what it rests on; ``needs`` when :func:`region_needs` was already called (it reads every page)."""
    needs = region_needs(region_dir, conditions) if needs is None else needs
    per_host = [n.seconds(delay) for n in needs]
    slowest = max(range(len(needs)), key=per_host.__getitem__)
    concurrency_seconds = sum(n.requests * n.mean_latency for n in needs) / concurrency
    requests = [n.requests for n in needs]
    return {
        "seconds": round(max(per_host[slowest], concurrency_seconds), 2),
        "max_host_seconds": round(per_host[slowest], 2),
        "slowest_host": {k: v for k, v in asdict(needs[slowest]).items() if k != "paths"},
        "concurrency_seconds": round(concurrency_seconds, 2),
        "needed_requests_total": sum(requests),
        "needed_requests_per_host_max": max(requests),
        "hosts": len(needs),
        "delay": delay, "concurrency": concurrency,
        "formula": "max(max_h max(n_h*delay, bytes_h/bandwidth_h, chain_h*min_latency_h), "
                   "sum_h n_h*mean_latency_h / CONCURRENT_REQUESTS)",
    }


# -- what a run's requests were for ---------------------------------------------------------------
PURPOSES = ("needed", "other_pages", "other_files", "misses", "sitemaps", "redirects", "failures", "repeats")


def request_purposes(before: dict, after: dict, needs: list[HostNeed], region_dir: Path) -> dict:
    """Sort the requests a run made (two server stats snapshots) against what the bound counts.

    Every request lands in exactly one of :data:`PURPOSES`: the first request of a
    path the bound counts is *needed*; any later request of the same path (a
    retry, a redirect's second leg) a *repeat*; of the rest, ``/sitemap*`` is a
    *sitemap*, a 404 or 410 a *miss* (a usual address the site does not have),
    a 3xx a *redirect*, any other error or dropped connection a *failure*, an answered
    file named for a sitemap (``/wp-sitemap.xml``) a *sitemap* too, and an
    answered page or file *other_pages* or *other_files* (hubs, sections, files
    whose titles did not rule them out). ``needed_not_requested`` counts the
    bound's paths the run never asked for (it reached the same pages another way).
    """
    wanted = {n.host: {unquote(p) for p in n.paths} for n in needs}
    sites: dict[str, _Site | None] = {}
    counts = dict.fromkeys(PURPOSES, 0)
    asked_for: dict[str, set[str]] = defaultdict(set)
    earlier = before.get("paths", {})
    for host, paths in after.get("paths", {}).items():
        for key, total in paths.items():
            n = total - earlier.get(host, {}).get(key, 0)
            if n <= 0:
                continue
            status, _, raw = key.partition(" ")
            path = unquote(raw)
            if path in asked_for[host]:
                counts["repeats"] += n
                continue
            asked_for[host].add(path)
            counts["repeats"] += n - 1
            counts[_purpose(status, path, host in wanted and path in wanted[host], host, sites, region_dir)] += 1
    requests = sum(after["requests"].values()) - sum(before["requests"].values())
    counts["unanswered"] = requests - sum(counts.values())  # cut off before the site answered
    counts["needed_not_requested"] = sum(len(paths - asked_for.get(host, set())) for host, paths in wanted.items())
    return counts


def _purpose(status: str, path: str, needed: bool, host: str, sites: dict, region_dir: Path) -> str:
    if needed:
        return "needed"
    if path.split("?", 1)[0].startswith("/sitemap"):
        return "sitemaps"
    code = int(status) if status.isdigit() else 0
    if code in (404, 410):
        return "misses"
    if 300 <= code < 400:
        return "redirects"
    if not 200 <= code < 300:
        return "failures"
    if "sitemap" in path.split("?", 1)[0].rsplit("/", 1)[-1]:
        return "sitemaps"  # a CMS's own sitemap files: /wp-sitemap-posts-page-1.xml
    if host not in sites:
        site_dir = Path(region_dir) / "sites" / host
        sites[host] = _Site(site_dir) if (site_dir / "routes.json").exists() else None
    site = sites[host]
    return "other_files" if site is not None and site.route(path) and not site.is_page(path) else "other_pages"
