"""The crawler's guard against private addresses, in process: no server, no crawl, no socket.

Links and redirects into the operator's network are judged here, request by request, the way
the downloader hands them over (the end-to-end check is tests/test_security.py, under the tests'
loopback-only net). DNS answers are stubbed: a name that resolves inside is refused like a literal.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.settings import Settings

from crawler.diagnosis import PRIVATE_ADDRESS, BlockedAddress
from crawler.middlewares import PrivateAddressGuardMiddleware

DNS = {"intranet.example.ru": "10.1.2.3", "metadata.example.ru": "169.254.169.254",
       "school.example.ru": "93.158.134.3", "localhost": "127.0.0.1"}


class Stats:
    def __init__(self):
        self.values = Counter()

    def inc_value(self, key, count=1):
        self.values[key] += count


@pytest.fixture
def guard(monkeypatch):
    crawler = SimpleNamespace(settings=Settings({"EDUAUDIT_RESOLVE": ["*.test=127.0.0.1"]}), stats=Stats(),
                              spider=SimpleNamespace(schools=[{"url": "http://192.168.0.10/", "alternates": "[]"}]))
    middleware = PrivateAddressGuardMiddleware(crawler)

    async def resolve(host):
        return DNS.get(host)

    monkeypatch.setattr(middleware, "_resolve", resolve)
    return middleware


def judge(guard, url: str) -> str:
    try:
        asyncio.run(guard.process_request(Request(url)))
    except BlockedAddress as blocked:
        return str(blocked)
    return "allowed"


@pytest.mark.parametrize("url, shown", [
    ("http://10.0.0.1/files/nastavnichestvo.pdf", "10.0.0.1"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ("http://127.0.0.1:8080/admin", "127.0.0.1"),
    ("http://[::1]/", "::1"),
    ("http://[::ffff:10.0.0.1]/", "::ffff:10.0.0.1"),
    ("http://localhost:8080/", "localhost → 127.0.0.1"),
    ("http://intranet.example.ru/", "intranet.example.ru → 10.1.2.3"),
    ("http://metadata.example.ru/latest/", "metadata.example.ru → 169.254.169.254"),
])
def test_links_and_redirects_into_private_networks_are_refused(guard, url, shown):
    reason = judge(guard, url)
    assert reason.startswith(PRIVATE_ADDRESS) and shown in reason, reason
    assert guard.crawler.stats.values["eduaudit/blocked_private_address"] == 1


@pytest.mark.parametrize("url", [
    "http://school.example.ru/sveden/document",  # resolves to a public address
    "http://192.168.0.10/",                       # the registry lists this school there
    "http://school-a.test:8000/",                 # mapped on purpose by --resolve
    "http://unknown.example.ru/",                 # does not resolve: the download reports its own DNS error
])
def test_public_listed_and_mapped_addresses_pass(guard, url):
    assert judge(guard, url) == "allowed"
    assert guard.crawler.stats.values["eduaudit/blocked_private_address"] == 0
