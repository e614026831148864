"""index.html fits the screen: rendered in headless Chromium at 1280 and 400 px, drilled down, filtered, printed."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from audit_rules.base import PASS
from eduaudit.reports.build import write_reports
from eduaudit.reports.copies import PAGE_POLICY
from eduaudit.reports.dashboard import render_dashboard
from eduaudit.reports.data import load_run, trend
from eduaudit.store import Store
from tests.helpers.chromium import OPEN_CARDS

ROOT = Path(__file__).resolve().parent.parent

MAX_BYTES = 1_500_000

# Everything that sticks out of the window or out of its table cell, and every word drawn on two lines.
LAYOUT = """(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (!box.width) continue;
    if (box.right > width + 1 || box.left < -1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(box.right));
    if ((el.tagName === 'TD' || el.tagName === 'TH') && el.scrollWidth > el.clientWidth + 1) out.push('cell ' + el.textContent.slice(0, 40));
  }
  const broken = [];
  const names = '#school-table td, #coverage td, #coverage th, .school-card summary, #cards td:first-child, h1, h2, '
    + '.hbar-label';
  for (const el of document.querySelectorAll(names)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-–—\\u00a0\\/]+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return {page: document.documentElement.scrollWidth - width, overflowing: out.slice(0, 20), broken: broken.slice(0, 20)};
})()"""


@pytest.fixture(scope="module")
def reports(audited_region, tmp_path_factory):
    store = Store(audited_region.db)
    out = write_reports(store, store.latest_run(), tmp_path_factory.mktemp("layout"), compare=False)
    return store, out, load_run(store, store.latest_run())


@pytest.mark.parametrize("width", [1280, 400])
def test_nothing_overflows_and_no_word_breaks(reports, browser, tmp_path, width):
    _, out, _ = reports
    shot = tmp_path / f"dashboard-{width}.png"
    closed = browser.open(out.dashboard.as_uri(), {"layout": LAYOUT}, screenshot=shot, width=width)
    opened = browser.open(out.dashboard.as_uri(), {"cards": OPEN_CARDS, "layout": LAYOUT}, width=width)
    for page in (closed["layout"], opened["layout"]):
        assert page == {"page": 0, "overflowing": [], "broken": []}
    assert opened["cards"] > 0
    if os.environ.get("EDUAUDIT_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / f"dashboard-{width}.png")


def test_cards_are_closed_and_link_the_stored_copy(reports, browser):
    store, out, data = reports
    page = browser.open(out.dashboard.as_uri(), {
        "open_at_start": "document.querySelectorAll('details.school-card[open]').length",
        "tables_at_start": "document.querySelectorAll('#cards table').length",
        "cards": OPEN_CARDS,
        "copies": """Array.from(document.querySelectorAll('a.copy')).map(a => ({
            copy: a.getAttribute('href'), live: a.parentElement.querySelector('a.evidence').href,
            school: a.closest('details').dataset.school}))""",
    })
    assert page["open_at_start"] == 0 and page["tables_at_start"] == 0 and page["cards"] == data.school_count()
    assert page["copies"]
    documents = 0
    for link in page["copies"]:
        copy = (out.out_dir / link["copy"]).read_bytes()
        row = next(store.db.query("select sha256 from documents where run_id = ? and school_id = ? and url = ?",
                                  [data.run_id, link["school"], link["live"]]), None)
        if row is not None:
            documents += 1
            assert copy == store.read_blob(row["sha256"])
        else:
            page_row = next(store.db.query("select sha256 from pages where run_id = ? and school_id = ? and url = ?",
                                           [data.run_id, link["school"], link["live"]]))
            assert copy == PAGE_POLICY + store.read_blob(page_row["sha256"])
    assert documents


def test_drill_down_from_a_municipality_to_its_schools(reports, browser):
    _, out, data = reports
    municipality = max(data.municipalities, key=data.school_count)
    page = browser.open(out.dashboard.as_uri(), {
        "clicked": f"""(() => {{ document.querySelector('#coverage [data-drill="{municipality}"]').click();
            return true; }})()""",
        "visible": """Array.from(document.querySelectorAll('tr.school-row:not(.hidden)'))
            .map(r => r.dataset.municipality)""",
        "cards": "document.querySelectorAll('details.school-card:not(.hidden)').length",
        "shown": "document.getElementById('shown').textContent",
        "selected": "document.getElementById('municipality').value",
    }, width=400)
    count = data.school_count(municipality)
    assert count > 1 and page["visible"] == [municipality] * count
    assert page["cards"] == count and page["shown"] == str(count) and page["selected"] == municipality


def test_filter_by_missing_document(reports, browser):
    _, out, data = reports
    page = browser.open(out.dashboard.as_uri(), {
        "visible": """(() => { const s = document.getElementById('missing'); s.value = 'doc.regulation';
            s.dispatchEvent(new Event('change'));
            return Array.from(document.querySelectorAll('tr.school-row:not(.hidden)'))
                .map(r => r.dataset.school); })()""",
    })
    lacking = [s["school_id"] for s in data.school_rows() if s["findings"]["doc.regulation"]["status"] != PASS]
    assert lacking and len(lacking) < data.school_count() and page["visible"] == lacking


def test_print_stylesheet(reports, browser):
    _, out, _ = reports
    page = browser.open(out.dashboard.as_uri(), {
        "controls": "getComputedStyle(document.querySelector('.controls')).display",
        "cards": "getComputedStyle(document.getElementById('cards')).display",
        "table": "getComputedStyle(document.getElementById('school-table')).display",
        "layout": LAYOUT,
    }, width=1047, media="print")  # A4 landscape less 10 mm margins, at 96 dpi
    assert page["controls"] == "none" and page["cards"] == "none" and page["table"] == "table"
    assert page["layout"] == {"page": 0, "overflowing": [], "broken": []}


def test_page_for_340_schools_is_under_the_limit(reports):
    """The test region's schools (and their signals), repeated under new codes up to 340, with a stored copy
    for every piece of evidence, rendered as the real page is."""
    store, _, data = reports
    findings, signals = [], []
    while sum(len(f["school_id"].unique()) for f in findings) < 340:
        suffix = f"-{len(findings)}"
        findings.append(data.findings.assign(school_id=data.findings["school_id"] + suffix))
        if len(data.signals):
            signals.append(data.signals.assign(school_id=data.signals["school_id"] + suffix))
    big = replace(data, findings=pd.concat(findings, ignore_index=True),
                  signals=pd.concat(signals, ignore_index=True) if signals else data.signals)
    assert big.school_count() >= 340
    copies = {(r.school_id, r.evidence_url): "copies/0123456789abcdef.pdf" for r in big.findings.itertuples()}
    html = render_dashboard(big, trend(store), copies=copies)
    assert len(html.encode("utf-8")) < MAX_BYTES
