"""Imitation of a scanned printout: grayscale page images with noise, skew, a stamp and a signature.

Schools without electronic document workflow post scans of signed paper (Rosobrnadzor allows it),
so the crawler must OCR them. The pages are drawn from the same layout as the text PDF.
"""

from __future__ import annotations

import functools
import io
import math
import random
import re

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from . import pdf_writer
from .page_layout import FONT_FILES, PAGE_H, PAGE_W, layout_document
from .texts.base import DocumentSpec

DPI = 200
SCALE = DPI / 72
MAX_PAGES = 2
JPEG_QUALITY = (35, 45)
NOISE_AMPLITUDE = 8
BLUR = 0.8
BODY_SIZE = 12.0
INK = (55, 90)
_ORG = re.compile(r"(?:М[БКА]?ОУ|МАОУ|МБОУ|МКОУ|СОШ)\s*«[^»\n\t]{2,40}»")


@functools.lru_cache(maxsize=32)
def _font(size_px: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILES[bold], size_px)


@functools.lru_cache(maxsize=1)
def _noise_tile() -> Image.Image:
    # A fixed tile keeps scans deterministic (PIL's own noise generator is not seedable).
    rng = random.Random(20240901)
    raw = rng.randbytes(384 * 384)
    lut = [128 + round((v / 255 - 0.5) * NOISE_AMPLITUDE) for v in range(256)]
    return Image.frombytes("L", (384, 384), raw).point(lut)


def _noise(w: int, h: int, rng: random.Random) -> Image.Image:
    tile = _noise_tile()
    if rng.random() < 0.5:
        tile = tile.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    out = Image.new("L", (w, h))
    for x in range(0, w, tile.width):
        for y in range(0, h, tile.height):
            out.paste(tile, (x, y))
    return out


def _stamp(text_ring: str, center: str, rng: random.Random) -> Image.Image:
    size = 330
    img = Image.new("L", (size, size), 255)
    d = ImageDraw.Draw(img)
    ink = rng.randint(95, 135)
    c = size / 2
    d.ellipse((6, 6, size - 6, size - 6), outline=ink, width=5)
    d.ellipse((52, 52, size - 52, size - 52), outline=ink, width=3)
    ring = text_ring + " * "
    f = _font(max(14, min(24, round(1100 / len(ring)))), True)
    step = 360 / len(ring)
    r = c - 30
    for k, ch in enumerate(ring):
        ang = math.radians(-90 + k * step)
        glyph = Image.new("L", (30, 30), 0)
        ImageDraw.Draw(glyph).text((15, 15), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(-(k * step), resample=Image.Resampling.BILINEAR)
        x, y = c + r * math.cos(ang) - 15, c + r * math.sin(ang) - 15
        img.paste(ink, (int(x), int(y)), glyph)
    fc = _font(22, True)
    for k, line in enumerate(center.split("\n")):
        d.text((c, c - 14 + 28 * k), line, font=fc, fill=ink, anchor="mm")
    return img.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BILINEAR, fillcolor=255)


def _signature(draw: ImageDraw.ImageDraw, x: float, y: float, rng: random.Random) -> None:
    pts = []
    a, b = rng.uniform(0.12, 0.2), rng.uniform(0.25, 0.45)
    for t in range(0, 140):
        pts.append((x + t * 1.7 + 18 * math.sin(t * b), y + 22 * math.sin(t * a) * math.cos(t * 0.05)))
    draw.line(pts, fill=rng.randint(30, 70), width=3, joint="curve")
    draw.line([(x - 10, y + 30), (x + 250, y + 18)], fill=rng.randint(30, 70), width=2)


def render_scan(doc: DocumentSpec, rng: random.Random) -> bytes:
    lay = layout_document(doc, max_pages=MAX_PAGES, size=BODY_SIZE, last_page_fill=0.45)
    w, h = round(PAGE_W * SCALE), round(PAGE_H * SCALE)
    paper = rng.randint(238, 250)
    ink = rng.randint(*INK)
    m = _ORG.search(doc.text)
    org = m.group(0) if m else "ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ"
    pages = []
    for p in range(1, lay.pages + 1):
        img = Image.new("L", (w, h), paper)
        d = ImageDraw.Draw(img)
        for bx in lay.boxes:
            if bx.page == p:
                d.rectangle((bx.x * SCALE, bx.y * SCALE, (bx.x + bx.w) * SCALE, (bx.y + bx.h) * SCALE),
                            outline=ink, width=2)
        for r in lay.runs:
            if r.page == p:
                d.text((r.x * SCALE, r.y * SCALE), r.text, font=_font(round(r.size * SCALE), r.bold), fill=ink,
                       anchor="ls")
        if p == lay.pages:
            y_end = min(lay.end_y * SCALE + 60, h - 420)
            sx = w * rng.uniform(0.5, 0.62)
            stamp = _stamp("Смоленская область * " + org, "ДЛЯ\nДОКУМЕНТОВ", rng)
            _signature(d, sx - 120, y_end + 120, rng)
            region = img.crop((int(sx), int(y_end), int(sx) + stamp.width, int(y_end) + stamp.height))
            img.paste(ImageChops.darker(region, stamp), (int(sx), int(y_end)))
        for _ in range(rng.randint(20, 60)):  # dust specks
            x, y = rng.randrange(w), rng.randrange(h)
            d.ellipse((x, y, x + rng.randint(1, 3), y + rng.randint(1, 3)), fill=rng.randint(60, 160))
        img = img.filter(ImageFilter.GaussianBlur(BLUR))
        img = ImageChops.add(img, _noise(w, h, rng), 1.0, -128)
        angle = rng.uniform(0.3, 1.5) * rng.choice((-1, 1))
        img = img.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=paper)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(*JPEG_QUALITY), optimize=True)
        pages.append((buf.getvalue(), w, h))
    producer = rng.choice(("Canon iR-ADV C3530 PDF", "HP Scan", "KONICA MINOLTA bizhub 227",
                           "Kyocera ECOSYS M2040dn", "Xerox WorkCentre 3025"))
    return pdf_writer.image_pdf(pages, dpi=DPI, title="", producer=producer, date=doc.date)
