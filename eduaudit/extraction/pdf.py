"""PDF text: the text layer via PDFium, OCR for scanned pages and for junk text layers."""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .model import Extraction, ExtractionSettings
from .ocr import OcrError
from .scanreading import ScanPage, ScanReading
from .textclean import clean_text
from .textquality import is_garbage_layer, profile, repair_mojibake

# A scanned page with a small text stamp ("Документ подписан электронной подписью") still
# needs OCR: a page image covering this share of the page marks it as a scan.
_SCAN_IMAGE_SHARE = 0.3
_SCAN_MAX_LAYER_LETTERS = 400
# Whether a page's layer is junk shows in its first few paragraphs; profiling a
# sample keeps text PDFs near PDFium's own speed.
_PROFILE_SAMPLE = 1200


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
    pages: list[ScanPage] = []
    for index in range(min(page_count, settings.max_pages)):
        pages.append(_read_layer(document, index, settings))

    reading = ScanReading(pages, page_count, settings, lambda index: _render_page(document, index, settings),
                          failures=(OcrError, pdfium.PdfiumError, MemoryError, ValueError))
    reading.run()
    ocr_used, ocr_error = reading.used, reading.error
    layer_stamp = reading.layer_stamp

    # Page texts are clean already; joining them needs only the length cap.
    text = _capped("\n\n".join(p.text for p in pages if p.text), settings.max_chars)
    extractor = "pypdfium2+tesseract" if ocr_used else "pypdfium2"
    confidence = reading.confidence
    if text:
        result = Extraction("ok", "pdf", text, page_count, ocr_used, extractor, None,
                            ocr_confidence=confidence, ocr_pages_unread=reading.unread)
        if layer_stamp:
            result.signature, result.signature_evidence = "stamp", layer_stamp
        return _with_signature_fields(result, document)
    if ocr_error is not None:
        return Extraction("failed", "pdf", "", page_count, ocr_used, extractor,
                          f"PDF has no text layer and OCR failed: {ocr_error}")
    if not settings.ocr_enabled:
        reason = "PDF has no text layer and OCR is disabled"
    elif ocr_used:
        reason = "PDF has no text layer and OCR found no text"
    else:
        reason = "PDF has no text"
    return _with_signature_fields(
        Extraction("empty", "pdf", "", page_count, ocr_used, extractor, reason,
                   ocr_confidence=confidence, ocr_pages_unread=reading.unread), document)


def _sample(text: str) -> str:
    """The page's start and middle: a junk layer rarely spares both."""
    if len(text) <= _PROFILE_SAMPLE:
        return text
    half = _PROFILE_SAMPLE // 2
    middle = len(text) // 2
    return text[:half] + "\n" + text[middle:middle + half]


def _capped(text: str, max_chars: int | None) -> str:
    if max_chars is not None and len(text) > max_chars:
        return text[:max_chars].rsplit("\n", 1)[0]
    return text


def _with_signature_fields(result: Extraction, document: pdfium.PdfDocument) -> Extraction:
    fields = signature_fields(document)
    if fields:
        # A signed field is the strongest evidence; it goes first.
        result.signature = "pdf-signature"
        result.signature_evidence[:0] = fields
    return result


def _read_layer(document: pdfium.PdfDocument, index: int,
                settings: ExtractionSettings) -> ScanPage:
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return ScanPage(index, "", "no-text")
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
        finally:
            textpage.close()
        text = repair_mojibake(clean_text(raw))
        measured = profile(_sample(text))
        letters = measured.letters
        if letters < _SCAN_MAX_LAYER_LETTERS and len(text) > _PROFILE_SAMPLE:
            letters = profile(text).letters
        if letters < settings.min_page_letters:
            reason = "no-text"
        elif is_garbage_layer(text, measured=measured):
            reason = "garbage"
        elif letters < _SCAN_MAX_LAYER_LETTERS and _is_scanned(page):
            reason = "scan"
        else:
            reason = None
        return ScanPage(index, text, reason)
    except pdfium.PdfiumError:
        return ScanPage(index, "", "no-text")
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


def _render_page(document: pdfium.PdfDocument, index: int, settings: ExtractionSettings):
    """The page as a grayscale image at the resolution OCR needs, and that resolution."""
    page = document[index]
    try:
        width, height = page.get_size()
        dpi = render_dpi(page, settings)
        scale = dpi / 72.0
        longest = max(width, height) * scale
        if longest > settings.ocr_max_side_px:
            scale *= settings.ocr_max_side_px / longest
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().copy(), round(scale * 72)
        finally:
            bitmap.close()
    finally:
        page.close()


def render_dpi(page: pdfium.PdfPage, settings: ExtractionSettings) -> int:
    """The resolution of the page's largest image, within [ocr_min_dpi, ocr_dpi].

    Rendering a 200 dpi scan at 300 dpi makes tesseract process 2.25 times the pixels
    for no gain; pages without images (text drawn as curves) get ocr_dpi.
    """
    largest_area, native = 0.0, None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        placed_w, placed_h = right - left, top - bottom
        if placed_w <= 0 or placed_h <= 0 or placed_w * placed_h <= largest_area:
            continue
        try:
            px_w, px_h = obj.get_px_size()
        except pdfium.PdfiumError:
            continue
        if px_w <= 0 or px_h <= 0:
            continue
        largest_area = placed_w * placed_h
        # max/max survives images placed with a quarter turn (width and height swapped).
        native = max(px_w, px_h) / (max(placed_w, placed_h) / 72.0)
    if native is None:
        return settings.ocr_dpi
    return int(round(min(settings.ocr_dpi, max(settings.ocr_min_dpi, native))))


def signature_fields(document: pdfium.PdfDocument) -> list[str]:
    """One line per signed signature field (/FT /Sig with a value) of the PDF."""
    raw = document.raw
    count = pdfium_c.FPDF_GetSignatureCount(raw)
    found = []
    for index in range(max(0, count)):
        handle = pdfium_c.FPDF_GetSignatureObject(raw, index)
        if not handle:
            continue
        details = [part for part in (_sig_string(pdfium_c.FPDFSignatureObj_GetSubFilter, handle),
                                     _sig_time(handle)) if part]
        found.append("PDF signature field" + (f" ({', '.join(details)})" if details else ""))
    return found


def _sig_string(getter, handle) -> str:
    length = getter(handle, None, 0)
    if length <= 1 or length > 4096:
        return ""
    buffer = ctypes.create_string_buffer(length)
    getter(handle, buffer, length)
    return buffer.value.decode("latin-1", "replace")


def _sig_time(handle) -> str:
    raw = _sig_string(pdfium_c.FPDFSignatureObj_GetTime, handle)
    # PDF dates look like D:20240830101500+03'00'.
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", raw)
    return f"signed {match.group(1)}-{match.group(2)}-{match.group(3)}" if match else ""
