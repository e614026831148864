"""What extraction records besides text: title/date/number via the classifier, academic year,
OCR confidence, signature evidence; scans at their own resolution, skewed and turned pages;
the `eduaudit extract` command."""

from __future__ import annotations

import io
import json

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from fpdf import FPDF
from PIL import Image

from audit_rules.classifier import classify
from eduaudit.extraction import ExtractionSettings, extract_bytes, is_detached_signature, \
    signed_document_name
from eduaudit.extraction.academic_year import academic_year
from eduaudit.extract_command import extract_command
from eduaudit.extraction.pdf import render_dpi
from eduaudit.extraction.scanpage import ink_mask, skew_angle
from eduaudit.extraction.signatures import stamp_evidence
from eduaudit.store import Store
from tests.helpers.docmaker import TEACHER_REGULATION, text_pdf
from tests.helpers.docmaker import docx as docx_bytes
from tests.helpers.extraction_docs import FONT, HTML_1251, image_only_pdf, norm, odt_document, \
    render_lines, rtf_cp1251_escapes

REGULATION = TEACHER_REGULATION + ["3. Положение действует в 2024/2025 учебном году."]
STAMP = ["ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
         "Сертификат 01DA2B3C4D5E6F708192A3B4C5D6E7F8",
         "Владелец Иванова Анна Петровна",
         "Действителен с 01.09.2024 по 01.12.2025"]


regulation_pdf = text_pdf
regulation_docx = docx_bytes


def signed_pdf(line: str) -> bytes:
    """A one-page PDF with a signed signature field (/FT /Sig whose /V is a signature)."""
    content = f"BT /F1 14 Tf 60 760 Td ({line}) Tj ET".encode("latin-1")
    cms = "3082" + "00" * 60  # placeholder CMS: readers list the field without verifying it
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 7 0 R >> >> /Annots [5 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /FT /Sig /T (Signature1) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] "
        b"/P 3 0 R /V 6 0 R >>",
        b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
        b"/M (D:20240830101500+03'00') /ByteRange [0 0 0 0] /Contents <" + cms.encode() + b"> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------- title, date, number per format

def _formats() -> dict[str, bytes]:
    html = HTML_1251.encode("cp1251")
    return {
        "pdf": regulation_pdf(REGULATION),
        "docx": regulation_docx(REGULATION),
        "rtf": rtf_cp1251_escapes("\\par ".join(REGULATION)),
        "html": html,
        "odt": odt_document(),
    }


@pytest.mark.parametrize("fmt", ["pdf", "docx", "rtf"])
def test_title_date_number_year_of_each_format(fmt):
    result = extract_bytes(_formats()[fmt])
    assert (result.status, result.format, result.ocr_used) == ("ok", fmt, False)
    assert result.academic_year == "2024/2025"
    assert result.signature is None and result.signature_evidence == []
    assert result.ocr_confidence is None
    found = classify(result.text)
    assert found.doc_type == "regulation"
    assert found.title.startswith("Положение о системе наставничества педагогических работников")
    assert (found.date, found.number) == ("2024-08-30", "101-од")


def test_html_and_odt_titles():
    for fmt in ("html", "odt"):
        result = extract_bytes(_formats()[fmt])
        assert result.status == "ok" and result.format == fmt
        assert "наставничества педагогических работников" in classify(result.text).title.lower()


def test_scanned_regulation_gives_title_date_number_and_confidence():
    head = ["УТВЕРЖДЕНО приказом от 30.08.2024 № 101-од", "ПОЛОЖЕНИЕ",
            "о системе наставничества педагогических работников",
            "на 2024/2025 учебный год"]
    result = extract_bytes(image_only_pdf(render_lines(head, dpi=200), dpi=200))
    assert (result.status, result.ocr_used) == ("ok", True)
    assert result.ocr_confidence is not None and result.ocr_confidence > 80
    assert result.academic_year == "2024/2025"
    found = classify(result.text)
    assert "наставничества педагогических работников" in found.title.lower()
    assert (found.date, found.number) == ("2024-08-30", "101-од")


# ---------------------------------------------------------------- academic year

