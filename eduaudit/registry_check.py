"""The registry check: read any registry, repair what can be repaired, say what was done.

``check_registry`` reads our own CSV format as written (``eduaudit.registry``) and an
operator's spreadsheet (``eduaudit.registry_sheet``) with repairs: addresses
(``eduaudit.registry_repair``), kinds guessed from names (``eduaudit.org_kinds``),
municipalities written several ways merged by ``municipality_key``. Only what cannot be
repaired is a *problem* (a row without a name or a municipality, a file without a header);
everything else is a note in the check's table. ``eduaudit registry check`` prints the
table and ``eduaudit crawl`` runs the same check before it starts.

School ids of an operator's file, which has no id column, are made from what identifies a
school and does not depend on the file's row order: ``inn-<INN>`` when the row has a
10-digit INN, else ``r-<first 10 hex digits of SHA-1 of "municipality key|folded name">``.
Rows that would get the same id (the same INN twice, say) get ``-2``, ``-3`` … in file order,
and are listed among the duplicates. The same file therefore gives the same ids every time,
and a re-exported file with rows moved gives each school the id it had.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from .municipalities import display_name, is_known, municipality_key
from .org_kinds import DEFAULT_AUDITED, KIND_RU, KIND_RU_PLURAL, ORGANISATION_KINDS, SCHOOL, guess_kind
from .registry import RegistryError, School, load_registry, normalise_kind, read_csv_text
from .registry_repair import display_url, repair_address
from .registry_sheet import read_sheet

CLEAN_COLUMNS = ("school_id", "name", "municipality", "url", "short_name", "inn", "kind", "alternates")
NO_ADDRESS_NOTE = "адрес сайта не указан в реестре: школа остаётся в проверке, сайт не обходится"
MAX_LISTED = 40


@dataclass
class RegistryCheck:
    """What the check found in one registry file."""

    path: Path
    file_format: str
    sheet_name: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    rows_read: int = 0
    schools: list[School] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # (row, address as written, the address used as people read it, what was done)
    repairs: list[tuple[int, str, str, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)           # kept rows with something to know
    kind_guesses: list[tuple[int, str, str]] = field(default_factory=list)  # (row, name, kind) for non-schools
    variants: dict[str, list[str]] = field(default_factory=dict)       # municipality key → spellings merged
    duplicates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)                   # what cannot be repaired

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.schools)

    def audited(self, kinds: tuple[str, ...] = DEFAULT_AUDITED) -> list[School]:
        return [s for s in self.schools if s.kind in kinds]

    def excluded(self, kinds: tuple[str, ...] = DEFAULT_AUDITED) -> list[School]:
        return [s for s in self.schools if s.kind not in kinds]

    def raise_if_unusable(self) -> None:
        if self.problems:
            raise RegistryError(str(self.path), self.problems)
        if not self.schools:
            raise RegistryError(str(self.path), ["в реестре нет ни одной школы"])


def is_our_format(path: Path) -> bool:
    """A CSV whose first line names our columns (school_id, name, municipality, url)."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".xls") or not path.is_file():
        return False
    try:
        first = read_csv_text(path).lstrip().split("\n", 1)[0]
    except RegistryError:
        return False
    cells = {c.strip().strip('"').lower() for c in re.split(r"[,;\t]", first)}
    return "school_id" in cells


def check_registry(path: str | Path, columns: dict[str, str] | None = None) -> RegistryCheck:
    """Read and repair a registry; problems go into the result (RegistryError only for an unreadable file)."""
    path = Path(path)
    if is_our_format(path) and not columns:
        check = RegistryCheck(path=path, file_format="csv", columns={c: c for c in CLEAN_COLUMNS})
        try:
            check.schools = load_registry(path)
        except RegistryError as exc:
            check.problems = list(exc.problems)
        check.rows_read = len(check.schools)
        _note_missing_addresses(check)
        _describe(check)
        return check
    sheet = read_sheet(path, columns)
    check = RegistryCheck(path=path, file_format=sheet.file_format, sheet_name=sheet.sheet_name,
                          header_row=sheet.header_row, columns=sheet.columns, rows_read=sheet.rows_read,
                          skipped=list(sheet.skipped))
    if "municipality" not in sheet.columns:
        check.problems.append(f"строка {sheet.header_row}: нет столбца муниципального образования "
                              f"(укажите его: --columns municipality=«…»)")
    heading = ""
    for row, record in sheet.records:
        single = record.get("_filled") == "1" and not record.get("url")
        if single and is_known(record["_first"]):
            heading = record["_first"]     # «Вяземский район» above its schools
            check.skipped.append((row, f"подзаголовок «{heading}»"))
            continue
        school = _school(check, row, record, heading)
        if school is not None:
            check.schools.append(school)
    _unique_ids(check)
    _note_missing_addresses(check)
    _describe(check)
    return check


