"""Why a site could not be audited: the fixed phrases every reason starts with.

The crawler writes a reason into the site's row (:mod:`crawler.diagnosis` words
each failure); the audit rules and the reports read it back. Each reason starts
with one of the phrases below, so reports can group them and rules can tell
"the site is broken for everyone" from "the site works, but a robot cannot
check it". The shape of a crawl cut short by its page budget (an endless
calendar) is judged here too, from the stored page addresses alone.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

NOT_RESPONDING = "сайт не отвечает"
CONNECTION_BROKEN = "сайт обрывает соединение"
NEEDS_JAVASCRIPT = "сайт требует JavaScript"
ROBOTS_FORBIDDEN = "доступ запрещён robots.txt"
TLS_CERTIFICATE = "ошибка сертификата TLS"
LINK_TRAP = "бесконечная ловушка ссылок"
REDIRECT_LOOP = "бесконечная переадресация"
PRIVATE_ADDRESS = "переход на внутренний адрес заблокирован"
TOO_LARGE = "ответ слишком большой"
COMPRESSION_BOMB = "сжатый ответ распаковывается в слишком большой объём"
# The registry row has no usable address (eduaudit.registry_check): nothing was asked for.
NO_ADDRESS = "адрес сайта не указан в реестре"

# Reasons for which the site may well work for people: the robot could not
# audit it, so the verdict is «не удалось проверить», not «не выполнено».
UNAUDITABLE = (NEEDS_JAVASCRIPT, ROBOTS_FORBIDDEN, NO_ADDRESS)


def is_unauditable(reason: str | None) -> bool:
    return bool(reason) and reason.startswith(UNAUDITABLE)


# -- the crawl of one site -----------------------------------------------------

_DIGITS = re.compile(r"\d+")


def url_shape(url: str) -> str:
    """A URL with its numbers and query values blanked: every page of a calendar has one shape."""
    parts = urlsplit(url)
    keys = sorted(p.split("=", 1)[0] for p in parts.query.split("&") if p)
    return _DIGITS.sub("N", parts.path) + ("?" + "&".join(keys) if keys else "")


def link_trap(page_urls: list[str], *, min_pages: int = 10) -> str | None:
    """The reason when most pages of a site share one generated shape (a calendar, search results)."""
    if len(page_urls) < min_pages:
        return None
    shape, count = Counter(url_shape(u) for u in page_urls).most_common(1)[0]
    if count < min_pages or count * 2 < len(page_urls) or "N" not in shape:
        return None
    return (f"{LINK_TRAP}: {count} страниц вида {shape} (календарь или поиск), "
            f"обход остановлен пределом страниц")
