"""Real document files made at test time (text PDF, DOCX) from lines of text."""

from __future__ import annotations

import io
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def text_pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx(lines: list[str]) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEACHER_REGULATION = [
    "ПРИНЯТО на заседании педагогического совета, протокол № 1 от 29.08.2024",
    "УТВЕРЖДЕНО приказом директора МБОУ «Средняя школа № 3» от 30.08.2024 № 101-од",
    "ПОЛОЖЕНИЕ",
    "о системе наставничества педагогических работников МБОУ «Средняя школа № 3»",
    "1. Общие положения",
    "1.1. Настоящее Положение разработано в соответствии с распоряжением Правительства Российской "
    "Федерации от 31 декабря 2019 г. № 3273-р и письмом Минпросвещения России от 21.12.2021 "
    "№ АЗ-1128/08/657 и устанавливает порядок наставничества педагогических работников школы.",
    "1.2. Наставник – педагогический работник, назначаемый ответственным за профессиональную "
    "адаптацию молодого специалиста. Куратор назначается приказом директора.",
    "2. Наставничество осуществляется по персонализированной программе наставничества.",
]

STUDENT_REGULATION = [
    "ПОЛОЖЕНИЕ о наставничестве обучающихся МБОУ «Средняя школа № 3»",
    "1.1. Положение разработано в соответствии с распоряжением Министерства просвещения Российской "
    "Федерации от 25 декабря 2019 г. № Р-145 «Об утверждении методологии (целевой модели) наставничества "
    "обучающихся».",
    "1.2. Формы наставничества: «ученик – ученик», «учитель – ученик», «студент – ученик».",
    "1.3. Наставляемый – обучающийся, участвующий в программе наставничества в рамках национального "
    "проекта «Успех каждого ребенка».",
]

CHARTER = [
    "УСТАВ муниципального бюджетного общеобразовательного учреждения «Средняя школа № 3»",
    "1. Общие положения. 1.1. Учреждение является некоммерческой организацией.",
]


def scanned_page(lines: list[str], dpi: int = 150):
    """An A4 page image holding ``lines`` (wrapped to the page width), like a clean scan."""
    import textwrap

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), size=round(12 / 72 * dpi))
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y, step = dpi // 2, round(font.size * 1.5)
    for line in lines:
        for part in textwrap.wrap(line, 70) or [""]:
            if y + step > height - dpi // 2:
                raise ValueError("the lines do not fit on one page")
            draw.text((dpi * 3 // 4, y), part, font=font, fill=0)
            y += step
    return image


def scanned_pdf(pages: list[list[str]], dpi: int = 150) -> bytes:
    """A PDF of page images without a text layer: what a school's scanner produces."""
    images = [scanned_page(lines, dpi).convert("RGB") for lines in pages]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buffer.getvalue()
