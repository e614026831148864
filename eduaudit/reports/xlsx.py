"""Small openpyxl helpers shared by the workbook and the gap files."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from audit_rules.base import ERROR, FAIL, PASS, WARN

STATUS_FILL = {
    PASS: PatternFill("solid", fgColor="C6EFCE"),
    WARN: PatternFill("solid", fgColor="FFEB9C"),
    FAIL: PatternFill("solid", fgColor="FFC7CE"),
    ERROR: PatternFill("solid", fgColor="D9D9D9"),
}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def put(sheet, row: int, column: int, value, *, url: str = "", bold: bool = False, fill=None, wrap: bool = False):
    """Write a cell; text from the web is always stored as text, never as an Excel formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if url:
        cell.hyperlink = url
        cell.style = "Hyperlink"
    if bold:
        cell.font = HEADER_FONT
    if fill is not None:
        cell.fill = fill
    if wrap:
        cell.alignment = WRAP_TOP
    return cell


def header(sheet, titles: list[str], row: int = 1) -> None:
    for column, title in enumerate(titles, start=1):
        cell = put(sheet, row, column, title, bold=True, fill=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")


# Points per line of 11-pt Calibri, and characters per unit of column width when wrapped
# (a little under one: bold Cyrillic is wider than the digit the unit is measured by).
LINE_HEIGHT = 15
CHARS_PER_WIDTH = 0.95


def lines_needed(text: str, width: float) -> int:
    """How many lines a wrapped cell of that column width takes (word by word, as Excel wraps)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    lines, used = 1, 0
    for word in str(text).split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
    return lines


def header_height(sheet, header_row: int, widths: list[float]) -> float:
    """A row height that shows every wrapped header in full."""
    lines = 1
    for column, width in enumerate(widths, start=1):
        value = sheet.cell(row=header_row, column=column).value
        if value:
            lines = max(lines, lines_needed(value, width))
    return LINE_HEIGHT * lines + 4


def print_setup(sheet, header_row: int) -> None:
    """Ready to print: A4 landscape, as wide as the page, the header on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "&P / &N"


def title_rows(sheet, title: str, subtitle: str) -> None:
    """Row 1: what the table is; row 2: which check and when (Moscow time)."""
    put(sheet, 1, 1, title).font = Font(bold=True, size=13)
    put(sheet, 2, 1, subtitle).font = Font(italic=True)


def finish_table(sheet, widths: list[float], *, freeze: str = "B2", header_row: int = 1) -> None:
    """Frozen header, a filter over the table, readable widths, headers shown whole, print setup."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = freeze
    last_row = max(sheet.max_row, header_row + 1)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(widths))}{last_row}"
    sheet.row_dimensions[header_row].height = header_height(sheet, header_row, widths)
    print_setup(sheet, header_row)


def csv_safe(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (text from school sites is untrusted)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
