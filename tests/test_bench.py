"""The region benchmark: the network conditions of the demo server, and a real run of the harness."""

from __future__ import annotations

import ast
import asyncio
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from demo_region.conditions import STATS_HOST, STATS_PATH, ConditionsState, NetworkConditions, \
    conditions_middleware

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

ROOT = Path(__file__).resolve().parent.parent
BODY = bytes(range(256)) * 800  # 200 KB
# asyncio may wake a sleeper up to its clock's resolution early, and the client's clock starts
# a little after the server's: a floor on a measured time keeps this much room.
SLEEP_SLACK = 0.01


async def _serve(conditions: NetworkConditions):
    async def handler(request: web.Request) -> web.Response:
        if request.path.startswith("/missing"):
            return web.Response(status=404, text="no such page")
        if request.path == "/old":
            return web.Response(status=301, headers={"Location": "/"})
        if request.path == "/boom":
            return web.Response(status=503, text="try later")
        body = BODY if request.path == "/big" else b"<html>small</html>"
        return web.Response(body=body, content_type="application/octet-stream",
                            headers={"X-Path": request.raw_path})

    app = web.Application(middlewares=[conditions_middleware(conditions)])
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]


async def _fetch(session: aiohttp.ClientSession, port: int, host: str, path: str) -> tuple[float, bytes, dict]:
    started = time.monotonic()
    async with session.get(f"http://127.0.0.1:{port}{path}", headers={"Host": host}) as response:
        body = await response.read()
        return time.monotonic() - started, body, dict(response.headers)


def test_latency_is_drawn_from_its_range_by_the_seed():
    async def scenario():
        runner, port = await _serve(NetworkConditions(latency=(0.1, 0.2), seed=1))
        try:
            async with aiohttp.ClientSession() as session:
                return [await _fetch(session, port, "a.test", "/small") for _ in range(8)]
        finally:
            await runner.cleanup()

    results = asyncio.run(scenario())
    # The seed decides the network: the server draws each request's latency from the range with
    # random.Random(seed), so every answer took at least its own draw. A machine under load only
    # adds to that, so no upper bound is asserted; a constant latency (the low end, or none at
    # all) fails on the draws above it.
    rng = random.Random(1)
    drawn = [rng.uniform(0.1, 0.2) for _ in results]
    assert max(drawn) - min(drawn) > 0.05
    assert all(took >= draw - SLEEP_SLACK for (took, _, _), draw in zip(results, drawn)), (results, drawn)


def test_bandwidth_cap_limits_one_host_and_is_shared_by_its_responses():
    cap = 400_000  # a 200 KB body takes 0.5 s

    async def scenario():
        runner, port = await _serve(NetworkConditions(latency=(0.0, 0.0), bandwidth=cap, seed=1))
        try:
            async with aiohttp.ClientSession() as session:
                alone = await _fetch(session, port, "a.test", "/big")
                started = time.monotonic()
                same_host = await asyncio.gather(*(_fetch(session, port, "b.test", "/big") for _ in range(2)))
                same_host_wall = time.monotonic() - started
                started = time.monotonic()
                await asyncio.gather(_fetch(session, port, "c.test", "/big"), _fetch(session, port, "d.test", "/big"))
                two_hosts_wall = time.monotonic() - started
                _, stats, _ = await _fetch(session, port, STATS_HOST, STATS_PATH)
                return alone, same_host, same_host_wall, two_hosts_wall, json.loads(stats)
        finally:
            await runner.cleanup()

    alone, same_host, same_host_wall, two_hosts_wall, stats = asyncio.run(scenario())
    seconds, body, _ = alone
    assert body == BODY
    # Load only slows a transfer down, so only floors are asserted on the clock.
    assert seconds >= 0.5 - SLEEP_SLACK, f"{len(BODY) / seconds:.0f} B/s against a cap of {cap}"
    # Two responses of one host share its cap: together they take twice as long as one alone.
    assert all(r[1] == BODY for r in same_host)
    assert same_host_wall >= 1.0 - SLEEP_SLACK, same_host_wall
    assert two_hosts_wall >= 0.5 - SLEEP_SLACK, two_hosts_wall
    assert stats["requests"] == {"a.test": 1, "b.test": 2, "c.test": 1, "d.test": 1}
    assert stats["bytes"]["b.test"] == 2 * len(BODY)


