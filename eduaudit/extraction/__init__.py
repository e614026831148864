"""Bytes of a downloaded document -> plain text (PDF with OCR, DOCX, DOC, RTF, ODT, HTML, TXT).

extract_bytes works in the calling process and never raises on bad input; extract_many runs
jobs in worker processes with a time limit per job, which is what pipelines should use.
"""

from .dispatch import extract_bytes
from .model import DEFAULT_SETTINGS, Extraction, ExtractionSettings
from .pool import default_workers, extract_file, extract_many
from .sniffing import sniff_format

__all__ = [
    "DEFAULT_SETTINGS",
    "Extraction",
    "ExtractionSettings",
    "default_workers",
    "extract_bytes",
    "extract_file",
    "extract_many",
    "sniff_format",
]
