"""An Extraction as a row of the results database's `extractions` table."""

from __future__ import annotations

import json
from dataclasses import asdict

from .model import Extraction


def extraction_record(sha256: str, result: Extraction, extracted_at: str) -> dict:
    record = asdict(result)
    record.update(sha256=sha256, ocr_used=int(result.ocr_used), extracted_at=extracted_at,
                  signature_evidence=json.dumps(result.signature_evidence, ensure_ascii=False),
                  ocr_pages_unread=json.dumps(result.ocr_pages_unread))
    return record
