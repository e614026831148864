"""Operators' registry files for tests, written the way operators' tools write them.

XLSX with openpyxl, ODS with odfpy, CSV as UTF-8 or windows-1251: a merged title
row, a blank row, the header, a row of column numbers, data with blank and total rows.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P

HEADER = ["№ п/п", "Наименование ОО", "Краткое наименование", "Муниципальное образование",
          "Адрес официального сайта", "ИНН"]
TITLE = "Реестр общеобразовательных организаций Смоленской области на 01.09.2026"

# The messy example of the README: every repair the check makes, a kindergarten, an authority,
# a municipality written three ways, a duplicate INN, a row with no address.
MESSY_ROWS = [
    [1, "МБОУ «Средняя школа № 3» г. Вязьмы", "СШ № 3", "Вяземский район", "www.school3.ru", 6722000003],
    [2, "МБОУ Исаковская СОШ", "", "Вяземский муниципальный округ", "http//isakovo.ru", 6722000004],
    None,
    [3, "МБОУ «Гимназия № 1»", "Гимназия № 1", "г. Смоленск", "https://gym1.ru, https://old-gym1.ru", 6731000006],
    [4, "МБОУ «Школа № 7»", "", "город Смоленск", "школа7.рф", None],
    [5, "МБОУ «СШ № 9»", "", "г.Смоленск", "сайт: school9.ru/", 6731000009],
    [6, "МБДОУ «Детский сад № 5»", "", "город Смоленск", "ds5.ru", 6731000005],
    [7, "МБОУ Новая школа", "", "Велижский район", None, None],
    [8, "Отдел образования Администрации Велижского района", "", "Велижский район", "velizh-edu.ru/", None],
    [9, "МБОУ «Средняя школа № 2» г. Велижа", "", "Велижский район", "http://sh2-velizh.ru", 6722000003],
    ["Итого", None, None, None, None, 9],
]


def table(rows: list[list | None], header: list[str] = HEADER, title: str | None = TITLE) -> list[list | None]:
    """Title, blank row, header, column numbers, then ``rows`` (None is a blank row)."""
    out: list[list | None] = []
    if title:
        out += [[title], None]
    out += [header, list(range(1, len(header) + 1))]
    return out + rows


def write_xlsx(path: Path, rows: list[list | None], *, sheet: str = "Реестр") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row or [], start=1):
            if value is not None:
                ws.cell(row=number, column=column, value=value)
        if row and len(row) == 1 and number == 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    book.save(path)
    return path


def write_ods(path: Path, rows: list[list | None], *, sheet: str = "Реестр") -> Path:
    doc = OpenDocumentSpreadsheet()
    tab = Table(name=sheet)
    for number, row in enumerate(rows, start=1):
        tr = TableRow()
        if row and len(row) == 1 and number == 1:
            # The merged title cell, as LibreOffice writes it.
            cell = TableCell(valuetype="string", numbercolumnsspanned=len(HEADER))
            cell.addElement(P(text=str(row[0])))
            tr.addElement(cell)
            for _ in range(len(HEADER) - 1):
                tr.addElement(CoveredTableCell())
        else:
            for value in row or [None]:
                if value is None:
                    tr.addElement(TableCell())
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
        tab.addElement(tr)
    doc.spreadsheet.addElement(tab)
    doc.save(str(path))
    return path


def write_csv(path: Path, rows: list[list | None], *, delimiter: str = ";", encoding: str = "cp1251") -> Path:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        quoted = text.replace('"', '""')
        return f'"{quoted}"' if delimiter in text or '"' in text else text

    lines = [delimiter.join(cell(v) for v in (row or [])) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


WRITERS = {"xlsx": write_xlsx, "ods": write_ods, "csv": write_csv}
