"""Measuring one command of a benchmark: wall time, CPU, peak memory, the phases it reports.

A command runs as a child process and is reaped with ``os.wait4``, whose resource
usage covers the child and every descendant it waited for (the extraction workers
and the tesseract runs they started). Phases of a command are the moments it
prints a known line on stderr; at each one the child's CPU so far is read from
/proc. Memory is measured twice: the kernel's peak RSS of the largest single
process, and the sum over the whole process tree, sampled twice a second.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

_TICK = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Phase:
    name: str
    at: float            # seconds since the command started
    cpu_seconds: float   # CPU of the child and its reaped descendants until then


@dataclass
class Measured:
    argv: list[str]
    returncode: int
    wall_seconds: float
    cpu_user: float
    cpu_system: float
    max_rss_mb: float          # the largest single process of the tree (kernel peak)
    tree_rss_peak_mb: float    # the whole tree at once (sampled every 0.5 s)
    phases: list[Phase] = field(default_factory=list)
    timed_out: bool = False
    stderr_tail: str = ""

    @property
    def cpu_seconds(self) -> float:
        return self.cpu_user + self.cpu_system

    def phase(self, name: str) -> Phase | None:
        return next((p for p in self.phases if p.name == name), None)


def children_cpu() -> float:
    """CPU seconds (user and system) of this process's finished children, e.g. tesseract runs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float:
    """CPU seconds of a live process plus its reaped children (0 when it is gone)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14-17.
    return sum(int(v) for v in fields[11:15]) / _TICK


def tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its live descendants."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            text = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(text[text.rindex(")") + 2:].split()[1])
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    tree, frontier = {root}, [root]
    while frontier:
        for pid in children.get(frontier.pop(), []):
            if pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_measured(argv: list[str], *, markers: dict[str, str] | None = None, env: dict | None = None,
                 cwd: Path | None = None, timeout: float | None = None, log_path: Path | None = None,
                 sample_memory: bool = True) -> Measured:
    """Run ``argv`` to completion and measure it.

    ``markers`` maps a phase name to a piece of text; the first stderr line containing
    it marks that phase. Stdout and stderr go to ``log_path`` (or are dropped).
    """
    markers = dict(markers or {})
    started = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                               start_new_session=True)
    phases: list[Phase] = []
    tail: list[str] = []
    peak = [0]
    done = threading.Event()

    def read_output() -> None:
        log = open(log_path, "wb") if log_path else None
        buffer = b""
        try:
            while True:
                chunk = process.stdout.read1(65536)
                if not chunk:
                    break
                if log:
                    log.write(chunk)
                buffer += chunk
                # Progress lines end in \r, messages in \n: both end a line here.
                *lines, buffer = buffer.replace(b"\r", b"\n").split(b"\n")
                for raw in lines:
                    line = raw.decode("utf-8", "replace")
                    if line.strip():
                        tail.append(line)
                        del tail[:-40]
                    for name, text in list(markers.items()):
                        if text in line:
                            phases.append(Phase(name, time.monotonic() - started, process_cpu(process.pid)))
                            del markers[name]
        finally:
            if log:
                log.close()

    def sample() -> None:
        while not done.wait(0.5):
            peak[0] = max(peak[0], tree_rss_bytes(process.pid))

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
    if sampler:
        sampler.start()
    timer = None
    timed_out = threading.Event()
    if timeout:
        def expire() -> None:
            timed_out.set()
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, expire)
        timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    except BaseException:
        # Interrupted (Ctrl-C): the child runs in its own session and would outlive us.
        os.killpg(process.pid, signal.SIGKILL)
        os.waitpid(process.pid, 0)
        raise
    wall = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if timer:
        timer.cancel()
    done.set()
    reader.join(10)
    if sampler:
        sampler.join(5)
    process.stdout.close()
    return Measured(argv=list(argv), returncode=process.returncode, wall_seconds=wall,
                    cpu_user=usage.ru_utime, cpu_system=usage.ru_stime, max_rss_mb=usage.ru_maxrss / 1024,
                    tree_rss_peak_mb=peak[0] / 1048576, phases=phases, timed_out=timed_out.is_set(),
                    stderr_tail="\n".join(tail))


# -- OCR accounting ----------------------------------------------------------------------------
class OcrMeter:
    """A ``tesseract`` first on PATH that runs the real one and notes its CPU time.

    Extraction calls the tesseract program once per page (and once per orientation
    check); the wrapper is a few lines of bash whose ``times`` builtin reports the
    CPU of the child it ran. Each wrapper process appends to a file named after its
    own pid, so concurrent workers never write to the same file at once.
    """

    def __init__(self, folder: Path):
        real = shutil.which("tesseract")
        self.folder = Path(folder)
        self.bin = self.folder / "bin"
        self.logs = self.folder / "times"
        self.available = real is not None
        if not self.available:
            return
        self.bin.mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        shim = self.bin / "tesseract"
        shim.write_text(f'#!/bin/bash\n"{real}" "$@"\nstatus=$?\ntimes >> "{self.logs}/$$"\nexit $status\n')
        shim.chmod(0o755)

    def env(self, base: dict | None = None) -> dict:
        env = dict(base if base is not None else os.environ)
        if self.available:
            env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        return env

    def read(self) -> tuple[float, int]:
        """(CPU seconds of all tesseract runs so far, number of runs)."""
        total, runs = 0.0, 0
        if not self.available:
            return total, runs
        for path in self.logs.iterdir():
            lines = path.read_text().splitlines()
            # `times` prints two lines: the shell's own time, then its children's (tesseract).
            for children in lines[1::2]:
                total += sum(_bash_seconds(part) for part in children.split())
                runs += 1
        return total, runs


def _bash_seconds(text: str) -> float:
    """``1m2.500s`` → 62.5"""
    minutes, _, seconds = text.rstrip("s").partition("m")
    return float(minutes) * 60 + float(seconds)


# -- the machine ---------------------------------------------------------------------------------
def _reference_page(links: int = 400) -> str:
    items = "".join(f'<li><a href="/razdel-{i}/stranica-{i * 7 % 13}/">Раздел {i}: документы и приказы</a></li>'
                    for i in range(links))
    return f"<html><head><title>Школа</title></head><body><nav><ul>{items}</ul></nav></body></html>"


def reference_seconds(rounds: int = 3) -> float:
    """CPU seconds of a fixed piece of crawler-like work (parse a page, read its links), best of ``rounds``.

    Runs of the benchmark on different machines of the same kind differ: on one, the same
    OCR took 1.31 times the CPU it took on another. Every run records this figure so that
    two results can be told apart by the machine before anyone looks for a cause in the code.
    """
    page = _reference_page()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(300):
            tree = lxml.html.fromstring(page)
            hrefs = [a.get("href") for a in tree.iter("a")]
            sum(len(h.split("/")) for h in hrefs)
        best = min(best, time.process_time() - start)
    return round(best, 3)


def machine_facts() -> dict:
    """What a benchmark's figures depend on besides the code: cores, CPU, Python, a reference work, load."""
    return {"cpus": os.cpu_count(), "cpu_model": cpu_model(), "python": platform.python_version(),
            "reference_seconds": reference_seconds(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def cpu_model() -> str:
    """The CPU's model name as /proc/cpuinfo gives it ("" where there is none)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return ""
