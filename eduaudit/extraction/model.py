"""The result record of text extraction and the knobs that bound its cost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
    # Metadata read at extraction time; the defaults keep positional callers working.
    academic_year: str | None = None  # "2023/2024"
    ocr_confidence: float | None = None  # mean tesseract word confidence (0..100) of OCR'd pages
    # Strongest electronic-signature evidence: "pdf-signature" (a signed /Sig field),
    # "stamp" (visible text of a signature stamp) or None; "detached" is set by callers
    # that found a .sig file beside the document (see signatures.is_detached_signature).
    signature: str | None = None
    signature_evidence: list[str] = field(default_factory=list)
    # Pages (1-based) that needed OCR and were not recognised in full: left out once the text
    # read before them settled the verdict (ExtractionSettings.ocr_enough), or beyond the OCR
    # budget. `eduaudit extract --full` recognises them.
    ocr_pages_unread: list[int] = field(default_factory=list)

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
    # Whether the text read so far settles what the audit needs of the document: a picklable
    # module-level function of that text and of the number of pages after the one being read
    # (extraction knows nothing of the verdicts; the audit passes its own,
    # audit_rules.reading.settled). With it, scanned pages are recognised in reading order and
    # OCR stops once it answers True; None recognises every page in the budget.
    ocr_enough: Callable[[str, int], bool] | None = None
    # With ocr_enough, the first scanned page's head (letterhead, approval block, title, an
    # order's subject) is recognised on its own first: this share of the page's height.
    ocr_head_share: float = 0.4
    # When the head does not settle it: "rest" reads only the rows below it, "whole" the page
    # again whole. A head read alone once garbled a title that the whole page read right; the
    # verdict it changed came from the classifier, fixed there, and on the demo region's 124
    # scans "rest" costs 0.48 of a full reading against 0.59 with the same verdicts
    # (bench/ocr_focus.py --after-head).
    ocr_after_head: str = "rest"
    ocr_language: str = "rus"
    # tesseract's binarisation (thresholding_method): 0 its global Otsu, 1 Leptonica's adaptive
    # Otsu, 2 Sauvola's local thresholds.
    ocr_thresholding: int = 0
    # Scans are rendered at the resolution of their page image, within these bounds: OCR
    # time grows with the pixel count and more pixels than the scan has add nothing.
    ocr_dpi: int = 300
    ocr_min_dpi: int = 150
    # Straighten skewed pages and turn sideways/upside-down ones before OCR.
    ocr_deskew: bool = True
    # Very large pages (posters, A1 drawings) are rendered smaller than ocr_dpi to bound memory.
    ocr_max_side_px: int = 5000
    ocr_page_timeout: float = 90.0
    # Below this many letters a PDF page counts as having no text layer.
    min_page_letters: int = 20
    # Guards against zip bombs in DOCX/ODT containers.
    max_unpacked_bytes: int = 300 * 1024 * 1024
    # ZIP archives of documents: each member is extracted on its own, within these limits.
    max_archive_members: int = 50
    max_member_bytes: int = 50 * 1024 * 1024
    # Deflate reaches about 1000:1 only on degenerate input; real documents stay far below.
    max_compression_ratio: int = 200
    max_chars: int = 2_000_000
    # Added to pool workers' niceness: extraction during a crawl yields the CPU to the crawl.
    worker_niceness: int = 0
    # Per-process address-space cap for pool workers (MiB); None leaves it unlimited.
    worker_memory_mb: int | None = 3072


DEFAULT_SETTINGS = ExtractionSettings()
