"""The crawl of a region split over processes, one per core.

Scrapy runs every callback on one core, and at a few hundred sites that core,
not the schools' servers, sets the pace (bench/RESULTS.md). The sites of a
region are independent of each other, so they are dealt out to shards, each a
process with its own Scrapy crawler writing to the same results database
(SQLite in WAL mode, one short transaction per item).

Politeness is per host and each shard keeps its own per-host delay, so a host
must not be crawled by two shards at once. Schools of one municipality stay
together (their documents often sit on the municipality's one file server),
and so do schools whose registry addresses share a host.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import queue
import time
from collections import defaultdict
from pathlib import Path

from eduaudit.childproc import die_with_parent
from eduaudit.crawl_process import crawl_here
from eduaudit.sitefacts.links import host_of
from eduaudit.store import Store

# Fewer schools than this per process and the start-up of another Scrapy
# process costs more than the core it brings.
SCHOOLS_PER_SHARD = 100


def shard_count(schools: int, cpus: int | None = None) -> int:
    """Processes for a crawl of this many schools: one per core, each with enough sites to be worth it."""
    if cpus is None:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, schools // SCHOOLS_PER_SHARD))


def shard_schools(schools: list[dict], count: int) -> list[list[dict]]:
    """Deal schools out to ``count`` shards; a municipality, and a shared start host, stay in one shard."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for school in schools:
        me = "school:" + school["school_id"]
        municipality = school.get("municipality_key") or school.get("municipality")
        if municipality:
            union(me, "municipality:" + municipality)
        for url in (school.get("url"), school.get("old_url")):
            if url:
                union(me, "host:" + (host_of(url) or url))
    groups: dict[str, list[dict]] = defaultdict(list)
    for school in schools:
        groups[find("school:" + school["school_id"])].append(school)
    shards: list[list[dict]] = [[] for _ in range(max(1, count))]
    # largest group first, each to the lightest shard: sizes end within one group of each other
    for group in sorted(groups.values(), key=lambda g: (-len(g), g[0]["school_id"])):
        min(shards, key=len).extend(group)
    return [s for s in shards if s]


class _ProgressSink:
    """A queue that Scrapy's settings can hold: they deep-copy their values, a queue cannot be copied."""

    def __init__(self, channel):
        self.channel = channel

    def put(self, figures: dict) -> None:
        self.channel.put((os.getpid(), figures))

    def __deepcopy__(self, memo):
        return self


def _shard_main(db_path: str, run_id: int, school_ids: list[str], crawl_options: dict, channel) -> None:
    die_with_parent()

    store = Store(db_path)
    extra = dict(crawl_options.pop("extra_settings", None) or {})
    if channel is not None:
        extra["EDUAUDIT_PROGRESS_SINK"] = _ProgressSink(channel)
    crawl_here(store, run_id, only=set(school_ids), extra_settings=extra, **crawl_options)


def crawl_in_shards(db_path: Path, run_id: int, shards: list[list[dict]], crawl_options: dict,
                    *, progress: bool, interval: float = 10.0) -> list[int]:
    """Crawl each shard in a process of its own; return their exit codes, in shard order."""
    from crawler.extensions import console_log, progress_line

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: Twisted's reactor runs once per process
    channel = context.Queue() if progress else None
    workers = []
    for number, shard in enumerate(shards, start=1):
        options = dict(crawl_options, progress=progress)
        if options.get("log_file"):
            log_file = Path(options["log_file"])
            options["log_file"] = log_file.with_name(f"{log_file.stem}-{number}{log_file.suffix}")
        worker = context.Process(target=_shard_main, name=f"eduaudit-crawl-{number}",
                                 args=(str(db_path), run_id, [s["school_id"] for s in shard], options, channel))
        worker.start()
        workers.append(worker)
    log = console_log()
    latest: dict[int, dict] = {}

    def receive(timeout: float | None) -> bool:
        try:
            pid, figures = channel.get(timeout=timeout) if timeout else channel.get_nowait()
        except queue.Empty:
            return False
        latest[pid] = figures
        return True

    last_line = time.monotonic()
    try:
        while any(w.is_alive() for w in workers):
            if channel is None:
                multiprocessing.connection.wait([w.sentinel for w in workers if w.is_alive()], timeout=0.5)
                continue
            # a short wait: the parent notices the last shard's end this much later at most
            receive(0.1)
            if latest and time.monotonic() - last_line >= interval:
                log.info(progress_line(**combine_progress(latest.values(), shards)))
                last_line = time.monotonic()
    except KeyboardInterrupt:
        # Ctrl-C reached the shards too (one process group): let them close their sites cleanly.
        for worker in workers:
            worker.join(timeout=60)
        raise
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
    if channel is not None:
        while receive(None):
            pass  # the shards' last figures, sent as they closed
        if latest:
            log.info(progress_line(**combine_progress(latest.values(), shards)))
    return [w.exitcode for w in workers]


def combine_progress(figures, shards: list[list[dict]]) -> dict:
    """One progress line for all shards: counts add up, the time left is the slowest shard's."""
    figures = list(figures)
    left = [f["seconds_left"] for f in figures if f["seconds_left"] is not None]
    return {"sites": sum(f["sites"] for f in figures), "total": sum(len(s) for s in shards),
            "pages": sum(f["pages"] for f in figures), "documents": sum(f["documents"] for f in figures),
            "errors": sum(f["errors"] for f in figures),
            "seconds_left": max(left) if left and len(figures) == len(shards) else None}
