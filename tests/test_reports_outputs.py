"""svod.xlsx, gap files, summary.md and `eduaudit diff`, opened for real on an audited region."""

from __future__ import annotations

import csv
import json
from urllib.parse import urlsplit

import openpyxl
import pytest
from click.testing import CliRunner

from audit_rules import all_rules
from audit_rules.base import STATUS_RU
from eduaudit.diff import STRUCTURE_CHANGED, diff_documents, diff_runs, site_address
from eduaudit.reports.build import write_reports
from eduaudit.reports.commands import diff_command, report_command
from eduaudit.reports.gaps import SINCE_FIXED, SINCE_NEW
from eduaudit.reports.names import file_stem, sheet_title
from eduaudit.store import Store
from tests.helpers.rundb import SCHOOLS_ONLY, clone_run, copy_db, sql_passed, sql_percent

REGULATION = "doc.regulation"


@pytest.fixture(scope="module")
def two_runs(audited_region, tmp_path_factory):
    """The audited run plus a second run in which the test knows exactly what changed."""
    tmp = tmp_path_factory.mktemp("two-runs")
    store = copy_db(audited_region.db, tmp / "eduaudit.db")
    first = store.latest_run()
    second = clone_run(store, first)
    rows = list(store.db.query("select school_id, status from findings where run_id = ? and rule_id = ? "
                               "order by school_id", [second, REGULATION]))
    fixed = next(r["school_id"] for r in rows if r["status"] == "fail")
    broken = next(r["school_id"] for r in rows if r["status"] == "pass")
    # «fixed»: the regulation is now found.
    store.db["findings"].update((second, fixed, REGULATION), {"status": "pass"})
    # «broken»: its mentoring page and documents vanished — the crawler's view of the site changed.
    store.db.execute("delete from pages where run_id = ? and school_id = ? and role in ('mentoring', 'documents')",
                     [second, broken])
    store.db.execute("delete from documents where run_id = ? and school_id = ?", [second, broken])
    store.db["findings"].update((second, broken, REGULATION), {"status": "fail"})
    # A third school: one document re-uploaded with other bytes.
    changed = store.db.execute("select school_id, url from documents where run_id = ? and school_id not in (?, ?) "
                               "and sha256 is not null order by school_id, url limit 1",
                               [second, fixed, broken]).fetchone()
    store.db.execute("update documents set sha256 = ? where run_id = ? and school_id = ? and url = ?",
                     ["f" * 64, second, changed[0], changed[1]])
    store.db.conn.commit()
    reports = write_reports(store, second, tmp / "reports")
    return {"store": store, "first": first, "second": second, "fixed": fixed, "broken": broken,
            "changed": changed, "reports": reports, "tmp": tmp}


def test_summary_sheet_numbers_equal_database(audited_region, tmp_path):
    store = Store(audited_region.db)
    run_id = store.latest_run()
    reports = write_reports(store, run_id, tmp_path / "r", compare=False)
    book = openpyxl.load_workbook(reports.svod)
    sheet = book["Свод"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))  # a title and a date row come first
    header = rows[0]
    assert header[0] == "Муниципальное образование" and sheet.freeze_panes == "B4" and sheet.auto_filter.ref
    assert sheet.conditional_formatting, "percentages are coloured"
    by_name = {r[0]: r for r in rows[1:]}
    municipalities = [m for (m,) in store.db.execute(
        "select distinct municipality from findings where run_id = ?" + SCHOOLS_ONLY, [run_id])]
    assert set(by_name) == set(municipalities) | {"Итого по области"}
    for rule in all_rules("school"):
        count_col = header.index(f"{rule.title}: выполнено")
        for municipality in municipalities:
            passed, total = sql_passed(store, run_id, rule.id, municipality)
            assert by_name[municipality][count_col] == passed
            assert by_name[municipality][count_col + 1] == sql_percent(store, run_id, rule.id, municipality)
        passed, total = sql_passed(store, run_id, rule.id)
        assert by_name["Итого по области"][count_col] == passed and by_name["Итого по области"][1] == total
    assert book["Диаграмма"]._charts, "the workbook has a chart"
    # A sheet per municipality: every finding of its schools, verdict in Russian, evidence as a hyperlink.
    municipality = max(municipalities, key=lambda m: sql_passed(store, run_id, REGULATION, m)[1])
    sheet = book[sheet_title(municipality)]
    rows = list(sheet.iter_rows(min_row=2))
    expected = store.db.execute("select count(*) from findings where run_id = ? and municipality = ?" + SCHOOLS_ONLY,
                                [run_id, municipality]).fetchone()[0]
    assert len(rows) == expected
    verdicts = {r[3].value for r in rows}
    assert verdicts <= set(STATUS_RU.values())
    linked = [r[4] for r in rows if r[4].value and str(r[4].value).startswith("http")]
    assert linked and all(c.hyperlink is not None and c.hyperlink.target == c.value for c in linked)
    for row in rows:
        assert bool(row[7].value) == (row[3].value != STATUS_RU["pass"])  # «что сделать» only for gaps
    assert "Все школы" in book.sheetnames and "О проверке" in book.sheetnames
    assert "Изменения" not in book.sheetnames  # no comparison asked for


