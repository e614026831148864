"""Small demo regions of one platform's make of site, planned as the generator plans any school.

The schools' plans (scenario, documents, where they are filed, ground truth) come from
:func:`demo_region.scenarios.plan_school` unchanged; only the platform and its layout
are set, so that every make is crawled and judged on the region's usual variety.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from demo_region.generate import generate_sites, write_registry
from demo_region.scenarios import SchoolPlan, host_for, plan_school
from demo_region.schools import build_schools
from demo_region.server import RegionServer


def themed_plans(seed: int, makes: list[tuple[str, str]], per_make: int) -> list[SchoolPlan]:
    """``per_make`` reachable schools for each (platform, layout), hosts unique."""
    schools = build_schools(seed, 27 + per_make * len(makes) * 2)
    plans = [p for p in (plan_school(s, seed) for s in schools) if p.behaviour == "ok"]
    chosen: list[SchoolPlan] = []
    for n, (platform, layout) in enumerate(makes):
        for plan in plans[n * per_make:(n + 1) * per_make]:
            plan.platform, plan.layout = platform, layout
            host = host_for(plan.school, platform, random.Random(plan.school.school_id))
            plan.host = plan.content_host = f"{layout}-{plan.school.school_id[3:]}-{host}"
            chosen.append(plan)
    return chosen


def crawl_region(region: Path, out: Path) -> subprocess.CompletedProcess:
    """Serve ``region`` and audit it through the CLI, as an operator would."""
    with RegionServer(region) as server:
        registry = out / "registry.csv"
        write_registry(region, server.port, registry)
        proc = subprocess.run(
            [sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry), "--out", str(out),
             "--resolve", "*.test=127.0.0.1", "--delay", "0"],
            capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def themed_region(folder: Path, seed: int, makes: list[tuple[str, str]], per_make: int) -> Path:
    return generate_sites(folder, seed, themed_plans(seed, makes, per_make))
