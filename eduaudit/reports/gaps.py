"""gaps/<municipality>.xlsx and .csv: what each municipal coordinator sends to the schools.

Only what is not done (не выполнено, требует проверки, не удалось проверить),
with a link to what was found and the rule's «что сделать»; after a previous
run also what was fixed since, and which sites need a manual look because
their structure changed (so a crawler miss is not sent out as a school's gap).
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from audit_rules.base import ERROR, PASS, STATUS_RU
from eduaudit.diff import RunDiff
from eduaudit.reports import figures
from eduaudit.reports.data import ERROR_WHAT_TO_DO, RunData, safe_url
from eduaudit.reports.russian import plain
from eduaudit.reports.names import UniqueNames, file_stem
from eduaudit.reports.xlsx import STATUS_FILL, csv_safe, finish_table, header, put

COLUMNS = ["Муниципальное образование", "Школа", "Сайт", "Правило", "Вердикт", "Что найдено (ссылка)",
           "Цитата / где искали", "Пояснение", "Что сделать", "С прошлой проверки", "Внимание"]
SITE_RULE = "site.reachable"
SINCE_NEW = "новый пробел с прошлой проверки"
SINCE_FIXED = "исправлено с прошлой проверки"
SINCE_STILL = "пробел остаётся"


def _unchecked_row(municipality: str, school: dict, rules: list) -> dict:
    """One row for a site that could not be checked at all, instead of one per rule."""
    reach = school["findings"].get(SITE_RULE) or {}
    reason = plain(reach.get("evidence_text")) or "сайт не удалось загрузить"
    return {
        "Муниципальное образование": municipality, "Школа": school["short_name"], "Сайт": school["url"],
        "Правило": "Сайт не удалось проверить",
        "Вердикт": STATUS_RU[ERROR], "Что найдено (ссылка)": reach.get("evidence_url", "") or school["url"],
        "Цитата / где искали": reason,
        "Пояснение": f"Не проверено правил: {len(rules) - 1}; школа не входит в проценты, пока сайт не проверен.",
        "Что сделать": ERROR_WHAT_TO_DO, "С прошлой проверки": "", "Внимание": "",
        "_status": ERROR, "_school_id": school["school_id"], "_rule_id": SITE_RULE,
    }


def gap_rows(data: RunData, municipality: str, diff: RunDiff | None = None) -> list[dict]:
    """Rows of one municipality's gap list, in school then rule order, then the authority's own gaps.

    A school whose site could not be checked gets one row, not one per rule.
    """
    before = {(c.school_id, c.rule_id): c for c in diff.verdicts} if diff else {}
    alerted = diff.alerted() if diff else {}
    unchecked = set()
    for frame in (data.findings, data.authority_findings):
        if len(frame):
            unchecked |= figures.unchecked_schools(frame[frame["municipality"] == municipality])
    rows = []
    schools = data.school_rows(municipality)
    authorities = data.school_rows(municipality, frame=data.authority_findings) if len(data.authority_findings) else []
    for school, rules in [(s, data.rules) for s in schools] + [(a, data.authority_rules) for a in authorities]:
        if school["school_id"] in unchecked:
            rows.append(_unchecked_row(municipality, school, rules))
            continue
        for rule in rules:
            f = school["findings"].get(rule.id)
            if f is None:
                continue
            change = before.get((school["school_id"], rule.id))
            if f["status"] == PASS and not (change and change.kind == "fixed"):
                continue
            if f["status"] == PASS:
                since = SINCE_FIXED
            elif diff is None:
                since = ""
            elif change is not None and change.before == PASS:
                since = SINCE_NEW
            else:
                since = SINCE_STILL
            alert = alerted.get(school["school_id"])
            rows.append({
                "Муниципальное образование": municipality,
                "Школа": school["short_name"],
                "Сайт": school["url"],
                "Правило": rule.title,
                "Вердикт": f["status_ru"],
                "Что найдено (ссылка)": f["evidence_url"],
                "Цитата / где искали": plain(f["evidence_text"]),
                "Пояснение": plain(f["detail"]),
                "Что сделать": f["what_to_do"],
                "С прошлой проверки": since,
                "Внимание": alert.message if alert and f["status"] != PASS else "",
                "_status": f["status"],
                "_school_id": school["school_id"],
                "_rule_id": rule.id,
            })
    return rows


def write_gap_files(data: RunData, out_dir: str | Path, diff: RunDiff | None = None) -> dict[str, tuple[Path, Path]]:
    """Write one .xlsx and one .csv per municipality; return municipality → (xlsx, csv)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stems = UniqueNames()
    written = {}
    for municipality in data.municipalities:
        stem = stems.take(file_stem(municipality))
        rows = gap_rows(data, municipality, diff)
        xlsx_path, csv_path = out_dir / f"{stem}.xlsx", out_dir / f"{stem}.csv"
        _write_xlsx(xlsx_path, municipality, data, rows)
        with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")  # the separator Russian Excel expects
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow([csv_safe(row[c]) for c in COLUMNS])
        written[municipality] = (xlsx_path, csv_path)
    return written


def _write_xlsx(path: Path, municipality: str, data: RunData, rows: list[dict]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Пробелы"
    put(sheet, 1, 1, f"{municipality}: что не размещено на сайтах школ (запуск {data.run_id}, "
                     f"{(data.run.get('finished_at') or '')[:10]})").font = Font(bold=True, size=12)
    header(sheet, COLUMNS, row=2)
    for i, row in enumerate(rows, start=3):
        for j, column in enumerate(COLUMNS, start=1):
            value = row[column]
            url = safe_url(value) if column in ("Сайт", "Что найдено (ссылка)") else ""
            fill = STATUS_FILL.get(row["_status"]) if column == "Вердикт" else None
            put(sheet, i, j, value, url=url, fill=fill, wrap=column in ("Цитата / где искали", "Что сделать",
                                                                        "Пояснение", "Внимание", "Школа"))
    finish_table(sheet, [22, 34, 28, 30, 16, 36, 44, 36, 50, 20, 36], freeze="C3", header_row=2)
    book.save(path)