@pytest.mark.parametrize("text, year", [
    ("План работы на 2023/2024 учебный год", "2023/2024"),
    ("ДОРОЖНАЯ КАРТА 2023-2024 уч. год", "2023/2024"),
    ("график на 2023 – 2024 учебный год", "2023/2024"),
    ("учебный год: 2024-2025", "2024/2025"),
    ("план 2023/24 уч.г.", "2023/2024"),
    ("Программа развития на 2023-2024 годы", None),
    ("Программа на 2023-2025 годы", None),
    ("приказ от 30.08.2024 № 101", None),
])
def test_academic_year(text, year):
    assert academic_year(text) == year


# ---------------------------------------------------------------- signature evidence

def test_pdf_signature_field_is_recorded():
    result = extract_bytes(signed_pdf("Polozhenie o nastavnichestve"))
    assert result.status == "ok" and result.signature == "pdf-signature"
    assert result.signature_evidence == ["PDF signature field (adbe.pkcs7.detached, signed 2024-08-30)"]


def test_visible_stamp_in_text_pdf_and_docx():
    for data in (regulation_pdf(REGULATION + STAMP), regulation_docx(REGULATION + STAMP)):
        result = extract_bytes(data)
        assert result.signature == "stamp"
        assert result.signature_evidence == [
            "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ", "сертификат 01DA2B3C4D5E6F708192A3B4C5D6E7F8",
            "владелец Иванова Анна Петровна", "действителен с 01.09.2024 по 01.12.2025"]


def test_stamp_on_a_scan_survives_ocr():
    # The signing service drew its stamp as text over the scanned page; OCR replaces the
    # page text, the stamp evidence stays.
    scan = render_lines(["ПОЛОЖЕНИЕ", "о системе наставничества педагогических работников"])
    width_mm, height_mm = scan.width / 200 * 25.4, scan.height / 200 * 25.4 + 20
    pdf = FPDF(unit="mm", format=(width_mm, height_mm))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    png = io.BytesIO()
    scan.save(png, format="PNG")
    pdf.image(png, x=0, y=0, w=width_mm, h=height_mm - 20)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=5)
    for offset, line in enumerate(STAMP[:3]):
        pdf.set_xy(2, height_mm - 18 + offset * 3)
        pdf.cell(text=line)
    result = extract_bytes(bytes(pdf.output()))
    assert result.status == "ok" and result.ocr_used
    assert "педагогических работников" in norm(result.text).lower()
    assert result.signature == "stamp"
    assert "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ" in result.signature_evidence


def test_prose_about_signatures_is_not_a_stamp():
    assert stamp_evidence("Документы подписываются электронной подписью директора школы.") == []
    assert stamp_evidence("Сертификат участника конкурса выдаётся 01.09.2024.") == []
    found = stamp_evidence("Сертификат 7c0f9fa1b2c3d4e5f6a7 Владелец: Петров П.П. "
                           "Действителен: с 10.01.2024 по 10.04.2025")
    assert found == ["сертификат 7C0F9FA1B2C3D4E5F6A7", "владелец Петров П.П",
                     "действителен с 10.01.2024 по 10.04.2025"]


def test_detached_signature_files():
    der = bytes.fromhex("3082045a06092a864886f70d010702a082044b") + bytes(64)
    assert is_detached_signature("Положение.pdf.sig", der)
    assert is_detached_signature("https://s.test/docs/polozhenie.pdf.p7s?x=1", der)
    assert is_detached_signature("a.sig", b"-----BEGIN PKCS7-----\nMIIE\n-----END PKCS7-----\n")
    assert is_detached_signature("a.sig", b"MIIEWgYJKoZIhvcNAQcCoIIESzCCBEcCAQEx\r\nDzAN")
    assert not is_detached_signature("a.sig", b"<html><body>404</body></html>")
    assert not is_detached_signature("a.pdf", der)
    assert not is_detached_signature("a.sig", b"")
    assert signed_document_name("https://s.test/docs/%D0%9F.pdf.sig") == "П.pdf"
    assert signed_document_name("polozhenie.sig") is None


# ---------------------------------------------------------------- scans: resolution, skew, turns

