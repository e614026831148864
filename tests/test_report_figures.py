"""One definition of the figures: every output shows what the findings give, counted the same way.

The expected figures are recomputed here from the findings table with exact
fractions (schools only; «не удалось проверить» outside the denominator; whole
percent, half up), then read back from each output as a person would get it.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from fractions import Fraction

import openpyxl
import pandas as pd
import pytest
from lxml import html as lxml_html

from audit_rules import all_rules
from audit_rules.base import ERROR, FAIL, PASS
from eduaudit.browse import QUERIES
from eduaudit.reports.build import write_reports
from eduaudit.reports.figures import Share, percent, unchecked_schools
from eduaudit.reports.russian import count, of_checked, unreachable_phrase
from eduaudit.store import Store

TITLES = {r.id: r.title for r in all_rules()}


def half_up(passed: int, checked: int) -> int | None:
    if not checked:
        return None
    value = Fraction(100 * passed, checked)
    return int(value + Fraction(1, 2)) if value >= 0 else None


def expected_figures(db, run_id) -> dict[tuple[str | None, str], tuple[int, int, int, int | None]]:
    """(municipality or None for the region, rule_id) → (passed, checked, unchecked, percent)."""
    rows = sqlite3.connect(db).execute(
        "select f.municipality, f.rule_id, f.status from findings f join schools s on s.run_id = f.run_id "
        "and s.school_id = f.school_id where f.run_id = ? and coalesce(s.kind, '') != 'municipality'",
        [run_id]).fetchall()
    counts: dict = {}
    for municipality, rule_id, status in rows:
        for key in ((municipality, rule_id), (None, rule_id)):
            c = counts.setdefault(key, {"pass": 0, "checked": 0, "error": 0})
            c["pass"] += status == "pass"
            c["error"] += status == "error"
            c["checked"] += status != "error"
    return {k: (c["pass"], c["checked"], c["error"], half_up(c["pass"], c["checked"])) for k, c in counts.items()}


@pytest.fixture(scope="module")
def outputs(audited_region, tmp_path_factory):
    store = Store(audited_region.db)
    run_id = store.latest_run()
    reports = write_reports(store, run_id, tmp_path_factory.mktemp("figures"), compare=False)
    return store, run_id, reports, expected_figures(audited_region.db, run_id)


def test_the_region_has_what_the_definition_is_about(outputs):
    """The audited region has unreachable schools next to checked ones and authorities: the test can fail."""
    store, run_id, _, expected = outputs
    assert any(v[2] and v[1] for k, v in expected.items() if k[0] is None)
    assert store.db.execute("select count(*) from schools where run_id = ? and kind = 'municipality'",
                            [run_id]).fetchone()[0]


def test_svod_xlsx(outputs):
    _, _, reports, expected = outputs
    rows = list(openpyxl.load_workbook(reports.svod)["Свод"].iter_rows(min_row=3, values_only=True))
    header = rows[0]
    for row in rows[1:]:
        municipality = None if row[0] == "Итого по области" else row[0]
        for rule_id, title in TITLES.items():
            if (municipality, rule_id) not in expected:
                continue
            passed, _, _, pct = expected[(municipality, rule_id)]
            col = header.index(f"{title}: выполнено")
            assert (row[col], row[col + 1]) == (passed, pct), (municipality, rule_id)


def test_coverage_csv(outputs):
    _, _, reports, expected = outputs
    with (reports.out_dir / "coverage.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    seen = 0
    for row in rows:
        municipality = None if row["Муниципальное образование"] == "Итого по области" else row["Муниципальное образование"]
        for rule_id, title in TITLES.items():
            if (municipality, rule_id) in expected:
                passed, checked, _, pct = expected[(municipality, rule_id)]
                assert int(row[f"{title}: выполнено"]) == passed and int(row[f"{title}: проверено"]) == checked
                assert row[f"{title}: %"] == ("" if pct is None else str(pct))
                seen += 1
    assert seen == len(expected)


def test_summary_markdown(outputs):
    _, _, reports, expected = outputs
    text = reports.summary.read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if l.startswith("| ") and not l.startswith("| Муниципальное")]
    header = next(l for l in text.splitlines() if l.startswith("| Муниципальное"))
    titles = [c.strip() for c in header.strip("|").split("|")][3:]
    rule_ids = [next(r for r, t in TITLES.items() if t == title) for title in titles]
    assert len(lines) == len({k[0] for k in expected})
    for line in lines:
        cells = [c.strip() for c in line.strip("|").split("|")]
        municipality = None if cells[0] == "**Итого по области**" else cells[0]
        for rule_id, cell in zip(rule_ids, cells[3:]):
            passed, checked, _, pct = expected[(municipality, rule_id)]
            assert cell == f"{passed} из {checked} ({'—' if pct is None else f'{pct} %'})"


def test_dashboard_html(outputs):
    _, _, reports, expected = outputs
    tree = lxml_html.fromstring(reports.dashboard.read_bytes())
    cells = tree.xpath("//section[@id='coverage']//tr[@data-municipality]/td[@data-rule]")
    assert cells
    for td in cells:
        municipality = td.getparent().get("data-municipality")
        passed, checked, _, pct = expected[(municipality, td.get("data-rule"))]
        assert (int(td.get("data-passed")), int(td.get("data-checked"))) == (passed, checked)
        assert td.text_content().strip() == ("—" if pct is None else str(pct))
    for card in tree.xpath("//section[@id='region']//div[@data-rule]"):
        passed, checked, unchecked, pct = expected[(None, card.get("data-rule"))]
        assert card.xpath(".//*[@data-metric='percent']")[0].text_content() == str(pct)
        assert int(card.xpath(".//*[@data-metric='passed']")[0].text_content()) == passed
        assert f"из {checked} проверенн" in card.text_content()


def test_datasette_coverage_query(outputs):
    store, run_id, _, expected = outputs
    sql = QUERIES["coverage"]["sql"]
    rows = store.db.execute(sql, {"run_id": str(run_id)}).fetchall()
    by_title = {t: r for r, t in TITLES.items()}
    assert len(rows) == len([k for k in expected if k[0] is not None])
    for municipality, title, schools, passed, checked, unchecked, pct in rows:
        assert (passed, checked, unchecked, pct) == expected[(municipality, by_title[title])]
        assert schools == checked + unchecked


def test_one_rounding_half_up():
    assert [percent(5, 8), percent(3, 8), percent(21, 22), percent(1, 3), percent(2, 3)] == [63, 38, 95, 33, 67]
    assert percent(0, 0) is None and percent(1, 200) == 1 and percent(1, 201) == 0
    for checked in range(1, 60):
        for passed in range(checked + 1):
            assert percent(passed, checked) == half_up(passed, checked)


def test_denominators_are_stated_in_words():
    share = Share("doc.regulation", "Положение", passed=5, checked=6, unchecked=3)
    assert share.text() == "5 из 6 проверенных, 83 %; 3 сайта не удалось проверить"
    assert Share("x", "x", 1, 21, 1).denominator_text() == "из 21 проверенной; 1 сайт не удалось проверить"
    assert Share("x", "x", 0, 0, 5).percent_text == "—"
    assert [of_checked(n) for n in (1, 2, 5, 11, 12, 21, 101, 111)] == [
        "из 1 проверенной", "из 2 проверенных", "из 5 проверенных", "из 11 проверенных", "из 12 проверенных",
        "из 21 проверенной", "из 101 проверенной", "из 111 проверенных"]
    assert [unreachable_phrase(n) for n in (1, 2, 5, 11, 22)] == [
        "1 сайт не удалось проверить", "2 сайта не удалось проверить", "5 сайтов не удалось проверить",
        "11 сайтов не удалось проверить", "22 сайта не удалось проверить"]
    assert [count(n, "школа") for n in (1, 3, 5, 21)] == ["1 школа", "3 школы", "5 школ", "21 школа"]
    assert count(27, "муниципалитет", "gent") == "27 муниципалитетов"


def test_a_school_is_unchecked_only_when_every_rule_but_reachability_is_an_error():
    rows = [("a", "site.reachable", FAIL), ("a", "doc.regulation", ERROR), ("a", "doc.order", ERROR),
            ("b", "site.reachable", PASS), ("b", "doc.regulation", ERROR), ("b", "doc.order", FAIL),
            ("c", "site.reachable", ERROR)]
    frame = pd.DataFrame(rows, columns=["school_id", "rule_id", "status"])
    assert unchecked_schools(frame) == {"a"}
    assert unchecked_schools(frame[frame["rule_id"] == "site.reachable"]) == set()
