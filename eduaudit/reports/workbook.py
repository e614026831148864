"""svod.xlsx: the region workbook — summary, chart, every school, changes, a sheet per municipality."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from eduaudit.diff import RunDiff, STRUCTURE_CHANGED
from eduaudit.reports.coverage import REGION_TOTAL
from eduaudit.reports.data import RunData, safe_url as _url
from eduaudit.reports.names import UniqueNames, sheet_title
from eduaudit.reports.russian import moscow_time, plain
from eduaudit.reports.xlsx import STATUS_FILL, finish_table, header, put, title_rows

SUMMARY_SHEET = "Свод"
CHART_SHEET = "Диаграмма"
ALL_SCHOOLS_SHEET = "Все школы"
CHANGES_SHEET = "Изменения"
DOCUMENTS_SHEET = "Документы изменились"
ALERTS_SHEET = "Проверьте вручную"
ABOUT_SHEET = "О проверке"
AUTHORITIES_SHEET = "Органы управления образованием"
SIGNALS_SHEET = "Сигналы"
SIGNAL_COLUMNS = ["Муниципальное образование", "Школа", "Сигнал", "Пояснение", "Документ (ссылка)", "Что найдено",
                  "Связанные школы и документы"]
FIRST_RULE_COLUMN = 4  # after the municipality, its schools and the schools that could not be checked
SCHOOL_COLUMNS = ["Школа", "Сайт", "Правило", "Вердикт", "Доказательство (ссылка)", "Что найдено",
                  "Пояснение", "Что сделать"]


def write_workbook(data: RunData, path: str | Path, diff: RunDiff | None = None) -> Path:
    path = Path(path)
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY_SHEET
    _summary_sheet(summary, data)
    _chart_sheet(book.create_sheet(CHART_SHEET), data)
    _all_schools_sheet(book.create_sheet(ALL_SCHOOLS_SHEET), data, diff)
    if diff is not None:
        _changes_sheets(book, data, diff)
    if len(data.authority_findings):
        _authorities_sheet(book.create_sheet(AUTHORITIES_SHEET), data)
    _signals_sheet(book.create_sheet(SIGNALS_SHEET), data)
    titles = UniqueNames()
    reserved = [SUMMARY_SHEET, CHART_SHEET, ALL_SCHOOLS_SHEET, CHANGES_SHEET, DOCUMENTS_SHEET, ALERTS_SHEET,
                ABOUT_SHEET, AUTHORITIES_SHEET, SIGNALS_SHEET]
    for name in reserved:
        titles.take(name)
    for municipality in data.municipalities:
        sheet = book.create_sheet(titles.take(sheet_title(municipality), max_length=31))
        _municipality_sheet(sheet, data, municipality, diff)
    _about_sheet(book.create_sheet(ABOUT_SHEET), data, diff)
    book.save(path)
    return path


SUMMARY_HEADER_ROW = 3  # under the title and the date


def _summary_sheet(sheet, data: RunData) -> None:
    title_rows(sheet, "Размещение документов системы наставничества педагогических работников на сайтах ОО: "
                      "свод по муниципальным образованиям",
               f"Проверка № {data.run_id} от {moscow_time(data.run.get('finished_at') or data.run.get('started_at'))}. "
               "Только школы; доля — от школ, сайты которых удалось проверить, округлена до целого.")
    titles = ["Муниципальное образование", "Школ в реестре", "Сайт не удалось проверить"]
    for rule in data.rules:
        titles += [f"{rule.title}: выполнено", f"{rule.title}: %"]
    header(sheet, titles, row=SUMMARY_HEADER_ROW)
    rows = [(m, data.school_count(m), data.shares(m)) for m in data.municipalities]
    rows.append((REGION_TOTAL, data.school_count(), data.shares()))
    for i, (name, schools, shares) in enumerate(rows, start=SUMMARY_HEADER_ROW + 1):
        bold = name == REGION_TOTAL
        put(sheet, i, 1, name, bold=bold)
        put(sheet, i, 2, schools, bold=bold)
        put(sheet, i, 3, data.unchecked_count(None if bold else name), bold=bold)
        for j, share in enumerate(shares):
            put(sheet, i, FIRST_RULE_COLUMN + 2 * j, share.passed, bold=bold)
            # The percentage is of the schools checked for the rule (figures.Share), a whole number.
            cell = put(sheet, i, FIRST_RULE_COLUMN + 1 + 2 * j, share.percent, bold=bold)
            cell.number_format = "0"
    first, last = SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + len(rows)  # the region total is the last row
    for j in range(len(data.rules)):
        column = get_column_letter(FIRST_RULE_COLUMN + 1 + 2 * j)
        # Red → yellow → green by share; the region row is coloured too, on the same scale.
        sheet.conditional_formatting.add(
            f"{column}{first}:{column}{last}",
            ColorScaleRule(start_type="num", start_value=0, start_color="F8696B",
                           mid_type="num", mid_value=50, mid_color="FFEB84",
                           end_type="num", end_value=100, end_color="63BE7B"))
    finish_table(sheet, [26, 9, 11] + [13, 7] * len(data.rules), freeze=f"B{first}", header_row=SUMMARY_HEADER_ROW)
    # The filter must not sort the region total in among the municipalities.
    sheet.auto_filter.ref = f"A{SUMMARY_HEADER_ROW}:{get_column_letter(len(titles))}{last - 1}"


def _chart_sheet(sheet, data: RunData) -> None:
    document_rules = [r for r in data.rules if r.id.startswith("doc.")] or data.rules
    header(sheet, ["Муниципальное образование"] + [r.title for r in document_rules])
    for i, municipality in enumerate(data.municipalities, start=2):
        put(sheet, i, 1, municipality)
        shares = {s.rule_id: s for s in data.shares(municipality)}
        for j, rule in enumerate(document_rules, start=2):
            put(sheet, i, j, shares[rule.id].percent).number_format = "0"
    finish_table(sheet, [30] + [18] * len(document_rules))
    n = len(data.municipalities)
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Доля школ, разместивших документы, % (по муниципалитетам)"
    chart.y_axis.title = "%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.add_data(Reference(sheet, min_col=2, max_col=1 + len(document_rules), min_row=1, max_row=1 + n),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=1 + n))
    chart.height = max(10, 0.9 * n + 4)
    chart.width = 26
    sheet.add_chart(chart, f"{get_column_letter(len(document_rules) + 3)}2")


def _all_schools_sheet(sheet, data: RunData, diff: RunDiff | None) -> None:
    titles = ["Муниципальное образование", "Школа", "Сайт"] + [r.title for r in data.rules]
    alerted = diff.alerted() if diff else {}
    if alerted:
        titles.append("Внимание")
    header(sheet, titles)
    for i, school in enumerate(data.school_rows(), start=2):
        put(sheet, i, 1, school["municipality"])
        put(sheet, i, 2, school["short_name"])
        put(sheet, i, 3, school["url"], url=_url(school["url"]))
        for j, rule in enumerate(data.rules, start=4):
            finding = school["findings"].get(rule.id)
            if finding:
                put(sheet, i, j, finding["status_ru"], url=finding["safe_evidence_url"],
                    fill=STATUS_FILL.get(finding["status"]))
        if school["school_id"] in alerted:
            put(sheet, i, len(titles), STRUCTURE_CHANGED)
    finish_table(sheet, [24, 40, 30] + [16] * len(data.rules) + ([30] if alerted else []), freeze="C2")


def _municipality_sheet(sheet, data: RunData, municipality: str, diff: RunDiff | None) -> None:
    titles = list(SCHOOL_COLUMNS)
    changes = _change_index(diff)
    alerted = diff.alerted() if diff else {}
    if diff is not None:
        titles += ["С прошлой проверки", "Внимание"]
    header(sheet, titles)
    row = 2
    for school in data.school_rows(municipality):
        for rule in data.rules:
            f = school["findings"].get(rule.id)
            if f is None:
                continue
            put(sheet, row, 1, school["short_name"], wrap=True)
            put(sheet, row, 2, school["url"], url=_url(school["url"]))
            put(sheet, row, 3, rule.title, wrap=True)
            put(sheet, row, 4, f["status_ru"], fill=STATUS_FILL.get(f["status"]))
            put(sheet, row, 5, f["safe_evidence_url"] or f["evidence_url"], url=f["safe_evidence_url"])
            put(sheet, row, 6, plain(f["evidence_text"]), wrap=True)
            put(sheet, row, 7, plain(f["detail"]), wrap=True)
            put(sheet, row, 8, f["what_to_do"], wrap=True)
            if diff is not None:
                put(sheet, row, 9, changes.get((school["school_id"], rule.id), ""))
                if school["school_id"] in alerted and f["status"] != "pass":
                    put(sheet, row, 10, alerted[school["school_id"]].message, wrap=True)
            row += 1
    finish_table(sheet, [34, 28, 30, 16, 36, 50, 40, 50] + ([18, 40] if diff is not None else []))


def _changes_sheets(book, data: RunData, diff: RunDiff) -> None:
    names = {s["school_id"]: s["short_name"] for s in data.school_rows()}
    rules = data.rule_by_id
    sheet = book.create_sheet(CHANGES_SHEET)
    header(sheet, ["Муниципальное образование", "Школа", "Правило", "Было", "Стало", "Изменение"])
    for i, change in enumerate(diff.verdicts, start=2):
        d = change.to_dict()
        put(sheet, i, 1, change.municipality)
        put(sheet, i, 2, names.get(change.school_id, change.name))
        put(sheet, i, 3, rules[change.rule_id].title if change.rule_id in rules else change.rule_id)
        put(sheet, i, 4, d["before_ru"], fill=STATUS_FILL.get(change.before))
        put(sheet, i, 5, d["after_ru"], fill=STATUS_FILL.get(change.after))
        put(sheet, i, 6, d["kind_ru"])
    finish_table(sheet, [26, 40, 40, 18, 18, 16])
    sheet = book.create_sheet(DOCUMENTS_SHEET)
    header(sheet, ["Муниципальное образование", "Школа", "Изменение", "Документ", "SHA-256 было", "SHA-256 стало"])
    for i, doc in enumerate(diff.documents, start=2):
        put(sheet, i, 1, doc.municipality)
        put(sheet, i, 2, names.get(doc.school_id, doc.school_id))
        put(sheet, i, 3, doc.to_dict()["change_ru"])
        put(sheet, i, 4, doc.url, url=_url(doc.url))
        put(sheet, i, 5, doc.sha256_before)
        put(sheet, i, 6, doc.sha256_after)
    finish_table(sheet, [26, 40, 12, 60, 20, 20])
    sheet = book.create_sheet(ALERTS_SHEET)
    header(sheet, ["Муниципальное образование", "Школа", "Сайт", "Что изменилось"])
    for i, alert in enumerate(diff.alerts, start=2):
        put(sheet, i, 1, alert.municipality)
        put(sheet, i, 2, names.get(alert.school_id, alert.name))
        put(sheet, i, 3, alert.url, url=_url(alert.url))
        put(sheet, i, 4, alert.message, wrap=True)
    finish_table(sheet, [26, 40, 30, 80])


def _about_sheet(sheet, data: RunData, diff: RunDiff | None) -> None:
    run = data.run
    facts = [("Проверка №", data.run_id), ("Начата", moscow_time(run.get("started_at"))),
             ("Завершена", moscow_time(run.get("finished_at"))),
             ("Версия правил", run.get("ruleset_version")), ("Школ", data.school_count()),
             ("Сравнение с проверкой №", diff.run_a if diff else "— (первая проверка)")]
    for i, (label, value) in enumerate(facts, start=1):
        put(sheet, i, 1, label, bold=True)
        put(sheet, i, 2, value)
    start = len(facts) + 2
    # Rules by their titles: the ids are the program's, not the reader's.
    header(sheet, ["Что проверяется", "Как проверяется", "Что сделать, если не выполнено"], row=start)
    for i, rule in enumerate(data.rules + [r for r in data.authority_rules if r not in data.rules], start=start + 1):
        put(sheet, i, 1, rule.title, wrap=True)
        put(sheet, i, 2, rule.checks, wrap=True)
        put(sheet, i, 3, rule.what_to_do, wrap=True)
    for column, width in zip("ABC", (40, 60, 60)):
        sheet.column_dimensions[column].width = width
    sheet["A1"].font = Font(bold=True)


def _authorities_sheet(sheet, data: RunData) -> None:
    """Municipal education authorities: their own rule pack, one row per authority × rule."""
    titles = ["Муниципальное образование", "Орган управления образованием", "Сайт", "Правило", "Вердикт",
              "Доказательство (ссылка)", "Что найдено", "Пояснение", "Что сделать"]
    header(sheet, titles)
    row = 2
    for authority in data.authority_rows():
        for rule in data.authority_rules:
            f = authority["findings"].get(rule.id)
            if f is None:
                continue
            put(sheet, row, 1, authority["municipality"])
            put(sheet, row, 2, authority["short_name"], wrap=True)
            put(sheet, row, 3, authority["url"], url=_url(authority["url"]))
            put(sheet, row, 4, rule.title, wrap=True)
            put(sheet, row, 5, f["status_ru"], fill=STATUS_FILL.get(f["status"]))
            put(sheet, row, 6, f["safe_evidence_url"] or f["evidence_url"], url=f["safe_evidence_url"])
            put(sheet, row, 7, plain(f["evidence_text"]), wrap=True)
            put(sheet, row, 8, plain(f["detail"]), wrap=True)
            put(sheet, row, 9, f["what_to_do"], wrap=True)
            row += 1
    finish_table(sheet, [24, 40, 28, 34, 16, 36, 50, 40, 50], freeze="C2")


def _signals_sheet(sheet, data: RunData) -> None:
    """Consistency and formalism signals: what to look at, not verdicts."""
    import json

    header(sheet, SIGNAL_COLUMNS)
    for i, signal in enumerate(data.signal_rows(), start=2):
        related = json.loads(signal.get("related") or "[]")
        described = "; ".join(
            f"{r.get('school_id', '')}: {r.get('title', '')} {r.get('url', '')}".strip()
            if "url" in r else plain(", ".join(f"{k}={v}" for k, v in r.items())) for r in related)
        put(sheet, i, 1, signal["municipality"])
        put(sheet, i, 2, signal["short_name"], wrap=True)
        put(sheet, i, 3, signal["title"], wrap=True)
        put(sheet, i, 4, plain(signal["detail"]), wrap=True)
        put(sheet, i, 5, signal["evidence_url"], url=signal.get("safe_evidence_url") or "")
        put(sheet, i, 6, plain(signal["evidence_text"]), wrap=True)
        put(sheet, i, 7, described, wrap=True)
    finish_table(sheet, [24, 36, 32, 70, 36, 44, 60])


def _change_index(diff: RunDiff | None) -> dict[tuple[str, str], str]:
    if diff is None:
        return {}
    return {(c.school_id, c.rule_id): c.to_dict()["kind_ru"] for c in diff.verdicts}
