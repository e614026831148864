"""The coverage table: counts and percentages per municipality and for the region."""

from __future__ import annotations

import openpyxl

from audit_rules import RULESET_VERSION
from eduaudit.reports.coverage import REGION_TOTAL, coverage_table, region_summary, write_coverage
from eduaudit.store import Store


def make_store(tmp_path):
    store = Store(tmp_path / "e.db")
    run_id = store.start_run("r.csv", "x", 4, RULESET_VERSION)
    schools = [("a", "город Смоленск"), ("b", "город Смоленск"), ("c", "Велижский район"), ("d", "Велижский район")]
    statuses = {"a": "pass", "b": "fail", "c": "pass", "d": "error"}
    for school_id, municipality in schools:
        store.db["schools"].insert({"run_id": run_id, "school_id": school_id, "name": f"Школа {school_id}",
                                    "municipality": municipality, "url": f"http://{school_id}.test/"})
        for rule_id in ("site.reachable", "doc.regulation"):
            status = "pass" if rule_id == "site.reachable" and school_id != "d" else statuses[school_id]
            if rule_id == "site.reachable" and school_id == "d":
                status = "fail"
            store.db["findings"].insert({"run_id": run_id, "school_id": school_id, "municipality": municipality,
                                         "rule_id": rule_id, "status": status})
    store.finish_run(run_id)
    return store, run_id


def test_table_counts_and_percentages(tmp_path):
    store, run_id = make_store(tmp_path)
    table = coverage_table(store, run_id)
    regulation = "Положение о системе наставничества педагогических работников"
    assert table.loc["город Смоленск", "Школ в реестре"] == 2
    assert table.loc["город Смоленск", f"{regulation}: выполнено"] == 1
    assert table.loc["город Смоленск", f"{regulation}: %"] == 50
    assert table.loc[REGION_TOTAL, f"{regulation}: выполнено"] == 2
    # School d could not be checked: it is counted apart and stays out of the denominator.
    assert table.loc[REGION_TOTAL, f"{regulation}: проверено"] == 3
    assert table.loc[REGION_TOTAL, f"{regulation}: %"] == 67
    assert table.loc["Велижский район", f"{regulation}: %"] == 100
    assert table.loc[REGION_TOTAL, "Сайт доступен: %"] == 75
    assert list(table.index)[-1] == REGION_TOTAL


def test_files_written_and_readable(tmp_path):
    store, run_id = make_store(tmp_path)
    csv_path, xlsx_path = write_coverage(store, run_id, tmp_path / "out")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel-friendly BOM
    sheet = openpyxl.load_workbook(xlsx_path)["Свод"]  # coverage.xlsx: the plain table, no title rows
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Муниципальное образование"
    assert rows[-1][0] == REGION_TOTAL and rows[-1][1] == 4


def test_region_summary_lines(tmp_path):
    store, run_id = make_store(tmp_path)
    lines = region_summary(store, run_id)
    assert "Положение размещено: 2 из 3 проверенных школ (67 %); 1 сайт не удалось проверить" in lines
    assert "Сайт доступен: 3 из 4 проверенных школ (75 %)" in lines
