"""extract_bytes: pick the extractor for a document's bytes and never raise on bad input."""

from __future__ import annotations

from collections.abc import Callable

from .academic_year import academic_year
from .htmltext import extract_html
from .images import extract_image
from .model import DEFAULT_SETTINGS, Extraction, ExtractionSettings
from .opendoc import extract_odt
from .pdf import extract_pdf
from .plaintext import extract_txt, looks_like_text
from .rtf import extract_rtf
from .signatures import stamp_evidence
from .sniffing import Sniffed, format_from_content_type, format_from_filename, sniff_format
from .wordml import extract_docx
from .worddoc import extract_doc

_UNSUPPORTED_NAMES = {
    "xlsx": "Excel workbook (xlsx)", "pptx": "PowerPoint presentation (pptx)",
    "xls": "Excel workbook (xls)", "ppt": "PowerPoint presentation (ppt)",
    "ods": "OpenDocument spreadsheet (ods)", "odp": "OpenDocument presentation (odp)",
    "odg": "OpenDocument drawing (odg)", "office": "Office package",
    "webp": "WebP image",
}


def extract_bytes(data: bytes, *, filename: str | None = None, content_type: str | None = None,
                  settings: ExtractionSettings | None = None) -> Extraction:
    settings = settings or DEFAULT_SETTINGS
    fmt = "unknown"
    try:
        if not data:
            fmt = format_from_content_type(content_type) or format_from_filename(filename) \
                or "unknown"
            return Extraction("empty", fmt, "", None, False, "", "file is empty (0 bytes)")
        sniffed = sniff_format(data, filename, content_type)
        fmt = sniffed.format
        if len(data) > settings.max_bytes:
            return Extraction.failed(
                fmt, f"file too large: {len(data) / 1048576:.1f} MB, limit "
                     f"{settings.max_bytes / 1048576:.0f} MB")
        return annotate(_route(data, sniffed, content_type, settings))
    except Exception as exc:  # noqa: BLE001 - a bad file must become a record, not a crash
        return Extraction.failed(fmt, f"{fmt} extractor error: {type(exc).__name__}: {exc}")


def annotate(result: Extraction) -> Extraction:
    """Add what the text itself says: the academic year and a visible signature stamp."""
    if not result.text:
        return result
    result.academic_year = academic_year(result.text)
    stamp = [phrase for phrase in stamp_evidence(result.text)
             if phrase not in result.signature_evidence]
    if stamp:
        result.signature_evidence.extend(stamp)
        result.signature = result.signature or "stamp"
    return result


def _route(data: bytes, sniffed: Sniffed, content_type: str | None,
           settings: ExtractionSettings) -> Extraction:
    fmt = sniffed.format
    labelled_only = sniffed.source != "magic"
    if labelled_only and fmt in ("doc", "rtf", "unknown") and looks_like_text(data):
        # A ".doc" or ".rtf" that is really plain text (or an unlabelled text file).
        return extract_txt(data, settings, content_type)
    if labelled_only and fmt in ("txt", "html") and not looks_like_text(data):
        return Extraction.unsupported("unknown", f"unsupported format: binary data labelled as {fmt}")
    if fmt == "image" and sniffed.detail == "webp":
        return Extraction.unsupported("image", "unsupported format: WebP image")
    extractor = _EXTRACTORS.get(fmt)
    if extractor is not None:
        return extractor(data, settings, content_type)
    if fmt == "zip":
        if sniffed.detail == "damaged":
            return Extraction.failed("zip", "damaged zip archive")
        if sniffed.detail is None:
            return Extraction.unsupported(
                "zip", "zip archive of documents: its members are extracted one by one "
                       "(extract_archive_members), not the archive as a whole")
        name = _UNSUPPORTED_NAMES.get(sniffed.detail, "zip archive")
        return Extraction.unsupported("zip", f"unsupported format: {name}")
    if sniffed.detail == "encrypted-office":
        return Extraction.failed("unknown", "encrypted Office document (password protected) / "
                                            "документ зашифрован")
    if sniffed.detail:
        name = _UNSUPPORTED_NAMES.get(sniffed.detail, sniffed.detail)
        return Extraction.unsupported("unknown", f"unsupported format: {name}")
    if content_type:
        return Extraction.unsupported("unknown", f"unsupported format: {content_type}")
    return Extraction.unsupported("unknown", "unsupported format: not recognised")


_EXTRACTORS: dict[str, Callable[[bytes, ExtractionSettings, str | None], Extraction]] = {
    "pdf": lambda d, s, ct: extract_pdf(d, s),
    "docx": lambda d, s, ct: extract_docx(d, s),
    "doc": lambda d, s, ct: extract_doc(d, s),
    "rtf": lambda d, s, ct: extract_rtf(d, s),
    "odt": lambda d, s, ct: extract_odt(d, s),
    "html": lambda d, s, ct: extract_html(d, s, ct),
    "txt": lambda d, s, ct: extract_txt(d, s, ct),
    "image": lambda d, s, ct: extract_image(d, s),
}
