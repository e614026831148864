"""How fast Scrapy itself can fetch what the politeness bound counts, on this machine.

    python -m bench.scrapy_floor --schools 3400 --delay 0.25 [--processes N]

The politeness bound (bench/politeness.py) leaves out CPU. This measures the CPU
floor beside it: a spider that is handed every request the bound counts (robots.txt,
the path to each section, the mentoring documents) at the start, so it needs no
parsing, no link-following, no cache and no database, and fetches them under the
benchmark's network conditions with the crawler's own download settings (the same
concurrency, per-site limit, delay and download slots). Its wall time is the
least any Scrapy crawl of the region can take here; what our crawl takes beyond
it is our own spider's work and the requests a crawler without the generator's
manifest has to make.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import time
from pathlib import Path

from bench.politeness import politeness_bound, region_needs
from crawler import settings as ours
from demo_region.conditions import NetworkConditions
from demo_region.generate import generate_region
from demo_region.server import RegionServer

ROOT = Path(__file__).resolve().parent.parent


def _fetch(urls: list[tuple[str, str]], delay: float, result: multiprocessing.Queue) -> None:
    """Fetch (slot, url) pairs with a bare spider; report responses and failures."""
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    answered = {"responses": 0, "failures": 0}

    class FloorSpider(scrapy.Spider):
        name = "floor"

        async def start(self):
            for slot, url in urls:
                yield scrapy.Request(url, callback=self.answered, errback=self.failed, dont_filter=True,
                                     meta={"download_slot": slot})

        def answered(self, response):
            answered["responses"] += 1

        def failed(self, failure):
            answered["failures"] += 1

    settings = Settings()
    settings.setdict({
        "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False, "COOKIES_ENABLED": False,
        "ROBOTSTXT_OBEY": False, "RETRY_ENABLED": False, "REDIRECT_ENABLED": False, "HTTPERROR_ALLOW_ALL": True,
        "DOWNLOAD_DELAY": delay, "RANDOMIZE_DOWNLOAD_DELAY": False, "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": ours.CONCURRENT_REQUESTS,
        "CONCURRENT_REQUESTS_PER_DOMAIN": ours.CONCURRENT_REQUESTS_PER_DOMAIN,
        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
        "CONCURRENT_ITEMS": 1, "DOWNLOAD_TIMEOUT": ours.DOWNLOAD_TIMEOUT,
        "TWISTED_DNS_RESOLVER": "crawler.resolver.OverridingResolver", "EDUAUDIT_RESOLVE": ["*.test=127.0.0.1"],
    })
    process = CrawlerProcess(settings)
    process.crawl(FloorSpider)
    process.start()
    result.put(answered)


def measure(needs, port: int, delay: float, processes: int) -> dict:
    hosts = sorted(needs, key=lambda n: n.host)
    shards: list[list[tuple[str, str]]] = [[] for _ in range(processes)]
    for index, need in enumerate(hosts):
        # robots.txt first, then the rest: the order a polite crawler needs them in
        shards[index % processes].extend((need.host, f"http://{need.host}:{port}{path}") for path in need.paths)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    workers = [context.Process(target=_fetch, args=(shard, delay, queue)) for shard in shards if shard]
    for worker in workers:
        worker.start()
    answered = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (usage.ru_utime + usage.ru_stime)
    return {"requests": sum(len(s) for s in shards), "responses": sum(a["responses"] for a in answered),
            "failures": sum(a["failures"] for a in answered), "processes": len(workers),
            "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
            "cpu_ms_per_request": round(1000 * cpu / max(1, sum(len(s) for s in shards)), 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=340)
    parser.add_argument("--seed", type=int, default=66)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="fetching processes (default: one per core, as the crawl uses)")
    parser.add_argument("--latency", default="0.05,0.4")
    parser.add_argument("--bandwidth", type=float, default=1e6, help="bytes per second per host (0: unlimited)")
    parser.add_argument("--slow-hosts", type=float, default=0.02)
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "demo-region")
    args = parser.parse_args(argv)
    low, high = (float(x) for x in args.latency.split(","))
    region = generate_region(args.cache / f"seed{args.seed}-n{args.schools}", seed=args.seed, n_schools=args.schools)
    conditions = NetworkConditions(latency=(low, high), bandwidth=args.bandwidth or None, seed=args.seed,
                                   slow_share=args.slow_hosts)
    needs = region_needs(region, conditions)
    bound = politeness_bound(region, conditions, args.delay, ours.CONCURRENT_REQUESTS, needs)
    with RegionServer(region, conditions=conditions) as server:
        floor = measure(needs, server.port, args.delay, args.processes)
    result = {"schools": args.schools, "delay": args.delay, "bound_seconds": bound["seconds"],
              "floor": floor, "floor_to_bound": round(floor["wall_seconds"] / bound["seconds"], 2)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
