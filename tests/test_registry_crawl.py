"""The registry check in front of a real crawl: alternates, rows without an address, kinds, the demo region."""

from __future__ import annotations

import json
import sqlite3

import pytest

from demo_region.server import RegionServer
from tests.helpers.registry_files import table, write_xlsx
from tests.helpers.sitekit import LoopbackSites, run_crawl

HOME = "<html><head><title>Школа</title></head><body><h1>МБОУ «Школа № 1»</h1></body></html>"


def rows(db, sql, *args):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, args)]


@pytest.mark.e2e
def test_alternate_address_no_address_and_excluded_kinds(tmp_path):
    with LoopbackSites({"new-school1.test": {"/": HOME}, "school2.test": {"/": HOME}}) as sites:
        # gone-school1.test is not served: its home page is a 404, so the next address is tried.
        registry = write_xlsx(tmp_path / "реестр.xlsx", table([
            [1, "МБОУ «Школа № 1»", "", "Велижский район",
             f"{sites.url('gone-school1.test')}, {sites.url('new-school1.test')}", 6722000001],
            [2, "МБОУ «Школа № 2»", "", "Велижский район", sites.url("school2.test").removeprefix("http://"), None],
            [3, "МБОУ «Школа № 3»", "", "Велижский район", "нет", 6722000003],
            [4, "МБДОУ «Детский сад № 4»", "", "Велижский район", sites.url("school2.test"), None],
        ]))
        proc = run_crawl(registry, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "детские сады" in proc.stderr and "не проверяются" in proc.stderr
    db = tmp_path / "eduaudit.db"
    schools = {r["name"]: r for r in rows(db, "select * from schools")}
    assert set(schools) == {"МБОУ «Школа № 1»", "МБОУ «Школа № 2»", "МБОУ «Школа № 3»"}
    assert json.loads(schools["МБОУ «Школа № 1»"]["alternates"]) == [sites.url("new-school1.test")]
    sites_rows = {r["school_id"]: r for r in rows(db, "select * from sites")}
    first = sites_rows["inn-6722000001"]
    assert first["reachable"] == 1 and first["start_url"] == sites.url("new-school1.test")
    assert ("gone-school1.test", "/") in sites.requests
    reachable = {r["school_id"]: r for r in rows(db, "select * from findings where rule_id = 'site.reachable'")}
    assert reachable["inn-6722000001"]["status"] == "pass"
    assert reachable[schools["МБОУ «Школа № 2»"]["school_id"]]["status"] == "pass"
    assert reachable["inn-6722000003"]["status"] == "error"
    assert reachable["inn-6722000003"]["evidence_text"] == "адрес сайта не указан в реестре"
    # Every rule of the school pack still gives the school without an address a verdict.
    verdicts = rows(db, "select status from findings where school_id = 'inn-6722000003'")
    assert len(verdicts) == len(rows(db, "select status from findings where school_id = 'inn-6722000001'"))
    assert {v["status"] for v in verdicts} == {"error"}


def messy_demo_registry(region, port, path):
    """The demo region's registry as an operator would keep it: no ids, no kinds, hand-typed addresses."""
    data = json.loads((region / "region.json").read_text(encoding="utf-8"))
    out = []
    for i, s in enumerate(data["schools"] + data.get("authorities", [])):
        address = f"{s['host']}:{port}/"
        if s["host"].startswith("."):
            written = f"http://{address}"             # not a domain name a person would type without a scheme
        else:
            written = [address, f"http//{address}", f"сайт: {address}",
                       f"http://{address}, http://{address}old/"][i % 4]
        out.append([i + 1, s["name"], s["short_name"], s["registry_municipality"], written, int(s["inn"])])
        if i == 5:
            out.append(None)
    out.append(["Итого", None, None, None, None, len(out)])
    return write_xlsx(path, table(out))


@pytest.mark.e2e
def test_messy_spreadsheet_of_the_demo_region_gives_the_clean_verdicts(audited_region, tmp_path):
    with RegionServer(audited_region.region) as server:
        registry = messy_demo_registry(audited_region.region, server.port, tmp_path / "реестр.xlsx")
        proc = run_crawl(registry, tmp_path / "out", timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Исправления адресов" in proc.stderr

    def verdicts(db):
        return {(r["inn"], r["rule_id"]): r["status"] for r in rows(
            db, "select s.inn, f.rule_id, f.status from findings f join schools s "
                "on s.run_id = f.run_id and s.school_id = f.school_id")}

    clean, messy = verdicts(audited_region.db), verdicts(tmp_path / "out" / "eduaudit.db")
    assert len(clean) > 300
    assert messy == clean