def test_each_host_has_an_uplink_of_its_own():
    # Two hosts have a cap each. Timing two hosts side by side could only show it with an upper bound
    # on the wall time, which a loaded machine breaks; the server's bookkeeping shows it directly.
    state = ConditionsState(NetworkConditions(latency=(0.0, 0.0), bandwidth=400_000, seed=1))
    assert state.uplink("c.test") is state.uplink("c.test")
    assert state.uplink("c.test") is not state.uplink("d.test")
    assert state.uplink("d.test").rate == 400_000


def test_proxy_style_request_reaches_the_site_by_host_and_slow_hosts_are_chosen_by_seed():
    async def scenario():
        runner, port = await _serve(NetworkConditions(latency=(0.0, 0.0), seed=1))
        try:
            # What wget sends through an HTTP proxy: the absolute URL as the request target.
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET http://school.test:{port}/doc?x=1 HTTP/1.1\r\nHost: school.test:{port}\r\n"
                         "Connection: close\r\n\r\n".encode())
            answer = (await reader.read()).decode("latin-1")
            writer.close()
            return answer
        finally:
            await runner.cleanup()

    answer = asyncio.run(scenario())
    assert answer.startswith("HTTP/1.1 200") and "X-Path: /doc?x=1\r\n" in answer
    conditions = NetworkConditions(latency=(0.05, 0.4), bandwidth=1e6, seed=7, slow_share=0.1)
    hosts = [f"s{i}.test" for i in range(2000)]
    slow = [h for h in hosts if conditions.is_slow(h)]
    assert 120 <= len(slow) <= 280
    assert slow == [h for h in hosts if NetworkConditions(seed=7, slow_share=0.1).is_slow(h)]
    assert conditions.host_bandwidth(slow[0]) == pytest.approx(1e5)
    assert conditions.host_latency(slow[0]) == pytest.approx((0.15, 1.2))


def test_every_request_of_a_run_is_sorted_by_what_it_was_for(tmp_path):
    """Needed by the bound, asked again, a miss, a sitemap, a redirect, a failure, another page or file."""
    from bench.politeness import HostNeed, request_purposes

    site = tmp_path / "region" / "sites" / "school.test"
    site.mkdir(parents=True)
    routes = {"/": "text/html", "/docs/": "text/html", "/hub/": "text/html", "/Положение.pdf": "application/pdf",
              "/plan.pdf": "application/pdf", "/wp-sitemap.xml": "application/xml"}
    (site / "routes.json").write_text(json.dumps({"host": "school.test", "routes": {
        path: {"type": kind, "file": f"f{i}"} for i, (path, kind) in enumerate(routes.items())}}), encoding="utf-8")
    needs = [HostNeed("school.test", 5, 3, 0, 0.0, 0.0, None,
                      ["/robots.txt", "/", "/docs/", "/Положение.pdf", "/never-asked/"]),
             HostNeed("down.test", 2, 2, 0, 0.0, 0.0, None, ["/robots.txt", "/"])]

    async def scenario():
        runner, port = await _serve(NetworkConditions(latency=(0.0, 0.0), seed=1))
        try:
            async with aiohttp.ClientSession() as session:
                await _fetch(session, port, "school.test", "/")  # before the run: not counted
                _, before, _ = await _fetch(session, port, STATS_HOST, STATS_PATH)
                for path in ("/robots.txt", "/", "/", "/docs/", "/%D0%9F%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf",
                             "/missing/nastavnichestvo/", "/missing/sitemap.xml", "/sitemap.xml", "/wp-sitemap.xml", "/hub/", "/plan.pdf", "/boom", "/boom"):
                    await _fetch(session, port, "school.test", path)
                async with session.get(f"http://127.0.0.1:{port}/old", headers={"Host": "old.test"},
                                       allow_redirects=False) as moved:
                    assert moved.status == 301
                _, after, _ = await _fetch(session, port, STATS_HOST, STATS_PATH)
                return json.loads(before), json.loads(after)
        finally:
            await runner.cleanup()

    before, after = asyncio.run(scenario())
    purposes = request_purposes(before, after, needs, tmp_path / "region")
    # a percent-encoded Cyrillic file name is the same path as the bound's
    assert purposes == {"needed": 4, "repeats": 2, "misses": 2, "sitemaps": 2, "other_pages": 1, "other_files": 1,
                        "failures": 1, "redirects": 1, "unanswered": 0, "needed_not_requested": 3}
    assert sum(v for k, v in purposes.items() if k != "needed_not_requested") == 14


