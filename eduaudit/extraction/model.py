"""The result record of text extraction and the knobs that bound its cost."""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("ok", "empty", "unsupported", "failed")
FORMATS = ("pdf", "docx", "doc", "rtf", "odt", "html", "txt", "image", "zip", "unknown")


@dataclass
class Extraction:
    status: str  # "ok" | "empty" | "unsupported" | "failed"
    format: str  # one of FORMATS
    text: str  # plain text, paragraphs separated by "\n"
    page_count: int | None
    ocr_used: bool
    extractor: str  # e.g. "pypdfium2", "pypdfium2+tesseract", "python-docx", "antiword"
    error: str | None  # human-readable reason when status != "ok"

    @classmethod
    def failed(cls, fmt: str, error: str, *, extractor: str = "",
               page_count: int | None = None) -> "Extraction":
        return cls("failed", fmt, "", page_count, False, extractor, error)

    @classmethod
    def unsupported(cls, fmt: str, error: str) -> "Extraction":
        return cls("unsupported", fmt, "", None, False, "", error)


@dataclass(frozen=True)
class ExtractionSettings:
    """Limits and OCR options; defaults suit classification, which needs the head of a document."""

    max_bytes: int = 50 * 1024 * 1024
    # Only the first pages are read: titles, approval stamps and the purpose clause live there.
    max_pages: int = 60
    ocr_enabled: bool = True
    # OCR is the slow part (seconds per page), so only the first pages that need it are OCR'd.
    max_ocr_pages: int = 3
    ocr_language: str = "rus"
    ocr_dpi: int = 300
    # Very large pages (posters, A1 drawings) are rendered smaller than ocr_dpi to bound memory.
    ocr_max_side_px: int = 5000
    ocr_page_timeout: float = 90.0
    # Below this many letters a PDF page counts as having no text layer.
    min_page_letters: int = 20
    # Guards against zip bombs in DOCX/ODT containers.
    max_unpacked_bytes: int = 300 * 1024 * 1024
    max_chars: int = 2_000_000
    # Per-process address-space cap for pool workers (MiB); None leaves it unlimited.
    worker_memory_mb: int | None = 3072


DEFAULT_SETTINGS = ExtractionSettings()
