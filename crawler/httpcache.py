"""HTTP cache storage for re-crawls: one SQLite row per response, bodies stored once by digest.

Scrapy's ``FilesystemCacheStorage`` makes a folder per response and writes eight
gzip files into it. On a 340-school region that was about a fifth of the
crawler's CPU, and the crawler's CPU is what paces a region's crawl (see
``bench/RESULTS.md``). What a re-crawl needs from the cache is small: the
status, the headers (``ETag``, ``Last-Modified``, ``Cache-Control``) and the
body to hand back on a ``304``. Here that is one row in ``responses.sqlite``
and one content-addressed body file, written once however many requests return
the same bytes (every school's identical ``robots.txt``, a municipal file
linked by ten schools).

A kill at any moment leaves a usable cache: the body is in place before its row
is committed, and a row that was never committed only costs a full download
next time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from pathlib import Path
from time import time
from typing import Any

from scrapy.http.headers import Headers
from scrapy.utils.project import data_path
from scrapy.utils.response import response_from_dict

_SCHEMA = """
create table if not exists responses (
    fingerprint blob primary key,
    url text not null,
    response_url text not null,
    status integer not null,
    headers blob not null,
    body_sha256 text not null,
    extra blob not null,
    stored_at real not null
)
"""


class DigestCacheStorage:
    """``HTTPCACHE_STORAGE`` backend: metadata in SQLite, bodies under ``bodies/`` by SHA-256."""

    def __init__(self, settings):
        # Not data_path(createdir=True): it checks, then creates, and of crawl processes
        # started together one found the folder made by another in between and died.
        self.cachedir = Path(data_path(settings["HTTPCACHE_DIR"]))
        self.expiration_secs: int = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.db: sqlite3.Connection | None = None

    def open_spider(self, spider) -> None:
        self._fingerprinter = spider.crawler.request_fingerprinter
        self.cachedir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.cachedir / "responses.sqlite", isolation_level=None)
        self.db.execute("pragma journal_mode = wal")
        # A lost cache row costs one full download, never a wrong answer: no fsync per response.
        self.db.execute("pragma synchronous = off")
        self.db.execute("pragma busy_timeout = 30000")
        self.db.execute(_SCHEMA)

    def close_spider(self, spider) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def retrieve_response(self, spider, request):
        row = self.db.execute(
            "select response_url, status, headers, body_sha256, extra, stored_at from responses "
            "where fingerprint = ?", [self._fingerprinter.fingerprint(request)]).fetchone()
        if row is None:
            return None
        response_url, status, headers, body_sha256, extra, stored_at = row
        if 0 < self.expiration_secs < time() - stored_at:
            return None
        try:
            body = self._body_path(body_sha256).read_bytes()
        except OSError:
            return None  # the body was removed by hand: download again
        data: dict[str, Any] = pickle.loads(extra)  # noqa: S301 — written by store_response below
        data.update(url=response_url, status=status, headers=Headers(pickle.loads(headers)), body=body)  # noqa: S301
        request.meta["cache_timestamp"] = stored_at
        return response_from_dict(data)

    def store_response(self, spider, request, response) -> None:
        body = response.body
        digest = hashlib.sha256(body).hexdigest()
        path = self._body_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_suffix(f".{os.getpid()}.part")  # crawl shards share the cache
            part.write_bytes(body)
            part.replace(path)
        extra = {k: v for k, v in response.to_dict().items() if k not in {"url", "status", "headers", "body"}}
        self.db.execute(
            "insert or replace into responses values (?, ?, ?, ?, ?, ?, ?, ?)",
            [self._fingerprinter.fingerprint(request), request.url, response.url, response.status,
             pickle.dumps(dict(response.headers), protocol=4), digest, pickle.dumps(extra, protocol=4),
             time()])

    def _body_path(self, digest: str) -> Path:
        return self.cachedir / "bodies" / digest[:2] / digest
