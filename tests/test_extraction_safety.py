"""Hostile and broken files: each becomes a recorded failure of its own job, and the other
jobs of the same extract_many run come out unaffected. ZIP archives of documents."""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from fpdf import FPDF

from eduaudit.extraction import ArchiveRefused, Extraction, ExtractionSettings, \
    extract_archive_members, extract_bytes, extract_many, is_document_archive, unpack_archive
from eduaudit.extraction.pool import extract_file
from tests.helpers.extraction_docs import BODY, HTML_1251, SECRET, TITLE, docx_with_table, \
    docx_with_xxe, norm, odt_document, text_pdf

GIB = 1024 ** 3


# ---------------------------------------------------------------- hostile file builders

def zeros_deflated(size: int) -> tuple[bytes, int]:
    """A raw deflate stream of `size` zero bytes (size in whole MiB) and its CRC-32, cheaply.

    Each MiB block ends with a full flush, which byte-aligns it and resets the window, so
    one compressed block repeated is a valid stream; nothing of `size` is ever allocated.
    """
    mib = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(mib, crc)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    return block * (size >> 20) + final, crc


def raw_zip(entries: list[tuple[str | bytes, bytes, int, int]], *, flags: int = 0) -> bytes:
    """A ZIP of already deflated members: (name, deflated bytes, declared size, CRC).

    A str name is stored as UTF-8 with the UTF-8 flag; bytes are stored as they are, the
    way Windows archivers store cp866 names.
    """
    out = bytearray()
    central = bytearray()
    for name, deflated, size, crc in entries:
        encoded = name.encode("utf-8") if isinstance(name, str) else name
        entry_flags = (flags | 0x800) if isinstance(name, str) else flags
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, entry_flags, 8, 0, 0x21, crc,
                           len(deflated), size, len(encoded), 0) + encoded + deflated
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, entry_flags, 8, 0,
                               0x21, crc, len(deflated), size, len(encoded), 0, 0, 0, 0, 0,
                               offset) + encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                       len(central), start, 0)
    return bytes(out)


def deflated(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), len(data), zlib.crc32(data)


def docx_parts() -> list[tuple[str, bytes, int, int]]:
    with zipfile.ZipFile(io.BytesIO(docx_with_table())) as archive:
        return [(info.filename, *deflated(archive.read(info))) for info in archive.infolist()]


def docx_bomb() -> bytes:
    """A real DOCX plus a picture part that unpacks to 1 GiB of zeros (a 1 MB file)."""
    stream, crc = zeros_deflated(GIB)
    return raw_zip(docx_parts() + [("word/media/image1.png", stream, GIB, crc)])


def docx_lying_bomb() -> bytes:
    """A DOCX whose document.xml claims 2 KB but its stream holds 1 GiB of zeros."""
    stream, _crc = zeros_deflated(GIB)
    parts = [p if p[0] != "word/document.xml" else ("word/document.xml", stream, 2048, 0)
             for p in docx_parts()]
    return raw_zip(parts)


