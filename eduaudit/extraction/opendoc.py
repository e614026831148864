"""ODT text: paragraphs, headings, lists and tables of content.xml, parsed safely."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .model import Extraction, ExtractionSettings
from .safezip import UnsafeDocument, open_archive, parse_xml, read_member
from .textclean import clean_text

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


def _t(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


_PARAGRAPHS = {_t(_TEXT, "p"), _t(_TEXT, "h")}
_TABLE_EL = _t(_TABLE, "table")
_ROW = _t(_TABLE, "table-row")
_CELL = _t(_TABLE, "table-cell")
_FRAME = _t(_DRAW, "frame")
# Generated or out-of-flow content: a table of contents repeats headings, notes and
# comments are not part of the document's own text.
_SKIPPED = {
    _t(_TEXT, "table-of-content"), _t(_TEXT, "tracked-changes"), _t(_OFFICE, "annotation"),
    _t(_OFFICE, "annotation-end"), _t(_TEXT, "note"), _t(_TEXT, "sequence-decls"),
    _t(_TEXT, "variable-decls"), _t(_TEXT, "user-field-decls"), _t(_TABLE, "covered-table-cell"),
    _t(_TEXT, "alphabetical-index"), _t(_TEXT, "bibliography"),
}
_SPACE, _TAB, _BREAK = _t(_TEXT, "s"), _t(_TEXT, "tab"), _t(_TEXT, "line-break")


def extract_odt(data: bytes, settings: ExtractionSettings) -> Extraction:
    try:
        with open_archive(data, settings.max_unpacked_bytes) as archive:
            root = parse_xml(read_member(archive, "content.xml"), "content.xml")
            page_count = _declared_pages(archive)
    except UnsafeDocument as exc:
        return Extraction.failed("odt", str(exc), extractor="lxml-odf")
    body = root.find(f"{_t(_OFFICE, 'body')}/{_t(_OFFICE, 'text')}")
    if body is None:
        return Extraction.failed("odt", "ODT has no text body", extractor="lxml-odf")
    text = clean_text("\n".join(_blocks(body)), max_chars=settings.max_chars)
    if not text:
        return Extraction("empty", "odt", "", page_count, False, "lxml-odf", "ODT contains no text")
    return Extraction("ok", "odt", text, page_count, False, "lxml-odf", None)


def _declared_pages(archive) -> int | None:
    if "meta.xml" not in archive.namelist():
        return None
    try:
        meta = parse_xml(read_member(archive, "meta.xml"), "meta.xml")
    except UnsafeDocument:
        return None
    stats = meta.find(f".//{_t(_META, 'document-statistic')}")
    value = stats.get(_t(_META, "page-count")) if stats is not None else None
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def _blocks(element: etree._Element) -> Iterator[str]:
    for child in element.iterchildren():
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag in _PARAGRAPHS:
            yield "".join(_inline(child))
            for frame in child.iter(_FRAME):
                owner = next(frame.iterancestors(*_PARAGRAPHS), None)
                if owner is child:  # frames in frames are read with their own paragraph
                    yield from _blocks(frame)
        elif child.tag == _TABLE_EL:
            yield from _table_rows(child)
        else:
            # Lists, list items, sections, text boxes: containers of further blocks.
            yield from _blocks(child)


def _inline(element: etree._Element) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element.iterchildren():
        tag = child.tag if isinstance(child.tag, str) else None
        if tag == _SPACE:
            count = child.get(_t(_TEXT, "c"), "1")
            yield " " * (int(count) if count.isdigit() else 1)
        elif tag == _TAB:
            yield "\t"
        elif tag == _BREAK:
            yield "\n"
        elif tag is not None and tag not in _SKIPPED and tag != _FRAME:
            yield from _inline(child)
        if child.tail:
            yield child.tail


def _table_rows(table: etree._Element) -> Iterator[str]:
    for row in table.iter(_ROW):
        # Rows of nested tables are read with their own cell, not as rows of this one.
        if next(row.iterancestors(_TABLE_EL), None) is not table:
            continue
        cells = []
        for cell in row.iterchildren(_CELL):
            cell_text = " ".join(line.strip() for line in _blocks(cell) if line.strip())
            if cell_text:
                cells.append(cell_text)
        if cells:
            yield " | ".join(cells)
