"""Registry loading: good files load, bad rows are named by line, nothing half-loads."""

from __future__ import annotations

import pytest

from eduaudit.municipalities import display_name, is_known, municipality_key
from eduaudit.registry import RegistryError, load_registry

HEADER = "school_id,name,municipality,url,short_name,inn,kind\n"


def write(tmp_path, text, name="registry.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_loads_valid_registry(tmp_path):
    path = write(tmp_path, HEADER
                 + "s1,МБОУ «СШ № 5»,город Смоленск,https://sh5-smolensk-r66.gosweb.gosuslugi.ru/,СШ № 5,6731000001,school\n"
                 + "s2,МБОУ Исаковская СОШ,Вяземский муниципальный округ,http://127.0.0.1:8001/,,,\n")
    schools = load_registry(path)
    assert [s.school_id for s in schools] == ["s1", "s2"]
    assert schools[1].kind == "school"
    assert schools[1].municipality_key == municipality_key("Вяземский район")
    assert schools[0].line == 2 and schools[1].line == 3


def test_semicolon_and_cp1251_from_excel(tmp_path):
    path = write(tmp_path, "school_id;name;municipality;url\ns1;Школа № 1;Ельнинский район;http://a.test/\n",
                 encoding="cp1251")
    [school] = load_registry(path)
    assert school.name == "Школа № 1" and school.municipality == "Ельнинский район"


@pytest.mark.parametrize("row, message", [
    (",Школа,Велижский район,http://a.test/", "строка 3: пустой school_id"),
    ("s1,Школа,Велижский район,http://b.test/", "строка 3: school_id «s1» уже был в строке 2"),
    ("s3,Школа,Велижский район,ftp://a.test/", "строка 3: адрес сайта должен начинаться с http"),
    ("s3,Школа,Велижский район,www.school.ru", "строка 3: адрес сайта должен начинаться с http"),
    ("s3,Школа,,http://a.test/", "строка 3: пустое поле municipality"),
    ("s3,Школа,Велижский район,http://a.test:99999/", "строка 3: неверный порт"),
])
def test_bad_rows_name_their_line(tmp_path, row, message):
    path = write(tmp_path, "school_id,name,municipality,url\ns1,Школа,Велижский район,http://a.test/\n" + row + "\n")
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert any(p.startswith(message) for p in info.value.problems), info.value.problems


def test_missing_column_and_empty_file(tmp_path):
    with pytest.raises(RegistryError, match="нет обязательных столбцов: url"):
        load_registry(write(tmp_path, "school_id,name,municipality\ns1,a,b\n"))
    with pytest.raises(RegistryError, match="пуст"):
        load_registry(write(tmp_path, "", name="empty.csv"))
    with pytest.raises(RegistryError, match="не найден"):
        load_registry(tmp_path / "absent.csv")


def test_all_problems_reported_at_once(tmp_path):
    path = write(tmp_path, "school_id,name,municipality,url\n,a,b,http://x/\ns2,a,b,nope\n")
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert len(info.value.problems) == 2


@pytest.mark.parametrize("a, b", [
    ("Вяземский район", "Вяземский муниципальный округ"),
    ("Смоленский район", "муниципальное образование «Смоленский район» Смоленской области"),
    ("Холм-Жирковский район", "Холм - Жирковский муниципальный округ"),
    ("Тёмкинский район", "Темкинский муниципальный округ"),
    ("город Смоленск", "г. Смоленск"),
    ("город Десногорск", "г.Десногорск"),
])
def test_municipality_forms_are_one(a, b):
    assert municipality_key(a) == municipality_key(b)
    assert is_known(a) and is_known(b)


def test_city_and_district_stay_apart():
    assert municipality_key("город Смоленск") != municipality_key("Смоленский район")
    assert display_name(municipality_key("г. Смоленск")) == "город Смоленск"
    assert display_name(municipality_key("Сафоновский муниципальный округ")) == "Сафоновский район"


def test_unknown_municipality_is_kept_not_merged():
    key = municipality_key("Тверской район")
    assert not is_known("Тверской район")
    assert key == "тверской"


@pytest.mark.parametrize("kind, expected", [("", "school"), ("средняя школа", "school"), ("Гимназия", "school"),
                                            ("municipality", "municipality"),
                                            ("Управление образования", "municipality")])
def test_kind_words(tmp_path, kind, expected):
    path = write(tmp_path, f"school_id,name,municipality,url,kind\ns1,Школа,Велижский район,http://a.test/,{kind}\n")
    assert load_registry(path)[0].kind == expected


def test_unknown_kind_is_an_error_and_long_lists_are_cut(tmp_path):
    rows = "".join(f"s{i},Школа,Велижский район,http://a.test/,завод\n" for i in range(30))
    with pytest.raises(RegistryError) as info:
        load_registry(write(tmp_path, "school_id,name,municipality,url,kind\n" + rows))
    assert len(info.value.problems) == 30
    assert "неизвестный вид организации" in info.value.problems[0]
    assert info.value.lines()[-1] == "… и ещё 10 ошибок"


def test_cli_rejects_bad_registry_naming_the_line(tmp_path):
    import subprocess
    import sys

    path = write(tmp_path, "school_id,name,municipality,url\ns1,Школа,Велижский район,www.school.ru\n")
    proc = subprocess.run([sys.executable, "-m", "eduaudit.cli", "crawl", "--registry", str(path),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "строка 2" in proc.stderr and "http" in proc.stderr
    assert not (tmp_path / "out" / "eduaudit.db").exists()
