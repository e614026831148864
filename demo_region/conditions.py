"""Network conditions of the demo server: latency, a bandwidth cap per host, a few slow hosts.

On loopback every answer arrives at once, which hides what a crawl of real
school sites spends its time on. This aiohttp middleware puts the internet
back: every request waits a latency drawn from a range before it is answered,
and every host sends its bodies no faster than its bandwidth cap; responses
of one host running at the same time share that host's cap, as they share
its uplink. A seeded share of hosts is slow (a fraction of the bandwidth,
a multiple of the latency).

It also counts requests and body bytes per Host, and each host's requests by
status and path (what a benchmark needs to say what the requests were for),
readable at any time as JSON from ``GET /__stats`` on the host name
``STATS_HOST``, which no site uses.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from aiohttp import web

STATS_HOST = "stats.conditions.invalid"
STATS_PATH = "/__stats"
CHUNK = 16 * 1024


@dataclass(frozen=True)
class NetworkConditions:
    latency: tuple[float, float] = (0.05, 0.4)   # seconds before the answer starts, uniform
    bandwidth: float | None = None               # bytes per second per host; None: unlimited
    seed: int = 0
    slow_share: float = 0.0                      # share of hosts that are slow
    slow_bandwidth_factor: float = 0.1           # a slow host sends this share of the bandwidth
    slow_latency_factor: float = 3.0             # and answers this many times later

    def is_slow(self, host: str) -> bool:
        # A hash, not the RNG: whether a host is slow must not depend on the order of requests.
        if self.slow_share <= 0:
            return False
        digest = hashlib.sha256(f"{self.seed}:slow:{host}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2 ** 64 < self.slow_share

    def host_latency(self, host: str) -> tuple[float, float]:
        low, high = self.latency
        factor = self.slow_latency_factor if self.is_slow(host) else 1.0
        return low * factor, high * factor

    def host_bandwidth(self, host: str) -> float | None:
        if not self.bandwidth:
            return None
        return self.bandwidth * (self.slow_bandwidth_factor if self.is_slow(host) else 1.0)

    def describe(self) -> dict:
        return {"latency_seconds": list(self.latency), "bandwidth_bytes_per_second": self.bandwidth,
                "seed": self.seed, "slow_share": self.slow_share,
                "slow_bandwidth_factor": self.slow_bandwidth_factor,
                "slow_latency_factor": self.slow_latency_factor}


def parse_latency(text: str) -> tuple[float, float]:
    """``"0.05,0.4"`` → (0.05, 0.4); one number means a fixed latency."""
    parts = [float(p) for p in text.split(",") if p.strip()]
    if len(parts) == 1:
        parts *= 2
    if len(parts) != 2 or parts[0] < 0 or parts[1] < parts[0]:
        raise ValueError(f"latency must be LOW,HIGH seconds with 0 <= LOW <= HIGH, got {text!r}")
    return parts[0], parts[1]


class _Uplink:
    """One host's outgoing bandwidth: chunks of all its responses queue for the same wire time."""

    def __init__(self, rate: float):
        self.rate = rate
        self.free_at = 0.0

    async def send(self, nbytes: int) -> None:
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + nbytes / self.rate
        await asyncio.sleep(self.free_at - now)


class ConditionsState:
    """Per-host uplinks, the latency RNG and the request counters of one server."""

    def __init__(self, conditions: NetworkConditions):
        self.conditions = conditions
        self.rng = random.Random(conditions.seed)
        self.uplinks: dict[str, _Uplink] = {}
        self.requests: Counter = Counter()
        self.bytes: Counter = Counter()
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.paths: dict[str, Counter] = defaultdict(Counter)   # host → "STATUS /path?query" → count
        self.started = time.time()

    def uplink(self, host: str) -> _Uplink | None:
        rate = self.conditions.host_bandwidth(host)
        if rate is None:
            return None
        if host not in self.uplinks:
            self.uplinks[host] = _Uplink(rate)
        return self.uplinks[host]

    def stats(self) -> dict:
        return {"since": self.started, "conditions": self.conditions.describe(),
                "slow_hosts": sorted(h for h in self.requests if self.conditions.is_slow(h)),
                "requests": dict(self.requests), "bytes": dict(self.bytes),
                "statuses": {h: {str(k): v for k, v in c.items()} for h, c in self.statuses.items()},
                "paths": {h: dict(c) for h, c in self.paths.items()}}


