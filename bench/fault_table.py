"""Fault drill: does a run survive the real internet?

    .venv/bin/python -m bench.fault_table [--isolated] [--timeout 4]

A small generated region gets one faulty copy of a healthy school's site per
fault (see demo_region.faults). The healthy schools are crawled once
alone (the clean baseline), then everything is crawled together (or, with
``--isolated``, each fault in a crawl of its own with the healthy schools, for
a time and memory figure per fault). Every faulty school must get the verdicts
of its healthy original or an explicit site-level reason; the healthy schools
must keep their clean verdicts; no finding, site or document row may be lost.

Prints a Markdown table and writes bench/faults.json (gitignored).
tests/test_faults.py runs the same drill and asserts on it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from crawler import diagnosis
from demo_region.faults import Failure, FaultCase, add_fault_hosts, fault_cases
from demo_region.generate import generate_region
from demo_region.server import RegionServer

ROOT = Path(__file__).resolve().parent.parent
SEED, SCHOOLS = 7, 5
DOWNLOAD_TIMEOUT = 4.0
# Hard bound for one crawl: retries of the slowest faults (3 attempts of robots.txt
# and of the home page, DOWNLOAD_TIMEOUT each) plus the healthy work.
CRAWL_LIMIT = 240.0


# The demo region says what each fault makes a site fail with in its own terms; the crawler
# words it in the site-level reason, which must start with the phrase here.
REASONS: dict[Failure, str] = {
    Failure.NO_ANSWER: diagnosis.NOT_RESPONDING,
    Failure.CUT_SHORT: diagnosis.CONNECTION_BROKEN,
    Failure.REDIRECT_LOOP: diagnosis.REDIRECT_LOOP,
    Failure.PRIVATE_ADDRESS: diagnosis.PRIVATE_ADDRESS,
    Failure.ENDLESS_LINKS: diagnosis.LINK_TRAP,
    Failure.SCRIPT_MENU: diagnosis.NEEDS_JAVASCRIPT,
    Failure.ROBOTS_DISALLOW: diagnosis.ROBOTS_FORBIDDEN,
    Failure.BAD_CERTIFICATE: diagnosis.TLS_CERTIFICATE,
}


def expected_reason(case: FaultCase) -> str:
    """The phrase the faulty school's site-level reason starts with ('' when no failure is expected)."""
    return REASONS[case.failure] if case.failure is not None else ""


@dataclass
class Crawl:
    returncode: int
    seconds: float
    peak_rss_mb: float
    out: Path
    stderr: str = ""

    @property
    def db(self) -> Path:
        return self.out / "eduaudit.db"


@dataclass
class Outcome:
    fault: str
    expect: str
    runs: int = 0
    completed: int = 0
    wrong_verdicts: int = 0
    rows_lost: int = 0
    closed: int = 0             # runs in which the crawler closed the site (sites.completed_at)
    worst_seconds: float = 0.0
    worst_rss_mb: float = 0.0
    reason: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass
class Region:
    path: Path
    bases: list[dict]           # healthy schools (region.json entries) whose sites the faults copy
    hosts: dict[str, str]       # fault name → faulty host


def build_region(folder: Path, cases: list[FaultCase]) -> Region:
    region = generate_region(folder / "region", seed=SEED, n_schools=SCHOOLS)
    manifest = json.loads((region / "region.json").read_text(encoding="utf-8"))
    healthy = [s for s in manifest["schools"] if s["behaviour"] == "ok"]
    teachers = [s for s in healthy if s["scenario"] == "teacher"]
    others = [s for s in healthy if s["scenario"] != "teacher"]
    # Faults copy sites that publish the teacher package: a fault that silently
    # loses pages or documents turns a pass into a fail and is seen.
    bases = teachers[:2] + others[:1]
    hosts = add_fault_hosts(region, cases, bases)
    return Region(region, bases, hosts)


# -- ports where the fault is the port itself ------------------------------------