def _dpi_of_scan(scan_dpi: int) -> int:
    image = Image.new("L", (round(8.27 * scan_dpi), round(11.69 * scan_dpi)), 255)
    document = pdfium.PdfDocument(image_only_pdf(image, dpi=scan_dpi))
    try:
        page = document[0]
        try:
            return render_dpi(page, ExtractionSettings())
        finally:
            page.close()
    finally:
        document.close()


def test_scans_are_rendered_at_their_own_resolution():
    assert _dpi_of_scan(150) == 150
    assert _dpi_of_scan(200) == 200
    assert _dpi_of_scan(100) == 150  # floor: tesseract reads small print badly below it
    assert _dpi_of_scan(600) == 300  # cap: more pixels only cost time


def test_skewed_photo_is_straightened():
    lines = ["ПОЛОЖЕНИЕ", "о системе наставничества", "педагогических работников",
             "приказ от 30.08.2024 № 101-од"]
    skewed = render_lines(lines).rotate(3, expand=True, fillcolor=255, resample=Image.BICUBIC)
    # The profile finds the 3 degrees (to a tenth) and turns the page back.
    assert skew_angle(ink_mask(skewed)) == pytest.approx(-3.0, abs=0.25)
    assert skew_angle(ink_mask(render_lines(lines))) == 0.0
    buffer = io.BytesIO()
    skewed.save(buffer, format="PNG", dpi=(200, 200))
    result = extract_bytes(buffer.getvalue(), filename="photo.png")
    text = norm(result.text).lower()
    for key in ("положение", "наставничества", "педагогических работников", "30.08.2024", "101-од"):
        assert key in text
    assert result.ocr_confidence > 80


def test_upside_down_scan_is_turned():
    lines = ["ПОЛОЖЕНИЕ о системе наставничества педагогических работников",
             "Настоящее положение определяет порядок наставничества в школе.",
             "Наставник назначается приказом директора школы."]
    page = render_lines(lines).rotate(180, expand=True)
    result = extract_bytes(image_only_pdf(page, dpi=200))
    assert result.status == "ok"
    assert "педагогических работников" in norm(result.text).lower()
    assert result.ocr_confidence > 80


# ---------------------------------------------------------------- the `eduaudit extract` command

def test_extract_command_reextracts_with_force(tmp_path):
    store = Store(tmp_path / "eduaudit.db")
    run_id = store.start_run("registry.csv", "0" * 64, 1, "test")
    store.finish_run(run_id)
    docs = {"polozhenie.pdf": regulation_pdf(REGULATION + STAMP),
            "plan.docx": regulation_docx(["План на 2023/2024 учебный год"])}
    for name, data in docs.items():
        sha = store.put_blob(data)
        store.db["documents"].insert({"run_id": run_id, "school_id": "s1",
                                      "url": f"http://s1.test/{name}", "sha256": sha,
                                      "filename": name, "content_type": ""},
                                     pk=("run_id", "school_id", "url"))
    args = ["--db", str(store.path), "--run", str(run_id), "--workers", "2"]
    first = CliRunner().invoke(extract_command, args)
    assert first.exit_code == 0, first.output
    rows = {r["format"]: r for r in store.db.query("select * from extractions")}
    assert rows["pdf"]["signature"] == "stamp" and rows["pdf"]["academic_year"] == "2024/2025"
    assert json.loads(rows["pdf"]["signature_evidence"])[0] == "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ"
    assert rows["docx"]["academic_year"] == "2023/2024"

    store.db.execute("update extractions set text = 'старое' where format = 'pdf'")
    store.db.conn.commit()
    cached = CliRunner().invoke(extract_command, args)
    assert cached.exit_code == 0 and "извлечено документов 0" in cached.output
    forced = CliRunner().invoke(extract_command, args + ["--force"])
    assert forced.exit_code == 0 and "извлечено документов 2" in forced.output
    text = store.db.execute("select text from extractions where format = 'pdf'").fetchone()[0]
    assert "наставничества педагогических работников" in norm(text)


def test_extract_command_help_names_force():
    result = CliRunner().invoke(extract_command, ["--help"])
    assert result.exit_code == 0 and "--force" in result.output and "--run" in result.output
