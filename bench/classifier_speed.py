"""Classifier speed: documents of extracted text classified per second on one core.

    .venv/bin/python -m bench.classifier_speed [--rounds 3] [--db results/demo/eduaudit.db]

The texts are our synthetic corpus (tests/corpus, whole documents of 0.3-40 KB) and the real
excerpts of ../shared/real_docs/dev.jsonl when it is there; with --db, every extracted text of a
run's database instead (whole documents as a region's crawl finds them). One process, one core; the first
pass (dictionary and model loading, lemma cache warm-up) is timed apart from the steady rate,
since a region run classifies thousands of documents in one process.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from audit_rules.classifier import classify
from bench.measure import machine_facts

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real_docs" / "dev.jsonl"


def texts(db: Path | None = None) -> list[str]:
    if db is not None:
        import sqlite3

        with sqlite3.connect(db) as conn:
            return [row[0] for row in conn.execute("select text from extractions where text != ''")]
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
    if REAL.exists():
        out += [json.loads(line)["excerpt"] for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", type=Path, help="classify the extracted texts of this run database")
    args = parser.parse_args(argv)
    docs = texts(args.db)
    chars = sum(len(t) for t in docs)
    start = time.process_time()
    for text in docs:
        classify(text)
    first = time.process_time() - start
    best = None
    for _ in range(args.rounds):
        start = time.process_time()
        for text in docs:
            classify(text)
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    result = {"documents": len(docs), "characters": chars, "first_pass_cpu_s": round(first, 3),
              "steady_cpu_s": round(best, 3), "documents_per_cpu_second": round(len(docs) / best, 1),
              "machine": machine_facts()}
    print(f"{len(docs)} texts, {chars / 1e6:.2f} M characters: first pass {first:.2f} s CPU, "
          f"then {best:.2f} s CPU per pass = {len(docs) / best:.0f} documents per CPU second")
    return result


if __name__ == "__main__":
    main()
