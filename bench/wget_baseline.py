"""The wget baseline's first half: ``wget --mirror`` of every school site, many sites at a time.

The demo sites all live on 127.0.0.1 under ``*.test`` names, and wget has no
``--resolve``; it is pointed at the demo server as its HTTP proxy instead. A
proxied request carries the absolute URL, the server (its conditions
middleware) takes the site from the Host header and the path from the URL, so
every site is still its own host to wget: its own robots.txt, its own
recursion, its own ``--wait`` between requests.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.measure import Measured, run_measured


def wget_command(url: str, mirror: Path, log: Path, proxy_port: int, delay: float) -> list[str]:
    command = ["wget", "--mirror", "--no-verbose", "--output-file", str(log), "--directory-prefix", str(mirror),
               "--tries", "3", "--timeout", "30", "-e", "use_proxy=on",
               "-e", f"http_proxy=http://127.0.0.1:{proxy_port}"]
    if delay > 0:
        # --random-wait spreads the pause over 0.5–1.5 × --wait: the same delay on average as ours
        # (a floor: Scrapy's randomisation is off), and the way every earlier wget figure was measured.
        command += ["--wait", str(delay), "--random-wait"]
    return command + [url]


def mirror_sites(urls: list[str], mirror: Path, logs: Path, proxy_port: int, delay: float, parallel: int,
                 site_timeout: float | None = None) -> dict:
    if shutil.which("wget") is None:
        raise SystemExit("wget is not installed (apt-get install wget)")
    mirror.mkdir(parents=True, exist_ok=True)
    logs.mkdir(parents=True, exist_ok=True)

    def one(item: tuple[int, str]) -> Measured:
        index, url = item
        return run_measured(wget_command(url, mirror, logs / f"site-{index:05d}.log", proxy_port, delay),
                            timeout=site_timeout, sample_memory=False)

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        runs = list(pool.map(one, enumerate(urls)))
    walls = sorted(r.wall_seconds for r in runs)
    return {
        "sites": len(runs),
        "parallel": parallel,
        "cpu_seconds": round(sum(r.cpu_seconds for r in runs), 2),
        "max_rss_mb": round(max((r.max_rss_mb for r in runs), default=0.0), 1),
        "site_seconds_median": round(walls[len(walls) // 2], 1) if walls else 0.0,
        "site_seconds_max": round(walls[-1], 1) if walls else 0.0,
        "sites_timed_out": sum(r.timed_out for r in runs),
        # wget exits 8 when some answer was an error (404, 5xx): normal for a whole-site mirror.
        "exit_codes": {str(code): sum(r.returncode == code for r in runs) for code in sorted({r.returncode for r in runs})},
    }
