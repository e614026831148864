"""The order in which a site's requests go out.

Scrapy's downloader keeps a first-in-first-out queue per site, and with a delay
between requests a site's queue can hold many of them: whatever the scheduler
handed over first goes first, whatever its priority. The spider's priorities
(pages before files, the mentoring page before the hubs) then stop meaning
anything exactly when they matter, on the largest sites. So a site is handed a
request only while it has fewer than ``CONCURRENT_REQUESTS_PER_DOMAIN`` in the
downloader: one on the wire and the next one waiting out the delay. Everything
else stays in the scheduler, where the priority decides.
"""

from __future__ import annotations

from scrapy.pqueues import DownloaderAwarePriorityQueue, DownloaderInterface


class _SitePacedDownloader(DownloaderInterface):
    """What the queue sees of the downloader: only the sites with room for another request.

    A request counts from the moment the engine hands it to the downloader: the slot's
    own count starts only after the downloader middlewares (robots.txt, the cache), and
    the engine takes many requests in one go, so by that count every site looked empty.
    """

    def __init__(self, crawler, site_limit: int):
        super().__init__(crawler)
        self.site_limit = site_limit

    def stats(self, possible_slots):
        # Called for every request the engine takes, with every site that has one queued
        # (thousands in a region): the idle ones are a set difference, not a count each.
        busy: dict[str, int] = {}
        for request in self.downloader.active:
            slot = request.meta.get("download_slot")
            busy[slot] = busy.get(slot, 0) + 1
        stats = [(0, slot) for slot in possible_slots if slot not in busy]
        stats += [(active, slot) for slot, active in busy.items()
                  if active < self.site_limit and slot in possible_slots]
        return stats


class SitePacedPriorityQueue(DownloaderAwarePriorityQueue):
    """``DownloaderAwarePriorityQueue`` that never over-fills a site's download slot.

    With no site ready, ``pop`` finds no slot and returns None; the engine asks again
    whenever a download ends.
    """

    def __init__(self, crawler, *args, **kwargs):
        super().__init__(crawler, *args, **kwargs)
        limit = max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        self._downloader_interface = _SitePacedDownloader(crawler, limit)
