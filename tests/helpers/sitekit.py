"""Loopback web sites for tests: many named hosts on one port, chosen by the Host header.

The crawler is pointed at them with ``--resolve '*.test=127.0.0.1'``, so each
site is its own host to robots.txt and politeness, as on the internet.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Resource:
    body: bytes | str
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    # Answered only once the test sets it: a site held back, so that a test can
    # act while part of a crawl is surely unfinished instead of racing it.
    gate: threading.Event | None = None

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        charset = "utf-8"
        if "charset=" in self.content_type:
            charset = self.content_type.split("charset=")[1].strip()
        return self.body.encode(charset)


class LoopbackSites:
    """Serve ``{host: {path_and_query: Resource | str}}``; records every request."""

    def __init__(self, sites: dict[str, dict[str, Resource | str | list[Resource]]]):
        # A list of resources is served in turn (the last one repeats): a host
        # that first answers 429 and then the page.
        self.sites = {h.lower(): {p: (r if isinstance(r, (Resource, list)) else Resource(r)) for p, r in pages.items()}
                      for h, pages in sites.items()}
        self.requests: list[tuple[str, str]] = []
        self.times: list[tuple[str, str, float]] = []
        self._lock = threading.Lock()

    def __enter__(self) -> "LoopbackSites":
        sites, requests, times, lock = self.sites, self.requests, self.times, self._lock

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server naming)
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                with lock:
                    requests.append((host, self.path))
                    times.append((host, self.path, time.monotonic()))
                    resource = sites.get(host, {}).get(self.path)
                    if isinstance(resource, list):
                        resource = resource.pop(0) if len(resource) > 1 else resource[0]
                if resource is None:
                    resource = Resource("<html><body><h1>404 Страница не найдена</h1></body></html>", status=404)
                payload = resource.payload()
                if resource.gate is not None:
                    resource.gate.wait()
                if resource.delay:
                    time.sleep(resource.delay)
                self.send_response(resource.status)
                self.send_header("Content-Type", resource.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in resource.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths(self, host: str) -> set[str]:
        return {p for h, p in self.requests if h == host.lower()}


def write_registry(path, sites: "LoopbackSites", schools: dict[str, str]) -> None:
    """A registry CSV of ``{school_id: host}`` served by ``sites`` (all in one municipality)."""
    path.write_text("school_id,name,municipality,url\n" + "".join(
        f"{school_id},Школа {school_id},Велижский район,{sites.url(host)}\n" for school_id, host in schools.items()),
        encoding="utf-8")


def run_crawl(registry, out, *extra: str, timeout: float = 300):
    """``eduaudit crawl`` as a user runs it, against loopback ``*.test`` hosts without delay."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry),
                           "--out", str(out), "--resolve", "*.test=127.0.0.1", "--delay", "0", *extra],
                          capture_output=True, text=True, timeout=timeout)


def write_registry_rows(path, sites: "LoopbackSites", rows: list[dict]) -> None:
    """A registry CSV with a kind column: rows of ``{school_id, host, kind?, municipality?, name?}``."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["school_id", "name", "municipality", "kind", "url"])
        for row in rows:
            writer.writerow([row["school_id"], row.get("name") or f"Школа {row['school_id']}",
                             row.get("municipality", "Велижский район"), row.get("kind", "school"),
                             sites.url(row["host"])])


def sent_requests(out, site: str | None = None) -> list[dict]:
    """The crawler's own request log of the crawl in ``out`` (every process's), in the order of release.

    Rows as ``crawler.request_log.read_request_log`` gives them; ``site`` keeps the requests of
    one host (any port).
    """
    from pathlib import Path

    from crawler.request_log import read_request_log

    logs = sorted(Path(out).glob("logs/*-requests.tsv"))
    assert logs, f"no request log in {out}/logs"
    rows = sorted((row for log in logs for row in read_request_log(log)), key=lambda row: row["released"])
    if site is not None:
        rows = [row for row in rows if row["site"].split(":")[0] == site.lower()]
    return rows
