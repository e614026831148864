"""`eduaudit schedule`: valid crontab lines and systemd units, the run lock, retention of old bytes."""

from __future__ import annotations

import configparser
import datetime as dt
import shlex
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from audit_rules import RULESET_VERSION
from eduaudit.reports.commands import schedule_command, scheduled_run_command
from eduaudit.runlock import RunLocked, run_lock
from eduaudit.schedule import Plan, in_window, on_calendar, prune_blobs
from eduaudit.store import Store

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

CRON_RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]


def parse_cron_field(field: str, low: int, high: int) -> set[int]:
    values = set()
    for part in field.split(","):
        base, _, step = part.partition("/")
        if base == "*":
            start, end = low, high
        elif "-" in base:
            start, end = (int(x) for x in base.split("-"))
        else:
            start = end = int(base)
        assert low <= start <= end <= high, field
        values.update(range(start, end + 1, int(step or 1)))
    return values


def cron_jobs(text: str) -> list[tuple[list[set[int]], str]]:
    jobs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split(None, 5)
        assert len(fields) == 6, line
        jobs.append(([parse_cron_field(f, lo, hi) for f, (lo, hi) in zip(fields[:5], CRON_RANGES)], fields[5]))
    return jobs


def test_cron_deadline_mode_covers_the_two_weeks(tmp_path):
    result = CliRunner().invoke(schedule_command, ["--registry", str(tmp_path / "r.csv"), "--out", str(tmp_path),
                                                   "--deadline", "2026-12-10", "--at", "06:30"])
    assert result.exit_code == 0, result.output
    jobs = cron_jobs(result.output)
    days = set()
    for (minutes, hours, dom, months, dow), command in jobs:
        assert minutes == {30} and hours == {6} and dow == set(range(0, 8))
        days |= {(m, d) for m in months for d in dom}
        argv = shlex.split(command.replace(r"\%", "%"))
        assert "scheduled-run" in argv and argv[argv.index("--deadline") + 1] == "2026-12-10"
    expected = {((dt.date(2026, 12, 10) - dt.timedelta(days=i)).month, (dt.date(2026, 12, 10) - dt.timedelta(days=i)).day)
                for i in range(15)}
    assert days == expected


def test_cron_weekly(tmp_path):
    result = CliRunner().invoke(schedule_command, ["--registry", "r.csv", "--out", str(tmp_path), "--every", "weekly",
                                                   "--weekday", "sun"])
    (fields, _), = cron_jobs(result.output)
    assert fields[:2] == [{0}, {3}] and fields[4] == {0}


def test_systemd_units_parse(tmp_path):
    result = CliRunner().invoke(schedule_command, ["--registry", "r.csv", "--out", str(tmp_path), "--kind", "systemd",
                                                   "--install", "--no-enable", "--unit-dir", str(tmp_path / "units"),
                                                   "--deadline", "2027-01-05", "--days", "14"])
    assert result.exit_code == 0, result.output
    units = {}
    for path in (tmp_path / "units").iterdir():
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str
        parser.read_string(path.read_text(encoding="utf-8"))
        units[path.name] = parser
    service, timer = units["eduaudit.service"], units["eduaudit.timer"]
    assert service["Service"]["Type"] == "oneshot"
    assert "scheduled-run" in shlex.split(service["Service"]["ExecStart"])
    assert timer["Timer"]["Unit"] == "eduaudit.service" and timer["Install"]["WantedBy"] == "timers.target"
    text = (tmp_path / "units" / "eduaudit.timer").read_text(encoding="utf-8")
    specs = [line.split("=", 1)[1] for line in text.splitlines() if line.startswith("OnCalendar=")]
    assert specs == ["2026-12-22..31 03:00:00", "2027-01-01..05 03:00:00"]
    if shutil.which("systemd-analyze"):
        for spec in specs + on_calendar(Plan(every="weekly", weekday="fri")):
            check = subprocess.run(["systemd-analyze", "calendar", spec], capture_output=True, text=True)
            assert check.returncode == 0, check.stderr


def test_deadline_window():
    deadline = dt.date(2026, 12, 10)
    assert in_window(deadline, 14, dt.date(2026, 11, 26)) and in_window(deadline, 14, deadline)
    assert not in_window(deadline, 14, dt.date(2026, 11, 25)) and not in_window(deadline, 14, dt.date(2026, 12, 11))
    result = CliRunner().invoke(scheduled_run_command, ["--registry", "nope.csv", "--deadline", "2000-01-01"])
    assert result.exit_code == 0 and "Вне окна" in result.output


HOLDER = """
import sys, time
from eduaudit.runlock import RunLocked, run_lock
try:
    with run_lock(sys.argv[1], what="test"):
        print("acquired", flush=True)
        time.sleep(float(sys.argv[2]))
except RunLocked as exc:
    print("locked", flush=True)
"""


def test_lock_holds_under_two_concurrent_starts(tmp_path):
    starts = [subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path), "2"], stdout=subprocess.PIPE, text=True)
              for _ in range(2)]
    outputs = sorted(p.communicate(timeout=30)[0].strip() for p in starts)
    assert outputs == ["acquired", "locked"]
    with run_lock(tmp_path):  # released when the holder ended
        with run_lock(tmp_path):  # re-entrant in one process
            pass


def test_scheduled_run_refuses_while_another_run_holds_the_lock(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path), "20"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "acquired"
        result = CliRunner().invoke(scheduled_run_command, ["--registry", str(tmp_path / "r.csv"), "--out",
                                                            str(tmp_path)])
        assert result.exit_code != 0 and "другой запуск уже идёт" in result.output
        with pytest.raises(RunLocked, match=rf"pid {holder.pid}, test"):    # says who holds it
            with run_lock(tmp_path, wait=0.5):
                pass
    finally:
        holder.terminate()
        holder.wait(timeout=10)
    with run_lock(tmp_path, wait=0):  # the kernel released the dead holder's lock: no waiting for it
        pass


def test_retention_deletes_only_bytes_of_old_runs(tmp_path):
    store = Store(tmp_path / "eduaudit.db")
    shared, old_only, new_only = b"shared document", b"old document", b"new document"
    for contents in ((shared, old_only), (shared, new_only), (shared, new_only)):
        run_id = store.start_run("r.csv", "x", 1, RULESET_VERSION)
        for i, data in enumerate(contents):
            store.db["documents"].insert({"run_id": run_id, "school_id": "s", "url": f"http://s.test/{i}",
                                          "sha256": store.put_blob(data)})
        store.finish_run(run_id)
    sha = {data: store.put_blob(data) for data in (shared, old_only, new_only)}
    result = prune_blobs(store, keep_runs=2)
    assert result.kept_runs == [3, 2] and result.files_deleted == 1 and result.bytes_freed == len(old_only)
    assert not store.blob_path(sha[old_only]).exists()
    assert store.blob_path(sha[shared]).exists() and store.blob_path(sha[new_only]).exists()
    assert store.db["documents"].count == 6  # the records stay
