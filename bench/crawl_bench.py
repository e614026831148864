"""Crawl benchmark on the demo region: how focused is the focused crawl, and how cheap is a re-crawl.

    .venv/bin/python -m bench.crawl_bench [--schools 340] [--seed 66] [--delay 0.2]

Three runs against one served region, in one results folder:
1. the focused audit crawl (what `eduaudit crawl` does);
2. the same crawl again with nothing changed (HTTP cache revalidation);
3. the same spider with focusing off (whole sites, within generous budgets).
Prints a Markdown table and writes bench/results/crawl_bench.{json,md}.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from demo_region.accuracy import compare
from demo_region.generate import generate_region, write_registry
from demo_region.server import RegionServer

ROOT = Path(__file__).resolve().parent.parent


def scrapy_stats(log_path: Path) -> dict:
    text = log_path.read_text(encoding="utf-8")
    dump = text[text.rindex("Dumping Scrapy stats:"):]
    body = re.sub(r"datetime\.datetime\([^)]*\)", "None", dump[dump.index("{"): dump.index("}") + 1])
    return ast.literal_eval(body)


# Figures of a whole process, not a sum over processes: the largest shard's stands for the crawl.
_PER_PROCESS = ("elapsed_time_seconds", "memusage/")


def run_scrapy_stats(logs: Path, run_id: int) -> dict:
    """Scrapy's stats of a run's crawl, its shards' added up (``run-N-crawl.log`` or ``run-N-crawl-K.log``)."""
    files = [logs / f"run-{run_id}-crawl.log", *sorted(logs.glob(f"run-{run_id}-crawl-*.log"))]
    combined: dict = {}
    for stats in (scrapy_stats(f) for f in files if f.exists()):
        for key, value in stats.items():
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                combined.setdefault(key, value)
            elif key.startswith(_PER_PROCESS):
                combined[key] = max(combined.get(key, value), value)
            else:
                combined[key] = combined.get(key, 0) + value
    return combined


def crawl(registry: Path, out: Path, delay: float, *extra: str) -> tuple[int, float]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry),
                           "--out", str(out), "--resolve", "*.test=127.0.0.1", "--delay", str(delay),
                           "--quiet", *extra], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    with sqlite3.connect(out / "eduaudit.db") as conn:
        run_id = conn.execute("select max(id) from runs").fetchone()[0]
    return run_id, time.monotonic() - started


def per_site_requests(db: Path, run_id: int) -> list[int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select s.school_id, (select count(*) from pages p where p.run_id = s.run_id and p.school_id = s.school_id)"
            " + (select count(*) from documents d where d.run_id = s.run_id and d.school_id = s.school_id)"
            " + s.errors from sites s where s.run_id = ? and s.reachable = 1", [run_id]).fetchall()
    return [n for _, n in rows]


def documents_found(region: Path, db: Path, run_id: int) -> tuple[int, int, int, int]:
    """(all found, all expected, mentoring found, mentoring expected) on reachable sites."""
    manifest = json.loads((region / "region.json").read_text(encoding="utf-8"))
    with sqlite3.connect(db) as conn:
        reachable = {r[0] for r in conn.execute("select school_id from sites where run_id = ? and reachable = 1",
                                                [run_id])}
        got = {}
        for school_id, url in conn.execute(
                "select school_id, url from documents where run_id = ? and sha256 is not null "
                "union select school_id, url from pages where run_id = ?", [run_id, run_id]):
            host_path = re.sub(r"^https?://([^/:]+)(?::\d+)?", r"\1", url)
            got.setdefault(school_id, set()).add(host_path.rstrip("/"))
    found = expected = m_found = m_expected = 0
    for school in manifest["schools"]:
        if school["school_id"] not in reachable:
            continue
        for doc in school["documents"]:
            key = f"{doc['host']}{doc['url']}".rstrip("/")
            hit = key in got.get(school["school_id"], set())
            expected += 1
            found += hit
            if doc.get("mentoring"):
                m_expected += 1
                m_found += hit
    return found, expected, m_found, m_expected


def summarise(name: str, region: Path, out: Path, run_id: int, seconds: float) -> dict:
    db = out / "eduaudit.db"
    stats = run_scrapy_stats(out / "logs", run_id)
    sites = sorted(per_site_requests(db, run_id))
    found, expected, m_found, m_expected = documents_found(region, db, run_id)
    agreement = compare(db, region / "ground_truth.csv", run_id)
    p95 = sites[max(0, int(round(0.95 * len(sites))) - 1)] if sites else 0
    return {
        "run": name, "run_id": run_id, "wall_seconds": round(seconds, 1),
        "crawl_seconds": round(stats.get("elapsed_time_seconds", 0), 1),
        "requests": stats.get("downloader/request_count", 0),
        "requests_per_site_median": statistics.median(sites) if sites else 0,
        "requests_per_site_p95": p95,
        "transferred_bytes": stats.get("eduaudit/transferred_bytes", 0),
        "not_modified_304": stats.get("eduaudit/network_status/304", 0),
        # The audit needs the mentoring documents; the mandatory ones (charter, internal
        # rules…) are skipped by the focused crawl on purpose, so "all" is context only.
        "mentoring_documents_found": f"{m_found}/{m_expected}",
        "mentoring_documents_found_share": round(m_found / m_expected, 4) if m_expected else 0,
        "all_documents_found": f"{found}/{expected}",
        "verdicts_equal_ground_truth": round(agreement.share, 4),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=340)
    parser.add_argument("--seed", type=int, default=66)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)

    region = generate_region(ROOT / ".cache" / "demo-region" / f"seed{args.seed}-n{args.schools}",
                             seed=args.seed, n_schools=args.schools)
    out = args.work / f"crawl-seed{args.seed}-n{args.schools}-{int(time.time())}"
    rows = []
    with RegionServer(region) as server:
        registry = out / "registry.csv"
        out.mkdir(parents=True, exist_ok=True)
        write_registry(region, server.port, registry)
        run_id, seconds = crawl(registry, out, args.delay)
        rows.append(summarise("focused", region, out, run_id, seconds))
        run_id, seconds = crawl(registry, out, args.delay)
        rows.append(summarise("focused, re-crawl (nothing changed)", region, out, run_id, seconds))
        run_id, seconds = crawl(registry, out, args.delay, "--unfocused", "--max-pages", "1000",
                                "--max-documents", "1000")
        rows.append(summarise("whole sites (focusing off)", region, out, run_id, seconds))

    focused, recrawl, full = rows
    ratios = {
        "requests_full_over_focused": round(full["requests"] / focused["requests"], 2),
        "recrawl_bytes_share": round(recrawl["transferred_bytes"] / focused["transferred_bytes"], 4),
    }
    result = {"schools": args.schools, "seed": args.seed, "delay": args.delay, "runs": rows, "ratios": ratios,
              "command": f"python -m bench.crawl_bench --schools {args.schools} --seed {args.seed} --delay {args.delay}"}
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "crawl_bench.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(r[c]) for c in columns) + " |" for r in rows]
    lines += ["", f"Whole-site crawl needs {ratios['requests_full_over_focused']}× the requests of the focused crawl; "
              f"a re-crawl with nothing changed transfers {100 * ratios['recrawl_bytes_share']:.1f} % of the first "
              f"run's bytes.", "", f"Command: `{result['command']}`"]
    (args.results / "crawl_bench.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
