"""PDF text: the text layer via PDFium, OCR for scanned pages and for junk text layers."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .model import Extraction, ExtractionSettings
from .ocr import OcrError, ocr_image
from .textclean import clean_text
from .textquality import is_garbage_layer, profile, repair_mojibake, russian_score

# A scanned page with a small text stamp ("Документ подписан электронной подписью") still
# needs OCR: a page image covering this share of the page marks it as a scan.
_SCAN_IMAGE_SHARE = 0.3
_SCAN_MAX_LAYER_LETTERS = 400


@dataclass
class _Page:
    index: int
    text: str
    reason: str | None  # why it needs OCR: "no-text", "scan", "garbage", or None


def extract_pdf(data: bytes, settings: ExtractionSettings) -> Extraction:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return Extraction.failed("pdf", _load_error(str(exc)), extractor="pypdfium2")
    try:
        return _extract_document(document, settings)
    finally:
        document.close()


def _load_error(message: str) -> str:
    if "password" in message.lower():
        return "encrypted PDF (password required) / PDF зашифрован"
    if "format" in message.lower() or "file" in message.lower():
        return f"damaged or not a PDF / повреждённый PDF ({message})"
    return f"PDF could not be opened: {message}"


def _extract_document(document: pdfium.PdfDocument, settings: ExtractionSettings) -> Extraction:
    page_count = len(document)
    if page_count == 0:
        return Extraction("empty", "pdf", "", 0, False, "pypdfium2", "PDF has no pages")
    pages: list[_Page] = []
    for index in range(min(page_count, settings.max_pages)):
        pages.append(_read_layer(document, index, settings))

    ocr_used = False
    ocr_error: str | None = None
    ocr_budget = settings.max_ocr_pages if settings.ocr_enabled else 0
    for page in pages:
        if page.reason is None:
            continue
        if ocr_budget <= 0:
            if page.reason == "garbage":
                # Junk letters would only mislead the classifier; drop them.
                page.text = ""
            continue
        ocr_budget -= 1
        try:
            recognised = clean_text(_ocr_page(document, page.index, settings))
        except (OcrError, pdfium.PdfiumError, MemoryError, ValueError) as exc:
            ocr_error = str(exc)
            if page.reason == "garbage":
                page.text = ""
            continue
        ocr_used = True
        if page.reason == "garbage" or russian_score(recognised) > russian_score(page.text):
            page.text = recognised

    text = clean_text("\n\n".join(p.text for p in pages if p.text), max_chars=settings.max_chars)
    extractor = "pypdfium2+tesseract" if ocr_used else "pypdfium2"
    if text:
        return Extraction("ok", "pdf", text, page_count, ocr_used, extractor, None)
    if ocr_error is not None:
        return Extraction("failed", "pdf", "", page_count, ocr_used, extractor,
                          f"PDF has no text layer and OCR failed: {ocr_error}")
    if not settings.ocr_enabled:
        reason = "PDF has no text layer and OCR is disabled"
    elif ocr_used:
        reason = "PDF has no text layer and OCR found no text"
    else:
        reason = "PDF has no text"
    return Extraction("empty", "pdf", "", page_count, ocr_used, extractor, reason)


def _read_layer(document: pdfium.PdfDocument, index: int,
                settings: ExtractionSettings) -> _Page:
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return _Page(index, "", "no-text")
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
        finally:
            textpage.close()
        text = repair_mojibake(clean_text(raw))
        letters = profile(text).letters
        if letters < settings.min_page_letters:
            reason = "no-text"
        elif is_garbage_layer(text):
            reason = "garbage"
        elif letters < _SCAN_MAX_LAYER_LETTERS and _is_scanned(page):
            reason = "scan"
        else:
            reason = None
        return _Page(index, text, reason)
    except pdfium.PdfiumError:
        return _Page(index, "", "no-text")
    finally:
        page.close()


def _is_scanned(page: pdfium.PdfPage) -> bool:
    width, height = page.get_size()
    area = width * height
    if area <= 0:
        return False
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= _SCAN_IMAGE_SHARE * area:
            return True
    return False


def _ocr_page(document: pdfium.PdfDocument, index: int, settings: ExtractionSettings) -> str:
    page = document[index]
    try:
        width, height = page.get_size()
        scale = settings.ocr_dpi / 72.0
        longest = max(width, height) * scale
        if longest > settings.ocr_max_side_px:
            scale *= settings.ocr_max_side_px / longest
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image = bitmap.to_pil()
            dpi = round(scale * 72)
            return ocr_image(image, language=settings.ocr_language, dpi=dpi,
                             timeout=settings.ocr_page_timeout)
        finally:
            bitmap.close()
    finally:
        page.close()
