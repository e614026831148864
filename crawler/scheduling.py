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

from collections import Counter
from contextlib import suppress
from pathlib import Path

from scrapy.pqueues import DownloaderAwarePriorityQueue, _path_safe


class SitePacedPriorityQueue(DownloaderAwarePriorityQueue):
    """``DownloaderAwarePriorityQueue`` that never over-fills a site's download slot.

    ``pop`` returns None while every site with waiting requests is full; the
    engine asks again whenever a download ends. A request counts from the moment
    the engine hands it to the downloader: the slot's own count starts only after
    the downloader middlewares (robots.txt, the cache), and the engine takes many
    requests in one go, so by that count every site looked empty.
    """

    def __init__(self, crawler, *args, **kwargs):
        super().__init__(crawler, *args, **kwargs)
        self.site_limit = max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))

    def _ready(self) -> list[tuple[int, str]]:
        busy = Counter(request.meta.get("download_slot")
                       for request in self._downloader_interface.downloader.active)
        return [(busy[slot], slot) for slot in self.pqueues if busy[slot] < self.site_limit]

    def pop(self):
        ready = self._ready()
        if not ready:
            return None
        slot = self._next_slot(ready, update_state=True)
        queue = self.pqueues[slot]
        request = queue.pop()
        if len(queue) == 0:
            del self.pqueues[slot]
            queue.close()
            if self.key:
                with suppress(OSError):
                    Path(self.key, _path_safe(slot)).rmdir()
        return request

    def peek(self):
        ready = self._ready()
        if not ready:
            return None
        return self.pqueues[self._next_slot(ready, update_state=False)].peek()
