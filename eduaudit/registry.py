"""The registry of schools: the School record and our own CSV format.

A file in our format (``school_id,name,municipality,url`` and optional
``short_name,inn,kind,alternates``) is what ``eduaudit registry check --write``
produces, so it is taken as written: a bad value stops the run before anything
is crawled, and the error names the line so a methodologist can fix it in Excel.
An operator's own spreadsheet goes through ``eduaudit.registry_check`` instead,
which repairs what it can. In both, a row with no site address is kept: the
school gets «адрес сайта не указан в реестре» instead of a crawl.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .municipalities import municipality_key
from .org_kinds import ORGANISATION_KINDS, kind_from_words

REQUIRED_COLUMNS = ("school_id", "name", "municipality", "url")
OPTIONAL_COLUMNS = ("short_name", "inn", "kind", "alternates")
# The kinds that have a rule pack of their own (audit_rules.base): a school, a municipal authority.
# Other kinds (eduaudit.org_kinds) are judged with the school pack when they are audited at all.
KINDS = ("school", "municipality")
MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class School:
    school_id: str
    name: str
    municipality: str
    url: str
    short_name: str = ""
    inn: str = ""
    kind: str = "school"
    line: int = 0
    # Further addresses of the school, tried in order when the first does not answer.
    alternates: tuple[str, ...] = ()

    @property
    def municipality_key(self) -> str:
        return municipality_key(self.municipality)


class RegistryError(ValueError):
    """The registry cannot be used; `problems` lists every bad line."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        super().__init__(f"{path}: " + "; ".join(shown) + (f"; и ещё {more} ошибок" if more > 0 else ""))

    def lines(self) -> list[str]:
        """The problems to print, at most MAX_PROBLEMS_SHOWN of them plus a count of the rest."""
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        if len(self.problems) > len(shown):
            shown.append(f"… и ещё {len(self.problems) - len(shown)} ошибок")
        return shown


def read_csv_text(path: Path) -> str:
    """The text of a CSV file saved as UTF-8 or, by Excel on Russian Windows, windows-1251."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Russian Windows saves CSV in windows-1251.
        return raw.decode("cp1251")
    except UnicodeDecodeError:
        raise RegistryError(str(path), ["файл реестра не в кодировке UTF-8 или Windows-1251 "
                                        "(сохраните его из Excel как «CSV UTF-8»)"]) from None


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel
    # The header line has no quotes to learn from; values do, the way Excel
    # writes them: «МБОУ ""СШ № 5""» inside double quotes.
    dialect.quotechar, dialect.doublequote = '"', True
    return dialect


def check_url(url: str) -> str | None:
    """Return a problem with a registry URL, or None when it can be crawled."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"адрес сайта должен начинаться с http:// или https:// (получено «{url}»)"
    if not parts.hostname:
        return f"в адресе сайта нет имени хоста («{url}»)"
    try:
        parts.port
    except ValueError:
        return f"неверный порт в адресе сайта («{url}»)"
    return None


def normalise_kind(value: str) -> str | None:
    """One of ORGANISATION_KINDS for a kind column value («гимназия» is a school), None when unknown."""
    folded = value.strip().lower()
    if not folded:
        return "school"
    if folded in ORGANISATION_KINDS:
        return folded
    return kind_from_words(folded)


def load_registry(path: str | Path) -> list[School]:
    """Read and validate a registry CSV; raise RegistryError naming each bad line."""
    path = Path(path)
    if not path.is_file():
        raise RegistryError(str(path), ["файл реестра не найден"])
    text = read_csv_text(path)
    if not text.strip():
        raise RegistryError(str(path), ["файл реестра пуст"])
    try:
        return _parse(path, text)
    except csv.Error as exc:
        raise RegistryError(str(path), [f"файл не читается как таблица CSV: {exc}"]) from None


def _parse(path: Path, text: str) -> list[School]:
    reader = csv.DictReader(io.StringIO(text), dialect=_dialect(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise RegistryError(
            str(path), [f"строка 1: нет обязательных столбцов: {', '.join(missing)}"]
        )
    problems: list[str] = []
    schools: list[School] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(f"строка {line}: лишние значения вне столбцов")
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue
        sid = values.get("school_id", "")
        if not sid:
            problems.append(f"строка {line}: пустой school_id")
        elif sid in seen:
            problems.append(f"строка {line}: school_id «{sid}» уже был в строке {seen[sid]}")
        else:
            seen[sid] = line
        for column in ("name", "municipality"):
            if not values.get(column):
                problems.append(f"строка {line}: пустое поле {column}")
        # An empty address is no typo: the school is kept and reported without a site.
        url_problem = check_url(values["url"]) if values.get("url") else None
        if url_problem:
            problems.append(f"строка {line}: {url_problem}")
        alternates = tuple(values.get("alternates", "").split())
        for alternate in alternates:
            alternate_problem = check_url(alternate)
            if alternate_problem:
                problems.append(f"строка {line}: запасной адрес: {alternate_problem}")
        kind = normalise_kind(values.get("kind", ""))
        if kind is None:
            problems.append(f"строка {line}: неизвестный вид организации в kind: «{values.get('kind')}» "
                            f"(ожидается один из: {', '.join(ORGANISATION_KINDS)})")
        schools.append(
            School(
                school_id=sid,
                name=values.get("name", ""),
                municipality=values.get("municipality", ""),
                url=values.get("url", ""),
                short_name=values.get("short_name", ""),
                inn=values.get("inn", ""),
                kind=kind or "school",
                line=line,
                alternates=alternates,
            )
        )
    if problems:
        raise RegistryError(str(path), problems)
    if not schools:
        raise RegistryError(str(path), ["в реестре нет ни одной школы"])
    return schools
