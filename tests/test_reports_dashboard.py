"""index.html in a real headless Chromium: it renders, its numbers equal the database, web text is inert."""

from __future__ import annotations

import json

from eduaudit import stages
from eduaudit.reports.build import write_reports
from eduaudit.store import Store
from tests.helpers.chromium import OPEN_CARDS
from tests.helpers.rundb import SCHOOLS_ONLY, clone_run, copy_db, sql_passed, sql_percent

READ_PAGE = {
    "ready": "document.documentElement.getAttribute('data-ready')",
    "cards": """Array.from(document.querySelectorAll('#region .card')).map(c => ({
        rule: c.dataset.rule, passed: +c.querySelector('[data-metric=passed]').textContent,
        total: +c.querySelector('[data-total]').dataset.total + +c.querySelector('[data-total]').dataset.unchecked,
        percent: +c.querySelector('[data-metric=percent]').textContent}))""",
    "heat": """Array.from(document.querySelectorAll('#coverage tr[data-municipality] td[data-rule]')).map(td => ({
        municipality: td.parentElement.dataset.municipality, rule: td.dataset.rule, passed: +td.dataset.passed}))""",
    "bars": "document.querySelectorAll('#by-municipality .bar-row').length",
    "rows": "document.querySelectorAll('tr.school-row').length",
    "cards_shown": "document.querySelectorAll('details.school-card:not(.hidden)').length",
    "open_cards": OPEN_CARDS,
    "shown": "document.getElementById('shown').textContent",
    "evidence_links": "document.querySelectorAll('a.evidence').length",
    "page_height": "document.documentElement.scrollHeight",
}


def test_dashboard_numbers_equal_database(audited_region, browser, tmp_path):
    store = Store(audited_region.db)
    run_id = store.latest_run()
    reports = write_reports(store, run_id, tmp_path / "r", compare=False)
    page = browser.open(reports.dashboard.as_uri(), READ_PAGE, screenshot=tmp_path / "dashboard.png")
    assert page["ready"] == "1"
    schools = store.db.execute("select count(*) from schools where run_id = ? and kind != 'municipality'",
                               [run_id]).fetchone()[0]
    assert page["rows"] == page["cards_shown"] == int(page["shown"]) == schools
    rules = {r for (r,) in store.db.execute("select distinct rule_id from findings where run_id = ?" + SCHOOLS_ONLY,
                                            [run_id])}
    assert {c["rule"] for c in page["cards"]} == rules
    for card in page["cards"]:
        passed, total = sql_passed(store, run_id, card["rule"])
        assert (card["passed"], card["total"]) == (passed, total)
        assert card["percent"] == sql_percent(store, run_id, card["rule"])
    municipalities = {m for (m,) in store.db.execute("select distinct municipality from findings where run_id = ?"
                                                     + SCHOOLS_ONLY, [run_id])}
    assert page["bars"] == len(municipalities)
    assert len(page["heat"]) == len(municipalities) * len(rules)
    for cell in page["heat"]:
        assert cell["passed"] == sql_passed(store, run_id, cell["rule"], cell["municipality"])[0]
    with_url = store.db.execute("select count(*) from findings where run_id = ? and evidence_url like 'http%'"
                                + SCHOOLS_ONLY, [run_id]).fetchone()[0]
    assert page["evidence_links"] == with_url
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000


def test_search_filters_the_school_table(audited_region, browser, tmp_path):
    store = Store(audited_region.db)
    run_id = store.latest_run()
    reports = write_reports(store, run_id, tmp_path / "r", compare=False)
    school_id, = store.db.execute("select school_id from schools where run_id = ? order by school_id desc limit 1",
                                  [run_id]).fetchone()
    page = browser.open(reports.dashboard.as_uri() + f"#q={school_id}", {
        "shown": "document.getElementById('shown').textContent",
        "visible": "Array.from(document.querySelectorAll('tr.school-row:not(.hidden)')).map(r => r.dataset.school)",
        "after_typing": """(() => { const s = document.getElementById('search'); s.value = 'гимназия';
            s.dispatchEvent(new Event('input')); return document.querySelectorAll('tr.school-row:not(.hidden)').length; })()""",
    })
    assert page["visible"] == [school_id] and page["shown"] == "1"
    # SQLite's lower() leaves Cyrillic as it is, so count in Python.
    names = [(n or "") + " " + (s or "") for n, s in store.db.execute(
        "select name, short_name from schools where run_id = ?", [run_id]).fetchall()]
    expected = sum("гимназия" in n.lower() for n in names)
    assert expected and page["after_typing"] == expected


def test_dashboard_shows_changes_and_trend(audited_region, browser, tmp_path):
    store = copy_db(audited_region.db, tmp_path / "e.db")
    first = store.latest_run()
    second = clone_run(store, first)
    school_id = store.db.execute("select school_id from findings where run_id = ? and rule_id = 'doc.regulation' "
                                 "and status = 'fail' limit 1", [second]).fetchone()[0]
    store.db["findings"].update((second, school_id, "doc.regulation"), {"status": "pass"})
    store.db.conn.commit()
    reports = write_reports(store, second, tmp_path / "r")
    page = browser.open(reports.dashboard.as_uri(), {
        "fixed": "document.querySelector('#changes [data-metric=fixed]').textContent",
        "trend_points": "document.querySelectorAll('#trend g[data-rule=\"doc.regulation\"] circle').length",
    })
    assert page == {"fixed": "1", "trend_points": 2}


def test_text_from_the_web_is_shown_not_run(audited_region, browser, tmp_path):
    """A page title / link text carrying markup is displayed as text; `javascript:` is never a link."""
    store = copy_db(audited_region.db, tmp_path / "e.db")
    run_id = store.latest_run()
    school_id, = store.db.execute("select school_id from findings where run_id = ? and rule_id = 'doc.regulation' "
                                  "and status = 'pass' limit 1", [run_id]).fetchone()
    title = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">Положение'
    store.db.execute("update classifications set title = ?, url = 'javascript:window.__pwned=3' "
                     "where run_id = ? and school_id = ?", [title, run_id, school_id])
    store.db.execute("update schools set short_name = ? where run_id = ? and school_id = ?",
                     ['<b onmouseover="window.__pwned=4">Школа</b>', run_id, school_id])
    store.db.conn.commit()
    stages.judge(store, run_id)  # the rules put the document's title into the evidence, as in a real run
    assert title in store.db.execute("select group_concat(evidence_text) from findings where run_id = ? and "
                                     "school_id = ?", [run_id, school_id]).fetchone()[0]
    reports = write_reports(store, run_id, tmp_path / "r", compare=False)
    page = browser.open(reports.dashboard.as_uri(), {
        "opened": OPEN_CARDS,
        "pwned": "typeof window.__pwned",
        "text_shown": f"document.body.innerText.includes({json.dumps(title)})",
        "scripts": "document.querySelectorAll('script:not([type=\"application/json\"])').length",
        "js_links": "document.querySelectorAll('a[href^=\"javascript\"]').length",
        "injected_tags": "document.querySelectorAll('main img, main b, main script').length",
        "ready": "document.documentElement.getAttribute('data-ready')",
    })
    assert page.pop("opened") > 0
    assert page == {"pwned": "undefined", "text_shown": True, "scripts": 1, "js_links": 0, "injected_tags": 0,
                    "ready": "1"}
