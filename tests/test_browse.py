"""`eduaudit browse`: Datasette answers the canned queries over HTTP on loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from audit_rules import all_rules
from eduaudit.browse import QUERIES, TABLES, datasette_command, serve, write_metadata
from eduaudit.reports.commands import browse_command
from tests.helpers.rundb import copy_db

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def datasette(audited_region, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browse")
    store = copy_db(audited_region.db, tmp / "eduaudit.db")
    metadata = write_metadata(store.path, tmp / "metadata.json")
    port = free_port()
    process = serve(store.path, metadata, port=port, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            get_json(base + "/-/versions.json")
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode())
            if time.monotonic() > deadline:
                process.terminate()
                raise
            time.sleep(0.3)
    yield base, store
    process.terminate()
    process.wait(timeout=10)


def test_canned_query_gaps_by_municipality(datasette):
    base, store = datasette
    run_id = store.latest_run()
    municipality, expected = store.db.execute(
        "select municipality, count(*) from findings where run_id = ? and status != 'pass' "
        "group by municipality order by count(*) desc limit 1", [run_id]).fetchone()
    query = urllib.parse.urlencode({"municipality": municipality, "run_id": "", "_shape": "array"})
    rows = get_json(f"{base}/eduaudit/gaps_by_municipality.json?{query}")
    assert len(rows) == expected
    assert {r["Муниципальное образование"] for r in rows} == {municipality}
    assert "выполнено" not in {r["Вердикт"] for r in rows}


def test_canned_query_school_card(datasette):
    base, store = datasette
    run_id = store.latest_run()
    school_id, = store.db.execute("select school_id from schools where run_id = ? limit 1", [run_id]).fetchone()
    query = urllib.parse.urlencode({"school_id": school_id, "run_id": str(run_id), "_shape": "array"})
    rows = get_json(f"{base}/eduaudit/school_card.json?{query}")
    statuses = dict(store.db.execute("select rule_id, status from findings where run_id = ? and school_id = ?",
                                     [run_id, school_id]).fetchall())
    titles = {r.id: r.title for r in all_rules()}
    assert {r["Правило"] for r in rows} == {titles[r] for r in statuses}  # titles people read, not ids


def test_metadata_labels_are_served(datasette):
    base, _ = datasette
    metadata = get_json(base + "/-/metadata.json")
    database = metadata["databases"]["eduaudit"]
    assert database["tables"]["findings"]["title"] == TABLES["findings"][0]
    assert database["queries"]["gaps_by_municipality"]["title"] == "Пробелы по муниципалитету"
    assert set(QUERIES) >= {"gaps_by_municipality", "school_card"}


def test_bound_to_loopback_by_default(tmp_path):
    command = datasette_command(tmp_path / "eduaudit.db", tmp_path / "m.json")
    assert command[command.index("--host") + 1] == "127.0.0.1"
    host_option = next(p for p in browse_command.params if p.name == "host")
    assert host_option.default == "127.0.0.1"


def test_canned_query_section_discovery(datasette):
    base, store = datasette
    run_id = store.latest_run()
    query = urllib.parse.urlencode({"run_id": "", "_shape": "array"})
    rows = get_json(f"{base}/eduaudit/section_discovery.json?{query}")
    assert rows and {r["Как найден"] for r in rows} <= {"home", "probe", "sitemap", "last_resort", "link:anchor",
                                                        "link:slug", "link:itemprop"}
    mentoring_sites = store.db.execute(
        "select count(distinct school_id) from pages where run_id = ? and role = 'mentoring'", [run_id]).fetchone()[0]
    assert sum(r["Сайтов"] for r in rows if r["Раздел"] == "mentoring") >= mentoring_sites > 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_browse_stops_datasette_and_cleans_up(signum, audited_region, tmp_path):
    """`kill PID` (SIGTERM) and Ctrl+C (SIGINT) alike: Datasette stops and the temporary folder goes."""
    store = copy_db(audited_region.db, tmp_path / "e.db")
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    browse = subprocess.Popen([sys.executable, "-m", "eduaudit.cli", "browse", "--db", str(store.path),
                               "--port", str(port)], env={**os.environ, "TMPDIR": str(temp)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            get_json(f"http://127.0.0.1:{port}/-/versions.json")
            break
        except OSError:
            assert browse.poll() is None, browse.stderr.read().decode()
            assert time.monotonic() < deadline, "datasette did not start"
            time.sleep(0.3)
    children = Path(f"/proc/{browse.pid}/task/{browse.pid}/children").read_text().split()
    assert children and [p.name for p in temp.iterdir()][0].startswith("eduaudit-browse-")
    browse.send_signal(signum)  # to our process only, as `kill PID` does
    assert browse.wait(timeout=30) == 0
    for pid in children:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    assert list(temp.iterdir()) == []
    with pytest.raises(OSError):
        get_json(f"http://127.0.0.1:{port}/-/versions.json")
