"""One audit run at a time per results folder: an exclusive flock on OUT/.eduaudit.lock.

A scheduled re-crawl that starts while the previous one (or a manual
`eduaudit crawl`) is still going would write a second half-run into the same
database; the lock makes the second start fail fast with a clear message.
The kernel drops an flock when the process dies, so a crashed run never
leaves a stale lock behind. The lock is re-entrant within one process, so
a command that holds it may call code that takes it again.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".eduaudit.lock"

_held: dict[str, tuple[int, int]] = {}   # resolved path → (fd, depth)
_guard = threading.Lock()


class RunLocked(RuntimeError):
    """Another process holds the run lock."""

    def __init__(self, path: Path, holder: str):
        self.path, self.holder = path, holder
        super().__init__(f"другой запуск уже идёт (блокировка {path}, {holder or 'процесс неизвестен'})")


def lock_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / LOCK_NAME


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""


@contextmanager
def run_lock(out_dir: str | Path, *, wait: float = 0.0, what: str = "run"):
    """Hold the run lock of a results folder; raise RunLocked if it stays busy for `wait` seconds."""
    path = lock_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = str(path.resolve())
    with _guard:
        if key in _held:
            fd, depth = _held[key]
            _held[key] = (fd, depth + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield path
        finally:
            with _guard:
                fd, depth = _held[key]
                _held[key] = (fd, depth - 1)
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunLocked(path, _holder(fd)) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()}, {what}, с {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
        with _guard:
            _held[key] = (fd, 1)
        try:
            yield path
        finally:
            with _guard:
                _held.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
