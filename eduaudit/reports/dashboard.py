"""index.html: a self-contained static dashboard (no network: inline CSS, JS and SVG).

Everything from the web (titles, link texts, URLs, quotes) goes through
Jinja2's autoescaping, and links are only made from http(s) URLs. The school
cards are closed <details>; their tables are built by the page's script from a
JSON block when a card is opened (as text nodes, never markup), which keeps the
page for 340 schools under 1.5 MB. Tables turn into blocks on narrow screens.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from audit_rules.base import PASS, STATUS_RU
from eduaudit.diff import RunDiff
from eduaudit.reports.copies import FOLDER
from eduaudit.reports.data import ERROR_WHAT_TO_DO, RunData, safe_url
from eduaudit.reports.figures import percent
from eduaudit.reports.russian import moscow_time, plain
from eduaudit.reports.summary import KEY_RULE, lagging

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, PLOT_WIDTH = 18, 6, 230, 380
TREND_WIDTH, TREND_HEIGHT, TREND_PAD = 640, 220, 40
# Column headings of the summary table: one or two words, so that eleven rules fit a laptop's screen.
SHORT_TITLES = {
    "site.reachable": "Сайт", "section.documents": "«Документы»", "section.mentoring": "Страница",
    "doc.regulation": "Положение", "doc.roadmap": "Дорожная карта", "doc.order": "Приказ",
    "doc.program": "Программы", "site.moved": "Адрес", "doc.freshness": "Актуальность",
    "doc.readable": "Текст", "doc.signed": "Подписи", "mun.regulation": "Положение МО",
    "mun.plan": "План МО", "mun.coordinator": "Координатор",
}
TREND_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"]


_BETWEEN_TAGS = re.compile(r">\s*\n\s*")
_INDENT = re.compile(r"\n[ \t]+")


def compact(html: str) -> str:
    """The page without the template's indentation; nothing in it is pre-formatted, so it renders the same."""
    return _INDENT.sub("\n", _BETWEEN_TAGS.sub(">\n", html))


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("eduaudit.reports", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["moscow"] = moscow_time
    env.filters["plain"] = plain
    # Cyrillic as it is (a sixth of the size of \uXXXX); «<», «>», «&» and «'» are still escaped by tojson.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    env.filters["pct"] = lambda value: "—" if value is None else f"{value}"
    return env


def bar_chart(data: RunData, rule_id: str) -> dict:
    """Geometry of a horizontal bar chart of the rule's share per municipality."""
    bars = []
    for i, municipality in enumerate(data.municipalities):
        share = data.share(rule_id, municipality)
        y = i * (BAR_HEIGHT + BAR_GAP)
        bars.append({"label": municipality, "y": y, "text_y": y + BAR_HEIGHT - 4,
                     "width": round(PLOT_WIDTH * (share.percent or 0) / 100, 1), "percent": share.percent,
                     "passed": share.passed, "total": share.total})
    region = data.share(rule_id).percent or 0
    height = len(bars) * (BAR_HEIGHT + BAR_GAP)
    return {"bars": bars, "height": height + 20, "label_width": LABEL_WIDTH, "plot_width": PLOT_WIDTH,
            "bar_height": BAR_HEIGHT, "region_x": LABEL_WIDTH + round(PLOT_WIDTH * region / 100, 1),
            "region": region, "axis_y": height + 14}


def trend_chart(trend: list[dict], rules: list) -> dict:
    """Lines of each rule's share across runs (x: run order, y: %)."""
    n = len(trend)
    inner_w, inner_h = TREND_WIDTH - 2 * TREND_PAD, TREND_HEIGHT - 2 * TREND_PAD
    xs = [TREND_PAD + (inner_w * i / (n - 1) if n > 1 else inner_w / 2) for i in range(n)]
    series = []
    for k, rule in enumerate(rules):
        points = []
        for x, run in zip(xs, trend):
            if rule.id not in run["passed"] or not run["schools"]:
                continue
            share = percent(run["passed"][rule.id], run["checked"].get(rule.id, run["schools"]))
            if share is None:
                continue
            points.append({"x": round(x, 1), "y": round(TREND_PAD + inner_h * (1 - share / 100), 1),
                           "percent": share, "run_id": run["run_id"]})
        series.append({"rule_id": rule.id, "title": rule.title, "colour": TREND_COLOURS[k % len(TREND_COLOURS)],
                       "points": points, "path": " ".join(f"{p['x']},{p['y']}" for p in points)})
    ticks = [{"y": round(TREND_PAD + inner_h * (1 - v / 100), 1), "value": v} for v in (0, 25, 50, 75, 100)]
    labels = [{"x": round(x, 1), "run_id": run["run_id"], "date": (run["at"] or "")[:10]} for x, run in zip(xs, trend)]
    return {"width": TREND_WIDTH, "height": TREND_HEIGHT, "series": series, "ticks": ticks, "labels": labels,
            "pad": TREND_PAD, "right": TREND_WIDTH - TREND_PAD, "runs": n}


def heat_colour(value: float | None) -> str:
    """Red (0 %) → yellow (50 %) → green (100 %), as in the workbook; grey when nothing was checked."""
    if value is None:
        return "#d9d9d9"
    p = max(0.0, min(100.0, value)) / 100
    if p < 0.5:
        a, b, t = (248, 105, 107), (255, 235, 132), p / 0.5
    else:
        a, b, t = (255, 235, 132), (99, 190, 123), (p - 0.5) / 0.5
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


QUOTE_LENGTH = 160


def short_quote(text: str) -> str:
    """A card shows the start of the quote; the gap files and svod.xlsx hold it whole."""
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rstrip() + "…"


def card_data(data: RunData, schools: list[dict], copies: dict[tuple[str, str], str]) -> dict:
    """What the school cards show, as compact lists the page's script turns into tables when a card is opened.

    Per finding: [rule index, status, live URL (safe; relative to the school's site when on it), its text when it
    is not a web address, stored copy's file name, index of the quote in "q" (quotes repeat: «Сайт открылся.»),
    loaded at (МСК) when it differs from the row above]. Texts from the web are data here and become text
    nodes, never markup.
    """
    index = {r.id: i for i, r in enumerate(data.rules)}
    quotes: dict[str, int] = {}
    out = {}
    for school in schools:
        site = safe_url(school["url"])
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(site)) if site else ""
        rows, last = [], ""
        for rule in data.rules:
            f = school["findings"].get(rule.id)
            if f is None:
                continue
            url = f["safe_evidence_url"]
            if origin and url.startswith(origin + "/"):
                url = url[len(origin):]
            copy = copies.get((school["school_id"], f["evidence_url"]), "")
            when = moscow_time(f["fetched_at"])
            rows.append([index[rule.id], f["status"], url, "" if f["safe_evidence_url"] else f["evidence_url"],
                         copy.removeprefix(FOLDER + "/"),
                         quotes.setdefault(short_quote(plain(f["evidence_text"])), len(quotes)),
                         "" if when == last else when])
            last = when or last
        out[school["school_id"]] = {"o": origin, "u": school["url"], "f": rows}
    return {"rules": [[r.id, r.title, r.what_to_do] for r in data.rules], "statuses": STATUS_RU,
            "error_todo": ERROR_WHAT_TO_DO, "copies": FOLDER + "/", "q": list(quotes), "schools": out}


