"""The wget baseline's second half: search the mirrored sites for a mentoring regulation, as a person would.

    python -m bench.keyword_search MIRROR_DIR --region REGION_DIR --out verdicts.json [--workers N]

A school passes «doc.regulation» when one of its mirrored files mentions both
«наставнич» and «положени» in its name or its text; the text of every file
(pages, PDFs, scans, Word files) is taken with eduaudit's own extraction, so
the search is no worse at reading files than the audit itself. A school of
which nothing could be mirrored gets «error», like an unreachable site in the
audit; otherwise «fail».
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from pathlib import Path
from urllib.parse import unquote

from eduaudit.extraction import extract_many

KEYWORDS = ("наставнич", "положени")
RULE = "doc.regulation"


def mentions(text: str) -> bool:
    text = text.lower().replace("ё", "е")
    return all(word in text for word in KEYWORDS)


def host_dirs(mirror: Path, host: str) -> list[Path]:
    """wget names a host's folder ``host:port`` (or ``host`` on port 80)."""
    return [p for p in mirror.glob(f"{host}*") if p.is_dir() and p.name.split(":")[0] == host]


def school_files(mirror: Path, school: dict) -> list[Path]:
    files = []
    for host in {school["host"], school.get("content_host", school["host"])}:
        for folder in host_dirs(mirror, host):
            files += [p for p in folder.rglob("*") if p.is_file() and p.name != "robots.txt"]
    return sorted(files)


def search(mirror: Path, region: Path, workers: int | None = None) -> dict:
    manifest = json.loads((region / "region.json").read_text(encoding="utf-8"))
    per_school = {s["school_id"]: school_files(mirror, s) for s in manifest["schools"]}
    jobs, seen = [], set()
    digests: dict[Path, str] = {}
    for files in per_school.values():
        for path in files:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            digests[path] = digest
            if digest not in seen:
                seen.add(digest)
                jobs.append((digest, path, path.name, None))
    matched: set[str] = set()
    ocr_used = 0
    for digest, result in extract_many(jobs, workers=workers):
        ocr_used += result.ocr_used
        if mentions(result.text or ""):
            matched.add(digest)
    verdicts, evidence = {}, {}
    for school_id, files in per_school.items():
        hits = [p for p in files if digests[p] in matched or mentions(unquote(str(p.relative_to(mirror))))]
        if not files:
            verdicts[school_id] = "error"
        else:
            verdicts[school_id] = "pass" if hits else "fail"
        if hits:
            evidence[school_id] = str(hits[0].relative_to(mirror))
    return {"verdicts": verdicts, "evidence": evidence, "files": sum(len(f) for f in per_school.values()),
            "distinct_files": len(jobs), "ocr_used": ocr_used}


def mirrored_documents(mirror: Path, region: Path) -> tuple[int, int]:
    """(mentoring documents of the ground truth present in the mirror, all of them on reachable sites)."""
    manifest = json.loads((region / "region.json").read_text(encoding="utf-8"))
    found = expected = 0
    for school in manifest["schools"]:
        if school["behaviour"] in ("down", "error5xx"):
            continue
        for doc in school["documents"]:
            if not doc.get("mentoring"):
                continue
            expected += 1
            path = unquote(doc["url"]).lstrip("/")
            found += any((folder / path).is_file() or (folder / path / "index.html").is_file()
                         for folder in host_dirs(mirror, doc["host"]))
    return found, expected


def agreement(verdicts: dict[str, str], ground_truth: Path) -> dict:
    equal = pairs = 0
    confusion: dict[str, int] = {}
    with open(ground_truth, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["rule_id"] != RULE:
                continue
            pairs += 1
            got = verdicts.get(row["school_id"], "missing")
            if got == row["expected_status"]:
                equal += 1
            else:
                key = f"expected {row['expected_status']}, got {got}"
                confusion[key] = confusion.get(key, 0) + 1
    return {"rule": RULE, "equal": equal, "pairs": pairs, "share": round(equal / pairs, 4) if pairs else 0.0,
            "mismatches": confusion}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirror", type=Path)
    parser.add_argument("--region", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--workers", type=int)
    args = parser.parse_args(argv)
    result = search(args.mirror, args.region, args.workers)
    result["agreement"] = agreement(result["verdicts"], args.region / "ground_truth.csv")
    found, expected = mirrored_documents(args.mirror, args.region)
    result["mentoring_documents_found"] = f"{found}/{expected}"
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{RULE}: {result['agreement']['equal']}/{result['agreement']['pairs']} equal to ground truth")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
