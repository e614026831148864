"""Errors the CLI turns into one line for the user; light to import (no database, no pandas)."""

from __future__ import annotations


class SchemaTooNew(RuntimeError):
    """The results database was written by a newer eduaudit."""
