"""Decide a document's format: magic bytes first, then Content-Type, then the file name.

Servers of school sites often mislabel files (PDFs served as text/html, .doc files that are
really RTF or HTML), so the bytes are trusted over every label.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Sniffed:
    format: str
    # A more specific name for formats we recognise but do not extract (e.g. "xlsx", "rar").
    detail: str | None = None
    # How the decision was made: "magic", "content-type", "extension" or "none".
    source: str = "magic"


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Recognised containers that we deliberately do not open.
_OTHER_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"AT&TFORM", "djvu"),
    (b"ID3", "mp3"),
    (b"OggS", "ogg"),
    (b"FLV", "flv"),
    (b"MZ", "exe"),
    (b"\x7fELF", "elf"),
)

_IMAGE_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)

_CONTENT_TYPES: dict[str, str] = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "application/x-rtf": "rtf",
    "application/vnd.oasis.opendocument.text": "odt",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "image/jpeg": "image",
    "image/png": "image",
    "image/tiff": "image",
    "image/gif": "image",
    "image/bmp": "image",
    "application/zip": "zip",
    "application/x-zip-compressed": "zip",
}

_EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".doc": "doc",
    ".dot": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".php": "html",
    ".txt": "txt",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".gif": "image",
    ".bmp": "image",
    ".zip": "zip",
}

_HTML_OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


def sniff_format(data: bytes, filename: str | None = None,
                 content_type: str | None = None) -> Sniffed:
    by_magic = sniff_magic(data)
    if by_magic is not None:
        return by_magic
    fmt = format_from_content_type(content_type)
    if fmt is not None:
        return Sniffed(fmt, source="content-type")
    fmt = format_from_filename(filename)
    if fmt is not None:
        return Sniffed(fmt, source="extension")
    return Sniffed("unknown", source="none")


def sniff_magic(data: bytes) -> Sniffed | None:
    head = data[:1024]
    if head.startswith(b"%PDF-"):
        return Sniffed("pdf")
    # Containers are recognised by their first bytes before looking further in:
    # a ZIP that stores a PDF uncompressed has "%PDF-" in its first kilobyte too.
    if head.startswith(_ZIP_MAGICS):
        return _sniff_zip(data)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(data)
    # The PDF header may legally follow a little junk; readers look in the first kilobyte.
    if b"%PDF-" in head:
        return Sniffed("pdf")
    stripped = _strip_bom_and_space(head)
    if stripped.startswith(b"{\\rtf"):
        return Sniffed("rtf")
    for magic, name in _IMAGE_MAGICS:
        if head.startswith(magic):
            return Sniffed("image", name)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image", "webp")
    if _looks_like_html(stripped):
        return Sniffed("html")
    for magic, name in _OTHER_MAGICS:
        if head.startswith(magic):
            return Sniffed("unknown", name)
    return None


def format_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    return _CONTENT_TYPES.get(mime)


def format_from_filename(filename: str | None) -> str | None:
    if not filename:
        return None
    # Accept URLs as well as bare names; query strings such as ?id=5 carry no extension.
    path = urlsplit(filename).path if "://" in filename else filename.split("?", 1)[0]
    suffix = PurePosixPath(unquote(path).replace("\\", "/")).suffix.lower()
    return _EXTENSIONS.get(suffix)


def _strip_bom_and_space(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return head.lstrip()


def _looks_like_html(stripped: bytes) -> bool:
    lowered = stripped[:512].lower()
    if lowered.startswith(_HTML_OPENINGS):
        return True
    if lowered.startswith(b"<?xml") and (b"<html" in lowered or b"xhtml" in lowered):
        return True
    # Pages that open with a comment or a stray tag still announce <html> early on.
    return lowered.startswith(b"<") and b"<html" in lowered


def _sniff_zip(data: bytes) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
                if mimetype == "application/vnd.oasis.opendocument.text":
                    return Sniffed("odt")
                if mimetype.startswith("application/vnd.oasis.opendocument."):
                    return Sniffed("zip", "od" + mimetype.rsplit(".", 1)[-1][:1])
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size > 5 * 1024 * 1024:
                    return Sniffed("zip", "office")
                types = archive.read(info).decode("utf-8", "replace")
                if "wordprocessingml" in types:
                    return Sniffed("docx")
                if "spreadsheetml" in types:
                    return Sniffed("zip", "xlsx")
                if "presentationml" in types:
                    return Sniffed("zip", "pptx")
                return Sniffed("zip", "office")
            if "word/document.xml" in names:
                return Sniffed("docx")
            if "content.xml" in names:
                return Sniffed("odt")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError,
            NotImplementedError, RuntimeError, EOFError):
        return Sniffed("zip", "damaged")
    return Sniffed("zip")


def _sniff_ole(data: bytes) -> Sniffed:
    # OLE directory entries store stream names in UTF-16LE; a Word file has "WordDocument".
    if "WordDocument".encode("utf-16-le") in data:
        return Sniffed("doc")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return Sniffed("unknown", "xls")
    if "PowerPoint Document".encode("utf-16-le") in data:
        return Sniffed("unknown", "ppt")
    if "EncryptedPackage".encode("utf-16-le") in data:
        return Sniffed("unknown", "encrypted-office")
    return Sniffed("doc", "ole")
