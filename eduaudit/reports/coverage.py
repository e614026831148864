"""Coverage table: municipality × rule, how many schools pass.

This is the table the regional operator sends to the ministry, so headers and
labels are in Russian. The figures are eduaudit.reports.figures': schools only,
a percentage of the schools that could be checked, one rounding.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from audit_rules import all_rules
from eduaudit.reports import figures
from eduaudit.reports.russian import of_checked, unreachable_phrase
from eduaudit.store import Store

REGION_TOTAL = "Итого по области"
SCHOOLS = "Школ в реестре"
UNCHECKED = "Сайт не удалось проверить"


def findings_frame(store: Store, run_id: int) -> pd.DataFrame:
    """Findings of the run's schools; municipal authorities are not schools and are not counted."""
    return pd.read_sql_query(
        "select f.*, s.name, s.url from findings f join schools s "
        "on s.run_id = f.run_id and s.school_id = f.school_id where f.run_id = ? "
        "and coalesce(s.kind, '') != 'municipality'",
        store.db.conn, params=[run_id])


def coverage_table(store: Store, run_id: int) -> pd.DataFrame:
    frame = findings_frame(store, run_id)
    rules = [r for r in all_rules() if r.id in set(frame["rule_id"])]
    records, index = [], []
    for municipality, schools, shares in figures.coverage_rows(frame, rules):
        local = frame if municipality is None else frame[frame["municipality"] == municipality]
        record = {SCHOOLS: schools, UNCHECKED: len(figures.unchecked_schools(local))}
        for share in shares:
            record[f"{share.title}: выполнено"] = share.passed
            record[f"{share.title}: проверено"] = share.checked
            record[f"{share.title}: %"] = share.percent
        records.append(record)
        index.append(municipality or REGION_TOTAL)
    table = pd.DataFrame(records, index=pd.Index(index, name="Муниципальное образование"))
    # Whole percentages stay whole in the CSV; a municipality with nothing checked has none.
    for column in table.columns:
        if column.endswith(": %"):
            table[column] = table[column].astype("Int64")
    return table


def write_coverage(store: Store, run_id: int, out_dir: str | Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    table = coverage_table(store, run_id)
    csv_path = out_dir / "coverage.csv"
    xlsx_path = out_dir / "coverage.xlsx"
    # utf-8-sig: Excel opens the CSV with Cyrillic intact.
    table.to_csv(csv_path, encoding="utf-8-sig")
    with pd.ExcelWriter(xlsx_path, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name="Свод")
        sheet = writer.sheets["Свод"]
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = 32
    return [csv_path, xlsx_path]


def region_summary(store: Store, run_id: int) -> list[str]:
    """Lines such as «Положение размещено: 255 из 340 школ (75 %)»."""
    frame = findings_frame(store, run_id)
    lines = []
    labels = {
        "site.reachable": "Сайт доступен",
        "section.documents": "Подраздел «Документы» найден",
        "section.mentoring": "Страница «Наставничество» найдена",
        "doc.regulation": "Положение размещено",
        "doc.roadmap": "Дорожная карта размещена",
        "doc.order": "Приказ размещён",
        "doc.program": "Персонализированная программа размещена",
        "site.moved": "Адрес сайта в реестре актуален",
    }
    for rule in all_rules("school"):
        share = figures.share(frame, rule.id, rule.title)
        line = f"{labels.get(rule.id, rule.title)}: {share.passed} {of_checked(share.checked)} школ ({share.percent_text})"
        if share.unchecked:
            line += "; " + unreachable_phrase(share.unchecked)
        lines.append(line)
    return lines
