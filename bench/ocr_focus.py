"""OCR read in full against OCR that stops once the verdict is settled, on a run's scans.

    .venv/bin/python -m bench.ocr_focus --db results/demo/eduaudit.db [--limit N] [--dpi D]

Every document of the run whose extraction used OCR is extracted twice in this process, once
with every page in the OCR budget recognised ("first-pages", the default before 2026-12-05)
and once focused
(``eduaudit.stages.extraction_settings``: the first page's head, then on only while
``audit_rules.reading.settled`` says no). Each reading is classified with the file's own
context (file name, link text, page heading, as ``eduaudit audit`` does) and the two
classifications are compared field by field. tesseract's CPU is read from the children's
rusage around each extraction. With --dpi both readings render scans at most at that
resolution, to see what a lower resolution costs in verdicts; with --focused-dpi only the
focused reading does, and is compared with the full reading at the scans' own resolution.

The results go to bench/results/ocr_focus-<name>.json and are printed as a table.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from dataclasses import asdict, replace
from pathlib import Path

from audit_rules.classifier import classify
from bench.measure import children_cpu, machine_facts
from eduaudit.extraction import Extraction, extract_bytes
from eduaudit.stages import extraction_settings

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("doc_type", "audience", "issuer", "about_mentoring", "title", "date", "number", "contains")


def scanned_documents(db: Path, limit: int | None) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        "select e.sha256, e.page_count, min(d.filename) filename, min(d.anchor_text) link_text, "
        "min(p.heading) page_title from extractions e join documents d on d.sha256 = e.sha256 "
        "left join pages p on p.run_id = d.run_id and p.school_id = d.school_id and p.url = d.page_url "
        "where e.ocr_used = 1 or e.format = 'image' group by e.sha256 order by e.sha256").fetchall()
    blobs = db.parent / "blobs"
    out = [dict(r, path=blobs / r["sha256"][:2] / r["sha256"][2:4] / r["sha256"]) for r in rows]
    return out[:limit] if limit else out


def _reading(data: bytes, filename: str, settings) -> dict:
    before_cpu, before_wall = children_cpu(), time.monotonic()
    result = extract_bytes(data, filename=filename or None, settings=settings)
    return {"result": result, "ocr_cpu": children_cpu() - before_cpu, "wall": time.monotonic() - before_wall}


def _verdict(text: str, doc: dict) -> dict:
    found = classify(text, filename=doc["filename"] or None, link_text=doc["link_text"] or None,
                     page_title=doc["page_title"] or None)
    return {f: getattr(found, f) for f in FIELDS}


def _ocr_pages(result, budget: int) -> int:
    needing = min(result.page_count or 0, budget)
    return max(0, needing - len([p for p in result.ocr_pages_unread if p <= needing]))


def _full_reading(data: bytes, doc: dict, settings, cache: dict | None) -> dict:
    """The full reading, from the cache when an earlier run of the same settings made it."""
    if cache is not None and doc["sha256"] in cache:
        hit = cache[doc["sha256"]]
        return {"result": Extraction(**hit["result"]), "ocr_cpu": hit["ocr_cpu"], "wall": hit["wall"]}
    reading = _reading(data, doc["filename"], settings)
    if cache is not None:
        cache[doc["sha256"]] = {"result": asdict(reading["result"]), "ocr_cpu": reading["ocr_cpu"],
                                "wall": reading["wall"]}
    return reading


def run(db: Path, limit: int | None = None, dpi: int | None = None, cache_path: Path | None = None,
        focused_dpi: int | None = None, head_share: float | None = None, after_head: str | None = None,
        thresholding: int | None = None) -> dict:
    full_settings = extraction_settings("first-pages")
    focused_settings = extraction_settings("focused")
    if dpi:
        full_settings = replace(full_settings, ocr_dpi=dpi, ocr_min_dpi=min(dpi, full_settings.ocr_min_dpi))
        focused_settings = replace(focused_settings, ocr_dpi=dpi,
                                   ocr_min_dpi=min(dpi, focused_settings.ocr_min_dpi))
    if focused_dpi:
        focused_settings = replace(focused_settings, ocr_dpi=focused_dpi,
                                   ocr_min_dpi=min(focused_dpi, focused_settings.ocr_min_dpi))
    if head_share:
        focused_settings = replace(focused_settings, ocr_head_share=head_share)
    if after_head:
        focused_settings = replace(focused_settings, ocr_after_head=after_head)
    if thresholding is not None:
        focused_settings = replace(focused_settings, ocr_thresholding=thresholding)
    rows = []
    cache = None
    if cache_path is not None:
        cache = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.exists() else {}
    for doc in scanned_documents(db, limit):
        data = doc["path"].read_bytes()
        full = _full_reading(data, doc, full_settings, cache)
        focused = _reading(data, doc["filename"], focused_settings)
        before, after = _verdict(full["result"].text, doc), _verdict(focused["result"].text, doc)
        same = {f: before[f] == after[f] for f in FIELDS}
        same["academic_year"] = full["result"].academic_year == focused["result"].academic_year
        same["signature"] = full["result"].signature == focused["result"].signature
        rows.append({
            "sha256": doc["sha256"], "filename": doc["filename"], "pages": full["result"].page_count,
            "full_ocr_cpu": round(full["ocr_cpu"], 3), "focused_ocr_cpu": round(focused["ocr_cpu"], 3),
            "full_pages_read": _ocr_pages(full["result"], full_settings.max_ocr_pages),
            "focused_unread": focused["result"].ocr_pages_unread,
            "doc_type": before["doc_type"], "same": all(same.values()),
            "differs": [f for f, ok in same.items() if not ok],
            "full": {f: str(v) for f, v in before.items()}, "focused": {f: str(v) for f, v in after.items()},
        })
    if cache_path is not None:
        cache_path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    full_cpu = sum(r["full_ocr_cpu"] for r in rows)
    focused_cpu = sum(r["focused_ocr_cpu"] for r in rows)
    pages = sum(r["full_pages_read"] for r in rows)
    return {
        "db": str(db), "documents": len(rows), "dpi_cap": dpi, "focused_dpi_cap": focused_dpi,
        "head_share": focused_settings.ocr_head_share, "after_head": focused_settings.ocr_after_head,
        "thresholding": focused_settings.ocr_thresholding, "pages_recognised_full": pages,
        "ocr_cpu_full_s": round(full_cpu, 1), "ocr_cpu_focused_s": round(focused_cpu, 1),
        "ratio": round(focused_cpu / full_cpu, 3) if full_cpu else None,
        "full_s_per_document": round(full_cpu / len(rows), 3) if rows else None,
        "full_s_per_page": round(full_cpu / pages, 3) if pages else None,
        "focused_s_per_document": round(focused_cpu / len(rows), 3) if rows else None,
        "stopped_in_first_page": sum(1 for r in rows if 1 in r["focused_unread"]),
        "same_verdict": sum(1 for r in rows if r["same"]),
        "machine": machine_facts(), "rows": rows,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a run's database (its blobs/ beside it)")
    parser.add_argument("--limit", type=int, help="only the first N scanned documents")
    parser.add_argument("--dpi", type=int, help="render scans at most at this resolution")
    parser.add_argument("--focused-dpi", type=int,
                        help="render scans at most at this resolution in the focused reading only")
    parser.add_argument("--head-share", type=float, help="share of the first page read first (focused reading)")
    parser.add_argument("--after-head", choices=("whole", "rest"),
                        help="focused reading: an unsettled head is followed by the whole page or the rest")
    parser.add_argument("--thresholding", type=int, choices=(0, 1, 2),
                        help="focused reading: tesseract's thresholding_method (0 Otsu, 2 Sauvola)")
    parser.add_argument("--name", default="demo", help="suffix of the results file")
    parser.add_argument("--cache", type=Path,
                        help="keep the full readings in this JSON file and reuse them (same --dpi only)")
    args = parser.parse_args(argv)
    report = run(args.db, args.limit, args.dpi, args.cache, args.focused_dpi, args.head_share,
                 args.after_head, args.thresholding)
    out = ROOT / "bench" / "results" / f"ocr_focus-{args.name}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{report['documents']} scanned documents, {report['pages_recognised_full']} pages read in full mode")
    print(f"OCR CPU full {report['ocr_cpu_full_s']} s ({report['full_s_per_document']} s/document, "
          f"{report['full_s_per_page']} s/page); focused {report['ocr_cpu_focused_s']} s "
          f"({report['focused_s_per_document']} s/document) = {report['ratio']} of full")
    print(f"stopped within the first page: {report['stopped_in_first_page']}; "
          f"same verdict fields: {report['same_verdict']}/{report['documents']}")
    for row in report["rows"]:
        if not row["same"]:
            print("  differs", row["sha256"][:12], row["filename"], row["differs"],
                  {f: (row["full"][f], row["focused"][f]) for f in row["differs"] if f in row["full"]})
    print(f"written to {out}")
    return report


if __name__ == "__main__":
    main()
