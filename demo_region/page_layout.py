"""Lays a DocumentSpec out on A4 pages (in points), for the text PDF and the scan imitation.

One layout serves both renderers so the scan looks like a printout of the same document.
Widths come from the DejaVu Serif metrics, the font both renderers draw with.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from fontTools.ttLib import TTFont

from .texts.base import APPROVAL_WORDS, LAYOUT_ROW_STARTS, DocumentSpec

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONT_FILES = {False: FONT_DIR + "DejaVuSerif.ttf", True: FONT_DIR + "DejaVuSerif-Bold.ttf"}

PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 70.0, 42.0, 50.0, 56.0
BODY_SIZE = 11.5
CELL_PAD = 3.0

_HEADING = re.compile(r"^(?:(?:\d{1,2}|[IVX]{1,5})\.|Раздел \d+\.)\s+\S")


@dataclass
class Run:
    page: int
    x: float
    y: float  # baseline, from the top of the page
    size: float
    bold: bool
    text: str


@dataclass
class Box:
    page: int
    x: float
    y: float  # top
    w: float
    h: float


@dataclass
class Layout:
    pages: int = 1
    runs: list[Run] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    end_y: float = MARGIN_T  # where the text ends on the last page
    truncated: bool = False


@functools.lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    font = TTFont(FONT_FILES[bold], lazy=True)
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    cmap = font.getBestCmap()
    widths = {cp: hmtx[name][0] / upm for cp, name in cmap.items()}
    return widths, widths.get(ord("?"), 0.5)


def text_width(text: str, size: float, bold: bool = False) -> float:
    widths, default = _advances(bold)
    return sum(widths.get(ord(c), default) for c in text) * size


def wrap(text: str, width: float, size: float, bold: bool = False, first_indent: float = 0.0) -> list[str]:
    """Greedy word wrap; words longer than a line are cut."""
    widths, default = _advances(bold)
    space = widths.get(32, 0.3) * size
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0.0
    avail = width - first_indent
    for word in text.split(" "):
        ww = sum(widths.get(ord(c), default) for c in word) * size
        while ww > width and not cur:  # a single overlong token
            cut = max(1, int(len(word) * width / ww) - 1)
            lines.append(word[:cut])
            word = word[cut:]
            ww = sum(widths.get(ord(c), default) for c in word) * size
            avail = width
        add = ww if not cur else space + ww
        if cur and cur_w + add > avail:
            lines.append(" ".join(cur))
            cur, cur_w, avail = [word], ww, width
        else:
            cur.append(word)
            cur_w += add
    lines.append(" ".join(cur))
    return lines


def is_heading(p: str) -> bool:
    return bool(_HEADING.match(p)) and len(p) < 100 and not p.rstrip().endswith((".", ";", ":", ","))


def is_caps_line(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    return 0 < len(p) <= 40 and "\n" not in p and all(c.isupper() for c in letters)


def is_approval(p: str) -> bool:
    return p.startswith(APPROVAL_WORDS) and "\n" in p


class _Cursor:
    def __init__(self, lay: Layout, max_pages: int | None, last_page_fill: float):
        self.lay = lay
        self.y = MARGIN_T
        self.max_pages = max_pages
        self.last_bottom = MARGIN_T + (PAGE_H - MARGIN_T - MARGIN_B) * last_page_fill
        self.full = False

    def need(self, h: float) -> bool:
        """Make room for h points; False once the page budget is spent."""
        if self.full:
            return False
        if self.max_pages is not None and self.lay.pages >= self.max_pages > 1 and self.y + h > self.last_bottom:
            self.full = self.lay.truncated = True
            return False
        if self.y + h > PAGE_H - MARGIN_B and self.y > MARGIN_T:
            if self.max_pages is not None and self.lay.pages >= self.max_pages:
                self.full = True
                self.lay.truncated = True
                return False
            self.lay.pages += 1
            self.y = MARGIN_T
        return True


def layout_document(doc: DocumentSpec, *, max_pages: int | None = None, size: float = BODY_SIZE,
                    last_page_fill: float = 1.0) -> Layout:
    """Place the paragraphs; with ``max_pages`` the text is cut there, and the last allowed page is
    filled only to ``last_page_fill`` of its height (room for a signature and a stamp)."""
    lay = Layout()
    cur = _Cursor(lay, max_pages, last_page_fill)
    text_w = PAGE_W - MARGIN_L - MARGIN_R
    lh = size * 1.3
    paras = doc.paragraphs
    try:
        title_idx = paras.index(doc.title)
    except ValueError:
        title_idx = -1

    def emit_lines(lines: list[str], *, bold: bool, fsize: float, align: str, x0: float, width: float,
                   first_indent: float = 0.0) -> bool:
        lhh = fsize * 1.3
        for i, line in enumerate(lines):
            if not cur.need(lhh):
                return False
            w = text_width(line, fsize, bold)
            if align == "center":
                x = x0 + (width - w) / 2
            elif align == "right":
                x = x0 + width - w
            else:
                x = x0 + (first_indent if i == 0 else 0.0)
            cur.y += lhh
            lay.runs.append(Run(lay.pages, x, cur.y - fsize * 0.28, fsize, bold, line))
        return True

    def block(p: str, *, bold=False, fsize=size, align="left", x0=MARGIN_L, width=text_w, indent=0.0) -> bool:
        for k, hard in enumerate(p.split("\n")):
            lines = wrap(hard, width, fsize, bold, indent if k == 0 else 0.0)
            if not emit_lines(lines, bold=bold, fsize=fsize, align=align, x0=x0, width=width,
                              first_indent=indent if k == 0 else 0.0):
                return False
        return True

    i = 0
    while i < len(paras) and not cur.full:
        p = paras[i]
        if "\t" in p:
            j = i
            while j < len(paras) and "\t" in paras[j]:
                j += 1
            _table(paras[i:j], lay, cur, size)
            cur.y += lh * 0.4
            i = j
            continue
        if i == title_idx:
            cur.y += lh * 0.5
            block(p, bold=True, fsize=size + 1.5, align="center")
            cur.y += lh * 0.5
        elif is_approval(p):
            x0 = MARGIN_L + text_w * 0.55
            block(p, x0=x0, width=text_w * 0.45)
            cur.y += lh * 0.5
        elif i < title_idx:
            block(p, bold=is_caps_line(p), align="center")
        elif is_caps_line(p):
            block(p, bold=True, align="center")
        elif is_heading(p):
            cur.y += lh * 0.3
            block(p, bold=True, align="center" if p.isupper() or p[0] in "IVXР" else "left")
        else:
            block(p, indent=28.0)
        i += 1
    lay.end_y = cur.y
    return lay


def _table(rows: list[str], lay: Layout, cur: _Cursor, size: float) -> None:
    text_w = PAGE_W - MARGIN_L - MARGIN_R
    cells = [r.split("\t") for r in rows]
    ncol = max(len(c) for c in cells)
    bordered = not cells[0][0].startswith(APPROVAL_WORDS + LAYOUT_ROW_STARTS)
    fsize = size - (1.0 if bordered and ncol >= 4 else 0.0)
    lh = fsize * 1.25
    # Column widths follow the amount of text in each column, with a floor for short ones.
    lens = [max((len(c[k]) if k < len(c) else 0) for c in cells) for k in range(ncol)]
    weights = [min(max(n, 6), 60) for n in lens]
    total = sum(weights)
    col_w = [text_w * wt / total for wt in weights]
    for row in cells:
        row = row + [""] * (ncol - len(row))
        wrapped = []
        for k, cell in enumerate(row):
            lines: list[str] = []
            for hard in cell.split("\n"):
                lines += wrap(hard, col_w[k] - 2 * CELL_PAD, fsize)
            wrapped.append(lines)
        height = max(len(w) for w in wrapped) * lh + 2 * CELL_PAD
        if not cur.need(height):
            return
        x = MARGIN_L
        for k, lines in enumerate(wrapped):
            y = cur.y + CELL_PAD
            for line in lines:
                y += lh
                lay.runs.append(Run(lay.pages, x + CELL_PAD, y - fsize * 0.28, fsize, False, line))
            if bordered:
                lay.boxes.append(Box(lay.pages, x, cur.y, col_w[k], height))
            x += col_w[k]
        cur.y += height
