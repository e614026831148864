"""Scheduled re-crawls: a cron entry or a systemd timer, a «before the deadline» mode, and retention.

The scheduled job is `eduaudit scheduled-run`: it takes the run lock, crawls
and audits, writes the reports, and deletes the stored bytes of documents
that only old runs refer to (the database rows, findings and extracted texts
stay, so old runs can still be reported and re-judged).
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from eduaudit.store import Store

DEFAULT_NAME = "eduaudit"
WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0}
SYSTEMD_WEEKDAYS = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat", "sun": "Sun"}


@dataclass
class Plan:
    """When to run: every day, every week on a weekday, or daily in the `days` before a deadline."""

    at: str = "03:00"                  # HH:MM local time
    every: str = "weekly"              # daily | weekly
    weekday: str = "mon"
    deadline: dt.date | None = None
    days: int = 14

    def __post_init__(self):
        hour, _, minute = self.at.partition(":")
        if not (hour.isdigit() and minute.isdigit() and 0 <= int(hour) < 24 and 0 <= int(minute) < 60):
            raise ValueError(f"время запуска должно быть ЧЧ:ММ, получено {self.at!r}")
        if self.every not in ("daily", "weekly"):
            raise ValueError(f"every: daily или weekly, получено {self.every!r}")
        if self.weekday not in WEEKDAYS:
            raise ValueError(f"день недели: {', '.join(WEEKDAYS)}")
        if self.days < 1:
            raise ValueError("days must be at least 1")

    @property
    def hour(self) -> int:
        return int(self.at.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.at.split(":")[1])

    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days of the «before deadline» mode: the `days` days before the deadline and the deadline itself."""
        if self.deadline is None:
            return None
        return self.deadline - dt.timedelta(days=self.days), self.deadline

    def month_spans(self) -> list[tuple[int, int, int, int]]:
        """(year, month, first day, last day) pieces of the window, one per calendar month."""
        start, end = self.window()
        spans, day = [], start
        while day <= end:
            next_month = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            last = min(end, next_month - dt.timedelta(days=1))
            spans.append((day.year, day.month, day.day, last.day))
            day = last + dt.timedelta(days=1)
        return spans


def eduaudit_executable() -> str:
    """The eduaudit script of this environment (cron and systemd have no venv on PATH)."""
    beside = Path(sys.executable).parent / "eduaudit"
    if beside.exists():
        return str(beside)
    found = shutil.which("eduaudit")
    return found or f"{sys.executable} -m eduaudit.cli"


def job_command(registry: str | Path, out: str | Path, *, plan: Plan, keep_runs: int | None = None,
                extra: list[str] = (), executable: str | None = None) -> list[str]:
    exe = shlex.split(executable or eduaudit_executable())
    command = exe + ["scheduled-run", "--registry", str(Path(registry).resolve()), "--out", str(Path(out).resolve())]
    if keep_runs is not None:
        command += ["--keep-runs", str(keep_runs)]
    if plan.deadline is not None:
        # Cron and OnCalendar repeat every year; the job itself also checks the window.
        command += ["--deadline", plan.deadline.isoformat(), "--days", str(plan.days)]
    return command + list(extra)


def cron_entries(plan: Plan, command: list[str], *, workdir: str | Path, log_file: str | Path,
                 name: str = DEFAULT_NAME) -> str:
    """A crontab block: one line per schedule, marked so that installing again replaces it."""
    shell = f"cd {shlex.quote(str(workdir))} && {shlex.join(command)} >> {shlex.quote(str(log_file))} 2>&1"
    shell = shell.replace("%", r"\%")  # cron turns a bare % into a newline
    lines = [f"# >>> {name}: повторная проверка сайтов школ (eduaudit schedule)"]
    if plan.deadline is not None:
        for _year, month, first, last in plan.month_spans():
            days = str(first) if first == last else f"{first}-{last}"
            lines.append(f"{plan.minute} {plan.hour} {days} {month} * {shell}")
    elif plan.every == "daily":
        lines.append(f"{plan.minute} {plan.hour} * * * {shell}")
    else:
        lines.append(f"{plan.minute} {plan.hour} * * {WEEKDAYS[plan.weekday]} {shell}")
    lines.append(f"# <<< {name}")
    return "\n".join(lines) + "\n"


def on_calendar(plan: Plan) -> list[str]:
    time = f"{plan.hour:02d}:{plan.minute:02d}:00"
    if plan.deadline is not None:
        return [f"{year}-{month:02d}-{first:02d}..{last:02d} {time}" if first != last
                else f"{year}-{month:02d}-{first:02d} {time}"
                for year, month, first, last in plan.month_spans()]
    if plan.every == "daily":
        return [f"*-*-* {time}"]
    return [f"{SYSTEMD_WEEKDAYS[plan.weekday]} *-*-* {time}"]


