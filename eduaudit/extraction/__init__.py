"""Bytes of a downloaded document -> plain text (PDF with OCR, DOCX, DOC, RTF, ODT, HTML, TXT).

extract_bytes works in the calling process and never raises on bad input; extract_many runs
jobs in worker processes with a time limit per job, which is what pipelines should use.
ZIP archives of documents are split with unpack_archive / extract_archive_members.
"""

from .archives import ArchiveMember, ArchiveRefused, extract_archive_members, \
    is_document_archive, unpack_archive
from .dispatch import extract_bytes
from .model import DEFAULT_SETTINGS, Extraction, ExtractionSettings
from .pool import default_workers, extract_file, extract_many, worker_lost
from .signatures import is_detached_signature, signed_document_name
from .sniffing import sniff_format

__all__ = [
    "DEFAULT_SETTINGS",
    "ArchiveMember",
    "ArchiveRefused",
    "Extraction",
    "ExtractionSettings",
    "default_workers",
    "extract_archive_members",
    "extract_bytes",
    "extract_file",
    "extract_many",
    "is_detached_signature",
    "is_document_archive",
    "signed_document_name",
    "sniff_format",
    "unpack_archive",
    "worker_lost",
]
