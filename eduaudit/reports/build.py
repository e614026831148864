"""Write every report of one run into one folder."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from eduaudit.diff import RunDiff, diff_runs, previous_run
from eduaudit.reports.copies import save_copies
from eduaudit.reports.coverage import write_coverage
from eduaudit.reports.dashboard import write_dashboard
from eduaudit.reports.data import load_run, trend
from eduaudit.reports.gaps import write_gap_files
from eduaudit.reports.letters import write_letters
from eduaudit.reports.note import Baseline, write_note
from eduaudit.reports.summary import write_summary
from eduaudit.reports.workbook import write_workbook
from eduaudit.store import Store


@dataclass
class ReportSet:
    run_id: int
    out_dir: Path
    previous_run: int | None
    svod: Path
    summary: Path
    dashboard: Path
    coverage: list[Path]
    note: Path | None = None
    gaps: dict[str, tuple[Path, Path]] = field(default_factory=dict)
    letters: dict[str, tuple[Path, Path]] = field(default_factory=dict)
    diff_json: Path | None = None

    def paths(self) -> list[Path]:
        out = [self.svod, self.summary, self.dashboard, *self.coverage] + ([self.note] if self.note else [])
        out += [p for pair in self.gaps.values() for p in pair]
        out += [p for pair in self.letters.values() for p in pair]
        return out + ([self.diff_json] if self.diff_json else [])


def write_reports(store: Store, run_id: int, out_dir: str | Path, *, compare_with: int | None = None,
                  compare: bool = True, baseline: Baseline | None = None, deadline: dt.date | None = None,
                  contact: str = "") -> ReportSet:
    """All reports of the run; changes are shown against `compare_with` or the previous finished run.

    The note compares the region with `baseline` (an earlier round), by default the last manual one.
    The letters to coordinators ask for an answer by `deadline` (by default two weeks after the run).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = load_run(store, run_id)
    before = compare_with if compare_with is not None else (previous_run(store, run_id) if compare else None)
    diff: RunDiff | None = diff_runs(store, before, run_id) if before is not None else None
    reports = ReportSet(
        run_id=run_id, out_dir=out_dir, previous_run=before,
        svod=write_workbook(data, out_dir / "svod.xlsx", diff),
        summary=write_summary(data, out_dir / "summary.md", diff),
        dashboard=write_dashboard(data, out_dir / "index.html", trend(store), diff, save_copies(store, data, out_dir)),
        coverage=write_coverage(store, run_id, out_dir),
        gaps=write_gap_files(data, out_dir / "gaps", diff),
        note=write_note(data, out_dir / "otchet.docx", baseline),
        letters=write_letters(data, out_dir / "letters", deadline, contact),
    )
    if diff is not None:
        reports.diff_json = out_dir / "diff.json"
        reports.diff_json.write_text(json.dumps(diff.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return reports
