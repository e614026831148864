"""A minimal PDF writer: text pages with an embedded Cyrillic font, and image-only pages.

fpdf2 re-subsets the TrueType font for every file, which costs ~100 ms per document; the demo
region renders thousands. Here the DejaVu Serif fonts are subset once per process (Latin, Cyrillic,
typographic punctuation) and the same font objects are written into every PDF, so a text PDF
takes a few milliseconds and the output is byte-for-byte deterministic.
"""

from __future__ import annotations

import datetime
import functools
import io
import zlib
from dataclasses import dataclass

from fontTools import subset
from fontTools.ttLib import TTFont

from .page_layout import FONT_FILES, PAGE_H, PAGE_W, Layout

CHARSET = "".join(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x400, 0x460),
                                   *range(0x2010, 0x2027), 0x2030, 0x2116, 0x2122, 0x2022))


@dataclass(frozen=True)
class EmbeddedFont:
    name: str
    gid: dict[int, int]          # code point -> glyph id
    objects: tuple[bytes, ...]   # Type0, CIDFont, FontDescriptor, FontFile2, ToUnicode (numbered from base)


def _stream(dict_body: bytes, data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 6)
        dict_body += b" /Filter /FlateDecode"
    return b"<<" + dict_body + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


@functools.lru_cache(maxsize=2)
def embedded_font(bold: bool, base: int) -> EmbeddedFont:
    """Font objects numbered base..base+4 (Type0 first)."""
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = [1, 2, 4, 6]
    opts.drop_tables += ["FFTM", "GPOS", "GSUB", "GDEF", "kern"]
    font = TTFont(FONT_FILES[bold])
    sub = subset.Subsetter(opts)
    sub.populate(text=CHARSET)
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    ttf = buf.getvalue()
    font = TTFont(io.BytesIO(ttf))
    upm = font["head"].unitsPerEm
    order = font.getGlyphOrder()
    gid_of = {name: i for i, name in enumerate(order)}
    cmap = font.getBestCmap()
    gid = {cp: gid_of[name] for cp, name in cmap.items()}
    hmtx = font["hmtx"].metrics
    widths = " ".join(str(round(hmtx[n][0] * 1000 / upm)) for n in order)
    head, hhea = font["head"], font["hhea"]
    scale = 1000 / upm
    bbox = " ".join(str(round(v * scale)) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    psname = ("AAAAAB+DejaVuSerif-Bold" if bold else "AAAAAA+DejaVuSerif").encode()
    type0 = (b"<</Type /Font /Subtype /Type0 /BaseFont /" + psname + b" /Encoding /Identity-H"
             b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>" % (base + 1, base + 4))
    cid = (b"<</Type /Font /Subtype /CIDFontType2 /BaseFont /" + psname +
           b" /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"
           b" /FontDescriptor %d 0 R /CIDToGIDMap /Identity /DW 600 /W [0 [" % (base + 2)
           + widths.encode() + b"]]>>")
    desc = (b"<</Type /FontDescriptor /FontName /" + psname + b" /Flags 34 /FontBBox [" + bbox.encode()
            + b"] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R>>"
            % (round(hhea.ascent * scale), round(hhea.descent * scale), round(hhea.ascent * scale * 0.7),
               120 if bold else 80, base + 3))
    fontfile = _stream(b"/Length1 %d" % len(ttf), ttf)
    pairs = sorted((g, cp) for cp, g in gid.items())
    chunks = []
    for k in range(0, len(pairs), 100):
        part = pairs[k:k + 100]
        chunks.append(b"%d beginbfchar\n" % len(part)
                      + b"".join(b"<%04X> <%04X>\n" % (g, cp) for g, cp in part) + b"endbfchar\n")
    cmap_body = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                 b"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"
                 b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
                 b"endcodespacerange\n" + b"".join(chunks) + b"endcmap\nCMapName currentdict /CMap defineresource pop\n"
                 b"end\nend")
    tounicode = _stream(b"", cmap_body)
    return EmbeddedFont(psname.decode(), gid, (type0, cid, desc, fontfile, tounicode))


def _pdf_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _pdf_date(d: datetime.date | None) -> bytes:
    d = d or datetime.date(2024, 9, 1)
    return b"(D:%04d%02d%02d100000+03'00')" % (d.year, d.month, d.day)


class _Builder:
    def __init__(self):
        self.objects: dict[int, bytes] = {}

    def set(self, num: int, body: bytes) -> None:
        self.objects[num] = body

    def output(self, info_num: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for num in sorted(self.objects):
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + self.objects[num] + b"\nendobj\n"
        size = max(self.objects) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for num in range(1, size):
            out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
        out += b"trailer\n<</Size %d /Root 1 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (size, info_num, xref)
        return bytes(out)


_F_REG, _F_BOLD, _INFO, _FIRST_PAGE = 3, 8, 13, 14


def _info(title: str, producer: str, date: datetime.date | None) -> bytes:
    return (b"<</Title " + _pdf_string(title) + b" /Producer " + _pdf_string(producer)
            + b" /Creator " + _pdf_string(producer) + b" /CreationDate " + _pdf_date(date)
            + b" /ModDate " + _pdf_date(date) + b">>")


def _encode(text: str, font: EmbeddedFont) -> bytes:
    q = font.gid.get(ord("?"), 0)
    return b"".join(b"%04X" % font.gid.get(ord(c), q) for c in text)


def text_pdf(layout: Layout, *, title: str, producer: str, date: datetime.date | None,
             extra_runs=(), extra_boxes=()) -> bytes:
    """A PDF with real text from a layout (plus runs/boxes the caller adds, e.g. page numbers)."""
    fonts = {False: embedded_font(False, _F_REG), True: embedded_font(True, _F_BOLD)}
    b = _Builder()
    for bold, base in ((False, _F_REG), (True, _F_BOLD)):
        for k, body in enumerate(fonts[bold].objects):
            b.set(base + k, body)
    b.set(_INFO, _info(title, producer, date))
    runs = list(layout.runs) + list(extra_runs)
    boxes = list(layout.boxes) + list(extra_boxes)
    streams: dict[int, list[bytes]] = {p: [] for p in range(1, layout.pages + 1)}
    for bx in boxes:
        streams[bx.page].append(b"%.2f %.2f %.2f %.2f re S" % (bx.x, PAGE_H - bx.y - bx.h, bx.w, bx.h))
    for r in runs:
        streams[r.page].append(b"BT /F%d %.1f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET"
                               % (2 if r.bold else 1, r.size, r.x, PAGE_H - r.y, _encode(r.text, fonts[r.bold])))
    kids = []
    for p in range(1, layout.pages + 1):
        page_num = _FIRST_PAGE + 2 * (p - 1)
        kids.append(page_num)
        content = b"0.5 w 0 G 0 g\n" + b"\n".join(streams[p])
        b.set(page_num + 1, _stream(b"", content))
        b.set(page_num, b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources <</Font "
                        b"<</F1 %d 0 R /F2 %d 0 R>>>> /Contents %d 0 R>>"
              % (PAGE_W, PAGE_H, _F_REG, _F_BOLD, page_num + 1))
    b.set(1, b"<</Type /Catalog /Pages 2 0 R /Lang (ru-RU)>>")
    b.set(2, b"<</Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d>>" % len(kids))
    return b.output(_INFO)


def image_pdf(jpeg_pages: list[tuple[bytes, int, int]], *, dpi: int, title: str, producer: str,
              date: datetime.date | None) -> bytes:
    """A PDF of grayscale JPEG page images (what a scanner produces), no text layer."""
    b = _Builder()
    b.set(3, _info(title, producer, date))
    kids = []
    for k, (jpeg, w, h) in enumerate(jpeg_pages):
        base = 4 + 3 * k
        pw, ph = w * 72 / dpi, h * 72 / dpi
        b.set(base + 2, _stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                                b"/BitsPerComponent 8 /Filter /DCTDecode" % (w, h), jpeg, compress=False))
        b.set(base + 1, _stream(b"", b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)))
        b.set(base, b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources <</XObject "
                    b"<</Im0 %d 0 R>>>> /Contents %d 0 R>>" % (pw, ph, base + 2, base + 1))
        kids.append(base)
    b.set(1, b"<</Type /Catalog /Pages 2 0 R>>")
    b.set(2, b"<</Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d>>" % len(kids))
    return b.output(3)
