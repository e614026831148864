#!/usr/bin/env python3
"""Train the classifier's text model (audit_rules/models/audit_text_model.json) from the data.

Usage: python scripts/train_text_model.py [--real FILE] [--out FILE] [--features N] [--cv]

Training texts:
- our synthetic corpus (tests/corpus, labels.csv), each document whole and as two excerpts cut
  at fixed pseudo-random places, one of them flattened into a single line, because real texts
  reach us as excerpts and as PDF text layers without line breaks;
- the "dev" half (by site) of the labelled real excerpts (../shared/real_docs/dev.jsonl, read
  from there, never copied); the "kept" half is never read, so it stays a fair check.

The same inputs give the same file: the excerpts are cut with a fixed seed and the solver is
deterministic. `--cv` also prints the model's own accuracy on the real dev half, each fold of
sites predicted by a model trained without it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from classifier_accuracy import (  # noqa: E402
    AUDIT_CLASSES, DEFAULT_CORPUS, DEFAULT_REAL, REAL_LABEL_CLASS, audit_class, load_labels, load_real,
    per_class_metrics, site_half, site_of,
)
from audit_rules.text_model import MODEL_PATH, TextModel, features  # noqa: E402

SEED = 18
EXCERPT_CHARS = 1200
REAL_WEIGHT = 3.0        # a real excerpt is worth several of ours: it is what the model must learn
DEFAULT_FEATURES = 4000
C = 16.0


def synthetic_examples(corpus: Path) -> list[tuple[str, str, str]]:
    """(text, audit class, group) for every document of the corpus and two excerpts of each."""
    rng = random.Random(SEED)
    out = []
    for label in load_labels(corpus):
        text = (corpus / label.file).read_text(encoding="utf-8")
        cls = audit_class(label.doc_type, label.audience, label.issuer, label.about_mentoring)
        out.append((text, cls, "synthetic"))
        if len(text) > 2 * EXCERPT_CHARS:
            for flatten in (False, True):
                start = rng.randrange(0, len(text) - EXCERPT_CHARS)
                piece = text[start:start + EXCERPT_CHARS]
                out.append((" ".join(piece.split()) if flatten else piece, cls, "synthetic"))
    return out


def real_examples(path: Path, half: str = "dev") -> list[tuple[str, str, str]]:
    return [(row["excerpt"], REAL_LABEL_CLASS[row["label"]], row["url"]) for row in load_real(path)
            if row["label"] in REAL_LABEL_CLASS and site_half(row["url"]) == half]


def fit(examples: list[tuple[str, str, str]], n_features: int):
    """A pruned tf-idf + logistic regression model, as (vectorizer, estimator)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    import numpy as np

    texts = [t for t, _, _ in examples]
    y = [c for _, c, _ in examples]
    weights = [1.0 if g == "synthetic" else REAL_WEIGHT for _, _, g in examples]

    def train(vocabulary=None):
        vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2 if vocabulary is None else 1,
                              vocabulary=vocabulary)
        x = vec.fit_transform(texts)
        est = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        est.fit(x, y, sample_weight=weights)
        return vec, est

    vec, est = train()
    # Keep the features that weigh most for some class: the file stays small and readable.
    strength = np.abs(est.coef_).max(axis=0)
    order = np.argsort(-strength, kind="stable")[:n_features]
    names = vec.get_feature_names_out()
    kept = sorted(names[i] for i in order)
    return train({f: i for i, f in enumerate(kept)})


def export(vec, est, meta: dict) -> dict:
    vocab = {f: int(i) for f, i in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])}
    classes = [str(c) for c in est.classes_]
    return {
        "classes": classes,
        "vocabulary": vocab,
        "idf": [round(float(v), 5) for v in vec.idf_],
        "coef": [[round(float(v), 5) for v in row] for row in est.coef_],
        "intercept": [round(float(v), 5) for v in est.intercept_],
        "meta": meta,
    }


def inputs_digest(examples: list[tuple[str, str, str]]) -> str:
    h = hashlib.sha256()
    for text, cls, _ in examples:
        h.update(cls.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def fold_of_site(url: str, folds: int) -> int:
    return int(hashlib.sha256(site_of(url).encode()).hexdigest(), 16) % folds


def fold_models(rows: list[dict], folds: int, n_features: int = DEFAULT_FEATURES) -> dict:
    """id -> a model trained on the synthetic corpus and the given rows outside the id's fold of sites."""
    synthetic = synthetic_examples(DEFAULT_CORPUS)
    fold = {row["id"]: fold_of_site(row["url"], folds) for row in rows}
    out = {}
    for k in sorted(set(fold.values())):
        train = [(r["excerpt"], REAL_LABEL_CLASS[r["label"]], r["url"]) for r in rows if fold[r["id"]] != k]
        vec, est = fit(synthetic + train, n_features)
        model = TextModel(export(vec, est, {}))
        out.update({ident: model for ident, f in fold.items() if f == k})
    return out


def cross_validate(synthetic, real, n_features: int, folds: int = 5) -> dict:
    """The model alone on the real dev half: each fold of sites predicted by a model trained without it."""
    pairs = []
    for k in range(folds):
        test = [e for e in real if fold_of_site(e[2], folds) == k]
        if not test:
            continue
        vec, est = fit(synthetic + [e for e in real if fold_of_site(e[2], folds) != k], n_features)
        model = TextModel(export(vec, est, {}))
        pairs += [(cls, model.predict(text).audit_class) for text, cls, _ in test]
    return per_class_metrics(pairs, AUDIT_CLASSES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--features", type=int, default=DEFAULT_FEATURES)
    parser.add_argument("--cv", action="store_true", help="also print the model's cross-validated figures on real dev")
    args = parser.parse_args(argv)

    synthetic = synthetic_examples(args.corpus)
    real = real_examples(args.real)
    examples = synthetic + real
    vec, est = fit(examples, args.features)
    meta = {
        "trained_on": {"synthetic": len(synthetic), "real_dev": len(real)},
        "classes_seen": dict(sorted(Counter(c for _, c, _ in examples).items())),
        "inputs_sha256": inputs_digest(examples),
        "features": len(vec.vocabulary_),
        "C": C,
        "real_weight": REAL_WEIGHT,
        "script": "scripts/train_text_model.py",
    }
    data = export(vec, est, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(synthetic)} synthetic + {len(real)} real texts, {meta['features']} features, "
          f"{args.out.stat().st_size // 1024} KiB")

    # The JSON model must say what scikit-learn says (rounding aside).
    model = TextModel(data)
    probs = est.predict_proba(vec.transform([t for t, _, _ in examples[:40]]))
    for (text, _, _), row in zip(examples[:40], probs):
        mine = model.predict(text).probabilities
        worst = max(abs(mine[c] - p) for c, p in zip(est.classes_, row))
        if worst > 1e-3:
            raise SystemExit(f"exported model disagrees with scikit-learn by {worst:.4f}")
    if args.cv:
        m = cross_validate(synthetic, real, args.features)
        print(f"model alone, real dev half, 5-fold by site: accuracy {m['accuracy']:.3f}, macro-F1 {m['macro_f1']:.3f}")
        for cls, v in m["classes"].items():
            print(f"  {cls:<22} P {v['precision']:.2f} R {v['recall']:.2f} F1 {v['f1']:.2f} n={v['support']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
