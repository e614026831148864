"""Reading an operator's list of schools: XLSX, ODS or CSV, with the header wherever it is.

The operator's file is a spreadsheet exported from a regional system or typed by
hand: a merged title row or two above the header, Russian headers («Наименование
ОО», «Адрес официального сайта»), blank rows, a row of column numbers, a total row
at the end. :func:`read_sheet` finds the header row (the first row in which the
name and site columns are recognised), maps its headers to our columns by
:data:`COLUMN_PATTERNS` (or by the user's ``--columns``), and returns the data rows
as records keyed by our column names, each with the row number a person sees in
Excel, plus the rows it skipped and why.

XLSX is read with openpyxl; ODS with pandas' odfpy reader; CSV as UTF-8 or
windows-1251 with a comma, semicolon or tab, whichever gives the header.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from .registry import RegistryError, read_csv_text

OUR_COLUMNS = ("school_id", "name", "short_name", "municipality", "url", "inn", "kind", "alternates")
# Header text (folded: lower case, «ё» as «е», no quotes or punctuation) → our column. The first
# pattern that matches a header decides, so the specific ones («Краткое наименование», «Наименование
# муниципального образования») come before the general («Наименование»). A column is taken from the
# leftmost header that maps to it.
COLUMN_PATTERNS: tuple[tuple[str, str], ...] = (
    ("school_id", r"^(?:school_id|id школы|код оо|код школы)$"),
    ("alternates", r"^alternates$|запасн\w* адрес"),
    ("short_name", r"кратк\w* (?:наимен|назв)|сокращ\w* (?:наимен|назв)|^short[ _]?name$"),
    ("inn", r"^инн\b|^inn$"),
    ("url", r"сайт|^url$|website|^site$|^web$|интернет"),
    ("municipality", r"муниципал|^мо$|^район\b|округ|^municipality$|территори|^город район$"),
    ("kind", r"^(?:тип|вид)\b|^kind$|^type$"),
    ("name", r"наименовани|название|^name$|^full[ _]?name$|организаци|учреждени|^оо$"),
)
REQUIRED = ("name", "url")
HEADER_SEARCH_ROWS = 30
_TOTAL = re.compile(r"^(?:итого|всего)\b", re.IGNORECASE)


@dataclass
class Sheet:
    """The records of an operator's file, and what was learnt reading it."""

    path: Path
    file_format: str                                   # "xlsx" | "ods" | "csv"
    sheet_name: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)       # our column → the header as written
    records: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason in Russian)
    rows_read: int = 0                                 # data rows below the header, blank ones included


