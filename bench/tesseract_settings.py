"""What tesseract's settings cost and change, on the first pages of a run's scans.

    .venv/bin/python -m bench.tesseract_settings --db <run>/eduaudit.db [--documents 12]

Each scanned PDF's first page is rendered as extraction renders it and recognised whole once
per variant: the settings extraction uses, the dictionary off, and page segmentation mode 4.
The children's CPU is summed per variant, and each variant's text is compared with the first
one's (difflib's ratio, averaged over the pages). Measured on 2026-12-06: the variants cost
the same within 2 %, because the LSTM model scales every text line to its own height and so
costs what the characters cost (bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

import pypdfium2 as pdfium

from bench.measure import children_cpu
from bench.ocr_focus import scanned_documents
from eduaudit.extraction import ocr
from eduaudit.extraction.model import DEFAULT_SETTINGS
from eduaudit.extraction.pdf import _render_page

VARIANTS: dict[str, list[str]] = {
    "as extraction reads": ["--psm", "3"],
    "dictionary off": ["--psm", "3", "-c", "load_system_dawg=0", "-c", "load_freq_dawg=0"],
    "psm 4": ["--psm", "4"],
}


def first_pages(db: Path, documents: int) -> list[tuple]:
    pages = []
    for doc in scanned_documents(db, None):
        data = doc["path"].read_bytes() if doc["path"].exists() else b""
        if data.startswith(b"%PDF"):
            pages.append(_render_page(pdfium.PdfDocument(data), 0, DEFAULT_SETTINGS))
        if len(pages) == documents:
            break
    return pages


def measure(pages: list[tuple], variants: dict[str, list[str]] = VARIANTS) -> dict:
    """Each variant's OCR CPU over the pages ((image, dpi) pairs) and how alike its text is to the first's."""
    report: dict = {"pages": len(pages), "variants": {}}
    first_texts: list[str] = []
    for name, options in variants.items():
        before, texts = children_cpu(), []
        for image, dpi in pages:
            tsv = ocr._run_tesseract(image, ["-l", DEFAULT_SETTINGS.ocr_language, "--dpi", str(dpi), *options, "tsv"],
                                     DEFAULT_SETTINGS.ocr_page_timeout)
            texts.append(ocr.text_from_tsv(tsv).text)
        cpu = children_cpu() - before
        first_texts = first_texts or texts
        alike = sum(difflib.SequenceMatcher(None, a, b).ratio() for a, b in zip(first_texts, texts)) / max(1, len(texts))
        report["variants"][name] = {"ocr_cpu_s": round(cpu, 1), "alike": round(alike, 3), "texts": texts}
    return report


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a run's database (its blobs/ beside it)")
    parser.add_argument("--documents", type=int, default=12, help="how many scanned PDFs' first pages")
    args = parser.parse_args(argv)
    report = measure(first_pages(args.db, args.documents))
    for name, row in report["variants"].items():
        print(f"{name:22} {row['ocr_cpu_s']:6.1f} s of CPU   text alike the first variant's: {row['alike']:.3f}")
    return report


if __name__ == "__main__":
    main()
