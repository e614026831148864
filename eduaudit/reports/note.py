"""otchet.docx: the official note on the placement of mentoring documents, for the ministry.

Shaped as a regional operator's monitoring note: what was checked and when
(Moscow time), the region's figures, a table by municipality, the schools
lacking each document, and a comparison with an earlier round. Every figure
comes from eduaudit.reports.figures, like every other output.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from audit_rules.base import PASS
from eduaudit.reports.data import RunData
from eduaudit.reports.figures import percent, percent_text
from eduaudit.reports.russian import count, moscow_time

KEY_RULE = "doc.regulation"
# The other documents of the school's mentoring package, in the note's column order.
OTHER_DOCUMENTS = ("doc.order", "doc.roadmap", "doc.program")
SHORT = {"doc.regulation": "Положение", "doc.order": "Приказ", "doc.roadmap": "Дорожная карта",
         "doc.program": "Программы"}


def nbsp(text: str) -> str:
    """«71 %» never breaks between the number and its sign."""
    return text.replace(" %", "\u00a0%")


@dataclass(frozen=True)
class Baseline:
    """An earlier round: the region's figure and, when known, each municipality's."""

    label: str
    passed: int
    checked: int
    by_municipality: dict[str, tuple[int, int]]

    @property
    def percent(self) -> int | None:
        return percent(self.passed, self.checked)


# The last manual round of the regional operator, the default comparison.
MANUAL_ROUND = Baseline("ручной мониторинг 27.03–04.04.2023", 254, 340, {})


def read_baseline(path: str | Path) -> Baseline:
    """A CSV by municipality: «Муниципальное образование;ОО;С положением» (comma or semicolon, UTF-8)."""
    text = Path(path).read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,")
    rows = list(csv.reader(text.splitlines(), dialect))
    by_municipality = {}
    for row in rows[1:]:
        if len(row) >= 3 and row[0].strip() and row[1].strip().isdigit() and row[2].strip().isdigit():
            by_municipality[row[0].strip()] = (int(row[2]), int(row[1]))
    passed = sum(p for p, _ in by_municipality.values())
    checked = sum(c for _, c in by_municipality.values())
    return Baseline(f"данные из файла {Path(path).name}", passed, checked, by_municipality)


def baseline_from_run(data: RunData) -> Baseline:
    """An earlier run of eduaudit as a baseline."""
    rows = {m: (data.share(KEY_RULE, m).passed, data.share(KEY_RULE, m).checked) for m in data.municipalities}
    region = data.share(KEY_RULE)
    when = moscow_time(data.run.get("finished_at") or data.run.get("started_at"), with_time=False)
    return Baseline(f"проверка № {data.run_id} от {when}", region.passed, region.checked, rows)


def _table(document, header: list[str], rows: list[list[str]], widths: list[float]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False  # LibreOffice and Word keep the widths below only without autofit
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = nbsp(str(text))
    for row in table.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(10)
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    # The header repeats on every page of a long table.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header_flag = tr_pr.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader", {})
    tr_pr.append(header_flag)
    return table


def write_note(data: RunData, path: str | Path, baseline: Baseline | None = None) -> Path:
    path = Path(path)
    baseline = baseline or MANUAL_ROUND
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("Аналитическая справка\nо размещении документов системы наставничества педагогических "
                        "работников на официальных сайтах общеобразовательных организаций")
    run.bold = True

    started = moscow_time(data.run.get("started_at"))
    finished = moscow_time(data.run.get("finished_at"))
    schools, unchecked = data.school_count(), data.unchecked_count()
    key = data.share(KEY_RULE) if KEY_RULE in data.rule_by_id else None
    document.add_heading("1. Что и когда проверялось", level=2)
    document.add_paragraph(
        f"Автоматическая проверка № {data.run_id} прошла с {started} по {finished}. Просмотрены официальные "
        f"сайты {schools} ОО "
        f"из {count(len(data.municipalities), 'муниципалитет', 'gent')}: раздел «Сведения об образовательной "
        "организации», подраздел «Документы», страница о наставничестве и найденные на них файлы. "
        "Органы управления образованием проверены отдельно и в число ОО не входят.")
    if unchecked:
        document.add_paragraph(
            f"Сайты {unchecked} ОО проверить не удалось (сайт не открылся или не отдал страницы). Эти ОО "
            "не включены в проценты: доли ниже считаются от ОО, сайты которых удалось проверить.")

    document.add_heading("2. Итоги по области", level=2)
    for share in data.shares():
        if share.rule_id in SHORT:
            document.add_paragraph(f"{share.title}: {nbsp(share.text())}.", style="List Bullet")

    if key is not None:
        document.add_heading("3. Сравнение с предыдущим мониторингом", level=2)
        change = (key.percent or 0) - (baseline.percent or 0)
        trend = "выросла" if change > 0 else "снизилась" if change < 0 else "не изменилась"
        document.add_paragraph(
            f"Доля ОО, разместивших положение о системе наставничества: сейчас {nbsp(key.percent_text)} "
            f"({key.passed} из {key.checked}), по данным «{baseline.label}» — {nbsp(percent_text(baseline.percent))} "
            f"({baseline.passed} из {baseline.checked}); доля {trend}"
            + (f" на {abs(change)} п.\u00a0п." if change else ".") )

    document.add_heading("4. По муниципальным образованиям", level=2)
    others = [r for r in OTHER_DOCUMENTS if r in data.rule_by_id]
    header = ["Муниципальное образование", "ОО", "Проверено", "С положением", "%"]
    header += [SHORT[r] for r in others]
    if baseline.by_municipality:
        header.append("Было, %")
    rows = []
    for municipality in data.municipalities + [None]:
        shares = {s.rule_id: s for s in data.shares(municipality)}
        k = shares[KEY_RULE]
        row = [municipality or "Итого по области", data.school_count(municipality), k.checked, k.passed,
               k.percent_text] + [f"{shares[r].passed} ({shares[r].percent_text})" for r in others]
        if baseline.by_municipality:
            before = (baseline.by_municipality.get(municipality) if municipality
                      else (baseline.passed, baseline.checked))
            row.append(percent_text(percent(*before)) if before else "—")
        rows.append(row)
    _table(document, header, rows, [5.6, 1.3, 2.8, 3.2, 1.9] + [3.4] * len(others) + ([2] if baseline.by_municipality else []))

    document.add_heading("5. ОО, на сайтах которых документ не найден", level=2)
    school_rows = data.school_rows()
    for rule_id in [KEY_RULE, *others]:
        lacking: dict[str, list[str]] = {}
        for school in school_rows:
            finding = school["findings"].get(rule_id)
            if finding and finding["status"] not in (PASS, "error"):
                lacking.setdefault(school["municipality"], []).append(school["short_name"])
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{data.rule_by_id[rule_id].title}: "
                          f"{sum(len(v) for v in lacking.values())} ОО").bold = True
        for municipality, names in sorted(lacking.items()):
            document.add_paragraph(f"{municipality}: " + "; ".join(names) + ".", style="List Bullet")
    document.add_paragraph(f"Справка подготовлена {finished or started} по данным автоматической проверки.")
    document.save(path)
    return path
