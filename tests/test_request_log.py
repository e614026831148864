"""The crawler's request log (crawler/request_log.py): where it goes and how it reads back.

The politeness tests read it from real crawls (tests/test_crawl_politeness.py).
"""

from __future__ import annotations

from pathlib import Path

from scrapy.settings import Settings

from crawler.request_log import COLUMNS, read_request_log, request_log_path


def test_the_log_sits_beside_the_crawl_log_unless_named():
    assert request_log_path(Settings({"LOG_FILE": "/out/logs/run-3-crawl-2.log"})) == \
        Path("/out/logs/run-3-crawl-2-requests.tsv")
    assert request_log_path(Settings({"LOG_FILE": "/out/logs/run-3-crawl.log",
                                      "EDUAUDIT_REQUEST_LOG": "/tmp/requests.tsv"})) == Path("/tmp/requests.tsv")
    assert request_log_path(Settings()) is None


def test_rows_read_back_in_the_order_of_release(tmp_path):
    log = tmp_path / "run-1-crawl-requests.tsv"
    log.write_text("\t".join(COLUMNS) + "\n"
                   "2026-01-01T00:00:01.000+00:00\t11.500000\t12.000000\ta.test:80\tGET\t200\thttp://a.test/x\n"
                   "2026-01-01T00:00:00.000+00:00\t10.250000\t10.750000\ta.test:80\tGET\tTimeoutError\thttp://a.test/\n"
                   # a header line met again is skipped
                   + "\t".join(COLUMNS) + "\n", encoding="utf-8")
    rows = read_request_log(log)
    assert [(r["released"], r["answered"], r["status"], r["url"]) for r in rows] == [
        (10.25, 10.75, "TimeoutError", "http://a.test/"), (11.5, 12.0, "200", "http://a.test/x")]
