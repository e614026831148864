"""OCR of page images with the tesseract command-line program."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

from PIL import Image


class OcrError(Exception):
    """OCR could not run or failed; the message is meant for people."""


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _tesseract_env() -> dict[str, str]:
    env = dict(os.environ)
    # Tesseract's OpenMP threads would oversubscribe the cores already used by pool workers.
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def ocr_image(image: Image.Image, *, language: str = "rus", dpi: int = 300,
              timeout: float = 90.0) -> str:
    if not tesseract_available():
        raise OcrError("tesseract is not installed")
    if image.mode not in ("L", "1", "RGB"):
        image = image.convert("L")
    buffer = io.BytesIO()
    # PNG keeps the glyph edges; the compress level trades CPU for a smaller pipe write.
    image.save(buffer, format="PNG", compress_level=1)
    cmd = ["tesseract", "stdin", "stdout", "-l", language, "--dpi", str(int(dpi)), "--psm", "3"]
    try:
        proc = subprocess.run(cmd, input=buffer.getvalue(), capture_output=True,
                              timeout=timeout, env=_tesseract_env(), check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"OCR timed out after {timeout:g} s") from exc
    except OSError as exc:
        raise OcrError(f"tesseract could not start: {exc}") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError("tesseract failed: " + (message[-1] if message else f"exit {proc.returncode}"))
    return proc.stdout.decode("utf-8", "replace")
