"""Plain Russian in what people read: rule titles, no HTTP codes or key=value, Moscow time, agreement."""

from __future__ import annotations

import re

import openpyxl
import pytest

from audit_rules import all_rules
from audit_rules.mun_plan import RULE as PLAN
from audit_rules.mun_regulation import RULE as REGULATION
from eduaudit.reports.build import write_reports
from eduaudit.reports.russian import confidence_words, moscow_time, plain
from eduaudit.store import Store

JARGON = re.compile(r"\bHTTP\s*\d{3}\b|\b[a-z_]+=\d|\bUTC\b|\(о\)")
URL = re.compile(r"https?://\S+")


def test_plain_sentences_for_codes_and_pairs():
    assert plain("HTTP 200") == "Сайт открылся."
    assert plain("сайт отвечает ошибкой HTTP 503") == "сайт сообщает: сервер временно недоступен"
    assert plain("страница вернула HTTP 404") == "страница вернула ответ «страница не найдена»"
    assert plain("pairs=4, programmes=2") == "пар документов: 4, программ: 2"
    assert plain("Положение о наставничестве") == "Положение о наставничестве"
    assert plain("http://a.test/file?id=1341 <img src=x>") == "http://a.test/file?id=1341 <img src=x>"


def test_confidence_in_words_and_moscow_time():
    assert [confidence_words(c) for c in (0.92, 0.7, 0.3)] == ["уверенно", "вероятно, стоит проверить",
                                                               "проверьте вручную"]
    assert moscow_time("2023-03-27T21:30:00") == "28.03.2023 00:30 (МСК)"
    assert moscow_time("2023-03-27T21:30:00+00:00", with_time=False) == "28.03.2023"


def test_municipal_documents_agree_in_gender():
    assert PLAN.not_found == "не найден" and REGULATION.not_found == "не найдено"


@pytest.fixture(scope="module")
def reports(audited_region, tmp_path_factory):
    store = Store(audited_region.db)
    return write_reports(store, store.latest_run(), tmp_path_factory.mktemp("phrases"), compare=False)


def test_workbook_speaks_plainly(reports):
    book = openpyxl.load_workbook(reports.svod)
    ids = {r.id for r in all_rules()}
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and not value.startswith("http"):
                    assert not JARGON.search(URL.sub("", value)), (sheet.title, value)
                    assert value not in ids, (sheet.title, value)
    about = [r[0] for r in book["О проверке"].iter_rows(values_only=True)]
    assert {r.title for r in all_rules("school")} <= set(about)


def test_dashboard_and_gap_files_speak_plainly(reports):
    page = reports.dashboard.read_text(encoding="utf-8")
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S))
    assert not JARGON.search(URL.sub("", visible)), JARGON.search(URL.sub("", visible))
    assert "(МСК)" in visible
    for _, csv_path in reports.gaps.values():
        text = csv_path.read_text(encoding="utf-8-sig")
        assert not re.search(r"\bHTTP\s*\d{3}\b|\(о\)", text)