def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def silent_port():
    """A listening port whose accept queue is full: the kernel drops new SYNs, connecting times out."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(3):
        client = socket.socket()
        client.setblocking(False)
        client.connect_ex(("127.0.0.1", port))
        fillers.append(client)
    time.sleep(0.2)
    try:
        yield port
    finally:
        for client in fillers:
            client.close()
        server.close()


# -- registries and crawls ---------------------------------------------------------

def school_row(base: dict, school_id: str, url: str) -> list[str]:
    return [school_id, base["name"], base["short_name"], base["registry_municipality"], base["inn"],
            base["kind"], url]


def write_registry(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["school_id", "name", "short_name", "municipality", "inn", "kind", "url"])
        writer.writerows(rows)
    return path


def fault_rows(region: Region, cases: list[FaultCase], server: RegionServer, ports: dict[str, int]) -> list:
    rows = []
    for case in cases:
        base = region.bases[case.base % len(region.bases)]
        host = region.hosts[case.name]
        if case.port == "tls":
            url = f"https://{host}:{server.tls_port}/"
        elif case.port in ("closed", "silent"):
            url = f"http://{host}:{ports[case.port]}/"
        else:
            url = f"http://{host}:{server.port}/"
        rows.append(school_row(base, f"f-{case.name}", url))
    return rows


def run_crawl(registry: Path, out: Path, *, timeout: float = DOWNLOAD_TIMEOUT, limit: float = CRAWL_LIMIT) -> Crawl:
    """``eduaudit crawl`` in a subprocess; its peak RSS (largest of it and its workers) from wait4."""
    env = {**os.environ, "EDUAUDIT_DOWNLOAD_TIMEOUT": str(timeout)}
    with tempfile.TemporaryFile(mode="w+") as err:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(registry),
                                 "--out", str(out), "--resolve", "*.test=127.0.0.1", "--delay", "0", "--quiet",
                                 "--workers", "2"],
                                stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT, start_new_session=True)
        status, usage = _wait(proc, limit)
        seconds = time.monotonic() - started
        err.seek(0)
        stderr = err.read()
    code = os.waitstatus_to_exitcode(status) if status is not None else -9
    return Crawl(code, seconds, usage.ru_maxrss / 1024 if usage else 0.0, out, stderr[-3000:])


def _wait(proc: subprocess.Popen, limit: float):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return status, usage
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = -9
    return None, usage


# -- reading a run -------------------------------------------------------------------

def findings(db: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """{school_id: {rule_id: (status, evidence_text)}} of the latest run."""
    result: dict[str, dict[str, tuple[str, str]]] = {}
    with sqlite3.connect(db) as conn:
        run_id = conn.execute("select max(id) from runs").fetchone()[0]
        for sid, rule, status, text in conn.execute(
                "select school_id, rule_id, status, evidence_text from findings where run_id = ?", [run_id]):
            result.setdefault(sid, {})[rule] = (status, text or "")
    return result


def site_rows(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        run_id = conn.execute("select max(id) from runs").fetchone()[0]
        started = conn.execute("select started_at from runs where id = ?", [run_id]).fetchone()[0]
        rows = {r["school_id"]: dict(r) for r in conn.execute("select * from sites where run_id = ?", [run_id])}
    for row in rows.values():
        row["run_started_at"] = started
    return rows


def document_urls(db: Path) -> dict[str, set[str]]:
    with sqlite3.connect(db) as conn:
        run_id = conn.execute("select max(id) from runs").fetchone()[0]
        out: dict[str, set[str]] = {}
        for sid, url in conn.execute("select school_id, url from documents where run_id = ? and sha256 is not null",
                                     [run_id]):
            out.setdefault(sid, set()).add(url)
    return out


def site_seconds(site: dict) -> float:
    from datetime import datetime

    end = site.get("completed_at") or site.get("fetched_at")
    if not end:
        return 0.0
    return (datetime.fromisoformat(end) - datetime.fromisoformat(site["run_started_at"])).total_seconds()


# -- judging a run -------------------------------------------------------------------

def check_case(case: FaultCase, region: Region, baseline: dict, got: dict, sites: dict) -> list[str]:
    """What is wrong with one faulty school's verdicts (empty when it is right)."""
    base_id = region.bases[case.base % len(region.bases)]["school_id"]
    sid = f"f-{case.name}"
    mine, clean = got.get(sid, {}), baseline.get(base_id, {})
    reason = expected_reason(case)
    problems = []
    if set(mine) != set(clean):
        problems.append(f"rules {sorted(set(clean) - set(mine))} missing")
    for rule, (status, text) in sorted(mine.items()):
        if rule == "site.reachable" and case.expect != "same":
            if status != case.expect or not text.startswith(reason):
                problems.append(f"site.reachable {status} «{text}», expected {case.expect} «{reason}…»")
            continue
        if case.expect in ("same", "warn"):
            expected = clean.get(rule, ("?", ""))[0]
            if status != expected:
                problems.append(f"{rule}: {status}, clean copy {expected} («{text[:120]}»)")
        elif status != "error" or not text.startswith(reason):
            problems.append(f"{rule}: {status} «{text[:120]}», expected error «{reason}…»")
    if not sites.get(sid, {}).get("completed_at") and case.expect in ("same", "warn"):
        problems.append("site not completed")
    return problems


