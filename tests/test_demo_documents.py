"""Demo region documents: texts vary and stay deterministic; every format renders and reads back."""

from __future__ import annotations

import io
import random
import re
import subprocess
import zipfile

import pypdfium2
import pytest
from docx import Document

from demo_region.documents import KINDS, MENTORING_KINDS, SchoolInfo, make_document
from demo_region.formats import FORMATS, render, render_doc_batch

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

SCHOOLS = [
    SchoolInfo("Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 5» города Смоленска",
               "МБОУ «СШ № 5»", "город Смоленск", "г. Смоленск", "И. П. Петрова",
               "Управление образования и молодежной политики Администрации города Смоленска"),
    SchoolInfo("Муниципальное бюджетное общеобразовательное учреждение Исаковская средняя школа",
               "МБОУ Исаковская СШ", "Вяземский район", "д. Исаково", "С. В. Орлов",
               "Управление образования Администрации муниципального образования «Вяземский район» Смоленской "
               "области"),
    SchoolInfo("Муниципальное казенное общеобразовательное учреждение «Михновская средняя школа»",
               "МКОУ «Михновская СШ»", "Смоленский муниципальный округ", "д. Михновка", "Т. А. Гусева",
               "Комитет по образованию Администрации муниципального образования «Смоленский муниципальный "
               "округ» Смоленской области"),
]
REQUIRED = {"teacher_regulation", "mixed_regulation", "student_regulation", "order_regulation", "order_pairs",
            "order_curator", "roadmap", "personal_program", "student_program", "mentoring_report",
            "municipal_regulation", "municipal_plan", "regional_order", "charter", "students_rules",
            "labour_rules", "collective_agreement", "self_evaluation_report", "admission_rules",
            "local_act_other", "order_other", "plan_other", "program_other"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _doc(kind: str, seed: int = 7, school: int = 0, **kw):
    return make_document(kind, SCHOOLS[school], random.Random(seed), **kw)


def test_kinds_cover_the_brief():
    assert REQUIRED <= set(KINDS)
    assert MENTORING_KINDS <= set(KINDS)
    assert "charter" not in MENTORING_KINDS and "teacher_regulation" in MENTORING_KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_document_fields(kind):
    for seed in range(6):
        doc = _doc(kind, seed, seed % 3, with_regulation_annex=bool(seed % 2))
        assert doc.kind == kind
        assert doc.title in doc.paragraphs
        assert doc.issuer in {"school", "municipal", "regional", "federal"}
        assert doc.audience in {"teachers", "students", "both", "unknown"}
        assert doc.date is not None
        assert all(p.strip() for p in doc.paragraphs)
        assert 5 <= len(doc.paragraphs)


def test_mentoring_regulations_are_long_and_cite_their_basis():
    for seed in range(5):
        teacher = _doc("teacher_regulation", seed)
        assert 40 <= len(teacher.paragraphs) <= 140
        assert "3273-р" in teacher.text and "АЗ-1128/08/657" in teacher.text
        assert "персонализированн" in teacher.text.lower() and "куратор" in teacher.text.lower()
        student = _doc("student_regulation", seed)
        # a students-only regulation: pupils' forms, and no staff pair that would make it cover staff too
        assert "Р-145" in student.text and re.search(r"«(?:ученик|студент|работодатель) – ученик»", student.text)
        assert "«учитель – учитель»" not in student.text
        mixed = _doc("mixed_regulation", seed)
        assert "3273-р" in mixed.text and "Р-145" in mixed.text


def test_orders_and_roadmap_content():
    annexed = _doc("order_regulation", 3, with_regulation_annex=True)
    plain = _doc("order_regulation", 3, with_regulation_annex=False)
    assert "Приложение" in annexed.text and len(annexed.paragraphs) > len(plain.paragraphs) + 30
    assert re.search(r"1\.1\.? ", annexed.text)
    pairs = _doc("order_pairs", 4)
    assert "письменного согласия" in pairs.text
    roadmap = _doc("roadmap", 5, year=2024)
    assert roadmap.academic_year == "2024/2025"
    assert sum("\t" in p for p in roadmap.paragraphs) >= 8
    assert _doc("regional_order", 1, year=2022).text.startswith(("Департамент", "ДЕПАРТАМЕНТ"))


def test_shared_documents_are_identical_across_schools_of_a_district():
    a = make_document("municipal_regulation", SCHOOLS[1], random.Random(1), year=2022)
    b = make_document("municipal_regulation", SCHOOLS[1], random.Random(99), year=2022)
    assert a == b and a.issuer == "municipal"
    assert make_document("regional_order", SCHOOLS[0], random.Random(1), year=2023).issuer == "regional"


def test_blank_school_name_leaves_blanks():
    for kind in ("teacher_regulation", "roadmap", "order_pairs", "order_regulation"):
        for seed in range(4):
            doc = _doc(kind, seed, blank_school_name=True)
            assert "СШ № 5" not in doc.text and "Петрова" not in doc.text
            assert "_______" in doc.text


def test_titles_and_texts_vary_between_schools():
    titles = {_doc("teacher_regulation", seed, seed % 3).title for seed in range(30)}
    assert len(titles) >= 5
    texts = {_doc("roadmap", seed).text for seed in range(10)}
    assert len(texts) == 10
    assert any("Положение о наставничестве" == _doc("mixed_regulation", s).title for s in range(40))


def test_same_seed_same_document_and_bytes():
    for kind in ("teacher_regulation", "roadmap", "order_pairs"):
        a, b = _doc(kind, 11), _doc(kind, 11)
        assert a == b
        for fmt in ("pdf", "docx", "html", "rtf"):
            assert render(a, fmt, random.Random(2)) == render(b, fmt, random.Random(2))


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_in_every_direct_format(kind):
    doc = _doc(kind, 21, with_regulation_annex=True)
    for fmt in FORMATS:
        if fmt in ("doc", "scan_pdf"):
            continue
        data = render(doc, fmt, random.Random(1))
        assert len(data) > 200, fmt


def test_scan_renders_for_every_kind_under_size_limit():
    for i, kind in enumerate(KINDS[::3]):
        data = render(_doc(kind, i), "scan_pdf", random.Random(i))
        assert data.startswith(b"%PDF") and len(data) < 420_000
        pdf = pypdfium2.PdfDocument(data)
        assert 1 <= len(pdf) <= 2
        assert pdf[0].get_textpage().get_text_range().strip() == ""  # image only


def test_text_pdf_reads_back_with_pdfium():
    doc = _doc("teacher_regulation", 5)
    doc.signature_stamp = "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nВладелец: Петрова Ирина Павловна"
    pdf = pypdfium2.PdfDocument(render(doc, "pdf", random.Random(3)))
    text = _norm(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    assert len(pdf) >= 2
    assert _norm(doc.title) in text
    assert "3273-р" in text and "наставляемый" in text.lower()
    assert "ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ" in text


def test_docx_reads_back_with_tables():
    doc = _doc("roadmap", 8)
    d = Document(io.BytesIO(render(doc, "docx", random.Random(1))))
    paragraphs = [p.text for p in d.paragraphs]
    assert doc.title in paragraphs
    cells = {c.text for t in d.tables for row in t.rows for c in row.cells}
    assert any("наставнич" in c for c in cells)
    assert len(d.tables) >= 1


def test_odt_rtf_html_contain_the_text():
    from striprtf.striprtf import rtf_to_text

    doc = _doc("order_pairs", 2)
    rtf = render(doc, "rtf", random.Random(1)).decode("ascii")
    assert _norm(doc.title) in _norm(rtf_to_text(rtf))
    html = render(doc, "html", random.Random(1)).decode("utf-8")
    assert "<h1>" in html and "<table" in html
    odt = zipfile.ZipFile(io.BytesIO(render(doc, "odt", random.Random(1))))
    assert odt.namelist()[0] == "mimetype" and "наставнич" in odt.read("content.xml").decode()


def test_doc_batch_via_libreoffice_reads_back_with_antiword(tmp_path):
    docs = [_doc("teacher_regulation", 1), _doc("roadmap", 2), _doc("charter", 3, school=1)]
    blobs = render_doc_batch(docs, tmp_path)
    assert len(blobs) == 3
    for doc, blob in zip(docs, blobs):
        assert blob[:8] == bytes.fromhex("D0CF11E0A1B11AE1")  # OLE2 container of Word 97
        path = tmp_path / "check.doc"
        path.write_bytes(blob)
        out = subprocess.run(["antiword", "-m", "UTF-8.txt", str(path)], capture_output=True, text=True, check=True)
        assert _norm(doc.title)[:40] in _norm(out.stdout)


def test_scan_is_ocrable_by_tesseract():
    doc = _doc("order_curator", 4)
    pdf = pypdfium2.PdfDocument(render(doc, "scan_pdf", random.Random(4)))
    image = pdf[0].render(scale=200 / 72).to_pil().convert("L")
    png = io.BytesIO()
    image.save(png, format="PNG")
    ocr = subprocess.run(["tesseract", "stdin", "stdout", "-l", "rus", "--dpi", "200"], input=png.getvalue(),
                 capture_output=True, check=True)
    text = _norm(ocr.stdout.decode("utf-8")).lower()
    for word in ("куратора", "наставничества", "приказ"):
        assert word in text
