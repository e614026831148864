"""A safety net for tests: this process talks to loopback only, whatever the code under test does.

The crawler has its own guard against private addresses (crawler.middlewares); the tests
that check it serve links and redirects to 10.0.0.1 and 169.254.169.254. Should that guard
ever regress, the crawl would try those addresses for real. This net sits below every
Python network library: ``socket.socket.connect``, ``connect_ex``, ``sendto`` and ``sendmsg``
refuse an IPv4 or IPv6 address that is not loopback before the real call is made, so
nothing is sent; and host names other than ``localhost`` do not resolve (no DNS query
leaves either: a name the tests did not map is unknown, as on a network without it).

A refused connection or datagram is also written, one line each, to the file named by
``EDUAUDIT_TEST_LOOPBACK_ONLY``; tests/conftest.py fails the test during which one appears,
so a guard that let a request through is caught, not just blocked. tests/conftest.py
installs the net in the pytest process and, through ``sitecustomize`` in this folder put
on ``PYTHONPATH``, in every Python process the tests start (crawls, their shard and
extraction workers, the fault drill). Nothing in the product imports this module.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket

ENV = "EDUAUDIT_TEST_LOOPBACK_ONLY"
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
INTERNET_FAMILIES = (socket.AF_INET, socket.AF_INET6)
# The calls the net replaces, kept to be called for loopback (a test may swap one for a tripwire).
REAL: dict[str, object] = {}


class NonLoopbackRefused(ConnectionRefusedError):
    """A connection or datagram to an address beyond loopback, refused before it was sent."""


def is_loopback(host) -> bool:
    """Whether ``host`` (an IP literal or a local name) is this machine's loopback."""
    if not isinstance(host, str):
        return False
    if host.lower().rstrip(".") in LOCAL_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _is_ip_literal(host) -> bool:
    try:
        ipaddress.ip_address(str(host).strip("[]").split("%", 1)[0])
        return True
    except ValueError:
        return False


def _allowed(sock, address) -> bool:
    if sock.family not in INTERNET_FAMILIES:
        return True  # Unix sockets and netlink do not leave the machine
    return isinstance(address, tuple) and is_loopback(address[0])


def _record(what: str, target) -> None:
    path = os.environ.get(ENV)
    if path:
        # One write of one line in append mode: lines from many processes do not mix.
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{what} {target!r} pid {os.getpid()}\n")


def _refuse(what: str, address):
    _record(what, address)
    return NonLoopbackRefused(errno.ECONNREFUSED, f"refused by the tests' loopback-only net: {what} to {address!r}")


def _connect(self, address):
    if not _allowed(self, address):
        raise _refuse("connect", address)
    return REAL["connect"](self, address)


def _connect_ex(self, address):
    if not _allowed(self, address):
        _refuse("connect", address)
        return errno.ECONNREFUSED  # as a refused connection reads to a non-blocking caller
    return REAL["connect_ex"](self, address)


def _sendto(self, data, *args):
    address = args[-1] if args else None
    if address is not None and not _allowed(self, address):
        raise _refuse("sendto", address)
    return REAL["sendto"](self, data, *args)


def _sendmsg(self, buffers, *args):
    address = args[2] if len(args) > 2 else None
    if address is not None and not _allowed(self, address):
        raise _refuse("sendmsg", address)
    return REAL["sendmsg"](self, buffers, *args)


def _unknown_name(host):
    return socket.gaierror(socket.EAI_NONAME, f"{host}: unknown to the tests' loopback-only net (no DNS query sent)")


def _resolvable(host) -> bool:
    return host is None or _is_ip_literal(host) or is_loopback(host)


def _getaddrinfo(host, *args, **kwargs):
    name = host.decode("idna") if isinstance(host, bytes) else host
    if not _resolvable(name):
        raise _unknown_name(name)
    return REAL["getaddrinfo"](host, *args, **kwargs)


def _gethostbyname(host):
    if not _resolvable(host):
        raise _unknown_name(host)
    return REAL["gethostbyname"](host)


def _gethostbyname_ex(host):
    if not _resolvable(host):
        raise _unknown_name(host)
    return REAL["gethostbyname_ex"](host)


def installed() -> bool:
    return getattr(socket.socket.connect, "loopback_only", False)


def install() -> None:
    """Put the net in place in this process (once; a second call does nothing)."""
    if installed():
        return
    for name, guarded in (("connect", _connect), ("connect_ex", _connect_ex), ("sendto", _sendto),
                          ("sendmsg", _sendmsg)):
        REAL[name] = getattr(socket.socket, name)
        guarded.loopback_only = True
        setattr(socket.socket, name, guarded)
    for name, guarded in (("getaddrinfo", _getaddrinfo), ("gethostbyname", _gethostbyname),
                          ("gethostbyname_ex", _gethostbyname_ex)):
        REAL[name] = getattr(socket, name)
        setattr(socket, name, guarded)