def test_region_bench_measures_every_run(tmp_path):
    """A real run: 3 schools, tiny delays, all baselines; the JSON has every figure, and they make sense."""
    out = tmp_path / "results"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.region_bench", "--schools", "3", "--seed", "50", "--delay", "0.02",
         "--latency", "0.005,0.02", "--bandwidth", "20000000", "--slow-hosts", "0.3", "--max-pages", "12",
         "--out", str(out), "--work", str(tmp_path / "work"), "--cache", str(tmp_path / "cache"),
         "--results-md", str(tmp_path / "RESULTS.md")],
        cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads((out / "region_bench-n3.json").read_text(encoding="utf-8"))
    assert set(result["runs"]) == {"focused", "unfocused", "wget", "sequential"}

    focused = result["runs"]["focused"]
    assert set(focused["stages"]) == {"crawl", "extraction", "ocr", "audit", "report"}
    for stage in ("crawl", "extraction", "audit", "report"):
        assert focused["stages"][stage]["wall_seconds"] > 0
    assert focused["stages"]["crawl"]["cpu_seconds"] > 0.3  # Python, Scrapy, parsing: never free
    # The stages split the run's CPU time: together they are the whole (each figure is rounded to
    # 0.01 s, the five parts and the total: at most 0.03 s apart).
    stage_cpu = sum(stage["cpu_seconds"] for stage in focused["stages"].values())
    assert stage_cpu == pytest.approx(focused["cpu_seconds_total"], abs=0.035)
    ocr = focused["stages"]["ocr"]
    assert isinstance(ocr["tesseract_runs"], int) and (ocr["tesseract_runs"] > 0) == (ocr["cpu_seconds"] > 0)
    # The server counts what the crawler sent, robots.txt included; Scrapy counts the same requests.
    assert focused["requests"] == focused["scrapy_request_count"]
    assert 3 <= focused["requests_per_site_median"] <= focused["requests_per_site_p95"] <= 60
    assert focused["bytes"] > 10_000
    assert 50 < focused["peak_rss_mb"] <= focused["tree_rss_peak_mb"] < 2048
    truth_rows = len((tmp_path / "cache" / "seed50-n3" / "ground_truth.csv").read_text().splitlines()) - 1
    assert focused["verdicts_equal"].endswith(f"/{truth_rows}")
    assert 0.5 <= focused["verdicts_equal_ground_truth"] <= 1.0
    assert focused["wall_seconds"] >= focused["stages"]["crawl"]["wall_seconds"]

    # The audit as it ran before (extraction after the crawl, whole first pages OCR'd) beside today's:
    # the same scans, every page of them in the budget recognised, the same verdicts.
    sequential = result["runs"]["sequential"]
    assert sequential["ocr"]["scanned_documents"] == focused["ocr"]["scanned_documents"]
    # whole sites hold scanned pictures: they are counted with their OCR time
    assert result["runs"]["unfocused"]["ocr"]["scanned_documents"] >= 1
    assert sequential["ocr"]["pages_left_unread_in_whole_or_part"] == 0
    assert sequential["verdicts_equal"] == focused["verdicts_equal"]
    assert "ocr_cpu_at_most_a_third_of_sequential" in result["targets"]
    assert result["ratios"]["fetch_wall_focused_over_sequential"] > 0

    unfocused, wget = result["runs"]["unfocused"], result["runs"]["wget"]
    assert unfocused["requests"] > focused["requests"]
    assert wget["requests"] > focused["requests"]
    assert wget["mirrored_files"] > 3 * 10
    registry_rows = len(next((tmp_path / "work").glob("*/registry.csv")).read_text(encoding="utf-8").splitlines()) - 1
    assert wget["wget"]["sites"] == registry_rows and wget["wget"]["sites_timed_out"] == 0
    assert wget["regulation_equal"].endswith("/3")
    assert set(wget["stages"]) == {"mirror", "search", "ocr"}
    # The mirror holds a scanned document: reading it costs tesseract runs, and they are counted.
    assert wget["stages"]["ocr"]["tesseract_runs"] >= 1 and wget["stages"]["ocr"]["cpu_seconds"] > 0

    bound = result["politeness_bound"]
    assert 0 < bound["seconds"] <= focused["stages"]["crawl"]["wall_seconds"]
    assert bound["needed_requests_total"] <= focused["requests"]
    assert bound["ratio_crawl_wall"] >= 1
    # Every request the server counted is sorted by what it was for, and the crawl made needed ones.
    for run in (focused, wget):
        purposes = run["requests_by_purpose"]
        assert sum(v for k, v in purposes.items() if k != "needed_not_requested") == run["requests"]
        assert 0 < purposes["needed"] <= bound["needed_requests_total"]
    assert focused["requests_by_purpose"]["needed"] + focused["requests_by_purpose"]["needed_not_requested"] \
        == bound["needed_requests_total"]
    # Bare Scrapy handed exactly the needed requests: every one answered or failed, none lost.
    floor = bound["scrapy_floor"]
    assert floor["requests"] == bound["needed_requests_total"] == floor["responses"] + floor["failures"]
    assert floor["responses"] > 0 and floor["wall_seconds"] > 0 and floor["cpu_seconds"] > 0
    assert set(result["targets"]) >= {"verdicts_100_percent", "10x_fewer_requests_than_wget"}
    assert result["conditions"]["latency_seconds"] == [0.005, 0.02]
    assert result["region"]["hosts"] >= 3
    # The machine is recorded with a fixed piece of work timed on it, so runs on two machines can be told apart.
    assert result["machine"]["reference_seconds"] > 0 and result["machine"]["cpus"] >= 1

    table = (out / "region_bench-n3.md").read_text(encoding="utf-8")
    assert "wget --mirror" in table and "Politeness bound" in table and "Scrapy floor" in table
    assert "Requests of eduaudit (focused) by purpose: " in table
    assert f"reference work {result['machine']['reference_seconds']} s of CPU" in table
    md = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "region_bench:begin" in md and "| 3 | 0.02 |" in md

    # A re-run that skips the baselines keeps the earlier wget measurement beside the new figures,
    # marked with the time it was measured: wget does not change with our code.
    first_measured = result["measured_at"]
    proc = subprocess.run(
        [sys.executable, "-m", "bench.region_bench", "--schools", "3", "--seed", "50", "--delay", "0.02",
         "--latency", "0.005,0.02", "--bandwidth", "20000000", "--slow-hosts", "0.3", "--skip-baselines",
         "--out", str(out), "--work", str(tmp_path / "work"), "--cache", str(tmp_path / "cache"),
         "--results-md", str(tmp_path / "RESULTS.md")],
        cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    again = json.loads((out / "region_bench-n3.json").read_text(encoding="utf-8"))
    assert set(again["runs"]) == {"focused", "wget"}
    assert again["runs"]["wget"]["carried_from"] == first_measured
    assert again["runs"]["wget"]["requests"] == wget["requests"]
    assert "10x_fewer_requests_than_wget" in again["targets"]
    assert f"wget --mirror + keyword search (measured {first_measured})" in (out / "region_bench-n3.md").read_text()


def test_crawl_cpu_measures_the_crawl_alone(tmp_path):
    # In a process of its own: Twisted's reactor starts once per process.
    proc = subprocess.run([sys.executable, "-m", "bench.crawl_cpu", "--schools", "3", "--seed", "50",
                           "--cache", str(tmp_path / "cache"), "--profile", str(tmp_path / "crawl.prof")],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = ast.literal_eval(proc.stdout.strip().splitlines()[-1])
    assert result["pages"] >= 3 and result["documents"] >= 1
    assert 0 < result["cpu_seconds"] and 0 < result["wall_seconds"]
    assert (tmp_path / "crawl.prof").stat().st_size > 0


def _result(schools: int, measured_at: str) -> dict:
    run = {"wall_seconds": 10.0, "requests": 100, "requests_per_site_median": 5, "requests_per_site_p95": 9,
           "bytes": 2e6, "cpu_seconds_total": 4.0, "peak_rss_mb": 300, "tree_rss_peak_mb": 400,
           "verdicts_equal": "7/7", "regulation_equal_ground_truth": 1.0,
           "stages": {"crawl": {"wall_seconds": 6.0, "cpu_seconds": 3.0}}}
    return {"schools": schools, "seed": 66, "delay": 1.0, "runs": {"focused": run}, "ratios": {},
            "conditions": {"latency_seconds": [0.05, 0.4], "bandwidth_bytes_per_second": 1e6, "slow_hosts": [],
                           "slow_latency_factor": 3, "slow_bandwidth_factor": 0.1, "region_slow_hosts": []},
            "politeness_bound": {"seconds": 3.0, "max_host_seconds": 3.0, "concurrency_seconds": 1.0,
                                 "needed_requests_total": 50, "ratio_crawl_wall": 2.0, "ratio_total_wall": 3.3},
            "targets": {"verdicts_100_percent": True}, "commands": {"bench": f"bench --schools {schools}"},
            "measured_at": measured_at}


def test_results_md_keeps_the_sizes_this_checkout_did_not_measure(tmp_path):
    from bench.region_bench import refresh_results_md

    results, md = tmp_path / "results", tmp_path / "RESULTS.md"
    results.mkdir()
    for n in (34, 340, 3400):
        (results / f"region_bench-n{n}.json").write_text(json.dumps(_result(n, f"day one n{n}")))
    md.write_text("# Bench\n\nProse a person wrote.\n", encoding="utf-8")
    refresh_results_md(md, results)

    # Another checkout has only its own 340 measurement.
    for n in (34, 340, 3400):
        (results / f"region_bench-n{n}.json").unlink()
    (results / "region_bench-n340.json").write_text(json.dumps(_result(340, "day two")))
    refresh_results_md(md, results)

    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Bench\n\nProse a person wrote.\n")
    rows = [line for line in text.splitlines() if line.startswith("| 34") and "|" in line[5:]]
    assert [row.split(" | ")[0] for row in rows] == ["| 34", "| 340", "| 3400"]
    assert "day one n34" in rows[0] and "day two" in rows[1] and "day one n3400" in rows[2]
    assert "day one n340 " not in text
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert [h.split()[1] for h in headings] == ["34", "340", "3400"]
    assert text.count("Command: `bench --schools 3400`") == 1
    # refreshing again changes nothing
    refresh_results_md(md, results)
    assert md.read_text(encoding="utf-8") == text


def test_scrapy_stats_of_a_sharded_crawl_add_up(tmp_path):
    from bench.crawl_bench import run_scrapy_stats

    def dump(stats: str) -> str:
        return ("2026-12-04 10:00:00 [scrapy.core.engine] INFO: Closing spider (finished)\n"
                "2026-12-04 10:00:00 [scrapy.statscollectors] INFO: Dumping Scrapy stats:\n" + stats + "\n"
                "2026-12-04 10:00:00 [scrapy.core.engine] INFO: Spider closed (finished)\n")

    (tmp_path / "run-3-crawl-1.log").write_text(dump(
        "{'downloader/request_count': 100,\n 'elapsed_time_seconds': 20.5,\n 'memusage/max': 300,\n"
        " 'finish_reason': 'finished',\n 'start_time': datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.timezone.utc)}"))
    (tmp_path / "run-3-crawl-2.log").write_text(dump(
        "{'downloader/request_count': 60,\n 'elapsed_time_seconds': 25.0,\n 'memusage/max': 200,\n"
        " 'finish_reason': 'finished'}"))
    (tmp_path / "run-4-crawl.log").write_text(dump("{'downloader/request_count': 7}"))
    stats = run_scrapy_stats(tmp_path, 3)
    assert stats["downloader/request_count"] == 160
    assert stats["elapsed_time_seconds"] == 25.0  # the shards ran side by side
    assert stats["memusage/max"] == 300
    assert stats["finish_reason"] == "finished"
    assert run_scrapy_stats(tmp_path, 4) == {"downloader/request_count": 7}


def test_all_verdicts_equal_is_judged_by_the_counts_not_a_rounded_share():
    from bench.region_bench import _all_equal

    assert _all_equal("2515/2515")
    assert not _all_equal("23934/23935")   # its share rounds to 1.0 at four places
