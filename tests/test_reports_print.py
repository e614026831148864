"""svod.xlsx is ready to print: a title and a date, A4 landscape, as wide as a page, headers on every page.

Read back with openpyxl. (The machine's LibreOffice has Writer only, no Calc, so the
workbook is not printed to PDF here; the note, a DOCX, is.)
"""

from __future__ import annotations

import openpyxl
import pytest

from eduaudit.reports.build import write_reports
from eduaudit.reports.xlsx import LINE_HEIGHT, lines_needed
from eduaudit.store import Store

@pytest.fixture(scope="module")
def svod(audited_region, tmp_path_factory):
    store = Store(audited_region.db)
    reports = write_reports(store, store.latest_run(), tmp_path_factory.mktemp("print"), compare=False)
    return reports.svod


def test_summary_sheet_page_setup(svod):
    sheet = openpyxl.load_workbook(svod)["Свод"]
    assert sheet["A1"].value.startswith("Размещение документов системы наставничества")
    assert sheet["A2"].value.startswith("Проверка № ") and "(МСК)" in sheet["A2"].value
    assert sheet["A3"].value == "Муниципальное образование"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    height = sheet.row_dimensions[3].height
    for cell in sheet[3]:
        if cell.value:
            width = sheet.column_dimensions[cell.column_letter].width
            assert cell.alignment.wrap_text and height >= LINE_HEIGHT * lines_needed(cell.value, width), cell.value


def test_wrapped_lines_are_counted_by_words():
    assert lines_needed("Сайт доступен: выполнено", 13) == 3  # «Сайт» / «доступен:» / «выполнено»
    assert lines_needed("Школ", 9) == 1
    assert lines_needed("Положение о системе наставничества педагогических работников: выполнено", 13) == 6
