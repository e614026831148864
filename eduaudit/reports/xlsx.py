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


def finish_table(sheet, widths: list[float], *, freeze: str = "B2", header_row: int = 1) -> None:
    """Frozen header, a filter over the table, readable widths."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = freeze
    last_row = max(sheet.max_row, header_row + 1)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(widths))}{last_row}"
    sheet.row_dimensions[header_row].height = 45


def csv_safe(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (text from school sites is untrusted)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
