"""The re-crawl cache gives back what it was given, and keeps each distinct body once."""

from __future__ import annotations

import sqlite3

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.httpcache import DigestCacheStorage


class _Spider(Spider):
    name = "cache-test"


@pytest.fixture
def storage(tmp_path):
    crawler = get_crawler(_Spider, {"HTTPCACHE_DIR": str(tmp_path / "httpcache"),
                                    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7"})
    spider = crawler._create_spider()
    store = DigestCacheStorage(crawler.settings)
    store.open_spider(spider)
    yield store, spider, tmp_path / "httpcache"
    store.close_spider(spider)


def _page(url: str, body: bytes, **headers) -> HtmlResponse:
    return HtmlResponse(url, status=200, body=body, request=Request(url),
                        headers={"Content-Type": "text/html; charset=utf-8", **headers})


def test_a_stored_response_comes_back_whole(storage):
    store, spider, _ = storage
    request = Request("http://school.test/sveden/document")
    original = _page("http://school.test/sveden/document/", "<h1>Документы</h1>".encode(),
                     ETag='"v1"', **{"Last-Modified": "Mon, 02 Sep 2024 10:00:00 GMT"})
    store.store_response(spider, request, original)

    again = store.retrieve_response(spider, Request("http://school.test/sveden/document"))

    assert isinstance(again, HtmlResponse)
    assert again.url == "http://school.test/sveden/document/"   # where the redirect ended
    assert again.status == 200 and again.body == original.body
    assert again.headers[b"ETag"] == b'"v1"'
    assert again.headers[b"Last-Modified"] == b"Mon, 02 Sep 2024 10:00:00 GMT"
    assert "Документы" in again.text
    asking = Request("http://school.test/sveden/document")
    store.retrieve_response(spider, asking)
    assert asking.meta["cache_timestamp"] > 0


def test_an_unknown_request_is_a_miss(storage):
    store, spider, _ = storage
    assert store.retrieve_response(spider, Request("http://school.test/never")) is None


def test_the_same_bytes_from_many_schools_are_kept_once(storage):
    store, spider, cachedir = storage
    robots = b"User-agent: *\nDisallow: /bitrix/\n"
    for n in range(5):
        url = f"http://school{n}.test/robots.txt"
        store.store_response(spider, Request(url), TextResponse(url, body=robots, request=Request(url)))
    bodies = [p for p in (cachedir / "bodies").rglob("*") if p.is_file()]
    assert len(bodies) == 1 and bodies[0].read_bytes() == robots
    with sqlite3.connect(cachedir / "responses.sqlite") as conn:
        assert conn.execute("select count(*) from responses").fetchone()[0] == 5


def test_a_lost_body_means_downloading_again(storage):
    store, spider, cachedir = storage
    url = "http://school.test/files/polozhenie.pdf"
    store.store_response(spider, Request(url), Response(url, body=b"%PDF-1.7 ...", request=Request(url)))
    for p in (cachedir / "bodies").rglob("*"):
        if p.is_file():
            p.unlink()
    assert store.retrieve_response(spider, Request(url)) is None


def test_expired_entries_are_misses(tmp_path):
    crawler = get_crawler(_Spider, {"HTTPCACHE_DIR": str(tmp_path / "c"), "HTTPCACHE_EXPIRATION_SECS": 1,
                                    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7"})
    spider = crawler._create_spider()
    store = DigestCacheStorage(crawler.settings)
    store.open_spider(spider)
    url = "http://school.test/"
    store.store_response(spider, Request(url), _page(url, b"<p>old</p>"))
    store.db.execute("update responses set stored_at = stored_at - 10")
    assert store.retrieve_response(spider, Request(url)) is None
    store.close_spider(spider)


def test_the_cache_survives_reopening(tmp_path):
    settings = {"HTTPCACHE_DIR": str(tmp_path / "c"), "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7"}
    url = "http://school.test/nastavnichestvo/"
    for step in ("store", "read"):
        crawler = get_crawler(_Spider, settings)
        spider = crawler._create_spider()
        store = DigestCacheStorage(crawler.settings)
        store.open_spider(spider)
        if step == "store":
            store.store_response(spider, Request(url), _page(url, "<h1>Наставничество</h1>".encode()))
        else:
            assert "Наставничество" in store.retrieve_response(spider, Request(url)).text
        store.close_spider(spider)
