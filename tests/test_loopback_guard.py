"""The tests' loopback-only net (tests/helpers/loopback_only) refuses before anything is sent.

Every check that a private address is refused replaces the real socket call behind the
net with a tripwire first: had the net let the call through, the tripwire would fail the
test instead of a packet leaving. The product's own guard against private addresses is
tested in tests/test_security.py; this is the net under it.
"""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from tests.helpers.loopback_only import loopback_guard


@pytest.fixture
def tripwires(monkeypatch, tmp_path):
    """The real calls behind the net swapped for recorders; refusals written to a file of this test."""
    calls = []

    def recorder(name):
        def call(*args):
            calls.append((name, args[1:] if isinstance(args[0], socket.socket) else args))
            return 0
        return call

    for name in ("connect", "connect_ex", "sendto", "getaddrinfo", "gethostbyname"):
        monkeypatch.setitem(loopback_guard.REAL, name, recorder(name))
    refused = tmp_path / "refused.log"
    monkeypatch.setenv(loopback_guard.ENV, str(refused))
    return calls, refused


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.3.2.1", True), ("::1", True), ("::ffff:127.0.0.1", True), ("localhost", True),
    ("10.0.0.1", False), ("169.254.169.254", False), ("192.168.1.1", False), ("::ffff:10.0.0.1", False),
    ("93.158.134.3", False), ("school.test", False), ("", False), (None, False),
])
def test_only_loopback_is_loopback(host, loopback):
    assert loopback_guard.is_loopback(host) is loopback


def test_the_net_is_in_place_in_the_test_process():
    assert loopback_guard.installed()
    assert socket.socket.connect is not loopback_guard.REAL["connect"]


def test_a_connection_to_a_private_address_is_refused_before_the_real_connect(tripwires):
    calls, refused = tripwires
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(ConnectionRefusedError, match="loopback-only"):
            sock.connect(("10.0.0.1", 80))
        assert sock.connect_ex(("169.254.169.254", 80)) == errno.ECONNREFUSED
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(ConnectionRefusedError):
            sock.sendto(b"x", ("10.0.0.1", 53))
    assert calls == []  # nothing reached the real calls: nothing was sent
    assert refused.read_text().count("\n") == 3
    # loopback goes through to the real call (here the tripwire), so the tripwire sits where packets start
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("127.0.0.1", 9))
    assert calls == [("connect", (("127.0.0.1", 9),))]


def test_host_names_do_not_resolve_and_send_no_query(tripwires):
    calls, refused = tripwires
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("metadata.google.internal", 80)
    with pytest.raises(socket.gaierror):
        socket.gethostbyname("example.org")
    socket.getaddrinfo("10.0.0.1", 80)  # a literal needs no query; connecting to it is refused
    assert calls == [("getaddrinfo", ("10.0.0.1", 80))]
    assert not refused.exists()  # an unknown name is not a fault of the test


CHILD = textwrap.dedent("""
    import socket, sys
    import loopback_guard
    if not loopback_guard.installed():
        sys.exit("net not installed")  # stop before trying anything
    def tripwire(*args):
        sys.exit("the real connect was reached")
    loopback_guard.REAL["connect"] = loopback_guard.REAL["connect_ex"] = tripwire
    try:
        socket.create_connection(("10.0.0.1", 80), timeout=1)
    except ConnectionRefusedError as refused:
        print("refused:", refused)
""")


def net_in_child_processes() -> subprocess.CompletedProcess:
    """A Python process started as the tests start crawls: the net must be there before it does anything."""
    return subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60)


def test_every_python_process_the_tests_start_has_the_net(tmp_path, monkeypatch):
    monkeypatch.setenv(loopback_guard.ENV, str(tmp_path / "refused.log"))
    proc = net_in_child_processes()
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("refused:") and "10.0.0.1" in proc.stdout
    assert "connect ('10.0.0.1', 80)" in (tmp_path / "refused.log").read_text()


@pytest.mark.e2e
def test_a_crawl_whose_guard_lets_a_private_address_through_is_stopped_by_the_net(tmp_path, monkeypatch):
    # The operator's --resolve mapping is trusted by the crawler's guard: mapping 10.0.0.1 to
    # itself turns the guard off for that address, as a regression of the guard would.
    from tests.helpers.sitekit import LoopbackSites, Resource, run_crawl, write_registry

    refused = tmp_path / "refused.log"
    monkeypatch.setenv(loopback_guard.ENV, str(refused))
    preflight = net_in_child_processes()  # never start the crawl without the net
    assert preflight.returncode == 0 and preflight.stdout.startswith("refused:"), preflight.stderr
    refused.write_text("")
    site = {"/": Resource("", status=302, headers={"Location": "http://10.0.0.1/"})}
    with LoopbackSites({"away.test": site}) as sites:
        write_registry(tmp_path / "registry.csv", sites, {"a": "away.test"})
        proc = run_crawl(tmp_path / "registry.csv", tmp_path / "out", "--quiet", "--resolve", "10.0.0.1=10.0.0.1",
                         timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # the crawler tried, in its own process, and the net refused: the redirect's target was never sent a packet
    lines = refused.read_text().splitlines()
    assert lines and all(line.startswith("connect ('10.0.0.1', 80) pid ") for line in lines), lines
    assert f"pid {os.getpid()}" not in lines[0]