def fold_header(text: str) -> str:
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[«»\"'“”„()\[\]:;.,№*_/\\-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def cell_text(value) -> str:
    """A spreadsheet cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))  # an INN typed as a number
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return re.sub(r"[\s\u00a0]+", " ", str(value)).strip()


def parse_columns_option(value: str) -> dict[str, str]:
    """``name=«Наименование ОО»,url=«Сайт»`` → {our column: folded header}; ValueError when malformed."""
    mapping: dict[str, str] = {}
    for match in re.finditer(r"\s*(\w+)\s*=\s*(«[^»]*»|\"[^\"]*\"|'[^']*'|[^,]*)\s*(?:,|$)", value or ""):
        column, header = match.group(1), match.group(2).strip()
        if column not in OUR_COLUMNS:
            raise ValueError(f"--columns: неизвестный столбец «{column}» (ожидается один из: {', '.join(OUR_COLUMNS)})")
        header = header[1:-1] if header[:1] in "«\"'" and len(header) > 1 else header
        if not header.strip():
            raise ValueError(f"--columns: не указан заголовок для «{column}»")
        mapping[column] = fold_header(header)
    if value and value.strip() and not mapping:
        raise ValueError("--columns: ожидается вид name=«Наименование ОО»,url=«Сайт»")
    return mapping


def map_header(cells: list[str], overrides: dict[str, str] | None = None) -> dict[str, int]:
    """Our column → its index in a header row (empty when the row is no header)."""
    overrides = overrides or {}
    found: dict[str, int] = {}
    folded = [fold_header(c) for c in cells]
    for column, header in overrides.items():
        if header in folded:
            found[column] = folded.index(header)
    taken = set(found.values())
    for index, text in enumerate(folded):
        if not text or index in taken:
            continue
        for column, pattern in COLUMN_PATTERNS:
            if re.search(pattern, text):
                if column not in found and column not in overrides:
                    found[column] = index
                    taken.add(index)
                break
    return found


def _rows_xlsx(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [(ws.title, [(number, [cell_text(v) for v in row])
                            for number, row in enumerate(ws.iter_rows(values_only=True), start=1)])
                for ws in book.worksheets]
    finally:
        book.close()


def _rows_ods(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    # pandas is imported only for an ODS file: `eduaudit crawl` starts without it (tests/test_cli_startup.py).
    import pandas as pd

    frames = pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine="odf")
    # pandas' odf reader keeps blank rows inside the table as NaN rows, so row i is spreadsheet row i + 1.
    return [(name, [(number, [cell_text(v) for v in row])
                    for number, row in enumerate(frame.itertuples(index=False, name=None), start=1)])
            for name, frame in frames.items()]


def _rows_csv(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    text = read_csv_text(path)
    out = []
    for delimiter in (";", ",", "\t"):
        reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', doublequote=True)
        rows = []
        try:
            for row in reader:
                rows.append((reader.line_num, [cell_text(c) for c in row]))
        except csv.Error as exc:
            raise RegistryError(str(path), [f"файл не читается как таблица CSV: {exc}"]) from None
        out.append((delimiter, rows))
    return out


def _find_header(rows: list[tuple[int, list[str]]], overrides: dict[str, str]) -> tuple[int, dict[str, int]]:
    """The index (in rows) of the header row and its column map; (-1, best map) when there is none."""
    best: tuple[int, dict[str, int]] = (-1, {})
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = map_header(cells, overrides)
        if all(c in mapping for c in REQUIRED):
            return index, mapping
        if len(mapping) > len(best[1]):
            best = (-1, mapping)
    return best


def _is_numbering(cells: list[str]) -> bool:
    """The row of column numbers (1, 2, 3 …) that forms put under the header."""
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(c.isdigit() for c in filled) and \
        [int(c) for c in filled] == list(range(int(filled[0]), int(filled[0]) + len(filled)))


def read_sheet(path: str | Path, overrides: dict[str, str] | None = None) -> Sheet:
    """Read an operator's file; RegistryError when it has no recognisable header."""
    path = Path(path)
    overrides = overrides or {}
    if not path.is_file():
        raise RegistryError(str(path), ["файл реестра не найден"])
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            file_format, tables = "xlsx", _rows_xlsx(path)
        elif suffix == ".ods":
            file_format, tables = "ods", _rows_ods(path)
        elif suffix == ".xls":
            raise RegistryError(str(path), ["старый формат Excel (.xls) не читается: сохраните файл как .xlsx"])
        else:
            file_format, tables = "csv", _rows_csv(path)
    except RegistryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged spreadsheet fails in its reader's own ways
        raise RegistryError(str(path), [f"файл не читается как таблица {suffix.lstrip('.').upper() or 'CSV'}: "
                                        f"{type(exc).__name__}: {exc}"]) from None
    best_missing: list[str] | None = None
    for name, rows in tables:
        index, mapping = _find_header(rows, overrides)
        if index < 0:
            missing = [c for c in REQUIRED if c not in mapping]
            if best_missing is None or len(missing) < len(best_missing):
                best_missing = missing
            continue
        return _records(path, file_format, "" if file_format == "csv" else name, rows, index, mapping)
    if not any(cells and any(cells) for _, rows in tables for _, cells in rows):
        raise RegistryError(str(path), ["файл реестра пуст"])
    names = {"name": "наименования организации", "url": "адреса сайта"}
    wanted = ", ".join(names[c] for c in (best_missing or REQUIRED))
    raise RegistryError(str(path), [f"не найдена строка заголовка: нет столбца {wanted} в первых "
                                    f"{HEADER_SEARCH_ROWS} строках (укажите столбцы: --columns "
                                    f"name=«…»,url=«…»,municipality=«…»)"])


def _records(path: Path, file_format: str, sheet_name: str, rows: list[tuple[int, list[str]]],
             header_index: int, mapping: dict[str, int]) -> Sheet:
    number, header = rows[header_index]
    sheet = Sheet(path=path, file_format=file_format, sheet_name=sheet_name, header_row=number,
                  columns={column: header[i] for column, i in sorted(mapping.items(), key=lambda kv: kv[1])})
    folded_header = [fold_header(c) for c in header]
    for number, cells in rows[header_index + 1:]:
        sheet.rows_read += 1
        if not any(cells):
            sheet.skipped.append((number, "пустая строка"))
            continue
        record = {column: (cells[i] if i < len(cells) else "") for column, i in mapping.items()}
        first = next(c for c in cells if c)
        if _TOTAL.match(first) or _TOTAL.match(record.get("name", "")):
            sheet.skipped.append((number, f"строка итогов «{first[:40]}»"))
        elif _is_numbering(cells):
            sheet.skipped.append((number, "строка с номерами столбцов"))
        elif [fold_header(c) for c in cells] == folded_header:
            sheet.skipped.append((number, "повтор строки заголовка"))
        else:
            record["_filled"] = str(sum(1 for c in cells if c))
            record["_first"] = first
            sheet.records.append((number, record))
    return sheet
