"""The demo region: a generated region of school sites, its HTTP server and its faults.

It is installed with the extra ``demo`` (``pip install -e '.[demo]'``); the auditor does
not need it. It knows nothing of the crawler or the audit rules: what it generates is
described in its own terms (``ground_truth.csv``, :mod:`demo_region.faults`).
"""

from __future__ import annotations

import importlib

# What the demo region imports beyond the auditor's own dependencies (the extra ``demo``).
DEPENDENCIES = ("fpdf", "fontTools", "aiohttp", "cryptography")


def require() -> None:
    """Import every dependency of the demo region; ModuleNotFoundError names the missing one.

    Some of them are imported only when a document is drawn, in a worker process; this
    finds a missing one before any work starts.
    """
    for name in DEPENDENCIES:
        importlib.import_module(name)