def test_gap_files_only_gaps_with_links(audited_region, tmp_path):
    store = Store(audited_region.db)
    run_id = store.latest_run()
    reports = write_reports(store, run_id, tmp_path / "r", compare=False)
    # A site that could not be checked is one row, not one per rule; the authority's own gaps are there too.
    unchecked = {s for (s,) in store.db.execute(
        "select school_id from findings where run_id = ? and rule_id != 'site.reachable' group by school_id "
        "having sum(status != 'error') = 0", [run_id])}
    gaps_expected = {}
    for school_id, municipality, status in store.db.execute(
            "select school_id, municipality, status from findings where run_id = ? and status != 'pass' "
            "and (rule_id = 'site.reachable' or school_id not in (select school_id from findings where run_id = ? "
            "and rule_id != 'site.reachable' group by school_id having sum(status != 'error') = 0))",
            [run_id, run_id]):
        gaps_expected[municipality] = gaps_expected.get(municipality, 0) + 1
    assert unchecked
    municipalities = [m for (m,) in store.db.execute("select distinct municipality from findings where run_id = ?"
                                                     + SCHOOLS_ONLY, [run_id])]
    assert set(reports.gaps) == set(municipalities)
    for municipality, (xlsx_path, csv_path) in reports.gaps.items():
        assert xlsx_path.parent == reports.out_dir / "gaps" and xlsx_path.stem == file_stem(municipality)
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        assert len(rows) == gaps_expected.get(municipality, 0)
        assert all(r["Вердикт"] != STATUS_RU["pass"] and r["Что сделать"] for r in rows)
        per_school = {}
        for r in rows:
            per_school.setdefault(r["Школа"], []).append(r)
        for school_rows in per_school.values():
            if any(r["Правило"] == "Сайт не удалось проверить" for r in school_rows):
                assert len(school_rows) == 1
        sheet = openpyxl.load_workbook(xlsx_path).active
        xrows = list(sheet.iter_rows(min_row=3, values_only=True))
        assert len(xrows) == len(rows)
    summary = reports.summary.read_text(encoding="utf-8")
    passed, total = sql_passed(store, run_id, REGULATION)
    checked = total - len(unchecked & {s for (s,) in store.db.execute(
        "select school_id from schools where run_id = ? and coalesce(kind, '') != 'municipality'", [run_id])})
    assert (f"Положения о системе наставничества педагогических работников размещены на сайтах {passed} из "
            f"{checked} проверенных ОО ({sql_percent(store, run_id, REGULATION)} %)") in summary
    assert f"Проверены официальные сайты {total} ОО" in summary
    assert (reports.out_dir / "coverage.csv").exists() and (reports.out_dir / "coverage.xlsx").exists()


def test_file_names_cannot_escape():
    assert file_stem("Холм-Жирковский район") == "kholm-zhirkovskiy-rayon"
    for hostile in ("../../etc/passwd", "..", "CON", "/", "a/b\\c", "\x00"):
        stem = file_stem(hostile)
        assert stem and set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") and stem != "con"
    assert len(sheet_title("Холм-Жирковский муниципальный округ: [тест]*?")) <= 31


def test_diff_finds_what_changed(two_runs):
    d = diff_runs(two_runs["store"], two_runs["first"], two_runs["second"])
    kinds = {(v.school_id, v.rule_id): v.kind for v in d.verdicts}
    assert kinds == {(two_runs["fixed"], REGULATION): "fixed", (two_runs["broken"], REGULATION): "new_gap"}
    changed_school, changed_url = two_runs["changed"]
    assert any(c.change == "changed" and c.url == changed_url and c.school_id == changed_school for c in d.documents)
    removed = [c for c in d.documents if c.change == "removed"]
    assert removed and {c.school_id for c in removed} == {two_runs["broken"]}
    alerted = d.alerted()
    assert set(alerted) == {two_runs["broken"]}
    assert alerted[two_runs["broken"]].message.startswith(STRUCTURE_CHANGED)
    # The same bytes at a new address are neither added nor removed.
    moved = diff_documents("s", "m", {"http://a/x.pdf": "1" * 64}, {"http://a/y.pdf": "1" * 64})
    assert moved == []


