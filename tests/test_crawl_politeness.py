"""Politeness: Retry-After is honoured on 429/503 (within a cap), robots.txt is obeyed."""

from __future__ import annotations

import pytest

import sqlite3

from crawler.middlewares import retry_after_seconds
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, sent_requests, write_registry

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

# Timing is read from the crawler's own request log (crawler/request_log.py): the moments its
# downloader released each request and got each answer, on the monotonic clock Scrapy keeps the
# delay on. A loaded machine only makes those gaps longer. The slack covers what is left: the
# event loop may fire the slot's timer up to its clock resolution early, and the times are
# written rounded to microseconds. Ten milliseconds is far above both and far below any delay
# asserted here.
TIMER_SLACK = 0.01

PAGE = "<html><body><h1>Школа</h1><a href='/private/nastavnichestvo'>Наставничество</a></body></html>"


def test_retry_after_parsing():
    assert retry_after_seconds(b"5") == 5.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10.0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


def test_retry_after_and_robots(tmp_path):
    busy = [Resource("Too Many Requests", "text/plain", status=429, headers={"Retry-After": "1"}), Resource(PAGE)]
    forever = Resource("Service Unavailable", "text/plain", status=503, headers={"Retry-After": "86400"})
    robots = Resource("User-agent: *\nDisallow: /private/\n", "text/plain")
    with LoopbackSites({"busy.test": {"/": busy, "/robots.txt": robots},
                        "closed.test": {"/": forever}}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"b": "busy.test", "c": "closed.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
        homes = [r for r in sent_requests(tmp_path, "busy.test") if r["url"].endswith(f":{sites.port}/")]
        # the second ask for the home page went out no sooner than Retry-After after the 429 came back
        assert [r["status"] for r in homes] == ["429", "200"]
        assert homes[1]["released"] - homes[0]["answered"] >= 1.0 - TIMER_SLACK
        # a wait longer than RETRY_AFTER_MAX is not waited for: no retries at all
        assert [p for h, p in sites.requests if h == "closed.test" and p == "/"] == ["/"]
        # robots.txt disallows the mentoring page: it is not fetched
        assert ("busy.test", "/private/nastavnichestvo") not in sites.requests
    with sqlite3.connect(tmp_path / "eduaudit.db") as conn:
        status = dict(conn.execute("select school_id, status from findings where rule_id = 'site.reachable'"))
    assert status == {"b": "pass", "c": "fail"}


def test_progress_line_and_quiet(tmp_path):
    site = {"/": Resource("<html><body><h1>Школа</h1></body></html>")}
    with LoopbackSites({"a.test": site, "b.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"a": "a.test", "b": "b.test"})
        loud = run_crawl(tmp_path / "registry.csv", tmp_path / "loud")
        quiet = run_crawl(tmp_path / "registry.csv", tmp_path / "quiet", "--quiet")
    assert "сайтов 2/2, страниц 2" in loud.stderr
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_progress_estimate_counts_requests_not_sites():
    from crawler.extensions import ProgressExtension
    from crawler.items import SiteDoneItem
    from crawler.spiders.school_site import SchoolSiteSpider

    spider = SchoolSiteSpider(schools=[{"school_id": f"s{i}", "url": f"http://s{i}.test/"} for i in range(10)])
    progress = ProgressExtension(interval=10)
    progress.spider_opened(spider)
    progress.loop.stop()
    assert progress.seconds_left(5.0) is None  # nothing finished: no guess
    # One site of ten finished after 20 requests; 100 requests answered in 50 s
    # (2 per second): 200 expected in all, 100 to go → 50 s, not 9 × 50 s.
    progress.item_scraped(SiteDoneItem(school_id="s0", pages=8, documents=12, errors=0))
    progress.pages, progress.documents = 40, 60
    assert progress.seconds_left(50.0) == pytest.approx(50.0)
    # requests the spider already knows it must still make count when they are more
    spider.outstanding.update({f"s{i}": 30 for i in range(1, 10)})
    assert progress.seconds_left(50.0) == pytest.approx(270 / 2)


def test_the_scheduler_and_the_downloader_name_a_site_the_same_way():
    # The priority queue picks the site with the fewest downloads in flight; it can only see them
    # when it files a request under the key of the downloader slot that will fetch it.
    from scrapy.core.downloader import Downloader
    from scrapy.utils.test import get_crawler

    from crawler.middlewares import SiteSlotMiddleware
    from crawler.spiders.school_site import SchoolSiteSpider

    crawler = get_crawler(SchoolSiteSpider)
    spider = SchoolSiteSpider(schools=[])
    downloader = Downloader(crawler)
    for url in ("http://school.test:8001/sveden/document", "http://school.test:8002/", "https://Gimn1.Test/"):
        request = spider._request(url, page=True, meta={"school_id": "s1"})
        queued_under = downloader.get_slot_key(request)
        SiteSlotMiddleware().process_request(request)
        assert downloader.get_slot_key(request) == queued_under == url.split("/")[2].lower()


def test_a_slow_site_gets_at_most_two_requests_at_a_time_and_never_more_often_than_the_delay(tmp_path):
    answer = 0.6  # every answer of this site takes longer than the delay between requests
    links = "".join(f"<a href='/metod/{i}/'>Методическая работа {i}</a>" for i in range(8))
    pages = {"/": Resource(f"<html><body><h1>Школа</h1><a href='/sveden/document'>Документы</a>{links}</body></html>",
                           delay=answer),
             "/sveden/document": Resource("<html><body><h1>Документы</h1></body></html>", delay=answer)}
    pages.update({f"/metod/{i}/": Resource(f"<html><body><h1>Раздел {i}</h1></body></html>", delay=answer)
                  for i in range(8)})
    with LoopbackSites({"slow.test": pages}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"s": "slow.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path, "--delay", "0.3")
        assert proc.returncode == 0, proc.stderr[-2000:]
    sent = sent_requests(tmp_path, "slow.test")  # robots.txt included: it goes through the same slot
    assert len(sent) >= 7 and {r["status"] for r in sent} <= {"200", "404"}
    # the delay is a floor: the crawler released no two requests to the site closer than it
    released = [r["released"] for r in sent]
    assert min(b - a for a, b in zip(released, released[1:])) >= 0.3 - TIMER_SLACK
    # at most two in flight: count, at each release, the requests out and not yet answered
    # (an answer frees its place before the next release, so the intervals are half-open)
    in_flight = max(sum(1 for other in sent if other["released"] <= r["released"] < other["answered"])
                    for r in sent)
    # ... and it does use both: each answer takes twice the delay, so one alone would mean the
    # limit above was never tested
    assert in_flight == 2
