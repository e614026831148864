"""Why a site could not be audited, in words a coordinator understands.

The crawler meets the real internet: hosts that never answer, redirects that
go round in circles or into the operator's own network, home pages that are
only a JavaScript shell, robots.txt that forbids everything, certificates that
expired. Each becomes one Russian reason that starts with a fixed phrase, so
reports can group them and rules can tell "the site is broken for everyone"
from "the site works, but a robot cannot check it".
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from scrapy.exceptions import IgnoreRequest

# The phrases every reason starts with live below the crawler, where the audit rules
# and reports read them too (eduaudit.sitefacts.reasons); they are reachable here as well.
from eduaudit.sitefacts.reasons import (COMPRESSION_BOMB, CONNECTION_BROKEN, LINK_TRAP, NEEDS_JAVASCRIPT,
                                        NO_ADDRESS, NOT_RESPONDING, PRIVATE_ADDRESS, REDIRECT_LOOP,
                                        ROBOTS_FORBIDDEN, TLS_CERTIFICATE, TOO_LARGE, UNAUDITABLE,
                                        is_unauditable, link_trap, url_shape)

__all__ = [
    # eduaudit.sitefacts.reasons
    "COMPRESSION_BOMB", "CONNECTION_BROKEN", "LINK_TRAP", "NEEDS_JAVASCRIPT", "NO_ADDRESS", "NOT_RESPONDING",
    "PRIVATE_ADDRESS", "REDIRECT_LOOP", "ROBOTS_FORBIDDEN", "TLS_CERTIFICATE", "TOO_LARGE", "UNAUDITABLE",
    "is_unauditable", "link_trap", "url_shape",
    # the crawler's own diagnosis
    "BlockedAddress", "failure_reason", "needs_javascript", "certificate_problem",
]


class BlockedAddress(IgnoreRequest):
    """A request (or redirect) that would reach a private, loopback or link-local address."""


def failure_reason(failure, max_size: int | None = None) -> str:
    """A Russian reason for a failed request, starting with a phrase of eduaudit.sitefacts.reasons."""
    # Twisted is imported here, not at the top: a module that reads only the phrases
    # (eduaudit.stages) does not load it.
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet import defer
    from twisted.internet import error as twisted_errors
    from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

    # Scrapy ≥ 2.14 wraps the Twisted errors in its own download exceptions.
    from scrapy import exceptions as scrapy_errors

    if max_size is None:
        from crawler import settings as project_settings

        max_size = project_settings.DOWNLOAD_MAXSIZE
    value = failure.value
    message = str(value)
    if failure.check(HttpError):
        return f"сайт отвечает ошибкой HTTP {value.response.status}"
    if failure.check(BlockedAddress):
        return str(value)
    if failure.check(twisted_errors.DNSLookupError, scrapy_errors.CannotResolveHostError):
        return "адрес сайта не найден (ошибка DNS)"
    if failure.check(twisted_errors.ConnectionRefusedError, scrapy_errors.DownloadConnectionRefusedError):
        return f"{NOT_RESPONDING} (соединение отклонено)"
    if failure.check(twisted_errors.TimeoutError, twisted_errors.TCPTimedOutError,
                     scrapy_errors.DownloadTimeoutError):
        return f"{NOT_RESPONDING} (превышено время ожидания)"
    if "during decompression" in message:
        return f"{COMPRESSION_BOMB} (больше {_megabytes(max_size)}), загрузка прервана"
    if "max size" in message or failure.check(defer.CancelledError, scrapy_errors.DownloadCancelledError):
        # Scrapy cancels a download past DOWNLOAD_MAXSIZE; nothing else here cancels one.
        return f"{TOO_LARGE} (больше {_megabytes(max_size)}), загрузка прервана"
    if failure.check(scrapy_errors.ResponseDataLossError) or (failure.check(ResponseFailed) and _data_lost(value)):
        return f"{CONNECTION_BROKEN}: ответ оборван короче заявленной длины (Content-Length)"
    if failure.check(ResponseNeverReceived, ResponseFailed, twisted_errors.ConnectionLost,
                     twisted_errors.ConnectionDone, scrapy_errors.DownloadFailedError):
        return f"{CONNECTION_BROKEN}, не передав ответ полностью"
    if failure.check(IgnoreRequest):
        lowered = message.lower()
        if "robots" in lowered:
            return f"{ROBOTS_FORBIDDEN}: сайт запрещает роботам обход"
        if "redirection" in lowered or "redirect" in lowered:
            return f"{REDIRECT_LOOP}: сайт переадресует по кругу"
        return f"запрос отменён: {message}"[:300]
    return f"ошибка загрузки: {failure.type.__name__}: {failure.getErrorMessage()}"[:300]


def _data_lost(value) -> bool:
    reasons = getattr(value, "reasons", None) or []
    return any("DataLoss" in type(getattr(r, "value", r)).__name__ for r in reasons)


def _megabytes(size: int | None) -> str:
    return f"{size // (1024 * 1024)} МБ" if size else "допустимого предела"


# -- the home page -------------------------------------------------------------

_SKIP_HREF = ("#", "javascript:", "mailto:", "tel:")
_WS = re.compile(r"\s+")


_BUILDS_LINKS = re.compile(r"createElement\(\s*['\"]a['\"]|\.href\s*=|innerHTML|\.render\(|\bmenu\b", re.I)


def needs_javascript(selector) -> str | None:
    """The reason when a home page is a script shell.

    All of: (almost) no links in the HTML, little visible text, and a sign
    that a script builds the page — a <noscript> warning, an empty mount
    point (#app, #root) or a script that makes links. A small page with an
    analytics counter is not a shell.
    """
    hrefs = [h.strip() for h in selector.css("a::attr(href)").getall()]
    links = [h for h in hrefs if h and not h.lower().startswith(_SKIP_HREF)]
    scripts = selector.css("script")
    if len(links) > 2 or not scripts:
        return None
    text = _WS.sub(" ", " ".join(selector.xpath("//body//text()[not(ancestor::script) and "
                                                "not(ancestor::style) and not(ancestor::noscript)]").getall()))
    if len(text.strip()) > 400:
        return None
    mount = selector.xpath("//body//*[(@id='app' or @id='root' or @id='__next' or @id='__nuxt') "
                           "and not(normalize-space())]")
    builder = any(_BUILDS_LINKS.search(code) for code in selector.css("script::text").getall())
    if not (selector.css("noscript") or mount or builder):
        return None
    return f"{NEEDS_JAVASCRIPT}: меню главной страницы строится скриптом, ссылок в HTML нет"


def certificate_problem(certificate, now: datetime | None = None) -> str | None:
    """The reason when the HTTPS certificate is expired, not yet valid or self-signed.

    Scrapy does not verify certificates (many Russian hosts use the Russian
    Trusted Root, missing from common bundles), so the content is still
    audited; the certificate itself is reported.
    """
    if certificate is None:
        return None
    x509 = getattr(certificate, "original", certificate)
    now = now or datetime.now(timezone.utc)
    try:
        not_after = _asn1_time(x509.get_notAfter())
        not_before = _asn1_time(x509.get_notBefore())
        self_signed = x509.get_subject() == x509.get_issuer()
    except Exception:  # noqa: BLE001 — an unreadable certificate is a certificate problem too
        return f"{TLS_CERTIFICATE}: сертификат не читается"
    if not_after and not_after < now:
        return f"{TLS_CERTIFICATE}: срок действия истёк {not_after:%d.%m.%Y}"
    if not_before and not_before > now:
        return f"{TLS_CERTIFICATE}: сертификат ещё не действует"
    if self_signed:
        return f"{TLS_CERTIFICATE}: сертификат самоподписанный"
    return None


def _asn1_time(value: bytes | None) -> datetime | None:
    if not value:
        return None
    return datetime.strptime(value.decode("ascii"), "%Y%m%d%H%M%SZ").replace(tzinfo=timezone.utc)
