"""index.html in a real headless Chromium: it renders, its numbers equal the database, web text is inert."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
import time
from pathlib import Path

import aiohttp
import pytest

from eduaudit import stages
from eduaudit.reports.build import write_reports
from eduaudit.store import Store
from tests.test_reports_outputs import SCHOOLS_ONLY, clone_run, copy_db, sql_passed, sql_percent

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
# No skip when it is missing: scripts/setup.sh installs Debian's chromium, and a
# dashboard nobody rendered is not tested.


class Chromium:
    """One headless Chromium for the module, driven over the DevTools protocol on loopback."""

    def __init__(self, profile: Path):
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,1600", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("chromium did not start")
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def open(self, url: str, expressions: dict[str, str], screenshot: Path | None = None, *,
             width: int | None = None, media: str | None = None) -> dict:
        """Load the page in a fresh tab, evaluate the expressions (promises are awaited), optionally save a
        screenshot; `width` sets the window's width in CSS pixels, `media` emulates e.g. print."""
        return asyncio.run(self._open(url, expressions, screenshot, width, media))

    async def _open(self, url, expressions, screenshot, width=None, media=None):
        async with aiohttp.ClientSession() as http:
            async with http.put(f"http://127.0.0.1:{self.port}/json/new?about:blank") as response:
                target = await response.json()
            try:
                async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    session = _Session(ws)
                    await session.call("Page.enable")
                    if width:
                        await session.call("Emulation.setDeviceMetricsOverride", {
                            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                    if media:
                        await session.call("Emulation.setEmulatedMedia", {"media": media})
                    await session.call("Page.navigate", {"url": url})
                    await session.wait_event("Page.loadEventFired")
                    results = {}
                    for name, expression in expressions.items():
                        reply = await session.call("Runtime.evaluate", {"expression": expression,
                                                                        "returnByValue": True,
                                                                        "awaitPromise": True})
                        if "exceptionDetails" in reply:
                            raise AssertionError(f"{name}: {reply['exceptionDetails']}")
                        results[name] = reply["result"].get("value")
                    if screenshot is not None:
                        shot = await session.call("Page.captureScreenshot", {"format": "png"})
                        screenshot.write_bytes(base64.b64decode(shot["data"]))
                    return results
            finally:
                async with http.get(f"http://127.0.0.1:{self.port}/json/close/{target['id']}"):
                    pass


class _Session:
    def __init__(self, ws):
        self.ws, self.next_id, self.events = ws, 0, []

    async def call(self, method, params=None):
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params or {}})
        while True:
            message = json.loads((await asyncio.wait_for(self.ws.receive(), 60)).data)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message.get("method"))

    async def wait_event(self, name):
        while name not in self.events:
            message = json.loads((await asyncio.wait_for(self.ws.receive(), 60)).data)
            self.events.append(message.get("method"))


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


# Opens every school card and resolves once each has its table (built by the page's script on «toggle»).
OPEN_CARDS = """(async () => {
    const cards = Array.from(document.querySelectorAll('details.school-card'));
    cards.forEach(c => { c.open = true; });
    while (!cards.every(c => c.querySelector('table'))) { await new Promise(r => setTimeout(r, 10)); }
    return cards.length; })()"""

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
