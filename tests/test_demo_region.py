"""The demo region: generator determinism, shares, ground truth and the Host-dispatching server."""

from __future__ import annotations

import collections
import csv
import html
import http.client
import json
import socket
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from demo_region.authorities import AUTHORITY_RULE_IDS
from demo_region.generate import generate_region, write_registry
from demo_region.scenarios import RULE_IDS
from demo_region.schools import MUNICIPALITIES, build_schools
from demo_region.server import RegionServer
from eduaudit.municipalities import is_known, municipality_key

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

SEED, N = 6, 30   # a small region that still holds every platform and the redirect/down behaviours


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Path:
    return generate_region(tmp_path_factory.mktemp("region") / "r", seed=SEED, n_schools=N)


@pytest.fixture(scope="module")
def manifest(region) -> dict:
    return json.loads((region / "region.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def server(region):
    with RegionServer(region) as srv:
        yield srv


def get(port: int, host: str, path: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": f"{host}:{port}"})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def schools_where(manifest: dict, **conditions) -> list[dict]:
    return [s for s in manifest["schools"] if all(s[k] == v for k, v in conditions.items())]


# --- generator ----------------------------------------------------------------------------

def test_full_school_list_covers_all_27_municipalities():
    schools = build_schools(66, 340)
    assert len(schools) == 340
    keys = {municipality_key(s.registry_municipality) for s in schools}
    assert len(MUNICIPALITIES) == 27 and len(keys) == 27
    assert all(is_known(s.registry_municipality) for s in schools)
    counts = collections.Counter(s.municipality for s in schools)
    assert counts.most_common(1)[0][0] == "город Смоленск" and 35 <= counts["город Смоленск"] <= 55
    assert min(counts.values()) >= 4
    forms = {s.registry_municipality.split(" ", 1)[1] for s in schools if not s.municipality.startswith("город")}
    assert forms == {"район", "муниципальный округ"}
    assert len({s.inn for s in schools}) == 340 and all(len(s.inn) == 10 and s.inn.startswith("67") for s in schools)


def test_generation_is_deterministic_and_cached(region, tmp_path):
    again = generate_region(tmp_path / "second", seed=SEED, n_schools=N)
    assert (again / "region.json").read_bytes() == (region / "region.json").read_bytes()
    assert (again / "ground_truth.csv").read_bytes() == (region / "ground_truth.csv").read_bytes()
    stamp = (region / "region.json").stat().st_mtime_ns
    assert generate_region(region, seed=SEED, n_schools=N) == region
    assert (region / "region.json").stat().st_mtime_ns == stamp


def test_shares_and_ground_truth(region, manifest):
    schools = manifest["schools"]
    assert len(schools) == N
    platforms = collections.Counter(s["platform"] for s in schools)
    assert platforms["gosweb"] >= N * 0.4
    assert {"gosweb", "schoolru", "ucoz", "wordpress"} <= set(platforms)
    scenarios = collections.Counter(s["scenario"] for s in schools)
    assert scenarios["teacher"] >= N * 0.5
    with open(region / "ground_truth.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    truth = collections.defaultdict(dict)
    for row in rows:
        truth[row["school_id"]][row["rule_id"]] = row["expected_status"]
    assert set(truth) == {s["school_id"] for s in schools + manifest["authorities"]}
    for s in schools:
        t = truth[s["school_id"]]
        assert set(t) == set(RULE_IDS)
        if s["behaviour"] in ("down", "error5xx"):
            assert t["site.reachable"] == "fail" and {t[r] for r in RULE_IDS[1:]} == {"error"}
            continue
        kinds = {d["kind"] for d in s["documents"]}
        annexed = any(d["with_regulation_annex"] for d in s["documents"])
        own = bool(kinds & {"teacher_regulation", "mixed_regulation"}) or annexed
        assert t["doc.regulation"] == ("pass" if own else "warn" if "student_regulation" in kinds else "fail")
        assert (t["doc.program"] == "pass") == ("personal_program" in kinds)
        assert (t["section.mentoring"] == "pass") == bool(s["mentoring_page_url"])
        assert (t["section.documents"] == "pass") == s["has_sveden"]
        ordinary = [d for d in s["documents"] if not d["mentoring"]]
        assert 5 <= len(ordinary) <= 12 and any(d["kind"] == "charter" for d in ordinary)
        # a real school site: years of news make up most of it
        assert 40 <= s["pages"] <= 500


def test_every_route_has_its_file_and_every_document_is_linked(region, manifest):
    for host_dir in (region / "sites").iterdir():
        routes = json.loads((host_dir / "routes.json").read_text(encoding="utf-8"))["routes"]
        for key, route in routes.items():
            assert key.startswith("/")
            assert (host_dir / route["file"]).is_file(), (host_dir.name, key)
    for s in manifest["schools"]:
        for d in s["documents"]:
            routes = json.loads((region / "sites" / s["content_host"] / "routes.json").read_text("utf-8"))["routes"]
            page = (region / "sites" / s["content_host"] / routes[d["page"]]["file"]).read_bytes()
            text = page.decode("cp1251" if "1251" in routes[d["page"]]["type"] else "utf-8")
            forms = {html.escape(d["url"]), quote(d["url"], safe=""), d["url"].replace("download", "card")}
            if d["host"] != s["content_host"]:
                absolute = f'http://{d["host"]}:{{{{PORT}}}}{d["url"]}'
                # as it is, or inside a viewer's query (Yandex's, Google's, Office Online)
                forms = {absolute, quote(absolute, safe="{}")}
            assert any(f in text for f in forms), (s["school_id"], d["doc_id"], d["url"])


def test_registry_csv(region, manifest, tmp_path):
    path = tmp_path / "registry.csv"
    write_registry(region, 8123, path)
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["school_id", "name", "short_name", "municipality", "inn", "kind", "url"]
    assert len(rows) == N + len(manifest["authorities"])
    assert [r["kind"] for r in rows[N:]] == ["municipality"] * len(manifest["authorities"])
    assert all(r["url"].startswith("http://") and r["url"].endswith(".test:8123/") for r in rows)


def test_authorities_of_every_municipality_with_their_ground_truth(region, manifest):
    authorities = manifest["authorities"]
    assert len(authorities) == 27 and len({a["municipality"] for a in authorities}) == 27
    assert {a["school_id"] for a in authorities}.isdisjoint({s["school_id"] for s in manifest["schools"]})
    with open(region / "ground_truth.csv", encoding="utf-8") as fh:
        truth = collections.defaultdict(dict)
        for row in csv.DictReader(fh):
            truth[row["school_id"]][row["rule_id"]] = row["expected_status"]
    for a in authorities:
        t = truth[a["school_id"]]
        assert set(t) == set(AUTHORITY_RULE_IDS)
        if a["behaviour"] != "ok":
            continue
        kinds = {d["kind"] for d in a["documents"]}
        assert (t["mun.regulation"] == "pass") == ("municipal_regulation" in kinds)
        assert (t["mun.plan"] == "pass") == ("municipal_plan" in kinds)
        assert (t["section.mentoring"] == "pass") == bool(a["mentoring_page_url"])
        assert manifest["hosts"][a["host"]]["school_id"] == a["school_id"]
    statuses = {truth[a["school_id"]]["mun.coordinator"] for a in authorities}
    assert {"pass", "warn"} <= statuses
    assert any(t["mun.regulation"] == "fail" for t in map(truth.get, (a["school_id"] for a in authorities)))


# --- server -------------------------------------------------------------------------------

def test_gosweb_page_by_host_header(server, manifest):
    s = schools_where(manifest, platform="gosweb", behaviour="ok")[0]
    status, headers, body = get(server.port, s["host"], "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    text = body.decode("utf-8")
    assert "Сведения об образовательной организации" in text and s["short_name"] in html.unescape(text)
    status, headers, _ = get(server.port, s["host"], "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty")
    assert status == 301 and headers["location"].endswith("/dokumenty/")
    status, _, body = get(server.port, s["host"], "/no/such/page/")
    assert status == 404 and "не найдена" in body.decode("utf-8")
    assert get(server.port, "unknown-school.test", "/")[0] == 404


def test_ucoz_page_is_windows_1251(server, manifest):
    s = schools_where(manifest, platform="ucoz", behaviour="ok")[0]
    status, headers, body = get(server.port, s["host"], "/")
    assert status == 200 and "charset=windows-1251" in headers["content-type"]
    assert b"charset=windows-1251" in body
    assert s["short_name"] in html.unescape(body.decode("cp1251"))
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_schoolru_card_and_download(server, manifest):
    s = schools_where(manifest, platform="schoolru", behaviour="ok")[0]
    doc = next(d for d in s["documents"] if d["url"].startswith("/file/download?id=") and d["fmt"] != "doc")
    status, headers, body = get(server.port, s["host"], doc["url"])
    assert status == 200 and "attachment" in headers["content-disposition"]
    assert headers["content-type"] != "text/html" and len(body) > 200
    status, _, card = get(server.port, s["host"], doc["url"].replace("download", "card"))
    assert status == 200 and html.escape(doc["url"]) in card.decode("utf-8")
    status, _, sveden = get(server.port, s["host"], "/sveden/document")
    assert status == 200 and b'itemprop="ustavDocLink"' in sveden


def test_robots_txt(server, region, manifest):
    served = 0
    for s in manifest["schools"]:
        if s["behaviour"] != "ok":
            continue
        routes = json.loads((region / "sites" / s["host"] / "routes.json").read_text("utf-8"))["routes"]
        status, _, body = get(server.port, s["host"], "/robots.txt")
        if "/robots.txt" in routes:
            assert status == 200 and body.startswith(b"User-agent:")
            served += 1
        else:
            assert status == 404
    assert served >= N // 2


def test_redirect_to_new_host(server, manifest):
    s = schools_where(manifest, behaviour="redirect")[0]
    assert s["content_host"] != s["host"] and s["content_host"].endswith(".gosweb.gosuslugi.test")
    status, headers, _ = get(server.port, s["host"], "/nasha-shkola/")
    assert status == 301
    assert headers["location"] == f"http://{s['content_host']}:{server.port}/nasha-shkola/"
    assert get(server.port, s["content_host"], "/nasha-shkola/")[0] == 200


def test_down_and_error_hosts(server, manifest):
    down = schools_where(manifest, behaviour="down")[0]
    with pytest.raises((ConnectionError, http.client.RemoteDisconnected, socket.error)):
        get(server.port, down["host"], "/")
    for s in schools_where(manifest, behaviour="error5xx"):
        assert get(server.port, s["host"], "/")[0] in (500, 503)


def test_port_placeholder_replaced(server, region, manifest):
    hits = 0
    for s in manifest["schools"]:
        if s["behaviour"] not in ("ok", "redirect"):
            continue
        routes = json.loads((region / "sites" / s["content_host"] / "routes.json").read_text("utf-8"))["routes"]
        for path, route in routes.items():
            if route["type"].startswith("text/html") and b"{{PORT}}" in (
                    region / "sites" / s["content_host"] / route["file"]).read_bytes():
                status, _, body = get(server.port, s["content_host"], path)
                assert status == 200 and b"{{PORT}}" not in body
                assert f":{server.port}".encode() in body or f"%3A{server.port}".encode() in body
                hits += 1
                break
    assert hits >= 1


def test_hundred_concurrent_requests(server, manifest):
    hosts = [s["content_host"] for s in manifest["schools"] if s["behaviour"] == "ok"]
    results: list[int] = []

    def worker(i: int) -> None:
        results.append(get(server.port, hosts[i % len(hosts)], "/", timeout=30)[0])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(200) == 100
