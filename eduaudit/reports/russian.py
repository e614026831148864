"""Plain Russian for what people read: numbers that agree with their nouns, Moscow time, words for confidence.

Agreement comes from the project's dictionary (pymorphy3), not from a table of
endings, so every noun a report uses declines the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from audit_rules.morphology import analyzer

MOSCOW = ZoneInfo("Europe/Moscow")
# Above this a classifier's verdict is shown as certain; below it a person should look.
CONFIDENT = 0.8
LIKELY = 0.6


def agree(n: int, noun: str, case: str = "nomn") -> str:
    """«3 сайта», «5 сайтов», «из 21 школы»: the noun in the form that goes with the number."""
    parse = analyzer().parse(noun)[0]
    if case != "nomn":
        parse = parse.inflect({case}) or parse
    form = parse.make_agree_with_number(abs(int(n)))
    return form.word if form is not None else noun


def count(n: int, noun: str, case: str = "nomn") -> str:
    return f"{n} {agree(n, noun, case)}"


def _genitive_number(n: int) -> str:
    """'sing' when «из N …» takes the genitive singular (из 1, из 21), else 'plur'."""
    form = analyzer().parse("организация")[0].inflect({"gent"}).make_agree_with_number(abs(int(n)))
    return form.tag.number if form is not None else "plur"


def of_checked(n: int) -> str:
    """«из 6 проверенных», «из 21 проверенной» (ОО — an organisation, feminine)."""
    adjective = analyzer().parse("проверенная")[0]
    number = _genitive_number(n)
    grammemes = {"gent", "sing", "femn"} if number == "sing" else {"gent", "plur"}
    return f"из {n} {adjective.inflect(grammemes).word}"


def unreachable_phrase(n: int) -> str:
    """«1 сайт не удалось проверить», «3 сайта не удалось проверить»."""
    return f"{count(n, 'сайт')} не удалось проверить"


def moscow_time(value: str | dt.datetime | None, *, with_time: bool = True) -> str:
    """An ISO timestamp (UTC when it has no zone) as «27.03.2023 14:05 (МСК)»; "" for nothing."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return str(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    local = value.astimezone(MOSCOW)
    return local.strftime("%d.%m.%Y %H:%M (МСК)") if with_time else local.strftime("%d.%m.%Y")


def confidence_words(confidence: float | None) -> str:
    """A classifier's confidence as words a methodologist acts on."""
    if confidence is None:
        return ""
    if confidence >= CONFIDENT:
        return "уверенно"
    if confidence >= LIKELY:
        return "вероятно, стоит проверить"
    return "проверьте вручную"


_HTTP_ANSWER = re.compile(r"отвечает\s+ошибкой\s+HTTP\s*(\d{3})", re.IGNORECASE)
_HTTP_ERROR = re.compile(r"(?:код(?:ом)?\s+)?HTTP\s*(\d{3})", re.IGNORECASE)
_BARE_HTTP_OK = re.compile(r"^\s*HTTP\s*2\d\d\s*$", re.IGNORECASE)
# Only the program's own keys become words: a web page's text (markup, a URL's query) stays as it is.
_KEY_VALUE = re.compile(r"(?<![?&\w])(pairs|programmes|programs|documents|schools|pages)=(\d+)")
HTTP_WORDS = {"403": "доступ запрещён", "404": "страница не найдена", "410": "страница удалена",
              "500": "внутренняя ошибка сервера", "502": "сервер не отвечает", "503": "сервер временно недоступен",
              "504": "сервер не ответил вовремя"}
KEY_WORDS = {"pairs": "пар документов", "programmes": "программ", "programs": "программ", "documents": "документов",
             "schools": "школ", "pages": "страниц"}


def plain(text: str | None) -> str:
    """Evidence as a sentence: «HTTP 200» → «сайт открылся», «HTTP 503» → words, «pairs=4» → «пар документов: 4»."""
    if not text:
        return ""
    text = str(text)
    if _BARE_HTTP_OK.match(text):
        return "Сайт открылся."
    text = _HTTP_ANSWER.sub(lambda m: "сообщает: " + HTTP_WORDS.get(m.group(1), "ошибка сервера"), text)
    text = _HTTP_ERROR.sub(lambda m: "ответ «" + HTTP_WORDS.get(m.group(1), "ошибка сервера") + "»", text)
    return _KEY_VALUE.sub(lambda m: f"{KEY_WORDS.get(m.group(1), m.group(1).replace('_', ' '))}: {m.group(2)}", text)
