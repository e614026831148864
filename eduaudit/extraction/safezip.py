"""Reading XML parts of Office/OpenDocument containers without trusting them.

Files come from arbitrary websites, so two attacks matter: zip bombs (tiny archives that
unpack to gigabytes) and XML external entities (a DOCTYPE that makes the parser read
local files or URLs). Neither has any legitimate use in DOCX or ODT.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree


class UnsafeDocument(Exception):
    """The container is malformed or hostile; the message is meant for people."""


_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def open_archive(data: bytes, max_unpacked_bytes: int) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsafeDocument(f"damaged zip container: {exc}") from exc
    total = sum(info.file_size for info in archive.infolist())
    if total > max_unpacked_bytes:
        archive.close()
        raise UnsafeDocument(
            f"archive unpacks to {total // (1024 * 1024)} MB, over the "
            f"{max_unpacked_bytes // (1024 * 1024)} MB limit (possible zip bomb)")
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError as exc:
        raise UnsafeDocument(f"missing part {name}") from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError) as exc:
        # RuntimeError: encrypted member; NotImplementedError: exotic compression.
        raise UnsafeDocument(f"cannot read part {name}: {exc}") from exc


def reject_dtd(xml: bytes, part: str) -> None:
    # Escaped text cannot contain "<!", so any match is real markup.
    if _DOCTYPE.search(xml):
        raise UnsafeDocument(f"{part} declares a DTD/entities; refused as unsafe (possible XXE)")


def parse_xml(xml: bytes, part: str) -> etree._Element:
    reject_dtd(xml, part)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise UnsafeDocument(f"malformed XML in {part}: {exc}") from exc
