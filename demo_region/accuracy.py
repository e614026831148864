"""How well a run's verdicts match the demo region's ground truth."""

from __future__ import annotations

import argparse
import csv
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Agreement:
    pairs: int = 0
    equal: int = 0
    per_rule: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confusion: Counter = field(default_factory=Counter)
    mismatches: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.equal / self.pairs if self.pairs else 0.0


def compare(db_path: str | Path, ground_truth: str | Path, run_id: int | None = None) -> Agreement:
    """Compare findings of a run (default: latest) with ``ground_truth.csv``."""
    conn = sqlite3.connect(str(db_path))
    if run_id is None:
        run_id = conn.execute("select max(id) from runs where status = 'finished'").fetchone()[0]
    got = {(s, r): st for s, r, st in conn.execute(
        "select school_id, rule_id, status from findings where run_id = ?", [run_id])}
    conn.close()
    result = Agreement()
    with open(ground_truth, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["school_id"], row["rule_id"])
            expected, actual = row["expected_status"], got.get(key, "missing")
            result.pairs += 1
            counts = result.per_rule[row["rule_id"]]
            counts[1] += 1
            if expected == actual:
                result.equal += 1
                counts[0] += 1
            else:
                result.confusion[(row["rule_id"], expected, actual)] += 1
                result.mismatches.append((row["school_id"], row["rule_id"], expected, actual))
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Verdicts of a run against the demo ground truth.")
    parser.add_argument("--db", required=True)
    parser.add_argument("--ground-truth", required=True)
    parser.add_argument("--run", type=int)
    parser.add_argument("--show", type=int, default=20, help="mismatches to list")
    args = parser.parse_args(argv)
    result = compare(args.db, args.ground_truth, args.run)
    print(f"school×rule pairs equal to ground truth: {result.equal}/{result.pairs} ({100 * result.share:.2f} %)")
    for rule_id, (equal, total) in sorted(result.per_rule.items()):
        print(f"  {rule_id:20s} {equal}/{total} ({100 * equal / total:.1f} %)")
    for (rule_id, expected, actual), n in result.confusion.most_common():
        print(f"  {rule_id}: expected {expected}, got {actual}: {n}")
    for mismatch in result.mismatches[: args.show]:
        print("  mismatch:", *mismatch)


if __name__ == "__main__":
    main()
