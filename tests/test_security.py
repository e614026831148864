"""The tool cannot be turned against its own machine or its readers.

- links and redirects from a school site never reach a private, loopback or
  link-local address (only registry hosts and --resolve mappings may live there);
- markup from the web (page titles, link texts, file names) arrives in the HTML
  report as text, from a real crawl (the dashboard test injects it into the
  database instead and checks the browser's view);
- file names from the web never become paths: blobs are named by content;
- servers the tool starts listen on loopback only.
"""

from __future__ import annotations

import hashlib
import html
import re
import sqlite3
from pathlib import Path

import pytest

from crawler.diagnosis import PRIVATE_ADDRESS
from crawler.middlewares import forbidden_address
from eduaudit.reports.build import write_reports
from eduaudit.store import Store
from tests.helpers.docmaker import TEACHER_REGULATION, text_pdf
from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, write_registry

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

HOSTILE = "<script>alert('eduaudit')</script>"
# As a page carries it: entities in the HTML source, a literal <script> once parsed.
IN_SOURCE = html.escape(HOSTILE)


@pytest.mark.parametrize("address, forbidden", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("10.0.0.1", True), ("172.16.5.4", True),
    ("192.168.1.1", True), ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True),
    ("::1", True), ("fe80::1", True), ("fd00::1", True), ("::ffff:10.0.0.1", True), ("[::1]", True),
    ("224.0.0.1", True), ("93.158.134.3", False), ("2a02:6b8::2:242", False), ("school.test", False),
])
def test_forbidden_addresses(address, forbidden):
    assert forbidden_address(address) is forbidden