def _school(check: RegistryCheck, row: int, record: dict[str, str], heading: str) -> School | None:
    name = record.get("name", "")
    municipality = record.get("municipality", "")
    if not name:
        check.problems.append(f"строка {row}: нет наименования организации")
        return None
    if not municipality and heading:
        municipality = heading
        check.notes.append((row, f"муниципалитет взят из подзаголовка «{heading}»"))
    if not municipality and "municipality" in check.columns:
        check.problems.append(f"строка {row}: не указано муниципальное образование («{name[:60]}»)")
        return None
    written = record.get("url", "")
    address = repair_address(written)
    if address.repairs:
        check.repairs.append((row, written, address.display, "; ".join(address.repairs)))
    if address.problem and written.strip():
        check.notes.append((row, f"{address.problem}: школа остаётся в проверке, сайт не обходится"))
    alternates = list(address.alternates)
    for extra in record.get("alternates", "").split():
        extra_address = repair_address(extra)
        if extra_address.url and extra_address.url not in alternates and extra_address.url != address.url:
            alternates.append(extra_address.url)
    kind = _kind(check, row, record.get("kind", ""), name)
    inn = re.sub(r"\D", "", record.get("inn", ""))
    if record.get("inn") and len(inn) not in (10, 12):
        check.notes.append((row, f"ИНН «{record['inn']}» не из 10 цифр: не используется для номера школы"))
    return School(school_id=record.get("school_id", "") or _school_id(inn, municipality, name), name=name,
                  municipality=municipality, url=address.url, short_name=record.get("short_name", ""),
                  inn=inn, kind=kind, line=row, alternates=tuple(alternates))


def _kind(check: RegistryCheck, row: int, written: str, name: str) -> str:
    if written:
        kind = normalise_kind(written)
        if kind is not None:
            return kind
        check.notes.append((row, f"вид организации «{written}» не распознан: определён по наименованию"))
    kind = guess_kind(name)
    if kind != SCHOOL:
        check.kind_guesses.append((row, name, kind))
    return kind


def _school_id(inn: str, municipality: str, name: str) -> str:
    if len(inn) == 10:
        return f"inn-{inn}"
    folded = re.sub(r"[\W_]+", " ", name.lower().replace("ё", "е")).strip()
    digest = hashlib.sha1(f"{municipality_key(municipality)}|{folded}".encode("utf-8")).hexdigest()
    return f"r-{digest[:10]}"


def _unique_ids(check: RegistryCheck) -> None:
    seen: Counter[str] = Counter()
    unique = []
    for school in check.schools:
        seen[school.school_id] += 1
        if seen[school.school_id] > 1:
            school = replace(school, school_id=f"{school.school_id}-{seen[school.school_id]}")
        unique.append(school)
    check.schools = unique


def _note_missing_addresses(check: RegistryCheck) -> None:
    unrecognised = {row for row, what in check.notes if what.startswith("адрес сайта не распознан")}
    for school in check.schools:
        if not school.url and school.line not in unrecognised:
            check.notes.append((school.line, NO_ADDRESS_NOTE))
    check.notes.sort()


def _describe(check: RegistryCheck) -> None:
    """Duplicates by INN and by address, municipalities written several ways."""
    by_inn: dict[str, list[int]] = defaultdict(list)
    by_url: dict[str, list[int]] = defaultdict(list)
    spellings: dict[str, list[str]] = defaultdict(list)
    for school in check.schools:
        if school.inn:
            by_inn[school.inn].append(school.line)
        if school.url:
            # «http://a.ru» and «https://a.ru/» are one site
            by_url[school.url.split("://", 1)[-1].rstrip("/").lower()].append(school.line)
        if school.municipality not in spellings[school.municipality_key]:
            spellings[school.municipality_key].append(school.municipality)
    check.duplicates = (
        [f"ИНН {inn}: строки {', '.join(map(str, lines))}" for inn, lines in by_inn.items() if len(lines) > 1]
        + [f"адрес {display_url('http://' + url).removeprefix('http://')}: строки {', '.join(map(str, lines))}" for url, lines in by_url.items()
           if len(lines) > 1])
    check.variants = {key: names for key, names in spellings.items() if len(names) > 1}


