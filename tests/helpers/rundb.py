"""Results databases in tests: private copies of a run, cloned runs, and the figures
the reports must show, computed straight from SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eduaudit.store import Store

RUN_TABLES = ("schools", "sites", "pages", "documents", "classifications", "findings")


def copy_db(src: Path, dst: Path) -> Store:
    """A private copy of the session's audited database (sqlite backup: safe with WAL)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)
    store = Store(dst, blobs_dir=src.parent / "blobs")
    return store


def clone_run(store: Store, run_id: int) -> int:
    """A second finished run with the same rows as `run_id`, to be changed by the test."""
    run = next(store.db.query("select * from runs where id = ?", [run_id]))
    new_id = store.start_run(run["registry_path"], run["registry_sha256"], run["schools"], run["ruleset_version"])
    for table in RUN_TABLES:
        rows = [dict(r, run_id=new_id) for r in store.db.query(f"select * from {table} where run_id = ?", [run_id])]
        store.db[table].insert_all(rows)
    store.finish_run(new_id)
    return new_id


# Reports count schools; municipal authorities (kind=municipality) have their own sheet.
SCHOOLS_ONLY = " and school_id not in (select school_id from schools where kind = 'municipality')"


def sql_percent(store: Store, run_id: int, rule_id: str, municipality: str | None = None) -> int | None:
    """The figures' percentage: of the schools that could be checked, whole, half up."""
    where, params = "run_id = ? and rule_id = ? and status != 'error'" + SCHOOLS_ONLY, [run_id, rule_id]
    if municipality is not None:
        where += " and municipality = ?"
        params.append(municipality)
    passed, checked = store.db.execute(f"select sum(status = 'pass'), count(*) from findings where {where}",
                                       params).fetchone()
    return (200 * (passed or 0) + checked) // (2 * checked) if checked else None


def sql_passed(store: Store, run_id: int, rule_id: str, municipality: str | None = None) -> tuple[int, int]:
    where, params = "run_id = ? and rule_id = ?" + SCHOOLS_ONLY, [run_id, rule_id]
    if municipality is not None:
        where += " and municipality = ?"
        params.append(municipality)
    row = store.db.execute(f"select sum(status = 'pass'), count(distinct school_id) from findings where {where}",
                           params).fetchone()
    return int(row[0] or 0), int(row[1])


def latest_rows(db):
    """Findings, pages and documents of the latest run, and the count of rows with duplicate keys."""
    with sqlite3.connect(db) as conn:
        run_id = conn.execute("select max(id) from runs").fetchone()[0]
        rows = {
            "findings": sorted(conn.execute("select school_id, rule_id, status, evidence_url from findings "
                                            "where run_id = ?", [run_id])),
            "pages": sorted(conn.execute("select school_id, url, sha256 from pages where run_id = ?", [run_id])),
            "documents": sorted(conn.execute("select school_id, url, sha256 from documents where run_id = ?",
                                             [run_id])),
        }
        duplicates = sum(conn.execute(f"select count(*) - count(distinct school_id || ' ' || {key}) from {table} "
                                      f"where run_id = ?", [run_id]).fetchone()[0]
                         for table, key in (("findings", "rule_id"), ("pages", "url"), ("documents", "url")))
    return rows, duplicates
