"""Documents built at test time for the extraction tests: PDFs with and without a text layer,
DOCX, ODT, RTF and a windows-1251 page, plus the hostile variants (an external entity)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from fpdf import FPDF
from fpdf.enums import TextMode
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
TITLE = "Положение о системе наставничества педагогических работников"
BODY = ("Настоящее положение определяет цели, задачи, формы и порядок осуществления "
        "наставничества в школе. Наставник назначается приказом директора.")
ROADMAP = "Дорожная карта по реализации Положения"
SECRET = "TOP-SECRET-4711-XXE"


def text_pdf(pages: list[str]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    for page_text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, page_text)
    return bytes(pdf.output())


def render_lines(lines: list[str], dpi: int = 200) -> Image.Image:
    """Black Cyrillic text on white at `dpi`, like a clean scan of a page head."""
    font = ImageFont.truetype(str(FONT), size=round(14 / 72 * dpi))
    width = round(7.5 * dpi)
    line_height = round(font.size * 1.6)
    image = Image.new("L", (width, line_height * len(lines) + dpi // 2), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((dpi // 4, dpi // 4 + index * line_height), line, font=font, fill=0)
    return image


SCAN_LINES = ["ПОЛОЖЕНИЕ", "о системе наставничества", "педагогических работников"]


def image_only_pdf(image: Image.Image, dpi: int = 200, copies: int = 1) -> bytes:
    buffer = io.BytesIO()
    frames = [image.convert("RGB") for _ in range(copies)]
    frames[0].save(buffer, format="PDF", resolution=dpi, save_all=True,
                   append_images=frames[1:])
    return buffer.getvalue()


def scan_with_garbage_layer(image: Image.Image, garbage: str, dpi: int = 200) -> bytes:
    """A scan whose hidden OCR layer read Cyrillic as Latin look-alikes."""
    width_mm = image.width / dpi * 25.4
    height_mm = image.height / dpi * 25.4
    pdf = FPDF(unit="mm", format=(width_mm, height_mm))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    png = io.BytesIO()
    image.save(png, format="PNG")
    pdf.image(png, x=0, y=0, w=width_mm, h=height_mm)
    pdf.set_font("helvetica", size=8)
    pdf.text_mode = TextMode.INVISIBLE
    pdf.set_xy(2, 2)
    pdf.multi_cell(width_mm - 4, 4, garbage)
    return bytes(pdf.output())


def docx_with_table() -> bytes:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Мероприятие"
    table.cell(0, 1).text = "Срок"
    table.cell(1, 0).text = "Закрепление наставнических пар"
    table.cell(1, 1).text = "сентябрь 2024"
    document.add_paragraph(BODY)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_xxe(secret_path: Path) -> bytes:
    clean = docx_with_table()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(clean)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration_end = text.index("?>") + 2
                dtd = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>')
                text = text[:declaration_end] + dtd + text[declaration_end:]
                text = text.replace("Мероприятие", "Мероприятие &xxe;", 1)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def odt_document() -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=TITLE))
    document.text.addElement(P(text=BODY))
    table = Table(name="plan")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for left, right in (("Мероприятие", "Срок"), ("Назначение куратора", "август")):
        row = TableRow()
        for value in (left, right):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def rtf_unicode_escapes(text: str) -> bytes:
    escaped = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?"
                      for ch in text)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
            f"\\f0\\fs24 {escaped}\\par\n}}").encode("ascii")


def rtf_cp1251_escapes(text: str) -> bytes:
    escaped = "".join(ch if ord(ch) < 128 else "".join(f"\\'{b:02x}" for b in ch.encode("cp1251"))
                      for ch in text)
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fcharset204 Times New Roman;}}"
            f"\\f0\\fs24 {escaped}\\par\n}}").encode("ascii")


HTML_1251 = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Наставничество</title><style>.x {{ color: red }}</style>
<script>var menu = "Главное меню скрипт";</script></head>
<body>
<header><a href="/">МБОУ СШ № 5</a></header>
<nav><ul><li><a href="/sveden/">Сведения об образовательной организации</a></li>
<li><a href="/news">Новости школы</a></li></ul></nav>
<div class="left-menu"><a href="/x">Пункт бокового меню</a></div>
<main><h1>{TITLE}</h1><p>{BODY}</p>
<table><tr><td>Куратор</td><td>Иванова А. П.</td></tr></table></main>
<footer>© Все права защищены</footer>
</body></html>"""


def norm(text: str) -> str:
    return " ".join(text.split())