def render_dashboard(data: RunData, trend: list[dict], diff: RunDiff | None = None,
                     copies: dict[tuple[str, str], str] | None = None) -> str:
    """The page; `copies` maps (school_id, evidence_url) to the stored copy beside it (reports.copies)."""
    env = _environment()
    key_rule = KEY_RULE if KEY_RULE in data.rule_by_id else (data.rules[0].id if data.rules else "")
    heat = []
    for municipality in data.municipalities:
        cells = [{"rule_id": s.rule_id, "passed": s.passed, "total": s.total, "percent": s.percent,
                  "colour": heat_colour(s.percent)} for s in data.shares(municipality)]
        heat.append({"municipality": municipality, "schools": data.school_count(municipality), "cells": cells,
                     "unchecked": data.unchecked_count(municipality)})
    region_cells = [{"rule_id": s.rule_id, "passed": s.passed, "total": s.total, "percent": s.percent,
                     "colour": heat_colour(s.percent)} for s in data.shares()]
    schools = data.school_rows()
    for school in schools:
        school["gaps"] = [f for f in school["findings"].values() if f["status"] != PASS]
        school["passed"] = len(school["findings"]) - len(school["gaps"])
    short = {r.id: SHORT_TITLES.get(r.id, r.title) for r in data.rules + data.authority_rules}
    names = {s["school_id"]: s["short_name"] for s in schools}
    return compact(env.get_template("dashboard.html").render(
        data=data, run=data.run, rules=data.rules, shares=data.shares(), schools=schools,
        school_total=data.school_count(), unchecked_total=data.unchecked_count(), heat=heat, region_cells=region_cells,
        key_rule=data.rule_by_id.get(key_rule), chart=bar_chart(data, key_rule) if key_rule else None,
        trend=trend_chart(trend, data.rules), diff=diff, diff_counts=diff.counts() if diff else None,
        alerted=diff.alerted() if diff else {}, names=names, lagging=lagging(data),
        status_counts=data.status_counts(), authorities=data.authority_rows(),
        authority_rules=data.authority_rules, signals=data.signal_rows(), short=short,
        cards=card_data(data, schools, copies or {})))


def write_dashboard(data: RunData, path: str | Path, trend: list[dict], diff: RunDiff | None = None,
                    copies: dict[tuple[str, str], str] | None = None) -> Path:
    path = Path(path)
    path.write_text(render_dashboard(data, trend, diff, copies), encoding="utf-8")
    return path