def test_diff_command_json(two_runs):
    result = CliRunner().invoke(diff_command, [str(two_runs["first"]), str(two_runs["second"]), "--db",
                                               str(two_runs["store"].path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["counts"]["fixed"] == 1 and data["counts"]["new_gap"] == 1 and data["counts"]["structure_alerts"] == 1
    text = CliRunner().invoke(diff_command, [str(two_runs["first"]), str(two_runs["second"]), "--db",
                                             str(two_runs["store"].path)])
    assert "Исправлено: 1, новых пробелов: 1" in text.output and "Проверьте вручную" in text.output


def test_reports_show_changes_since_last_run(two_runs):
    store, reports = two_runs["store"], two_runs["reports"]
    assert reports.previous_run == two_runs["first"]
    book = openpyxl.load_workbook(reports.svod)
    changes = list(book["Изменения"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[5] for r in changes) == ["исправлено", "новый пробел"]
    alerts = list(book["Проверьте вручную"].iter_rows(min_row=2, values_only=True))
    assert len(alerts) == 1 and STRUCTURE_CHANGED in alerts[0][3]
    municipality_of = dict(store.db.execute("select school_id, municipality from findings where run_id = ?",
                                            [two_runs["second"]]).fetchall())
    # The coordinator of the fixed school sees «исправлено», the other one the new gap with the warning.
    _, fixed_csv = reports.gaps[municipality_of[two_runs["fixed"]]]
    with fixed_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert any(r["С прошлой проверки"] == SINCE_FIXED and r["Вердикт"] == STATUS_RU["pass"] for r in rows)
    broken_xlsx, _ = reports.gaps[municipality_of[two_runs["broken"]]]
    xrows = list(openpyxl.load_workbook(broken_xlsx).active.iter_rows(min_row=3, values_only=True))
    new = [r for r in xrows if r[9] == SINCE_NEW]
    assert len(new) == 1 and STRUCTURE_CHANGED in new[0][10]
    summary = reports.summary.read_text(encoding="utf-8")
    assert f"С прошлой проверки (запуск {two_runs['first']}): исправлено 1, новых пробелов 1" in summary
    assert json.loads(reports.diff_json.read_text(encoding="utf-8"))["counts"]["fixed"] == 1


def test_report_command_writes_everything(two_runs, tmp_path):
    store = two_runs["store"]
    result = CliRunner().invoke(report_command, ["--db", str(store.path), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "reports" / f"run-{two_runs['second']}"
    for name in ("svod.xlsx", "summary.md", "index.html", "coverage.csv", "coverage.xlsx", "diff.json"):
        assert (out / name).is_file(), name
    assert len(list((out / "gaps").glob("*.xlsx"))) == len(list((out / "gaps").glob("*.csv"))) > 0


def test_text_from_the_web_never_becomes_a_formula(two_runs, tmp_path):
    store = copy_db(two_runs["store"].path, tmp_path / "e.db")
    run_id = store.latest_run()
    school_id, municipality = store.db.execute(
        "select school_id, municipality from findings where run_id = ? and status != 'pass' limit 1",
        [run_id]).fetchone()
    payload = '=HYPERLINK("http://evil.test/","нажмите")'
    store.db.execute("update schools set short_name = ? where run_id = ? and school_id = ?", [payload, run_id, school_id])
    store.db.execute("update findings set evidence_text = ? where run_id = ? and school_id = ?",
                     ["+cmd|' /C calc'!A0", run_id, school_id])
    store.db.conn.commit()
    reports = write_reports(store, run_id, tmp_path / "r", compare=False)
    xlsx_path, csv_path = reports.gaps[municipality]
    sheet = openpyxl.load_workbook(xlsx_path).active
    cells = [c for row in sheet.iter_rows(min_row=3) for c in row if c.value == payload]
    assert cells and all(c.data_type == "s" for c in cells)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "'" + payload.replace('"', '""') in text and "'+cmd" in text


def test_diff_is_by_school_not_by_address(audited_region, tmp_path):
    """A re-run on another port, https, «www.» or a trailing slash moves no site; the text names schools."""
    store = copy_db(audited_region.db, tmp_path / "e.db")
    first = store.latest_run()
    second = clone_run(store, first)
    sites = list(store.db.query("select school_id, final_url from sites where run_id = ? and final_url like 'http%'",
                                [second]))
    variants = ("http://{h}:1/", "https://www.{h}", "http://{h}:2", "https://{h}:3/index.html")
    for i, site in enumerate(sites):
        host = urlsplit(site["final_url"]).hostname
        store.db.execute("update sites set final_url = ?, start_url = ? where run_id = ? and school_id = ?",
                         [variants[i % len(variants)].format(h=host), variants[i % len(variants)].format(h=host),
                          second, site["school_id"]])
    school_id, = store.db.execute("select school_id from findings where run_id = ? and rule_id = ? and status = 'pass' "
                                  "order by school_id limit 1", [second, REGULATION]).fetchone()
    store.db["findings"].update((second, school_id, REGULATION), {"status": "fail"})
    store.db.conn.commit()
    assert len(sites) > 4
    assert diff_runs(store, first, second).alerts == []
    assert site_address("http://www.School.test:8080/") == site_address("https://school.test") == "school.test"
    assert site_address("http://rayon.test/school5/") != site_address("http://rayon.test/")
    text = CliRunner().invoke(diff_command, [str(first), str(second), "--db", str(store.path)]).output
    name, municipality = store.db.execute("select coalesce(nullif(short_name, ''), name), municipality from schools "
                                          "where run_id = ? and school_id = ?", [second, school_id]).fetchone()
    assert f"  {municipality}\n    {name} — Положение о системе наставничества" in text
    assert school_id not in text and REGULATION not in text
