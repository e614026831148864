"""Pictures of documents (photos, scans saved as JPEG/PNG/TIFF): OCR with tesseract."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from .model import Extraction, ExtractionSettings
from .ocr import OcrError
from .scanreading import ScanPage, ScanReading
from .textclean import clean_text

# Scans are rarely under 150 dpi; tesseract needs a resolution hint when the file has none.
_DEFAULT_DPI = 200
_MAX_PIXELS = 80_000_000


def extract_image(data: bytes, settings: ExtractionSettings) -> Extraction:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1) or 1
            width, height = image.size
            if width * height > _MAX_PIXELS:
                return Extraction.failed("image", f"image too large ({width}x{height} px)",
                                         extractor="tesseract", page_count=frames)
            dpi = _image_dpi(image)
            pages: list[Image.Image] = []
            for index in range(min(frames, settings.max_ocr_pages)):
                image.seek(index)
                pages.append(ImageOps.exif_transpose(image).convert("L"))
    except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return Extraction.failed("image", f"image could not be decoded: {exc}",
                                 extractor="Pillow")
    if not settings.ocr_enabled:
        return Extraction("empty", "image", "", frames, False, "", "image needs OCR, which is disabled")
    # Each frame is a scanned page without a text layer, read as a PDF's scans are.
    scans = [ScanPage(index, "", "no-text") for index in range(frames)]
    reading = ScanReading(scans, frames, settings, lambda index: (pages[index], dpi), failures=(OcrError,)).run()
    if reading.error is not None and not any(page.text for page in scans):
        return Extraction.failed("image", f"OCR failed: {reading.error}", extractor="tesseract",
                                 page_count=frames)
    text = clean_text("\n\n".join(page.text for page in scans if page.text), max_chars=settings.max_chars)
    if not text:
        return Extraction("empty", "image", "", frames, True, "tesseract", "OCR found no text",
                          ocr_confidence=reading.confidence, ocr_pages_unread=reading.unread)
    return Extraction("ok", "image", text, frames, True, "tesseract", None,
                      ocr_confidence=reading.confidence, ocr_pages_unread=reading.unread)


def _image_dpi(image: Image.Image) -> int:
    value = image.info.get("dpi")
    try:
        dpi = int(round(float(value[0]))) if value else 0
    except (TypeError, ValueError, IndexError):
        dpi = 0
    return dpi if 70 <= dpi <= 1200 else _DEFAULT_DPI
