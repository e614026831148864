"""Region benchmark: the whole audit of the demo region under realistic network conditions, with baselines.

    .venv/bin/python -m bench.region_bench --schools 340 [--seed 66] [--delay 1.0]
        [--baselines wget,unfocused] [--out bench/results]

For each region size (``--schools 34,340,3400`` measures several in turn):
1. generates the demo region, or reuses it from .cache/demo-region (as ``eduaudit demo`` does);
2. serves it with per-request latency, a bandwidth cap per host and a few slow hosts
   (demo_region/conditions.py), counting requests and bytes per host;
3. runs the audit as a user does — ``eduaudit crawl`` (crawl, extraction, classification and
   rules), then ``eduaudit report`` — and measures each stage;
4. runs the baselines against the same server: ``wget --mirror`` of every site followed by a
   keyword search of the mirror (bench/keyword_search.py), and our spider with focusing off;
5. computes the politeness bound (bench/politeness.py);
6. prints a Markdown table, writes bench/results/region_bench-n<N>.{json,md} and refreshes the
   figures in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import sys
import time
import urllib.request
from pathlib import Path

from bench.crawl_bench import documents_found, run_scrapy_stats
from bench.keyword_search import RULE as REGULATION_RULE
from bench.measure import Measured, OcrMeter, machine_facts, process_cpu, run_measured
from bench import scrapy_floor
from bench.politeness import politeness_bound, region_needs, request_purposes
from bench.wget_baseline import mirror_sites
from crawler import settings as crawler_settings
from demo_region.accuracy import compare
from demo_region.conditions import STATS_HOST, STATS_PATH, NetworkConditions, parse_latency
from demo_region.generate import generate_region, write_registry
from demo_region.server import RegionServer
from eduaudit.extraction import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / ".cache" / "demo-region"  # the folder `eduaudit demo` generates regions into
BASELINES = ("wget", "unfocused", "sequential")
# The audit as it ran until 2026-12-05: extraction after the crawl, the first three scanned pages
# that need OCR recognised in full. Run beside today's to show what reading while the crawl waits
# and OCR of only what decides gain, on the same machine in the same run.
SEQUENTIAL_OPTIONS = ("--ocr", "first-pages", "--extract-after-crawl")
# Lines `eduaudit crawl` prints on stderr when a stage begins.
STAGE_MARKERS = {"extraction": "Извлечение текста документов", "audit": "Классификация документов"}
RESULTS_BEGIN = "<!-- region_bench:begin -->"
RESULTS_END = "<!-- region_bench:end -->"


def eduaudit_command() -> list[str]:
    script = Path(sys.executable).parent / "eduaudit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "eduaudit.cli"]


def server_stats(port: int) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{STATS_PATH}", headers={"Host": STATS_HOST})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
    with opener.open(request, timeout=30) as response:
        return json.load(response)


def traffic(before: dict, after: dict, region: dict) -> dict:
    """Requests and bytes between two stats snapshots: total and per school (its hosts together)."""
    requests = {h: n - before["requests"].get(h, 0) for h, n in after["requests"].items()}
    sent = {h: n - before["bytes"].get(h, 0) for h, n in after["bytes"].items()}
    owner = {}
    sites = region["schools"] + region.get("authorities", [])  # every row of the registry
    for site in sites:
        owner[site["host"]] = owner[site.get("content_host", site["host"])] = site["school_id"]
    per_school = {s["school_id"]: 0 for s in sites}
    shared = 0
    for host, n in requests.items():
        if host in owner:
            per_school[owner[host]] += n
        else:
            shared += n  # municipal file servers, shared by the schools of a town
    counts = sorted(per_school.values())
    return {
        "requests": sum(requests.values()),
        "requests_per_site_median": statistics.median(counts) if counts else 0,
        "requests_per_site_p95": _p95(counts),
        "requests_per_site_max": counts[-1] if counts else 0,
        "requests_to_shared_hosts": shared,
        "bytes": sum(sent.values()),
    }


def _p95(values: list[int]) -> int:
    return values[max(0, int(round(0.95 * len(values))) - 1)] if values else 0


def _cpu(seconds: float) -> float:
    return round(max(0.0, seconds), 2)


def stage_figures(crawl: Measured, report: Measured, ocr_cpu: float, ocr_runs: int) -> dict:
    extraction, audit = crawl.phase("extraction"), crawl.phase("audit")
    if extraction is None or audit is None:
        # The stage lines were not seen (changed wording?): only the whole command is known.
        return {"crawl+extraction+audit": {"wall_seconds": round(crawl.wall_seconds, 1),
                                           "cpu_seconds": _cpu(crawl.cpu_seconds)},
                "ocr": {"cpu_seconds": _cpu(ocr_cpu), "tesseract_runs": ocr_runs},
                "report": {"wall_seconds": round(report.wall_seconds, 1), "cpu_seconds": _cpu(report.cpu_seconds)}}
    return {
        "crawl": {"wall_seconds": round(extraction.at, 1), "cpu_seconds": _cpu(extraction.cpu_seconds)},
        # Extraction without the tesseract runs, which are counted under OCR.
        "extraction": {"wall_seconds": round(audit.at - extraction.at, 1),
                       "cpu_seconds": _cpu(audit.cpu_seconds - extraction.cpu_seconds - ocr_cpu)},
        "ocr": {"cpu_seconds": _cpu(ocr_cpu), "tesseract_runs": ocr_runs},
        "audit": {"wall_seconds": round(crawl.wall_seconds - audit.at, 1),
                  "cpu_seconds": _cpu(crawl.cpu_seconds - audit.cpu_seconds)},
        "report": {"wall_seconds": round(report.wall_seconds, 1), "cpu_seconds": _cpu(report.cpu_seconds)},
    }


def scanned_work(db: Path, run_id: int) -> dict:
    """Scanned documents of the run, their pages that needed OCR (within the budget) and those left unread."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select page_count, coalesce(ocr_pages_unread, '[]') from extractions where ocr_used = 1 and sha256 in "
            "(select sha256 from documents where run_id = ?)", [run_id]).fetchall()
    budget = DEFAULT_SETTINGS.max_ocr_pages
    pages = sum(min(count or 1, budget) for count, _unread in rows)
    unread = sum(len([p for p in json.loads(u) if p <= budget]) for _count, u in rows)
    return {"scanned_documents": len(rows), "scanned_pages": pages, "pages_left_unread_in_whole_or_part": unread}