# -- the table ----------------------------------------------------------------
def render(check: RegistryCheck, kinds: tuple[str, ...] = DEFAULT_AUDITED) -> list[str]:
    """The check's table, in Russian, one line a string."""
    where = f"лист «{check.sheet_name}», " if check.sheet_name else ""
    header = f"заголовок в строке {check.header_row}" if check.header_row else "наш формат CSV"
    lines = [f"Реестр: {check.path.name} ({check.file_format.upper()}, {where}{header})"]
    if check.header_row:
        lines.append("Столбцы: " + ", ".join(f"{c} ← «{h}»" for c, h in check.columns.items()))
    lines.append(f"Прочитано строк: {check.rows_read}; организаций: {len(check.schools)}; "
                 f"пропущено строк: {len(check.skipped)}")
    counts = Counter(s.kind for s in check.schools)
    if counts:
        lines.append("")
        lines.append("Виды организаций:")
        for kind in ORGANISATION_KINDS:
            if counts[kind]:
                verdict = "проверяются" if kind in kinds else \
                    f"не проверяются (чтобы проверить: --kinds {','.join((*kinds, kind))})"
                lines.append(f"  {KIND_RU_PLURAL[kind]:<32}{counts[kind]:>5}   {verdict}")
        if check.kind_guesses:
            lines.append("  Определено по наименованию — проверьте:")
            lines += [f"    строка {row}: «{name[:70]}» — {KIND_RU[kind]}"
                      for row, name, kind in check.kind_guesses[:MAX_LISTED]]
            lines += _more(check.kind_guesses)
    by_municipality = Counter(s.municipality_key for s in check.schools)
    if by_municipality:
        lines.append("")
        lines.append(f"Муниципалитеты ({len(by_municipality)}):")
        for key, count in sorted(by_municipality.items(), key=lambda kv: display_name(kv[0])):
            merged = check.variants.get(key)
            note = ("   объединены написания: " + ", ".join(f"«{n}»" for n in merged)) if merged else ""
            lines.append(f"  {display_name(key):<32}{count:>5}{note}")
    sections = [
        (f"Исправления адресов ({len(check.repairs)}):",
         [f"  строка {row}: «{written}» → {shown} ({what})" for row, written, shown, what in check.repairs]),
        (f"Повторы ({len(check.duplicates)}):", [f"  {d}" for d in check.duplicates]),
        (f"Пропущенные строки ({len(check.skipped)}):", [f"  строка {row}: {why}" for row, why in check.skipped]),
        (f"Замечания ({len(check.notes)}):", [f"  строка {row}: {what}" for row, what in check.notes]),
        (f"Ошибки — исправьте в файле ({len(check.problems)}):", [f"  {p}" for p in check.problems]),
    ]
    for title, items in sections:
        if items:
            lines += ["", title, *items[:MAX_LISTED], *_more(items)]
    lines.append("")
    if check.ok:
        audited = check.audited(kinds)
        lines.append(f"Итог: к проверке {len(audited)} из {len(check.schools)} организаций"
                     f"{'' if len(audited) == len(check.schools) else ' (остальные — другого вида, см. выше)'}.")
    else:
        lines.append("Итог: реестр нельзя использовать, пока ошибки не исправлены.")
    return lines


def _more(items: list) -> list[str]:
    return [f"  … и ещё {len(items) - MAX_LISTED}"] if len(items) > MAX_LISTED else []


def write_clean_csv(check: RegistryCheck, path: str | Path) -> Path:
    """The repaired registry in our format (UTF-8 with BOM, so Excel opens it in Cyrillic)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CLEAN_COLUMNS)
        for s in check.schools:
            writer.writerow([s.school_id, s.name, s.municipality, s.url, s.short_name, s.inn, s.kind,
                             " ".join(s.alternates)])
    return path
