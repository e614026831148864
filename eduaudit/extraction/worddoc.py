"""Legacy Word (.doc) text with antiword, falling back to catdoc."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from .model import Extraction, ExtractionSettings
from .textclean import clean_text
from .textquality import repair_mojibake

_TOOL_TIMEOUT = 60.0


class _ToolFailed(Exception):
    pass


def extract_doc(data: bytes, settings: ExtractionSettings) -> Extraction:
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="eduaudit-doc-") as tmp:
        path = os.path.join(tmp, "document.doc")
        with open(path, "wb") as handle:
            handle.write(data)
        for name, command in (
            # -w 0: one paragraph per line instead of wrapping at 80 columns.
            ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0", path]),
            ("catdoc", ["catdoc", "-d", "utf-8", "-w", path]),
        ):
            try:
                raw = _run(command)
            except _ToolFailed as exc:
                errors.append(f"{name}: {exc}")
                continue
            text = clean_text(repair_mojibake(_drop_placeholders(raw)),
                              max_chars=settings.max_chars)
            if text:
                return Extraction("ok", "doc", text, None, False, name, None)
            errors.append(f"{name}: no text")
    joined = "; ".join(errors)
    if any("encrypt" in e.lower() for e in errors):
        return Extraction.failed("doc", "encrypted DOC (password protected) / документ зашифрован",
                                 extractor="antiword")
    if errors and all(e.endswith("no text") for e in errors):
        return Extraction("empty", "doc", "", None, False, "antiword", "DOC contains no text")
    return Extraction.failed("doc", f"DOC could not be read ({joined})", extractor="antiword")


def _run(command: list[str]) -> str:
    if shutil.which(command[0]) is None:
        raise _ToolFailed("not installed")
    try:
        proc = subprocess.run(command, capture_output=True, timeout=_TOOL_TIMEOUT, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise _ToolFailed(f"timed out after {_TOOL_TIMEOUT:g} s") from exc
    except OSError as exc:
        raise _ToolFailed(str(exc)) from exc
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise _ToolFailed(stderr.splitlines()[-1] if stderr else f"exit code {proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


def _drop_placeholders(text: str) -> str:
    # antiword marks pictures with "[pic]" lines; they are not document text.
    return "\n".join(line for line in text.splitlines() if line.strip() != "[pic]")
