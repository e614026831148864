"""The evidence archive of a run as a standard WARC file.

Every stored page and document of a run is written as a ``response`` record
(status line, headers and body as fetched), with a ``request`` record before
it, so replay tools (pywb, ReplayWeb.page) show a page exactly as it was when
the verdict was made — evidence that holds when a school disputes it.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eduaudit.store import Store

# Headers that describe the transfer, not the content; the stored body is already decoded.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def _http_headers(stored: str, status: int, size: int) -> StatusAndHeaders:
    pairs = []
    for name, values in (json.loads(stored) if stored else {}).items():
        if name.lower() in _TRANSFER_HEADERS:
            continue
        pairs.extend((name, value) for value in values)
    pairs.append(("Content-Length", str(size)))
    reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    return StatusAndHeaders(f"{status} {reason}".strip(), pairs, protocol="HTTP/1.1")


def export_warc(store: Store, run_id: int, path: str | Path) -> int:
    """Write every page and document of the run with bytes into ``path`` (gzipped WARC); return records."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = list(store.db.query(
        "select url, http_status, headers, sha256, fetched_at from pages where run_id = ? and sha256 is not null "
        "union all select url, http_status, headers, sha256, fetched_at from documents "
        "where run_id = ? and sha256 is not null order by fetched_at, url", [run_id, run_id]))
    written = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "eduaudit", "format": "WARC File Format 1.1",
                                                         "description": f"eduaudit run {run_id}"})
        writer.write_record(info)
        for row in rows:
            body = store.read_blob(row["sha256"])
            date = (row["fetched_at"] or "").replace("+00:00", "Z")
            request = writer.create_warc_record(
                row["url"], "request", payload=BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {row['url']} HTTP/1.1", [("User-Agent", "eduaudit")],
                                              is_http_request=True),
                warc_headers_dict={"WARC-Date": date} if date else None)
            response = writer.create_warc_record(
                row["url"], "response", payload=BytesIO(body),
                http_headers=_http_headers(row["headers"], row["http_status"] or 200, len(body)),
                warc_headers_dict={"WARC-Date": date, "WARC-Payload-Digest": "sha256:" + row["sha256"]}
                if date else None)
            writer.write_request_response_pair(request, response)
            written += 1
    return written