def systemd_units(plan: Plan, command: list[str], *, workdir: str | Path,
                  name: str = DEFAULT_NAME) -> dict[str, str]:
    """`NAME.service` and `NAME.timer` texts for a user (or system) systemd."""
    service = "\n".join([
        "[Unit]",
        "Description=eduaudit: повторная проверка сайтов школ и отчёты",
        "Wants=network-online.target",
        "After=network-online.target",
        "",
        "[Service]",
        "Type=oneshot",
        f"WorkingDirectory={workdir}",
        f"ExecStart={' '.join(_systemd_quote(a) for a in command)}",
        "Nice=10",
        "",
    ])
    timer = "\n".join([
        "[Unit]",
        f"Description=eduaudit: расписание повторных проверок ({name})",
        "",
        "[Timer]",
        *[f"OnCalendar={spec}" for spec in on_calendar(plan)],
        # A machine that was off at the time runs the missed check when it comes back.
        "Persistent=true",
        f"Unit={name}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])
    return {f"{name}.service": service, f"{name}.timer": timer}


def _systemd_quote(arg: str) -> str:
    arg = arg.replace("%", "%%")  # systemd expands % specifiers in ExecStart
    if arg and all(c.isalnum() or c in "-_./:=+,@" for c in arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def install_cron(block: str, name: str = DEFAULT_NAME) -> str:
    """Replace this job's block in the user's crontab (other lines are kept); return the new crontab."""
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    kept, skipping = [], False
    for line in (current.stdout if current.returncode == 0 else "").splitlines():
        if line.startswith(f"# >>> {name}:"):
            skipping = True
        elif skipping and line.strip() == f"# <<< {name}":
            skipping = False
        elif not skipping:
            kept.append(line)
    text = "\n".join(kept + [block.rstrip("\n")]) + "\n"
    subprocess.run(["crontab", "-"], input=text, text=True, check=True)
    return text


def install_systemd(units: dict[str, str], unit_dir: str | Path | None = None, *, enable: bool = True,
                    name: str = DEFAULT_NAME) -> list[Path]:
    unit_dir = Path(unit_dir) if unit_dir else Path.home() / ".config" / "systemd" / "user"
    unit_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for filename, text in units.items():
        path = unit_dir / filename
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    if enable:
        subprocess.run(["systemctl", "--user", "daemon-reload"], check=True)
        subprocess.run(["systemctl", "--user", "enable", "--now", f"{name}.timer"], check=True)
    return paths


def in_window(deadline: dt.date | None, days: int, today: dt.date | None = None) -> bool:
    if deadline is None:
        return True
    today = today or dt.date.today()
    return deadline - dt.timedelta(days=days) <= today <= deadline


@dataclass
class PruneResult:
    kept_runs: list[int]
    files_deleted: int
    bytes_freed: int


def prune_blobs(store: Store, keep_runs: int) -> PruneResult:
    """Delete stored bytes that only runs older than the newest `keep_runs` finished runs refer to.

    Rows (documents, findings, extracted text) are kept: old runs stay reportable and re-judgeable;
    only the original files go. A file downloaded again later is simply stored again.
    """
    if keep_runs < 1:
        raise ValueError("keep_runs must be at least 1")
    finished = [r[0] for r in store.db.execute("select id from runs where status = 'finished' order by id desc")]
    kept = finished[:keep_runs]
    old = [r for r in finished[keep_runs:]]
    if not old:
        return PruneResult(kept, 0, 0)
    # Runs that are not finished (running, failed) are kept too: their bytes may still be read.
    referenced = "select sha256 from documents where run_id = ? union select sha256 from pages where run_id = ?"
    keep_shas: set[str] = set()
    for (run_id,) in store.db.execute("select id from runs where id not in (%s)" % ",".join("?" * len(old)), old):
        keep_shas.update(r[0] for r in store.db.execute(referenced, [run_id, run_id]) if r[0])
    candidates: set[str] = set()
    for run_id in old:
        candidates.update(r[0] for r in store.db.execute(referenced, [run_id, run_id]) if r[0])
    deleted = freed = 0
    for sha in sorted(candidates - keep_shas):
        path = store.blob_path(sha)
        try:
            size = path.stat().st_size
            os.remove(path)
        except FileNotFoundError:
            continue
        deleted += 1
        freed += size
    return PruneResult(kept, deleted, freed)