def check_healthy(region: Region, baseline: dict, got: dict, base_docs: dict, docs: dict) -> tuple[int, int, list]:
    wrong, lost, problems = 0, 0, []
    for base in region.bases:
        sid = base["school_id"]
        for rule, (status, _) in baseline.get(sid, {}).items():
            if got.get(sid, {}).get(rule, ("missing",))[0] != status:
                wrong += 1
                problems.append(f"healthy {sid} {rule}: {got.get(sid, {}).get(rule)} != {status}")
        missing = base_docs.get(sid, set()) - docs.get(sid, set())
        lost += len(missing)
        problems += [f"healthy {sid} lost document {u}" for u in sorted(missing)]
    return wrong, lost, problems


def lost_rows(got: dict, sites: dict, sid: str, clean: dict) -> int:
    """A missing site row, plus findings the school's clean copy got and it did not."""
    return int(sid not in sites) + len(set(clean) - set(got.get(sid, {})))


# -- the drill --------------------------------------------------------------------------

def baseline_crawl(region: Region, work: Path, server: RegionServer) -> Crawl:
    rows = [school_row(b, b["school_id"], f"http://{b['host']}:{server.port}/") for b in region.bases]
    registry = write_registry(work / "baseline.csv", rows)
    return run_crawl(registry, work / "baseline")


