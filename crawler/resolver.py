"""A DNS resolver that answers some host names from a fixed table first.

It works like ``curl --resolve``: the demo region and test servers live on
loopback under ``*.test`` names, and each must look like its own host so that
robots.txt and per-host politeness behave as on the internet.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from twisted.internet import defer
from zope.interface import implementer
from twisted.internet.interfaces import IResolverSimple

from scrapy.resolver import CachingThreadedResolver


def parse_overrides(entries: list[str] | tuple[str, ...] | str | None) -> list[tuple[str, str]]:
    """Parse ``PATTERN=IP`` entries (``*.test=127.0.0.1``) into pairs."""
    if not entries:
        return []
    if isinstance(entries, str):
        entries = [e for e in entries.split(",") if e.strip()]
    pairs = []
    for entry in entries:
        pattern, sep, address = entry.partition("=")
        if not sep or not pattern.strip() or not address.strip():
            raise ValueError(f"expected PATTERN=IP, got {entry!r}")
        pairs.append((pattern.strip().lower(), address.strip()))
    return pairs


def lookup(overrides: list[tuple[str, str]], host: str) -> str | None:
    host = host.lower().rstrip(".")
    for pattern, address in overrides:
        if fnmatchcase(host, pattern):
            return address
    return None


@implementer(IResolverSimple)
class OverridingResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, consulting ``EDUAUDIT_RESOLVE`` first."""

    overrides: list[tuple[str, str]] = []

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.overrides = parse_overrides(crawler.settings.getlist("EDUAUDIT_RESOLVE"))
        return resolver

    def getHostByName(self, name, timeout=()):
        address = lookup(self.overrides, name)
        if address is not None:
            return defer.succeed(address)
        return super().getHostByName(name, timeout)
