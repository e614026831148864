#!/usr/bin/env python3
"""Verdict accuracy of a demo run: `python scripts/demo_accuracy.py --db results/demo/eduaudit.db
--ground-truth .cache/demo-region/<region>/ground_truth.csv`."""

from demo_region.accuracy import main

if __name__ == "__main__":
    main()
