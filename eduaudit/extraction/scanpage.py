"""OCR of one page image, made upright and straight first.

Schools photograph documents with phones and scan them crooked or sideways. Tesseract copes
with a degree or so of skew but not with larger angles, and reads a sideways or upside-down
page as junk. Small angles are found by a projection profile (the row sums of ink are
sharpest when text lines are horizontal); quarter turns by tesseract's orientation detection
(OSD), which costs about as much as OCR itself, so it runs only when the first reading
came out poor.
"""

from __future__ import annotations

from PIL import Image

from .model import ExtractionSettings
from .ocr import OcrText, detect_rotation, recognise
from .textquality import profile

try:
    import numpy as np
except ImportError:  # numpy is optional: without it pages are OCR'd as they are
    np = None

# The profile is computed on a reduced copy: text lines stay distinct at this size.
_PROFILE_SIDE = 1000
_COARSE_LIMIT, _COARSE_STEP, _FINE_STEP = 6.0, 0.5, 0.1
_MIN_SKEW = 0.3  # degrees; below this rotating only blurs the glyphs
_MIN_INK_SHARE = 0.003
# A reading below these marks is retried upright if OSD says the page is turned.
_POOR_CONFIDENCE = 60.0
_POOR_RUSSIAN_SHARE = 0.4


def upright_page(image: Image.Image, settings: ExtractionSettings) -> Image.Image:
    """The page in grayscale, its small skew undone (quarter turns are left to read_band)."""
    page = image if image.mode == "L" else image.convert("L")
    if settings.ocr_deskew and np is not None:
        mask = ink_mask(page)
        angle = skew_angle(mask) if mask is not None else 0.0
        if abs(angle) >= _MIN_SKEW:
            page = page.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255)
    return page


def read_band(page: Image.Image, dpi: int, settings: ExtractionSettings, top: int, bottom: int) -> OcrText:
    """OCR of the rows ``top``..``bottom`` of an upright page (the whole page when 0..height)."""
    band = page if (top, bottom) == (0, page.height) else page.crop((0, top, page.width, bottom))
    timeout = settings.ocr_page_timeout
    result = recognise(band, language=settings.ocr_language, dpi=dpi, timeout=timeout,
                       thresholding=settings.ocr_thresholding)
    # Turned pages are rare and a profile cannot tell 90 from 270 or 0 from 180 anyway:
    # a poor first reading is what sends a page to OSD.
    if settings.ocr_deskew and _is_poor(result):
        turned = _turn_upright(band, dpi, timeout)
        if turned is not band:
            retry = recognise(turned, language=settings.ocr_language, dpi=dpi, timeout=timeout,
                              thresholding=settings.ocr_thresholding)
            if _quality(retry) > _quality(result):
                result = retry
    return result


def head_cut(page: Image.Image, share: float) -> int | None:
    """A row near ``share`` of the page's height that crosses no text line, or None.

    The head of a first page (letterhead, approval block, title, an order's subject) is
    read on its own first; cutting between two lines keeps both halves' words whole.
    """
    if np is None or not 0.0 < share < 1.0:
        return None
    pixels = np.asarray(page, dtype=np.uint8)
    ink = (pixels < _otsu_threshold(pixels)).sum(axis=1)
    low, high = int(page.height * share), int(page.height * min(0.95, share + 0.15))
    if high - low < 8:
        return None
    window = ink[low:high]
    # The emptiest stretch is between two lines (or between paragraphs); the middle of the
    # first row of least ink keeps some white above and below the cut.
    least = window.min()
    if least > page.width * 0.01:
        return None  # no white row at all (a picture, a table border): leave the page whole
    rows = np.flatnonzero(window == least)
    start = rows[0]
    end = start
    while end + 1 < len(window) and window[end + 1] == least:
        end += 1
    return low + (start + end) // 2


def _is_poor(result: OcrText) -> bool:
    if result.words < 5:
        return False  # a blank or nearly blank page: nothing to turn
    share = profile(result.text).russian_share
    return (result.confidence or 0.0) < _POOR_CONFIDENCE or share < _POOR_RUSSIAN_SHARE


def _quality(result: OcrText) -> float:
    return profile(result.text).russian_words * (result.confidence or 0.0)


def _turn_upright(page: Image.Image, dpi: int, timeout: float) -> Image.Image:
    found = detect_rotation(page, dpi=dpi, timeout=timeout)
    if not found or found[0] == 0:
        return page
    # OSD reports the clockwise turn; PIL turns counter-clockwise for positive angles.
    return page.rotate(-found[0], expand=True, fillcolor=255)


def ink_mask(page: Image.Image):
    """Ink as True on a reduced copy, or None for a page with (almost) no ink."""
    scale = min(1.0, _PROFILE_SIDE / max(page.size))
    small = page.resize((max(1, round(page.width * scale)), max(1, round(page.height * scale))),
                        Image.BILINEAR) if scale < 1.0 else page
    pixels = np.asarray(small, dtype=np.uint8)
    ink = pixels < _otsu_threshold(pixels)
    if ink.mean() < _MIN_INK_SHARE or ink.mean() > 0.5:
        return None
    return ink


def _otsu_threshold(pixels) -> int:
    hist = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256, dtype=np.float64)
    weight_dark = np.cumsum(hist)
    mean_dark = np.cumsum(hist * levels)
    weight_light = total - weight_dark
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_dark[-1] * weight_dark / total - mean_dark) ** 2 / (
            weight_dark * weight_light)
    between = np.nan_to_num(between)
    return int(np.argmax(between)) + 1


def _profile_sharpness(ys, xs, angle: float) -> float:
    # The ink's own coordinates are turned rather than the image: the profile needs only the
    # row each ink pixel lands on, and turning the pixels of ink alone is several times faster.
    theta = np.deg2rad(angle)
    rows_of_ink = np.rint(ys * np.cos(theta) - xs * np.sin(theta)).astype(np.int64)
    rows = np.bincount(rows_of_ink - rows_of_ink.min()).astype(np.float64)
    steps = np.diff(rows)
    return float(np.dot(steps, steps))


def skew_angle(ink) -> float:
    """Counter-clockwise degrees that make the text lines of an ink mask horizontal."""
    rows, columns = np.nonzero(ink)
    # Coordinates about the centre, y downwards: a positive angle turns the page
    # counter-clockwise, as PIL's rotate does.
    ys = rows.astype(np.float64) - ink.shape[0] / 2
    xs = columns.astype(np.float64) - ink.shape[1] / 2
    coarse = np.arange(-_COARSE_LIMIT, _COARSE_LIMIT + 1e-9, _COARSE_STEP)
    scores = {round(float(a), 2): _profile_sharpness(ys, xs, float(a)) for a in coarse}
    best = max(scores, key=scores.get)
    for step in np.arange(best - _COARSE_STEP, best + _COARSE_STEP + 1e-9, _FINE_STEP):
        angle = round(float(step), 2)
        if angle not in scores:
            scores[angle] = _profile_sharpness(ys, xs, angle)
    best = max(scores, key=scores.get)
    # Ties (a page of pictures, no lines) keep the page as it is.
    return best if scores[best] > scores[0.0] * 1.02 else 0.0

