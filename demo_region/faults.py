"""Faults of the real internet, injected per host into the demo region server.

A host spec in ``region.json`` may carry a ``fault``::

    "sh1.test": {"behaviour": "ok", "fault": {"kind": "slow_drip", "interval": 1.0}}

Common keys of every fault:

``paths``  path prefixes the fault applies to (default: every path but ``/robots.txt``,
           so that robots.txt, fetched before anything else, does not double the cost);
``times``  only the first N matching requests are faulty, later ones are served normally
           (a burst; counted per path with ``"per_path": true``); absent means every one;
``link``   ``{"href": ..., "text": ...}``: a link added to every HTML page of the host,
           the way a school site links the trap, the huge file or the bomb.

Kinds (what a client sees):

=====================  =====================================================================
``hang``               the connection is accepted and never answered (read timeout)
``slow_drip``          the real answer, one byte every ``interval`` seconds
``status_burst``       ``statuses`` (500, 502, 503) in turn instead of the answer
``too_many_requests``  429 with ``Retry-After: retry_after``
``reset_mid_body``     half of the body, then a TCP reset
``truncated_length``   Content-Length promises ``missing`` more bytes than are sent
``wrong_content_type`` HTML labelled ``application/octet-stream``, files labelled ``text/html``
``gzip_bomb``          ``Content-Encoding: gzip``: a few MB that inflate to ``size`` bytes
``redirect_loop``      every answer is a redirect to the next of two URLs, forever
``redirect_to``        a redirect to ``target`` (e.g. ``http://169.254.169.254/latest/meta-data/``)
``link_trap``          an endless calendar: every page links three pages never seen before
``huge_document``      a PDF of ``size`` bytes (2 GiB by default) generated while it is sent
``js_menu``            every HTML page is a shell whose menu only a script builds
``robots_disallow``    robots.txt forbids the whole site to every robot
``soft_404``           a missing page answers 200 with a «страница не найдена» text
``mislabeled_cp1251``  HTML bytes in windows-1251, header says ``declared`` (utf-8 or nothing)
=====================  =====================================================================

Connection refused, connect timeouts and TLS certificates are properties of a
port, not of a Host header; the tests point the registry at a closed port, at
a port whose accept queue is full, or at the server's TLS port (``tls`` in
``region.json``: ``{"certfile": ..., "keyfile": ...}``).
"""

from __future__ import annotations

import asyncio
import gzip
import html
import re
from collections import defaultdict
from enum import StrEnum
from functools import lru_cache

from aiohttp import web

ROBOTS = "/robots.txt"
GIB = 1024 ** 3
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"<meta[^>]*charset[^>]*>", re.I)
_BODY_END = re.compile(rb"</body>", re.I)


class Fault:
    """One host's fault: which requests it hits and what they get instead."""

    def __init__(self, spec: dict):
        self.kind = spec["kind"]
        self.spec = spec
        self.paths = tuple(spec.get("paths") or ())
        self.times = spec.get("times")
        self.link = spec.get("link")
        self.hits: dict[str, int] = defaultdict(int)

    def applies(self, path: str) -> bool:
        if self.paths:
            return path.startswith(self.paths)
        if self.kind == "robots_disallow":
            return path == ROBOTS
        return path != ROBOTS

    def take(self, path: str) -> bool:
        """Whether this request is a faulty one (counts it when bursts are limited)."""
        if not self.applies(path):
            return False
        if self.times is None:
            return True
        # A burst counts per path with ``per_path`` (every page fails first), else per host.
        key = path if self.spec.get("per_path") else "all"
        self.hits[key] += 1
        return self.hits[key] <= int(self.times)

    def decorate(self, body: bytes) -> bytes:
        """Add the fault's link to an HTML page of the host."""
        if not self.link:
            return body
        anchor = (f'<p><a href="{html.escape(self.link["href"])}">{html.escape(self.link["text"])}</a></p>'
                  .encode("utf-8"))
        match = None
        for match in _BODY_END.finditer(body):
            pass
        if match is None:
            return body + anchor
        return body[:match.start()] + anchor + body[match.start():]


# -- answers that replace the normal one ---------------------------------------

async def hang(request: web.Request, fault: Fault) -> web.StreamResponse:
    # Held open until the client gives up; the server process ends with the test.
    await asyncio.sleep(float(fault.spec.get("seconds", 3600)))
    return web.Response(status=504)


