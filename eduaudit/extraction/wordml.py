"""DOCX text with python-docx: body paragraphs, tables and text boxes in document order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.opc.exceptions import OpcError
from docx.oxml import parse_xml as docx_parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from .model import Extraction, ExtractionSettings
from .safezip import UnsafeDocument, open_archive, parse_xml, read_member, reject_dtd
from .textclean import clean_text

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_W_P, _W_TBL, _W_TR, _W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_W_SDT, _W_SDT_CONTENT, _W_TXBX = qn("w:sdt"), qn("w:sdtContent"), qn("w:txbxContent")
_W_CUSTOM_XML, _W_BODY = qn("w:customXml"), qn("w:body")
_APP_PAGES = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages"


def extract_docx(data: bytes, settings: ExtractionSettings) -> Extraction:
    try:
        with open_archive(data, settings.max_unpacked_bytes) as archive:
            _check_parts(archive)
            page_count = _declared_pages(archive)
            body = _load_body(data, archive)
            text = clean_text("\n".join(_blocks(body)), max_chars=settings.max_chars)
    except UnsafeDocument as exc:
        return Extraction.failed("docx", str(exc), extractor="python-docx")
    except (OpcError, KeyError, ValueError, etree.LxmlError, zipfile.BadZipFile) as exc:
        return Extraction.failed("docx", f"damaged DOCX: {exc}", extractor="python-docx")
    if not text:
        return Extraction("empty", "docx", "", page_count, False, "python-docx",
                          "DOCX contains no text")
    return Extraction("ok", "docx", text, page_count, False, "python-docx", None)


def _check_parts(archive: zipfile.ZipFile) -> None:
    # python-docx already parses without resolving entities; refusing any DTD up front
    # keeps that guarantee independent of library versions.
    # Every part is read once here, in chunks: python-docx reads parts whole, and a part
    # whose size header lies would otherwise inflate in memory before its CRC fails.
    for info in archive.infolist():
        content = read_member(archive, info)
        if info.filename.endswith((".xml", ".rels")):
            reject_dtd(content, info.filename)


def _declared_pages(archive: zipfile.ZipFile) -> int | None:
    if "docProps/app.xml" not in archive.namelist():
        return None
    try:
        root = parse_xml(read_member(archive, "docProps/app.xml"), "docProps/app.xml")
    except UnsafeDocument:
        return None
    pages = root.find(_APP_PAGES)
    if pages is None or not (pages.text or "").strip().isdigit():
        return None
    return int(pages.text.strip()) or None


def _load_body(data: bytes, archive: zipfile.ZipFile):
    try:
        return docx.Document(io.BytesIO(data)).element.body
    except ValueError:
        # Macro-enabled documents and templates (.docm/.dotx) have a different main
        # content type that python-docx refuses; their body XML is the same.
        root = docx_parse_xml(read_member(archive, "word/document.xml"))
        body = root.find(_W_BODY)
        if body is None:
            raise UnsafeDocument("word/document.xml has no body") from None
        return body


def _blocks(container) -> Iterator[str]:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W_P:
            yield Paragraph(child, None).text
            for box in _text_boxes(child):
                yield from _blocks(box)
        elif tag == _W_TBL:
            yield from _table_rows(child)
        elif tag in (_W_SDT, _W_CUSTOM_XML):
            content = child.find(_W_SDT_CONTENT) if tag == _W_SDT else child
            if content is not None:
                yield from _blocks(content)


def _text_boxes(paragraph) -> Iterator:
    for box in paragraph.iter(_W_TXBX):
        owner = next(box.iterancestors(_W_P), None)
        if owner is not paragraph:
            continue  # a box inside another box is read with that box
        # Word stores each drawing twice (DrawingML plus a VML fallback); read it once.
        if not any(anc.tag == _MC_FALLBACK for anc in box.iterancestors()):
            yield box


def _table_rows(table) -> Iterator[str]:
    for row in _children(table, _W_TR):
        cells = []
        for cell in _children(row, _W_TC):
            cell_text = " ".join(line.strip() for line in _blocks(cell) if line.strip())
            if cell_text:
                cells.append(cell_text)
        if cells:
            yield " | ".join(cells)


def _children(element, tag: str) -> Iterator:
    # Rows and cells may be wrapped in content controls or custom XML.
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _W_CUSTOM_XML:
            yield from _children(child, tag)
