"""What every command that reads the results database needs: find it, and pick the run."""

from __future__ import annotations

from pathlib import Path

import click

DEFAULT_OUT = Path("results")


def db_path(db: str | Path | None, out: str | Path) -> Path:
    return Path(db) if db else Path(out) / "eduaudit.db"


def open_store(db: str | Path | None, out: str | Path = DEFAULT_OUT):
    """The results database named by ``--db`` (or inside ``--out``); a clear error when absent."""
    from eduaudit.store import Store

    path = db_path(db, out)
    if not path.exists():
        raise click.ClickException(f"база результатов не найдена: {path}")
    return Store(path)


def resolve_run(store, run: int | None) -> int:
    """The run asked for, or the latest finished one; a clear error when there is none."""
    run_id = run if run is not None else store.latest_run()
    if run_id is None:
        raise click.ClickException("в базе нет завершённых запусков")
    if not store.db["runs"].count_where("id = ?", [run_id]):
        raise click.ClickException(f"запуск {run_id} не найден")
    return run_id
