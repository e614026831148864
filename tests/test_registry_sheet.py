"""Operators' own registry files: XLSX, ODS and CSV with title rows, Russian headers and messy addresses."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from eduaudit.municipalities import municipality_key
from eduaudit.org_kinds import guess_kind, parse_kinds
from eduaudit.registry import RegistryError, load_registry
from eduaudit.registry_check import check_registry, render, write_clean_csv
from eduaudit.registry_repair import display_url, repair_address
from eduaudit.registry_sheet import parse_columns_option
from tests.helpers.registry_files import HEADER, MESSY_ROWS, WRITERS, table, write_csv, write_xlsx


def messy(tmp_path, fmt: str, rows=MESSY_ROWS, **kwargs):
    return WRITERS[fmt](tmp_path / f"реестр.{fmt}", table(rows), **kwargs)


def by_name(check):
    return {s.name: s for s in check.schools}


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv"])
def test_messy_file_is_read_below_its_title_rows(tmp_path, fmt):
    check = check_registry(messy(tmp_path, fmt))
    assert check.ok, check.problems
    assert check.header_row == 3
    assert check.columns == {"name": "Наименование ОО", "short_name": "Краткое наименование",
                             "municipality": "Муниципальное образование", "url": "Адрес официального сайта",
                             "inn": "ИНН"}
    assert len(check.schools) == 9
    assert check.skipped == [(4, "строка с номерами столбцов"), (7, "пустая строка"),
                             (15, "строка итогов «Итого»")]
    schools = by_name(check)
    assert schools["МБОУ «Гимназия № 1»"].inn == "6731000006"          # a number cell, read as digits
    assert schools["МБОУ «Гимназия № 1»"].line == 8
    assert schools["МБОУ «Средняя школа № 3» г. Вязьмы"].short_name == "СШ № 3"


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv"])
def test_formats_give_the_same_schools(tmp_path, fmt):
    reference = check_registry(write_xlsx(tmp_path / "reference.xlsx", table(MESSY_ROWS)))
    other = check_registry(messy(tmp_path, fmt))
    assert other.schools == reference.schools


def test_addresses_repaired_and_every_repair_listed_with_its_row(tmp_path):
    check = check_registry(messy(tmp_path, "xlsx"))
    schools = by_name(check)
    assert schools["МБОУ «Средняя школа № 3» г. Вязьмы"].url == "http://www.school3.ru/"
    assert schools["МБОУ Исаковская СОШ"].url == "http://isakovo.ru/"
    gymnasium = schools["МБОУ «Гимназия № 1»"]
    assert gymnasium.url == "https://gym1.ru/" and gymnasium.alternates == ("https://old-gym1.ru/",)
    school7 = schools["МБОУ «Школа № 7»"]
    assert school7.url == "http://xn--7-7sb3aeo2d.xn--p1ai/"
    assert display_url(school7.url) == "http://школа7.рф/"
    assert schools["МБОУ «СШ № 9»"].url == "http://school9.ru/"
    repaired_rows = {row for row, *_ in check.repairs}
    assert repaired_rows == {5, 6, 8, 9, 10, 11, 13}
    text = "\n".join(render(check))
    assert "строка 6: «http//isakovo.ru» → http://isakovo.ru/ (исправлена схема" in text
    assert "строка 9: «школа7.рф» → http://школа7.рф/" in text
    assert "убрана подпись «сайт:»" in text
    assert "запасные: https://old-gym1.ru/" in text


def test_a_row_without_address_is_kept_not_dropped(tmp_path):
    check = check_registry(messy(tmp_path, "xlsx"))
    new = by_name(check)["МБОУ Новая школа"]
    assert new.url == "" and new.line == 12
    assert (12, "адрес сайта не указан в реестре: школа остаётся в проверке, сайт не обходится") in check.notes
    assert check.ok  # not a problem: nothing to repair, and the school stays in the audit


def test_kinds_from_names_and_the_audited_set(tmp_path):
    check = check_registry(messy(tmp_path, "xlsx"))
    kinds = {s.name: s.kind for s in check.schools}
    assert kinds["МБДОУ «Детский сад № 5»"] == "kindergarten"
    assert kinds["Отдел образования Администрации Велижского района"] == "municipality"
    assert kinds["МБОУ Исаковская СОШ"] == "school"
    assert [(row, kind) for row, _, kind in check.kind_guesses] == [(11, "kindergarten"), (13, "municipality")]
    assert "МБДОУ «Детский сад № 5»" not in {s.name for s in check.audited()}
    assert "МБДОУ «Детский сад № 5»" in {s.name for s in check.audited(("school", "kindergarten"))}
    text = "\n".join(render(check))
    assert "детские сады" in text and "не проверяются (чтобы проверить: --kinds school,municipality,kindergarten)" in text
    assert "строка 11: «МБДОУ «Детский сад № 5»» — детский сад" in text


def test_municipality_spellings_merged_and_reported(tmp_path):
    check = check_registry(messy(tmp_path, "xlsx"))
    assert check.variants[municipality_key("город Смоленск")] == ["г. Смоленск", "город Смоленск", "г.Смоленск"]
    assert check.variants[municipality_key("Вяземский район")] == ["Вяземский район", "Вяземский муниципальный округ"]
    text = "\n".join(render(check))
    assert "город Смоленск                      4   объединены написания: «г. Смоленск», «город Смоленск», " \
           "«г.Смоленск»" in text


def test_duplicates_by_inn_and_address(tmp_path):
    rows = [*MESSY_ROWS[:2], [10, "МБОУ «Средняя школа № 3» (филиал)", "", "Вяземский район", "school3.ru", None],
            [11, "МБОУ Копия", "", "Вяземский район", "http://www.school3.ru/", None]]
    check = check_registry(write_xlsx(tmp_path / "d.xlsx", table(rows)))
    assert check.duplicates == ["адрес www.school3.ru: строки 5, 8"]
    check = check_registry(messy(tmp_path, "xlsx"))
    assert check.duplicates == ["ИНН 6722000003: строки 5, 14"]
    ids = [s.school_id for s in check.schools if s.inn == "6722000003"]
    assert ids == ["inn-6722000003", "inn-6722000003-2"]


def test_ids_are_stable_and_do_not_depend_on_row_order(tmp_path):
    first = check_registry(messy(tmp_path, "xlsx"))
    rows = [r for r in MESSY_ROWS if r is not None and r[0] != "Итого"]
    second = check_registry(write_xlsx(tmp_path / "reversed.xlsx", table(list(reversed(rows)), title=None)))
    ids = lambda check: {s.name: s.school_id for s in check.schools if s.inn != "6722000003"}  # noqa: E731
    assert ids(first) == ids(second)
    assert by_name(first)["МБОУ «Школа № 7»"].school_id.startswith("r-")
    assert len({s.school_id for s in first.schools}) == len(first.schools)


def test_cp1251_semicolon_csv_and_utf8_comma_csv(tmp_path):
    cp = check_registry(write_csv(tmp_path / "a.csv", table(MESSY_ROWS), delimiter=";", encoding="cp1251"))
    utf = check_registry(write_csv(tmp_path / "b.csv", table(MESSY_ROWS), delimiter=",", encoding="utf-8"))
    assert cp.schools == utf.schools and len(cp.schools) == 9
    assert by_name(utf)["МБОУ «Гимназия № 1»"].alternates == ("https://old-gym1.ru/",)


def test_english_headers_and_a_kind_column(tmp_path):
    rows = [["name", "municipality", "website", "type"],
            ["Школа № 1", "Ельнинский район", "school1.ru", "средняя школа"],
            ["Ёлочка", "Ельнинский район", "elochka.ru", "детский сад"]]
    check = check_registry(write_xlsx(tmp_path / "en.xlsx", rows))
    assert [(s.name, s.kind) for s in check.schools] == [("Школа № 1", "school"), ("Ёлочка", "kindergarten")]
    assert check.kind_guesses == []  # the file said so: nothing to confirm


def test_columns_option_maps_headers_the_table_does_not_know(tmp_path):
    rows = [["Учр.", "Терр.", "Веб"], ["Школа № 1", "Ельнинский район", "school1.ru"]]
    path = write_xlsx(tmp_path / "odd.xlsx", rows)
    with pytest.raises(RegistryError, match="не найдена строка заголовка"):
        check_registry(path)
    columns = parse_columns_option("name=«Учр.», municipality=«Терр.»,url=\"Веб\"")
    [school] = check_registry(path, columns).schools
    assert (school.name, school.municipality, school.url) == ("Школа № 1", "Ельнинский район", "http://school1.ru/")
    with pytest.raises(ValueError, match="неизвестный столбец «site»"):
        parse_columns_option("site=«Веб»")


def test_what_cannot_be_repaired_is_a_problem_with_its_row(tmp_path):
    rows = [*MESSY_ROWS[:2], [3, None, None, "Велижский район", "a.ru", None],
            [4, "Школа без МО", None, None, "b.ru", None]]
    check = check_registry(write_xlsx(tmp_path / "bad.xlsx", table(rows)))
    assert not check.ok
    assert check.problems == ["строка 7: нет наименования организации",
                              "строка 8: не указано муниципальное образование («Школа без МО»)"]
    assert "Итог: реестр нельзя использовать" in "\n".join(render(check))


def test_section_heading_rows_give_the_municipality(tmp_path):
    rows = [["Наименование", "Сайт", "МО"], ["Вяземский район"], ["МБОУ СОШ № 1", "s1.ru", None],
            ["город Смоленск"], ["МБОУ СОШ № 2", "s2.ru", None]]
    check = check_registry(write_xlsx(tmp_path / "h.xlsx", rows))
    assert [(s.name, s.municipality) for s in check.schools] == [("МБОУ СОШ № 1", "Вяземский район"),
                                                                 ("МБОУ СОШ № 2", "город Смоленск")]
    assert (2, "подзаголовок «Вяземский район»") in check.skipped


def test_clean_csv_is_our_format_and_loads_as_written(tmp_path):
    check = check_registry(messy(tmp_path, "ods"))
    clean = write_clean_csv(check, tmp_path / "clean.csv")
    assert load_registry(clean) == [replace(s, line=i) for i, s in enumerate(check.schools, start=2)]
    again = check_registry(clean)
    assert again.ok and again.repairs == [] and again.variants == check.variants


@pytest.mark.parametrize("cell, url, alternates", [
    ("www.school3.ru", "http://www.school3.ru/", []),
    ("school3.ru/", "http://school3.ru/", []),
    ("http//school3.ru", "http://school3.ru/", []),
    ("https:/school3.ru/sveden", "https://school3.ru/sveden", []),
    ("https://school3.ru, https://old-school3.ru", "https://school3.ru/", ["https://old-school3.ru/"]),
    ("https://school3.ru https://old-school3.ru; www.s3.ru", "https://school3.ru/",
     ["https://old-school3.ru/", "http://www.s3.ru/"]),
    ("сайт: school3.ru", "http://school3.ru/", []),
    ("Официальный сайт - school3.ru", "http://school3.ru/", []),
    ("  school 3.ru ", "http://school3.ru/", []),
    ("школа3.рф", "http://xn--3-7sb3aeo2d.xn--p1ai/", []),
    ("HTTPS://School3.RU/Docs", "https://school3.ru/Docs", []),
    ("web-school.ru", "http://web-school.ru/", []),
])
def test_repair_address(cell, url, alternates):
    repaired = repair_address(cell)
    assert (repaired.url, repaired.alternates, repaired.problem) == (url, alternates, "")


@pytest.mark.parametrize("cell, problem", [("", "адрес сайта не указан в реестре"),
                                           ("нет", "адрес сайта не указан в реестре"),
                                           ("-", "адрес сайта не указан в реестре"),
                                           ("ftp://school3.ru", "адрес сайта не распознан"),
                                           ("в разработке", "адрес сайта не распознан")])
def test_unusable_addresses(cell, problem):
    repaired = repair_address(cell)
    assert repaired.url == "" and repaired.problem.startswith(problem)


@pytest.mark.parametrize("name, kind", [
    ("МБДОУ «Детский сад № 5»", "kindergarten"), ("Детский сад «Солнышко»", "kindergarten"),
    ("МБОУ «Начальная школа — детский сад № 3»", "school"), ("ОГБПОУ «Смоленский техникум»", "college"),
    ("Смоленский педагогический колледж", "college"), ("МБУ ДО «Дом детского творчества»", "supplementary"),
    ("МБОУ ДО ДЮСШ", "supplementary"), ("Детская школа искусств № 1", "supplementary"),
    ("Управление образования Администрации Вяземского района", "municipality"),
    ("Отдел образования", "municipality"), ("МБОУ «СШ № 5»", "school"), ("Гимназия № 1", "school"),
    ("МБОУ Средняя школа с дошкольными группами", "school"), ("Учреждение без признаков", "school"),
])
def test_kind_by_name(name, kind):
    assert guess_kind(name) == kind


def test_kinds_option():
    assert parse_kinds("school, детский сад,college") == ("school", "kindergarten", "college")
    with pytest.raises(ValueError, match="неизвестный вид организации «завод»"):
        parse_kinds("school,завод")


def test_old_excel_and_empty_files_are_named(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(RegistryError, match="сохраните файл как .xlsx"):
        check_registry(tmp_path / "old.xls")
    with pytest.raises(RegistryError, match="пуст"):
        check_registry(write_xlsx(tmp_path / "empty.xlsx", []))


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "eduaudit.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_registry_check_command_prints_the_table_and_writes_the_clean_csv(tmp_path):
    path = messy(tmp_path, "xlsx")
    proc = run_cli("registry", "check", path, "--write", tmp_path / "clean.csv")
    assert proc.returncode == 0, proc.stderr
    assert "Прочитано строк: 12; организаций: 9; пропущено строк: 3" in proc.stdout
    assert "Итог: к проверке 8 из 9 организаций" in proc.stdout
    assert len(load_registry(tmp_path / "clean.csv")) == 9
    widened = run_cli("registry", "check", path, "--kinds", "school,municipality,kindergarten")
    assert "Итог: к проверке 9 из 9 организаций." in widened.stdout


def test_registry_check_command_fails_only_for_what_cannot_be_repaired(tmp_path):
    bad = write_xlsx(tmp_path / "bad.xlsx", table([*MESSY_ROWS[:2], [3, None, None, "Велижский район", "a.ru"]]))
    proc = run_cli("registry", "check", bad, "--write", tmp_path / "clean.csv")
    assert proc.returncode == 1
    assert "строка 7: нет наименования организации" in proc.stdout
    assert not (tmp_path / "clean.csv").exists()
    crawl = run_cli("crawl", "--registry", bad, "--out", tmp_path / "out")
    assert crawl.returncode != 0 and "строка 7: нет наименования организации" in crawl.stderr
    assert not (tmp_path / "out" / "eduaudit.db").exists()


def test_our_csv_format_keeps_its_strict_reading(tmp_path):
    path = tmp_path / "ours.csv"
    path.write_text("school_id,name,municipality,url\ns1,Школа,Велижский район,www.school.ru\n", encoding="utf-8")
    check = check_registry(path)
    assert not check.ok and check.problems[0].startswith("строка 2: адрес сайта должен начинаться с http")
    assert HEADER[1] not in check.columns.values()
