"""copies/: the stored copy of every page and file a finding points at, saved beside the reports.

A school may remove or change a document after the check; the dashboard links
to the copy the verdict was made on, next to the live address. Pages are saved
with a Content-Security-Policy put in front of them, so a copied page cannot run
the site's scripts when it is opened from disk.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from eduaudit.reports.data import RunData
from eduaudit.store import Store

FOLDER = "copies"
# Placed before the page's own markup: the parser puts it into <head>, where it applies to all that follows.
PAGE_POLICY = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
               'style-src \'unsafe-inline\'; img-src data:">\n').encode()
_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}$")


def _extension(url: str, filename: str, content_type: str, page: bool) -> str:
    if page:
        return ".html"
    for name in (filename or "", PurePosixPath(urlsplit(url).path).name):
        match = _EXTENSION.search(name.lower())
        if match:
            return match.group(0)
    return mimetypes.guess_extension((content_type or "").split(";")[0].strip()) or ".bin"


def save_copies(store: Store, data: RunData, out_dir: str | Path) -> dict[tuple[str, str], str]:
    """Copy the stored evidence of each finding; (school_id, evidence_url) → path relative to out_dir."""
    out_dir = Path(out_dir)
    wanted = {(r.school_id, r.evidence_url) for r in data.findings.itertuples() if r.evidence_url}
    if not wanted:
        return {}
    rows = store.db.query(
        "select school_id, url, sha256, filename, content_type, 0 as page from documents "
        "where run_id = ? and sha256 != '' union all "
        "select school_id, url, sha256, '' as filename, content_type, 1 as page from pages "
        "where run_id = ? and sha256 != ''", [data.run_id, data.run_id])
    copies: dict[tuple[str, str], str] = {}
    for row in rows:
        key = (row["school_id"], row["url"])
        if key not in wanted or key in copies or not row["sha256"]:
            continue
        source = store.blob_path(row["sha256"])
        if not source.is_file():
            continue  # pruned by `schedule --keep-runs`: only the live link remains
        name = row["sha256"][:12] + _extension(row["url"], row["filename"], row["content_type"], bool(row["page"]))
        target = out_dir / FOLDER / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            body = source.read_bytes()
            target.write_bytes(PAGE_POLICY + body if row["page"] else body)
        copies[key] = f"{FOLDER}/{name}"
    return copies
