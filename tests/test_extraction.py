"""Text extraction from real documents generated at test time, plus hostile inputs."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from PIL import Image

from eduaudit.extraction import Extraction, ExtractionSettings, extract_bytes, extract_many
from eduaudit.extraction.pool import extract_file
from eduaudit.extraction.sniffing import sniff_format
from eduaudit.extraction.textquality import is_garbage_layer, repair_mojibake
from tests.helpers.extraction_docs import BODY, FONT, HTML_1251, ROADMAP, SCAN_LINES, SECRET, TITLE, \
    docx_with_table, docx_with_xxe, image_only_pdf, norm, odt_document, render_lines, rtf_cp1251_escapes, \
    rtf_unicode_escapes, scan_with_garbage_layer, text_pdf


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def scan_image() -> Image.Image:
    return render_lines(SCAN_LINES)


@pytest.fixture(scope="module")
def doc_files(tmp_path_factory) -> dict[str, bytes]:
    """Real Word 97 files, converted by LibreOffice from RTF: a full page and a two-liner."""
    workdir = tmp_path_factory.mktemp("doc")
    full = "\\par ".join([TITLE, BODY] + [f"{n}. {BODY}" for n in range(2, 7)])
    (workdir / "full.rtf").write_bytes(rtf_cp1251_escapes(full))
    (workdir / "short.rtf").write_bytes(rtf_cp1251_escapes(f"{TITLE}\\par {BODY}"))
    profile = workdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "doc", "--outdir", str(workdir),
         str(workdir / "full.rtf"), str(workdir / "short.rtf")],
        check=True, capture_output=True, timeout=120)
    return {name: (workdir / f"{name}.doc").read_bytes() for name in ("full", "short")}


# ---------------------------------------------------------------- formats

def test_text_pdf_reads_every_page_without_ocr():
    result = extract_bytes(text_pdf([f"{TITLE}\n{BODY}", ROADMAP]), filename="polozhenie.pdf")
    assert (result.status, result.format, result.page_count, result.ocr_used) == ("ok", "pdf", 2, False)
    assert TITLE in norm(result.text)
    assert ROADMAP in result.text
    assert result.extractor == "pypdfium2"


def test_page_cap_limits_pages_read_but_reports_all():
    data = text_pdf([f"{TITLE} страница {n}" for n in range(1, 6)])
    result = extract_bytes(data, settings=ExtractionSettings(max_pages=2))
    assert result.page_count == 5
    assert "страница 2" in result.text and "страница 3" not in result.text


def test_image_only_pdf_is_ocred(scan_image):
    result = extract_bytes(image_only_pdf(scan_image), filename="scan.pdf")
    assert (result.status, result.format, result.page_count, result.ocr_used) == ("ok", "pdf", 1, True)
    assert "наставничества" in result.text.lower()
    assert "педагогических работников" in norm(result.text).lower()
    assert "[OCR]" not in result.text


def test_ocr_limit_and_disabled_ocr(scan_image):
    data = image_only_pdf(scan_image, copies=2)
    off = extract_bytes(data, settings=ExtractionSettings(ocr_enabled=False))
    assert (off.status, off.page_count, off.ocr_used) == ("empty", 2, False)
    assert "OCR" in off.error
    limited = extract_bytes(data, settings=ExtractionSettings(max_ocr_pages=1))
    assert (limited.status, limited.page_count, limited.ocr_used) == ("ok", 2, True)
    assert limited.text.lower().count("наставничества") == 1


def test_scan_with_small_signature_stamp_is_still_ocred(scan_image):
    # Signed scans carry a visible text stamp; the page is still a picture of the document.
    stamp = "Документ подписан электронной подписью. Владелец: Иванова Анна Петровна"
    width_mm, height_mm = scan_image.width / 200 * 25.4, scan_image.height / 200 * 25.4 + 12
    pdf = FPDF(unit="mm", format=(width_mm, height_mm))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    png = io.BytesIO()
    scan_image.save(png, format="PNG")
    pdf.image(png, x=0, y=0, w=width_mm, h=height_mm - 12)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=7)
    pdf.set_xy(2, height_mm - 10)
    pdf.cell(text=stamp)
    result = extract_bytes(bytes(pdf.output()))
    assert result.status == "ok" and result.ocr_used
    assert "педагогических работников" in norm(result.text).lower()


def test_garbage_text_layer_is_replaced_by_ocr(scan_image):
    garbage = "Ilo:roxesue o cucTeMe HacTaBHu4ecTBa rle,qarornyecknx pa6oTHukoB Ilo:rox<eHue"
    result = extract_bytes(scan_with_garbage_layer(scan_image, garbage))
    assert result.status == "ok" and result.ocr_used
    assert "наставничества" in result.text.lower()
    assert "Ilo:roxesue" not in result.text


def test_image_file_is_ocred(scan_image):
    buffer = io.BytesIO()
    scan_image.save(buffer, format="PNG", dpi=(200, 200))
    result = extract_bytes(buffer.getvalue(), filename="scan.png")
    assert (result.status, result.format, result.ocr_used) == ("ok", "image", True)
    assert "педагогических работников" in norm(result.text).lower()


def test_docx_paragraphs_and_table_in_order():
    result = extract_bytes(docx_with_table(), filename="polozhenie.docx")
    assert (result.status, result.format, result.ocr_used) == ("ok", "docx", False)
    text = result.text
    assert text.index(TITLE) < text.index("Закрепление наставнических пар") < text.index("Настоящее")
    assert "Мероприятие | Срок" in text


def test_odt_headings_paragraphs_tables():
    result = extract_bytes(odt_document(), filename="polozhenie.odt")
    assert (result.status, result.format) == ("ok", "odt")
    assert result.text.splitlines()[0] == TITLE
    assert "Назначение куратора | август" in result.text


def test_rtf_unicode_escapes():
    result = extract_bytes(rtf_unicode_escapes(TITLE), filename="a.rtf")
    assert (result.status, result.format, result.text) == ("ok", "rtf", TITLE)


def test_rtf_cp1251_escapes():
    result = extract_bytes(rtf_cp1251_escapes(f"{TITLE}\\par {BODY}"))
    assert (result.status, result.format) == ("ok", "rtf")
    assert result.text.splitlines()[0] == TITLE


def test_rtf_with_cp1251_bytes_but_western_codepage():
    # Old Russian editors declare \ansicpg1252 and still write cp1251 in \'hh escapes.
    data = rtf_cp1251_escapes(TITLE).replace(b"ansicpg1251", b"ansicpg1252").replace(
        b"\\fcharset204", b"")
    assert extract_bytes(data).text == TITLE


def test_real_doc_via_antiword(doc_files):
    data = doc_files["full"]
    assert data[:4] == b"\xd0\xcf\x11\xe0"
    result = extract_bytes(data, filename="Polozhenie_o_nastavnichestve.doc")
    assert (result.status, result.format, result.extractor) == ("ok", "doc", "antiword")
    assert result.text.splitlines()[0] == TITLE
    assert "Наставник назначается приказом директора" in result.text


def test_short_doc_falls_back_to_catdoc(doc_files):
    # antiword refuses very small text streams; catdoc reads them.
    result = extract_bytes(doc_files["short"], content_type="application/msword")
    assert (result.status, result.format, result.extractor) == ("ok", "doc", "catdoc")
    assert TITLE in norm(result.text)


def test_doc_named_file_that_is_rtf_or_html():
    rtf = extract_bytes(rtf_cp1251_escapes(TITLE), filename="polozhenie.doc",
                        content_type="application/msword")
    assert (rtf.format, rtf.text) == ("rtf", TITLE)
    html = extract_bytes(HTML_1251.encode("cp1251"), filename="polozhenie.doc")
    assert html.format == "html" and TITLE in html.text


def test_html_cp1251_drops_menus_and_scripts():
    result = extract_bytes(HTML_1251.encode("cp1251"), content_type="text/html")
    assert (result.status, result.format) == ("ok", "html")
    assert TITLE in result.text and "Иванова А. П." in result.text
    for chrome in ("Новости школы", "Пункт бокового меню", "Главное меню скрипт",
                   "Все права защищены", "color: red"):
        assert chrome not in result.text


def test_html_charset_fallback_without_declaration():
    page = f"<html><body><p>{TITLE}</p></body></html>".encode("cp1251")
    assert TITLE in extract_bytes(page).text
    lying = extract_bytes(f"<html><body><p>{TITLE}</p></body></html>".encode("utf-8"),
                          content_type="text/html; charset=windows-1251")
    assert TITLE in lying.text


def test_txt_utf8_and_cp1251():
    assert extract_bytes(TITLE.encode("utf-8"), filename="a.txt").text == TITLE
    result = extract_bytes(TITLE.encode("cp1251"), filename="a.txt")
    assert (result.status, result.format, result.text) == ("ok", "txt", TITLE)


# ---------------------------------------------------------------- sniffing and hostile input

def test_magic_bytes_beat_labels():
    pdf = text_pdf([TITLE])
    result = extract_bytes(pdf, filename="page.html", content_type="text/html")
    assert (result.status, result.format) == ("ok", "pdf")
    assert sniff_format(docx_with_table(), "x.pdf").format == "docx"
    assert sniff_format(odt_document(), None, "application/pdf").format == "odt"


def test_truncated_pdf_fails_cleanly():
    data = text_pdf([TITLE, BODY])
    result = extract_bytes(data[: len(data) // 2], filename="cut.pdf")
    assert (result.status, result.format) == ("failed", "pdf")
    assert result.error


def test_zero_bytes_is_empty():
    result = extract_bytes(b"", filename="nothing.pdf")
    assert (result.status, result.format, result.text) == ("empty", "pdf", "")
    assert "0 bytes" in result.error


def test_random_bytes_named_pdf_fail():
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    result = extract_bytes(noise, filename="report.pdf")
    assert result.status == "failed" and result.format == "pdf" and result.error


def test_encrypted_pdf_reports_reason():
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret")
    result = extract_bytes(bytes(pdf.output()))
    assert result.status == "failed" and "encrypted" in result.error


def test_docx_external_entity_is_never_read(tmp_path):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET)
    result = extract_bytes(docx_with_xxe(secret_file), filename="evil.docx")
    assert result.format == "docx"
    assert result.status in ("failed", "empty", "ok")
    assert SECRET not in result.text and SECRET not in (result.error or "")


def test_unsupported_formats_are_named():
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types><Override ContentType="application/vnd.openxmlformats-'
                         'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    result = extract_bytes(xlsx.getvalue(), filename="plan.xlsx")
    assert (result.status, result.format) == ("unsupported", "zip")
    assert "xlsx" in result.error
    rar = extract_bytes(b"Rar!\x1a\x07\x00" + bytes(64), filename="docs.rar")
    assert rar.status == "unsupported" and "rar" in rar.error


def test_size_cap():
    result = extract_bytes(text_pdf([TITLE]), settings=ExtractionSettings(max_bytes=100))
    assert result.status == "failed" and "too large" in result.error


def test_garbage_and_mojibake_detectors():
    assert is_garbage_layer("Ilo:roxesue o cucTeMe HacTaBHu4ecTBa rle,qarornyecknx pa6oTHukoB "
                            "B MEOY CIII Ne 5 r. CMoneHcka")
    assert not is_garbage_layer(BODY)
    assert not is_garbage_layer("This regulation sets out the aims and the order of the "
                                "mentoring of teachers in the school.")
    assert repair_mojibake(TITLE.encode("cp1251").decode("latin-1")) == TITLE
    assert repair_mojibake(TITLE.encode("utf-8").decode("cp1251")) == TITLE
    assert repair_mojibake(TITLE) == TITLE


# ---------------------------------------------------------------- process pool

def misbehaving_runner(path: Path, filename: str | None, content_type: str | None,
                       settings: ExtractionSettings) -> Extraction:
    """Job runner for the pool test: some files hang or kill their worker."""
    if filename == "hang.pdf":
        time.sleep(600)
    if filename == "crash.pdf":
        os.kill(os.getpid(), signal.SIGSEGV)
    if filename == "exit.pdf":
        os._exit(3)
    return extract_file(path, filename, content_type, settings)


def test_extract_many_isolates_hangs_and_crashes(tmp_path):
    files = {
        "pdf": ("polozhenie.pdf", text_pdf([TITLE])),
        "docx": ("polozhenie.docx", docx_with_table()),
        "html": ("page.html", HTML_1251.encode("cp1251")),
        "hang": ("hang.pdf", b"%PDF-1.4"),
        "crash": ("crash.pdf", b"%PDF-1.4"),
        "exit": ("exit.pdf", b"%PDF-1.4"),
        "txt": ("a.txt", TITLE.encode("cp1251")),
    }
    jobs = []
    for key, (name, data) in files.items():
        path = tmp_path / f"{key}.bin"
        path.write_bytes(data)
        jobs.append((key, path, name, None))
    jobs.append(("missing", tmp_path / "nope.bin", "nope.pdf", None))
    # The hanging job sleeps 600 s: the run returns because the pool kills it at the 3 s limit
    # and says so below (a pool that waited would trip pytest's own timeout first).
    results = dict(extract_many(jobs, workers=2, timeout=3.0, runner=misbehaving_runner))
    assert set(results) == {key for key, *_ in jobs}
    for key in ("pdf", "docx", "html", "txt"):
        assert results[key].status == "ok", results[key]
        assert TITLE in norm(results[key].text)
    assert results["hang"].status == "failed" and "timed out" in results["hang"].error
    assert results["crash"].status == "failed" and "SIGSEGV" in results["crash"].error
    assert results["exit"].status == "failed" and "exit code 3" in results["exit"].error
    assert results["missing"].status == "failed" and "cannot read" in results["missing"].error


def test_extract_many_stops_a_slow_real_ocr_job(tmp_path):
    # Ten dense scanned pages OCR'd at 600 dpi take far longer than the 1 s limit.
    dense_page = render_lines([f"{n}. {TITLE}" for n in range(1, 41)])
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(image_only_pdf(dense_page, copies=10))
    quick = tmp_path / "quick.txt"
    quick.write_bytes(TITLE.encode("utf-8"))
    settings = ExtractionSettings(ocr_dpi=600, max_ocr_pages=10)
    results = dict(extract_many([("slow", slow, "slow.pdf", "application/pdf"),
                                 ("quick", quick, "quick.txt", "text/plain")],
                                workers=2, timeout=1.0, settings=settings))
    assert results["quick"].status == "ok"
    assert results["slow"].status == "failed" and "timed out" in results["slow"].error
    assert results["slow"].format == "pdf"
