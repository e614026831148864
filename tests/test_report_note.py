"""otchet.docx: the official note, printed by LibreOffice and read back page by page."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner
from docx import Document

from eduaudit.reports.build import write_reports
from eduaudit.reports.commands import report_command
from eduaudit.reports.data import load_run
from eduaudit.reports.note import MANUAL_ROUND, read_baseline
from eduaudit.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"


def print_pdf(docx: Path, out_dir: Path) -> pypdfium2.PdfDocument:
    profile = out_dir / "lo-profile"  # its own profile: parallel conversions do not collide
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=300)
    return pypdfium2.PdfDocument(out_dir / (docx.stem + ".pdf"))


@pytest.fixture(scope="module")
def note(audited_region, tmp_path_factory):
    store = Store(audited_region.db)
    out = tmp_path_factory.mktemp("note")
    reports = write_reports(store, store.latest_run(), out, compare=False)
    return store, reports, load_run(store, store.latest_run())


def test_note_prints_with_the_figures(note, tmp_path):
    store, reports, data = note
    assert reports.note.name == "otchet.docx"
    pdf = print_pdf(reports.note, tmp_path)
    pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    text = " ".join(pages)
    assert pages[0].startswith("Аналитическая справка") and "(МСК)" in pages[0]
    key = data.share("doc.regulation")
    assert f"{key.passed} из {key.checked} проверенных, {key.percent}\u00a0%".replace("\u00a0", " ") in text.replace(
        "\u00a0", " ")
    assert f"{MANUAL_ROUND.passed} из {MANUAL_ROUND.checked}" in text and "27.03–04.04.2023" in text
    for municipality in data.municipalities:
        assert municipality in text
    lacking = [s["short_name"] for s in data.school_rows()
               if s["findings"]["doc.regulation"]["status"] in ("fail", "warn")]
    assert lacking and all(" ".join(name.split()) in text for name in lacking)
    image = pdf[0].render(scale=1.3).to_pil()
    assert image.width > image.height  # landscape, for the wide table
    if os.environ.get("EDUAUDIT_UPDATE_SCREENSHOT") == "1":
        image.save(ROOT / "docs" / "otchet-page1.png")


def test_note_table_by_municipality(note):
    _, reports, data = note
    table = Document(reports.note).tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:5] == ["Муниципальное образование", "ОО", "Проверено", "С положением", "%"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    for municipality in data.municipalities:
        share = data.share("doc.regulation", municipality)
        assert rows[municipality][1:5] == [str(data.school_count(municipality)), str(share.checked),
                                          str(share.passed), share.percent_text.replace(" ", "\u00a0")]


def test_baseline_from_a_csv_by_municipality(note, tmp_path):
    store, _, data = note
    first = data.municipalities[0]
    baseline = tmp_path / "2023.csv"
    baseline.write_text(f"Муниципальное образование;ОО;С положением\n{first};8;5\nДругой район;8;3\n",
                        encoding="utf-8")
    read = read_baseline(baseline)
    assert (read.passed, read.checked, read.percent) == (8, 16, 50)
    out = tmp_path / "r"
    result = CliRunner().invoke(report_command, ["--db", str(store.path), "--reports-dir", str(out), "--no-compare",
                                                 "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    table = Document(out / "otchet.docx").tables[0]
    assert table.rows[0].cells[-1].text == "Было, %"
    rows = {r.cells[0].text: r.cells[-1].text for r in table.rows[1:]}
    assert rows[first] == "63\u00a0%" and rows["Итого по области"] == "50\u00a0%"
