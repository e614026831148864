"""Reading XML parts of Office/OpenDocument containers without trusting them.

Files come from arbitrary websites, so two attacks matter: zip bombs (tiny archives that
unpack to gigabytes) and XML external entities (a DOCTYPE that makes the parser read
local files or URLs). Neither has any legitimate use in DOCX or ODT.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree


class UnsafeDocument(Exception):
    """The container is malformed or hostile; the message is meant for people."""


_CHUNK = 1024 * 1024
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


def read_member(archive: zipfile.ZipFile, name: str | zipfile.ZipInfo) -> bytes:
    """A member's bytes, read in chunks so a lying size header cannot inflate memory.

    zipfile stops at the declared size and then checks the CRC, but reading a whole member
    at once decompresses everything the stream holds in one call; chunked reads do not.
    """
    label = name.filename if isinstance(name, zipfile.ZipInfo) else name
    try:
        info = name if isinstance(name, zipfile.ZipInfo) else archive.getinfo(name)
        chunks = []
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)
    except KeyError as exc:
        raise UnsafeDocument(f"missing part {label}") from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError, zlib.error) as exc:
        # RuntimeError: encrypted member; NotImplementedError: exotic compression.
        raise UnsafeDocument(f"cannot read part {label}: {exc}") from exc


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
