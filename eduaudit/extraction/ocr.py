"""OCR of page images with the tesseract command-line program.

Recognition asks tesseract for TSV output, which carries a confidence for every word, and
rebuilds the plain text from it; orientation detection uses tesseract's OSD mode.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image


class OcrError(Exception):
    """OCR could not run or failed; the message is meant for people."""


@dataclass(frozen=True)
class OcrText:
    text: str
    confidence: float | None  # mean word confidence, 0..100; None when no word was read
    words: int


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _tesseract_env() -> dict[str, str]:
    env = dict(os.environ)
    # Tesseract's OpenMP threads would oversubscribe the cores already used by pool workers.
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _pnm(image: Image.Image) -> bytes:
    if image.mode not in ("L", "1", "RGB"):
        image = image.convert("L")
    buffer = io.BytesIO()
    # Uncompressed PNM: encoding a noisy scan as PNG took longer than deskewing it, and
    # tesseract (leptonica) reads PNM from stdin just as well.
    image.save(buffer, format="PPM")
    return buffer.getvalue()


def _run_tesseract(image: Image.Image, args: list[str], timeout: float) -> str:
    if not tesseract_available():
        raise OcrError("tesseract is not installed")
    cmd = ["tesseract", "stdin", "stdout", *args]
    try:
        proc = subprocess.run(cmd, input=_pnm(image), capture_output=True,
                              timeout=timeout, env=_tesseract_env(), check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"OCR timed out after {timeout:g} s") from exc
    except OSError as exc:
        raise OcrError(f"tesseract could not start: {exc}") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError("tesseract failed: " + (message[-1] if message else f"exit {proc.returncode}"))
    return proc.stdout.decode("utf-8", "replace")


def recognise(image: Image.Image, *, language: str = "rus", dpi: int = 300,
              timeout: float = 90.0, thresholding: int = 0) -> OcrText:
    """Text of a page image with the mean confidence of its words."""
    extra = ["-c", f"thresholding_method={int(thresholding)}"] if thresholding else []
    tsv = _run_tesseract(image, ["-l", language, "--dpi", str(int(dpi)), "--psm", "3", *extra, "tsv"],
                         timeout)
    reading = text_from_tsv(tsv)
    return OcrText(tidy_numbers(reading.text), reading.confidence, reading.words)


# Tesseract splits dates and order numbers at their punctuation when a speck of dust or a
# wide dot sits there: «30. 08.2024», «30.08. 2024», «№ 101- од». Dates and numbers are
# what the classifier needs most, so the split is undone.
_SPLIT_DATE = re.compile(r"(?<!\d)(\d{1,2})\s?\.\s?(\d{2})\s?\.\s?((?:19|20)\d{2})(?!\d)")
_SPLIT_NUMBER_SUFFIX = re.compile(r"(?<=\d)\s?-\s(?=[а-яА-Яa-zA-Z]{1,4}\b)|(?<=\d)\s-(?=[а-яА-Я]{1,4}\b)")


def tidy_numbers(text: str) -> str:
    text = _SPLIT_DATE.sub(lambda m: f"{m.group(1)}.{m.group(2)}.{m.group(3)}", text)
    return _SPLIT_NUMBER_SUFFIX.sub("-", text)


def ocr_image(image: Image.Image, *, language: str = "rus", dpi: int = 300,
              timeout: float = 90.0) -> str:
    return recognise(image, language=language, dpi=dpi, timeout=timeout).text


def text_from_tsv(tsv: str) -> OcrText:
    """Rebuild tesseract's plain-text layout (lines, blank line between paragraphs) from TSV."""
    paragraphs: list[list[list[str]]] = []
    last_par: tuple[str, ...] | None = None
    last_line: tuple[str, ...] | None = None
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        try:
            conf = float(cols[10])
        except ValueError:
            conf = -1.0
        if conf >= 0:
            confidences.append(conf)
        par, line = tuple(cols[1:4]), tuple(cols[1:5])
        if par != last_par:
            paragraphs.append([])
            last_par, last_line = par, None
        if line != last_line:
            paragraphs[-1].append([])
            last_line = line
        paragraphs[-1][-1].append(word)
    text = "\n\n".join("\n".join(" ".join(words) for words in lines) for lines in paragraphs)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrText(text, mean, len(confidences))


_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_ORIENT_CONF = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def detect_rotation(image: Image.Image, *, dpi: int = 300,
                    timeout: float = 30.0) -> tuple[int, float] | None:
    """Clockwise degrees (0/90/180/270) that make the page upright, with OSD's confidence.

    None when OSD cannot tell (too little text, or the osd data is not installed).
    """
    try:
        out = _run_tesseract(image, ["--psm", "0", "-l", "osd", "--dpi", str(int(dpi))],
                             timeout)
    except OcrError:
        return None
    rotate, confidence = _ROTATE.search(out), _ORIENT_CONF.search(out)
    if not rotate:
        return None
    return int(rotate.group(1)) % 360, float(confidence.group(1)) if confidence else 0.0