def test_links_and_redirects_never_reach_private_addresses(tmp_path):
    pdf = text_pdf(TEACHER_REGULATION)
    sites_spec = {
        # A public-looking school whose document list points into private networks.
        "school-a.test": {
            "/": "<html><head><title>Школа А</title></head><body><a href='/nastavnichestvo/'>Наставничество</a>"
                 "</body></html>",
            "/nastavnichestvo/": "<html><body><h1>Наставничество</h1>"
                                 "<a href='/files/polozhenie.pdf'>Положение о системе наставничества</a>"
                                 "<a href='http://10.0.0.1/files/nastavnichestvo.pdf'>Наставничество: план</a>"
                                 "<a href='http://169.254.169.254/latest/meta-data/nastavnik.pdf'>Наставник</a>"
                                 "<a href='http://127.0.0.1:{port}/files/nastavnichestvo-sekret.pdf'>"
                                 "Наставничество (архив)</a>"
                                 "<a href='http://localhost:{port}/files/nastavnichestvo-local.pdf'>"
                                 "Наставничество (копия)</a></body></html>",
            "/files/polozhenie.pdf": Resource(pdf, "application/pdf"),
        },
        # A school whose home page redirects to the machine the crawler runs on.
        "school-b.test": {"/": Resource("", status=302, headers={"Location": "http://127.0.0.1:{port}/admin"})},
    }
    with LoopbackSites(sites_spec) as sites:
        for pages in sites.sites.values():
            for resource in pages.values():
                if isinstance(resource.body, str):
                    resource.body = resource.body.replace("{port}", str(sites.port))
                if "Location" in resource.headers:
                    resource.headers["Location"] = resource.headers["Location"].replace("{port}", str(sites.port))
        registry = tmp_path / "registry.csv"
        write_registry(registry, sites, {"a": "school-a.test", "b": "school-b.test"})
        proc = run_crawl(registry, tmp_path / "out", "--quiet", timeout=120)
        reached = {host for host, _ in sites.requests}
    assert proc.returncode == 0, proc.stderr[-2000:]
    # Nothing was asked of loopback under its own name. 10.0.0.1 and 169.254.169.254 were not
    # even tried: the crawl runs under the tests' loopback-only net (tests/conftest.py), which
    # refuses such a connection before it is made and fails this test if one is attempted.
    assert reached == {"school-a.test", "school-b.test"}
    with sqlite3.connect(tmp_path / "out" / "eduaudit.db") as conn:
        documents = dict(conn.execute("select url, coalesce(error, '') from documents where school_id = 'a'"))
        site_b = conn.execute("select reachable, error from sites where school_id = 'b'").fetchone()
    blocked = [u for u in documents if "polozhenie.pdf" not in u]
    assert len(blocked) == 4
    for url in blocked:
        assert documents[url].startswith(PRIVATE_ADDRESS), (url, documents[url])
    assert documents[next(u for u in documents if "polozhenie.pdf" in u)] == ""
    assert site_b[0] == 0 and site_b[1].startswith(PRIVATE_ADDRESS) and "127.0.0.1" in site_b[1]


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    """A school whose page titles, link texts and file names carry markup and path tricks."""
    tmp = tmp_path_factory.mktemp("hostile")
    pdf = text_pdf(TEACHER_REGULATION)
    site = {
        "/": f"<html><head><title>Школа {IN_SOURCE}</title></head><body>"
             f"<a href='/nastavnichestvo/'>Наставничество {IN_SOURCE}</a></body></html>",
        "/nastavnichestvo/": f"<html><head><title>Наставничество {IN_SOURCE}</title></head><body>"
                             f"<h1>Наставничество {IN_SOURCE}</h1>"
                             f"<a href='/files/polozhenie.pdf'>Положение о наставничестве {IN_SOURCE}</a>"
                             f"<a href='/files/..%2F..%2F..%2Fnastavnichestvo-evil.pdf'>Наставничество: приказ</a>"
                             f"</body></html>",
        "/files/polozhenie.pdf": Resource(pdf, "application/pdf", headers={
            "Content-Disposition": 'attachment; filename="../../../../eduaudit-evil-<script>.pdf"'}),
        "/files/..%2F..%2F..%2Fnastavnichestvo-evil.pdf": Resource(pdf + b"\n%evil", "application/pdf"),
    }
    with LoopbackSites({"hostile.test": site}) as sites:
        registry = tmp / "registry.csv"
        write_registry(registry, sites, {"h": "hostile.test"})
        proc = run_crawl(registry, tmp / "out", "--quiet", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return tmp / "out"


def test_markup_from_the_web_is_escaped_in_the_html_report(hostile_crawl, tmp_path):
    store = Store(hostile_crawl / "eduaudit.db")
    with sqlite3.connect(hostile_crawl / "eduaudit.db") as conn:
        stored = " ".join(r[0] or "" for r in conn.execute(
            "select title from pages union all select anchor_text from documents "
            "union all select filename from documents"))
    assert HOSTILE in stored  # the hostile strings reached the database as literal markup
    reports = write_reports(store, store.latest_run(), tmp_path / "reports", compare=False)
    html_files = list((tmp_path / "reports").rglob("*.html"))
    assert reports.dashboard in html_files
    shown = 0
    for path in html_files:
        text = path.read_text(encoding="utf-8")
        assert HOSTILE not in text and "alert('eduaudit')</script>" not in text, path
        # only the report's own script; its data block (type="application/json") is not run
        assert len(re.findall(r"<script\b(?![^>]*application/json)", text, re.I)) <= 1, path
        shown += text.count("&lt;script&gt;alert(")
    assert shown > 0, "the hostile text should be visible (escaped) in the report"


def test_file_names_from_the_web_never_become_paths(hostile_crawl):
    out = hostile_crawl
    files = [p for p in out.rglob("*") if p.is_file()]
    assert not [p for p in files if "evil" in p.name]
    assert not (out.parent.parent / "eduaudit-evil-<script>.pdf").exists()
    blobs = [p for p in (out / "blobs").rglob("*") if p.is_file()]
    assert blobs
    for blob in blobs:
        # Named by content: blobs/ab/cd/<sha256 of the bytes>.
        digest = hashlib.sha256(blob.read_bytes()).hexdigest()
        assert blob.name == digest and blob.parent.name == digest[2:4] and blob.parent.parent.name == digest[:2]
    with sqlite3.connect(out / "eduaudit.db") as conn:
        names = [r[0] for r in conn.execute("select filename from documents where sha256 is not null")]
    assert any(".." in n for n in names)  # the hostile name is kept as data, only as data


def test_demo_server_listens_on_loopback_only(tmp_path):
    from demo_region.server import RegionServer

    (tmp_path / "sites").mkdir()
    (tmp_path / "region.json").write_text('{"hosts": {}}', encoding="utf-8")
    with RegionServer(tmp_path) as server:
        port = f"{server.port:04X}"
        listening = []
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                if state == "0A" and local.endswith(":" + port):  # 0A: LISTEN
                    listening.append(local.split(":")[0])
    assert listening == ["0100007F"]  # 127.0.0.1, nothing on 0.0.0.0 or ::
