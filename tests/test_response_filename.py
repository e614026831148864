"""The name a downloaded file is stored and classified under, from its Content-Disposition."""

from __future__ import annotations

import pytest
from scrapy.http import Response

from crawler.spiders.school_site import response_filename


def answer(disposition: bytes | None, url: str = "http://school.test/file/download?id=5") -> Response:
    return Response(url, headers={b"Content-Disposition": disposition} if disposition else {})


@pytest.mark.parametrize("disposition, name", [
    # RFC 5987 encoding, as Bitrix and Gosweb send it
    (b"attachment; filename*=UTF-8''%D0%9F%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf", "Положение.pdf"),
    # the raw UTF-8 bytes many Russian servers put in a plain filename
    ("attachment; filename=\"Приказ № 5.docx\"".encode("utf-8"), "Приказ № 5.docx"),
    (b"attachment; filename=plan.docx", "plan.docx"),
    # both given: the encoded one wins (RFC 6266), whatever the order
    (b"attachment; filename=\"plan.pdf\"; filename*=UTF-8''%D0%BF%D0%BB%D0%B0%D0%BD.pdf", "план.pdf"),
    (b"attachment; filename*=utf-8''%D0%BF%D0%BB%D0%B0%D0%BD.pdf; filename=\"plan.pdf\"", "план.pdf"),
    # a language tag, and a Windows charset: both are RFC 5987 too
    (b"attachment; filename*=UTF-8'ru'%D0%BF%D0%BB%D0%B0%D0%BD.pdf", "план.pdf"),
    (b"attachment; filename*=windows-1251''%EF%EB%E0%ED.doc", "план.doc"),
])
def test_the_name_comes_from_content_disposition(disposition, name):
    assert response_filename(answer(disposition)) == name


def test_without_a_name_the_address_gives_it():
    assert response_filename(answer(b"inline", "http://school.test/upload/%D0%BF%D0%BB%D0%B0%D0%BD.pdf")) == "план.pdf"
    assert response_filename(answer(None, "http://school.test/docs/polozhenie.pdf")) == "polozhenie.pdf"
