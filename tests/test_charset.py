"""One charset policy for pages the crawler reads and files extraction reads."""

from __future__ import annotations

import codecs

from scrapy.http import HtmlResponse, Request

from crawler.middlewares import CharsetRepairMiddleware
from eduaudit.sitefacts.charset import decode_bytes

RUSSIAN = "Наставничество: положение, дорожная карта и приказ о закреплении наставников."


def _page(body: bytes, content_type: bytes = b"text/html; charset=utf-8") -> HtmlResponse:
    return HtmlResponse("http://school.test/", body=body, headers={b"Content-Type": content_type},
                        request=Request("http://school.test/"))


def test_the_bytes_own_evidence_comes_before_a_declaration():
    cp1251 = RUSSIAN.encode("cp1251")
    assert decode_bytes(codecs.BOM_UTF8 + RUSSIAN.encode()) == (RUSSIAN, "utf-8")
    assert decode_bytes(RUSSIAN.encode(), declared=["windows-1251"]) == (RUSSIAN, "utf-8")
    assert decode_bytes(cp1251, declared=["koi8-r"])[1] == "koi8-r"
    assert decode_bytes(cp1251) == (RUSSIAN, "cp1251")
    # a stray byte in UTF-8 text is a broken UTF-8 file, not a cp1251 one
    broken = RUSSIAN.encode() * 20 + b"\xff"
    assert decode_bytes(broken)[1] == "utf-8"


def test_a_page_under_a_lying_utf8_header_is_reread_as_windows_1251():
    repair = CharsetRepairMiddleware()
    html = f"<html><body><a href='/d'>{RUSSIAN}</a></body></html>"
    fixed = repair.process_response(None, _page(html.encode("cp1251")))
    assert fixed.text.count("Наставничество") == 1
    assert fixed.headers[b"X-Declared-Content-Type"] == b"text/html; charset=utf-8"
    # what the page declares itself is believed, and good UTF-8 is left alone
    declared = _page(f"<meta charset='koi8-r'>{RUSSIAN}".encode("koi8-r"))
    assert repair.process_response(None, declared) is declared
    fine = _page(html.encode())
    assert repair.process_response(None, fine) is fine
    # UTF-8 with one broken byte stays UTF-8 (decoded as cp1251 it would read «РќР°…», Cyrillic too)
    almost = _page(html.encode() * 10 + b"\xff")
    assert repair.process_response(None, almost) is almost


def test_a_template_of_long_latin_class_names_is_judged_by_its_words():
    # A modern template's markup (BEM classes, a script) has far more Latin letters than the
    # page has Russian words; the page is still Russian text in windows-1251.
    repair = CharsetRepairMiddleware()
    item = ('<li class="main-nav__item main-nav__item--has-popup"><a class="main-nav__link '
            'main-nav__link--level-1" href="/svedeniya-ob-obrazovatelnoy-organizatsii/">{}</a></li>')
    html = ("<html><head><script src='/template/gosweb2/assets/js/app.min.js'></script>"
            "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>"
            "</head><body><ul class='main-nav__list'>" + "".join(item.format(w) for w in ("Сведения", "Новости")) +
            "</ul><h1 class='page-title page-title--large'>Наставничество</h1></body></html>")
    fixed = repair.process_response(None, _page(html.encode("cp1251")))
    assert fixed.encoding == "cp1251" and "Наставничество" in fixed.text
