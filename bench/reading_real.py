"""Focused reading on real texts: does stopping once the verdict is settled change real verdicts?

    .venv/bin/python -m bench.reading_real [--page-chars 2500]

We have no real scans, only real texts: the labelled excerpts of ../shared/real_docs/dev.jsonl
and the five real documents of ../shared/seeds. Each text is cut into pages of about
--page-chars characters (at line ends; an A4 page of 12 pt type holds 2,000-3,000) and read the
way focused OCR reads a scan: the first page's head (its first 40 % of lines), the rest of that
page, then the next pages, asking ``audit_rules.reading.settled`` after each piece, within the
OCR budget of three pages. The classification of what was read is set against that of the first
three pages whole (what OCR read before) and against the labels: macro-F1 both ways.

With --scans the texts are printed and scanned instead (the demo region's scanner: grayscale
A4 pages at 200 dpi with blur, noise, skew, JPEG, a stamp and a signature on the last page, at
most two pages) and extracted by the real pipeline twice, focused and with every page in the
OCR budget read: real wording through real OCR, on scans that are ours.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from audit_rules.classifier import classify
from audit_rules.reading import settled
from bench.measure import children_cpu
from eduaudit.extraction import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from classifier_accuracy import (AUDIT_CLASSES, DEFAULT_SEEDS, REAL_LABEL_CLASS, SEED_CLASSES,  # noqa: E402
                                 load_real, per_class_metrics, predicted_audit_class)

REAL = ROOT.parent / "shared" / "real_docs" / "dev.jsonl"
HEAD_SHARE = DEFAULT_SETTINGS.ocr_head_share
BUDGET = DEFAULT_SETTINGS.max_ocr_pages


def pages_of(text: str, page_chars: int) -> list[list[str]]:
    pages: list[list[str]] = [[]]
    size = 0
    for line in text.split("\n"):
        if size >= page_chars and pages[-1]:
            pages.append([])
            size = 0
        pages[-1].append(line)
        size += len(line) + 1
    return pages


def focused_text(pages: list[list[str]]) -> tuple[str, int]:
    """What focused reading reads of ``pages`` and after which piece it was settled (0: never)."""
    pieces: list[tuple[list[str], int]] = []  # (lines read so far, pages after the one read)
    first = pages[0]
    cut = max(1, round(len(first) * HEAD_SHARE))
    pieces.append((first[:cut], len(pages) - 1))
    read: list[str] = []
    for index, page in enumerate(pages[:BUDGET]):
        pieces.append((read + page, len(pages) - index - 1))
        read = read + page
    for number, (lines, after) in enumerate(pieces, start=1):
        text = "\n".join(lines)
        if settled(text, after):
            return text, number
    return "\n".join(read), 0


def documents() -> list[dict]:
    out = []
    if REAL.exists():
        for row in load_real(REAL):
            if row["label"] in REAL_LABEL_CLASS:
                out.append({"id": row["id"], "text": row["excerpt"], "expected": REAL_LABEL_CLASS[row["label"]]})
    for name, expected in SEED_CLASSES.items():
        path = DEFAULT_SEEDS / name
        if path.exists():
            out.append({"id": name, "text": path.read_text(encoding="utf-8"), "expected": expected})
    return out


def run(page_chars: int) -> dict:
    rows = []
    for doc in documents():
        pages = pages_of(doc["text"], page_chars)
        whole = "\n".join("\n".join(p) for p in pages[:BUDGET])
        focused, pieces = focused_text(pages)
        rows.append({"id": doc["id"], "expected": doc["expected"], "pages": len(pages),
                     "settled_after_piece": pieces, "stopped_early": focused != whole,
                     "whole": predicted_audit_class(classify(whole)),
                     "focused": predicted_audit_class(classify(focused))})
    whole_metrics = per_class_metrics([(r["expected"], r["whole"]) for r in rows], AUDIT_CLASSES)
    focused_metrics = per_class_metrics([(r["expected"], r["focused"]) for r in rows], AUDIT_CLASSES)
    return {
        "page_chars": page_chars, "documents": len(rows),
        "stopped_early": sum(r["stopped_early"] for r in rows),
        "settled_on_head": sum(r["settled_after_piece"] == 1 for r in rows),
        "settled_later": sum(r["settled_after_piece"] > 1 for r in rows),
        "never_settled": sum(r["settled_after_piece"] == 0 for r in rows),
        "same_class": sum(r["whole"] == r["focused"] for r in rows),
        "macro_f1_whole": whole_metrics["macro_f1"], "macro_f1_focused": focused_metrics["macro_f1"],
        "accuracy_whole": whole_metrics["accuracy"], "accuracy_focused": focused_metrics["accuracy"],
        "changed": [r for r in rows if r["whole"] != r["focused"]],
    }


def scanned(doc: dict) -> bytes:
    """The text printed and scanned as the demo region's schools scan their paper."""
    from demo_region.scan import render_scan
    from demo_region.texts.base import DocumentSpec

    lines = [line for line in doc["text"].split("\n") if line.strip()]
    spec = DocumentSpec(kind="other", title="", paragraphs=lines, issuer="", audience="", date=None,
                        number=None, academic_year=None, signature_stamp=None)
    return render_scan(spec, random.Random(doc["id"]))


