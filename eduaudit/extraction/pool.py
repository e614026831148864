"""Extraction of many files in worker processes, each job under a time limit.

PDFium, tesseract and the XML parsers are native code fed with files from arbitrary
websites: one of them may hang, exhaust memory or crash. Each worker is a separate
process in its own process group, so a job over its time limit is ended by killing that
group (the worker and any tesseract it started) and the worker is replaced; other jobs
carry on. Extraction never runs in the caller's process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from eduaudit.childproc import die_with_parent

from .dispatch import extract_bytes
from .model import DEFAULT_SETTINGS, Extraction, ExtractionSettings
from .sniffing import format_from_content_type, format_from_filename

Job = tuple[str, Path, str | None, str | None]
Runner = Callable[[Path, str | None, str | None, ExtractionSettings], Extraction]
Refill = Callable[[], "list[Job] | None"]

_STARTUP_TIMEOUT = 120.0
_MAX_FAILED_STARTS = 3
_LOST_PREFIX = "extraction worker"


def extract_file(path: Path, filename: str | None, content_type: str | None,
                 settings: ExtractionSettings = DEFAULT_SETTINGS) -> Extraction:
    """Read a stored file and extract it; the default job runner of extract_many."""
    fmt = format_from_content_type(content_type) or format_from_filename(filename) or "unknown"
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            return Extraction.failed(fmt, f"file too large: {size / 1048576:.1f} MB, limit "
                                          f"{settings.max_bytes / 1048576:.0f} MB")
        data = Path(path).read_bytes()
    except OSError as exc:
        return Extraction.failed(fmt, f"cannot read stored file: {exc.strerror or exc}")
    return extract_bytes(data, filename=filename, content_type=content_type, settings=settings)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def extract_many(jobs: Iterable[Job], workers: int | None = None, timeout: float = 120.0, *,
                 settings: ExtractionSettings | None = None, runner: Runner | None = None,
                 refill: Refill | None = None, idle_wait: float = 1.0) -> Iterator[tuple[str, Extraction]]:
    """Yield (key, Extraction) for every job, in completion order.

    `runner` replaces extract_file (it must be a picklable module-level function); tests
    use it to make a worker hang or die. `refill` keeps the pool serving a source that grows
    (a crawl in progress): it is asked for more jobs whenever the queue is empty, returns []
    while there are none yet (the pool waits `idle_wait` seconds and asks again) and None
    once no more will come.
    """
    pending: deque[Job] = deque(jobs)
    if not pending and refill is None:
        return
    size = workers or default_workers()
    pool = _Pool(size if refill is not None else min(size, len(pending)), timeout,
                 settings or DEFAULT_SETTINGS, runner or extract_file)
    try:
        yield from pool.run(pending, refill, idle_wait)
    finally:
        pool.shutdown()


def worker_lost(result: Extraction) -> bool:
    """Whether a failure is the worker's death (killed, crashed), not the file's own fault.

    A file that made a worker run out of time is a property of the file; a worker killed from
    outside (by its user, or the kernel short of memory) says nothing about the file, which is
    worth another try.
    """
    return result.status == "failed" and (result.error or "").startswith(_LOST_PREFIX)


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    job: Job | None = None
    deadline: float = 0.0


class _Pool:
    def __init__(self, size: int, timeout: float, settings: ExtractionSettings, runner: Runner):
        self._context = mp.get_context("spawn")  # fork is unsafe in a threaded crawler process
        self._timeout = timeout
        self._settings = settings
        self._runner = runner
        self._failed_starts = 0
        self._start_problem = "unknown reason"
        self._workers: list[_Worker] = [self._spawn() for _ in range(max(1, size))]

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_worker_main, name="eduaudit-extract",
                                        args=(child_conn, self._settings, self._runner),
                                        daemon=True)
        process.start()
        child_conn.close()
        return _Worker(process, parent_conn, time.monotonic())

    def run(self, pending: deque[Job], refill: Refill | None = None,
            idle_wait: float = 1.0) -> Iterator[tuple[str, Extraction]]:
        exhausted = refill is None
        while True:
            if not pending and not exhausted:
                more = refill()
                if more is None:
                    exhausted = True
                else:
                    pending.extend(more)
            busy = any(w.job is not None for w in self._workers)
            if not pending and not busy:
                if exhausted:
                    return
                time.sleep(idle_wait)
                continue
            if not self._workers:
                # Every slot was given up after repeated start failures.
                while pending:
                    job = pending.popleft()
                    yield job[0], self._failure(
                        job, f"extraction workers could not start ({self._start_problem})")
                continue
            for worker in self._workers:
                if worker.ready and worker.job is None and pending:
                    self._assign(worker, pending.popleft())
            self._wait(None if exhausted else idle_wait)
            for worker in list(self._workers):
                yield from self._collect(worker, bool(pending) or not exhausted)

    def _assign(self, worker: _Worker, job: Job) -> None:
        key, path, filename, content_type = job
        worker.job = job
        worker.deadline = time.monotonic() + self._timeout
        try:
            worker.conn.send((key, str(path), filename, content_type))
        except (OSError, ValueError):
            pass  # the worker died; _collect notices through its sentinel

    def _wait(self, cap: float | None = None) -> None:
        limits = [w.deadline if w.job is not None else w.started + _STARTUP_TIMEOUT
                  for w in self._workers if w.job is not None or not w.ready]
        delay = max(0.0, min(limits) - time.monotonic()) + 0.01 if limits else None
        if cap is not None:
            delay = cap if delay is None else min(delay, cap)
        waitables = [w.conn for w in self._workers] + [w.process.sentinel for w in self._workers]
        wait(waitables, timeout=delay)

    def _collect(self, worker: _Worker, more_jobs: bool) -> Iterator[tuple[str, Extraction]]:
        # Read what the worker sent before judging it: it may have answered, then died.
        while True:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "ready":
                worker.ready = True
                self._failed_starts = 0
            elif message[0] == "done" and worker.job is not None:
                key = worker.job[0]
                worker.job = None
                yield key, message[2]
        job = worker.job
        if job is not None and time.monotonic() > worker.deadline:
            self._replace(worker, respawn=True)
            yield job[0], self._failure(job, f"extraction timed out after {self._timeout:g} s;"
                                             " the worker was stopped")
        elif not worker.process.is_alive():
            if not worker.ready:
                self._failed_starts += 1
                worker.process.join(1)
                self._start_problem = f"exit code {worker.process.exitcode}"
            self._replace(worker, respawn=more_jobs or job is not None)
            if job is not None:
                yield job[0], self._failure(job, _death_reason(worker.process.exitcode))
        elif not worker.ready and time.monotonic() > worker.started + _STARTUP_TIMEOUT:
            self._failed_starts += 1
            self._start_problem = f"no answer within {_STARTUP_TIMEOUT:g} s"
            self._replace(worker, respawn=True)

    def _replace(self, worker: _Worker, *, respawn: bool) -> None:
        _kill(worker)
        worker.conn.close()
        index = self._workers.index(worker)
        if respawn and self._failed_starts < _MAX_FAILED_STARTS:
            self._workers[index] = self._spawn()
        else:
            del self._workers[index]

    @staticmethod
    def _failure(job: Job, reason: str) -> Extraction:
        _key, _path, filename, content_type = job
        fmt = format_from_content_type(content_type) or format_from_filename(filename) or "unknown"
        return Extraction.failed(fmt, reason)

    def shutdown(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive() and worker.job is None:
                try:
                    worker.conn.send(None)
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + 2.0
        for worker in self._workers:
            if worker.job is None:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            _kill(worker)
            worker.conn.close()
        self._workers = []


def _kill(worker: _Worker) -> None:
    process = worker.process
    if process.pid is None:
        return
    try:
        # The worker leads its own process group, so this also ends the tesseract it
        # started (and any such orphans of a worker that already crashed).
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if process.is_alive():
        process.kill()
    process.join(5)


def _death_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if name == "SIGKILL":
            return "extraction worker was killed (SIGKILL, possibly out of memory)"
        return f"extraction worker crashed ({name})"
    return f"extraction worker exited unexpectedly (exit code {exitcode})"


def _worker_main(conn: Connection, settings: ExtractionSettings, runner: Runner) -> None:
    _prepare_worker(settings)
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        key, path, filename, content_type = message
        try:
            result = runner(Path(path), filename, content_type, settings)
        except Exception as exc:  # noqa: BLE001 - report, keep serving
            result = Extraction.failed("unknown", f"extraction error: {type(exc).__name__}: {exc}")
        try:
            conn.send(("done", key, result))
        except (OSError, ValueError):
            return


def _prepare_worker(settings: ExtractionSettings) -> None:
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if settings.worker_niceness:
        try:
            os.nice(settings.worker_niceness)  # tesseract, started by the worker, inherits it
        except OSError:
            pass
    die_with_parent()
    if settings.worker_memory_mb:
        try:
            import resource

            limit = settings.worker_memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