def odt_with_xxe(secret_path: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(odt_document())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "content.xml":
                text = data.decode("utf-8")
                end = text.index("?>") + 2
                text = (text[:end] + f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM '
                        f'"file://{secret_path}">]>' + text[end:])
                text = text.replace("Назначение куратора", "Назначение куратора &xxe;", 1)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret")
    return bytes(pdf.output())


def memory_hog_runner(path: Path, filename: str | None, content_type: str | None,
                      settings: ExtractionSettings) -> Extraction:
    """Job runner: 'hog.pdf' asks for more memory than the worker's address-space limit."""
    if filename == "hog.pdf":
        hoard = bytearray(4 * GIB)
        hoard[-1] = 1
    return extract_file(path, filename, content_type, settings)


# ---------------------------------------------------------------- one run, every hostile file

def test_hostile_files_fail_cleanly_and_leave_the_run_intact(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    pdf = text_pdf([TITLE, BODY])
    files = {
        # key: (file name, content type, bytes)
        "good_pdf": ("polozhenie.pdf", "application/pdf", pdf),
        "good_docx": ("polozhenie.docx", None, docx_with_table()),
        "good_html": ("index.html", "text/html", HTML_1251.encode("cp1251")),
        "truncated": ("cut.pdf", "application/pdf", pdf[: len(pdf) // 2]),
        "encrypted": ("locked.pdf", "application/pdf", encrypted_pdf()),
        "bomb": ("bomb.docx", None, docx_bomb()),
        "lying_bomb": ("lying.docx", None, docx_lying_bomb()),
        "xxe_docx": ("evil.docx", None, docx_with_xxe(secret)),
        "xxe_odt": ("evil.odt", None, odt_with_xxe(secret)),
        "empty": ("nothing.pdf", "application/pdf", b""),
        # A PDF served as an HTML page under a .doc name: the bytes decide.
        "mislabeled": ("polozhenie.doc", "text/html", pdf),
        # Binary junk served as a web page.
        "junk_as_html": ("page.html", "text/html", bytes(range(256)) * 8),
        "hog": ("hog.pdf", "application/pdf", pdf),
    }
    jobs = []
    for key, (name, ctype, data) in files.items():
        path = tmp_path / f"{key}.bin"
        path.write_bytes(data)
        jobs.append((key, path, name, ctype))
    settings = ExtractionSettings(worker_memory_mb=1536)
    # The hog fails on its memory limit (MemoryError below), not on the 60 s time limit.
    results = dict(extract_many(jobs, workers=2, timeout=60.0, settings=settings,
                                runner=memory_hog_runner))
    assert set(results) == set(files)

    for key in ("good_pdf", "good_docx", "good_html", "mislabeled"):
        assert results[key].status == "ok", results[key]
        assert TITLE in norm(results[key].text)
    assert results["mislabeled"].format == "pdf"

    def failed(key: str, *words: str) -> None:
        result = results[key]
        assert result.status == "failed" and result.text == "", result
        for word in words:
            assert word in result.error, result.error

    failed("truncated", "PDF")
    failed("encrypted", "encrypted")
    failed("bomb", "zip bomb", "1024 MB")
    failed("lying_bomb", "word/document.xml")
    failed("xxe_docx", "XXE")
    failed("xxe_odt", "XXE")
    failed("hog", "MemoryError")
    for key in ("xxe_docx", "xxe_odt"):
        assert SECRET not in (results[key].error or "")
    assert (results["empty"].status, results["empty"].error) == ("empty", "file is empty (0 bytes)")
    assert results["junk_as_html"].status == "unsupported"
    assert "binary data labelled as html" in results["junk_as_html"].error


def test_every_hostile_file_fails_the_same_way_in_process(tmp_path):
    # extract_bytes (no pool) gives the same records: the pool adds isolation, not the checks.
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    assert "zip bomb" in extract_bytes(docx_bomb()).error
    assert extract_bytes(docx_lying_bomb()).status == "failed"
    odt = extract_bytes(odt_with_xxe(secret), filename="evil.odt")
    assert (odt.status, odt.format) == ("failed", "odt") and SECRET not in odt.error


# ---------------------------------------------------------------- ZIP archives of documents

def _zip(members: dict[str, bytes], *, cp866: bool = False) -> bytes:
    return raw_zip([(name.encode("cp866") if cp866 else name, *deflated(data))
                    for name, data in members.items()])


def test_archive_members_are_documents_of_their_own():
    inner = _zip({"Приказ.docx": docx_with_table(), "deeper.zip": _zip({"x.txt": b"x"})})
    stream, crc = zeros_deflated(40 << 20)
    bomb = raw_zip([("blank.bmp", stream, 40 << 20, crc)])
    outer = _zip({"Положение.pdf": text_pdf([TITLE]), "План.txt": BODY.encode("cp1251"),
                  "__MACOSX/._Положение.pdf": b"\x00\x05", "docs/": b"",
                  "nested.zip": inner, "bomb.zip": bomb, "broken.pdf": b"%PDF-1.4 junk"},
                 cp866=True)
    assert is_document_archive(outer) and not is_document_archive(docx_with_table())
    results = dict(extract_archive_members(outer))
    assert set(results) == {"Положение.pdf", "План.txt", "nested.zip/Приказ.docx",
                            "nested.zip/deeper.zip", "bomb.zip/blank.bmp", "broken.pdf"}
    assert results["Положение.pdf"].status == "ok" and TITLE in norm(results["Положение.pdf"].text)
    assert results["План.txt"].text == BODY
    assert results["nested.zip/Приказ.docx"].format == "docx"
    assert TITLE in results["nested.zip/Приказ.docx"].text
    assert "nested too deep" in results["nested.zip/deeper.zip"].error
    assert "zip bomb" in results["bomb.zip/blank.bmp"].error
    assert results["broken.pdf"].status == "failed"


def test_archive_limits():
    many = _zip({f"{n}.txt": b"text" for n in range(60)})
    with pytest.raises(ArchiveRefused, match="over the limit of 50"):
        unpack_archive(many)
    stream, crc = zeros_deflated(GIB)
    with pytest.raises(ArchiveRefused, match="possible zip bomb"):
        unpack_archive(raw_zip([("a.bin", stream, GIB, crc)]))
    big = _zip({"scan.pdf": text_pdf([TITLE])})
    (member,) = unpack_archive(big, ExtractionSettings(max_member_bytes=100))
    assert member.data is None and "too large" in member.error
    locked = raw_zip([("secret.pdf", *deflated(b"%PDF-1.4"))], flags=0x1)
    (member,) = unpack_archive(locked)
    assert member.data is None and "encrypted" in member.error
    ((name, result),) = extract_archive_members(b"PK\x03\x04 not really a zip")
    assert (name, result.status) == ("", "failed") and "damaged" in result.error


def test_plain_zip_through_extract_bytes_points_to_members():
    result = extract_bytes(_zip({"a.pdf": text_pdf([TITLE])}), filename="docs.zip")
    assert (result.status, result.format) == ("unsupported", "zip")
    assert "members" in result.error
