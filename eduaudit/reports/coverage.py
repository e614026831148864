"""Coverage table: municipality × rule, how many schools pass.

This is the table the regional operator sends to the ministry, so headers and
labels are in Russian and every percentage is of *all* schools of the
municipality in the registry (the way the manual audits counted).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from audit_rules import all_rules
from eduaudit.store import Store

REGION_TOTAL = "Итого по области"


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
    passed = (frame.assign(ok=frame["status"].eq("pass"))
              .pivot_table(index="municipality", columns="rule_id", values="ok", aggfunc="sum", fill_value=0))
    schools = frame.groupby("municipality")["school_id"].nunique()
    table = pd.DataFrame({"Школ в реестре": schools})
    total = {"Школ в реестре": frame["school_id"].nunique()}
    for rule in rules:
        count = passed.get(rule.id, pd.Series(0, index=schools.index)).astype(int)
        table[f"{rule.title}: выполнено"] = count
        table[f"{rule.title}: %"] = (100 * count / schools).round(1)
        region_count = int(count.sum())
        total[f"{rule.title}: выполнено"] = region_count
        total[f"{rule.title}: %"] = round(100 * region_count / total["Школ в реестре"], 1)
    table = table.sort_index()
    table.loc[REGION_TOTAL] = total
    table.index.name = "Муниципальное образование"
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
    total = frame["school_id"].nunique()
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
        passed = int(((frame["rule_id"] == rule.id) & (frame["status"] == "pass")).sum())
        label = labels.get(rule.id, rule.title)
        share = round(100 * passed / total) if total else 0
        lines.append(f"{label}: {passed} из {total} школ ({share} %)")
    return lines