def run_scans(limit: int | None = None) -> dict:
    from eduaudit.extraction import extract_bytes
    from eduaudit.stages import extraction_settings

    full_settings, focused_settings = extraction_settings("first-pages"), extraction_settings("focused")
    rows = []
    for doc in documents()[:limit]:
        pdf = scanned(doc)
        readings = {}
        for name, settings in (("whole", full_settings), ("focused", focused_settings)):
            before = children_cpu()
            result = extract_bytes(pdf, filename=f"{doc['id']}.pdf", settings=settings)
            readings[name] = (predicted_audit_class(classify(result.text)), children_cpu() - before,
                              result.ocr_pages_unread)
        rows.append({"id": doc["id"], "expected": doc["expected"],
                     "whole": readings["whole"][0], "focused": readings["focused"][0],
                     "ocr_cpu_whole": round(readings["whole"][1], 3), "ocr_cpu_focused": round(readings["focused"][1], 3),
                     "focused_unread": readings["focused"][2]})
    whole_metrics = per_class_metrics([(r["expected"], r["whole"]) for r in rows], AUDIT_CLASSES)
    focused_metrics = per_class_metrics([(r["expected"], r["focused"]) for r in rows], AUDIT_CLASSES)
    cpu_whole = sum(r["ocr_cpu_whole"] for r in rows)
    cpu_focused = sum(r["ocr_cpu_focused"] for r in rows)
    return {
        "scans": True, "documents": len(rows),
        "same_class": sum(r["whole"] == r["focused"] for r in rows),
        "macro_f1_whole": whole_metrics["macro_f1"], "macro_f1_focused": focused_metrics["macro_f1"],
        "accuracy_whole": whole_metrics["accuracy"], "accuracy_focused": focused_metrics["accuracy"],
        "ocr_cpu_whole_s": round(cpu_whole, 1), "ocr_cpu_focused_s": round(cpu_focused, 1),
        "changed": [r for r in rows if r["whole"] != r["focused"]], "rows": rows,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-chars", type=int, default=2500)
    parser.add_argument("--scans", action="store_true", help="print and scan the texts, then OCR them both ways")
    parser.add_argument("--limit", type=int, help="with --scans: only the first N texts")
    args = parser.parse_args(argv)
    if args.scans:
        report = run_scans(args.limit)
        print(f"{report['documents']} real texts printed and scanned; OCR CPU whole {report['ocr_cpu_whole_s']} s, "
              f"focused {report['ocr_cpu_focused_s']} s")
        print(f"same audit class either way: {report['same_class']}/{report['documents']}")
        print(f"macro-F1 whole {report['macro_f1_whole']:.3f} / focused {report['macro_f1_focused']:.3f}; "
              f"accuracy whole {report['accuracy_whole']:.3f} / focused {report['accuracy_focused']:.3f}")
        for row in report["changed"]:
            print(f"  changed {row['id']}: expected {row['expected']}, whole {row['whole']}, focused {row['focused']}")
        if not args.limit:
            out = ROOT / "bench" / "results" / "reading_real_scans.json"
            out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        return report
    report = run(args.page_chars)
    print(f"{report['documents']} real texts, pages of {report['page_chars']} characters; "
          f"focused reading stopped before the end of the budget on {report['stopped_early']}")
    print(f"settled by the first page's head: {report['settled_on_head']}, later: {report['settled_later']}, "
          f"never (read whole): {report['never_settled']}")
    print(f"same audit class either way: {report['same_class']}/{report['documents']}")
    print(f"macro-F1 whole {report['macro_f1_whole']:.3f} / focused {report['macro_f1_focused']:.3f}; "
          f"accuracy whole {report['accuracy_whole']:.3f} / focused {report['accuracy_focused']:.3f}")
    for row in report["changed"]:
        print(f"  changed {row['id']}: expected {row['expected']}, whole {row['whole']}, focused {row['focused']}")
    out = ROOT / "bench" / "results" / "reading_real.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
