"""Where the results database is, whatever the working folder.

Jupyter starts a notebook's kernel in the notebook's own folder (`notebooks/`),
so a path relative to the project's root does not open there.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DB_ENV = "EDUAUDIT_DB"
# `eduaudit crawl` writes results/eduaudit.db, `eduaudit demo` results/demo/eduaudit.db.
CANDIDATES = (Path("results") / "eduaudit.db", Path("results") / "demo" / "eduaudit.db")


def results_database(root: str | Path = PROJECT_ROOT) -> Path:
    """EDUAUDIT_DB if set, else the first database found under the project's results/."""
    named = os.environ.get(DB_ENV)
    if named:
        return Path(named).expanduser().resolve()
    for candidate in CANDIDATES:
        path = Path(root) / candidate
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"База результатов не найдена: нет ни {Path(root) / CANDIDATES[0]}, ни {Path(root) / CANDIDATES[1]}. "
        f"Укажите файл в переменной окружения {DB_ENV} или запустите «eduaudit demo».")