def _host_name(request: web.Request) -> str:
    return (request.host or "").rsplit(":", 1)[0].lower().rstrip(".")


def conditions_middleware(conditions: NetworkConditions, state: ConditionsState | None = None):
    """The aiohttp middleware imposing ``conditions`` (and counting) on every request."""
    state = state or ConditionsState(conditions)

    @web.middleware
    async def middleware(request: web.Request, handler) -> web.StreamResponse:
        if not request.raw_path.startswith("/"):
            # Absolute-form target (``GET http://host/path``), as clients going through a proxy send it;
            # servers must accept it (RFC 9112, 3.2.2). The sites are matched by path, so keep only that.
            request = request.clone(rel_url=request.url.relative())
        host = _host_name(request)
        if host == STATS_HOST:
            return web.json_response(state.stats())
        state.requests[host] += 1
        low, high = conditions.host_latency(host)
        if high > 0:
            await asyncio.sleep(state.rng.uniform(low, high))
        try:
            response = await handler(request)
        except BaseException:
            # a fault site that drops the connection: the request still counts, under no status
            state.paths[host][f"- {request.raw_path}"] += 1
            raise
        state.statuses[host][response.status] += 1
        state.paths[host][f"{response.status} {request.raw_path}"] += 1
        body = response.body if isinstance(response, web.Response) else None
        if not isinstance(body, (bytes, bytearray)) or not body or request.method == "HEAD":
            return response
        state.bytes[host] += len(body)
        uplink = state.uplink(host)
        if uplink is None:
            return response
        return await _stream(request, response, bytes(body), uplink)

    middleware.state = state
    return middleware


async def _stream(request: web.Request, response: web.Response, body: bytes,
                  uplink: _Uplink) -> web.StreamResponse:
    stream = web.StreamResponse(status=response.status, reason=response.reason)
    for name, value in response.headers.items():
        if name.lower() not in ("content-length", "transfer-encoding"):
            stream.headers.add(name, value)
    stream.content_length = len(body)
    await stream.prepare(request)
    for start in range(0, len(body), CHUNK):
        chunk = body[start:start + CHUNK]
        await uplink.send(len(chunk))
        await stream.write(chunk)
    await stream.write_eof()
    return stream


def install(app: web.Application, conditions: NetworkConditions | None) -> ConditionsState | None:
    """Add the conditions middleware to an application that has not started yet."""
    if conditions is None:
        return None
    middleware = conditions_middleware(conditions)
    app.middlewares.append(middleware)
    return middleware.state


# -- the demo server's command line ------------------------------------------------------------
def add_cli_flags(parser) -> None:
    parser.add_argument("--latency", metavar="LOW,HIGH",
                        help="seconds before each answer, drawn uniformly (e.g. 0.05,0.4)")
    parser.add_argument("--bandwidth", type=float, metavar="BYTES_PER_S",
                        help="bandwidth cap per host; responses of one host share it")
    parser.add_argument("--slow-hosts", type=float, default=0.0, metavar="SHARE",
                        help="share of hosts that are slow (a tenth of the bandwidth, 3x the latency)")
    parser.add_argument("--seed", type=int, default=0, help="seed of latencies and of the choice of slow hosts")


def from_cli(args) -> NetworkConditions | None:
    """The conditions asked for on the command line; None when none were."""
    if args.latency is None and args.bandwidth is None and not args.slow_hosts:
        return None
    latency = parse_latency(args.latency) if args.latency else (0.0, 0.0)
    return NetworkConditions(latency=latency, bandwidth=args.bandwidth, seed=args.seed,
                             slow_share=args.slow_hosts)


def to_cli_args(conditions: NetworkConditions | None) -> list[str]:
    if conditions is None:
        return []
    args = ["--latency", f"{conditions.latency[0]},{conditions.latency[1]}", "--seed", str(conditions.seed),
            "--slow-hosts", str(conditions.slow_share)]
    if conditions.bandwidth:
        args += ["--bandwidth", str(conditions.bandwidth)]
    return args