def drill(work: Path, cases: list[FaultCase] | None = None, *, isolated: bool = False,
          baseline: Crawl | None = None) -> tuple[dict[str, Outcome], dict]:
    """Run the fault drill in ``work``; return per-fault outcomes and a summary."""
    cases = cases if cases is not None else fault_cases()
    region = build_region(work, cases)
    outcomes = {c.name: Outcome(c.name, c.expect if c.expect != "same" else "clean verdicts") for c in cases}
    summary = {"crawls": [], "healthy_wrong": 0, "healthy_rows_lost": 0, "open_sites": [], "problems": []}
    with RegionServer(region.path) as server, silent_port() as silent:
        ports = {"closed": closed_port(), "silent": silent}
        clean = baseline or baseline_crawl(region, work, server)
        if clean.returncode != 0:
            raise RuntimeError(f"baseline crawl failed: {clean.stderr}")
        base_findings, base_docs = findings(clean.db), document_urls(clean.db)
        groups = [[c] for c in cases] if isolated else [cases]
        for n, group in enumerate(groups):
            rows = [school_row(b, b["school_id"], f"http://{b['host']}:{server.port}/") for b in region.bases]
            rows += fault_rows(region, group, server, ports)
            registry = write_registry(work / f"faults-{n}.csv", rows)
            run = run_crawl(registry, work / f"faults-{n}")
            summary["crawls"].append({"faults": [c.name for c in group], "returncode": run.returncode,
                                      "seconds": round(run.seconds, 1), "peak_rss_mb": round(run.peak_rss_mb, 1)})
            ok = run.returncode == 0 and run.db.exists()
            got = findings(run.db) if ok else {}
            sites = site_rows(run.db) if ok else {}
            docs = document_urls(run.db) if ok else {}
            if not ok:
                summary["problems"].append(f"crawl {n} failed ({run.returncode}): {run.stderr[-1500:]}")
            wrong, lost, problems = check_healthy(region, base_findings, got, base_docs, docs) if ok else (0, 0, [])
            summary["open_sites"] += sorted(sid for sid, site in sites.items() if not site.get("completed_at"))
            summary["healthy_wrong"] += wrong
            summary["healthy_rows_lost"] += lost
            summary["problems"] += problems
            for case in group:
                outcome = outcomes[case.name]
                outcome.runs += 1
                sid = f"f-{case.name}"
                if not ok:
                    outcome.problems.append("crawl did not finish")
                    continue
                outcome.completed += 1
                wrong_here = check_case(case, region, base_findings, got, sites)
                outcome.wrong_verdicts += len(wrong_here)
                outcome.problems += wrong_here
                base_id = region.bases[case.base % len(region.bases)]["school_id"]
                outcome.rows_lost += lost_rows(got, sites, sid, base_findings.get(base_id, {}))
                outcome.closed += int(bool(sites.get(sid, {}).get("completed_at")))
                outcome.reason = got.get(sid, {}).get("site.reachable", ("", ""))[1]
                outcome.worst_seconds = max(outcome.worst_seconds, site_seconds(sites.get(sid, {})))
                outcome.worst_rss_mb = max(outcome.worst_rss_mb, run.peak_rss_mb)
    summary["baseline"] = {"seconds": round(clean.seconds, 1), "peak_rss_mb": round(clean.peak_rss_mb, 1)}
    return outcomes, summary


def markdown(outcomes: dict[str, Outcome], summary: dict) -> str:
    lines = ["| fault | expected site verdict | runs completed | wrong verdicts | rows lost | worst time, s "
             "| peak memory, MB | reason recorded |",
             "|---|---|---|---|---|---|---|---|"]
    for o in outcomes.values():
        lines.append(f"| {o.fault} | {o.expect} | {o.completed}/{o.runs} | {o.wrong_verdicts} | {o.rows_lost} "
                     f"| {o.worst_seconds:.1f} | {o.worst_rss_mb:.0f} | {o.reason[:90]} |")
    crawls = summary["crawls"]
    lines.append("")
    lines.append(f"Faults tried: {len(outcomes)}; crawls: {len(crawls)}, completed: "
                 f"{sum(1 for c in crawls if c['returncode'] == 0)}; wrong verdicts on faulty schools: "
                 f"{sum(o.wrong_verdicts for o in outcomes.values())}; wrong verdicts on unaffected schools: "
                 f"{summary['healthy_wrong']}; rows lost: "
                 f"{sum(o.rows_lost for o in outcomes.values()) + summary['healthy_rows_lost']}; "
                 f"slowest crawl {max(c['seconds'] for c in crawls):.1f} s, "
                 f"peak memory {max(c['peak_rss_mb'] for c in crawls):.0f} MB "
                 f"(clean baseline {summary['baseline']['seconds']} s, {summary['baseline']['peak_rss_mb']:.0f} MB).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--isolated", action="store_true", help="one crawl per fault (time and memory per fault)")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="eduaudit-faults-")))
        work.mkdir(parents=True, exist_ok=True)
        outcomes, summary = drill(work, isolated=args.isolated)
    table = markdown(outcomes, summary)
    print(table)
    for problem in summary["problems"] + [f"{o.fault}: {p}" for o in outcomes.values() for p in o.problems]:
        print("PROBLEM:", problem)
    (ROOT / "bench" / "faults.json").write_text(json.dumps(
        {"isolated": args.isolated, "outcomes": [asdict(o) for o in outcomes.values()], "summary": summary},
        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