def _require(measured: Measured, what: str) -> None:
    if measured.returncode != 0:
        raise SystemExit(f"{what} failed (exit {measured.returncode}):\n{measured.stderr_tail[-3000:]}")


class Bench:
    """One region size: the server, its registry and every measured run against it."""

    def __init__(self, args: argparse.Namespace, schools: int, delay: float):
        self.args = args
        self.schools = schools
        self.delay = delay
        self.conditions = NetworkConditions(latency=args.latency, bandwidth=args.bandwidth or None,
                                            seed=args.seed, slow_share=args.slow_hosts)
        self.work = args.work / f"region-seed{args.seed}-n{schools}-{time.strftime('%Y%m%d-%H%M%S')}"
        self.commands: dict[str, str] = {}
        self.needs: list = []  # bench.politeness.HostNeed of every host, read when the run starts
        self.machine = machine_facts()  # before the run: its load is not this machine's state

    # -- the audit as a user runs it --------------------------------------------------------------
    def audit(self, name: str, *extra: str) -> dict:
        out = self.work / name
        out.mkdir(parents=True)
        meter = OcrMeter(self.work / f"ocr-{name}")
        before, server_cpu = server_stats(self.server.port), process_cpu(self.server.process.pid)
        argv = [*eduaudit_command(), "crawl", "--registry", str(self.registry), "--out", str(out),
                "--resolve", "*.test=127.0.0.1", "--delay", str(self.delay), *extra]
        crawl = run_measured(argv, markers=STAGE_MARKERS, env=meter.env(), cwd=ROOT,
                             log_path=out / "crawl-command.log")
        _require(crawl, f"eduaudit crawl ({name})")
        after, server_cpu = server_stats(self.server.port), process_cpu(self.server.process.pid) - server_cpu
        ocr_cpu, ocr_runs = meter.read()
        db = out / "eduaudit.db"
        with sqlite3.connect(db) as conn:
            run_id = conn.execute("select max(id) from runs").fetchone()[0]
        report = run_measured([*eduaudit_command(), "report", "--out", str(out), "--run", str(run_id),
                               "--no-compare"], cwd=ROOT, log_path=out / "report-command.log")
        _require(report, f"eduaudit report ({name})")
        self.commands[name] = (f"eduaudit crawl --registry REGISTRY --out OUT --resolve '*.test=127.0.0.1' "
                               f"--delay {self.delay} {' '.join(extra)}".rstrip()
                               + "; eduaudit report --out OUT --run N --no-compare")
        agreement = compare(db, self.region / "ground_truth.csv", run_id)
        regulation = agreement.per_rule.get(REGULATION_RULE, [0, 0])
        found, expected, m_found, m_expected = documents_found(self.region, db, run_id)
        spider = run_scrapy_stats(out / "logs", run_id)
        scans = scanned_work(db, run_id)
        return {
            "ocr": {**scans, "cpu_seconds": _cpu(ocr_cpu), "tesseract_runs": ocr_runs,
                    "seconds_per_scanned_document": round(ocr_cpu / scans["scanned_documents"], 3)
                    if scans["scanned_documents"] else None,
                    "seconds_per_scanned_page": round(ocr_cpu / scans["scanned_pages"], 3)
                    if scans["scanned_pages"] else None},
            "wall_seconds": round(crawl.wall_seconds + report.wall_seconds, 1),
            "stages": stage_figures(crawl, report, ocr_cpu, ocr_runs),
            **traffic(before, after, self.manifest),
            "requests_by_purpose": request_purposes(before, after, self.needs, self.region),
            "scrapy_request_count": spider.get("downloader/request_count"),
            # The spider's own time from its first request to its last answer (no start-up, no extraction).
            "spider_elapsed_seconds": round(spider.get("elapsed_time_seconds", 0.0), 1),
            "cpu_seconds_total": _cpu(crawl.cpu_seconds + report.cpu_seconds),
            "peak_rss_mb": round(max(crawl.max_rss_mb, report.max_rss_mb), 1),
            "tree_rss_peak_mb": round(max(crawl.tree_rss_peak_mb, report.tree_rss_peak_mb), 1),
            "server_cpu_seconds": _cpu(server_cpu),
            "verdicts_equal_ground_truth": round(agreement.share, 4),
            "verdicts_equal": f"{agreement.equal}/{agreement.pairs}",
            "regulation_equal_ground_truth": round(regulation[0] / regulation[1], 4) if regulation[1] else 0.0,
            "mismatches": {f"{r}: expected {e}, got {a}": n for (r, e, a), n in agreement.confusion.items()},
            "documents_found": f"{found}/{expected}",
            "mentoring_documents_found": f"{m_found}/{m_expected}",
            "results_folder": str(out),
        }

    # -- what a user would do otherwise ----------------------------------------------------------------
    def wget(self) -> dict:
        folder = self.work / "wget"
        mirror = folder / "mirror"
        urls = [line.rsplit(",", 1)[-1].strip() for line in self.registry.read_text(encoding="utf-8").splitlines()[1:]]
        before, server_cpu = server_stats(self.server.port), process_cpu(self.server.process.pid)
        started = time.monotonic()
        mirrored = mirror_sites(urls, mirror, folder / "logs", self.server.port, self.delay,
                                crawler_settings.CONCURRENT_REQUESTS, self.args.wget_site_timeout)
        mirror_wall = time.monotonic() - started
        after, server_cpu = server_stats(self.server.port), process_cpu(self.server.process.pid) - server_cpu
        meter = OcrMeter(self.work / "ocr-wget")
        verdicts_path = folder / "verdicts.json"
        search = run_measured([sys.executable, "-m", "bench.keyword_search", str(mirror), "--region",
                               str(self.region), "--out", str(verdicts_path)], env=meter.env(), cwd=ROOT,
                              log_path=folder / "search-command.log")
        _require(search, "keyword search of the wget mirror")
        ocr_cpu, ocr_runs = meter.read()
        found = json.loads(verdicts_path.read_text(encoding="utf-8"))
        self.commands["wget"] = (f"wget --mirror --wait {self.delay} --random-wait -e use_proxy=on "
                                 f"-e http_proxy=http://127.0.0.1:PORT URL  (x{len(urls)}, "
                                 f"{crawler_settings.CONCURRENT_REQUESTS} at a time); "
                                 "python -m bench.keyword_search MIRROR --region REGION --out verdicts.json")
        return {
            "wall_seconds": round(mirror_wall + search.wall_seconds, 1),
            "stages": {
                "mirror": {"wall_seconds": round(mirror_wall, 1), "cpu_seconds": mirrored["cpu_seconds"]},
                "search": {"wall_seconds": round(search.wall_seconds, 1),
                           "cpu_seconds": _cpu(search.cpu_seconds - ocr_cpu)},
                "ocr": {"cpu_seconds": _cpu(ocr_cpu), "tesseract_runs": ocr_runs},
            },
            **traffic(before, after, self.manifest),
            "requests_by_purpose": request_purposes(before, after, self.needs, self.region),
            "cpu_seconds_total": _cpu(mirrored["cpu_seconds"] + search.cpu_seconds),
            "peak_rss_mb": round(max(mirrored["max_rss_mb"], search.max_rss_mb), 1),
            "tree_rss_peak_mb": round(search.tree_rss_peak_mb, 1),
            "server_cpu_seconds": _cpu(server_cpu),
            "regulation_equal_ground_truth": found["agreement"]["share"],
            "regulation_equal": f"{found['agreement']['equal']}/{found['agreement']['pairs']}",
            "mismatches": found["agreement"]["mismatches"],
            "mentoring_documents_found": found["mentoring_documents_found"],
            "mirrored_files": found["files"],
            "wget": mirrored,
            "results_folder": str(folder),
        }

    def run(self) -> dict:
        started = time.monotonic()
        reused = (self.args.cache / f"seed{self.args.seed}-n{self.schools}" / "complete.json").exists()
        self.region = generate_region(self.args.cache / f"seed{self.args.seed}-n{self.schools}",
                                      seed=self.args.seed, n_schools=self.schools)
        generation = time.monotonic() - started
        self.manifest = json.loads((self.region / "region.json").read_text(encoding="utf-8"))
        self.work.mkdir(parents=True)
        runs = {}
        # what each host truly needs: the bound, the floor, and what every run's requests were for
        self.needs = needs = region_needs(self.region, self.conditions)
        with RegionServer(self.region, conditions=self.conditions) as self.server:
            self.registry = self.work / "registry.csv"
            write_registry(self.region, self.server.port, self.registry)
            runs["focused"] = self.audit("focused")
            if "sequential" in self.args.baselines:
                runs["sequential"] = self.audit("sequential", *SEQUENTIAL_OPTIONS)
            if "unfocused" in self.args.baselines:
                runs["unfocused"] = self.audit("unfocused", "--unfocused", "--max-pages", str(self.args.max_pages),
                                               "--max-documents", str(self.args.max_pages))
            if "wget" in self.args.baselines:
                runs["wget"] = self.wget()
            floor = None
            if not self.args.no_floor:
                floor = scrapy_floor.measure(needs, self.server.port, self.delay, os.cpu_count() or 1)
                low, high = self.args.latency
                self.commands["floor"] = (
                    f"python -m bench.scrapy_floor --schools {self.schools} --seed {self.args.seed} "
                    f"--delay {self.delay} --latency {low},{high} --bandwidth {self.args.bandwidth or 0:g} "
                    f"--slow-hosts {self.args.slow_hosts}")
            slow_hosts = server_stats(self.server.port)["slow_hosts"]
        if "wget" not in runs:
            carried = self.earlier_wget()
            if carried:
                runs["wget"] = carried
        bound = politeness_bound(self.region, self.conditions, self.delay, crawler_settings.CONCURRENT_REQUESTS, needs)
        if floor:
            bound["scrapy_floor"] = floor
        return self.summary(runs, bound, generation, reused, slow_hosts)

    def earlier_wget(self) -> dict | None:
        """The wget baseline of an earlier run of this size under the same conditions, if any.

        wget and the keyword search do not change with our code, so a run that
        skips them (to re-measure our crawler in minutes rather than an hour) can
        still be compared; the row says when the baseline was measured.
        """
        path = self.args.out / f"region_bench-n{self.schools}.json"
        try:
            earlier = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        wget = earlier.get("runs", {}).get("wget")
        # wget runs as many sites at once as the crawler has requests in flight: that must match too.
        same = (earlier.get("delay") == self.delay
                and earlier.get("crawler", {}).get("CONCURRENT_REQUESTS") == crawler_settings.CONCURRENT_REQUESTS
                and {k: v for k, v in earlier.get("conditions", {}).items() if k in SAME_CONDITIONS}
                == {k: v for k, v in self.conditions.describe().items() if k in SAME_CONDITIONS})
        if not wget or not same:
            return None
        return {**wget, "carried_from": wget.get("carried_from") or earlier.get("measured_at")}

    def summary(self, runs: dict, bound: dict, generation: float, reused: bool, slow_hosts: list) -> dict:
        focused = runs["focused"]
        crawl_wall = focused["stages"].get("crawl", {}).get("wall_seconds", focused["wall_seconds"])
        bound["ratio_crawl_wall"] = round(crawl_wall / bound["seconds"], 2) if bound["seconds"] else None
        bound["ratio_spider_elapsed"] = (round(focused["spider_elapsed_seconds"] / bound["seconds"], 2)
                                         if bound["seconds"] else None)
        bound["ratio_total_wall"] = round(focused["wall_seconds"] / bound["seconds"], 2) if bound["seconds"] else None
        floor = bound.get("scrapy_floor")
        if floor and bound["seconds"]:
            floor["ratio_to_bound"] = round(floor["wall_seconds"] / bound["seconds"], 2)
            floor["ratio_crawl_wall_to_floor"] = round(crawl_wall / floor["wall_seconds"], 2)
        ratios = {}
        for other in ("wget", "unfocused", "sequential"):
            if other in runs:
                ratios[f"requests_{other}_over_focused"] = round(runs[other]["requests"] / max(1, focused["requests"]), 2)
                ratios[f"wall_{other}_over_focused"] = round(runs[other]["wall_seconds"] / focused["wall_seconds"], 2)
        if "sequential" in runs:
            before = runs["sequential"]
            before_fetch = before["stages"].get("crawl", {}).get("wall_seconds")
            ocr_before = before["stages"]["ocr"]["cpu_seconds"]
            ratios["ocr_cpu_focused_over_sequential"] = (
                round(focused["stages"]["ocr"]["cpu_seconds"] / ocr_before, 3) if ocr_before else None)
            ratios["fetch_wall_focused_over_sequential"] = (round(crawl_wall / before_fetch, 3) if before_fetch else None)
        targets = {
            # by the counts: a share rounded to four places reads 1.0 for 23,934 of 23,935
            "verdicts_100_percent": _all_equal(focused["verdicts_equal"]),
            "wall_within_1.5x_politeness_bound": bound["ratio_crawl_wall"] is not None and bound["ratio_crawl_wall"] <= 1.5,
            "peak_memory_under_1_GiB": focused["tree_rss_peak_mb"] < 1024,
            "whole_audit_within_3x_politeness_bound": (bound["ratio_total_wall"] is not None
                                                       and bound["ratio_total_wall"] <= 3.0),
        }
        if "sequential" in runs:
            targets["ocr_cpu_at_most_a_third_of_sequential"] = (
                ratios["ocr_cpu_focused_over_sequential"] is not None
                and ratios["ocr_cpu_focused_over_sequential"] <= 1 / 3)
            targets["fetch_wall_within_5_percent_of_sequential"] = (
                ratios["fetch_wall_focused_over_sequential"] is not None
                and ratios["fetch_wall_focused_over_sequential"] <= 1.05)
            targets["same_verdicts_as_sequential"] = (
                runs["sequential"]["verdicts_equal"] == focused["verdicts_equal"])
        if "wget" in runs:
            targets["10x_fewer_requests_than_wget"] = ratios["requests_wget_over_focused"] >= 10
            targets["5x_less_wall_than_wget"] = ratios["wall_wget_over_focused"] >= 5
            targets["regulation_findings_same_or_better_than_wget"] = (
                focused["regulation_equal_ground_truth"] >= runs["wget"]["regulation_equal_ground_truth"])
        schools = self.manifest["schools"]
        return {
            "schools": self.schools, "seed": self.args.seed, "delay": self.delay,
            "conditions": {**self.conditions.describe(), "slow_hosts": slow_hosts,
                           "region_slow_hosts": sorted(h for h, s in self.manifest["hosts"].items()
                                                       if s.get("behaviour") == "slow")},
            "crawler": {"CONCURRENT_REQUESTS": crawler_settings.CONCURRENT_REQUESTS,
                        "CONCURRENT_REQUESTS_PER_DOMAIN": crawler_settings.CONCURRENT_REQUESTS_PER_DOMAIN},
            "region": {"folder": str(self.region), "reused": reused, "generation_seconds": round(generation, 1),
                       "hosts": len(self.manifest["hosts"]),
                       "authorities": len(self.manifest.get("authorities", [])), "pages": sum(s["pages"] for s in schools),
                       "documents": sum(len(s["documents"]) for s in schools)},
            "machine": self.machine,
            "runs": runs, "politeness_bound": bound, "ratios": ratios, "targets": targets,
            "commands": {"bench": self.args.command_line, **self.commands},
            "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        }


# -- tables ------------------------------------------------------------------------------------------
# What must be equal for a baseline measured earlier to stand beside a new run.
SAME_CONDITIONS = ("latency_seconds", "bandwidth_bytes_per_second", "slow_share", "slow_latency_factor",
                   "slow_bandwidth_factor", "seed")
RUN_TITLES = {"focused": "eduaudit (focused)", "unfocused": "eduaudit, focusing off", "wget": "wget --mirror + keyword search",
              "sequential": "eduaudit as until 2026-12-05 (extraction after the crawl, OCR of the first pages in full)"}


def _stage_cpu(run: dict, *names: str) -> str:
    values = [run["stages"][n]["cpu_seconds"] for n in names if n in run["stages"]]
    return f"{sum(values):.1f}" if values else "—"


def markdown(result: dict) -> str:
    runs = result["runs"]
    head = ["run", "wall s", "fetch wall s", "requests", "req/site median", "req/site p95", "MB sent",
            "CPU crawl/mirror s", "CPU extraction/search s", "CPU OCR s", "CPU audit s", "CPU report s",
            "peak RSS MB (largest process / tree)", "verdicts = truth", "doc.regulation = truth"]
    lines = [f"### {result['schools']} schools (seed {result['seed']}, per-host delay {result['delay']} s)", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, run in runs.items():
        stages = run["stages"]
        fetch = stages.get("crawl", stages.get("mirror", {})).get("wall_seconds", "—")
        lines.append("| " + " | ".join(str(v) for v in [
            RUN_TITLES[name] + (f" (measured {run['carried_from']})" if run.get("carried_from") else ""),
            run["wall_seconds"], fetch, run["requests"], run["requests_per_site_median"],
            run["requests_per_site_p95"], f"{run['bytes'] / 1e6:.1f}", _stage_cpu(run, "crawl", "mirror"),
            _stage_cpu(run, "extraction", "search"), _stage_cpu(run, "ocr"), _stage_cpu(run, "audit"),
            _stage_cpu(run, "report"), f"{run['peak_rss_mb']:.0f} / {run['tree_rss_peak_mb']:.0f}",
            run.get("verdicts_equal", "—"), run.get("regulation_equal", _share(run["regulation_equal_ground_truth"]))]) + " |")
    bound = result["politeness_bound"]
    conditions = result["conditions"]
    lines += ["", f"Conditions: latency {conditions['latency_seconds'][0]}–{conditions['latency_seconds'][1]} s per "
              f"request, bandwidth {_bandwidth(conditions['bandwidth_bytes_per_second'])} per host, "
              f"{len(conditions['slow_hosts'])} slow hosts by the conditions (×{conditions['slow_latency_factor']:g} "
              f"latency, ×{conditions['slow_bandwidth_factor']:g} bandwidth) and {len(conditions['region_slow_hosts'])} "
              f"slow by the region (1–3 s per answer).",
              f"Politeness bound: {bound['seconds']} s (slowest host {bound['max_host_seconds']} s, "
              f"concurrency term {bound['concurrency_seconds']} s, {bound['needed_requests_total']} needed requests); "
              f"focused fetch wall / bound = {bound['ratio_crawl_wall']} (spider's own elapsed time / bound = "
              f"{bound.get('ratio_spider_elapsed')}), whole audit / bound = {bound['ratio_total_wall']}."]
    floor = bound.get("scrapy_floor")
    if floor:
        lines.append(f"Scrapy floor (bench/scrapy_floor.py: bare Scrapy handed the {floor['requests']} needed requests, "
                     f"no parsing or storage, {floor['processes']} processes): {floor['wall_seconds']} s, "
                     f"{floor['ratio_to_bound']} × the bound, {floor['cpu_ms_per_request']} ms of CPU per request; "
                     f"focused fetch wall / floor = {floor['ratio_crawl_wall_to_floor']}.")
    for name, run in runs.items():
        if run.get("requests_by_purpose"):
            lines.append(f"Requests of {RUN_TITLES[name]} by purpose: {_purposes(run['requests_by_purpose'])}.")
    for name, run in runs.items():
        ocr = run.get("ocr")
        if ocr and ocr.get("scanned_documents"):
            lines.append(f"OCR of {RUN_TITLES[name]}: {ocr['scanned_documents']} scanned documents, "
                         f"{ocr['scanned_pages']} scanned pages in the budget, "
                         f"{ocr['pages_left_unread_in_whole_or_part']} of them left unread in whole or part; "
                         f"{ocr['seconds_per_scanned_document']} s of OCR CPU per scanned document, "
                         f"{ocr['seconds_per_scanned_page']} s per scanned page.")
    if result["ratios"]:
        lines.append("Ratios: " + ", ".join(f"{k} = {v}" for k, v in result["ratios"].items()) + ".")
    lines.append("Targets: " + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in result["targets"].items()) + ".")
    machine = result.get("machine", {})
    if machine.get("reference_seconds"):
        lines.append(f"Machine: {machine['cpus']} CPUs ({machine.get('cpu_model') or 'model unknown'}), reference "
                     f"work {machine['reference_seconds']} s of CPU (bench/measure.py `reference_seconds`; the "
                     f"same work on a slower machine takes longer), load average at start "
                     f"{machine['load_average_at_start'][0]}.")
    lines += ["", f"Command: `{result['commands']['bench']}`"]
    return "\n".join(lines) + "\n"


PURPOSE_TITLES = {"needed": "needed by the bound", "other_pages": "other pages (hubs, sections)",
                  "other_files": "files the bound does not count", "misses": "404 (usual addresses the site lacks)",
                  "sitemaps": "sitemap", "redirects": "redirects", "failures": "failed", "repeats": "repeated",
                  "unanswered": "cut off unanswered"}


def _purposes(purposes: dict) -> str:
    parts = [f"{purposes[k]:,} {title}" for k, title in PURPOSE_TITLES.items() if purposes.get(k)]
    return "; ".join(parts) + f" (the bound's requests never made: {purposes.get('needed_not_requested', 0):,})"


def _share(value: float) -> str:
    return f"{100 * value:.1f} %"


def _bandwidth(value) -> str:
    return "unlimited" if not value else f"{value / 1e6:g} MB/s"


def _all_equal(verdicts_equal: str) -> bool:
    """Whether «equal/pairs» counts every verdict equal to the ground truth."""
    equal, pairs = (int(part) for part in verdicts_equal.split("/"))
    return equal == pairs


def scaling_table(results: list[dict]) -> str:
    head = ["schools", "delay s", "wall s", "fetch wall s", "bound s", "fetch/bound", "Scrapy floor s", "requests", "CPU s",
            "tree RSS MB", "wall s per school", "verdicts = truth", "wget wall s", "wget requests", "measured"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in sorted(results, key=lambda r: r["schools"]):
        f = r["runs"]["focused"]
        w = r["runs"].get("wget")
        lines.append("| " + " | ".join(str(v) for v in [
            r["schools"], r["delay"], f["wall_seconds"], f["stages"].get("crawl", {}).get("wall_seconds", "—"),
            r["politeness_bound"]["seconds"], r["politeness_bound"]["ratio_crawl_wall"],
            r["politeness_bound"].get("scrapy_floor", {}).get("wall_seconds", "—"), f["requests"],
            f["cpu_seconds_total"], f"{f['tree_rss_peak_mb']:.0f}", f"{f['wall_seconds'] / r['schools']:.2f}",
            f["verdicts_equal"], w["wall_seconds"] if w else "not run", w["requests"] if w else "not run",
            r["measured_at"]]) + " |")
    return "\n".join(lines) + "\n"


def _earlier_block(text: str) -> tuple[dict[int, str], dict[int, str]]:
    """The scaling rows and the per-size sections of the generated block already in RESULTS.md, by size."""
    match = re.search(re.escape(RESULTS_BEGIN) + "(.*?)" + re.escape(RESULTS_END), text, flags=re.S)
    if not match:
        return {}, {}
    block = match.group(1)
    rows = {int(m.group(1)): m.group(0) for m in re.finditer(r"^\| (\d+) \|.*$", block, flags=re.M)}
    sections = {int(m.group(1)): m.group(0).rstrip() + "\n"
                for m in re.finditer(r"^### (\d+) schools .*?(?=^### |\Z)", block, flags=re.S | re.M)}
    return rows, sections


def refresh_results_md(path: Path, results_dir: Path) -> None:
    """Rewrite the generated part of RESULTS.md from every region_bench-n*.json in the results folder.

    A size with no JSON here (measured on another checkout, its JSON not kept) keeps its row and
    section from the block already in the file: a run of one size must not erase the others.
    """
    results = []
    for file in sorted(results_dir.glob("region_bench-n*.json")):
        try:
            results.append(json.loads(file.read_text(encoding="utf-8")))
        except ValueError:
            continue
    if not results:
        return
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    kept_rows, kept_sections = _earlier_block(text)
    measured = {r["schools"] for r in results}
    table = scaling_table(results).rstrip("\n").split("\n")
    rows = {int(line.split("|")[1]): line for line in table[2:]}
    rows.update({n: row for n, row in kept_rows.items() if n not in measured})
    sections = {r["schools"]: markdown(r) for r in results}
    sections.update({n: section for n, section in kept_sections.items() if n not in measured})
    block = [RESULTS_BEGIN, "", "#### Scaling", "", "\n".join(table[:2] + [rows[n] for n in sorted(rows)]) + "\n"]
    block += [sections[n] for n in sorted(sections)]
    block.append(RESULTS_END)
    generated = "\n".join(block)
    if RESULTS_BEGIN in text and RESULTS_END in text:
        text = re.sub(re.escape(RESULTS_BEGIN) + ".*?" + re.escape(RESULTS_END), lambda _: generated, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + generated + "\n"
    path.write_text(text, encoding="utf-8")


# -- command line ----------------------------------------------------------------------------------
def _numbers(kind):
    return lambda text: [kind(x) for x in text.split(",") if x.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=_numbers(int), default=[340], help="one size or a list: 34,340,3400")
    parser.add_argument("--seed", type=int, default=66)
    parser.add_argument("--delay", type=_numbers(float), default=[1.0],
                        help="per-host delay, s; one value, or one per size (e.g. 1.0,1.0,0.25)")
    parser.add_argument("--latency", type=parse_latency, default=(0.05, 0.4), help="LOW,HIGH seconds per request")
    parser.add_argument("--bandwidth", type=float, default=1_000_000, help="bytes per second per host (0: unlimited)")
    parser.add_argument("--slow-hosts", type=float, default=0.02, help="share of hosts made slow by the conditions")
    parser.add_argument("--baselines", default="wget,unfocused,sequential",
                        help="comma list of wget, unfocused, sequential; or none")
    parser.add_argument("--skip-baselines", action="store_true", help="same as --baselines none")
    parser.add_argument("--max-pages", type=int, default=1000, help="page and document budget of the unfocused run")
    parser.add_argument("--wget-site-timeout", type=float, default=3 * 3600.0,
                        help="stop a site's wget after this many seconds (counted in the table)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="generated regions (as eduaudit demo)")
    parser.add_argument("--results-md", type=Path, default=ROOT / "bench" / "RESULTS.md",
                        help="Markdown file whose generated block is refreshed")
    parser.add_argument("--no-results-md", action="store_true")
    parser.add_argument("--no-floor", action="store_true",
                        help="do not measure bare Scrapy on the needed requests (bench/scrapy_floor.py)")
    args = parser.parse_args(argv)
    chosen = set() if args.skip_baselines or args.baselines == "none" else set(filter(None, args.baselines.split(",")))
    unknown = chosen - set(BASELINES)
    if unknown:
        parser.error(f"unknown baselines: {', '.join(sorted(unknown))}")
    args.baselines = chosen
    if len(args.delay) not in (1, len(args.schools)):
        parser.error("--delay takes one value or one per --schools size")
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return args


def main(argv: list[str] | None = None) -> list[dict]:
    args = parse_args(argv)
    delays = args.delay * len(args.schools) if len(args.delay) == 1 else args.delay
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for schools, delay in zip(args.schools, delays):
        # The command that reproduces this size alone, with everything that shapes the figures.
        args.command_line = (f"python -m bench.region_bench --schools {schools} --seed {args.seed} --delay {delay} "
                             f"--latency {args.latency[0]},{args.latency[1]} --bandwidth {args.bandwidth:g} "
                             f"--slow-hosts {args.slow_hosts} --baselines {','.join(sorted(args.baselines)) or 'none'}")
        bench = Bench(args, schools, delay)
        result = bench.run()
        table = markdown(result)
        (args.out / f"region_bench-n{schools}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                                                encoding="utf-8")
        (args.out / f"region_bench-n{schools}.md").write_text(table, encoding="utf-8")
        print(table, flush=True)
        results.append(result)
        if not args.no_results_md:
            refresh_results_md(args.results_md, args.out)
    return results


if __name__ == "__main__":
    main()
