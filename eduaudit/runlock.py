"""One audit run at a time per results folder: a file lock on OUT/.eduaudit.lock (filelock).

A scheduled re-crawl that starts while the previous one (or a manual
`eduaudit crawl`) is still going would write a second half-run into the same
database; the lock makes the second start fail fast with a clear message.
filelock takes an flock, which the kernel drops when the process dies, so a
crashed run never leaves a stale lock behind; and one lock object per folder
makes it re-entrant within a process, so a command that holds it may call code
that takes it again. Who holds it is written beside it, for the message.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".eduaudit.lock"
HOLDER_SUFFIX = ".holder"


class RunLocked(RuntimeError):
    """Another process holds the run lock."""

    def __init__(self, path: Path, holder: str):
        self.path, self.holder = path, holder
        super().__init__(f"другой запуск уже идёт (блокировка {path}, {holder or 'процесс неизвестен'})")


def lock_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / LOCK_NAME


def _holder_path(path: Path) -> Path:
    return path.with_name(path.name + HOLDER_SUFFIX)


def _holder(path: Path) -> str:
    try:
        return _holder_path(path).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@contextmanager
def run_lock(out_dir: str | Path, *, wait: float = 0.0, what: str = "run"):
    """Hold the run lock of a results folder; raise RunLocked if it stays busy for `wait` seconds."""
    path = lock_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    # is_singleton: every call for one folder in this process shares one lock, which counts
    # its holders, so taking it again inside a run does not wait on itself.
    lock = FileLock(path, thread_local=False, is_singleton=True)
    outermost = not lock.is_locked
    try:
        lock.acquire(timeout=wait, poll_interval=0.2)
    except Timeout:
        raise RunLocked(path, _holder(path)) from None
    try:
        if outermost:
            _holder_path(path).write_text(f"pid {os.getpid()}, {what}, с {time.strftime('%Y-%m-%d %H:%M:%S')}\n",
                                          encoding="utf-8")
        yield path
    finally:
        if lock.lock_counter == 1:
            _holder_path(path).unlink(missing_ok=True)
        lock.release()
