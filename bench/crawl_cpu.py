"""The crawler's own CPU on a generated region: the focused crawl alone, no extraction or audit.

    python -m bench.crawl_cpu --schools 340 [--delay 0] [--profile crawl.prof]

With no delay and no simulated network the crawl is bound by its CPU, which is what
this measures (the figure behind "Where the crawl's time goes" in bench/RESULTS.md).
``--delay`` adds the benchmark's network conditions and a per-host delay instead.
"""

from __future__ import annotations

import argparse
import cProfile
import shutil
import tempfile
import time
from pathlib import Path

from bench.measure import children_cpu
from demo_region.conditions import NetworkConditions
from demo_region.generate import generate_region, write_registry
from demo_region.server import RegionServer
from eduaudit import stages
from eduaudit.registry import load_registry
from eduaudit.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=340)
    parser.add_argument("--seed", type=int, default=66)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the crawl here")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "demo-region")
    parser.add_argument("--processes", type=int, default=1,
                        help="crawl processes (the CPU figure then adds the children's, from getrusage)")
    parser.add_argument("--keep", type=Path, help="crawl into this folder and keep it (database, log) for analysis")
    args = parser.parse_args(argv)
    region = generate_region(args.cache / f"seed{args.seed}-n{args.schools}", seed=args.seed, n_schools=args.schools)
    conditions = (NetworkConditions(latency=(0.05, 0.4), bandwidth=1e6, seed=args.seed, slow_share=0.02)
                  if args.delay else None)
    work = args.keep or Path(tempfile.mkdtemp(prefix="eduaudit-crawl-cpu-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        with RegionServer(region, conditions=conditions) as server:
            registry = work / "registry.csv"
            write_registry(region, server.port, registry)
            store = Store(work / "eduaudit.db")
            run_id = stages.start_run(store, registry, load_registry(registry), {})
            profile = cProfile.Profile(time.process_time) if args.profile else None
            wall, cpu, children = time.monotonic(), time.process_time(), children_cpu()
            if profile:
                profile.enable()
            # one process by default: the crawler's own CPU per request, which shards only divide
            stages.crawl(store, run_id, resolve=["*.test=127.0.0.1"], delay=args.delay,
                         log_file=work / "crawl.log", processes=args.processes)
            if profile:
                profile.disable()
                profile.dump_stats(str(args.profile))
            result = {"schools": args.schools, "delay": args.delay,
                      "wall_seconds": round(time.monotonic() - wall, 1),
                      "cpu_seconds": round(time.process_time() - cpu + children_cpu() - children, 1),
                      "pages": store.db["pages"].count, "documents": store.db["documents"].count}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(result)
    return result


if __name__ == "__main__":
    main()
