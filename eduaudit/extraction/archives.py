"""ZIP archives of documents: every member is a document of its own.

Schools pack a regulation, its order and the roadmap into one «Документы.zip». Members are
unpacked with limits (count, size of each, total, compression ratio) against zip bombs;
an archive inside the archive is opened one level deep, no further.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from .model import DEFAULT_SETTINGS, Extraction, ExtractionSettings
from .safezip import UnsafeDocument, read_member
from .sniffing import sniff_magic

# Below this size a high ratio is harmless (a blank page image compresses 500:1).
_RATIO_FLOOR_BYTES = 1024 * 1024
_MAX_DEPTH = 1
_SKIPPED_PREFIXES = ("__MACOSX/",)
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass
class ArchiveMember:
    name: str  # path inside the archive; nested members are "inner.zip/doc.pdf"
    data: bytes | None  # None when the member was refused or unreadable
    error: str | None = None


class ArchiveRefused(Exception):
    """The archive as a whole cannot be opened safely; the message is meant for people."""


def is_document_archive(data: bytes) -> bool:
    """True for a plain ZIP (not a DOCX/ODT/XLSX container) — one to split into members."""
    sniffed = sniff_magic(data)
    return sniffed is not None and sniffed.format == "zip" and sniffed.detail is None


def unpack_archive(data: bytes, settings: ExtractionSettings | None = None, *,
                   _depth: int = 0, _prefix: str = "") -> list[ArchiveMember]:
    """The members of a ZIP archive with their bytes, within the settings' limits.

    Raises ArchiveRefused when the archive cannot be read at all or is over its limits as a
    whole (too many members, unpacks to too much); a single bad member is returned with
    its error instead, so the rest of the archive is still read.
    """
    settings = settings or DEFAULT_SETTINGS
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveRefused(f"damaged zip archive: {exc}") from exc
    with archive:
        infos = [info for info in archive.infolist() if _is_document_entry(info)]
        if len(infos) > settings.max_archive_members:
            raise ArchiveRefused(f"archive has {len(infos)} files, over the limit of "
                                 f"{settings.max_archive_members}")
        total = sum(info.file_size for info in infos)
        if total > settings.max_unpacked_bytes:
            raise ArchiveRefused(
                f"archive unpacks to {total // (1024 * 1024)} MB, over the "
                f"{settings.max_unpacked_bytes // (1024 * 1024)} MB limit (possible zip bomb)")
        members: list[ArchiveMember] = []
        for info in infos:
            name = _prefix + member_name(info)
            refusal = _refusal(info, settings)
            if refusal:
                members.append(ArchiveMember(name, None, refusal))
                continue
            if info.flag_bits & 0x1:
                members.append(ArchiveMember(name, None, "encrypted archive member "
                                                         "(password protected)"))
                continue
            try:
                content = read_member(archive, info)
            except UnsafeDocument as exc:
                members.append(ArchiveMember(name, None, f"damaged archive member: {exc}"))
                continue
            if is_document_archive(content):
                if _depth >= _MAX_DEPTH:
                    members.append(ArchiveMember(name, None, "archive nested too deep "
                                                             "(only one level is opened)"))
                    continue
                try:
                    members.extend(unpack_archive(content, settings, _depth=_depth + 1,
                                                  _prefix=name + "/"))
                except ArchiveRefused as exc:
                    members.append(ArchiveMember(name, None, str(exc)))
                continue
            members.append(ArchiveMember(name, content))
        return members


def extract_archive_members(data: bytes, settings: ExtractionSettings | None = None
                            ) -> list[tuple[str, Extraction]]:
    """Extract every member of a ZIP archive as its own document.

    Runs in the calling process, like extract_bytes; pipelines should call it inside an
    extract_many worker (or store the members from unpack_archive as documents).
    An archive refused as a whole gives one entry named "" with the reason.
    """
    from .dispatch import extract_bytes

    settings = settings or DEFAULT_SETTINGS
    try:
        members = unpack_archive(data, settings)
    except ArchiveRefused as exc:
        return [("", Extraction.failed("zip", str(exc), extractor="zipfile"))]
    results = []
    for member in members:
        if member.data is None:
            results.append((member.name, Extraction.failed("unknown", member.error or "unreadable",
                                                           extractor="zipfile")))
        else:
            results.append((member.name, extract_bytes(member.data, filename=member.name,
                                                       settings=settings)))
    return results


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's path, with Russian names from Windows archivers decoded right.

    Without the UTF-8 flag the zip format says cp437, and zipfile decodes so; Windows
    archivers in Russian locales actually write cp866.
    """
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("cp866")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name.replace("\\", "/")


def _is_document_entry(info: zipfile.ZipInfo) -> bool:
    if info.is_dir():
        return False
    name = info.filename.replace("\\", "/")
    if name.startswith(_SKIPPED_PREFIXES):
        return False
    base = PurePosixPath(name).name
    return bool(base) and base not in _SKIPPED_NAMES and not base.startswith("~$")


def _refusal(info: zipfile.ZipInfo, settings: ExtractionSettings) -> str | None:
    if info.file_size > settings.max_member_bytes:
        return (f"archive member too large: {info.file_size / 1048576:.1f} MB, limit "
                f"{settings.max_member_bytes / 1048576:.0f} MB")
    if info.file_size > _RATIO_FLOOR_BYTES:
        ratio = info.file_size / max(1, info.compress_size)
        if ratio > settings.max_compression_ratio:
            return (f"archive member compressed {ratio:.0f}:1, over the "
                    f"{settings.max_compression_ratio}:1 limit (possible zip bomb)")
    return None

