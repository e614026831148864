"""Serve every demo site on one loopback port, choosing the site by the Host header.

    python -m demo_region.server REGION_DIR --port N

Prints ``listening on <port>`` once ready.  Hosts behave as region.json says:
``ok``, ``slow`` (each answer delayed), ``down`` (the TCP connection is reset
without an answer), ``error5xx`` (every request fails) and ``redirect``
(301 to the same path on the school's new host).  A host may also carry a
``fault`` (slow drip, 5xx bursts, gzip bomb, redirect to a private address…):
see :mod:`demo_region.faults`.  With ``tls`` in region.json
(``{"certfile": ..., "keyfile": ...}``) the same sites are also served over
HTTPS on a second port, printed as ``tls listening on <port>`` first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote

from email.utils import formatdate, parsedate_to_datetime

from aiohttp import web

from demo_region import faults as fx

from demo_region import conditions as network

PLACEHOLDER = b"{{PORT}}"
_TEXT_TYPES = ("text/", "application/json", "application/xml")
_GENERIC_404 = (b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
                b"<center><h1>404 Not Found</h1></center><hr><center>nginx/1.18.0</center></body></html>")


class Host:
    def __init__(self, name: str, spec: dict, site_dir: Path | None):
        self.name = name
        self.behaviour = spec.get("behaviour", "ok")
        self.redirect_to = spec.get("redirect_to")
        self.delay = tuple(spec.get("delay") or (1.0, 3.0))
        self.dir = site_dir
        self.fault = fx.Fault(spec["fault"]) if spec.get("fault") else None
        self.routes: dict[str, dict] = {}
        self.not_found: dict | None = None
        if site_dir and (site_dir / "routes.json").exists():
            manifest = json.loads((site_dir / "routes.json").read_text(encoding="utf-8"))
            self.routes = manifest["routes"]
            self.not_found = manifest.get("not_found")


def load_region(region_dir: Path) -> dict[str, Host]:
    data = json.loads((region_dir / "region.json").read_text(encoding="utf-8"))
    hosts = {}
    for name, spec in data["hosts"].items():
        site = region_dir / "sites" / name
        hosts[name] = Host(name, spec, site if site.is_dir() else None)
    return hosts


class RegionApp:
    def __init__(self, region_dir: Path):
        self.region_dir = region_dir
        self.hosts = load_region(region_dir)
        self.port = 0
        self.rng = random.Random()

    def _body(self, host: Host, route: dict) -> bytes:
        data = (host.dir / route["file"]).read_bytes()
        if route["type"].startswith(_TEXT_TYPES) and PLACEHOLDER in data:
            data = data.replace(PLACEHOLDER, str(self.port).encode())
        return data

    def _response(self, host: Host, route: dict, status: int | None = None,
                  request: web.Request | None = None) -> web.Response:
        headers = dict(route.get("headers") or {})
        headers["Content-Type"] = route["type"]
        headers.setdefault("Server", "nginx")
        status = status or route.get("status", 200)
        if status == 200 and not route["type"].startswith("text/html"):
            # Files are static, served the way nginx serves them: with validators,
            # answering a conditional request for an unchanged file with 304.
            stat = (host.dir / route["file"]).stat()
            etag = f'"{int(stat.st_mtime):x}-{stat.st_size:x}"'
            headers["ETag"] = etag
            headers["Last-Modified"] = formatdate(int(stat.st_mtime), usegmt=True)
            if request is not None and _not_modified(request, etag, int(stat.st_mtime)):
                return web.Response(status=304, headers={k: v for k, v in headers.items() if k != "Content-Type"})
        return web.Response(body=self._body(host, route), status=status, headers=headers)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        name = (request.host or "").rsplit(":", 1)[0].lower().rstrip(".")
        host = self.hosts.get(name)
        if host is None:
            return web.Response(body=_GENERIC_404, status=404, content_type="text/html")
        if host.fault is not None and host.fault.take(request.path):
            return await self._faulty(host, host.fault, request)
        if host.behaviour == "down":
            _reset(request)
            raise asyncio.CancelledError()
        if host.behaviour == "slow":
            await asyncio.sleep(self.rng.uniform(*host.delay))
        if host.behaviour == "error5xx":
            status = 503 if sum(map(ord, request.path)) % 2 else 500
            return web.Response(status=status, content_type="text/html",
                                text=f"<html><body><h1>{status} Service Temporarily Unavailable</h1></body></html>")
        if host.behaviour == "redirect":
            target = f"http://{host.redirect_to}:{self.port}{request.raw_path}"
            return web.Response(status=301, headers={"Location": target, "Server": "nginx"})
        return self._decorated(host, self._serve(host, request))

    def _decorated(self, host: Host, response: web.Response) -> web.Response:
        """A normal answer with the host fault's link added to its HTML."""
        if host.fault is not None and host.fault.link and response.content_type == "text/html" and response.body:
            response.body = host.fault.decorate(response.body)
        return response

    async def _faulty(self, host: Host, fault: fx.Fault, request: web.Request) -> web.StreamResponse:
        kind = fault.kind
        if kind == "redirect_to":
            return fx.redirect_to(request, fault, self.port)
        replacing = {"status_burst": fx.status_burst, "too_many_requests": fx.too_many_requests,
                     "redirect_loop": fx.redirect_loop,
                     "link_trap": fx.link_trap, "robots_disallow": fx.robots_disallow}
        if kind in replacing:
            return replacing[kind](request, fault)
        if kind == "hang":
            return await fx.hang(request, fault)
        if kind == "huge_document":
            return await fx.huge_document(request, fault)
        if kind == "gzip_bomb":
            return fx.gzip_bomb(request, fault, fault.spec.get("content_type", "text/html; charset=utf-8"))
        normal = self._decorated(host, self._serve(host, request))
        if normal.status == 304 or not isinstance(normal.body, bytes):
            return normal
        headers = {k: v for k, v in normal.headers.items() if k.lower() not in ("content-length",)}
        content_type = normal.headers.get("Content-Type", "")
        is_html = content_type.startswith("text/html")
        if kind == "js_menu":
            return fx.js_menu(request, fault, host.name) if is_html and normal.status == 200 else normal
        if kind == "soft_404":
            return fx.soft_404(request, fault) if normal.status == 404 else normal
        if kind == "wrong_content_type":
            headers["Content-Type"] = fx.wrong_content_type(content_type)
            return web.Response(body=normal.body, status=normal.status, headers=headers)
        if kind == "mislabeled_cp1251":
            if not is_html:
                return normal
            body, headers["Content-Type"] = fx.mislabel_cp1251(normal.body, fault)
            return web.Response(body=body, status=normal.status, headers=headers)
        if kind == "slow_drip":
            return await fx.slow_drip(request, fault, normal.status, headers, normal.body)
        if kind == "reset_mid_body":
            return await fx.reset_mid_body(request, fault, normal.status, headers, normal.body, _reset)
        if kind == "truncated_length":
            return await fx.truncated_length(request, fault, normal.status, headers, normal.body)
        raise ValueError(f"unknown fault kind {kind!r} for host {host.name}")

    def _serve(self, host: Host, request: web.Request) -> web.Response:
        raw = request.raw_path
        for key in (raw, unquote(raw)):
            route = host.routes.get(key)
            if route:
                return self._response(host, route, request=request)
        path, _, query = raw.partition("?")
        # Like most CMSs: the other form of a page URL (with or without the slash) redirects to the real one.
        alt = path[:-1] if path.endswith("/") and path != "/" else path + "/"
        alt_key = alt + (f"?{query}" if query else "")
        if alt_key in host.routes and host.routes[alt_key]["type"].startswith("text/html"):
            return web.Response(status=301, headers={"Location": alt_key, "Server": "nginx"})
        if host.not_found:
            return self._response(host, host.not_found, status=404)
        return web.Response(body=_GENERIC_404, status=404, content_type="text/html")