async def slow_drip(request: web.Request, fault: Fault, status: int, headers: dict,
                    body: bytes) -> web.StreamResponse:
    response = web.StreamResponse(status=status, headers={**headers, "Content-Length": str(len(body))})
    await response.prepare(request)
    interval = float(fault.spec.get("interval", 1.0))
    try:
        for i in range(len(body)):
            await response.write(body[i:i + 1])
            await asyncio.sleep(interval)
    except (ConnectionResetError, ConnectionError):
        pass
    return response


def status_burst(request: web.Request, fault: Fault) -> web.Response:
    statuses = fault.spec.get("statuses") or [500, 502, 503]
    fault.hits["status"] += 1
    status = int(statuses[(fault.hits["status"] - 1) % len(statuses)])
    return web.Response(status=status, content_type="text/html",
                        text=f"<html><body><h1>{status} Bad Gateway</h1></body></html>")


def too_many_requests(request: web.Request, fault: Fault) -> web.Response:
    return web.Response(status=429, content_type="text/html",
                        headers={"Retry-After": str(fault.spec.get("retry_after", 1))},
                        text="<html><body><h1>429 Too Many Requests</h1></body></html>")


async def reset_mid_body(request: web.Request, fault: Fault, status: int, headers: dict,
                         body: bytes, reset) -> web.StreamResponse:
    response = web.StreamResponse(status=status, headers={**headers, "Content-Length": str(len(body))})
    await response.prepare(request)
    await response.write(body[: max(1, len(body) // 2)])
    await asyncio.sleep(0.05)
    reset(request)
    return response


async def truncated_length(request: web.Request, fault: Fault, status: int, headers: dict,
                           body: bytes) -> web.StreamResponse:
    missing = int(fault.spec.get("missing", 1000))
    response = web.StreamResponse(status=status, headers={**headers, "Content-Length": str(len(body) + missing)})
    await response.prepare(request)
    await response.write(body)
    await asyncio.sleep(0.05)
    if request.transport is not None:
        request.transport.close()  # a clean FIN, short of the promised length
    return response


def wrong_content_type(content_type: str) -> str:
    if content_type.startswith("text/html"):
        return "application/octet-stream"
    return "text/html; charset=utf-8"


@lru_cache(maxsize=4)
def gzip_bomb_body(size: int) -> bytes:
    """Gzip members concatenated: each inflates to 64 MiB of zeros; together to ``size`` bytes."""
    member_size = 64 * 1024 * 1024
    member = gzip.compress(bytes(member_size), compresslevel=9)
    return member * max(1, size // member_size)


def gzip_bomb(request: web.Request, fault: Fault, content_type: str) -> web.Response:
    body = gzip_bomb_body(int(fault.spec.get("size", 4 * GIB)))
    return web.Response(body=body, headers={"Content-Type": content_type, "Content-Encoding": "gzip"})


def redirect_loop(request: web.Request, fault: Fault) -> web.Response:
    nxt = "/loop-b" if request.path == "/loop-a" else "/loop-a"
    return web.Response(status=302, headers={"Location": nxt, "Server": "nginx"})


def redirect_to(request: web.Request, fault: Fault, port: int) -> web.Response:
    target = fault.spec["target"].replace("{{PORT}}", str(port))
    return web.Response(status=302, headers={"Location": target, "Server": "nginx"})


def link_trap(request: web.Request, fault: Fault) -> web.Response:
    """An events calendar of the mentoring programme: every month links the next, the previous and a year on."""
    match = re.search(r"(\d{4})-(\d{2})", request.path)
    year, month = (int(match.group(1)), int(match.group(2))) if match else (2025, 1)
    prefix = (fault.paths or ("/nastavnichestvo/kalendar/",))[0]

    def month_url(y: int, m: int) -> str:
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return f"{prefix}{y:04d}-{m:02d}"

    links = [(month_url(year, month + 1), "Наставничество: следующий месяц"),
             (month_url(year, month - 1), "Наставничество: предыдущий месяц"),
             (month_url(year + 1, month), "Наставничество: через год")]
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Календарь наставничества "
            f"{month:02d}.{year}</title></head><body><h1>Наставничество: календарь мероприятий "
            f"{month:02d}.{year}</h1><p>Мероприятий нет.</p><ul>{items}</ul></body></html>")
    return web.Response(text=page, content_type="text/html", charset="utf-8")


async def huge_document(request: web.Request, fault: Fault) -> web.StreamResponse:
    size = int(fault.spec.get("size", 2 * GIB))
    headers = {"Content-Type": "application/pdf", "Server": "nginx"}
    if fault.spec.get("declare_length", False):
        headers["Content-Length"] = str(size)
    response = web.StreamResponse(headers=headers)
    if not fault.spec.get("declare_length", False):
        response.enable_chunked_encoding()
    await response.prepare(request)
    head = b"%PDF-1.4\n%" + b"\xe2\xe3\xcf\xd3\n"
    filler = b"0" * _CHUNK
    sent = 0
    try:
        await response.write(head)
        sent = len(head)
        while sent < size:
            chunk = filler[: min(_CHUNK, size - sent)]
            await response.write(chunk)
            sent += len(chunk)
    except (ConnectionResetError, ConnectionError):
        pass
    return response


def js_menu(request: web.Request, fault: Fault, title: str) -> web.Response:
    """A single-page-application shell: the menu and its links exist only inside a script."""
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + html.escape(title) + "</title>"
        "<script src='/static/js/chunk-vendors.js'></script><script src='/static/js/app.js'></script>"
        "</head><body><div id='app'></div><noscript>Для работы сайта включите JavaScript.</noscript>"
        "<script>var menu=[{'t':'Сведения об образовательной организации','u':'/sveden/common'},"
        "{'t':'Документы','u':'/sveden/document'},{'t':'Наставничество','u':'/nastavnichestvo/'}];"
        "var nav=document.createElement('nav');menu.forEach(function(i){var a=document.createElement('a');"
        "a.href=i.u;a.textContent=i.t;nav.appendChild(a);});document.getElementById('app').appendChild(nav);"
        "</script></body></html>")
    return web.Response(text=page, content_type="text/html", charset="utf-8")


def robots_disallow(request: web.Request, fault: Fault) -> web.Response:
    return web.Response(text="User-agent: *\nDisallow: /\n", content_type="text/plain")


def soft_404(request: web.Request, fault: Fault) -> web.Response:
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Страница не найдена</title></head>"
            "<body><h1>Страница не найдена</h1><p>Запрошенная страница удалена или никогда не существовала. "
            "<a href='/'>На главную</a></p></body></html>")
    return web.Response(text=page, content_type="text/html", charset="utf-8")


def mislabel_cp1251(body: bytes, fault: Fault) -> tuple[bytes, str]:
    """The page re-encoded in windows-1251, its meta charset removed, the header lying or silent."""
    text = _META_CHARSET.sub(b"", body).decode("utf-8", errors="replace")
    declared = fault.spec.get("declared", "utf-8")
    content_type = f"text/html; charset={declared}" if declared else "text/html"
    return text.encode("cp1251", errors="replace"), content_type


# -- a region of faulty hosts --------------------------------------------------
#
# Every faulty host serves a copy of a healthy school's site (a symlink to its
# folder), so the verdicts it *should* get are known: those of the healthy
# original in a clean run, or an explicit site-level reason.

ARCHIVE_LINK = {"href": "/files/arhiv-nastavnichestvo.pdf", "text": "Положение о наставничестве (архив)"}


class Failure(StrEnum):
    """What a visitor of a faulty site runs into, when the fault makes the whole site fail.

    Said in the demo region's terms; how the auditor words each in its site-level
    reason is the auditor's business (the tests map one to the other).
    """

    NO_ANSWER = "no answer"                  # refused, connect or read timeout, a byte a second
    CUT_SHORT = "answer cut short"           # reset mid-body, fewer bytes than Content-Length
    REDIRECT_LOOP = "redirect loop"
    PRIVATE_ADDRESS = "redirect to a private address"
    ENDLESS_LINKS = "endless links"          # a calendar whose every page links new ones
    SCRIPT_MENU = "menu built by a script"
    ROBOTS_DISALLOW = "robots.txt forbids every robot"
    BAD_CERTIFICATE = "bad TLS certificate"  # self-signed and expired


class FaultCase:
    """One fault tried on one school of the fault region.

    ``port`` says where the fault lives: ``http`` (the host's fault spec),
    ``tls`` (the HTTPS port with a bad certificate), ``closed`` (nothing
    listens: connection refused) or ``silent`` (accept queue full: connect
    timeout). ``expect`` is the site.reachable status, or ``same`` when every
    verdict must equal the clean copy's; ``failure`` is what the site-level
    verdict must be about (None with ``same``).
    """

    def __init__(self, name: str, spec: dict | None, *, port: str = "http", expect: str = "same",
                 failure: Failure | None = None, base: int = 0):
        self.name, self.spec, self.port, self.expect, self.failure, self.base = name, spec, port, expect, failure, base

    def __repr__(self) -> str:
        return f"FaultCase({self.name})"


def fault_cases() -> list[FaultCase]:
    gone, broken = Failure.NO_ANSWER, Failure.CUT_SHORT
    return [
        FaultCase("refused", None, port="closed", expect="fail", failure=gone),
        FaultCase("connect-timeout", None, port="silent", expect="fail", failure=gone),
        FaultCase("read-timeout", {"kind": "hang"}, expect="fail", failure=gone),
        FaultCase("one-byte-a-second", {"kind": "slow_drip", "interval": 1.0}, expect="fail", failure=gone),
        FaultCase("5xx-burst", {"kind": "status_burst", "times": 2, "per_path": True,
                                 "statuses": [500, 502, 503]}, base=1),
        FaultCase("429-retry-after", {"kind": "too_many_requests", "times": 2, "retry_after": 1}),
        FaultCase("reset-mid-body", {"kind": "reset_mid_body"}, expect="fail", failure=broken),
        FaultCase("truncated-length", {"kind": "truncated_length"}, expect="fail", failure=broken),
        FaultCase("wrong-content-type", {"kind": "wrong_content_type"}, base=1),
        FaultCase("gzip-bomb", {"kind": "gzip_bomb", "paths": [ARCHIVE_LINK["href"]], "size": 4 * GIB,
                                "content_type": "application/pdf", "link": ARCHIVE_LINK}),
        FaultCase("2gb-document", {"kind": "huge_document", "paths": [ARCHIVE_LINK["href"]], "size": 2 * GIB,
                                   "link": ARCHIVE_LINK}, base=1),
        FaultCase("redirect-loop", {"kind": "redirect_loop"}, expect="fail", failure=Failure.REDIRECT_LOOP),
        FaultCase("redirect-127.0.0.1", {"kind": "redirect_to", "target": "http://127.0.0.1:{{PORT}}/"},
                  expect="fail", failure=Failure.PRIVATE_ADDRESS),
        FaultCase("redirect-169.254.169.254", {"kind": "redirect_to",
                                               "target": "http://169.254.169.254/latest/meta-data/"},
                  expect="fail", failure=Failure.PRIVATE_ADDRESS),
        FaultCase("redirect-10.0.0.1", {"kind": "redirect_to", "target": "http://10.0.0.1/"},
                  expect="fail", failure=Failure.PRIVATE_ADDRESS),
        FaultCase("calendar-trap", {"kind": "link_trap", "paths": ["/nastavnichestvo/kalendar/"],
                                    "link": {"href": "/nastavnichestvo/kalendar/2025-01",
                                             "text": "Наставничество: календарь мероприятий"}},
                  expect="warn", failure=Failure.ENDLESS_LINKS),
        FaultCase("javascript-menu", {"kind": "js_menu"}, expect="error", failure=Failure.SCRIPT_MENU),
        FaultCase("robots-disallow-all", {"kind": "robots_disallow"}, expect="error", failure=Failure.ROBOTS_DISALLOW),
        FaultCase("soft-404", {"kind": "soft_404"}, base=1),
        FaultCase("cp1251-says-utf8", {"kind": "mislabeled_cp1251", "declared": "utf-8"}),
        FaultCase("cp1251-no-charset", {"kind": "mislabeled_cp1251", "declared": None}, base=1),
        FaultCase("tls-expired-self-signed", None, port="tls", expect="warn", failure=Failure.BAD_CERTIFICATE),
    ]


def fault_host(case: FaultCase, base_host: str) -> str:
    return f"f-{re.sub(r'[^a-z0-9-]', '-', case.name)}-{base_host}"


def add_fault_hosts(region_dir, cases: list[FaultCase], bases: list[dict]) -> dict[str, str]:
    """Add one faulty copy of a base school's site per case to region.json; return {case name: host}."""
    import json
    from pathlib import Path

    region_dir = Path(region_dir)
    manifest = json.loads((region_dir / "region.json").read_text(encoding="utf-8"))
    hosts = {}
    for case in cases:
        base = bases[case.base % len(bases)]
        host = fault_host(case, base["host"])
        spec = {"behaviour": "ok", "school_id": f"f-{case.name}", "platform": base["platform"]}
        if case.spec:
            spec["fault"] = case.spec
        manifest["hosts"][host] = spec
        link = region_dir / "sites" / host
        if not link.exists():
            link.symlink_to((region_dir / "sites" / base["content_host"]).resolve(), target_is_directory=True)
        hosts[case.name] = host
    manifest["tls"] = {"certfile": "tls/cert.pem", "keyfile": "tls/key.pem"}
    write_bad_certificate(region_dir / "tls")
    (region_dir / "region.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return hosts


def write_bad_certificate(folder) -> None:
    """A self-signed certificate for ``*.test`` that expired a year ago, with its key (PEM)."""
    from datetime import datetime, timedelta, timezone
    from pathlib import Path

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "*.test"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Школа (демо)")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=730)).not_valid_after(now - timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("*.test")]), critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
