"""The results database: one SQLite file holding every run.

Tables follow the data flow: runs → schools → pages / documents (bytes are
content-addressed on disk under ``blobs/``) → extractions (cached by SHA-256
across runs) → classifications → findings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import sqlite_utils

from eduaudit.errors import SchemaTooNew

# Written into the database (PRAGMA user_version). Raise it when TABLES gains a column or a table:
# an older database is brought up to it on open; a newer one is refused rather than half-read.
SCHEMA_VERSION = 3


def utcnow() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


TABLES: dict[str, tuple[dict, dict]] = {
    # name: (columns, options)
    "runs": (
        {"id": int, "started_at": str, "finished_at": str, "status": str,
         "registry_path": str, "registry_sha256": str, "schools": int,
         "ruleset_version": str, "settings": str},
        {"pk": "id"},
    ),
    "schools": (
        {"run_id": int, "school_id": str, "name": str, "short_name": str,
         "municipality": str, "municipality_key": str, "url": str, "inn": str,
         "kind": str, "registry_line": int,
         # Further addresses from the registry (JSON list), tried when `url` does not answer.
         "alternates": str},
        {"pk": ("run_id", "school_id")},
    ),
    "sites": (
        {"run_id": int, "school_id": str, "start_url": str, "final_url": str,
         "reachable": int, "http_status": int, "error": str, "platform": str,
         "fetched_at": str, "pages": int, "documents": int, "errors": int,
         "completed_at": str, "crawl_cut_short": int},
        {"pk": ("run_id", "school_id")},
    ),
    "pages": (
        {"run_id": int, "school_id": str, "url": str, "http_status": int,
         "content_type": str, "sha256": str, "size": int, "title": str,
         "heading": str, "role": str, "depth": int, "referer": str,
         "anchor_text": str, "fetched_at": str, "headers": str, "via": str,
         # How the crawler came here (see crawler.navigation.STRATEGIES): kept so
         # that a section missed on some platform can be analysed afterwards.
         "strategy": str},
        {"pk": ("run_id", "school_id", "url")},
    ),
    "documents": (
        {"run_id": int, "school_id": str, "url": str, "sha256": str, "size": int,
         "content_type": str, "filename": str, "anchor_text": str,
         "page_url": str, "page_role": str, "http_status": int, "error": str,
         "fetched_at": str, "headers": str,
         # "yandex_disk" / "google_drive" when the file lives on a file-sharing service.
         "hosted_on": str},
        {"pk": ("run_id", "school_id", "url")},
    ),
    "blobs": (
        {"sha256": str, "size": int, "path": str, "first_seen_at": str},
        {"pk": "sha256"},
    ),
    "extractions": (
        {"sha256": str, "status": str, "format": str, "text": str,
         "page_count": int, "ocr_used": int, "extractor": str, "error": str,
         "extracted_at": str, "academic_year": str, "ocr_confidence": float,
         "signature": str, "signature_evidence": str, "ocr_pages_unread": str},
        {"pk": "sha256"},
    ),
    "classifications": (
        {"run_id": int, "school_id": str, "sha256": str, "source": str,
         "url": str, "urls": str, "link_text": str, "doc_type": str,
         "audience": str, "issuer": str, "about_mentoring": int,
         "confidence": float, "title": str, "date": str, "number": str,
         "contains": str, "evidence": str, "extraction_status": str,
         "fetched_at": str},
        {"pk": ("run_id", "school_id", "sha256")},
    ),
    "findings": (
        {"run_id": int, "school_id": str, "municipality": str, "rule_id": str,
         "status": str, "evidence_url": str, "evidence_text": str,
         "fetched_at": str, "detail": str, "ruleset_version": str,
         # An expert's override (see eduaudit.overrides): applied, or waiting for review
         # because the evidence changed; computed_status keeps the rule's own verdict.
         "overridden": int, "override_stale": int, "computed_status": str},
        {"pk": ("run_id", "school_id", "rule_id")},
    ),
    # Consistency and formalism signals (audit_rules.signals): for the operator to look at,
    # never a verdict, so they stay out of findings and out of every pass/fail figure.
    "signals": (
        {"run_id": int, "school_id": str, "municipality": str, "signal_id": str, "key": str,
         "title": str, "detail": str, "evidence_url": str, "evidence_text": str,
         "fetched_at": str, "related": str, "ruleset_version": str},
        {"pk": ("run_id", "school_id", "signal_id", "key")},
    ),
    "overrides": (
        {"id": int, "school_id": str, "rule_id": str, "status": str, "reason": str,
         "by": str, "created_at": str, "run_id": int, "original_status": str,
         "evidence_url": str, "evidence_text": str, "evidence_sha256": str,
         "fingerprint": str},
        {"pk": "id"},
    ),
}


class Store:
    """The results database plus the content-addressed blob folder beside it."""

    def __init__(self, db_path: str | Path, blobs_dir: str | Path | None = None):
        self.path = Path(db_path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.blobs_dir = Path(blobs_dir) if blobs_dir else self.path.parent / "blobs"
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # Crawl shards write from several processes; a writer waits for another's short transaction.
        self.db.execute("PRAGMA busy_timeout=30000")
        self._upsert_sql: dict[tuple[str, tuple[str, ...]], str] = {}
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        found = self.db.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(f"{self.path}: база создана более новой версией eduaudit (схема {found}, "
                               f"эта версия знает схему {SCHEMA_VERSION}); обновите eduaudit")
        for name, (columns, options) in TABLES.items():
            table = self.db[name]
            if not table.exists():
                table.create(columns, **options)
            else:
                # A database written by an older version gains the new columns.
                missing = {c: t for c, t in columns.items() if c not in table.columns_dict}
                for column, kind in missing.items():
                    table.add_column(column, kind)
        self.db["findings"].create_index(["run_id", "rule_id"], if_not_exists=True)
        self.db["documents"].create_index(["sha256"], if_not_exists=True)
        if found != SCHEMA_VERSION:
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def upsert(self, table: str, row: dict) -> None:
        """Insert ``row``, or update the given columns of the row with its primary key (from ``TABLES``).

        What ``db[table].upsert(row, pk=...)`` does, for the crawl's one-row-per-response
        writes: sqlite-utils reads the table's schema on every call, which was five times
        the cost of the write itself and a tenth of the crawler's CPU (bench/RESULTS.md).
        The statement is built once per table and set of columns.
        """
        columns = tuple(row)
        key = (table, columns)
        sql = self._upsert_sql.get(key)
        if sql is None:
            pk = TABLES[table][1]["pk"]
            keys = (pk,) if isinstance(pk, str) else tuple(pk)
            updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c not in keys)
            sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                   f"values ({', '.join('?' * len(columns))}) "
                   f"on conflict ({', '.join(f'[{c}]' for c in keys)}) "
                   + (f"do update set {updates}" if updates else "do nothing"))
            self._upsert_sql[key] = sql
        with self.db.conn:
            self.db.conn.execute(sql, list(row.values()))

    # -- runs ---------------------------------------------------------------
    def start_run(self, registry_path: str, registry_sha256: str, schools: int,
                  ruleset_version: str, settings: str = "", status: str = "running") -> int:
        table = self.db["runs"]
        table.insert({"started_at": utcnow(), "status": status,
                      "registry_path": registry_path, "registry_sha256": registry_sha256,
                      "schools": schools, "ruleset_version": ruleset_version,
                      "settings": settings})
        return table.last_pk

    def finish_run(self, run_id: int, status: str = "finished") -> None:
        self.db["runs"].update(run_id, {"finished_at": utcnow(), "status": status})

    def latest_run(self) -> int | None:
        row = self.db.execute(
            "select id from runs where status = 'finished' order by id desc limit 1"
        ).fetchone()
        return row[0] if row else None

    # -- blobs --------------------------------------------------------------
    def blob_path(self, sha256: str) -> Path:
        return self.blobs_dir / sha256[:2] / sha256[2:4] / sha256

    def put_blob(self, data: bytes) -> str:
        """Store bytes once by their SHA-256 and return the digest."""
        digest = hashlib.sha256(data).hexdigest()
        path = self.blob_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # per process: crawl shards may store the same bytes at the same moment
            tmp = path.with_suffix(f".{os.getpid()}.part")
            tmp.write_bytes(data)
            tmp.replace(path)
            self.upsert("blobs", {"sha256": digest, "size": len(data),
                                  "path": str(path.relative_to(self.blobs_dir)), "first_seen_at": utcnow()})
        return digest

    def read_blob(self, sha256: str) -> bytes:
        return self.blob_path(sha256).read_bytes()