def _not_modified(request: web.Request, etag: str, mtime: int) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
    since = request.headers.get("If-Modified-Since")
    if since:
        try:
            return mtime <= int(parsedate_to_datetime(since).timestamp())
        except (TypeError, ValueError):
            return False
    return False


def _reset(request: web.Request) -> None:
    """Close the connection with a TCP RST, the way an unreachable or crashed host looks to a client."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    transport.abort()


async def serve(region_dir: Path, port: int, bind: str = "127.0.0.1",
                conditions: "network.NetworkConditions | None" = None) -> None:
    app_state = RegionApp(region_dir)
    app = web.Application(client_max_size=1024 ** 2)
    network.install(app, conditions)  # latency, bandwidth per host, request counts (benchmarks)
    app.router.add_route("*", "/{tail:.*}", app_state.handle)
    runner = web.AppRunner(app, access_log=None, handle_signals=True, backlog=512)
    await runner.setup()
    site = web.TCPSite(runner, bind, port, backlog=512)
    await site.start()
    tls = json.loads((region_dir / "region.json").read_text(encoding="utf-8")).get("tls")
    if tls:
        import ssl

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(region_dir / tls["certfile"], region_dir / tls["keyfile"])
        tls_site = web.TCPSite(runner, bind, int(tls.get("port", 0)), ssl_context=context, backlog=512)
        await tls_site.start()
        print(f"tls listening on {tls_site._server.sockets[0].getsockname()[1]}", flush=True)
    app_state.port = site._server.sockets[0].getsockname()[1]  # the real port when 0 was asked for
    print(f"listening on {app_state.port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


class RegionServer:
    """Run the demo server as a subprocess for the lifetime of a ``with`` block."""

    def __init__(self, region_dir: Path, port: int = 0, timeout: float = 30.0,
                 conditions: "network.NetworkConditions | None" = None):
        self.conditions = conditions
        self.region_dir = Path(region_dir)
        self.requested_port = port
        self.timeout = timeout
        self.port: int | None = None
        self.tls_port: int | None = None
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "RegionServer":
        # stderr goes to a file: an unread pipe would fill up and stall the server.
        self._stderr = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "demo_region.server", str(self.region_dir),
             "--port", str(self.requested_port), *network.to_cli_args(self.conditions)],
            stdout=subprocess.PIPE, stderr=self._stderr, text=True)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                self.process.wait()
                self._stderr.seek(0)
                err = self._stderr.read()
                raise RuntimeError(f"demo server exited: {err.strip()[-2000:]}")
            if line.startswith("tls listening on "):
                self.tls_port = int(line.split()[-1])
            if line.startswith("listening on "):
                self.port = int(line.split()[-1])
                return self
        self.stop()
        raise RuntimeError("demo server did not start in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            if self.process.stdout:
                self.process.stdout.close()
            self._stderr.close()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the demo region on one port by Host header.")
    parser.add_argument("region_dir", type=Path)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--bind", default="127.0.0.1")
    network.add_cli_flags(parser)
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args.region_dir, args.port, args.bind, network.from_cli(args)))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
