"""The results store: its own upsert must leave the same rows as sqlite-utils' would."""

from __future__ import annotations

import random
import sqlite3

import pytest
import sqlite_utils

from click.testing import CliRunner

from eduaudit.cli import main
from eduaudit.errors import SchemaTooNew
from eduaudit.store import SCHEMA_VERSION, TABLES, Store


def _rows(store: Store, table: str) -> list[tuple]:
    return store.db.execute(f"select * from [{table}] order by 1, 2, 3").fetchall()


def test_upsert_inserts_then_updates_only_the_columns_given(tmp_path):
    store = Store(tmp_path / "e.db")
    store.upsert("pages", {"run_id": 1, "school_id": "s1", "url": "http://a/", "http_status": 200,
                           "title": "Главная", "role": "home"})
    store.upsert("pages", {"run_id": 1, "school_id": "s1", "url": "http://a/", "title": "Главная страница"})
    row = store.db.execute("select http_status, title, role from pages").fetchone()
    assert row == (200, "Главная страница", "home")
    assert store.db["pages"].count == 1


def test_upsert_of_key_columns_only_keeps_the_existing_row(tmp_path):
    store = Store(tmp_path / "e.db")
    store.upsert("sites", {"run_id": 1, "school_id": "s1", "error": "timeout"})
    store.upsert("sites", {"run_id": 1, "school_id": "s1"})
    assert store.db.execute("select error from sites").fetchall() == [("timeout",)]


def test_upsert_leaves_the_rows_sqlite_utils_would(tmp_path):
    ours, theirs = Store(tmp_path / "ours.db"), Store(tmp_path / "theirs.db")
    rng = random.Random(8)
    columns = ["http_status", "content_type", "filename", "error", "anchor_text"]
    pk = ("run_id", "school_id", "url")
    for _ in range(300):
        row = {"run_id": rng.randint(1, 2), "school_id": f"s{rng.randint(1, 4)}",
               "url": f"http://x.test/{rng.randint(1, 6)}.pdf"}
        for column in rng.sample(columns, rng.randint(0, len(columns))):
            row[column] = rng.choice([None, 200, 404, "документ", ""])
        ours.upsert("documents", dict(row))
        theirs.db["documents"].upsert(dict(row), pk=pk)
    assert _rows(ours, "documents") == _rows(theirs, "documents")
    assert ours.db["documents"].count > 10


def test_blob_is_written_once_and_keeps_when_it_was_first_seen(tmp_path):
    store = Store(tmp_path / "e.db")
    digest = store.put_blob("Положение о наставничестве".encode())
    first = store.db.execute("select first_seen_at, size from blobs").fetchall()
    assert store.put_blob("Положение о наставничестве".encode()) == digest
    assert store.db.execute("select first_seen_at, size from blobs").fetchall() == first
    assert store.read_blob(digest).decode() == "Положение о наставничестве"
    assert first[0][1] == len("Положение о наставничестве".encode())


def test_an_older_database_is_brought_up_to_the_schema(tmp_path):
    # a database of an earlier version: no schema version, no registry alternates, a short findings table
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.execute("create table schools (run_id integer, school_id text, name text, url text, "
                "primary key (run_id, school_id))")
    con.execute("insert into schools values (1, 's1', 'Школа', 'http://s1.test/')")
    con.execute("create table findings (run_id integer, school_id text, rule_id text, status text, "
                "primary key (run_id, school_id, rule_id))")
    con.commit()
    con.close()
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for name, (columns, _) in TABLES.items():
        assert set(columns) <= set(store.db[name].columns_dict), name
    assert store.db.execute("select name, alternates from schools").fetchall() == [("Школа", None)]
    # what the stages write goes in without sqlite-utils' alter
    store.db["findings"].insert({name: None for name in TABLES["findings"][0]} | {"run_id": 1, "school_id": "s1",
                                                                                  "rule_id": "r"})


def test_a_database_of_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNew, match="более новой версией"):
        Store(path)
    # a command says so in one line, no traceback
    result = CliRunner().invoke(main, ["findings", "--db", str(path)])
    assert result.exit_code == 1 and "более новой версией eduaudit" in result.output
    assert "Traceback" not in result.output


def test_a_schema_2_database_gains_the_unread_pages_of_schema_3(tmp_path):
    # made the way schema 2 made it: every table of today but extractions.ocr_pages_unread
    path = tmp_path / "v2.db"
    db = sqlite_utils.Database(path)
    for name, (columns, options) in TABLES.items():
        db[name].create({c: t for c, t in columns.items() if (name, c) != ("extractions", "ocr_pages_unread")},
                        **options)
    db["extractions"].insert({"sha256": "ab" * 32, "status": "ok", "format": "pdf", "text": "Положение",
                              "ocr_used": 1})
    db.execute("PRAGMA user_version = 2")
    db.conn.commit()
    db.close()
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    row = store.db["extractions"].get("ab" * 32)
    # the old row is kept, and «nothing left unread» is what it means
    assert row["text"] == "Положение" and row["ocr_pages_unread"] is None
    assert store.db.execute("select count(*) from extractions "
                            "where coalesce(ocr_pages_unread, '[]') = '[]'").fetchone()[0] == 1
