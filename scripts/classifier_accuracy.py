#!/usr/bin/env python3
"""Accuracy of the mentoring-document classifier on real texts and on our synthetic corpus.

Usage:
    python scripts/classifier_accuracy.py --real [FILE] [--half dev|kept|all] [--folds K | --rules-only] [--text-only]
                                          [--show N] [--json]
    python scripts/classifier_accuracy.py [--corpus DIR] [--show N] [--json]

`--real` reads the labelled excerpts of real school sites (default ../shared/real_docs/dev.jsonl,
kept outside this repo), maps each label to the audit class and prints the figures for every
excerpt and for the two fixed halves by site: "dev" (what rules may be tuned on) and "kept" (read
only for a final check; a large gap between the halves means the rules fit the examples). Each
excerpt is read with the address it was found at, as the audit reads a document with its URL;
`--text-only` reads the excerpt alone, as `eduaudit classify` reads a file.

Without `--real`, each document of tests/corpus is classified with
`audit_rules.classifier.classify(text, filename=<file name>)` and compared with labels.csv.
Printed views: doc_type; audience on mentoring documents; external issuer vs school; and the
"audit class" that the audit rules actually care about.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "corpus"
DEFAULT_REAL = ROOT.parent / "shared" / "real_docs" / "dev.jsonl"

DOC_TYPES = ("regulation", "roadmap", "order", "program", "other")
AUDIENCES = ("teachers", "students", "both")
ISSUERS = ("school", "municipal", "regional", "federal")
ISSUER_VIEW = ("school", "external")
AUDIT_CLASSES = ("staff_regulation", "students_regulation", "programme", "roadmap", "order", "other",
                 "external")
LABEL_COLUMNS = ("file", "doc_type", "audience", "issuer", "about_mentoring", "note")


@dataclass(frozen=True)
class Label:
    file: str
    doc_type: str
    audience: str
    issuer: str
    about_mentoring: bool
    note: str


def load_labels(corpus: Path) -> list[Label]:
    with open(corpus / "labels.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(LABEL_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"labels.csv lacks columns: {sorted(missing)}")
        return [Label(row["file"], row["doc_type"], row["audience"], row["issuer"],
                      row["about_mentoring"].strip().lower() == "true", row["note"]) for row in reader]


def issuer_view(issuer: str) -> str:
    # a classifier that cannot tell the issuer ("unknown") is treated as saying "school", the default case
    return "external" if issuer in ("municipal", "regional", "federal") else "school"


def audit_class(doc_type: str, audience: str, issuer: str, about_mentoring: bool = True) -> str:
    """The category an auditor acts on: what a school must publish, what is someone else's.

    Another body's text counts as external only when it is about mentoring: a municipal decree on
    school buses is as irrelevant to the audit as any other text. External is a municipality's or
    a region's (the codebook's `municipal_or_regional`): a federal act or its recommendations are
    what every school cites, `other` for the audit.
    """
    if not about_mentoring or issuer == "federal":
        return "other"
    if issuer_view(issuer) == "external":
        return "external"
    if doc_type == "regulation":
        if audience in ("teachers", "both"):
            return "staff_regulation"
        if audience == "students":
            return "students_regulation"
        return "other"
    if doc_type == "program":
        # the codebook's «program» is a school's mentoring programme, of teachers or of pupils
        return "programme"
    if doc_type in ("roadmap", "order"):
        return doc_type
    return "other"


def per_class_metrics(pairs: list[tuple[str, str]], classes: tuple[str, ...] | list[str]) -> dict:
    """Precision/recall/F1 per class and their macro average over `classes`.

    `pairs` are (expected, predicted). A predicted label outside `classes` (e.g. "unknown") is a miss
    for the expected class and a false positive for nobody. Classes with no support and no predictions
    are left out of the macro average, so a tiny corpus is not penalised for absent classes.
    """
    tp, fp, fn = Counter(), Counter(), Counter()
    for expected, predicted in pairs:
        if expected == predicted:
            tp[expected] += 1
        else:
            fn[expected] += 1
            fp[predicted] += 1
    per_class = {}
    f1s = []
    for cls in classes:
        support = tp[cls] + fn[cls]
        predicted = tp[cls] + fp[cls]
        precision = tp[cls] / predicted if predicted else 0.0
        recall = tp[cls] / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[cls] = {"precision": precision, "recall": recall, "f1": f1, "support": support,
                          "predicted": predicted}
        if support or predicted:
            f1s.append(f1)
    correct = sum(tp.values())
    return {"classes": per_class, "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
            "accuracy": correct / len(pairs) if pairs else 0.0, "n": len(pairs)}


def confusions(pairs: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    counts = Counter((e, p) for e, p in pairs if e != p)
    return [(e, p, n) for (e, p), n in counts.most_common()]


def evaluate(records: list[dict]) -> dict:
    """Metrics for all views from records with expected_* and got_* fields."""
    doc_pairs = [(r["expected"]["doc_type"], r["got"]["doc_type"]) for r in records]
    mentoring = [r for r in records if r["expected"]["about_mentoring"] and r["expected"]["audience"] in AUDIENCES]
    aud_pairs = [(r["expected"]["audience"], r["got"]["audience"]) for r in mentoring]
    iss_pairs = [(issuer_view(r["expected"]["issuer"]), issuer_view(r["got"]["issuer"])) for r in records]
    fields = ("doc_type", "audience", "issuer", "about_mentoring")
    audit_pairs = [(audit_class(**{k: r["expected"][k] for k in fields}),
                    audit_class(**{k: r["got"][k] for k in fields})) for r in records]
    about_pairs = [(str(r["expected"]["about_mentoring"]).lower(), str(r["got"]["about_mentoring"]).lower())
                   for r in records]
    views = {
        "doc_type": (doc_pairs, DOC_TYPES),
        "audience": (aud_pairs, AUDIENCES),
        "issuer_external": (iss_pairs, ISSUER_VIEW),
        "audit_class": (audit_pairs, AUDIT_CLASSES),
        "about_mentoring": (about_pairs, ("true", "false")),
    }
    out = {}
    for name, (pairs, classes) in views.items():
        metrics = per_class_metrics(pairs, classes)
        metrics["confusions"] = confusions(pairs)
        out[name] = metrics
    return out


def run_classifier(corpus: Path, labels: list[Label]) -> list[dict]:
    from audit_rules.classifier import classify

    records = []
    for label in labels:
        text = (corpus / label.file).read_text(encoding="utf-8")
        got = classify(text, filename=label.file)
        records.append({
            "file": label.file,
            "note": label.note,
            "expected": {"doc_type": label.doc_type, "audience": label.audience, "issuer": label.issuer,
                         "about_mentoring": label.about_mentoring},
            "got": {"doc_type": got.doc_type, "audience": got.audience, "issuer": got.issuer,
                    "about_mentoring": bool(got.about_mentoring)},
        })
    return records


# The codebook's labels (../shared/real_docs/README.md) as the audit classes; "unsure" is scored by nobody.
REAL_LABEL_CLASS = {
    "regulation_teachers": "staff_regulation",
    "regulation_mixed": "staff_regulation",
    "regulation_students": "students_regulation",
    "program": "programme",
    "roadmap": "roadmap",
    "order": "order",
    "municipal_or_regional": "external",
    "mentoring_page": "other",
    "other": "other",
}
HALVES = ("dev", "kept")
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
# The five real documents the project started from (../shared/seeds/README.md), by audit class.
SEED_CLASSES = {
    "000_35e2fd747f45d984.txt": "external",          # a city education department's work plan (analysis)
    "001_a97cfd77c451eb11.txt": "external",          # the regional operator's report
    "002_551f4883f6af57b0.txt": "staff_regulation",  # a Smolensk school's regulation
    "003_016f1f4f2e32d76f.txt": "external",          # the city «Школа лидеров образования» work plan
    "004_59116d4e40c3e25a.txt": "external",          # a district authority's mentoring programme
}


def run_seeds(folder: Path = DEFAULT_SEEDS) -> list[dict]:
    from audit_rules.classifier import classify

    out = []
    for name, expected in SEED_CLASSES.items():
        got = classify((folder / name).read_text(encoding="utf-8"))
        out.append({"file": name, "expected": expected, "got": predicted_audit_class(got),
                    "confidence": got.confidence})
    return out


def site_of(url: str) -> str:
    """The site an excerpt comes from: its host without «www.»."""
    return (urlsplit(url).hostname or url).lower().removeprefix("www.")


def site_half(url: str) -> str:
    """The fixed half an excerpt belongs to, by its site, so one site's documents stay together."""
    return HALVES[hashlib.sha256(site_of(url).encode("utf-8")).digest()[0] % 2]


def load_real(path: Path) -> list[dict]:
    """Labelled real excerpts; a malformed line names its number."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                label = row["label"]
                row["excerpt"], row["url"], row["id"]
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path}:{number}: not a labelled excerpt ({exc})") from exc
            if label != "unsure" and label not in REAL_LABEL_CLASS:
                raise ValueError(f"{path}:{number}: unknown label {label!r}")
            rows.append(row)
    return rows


def predicted_audit_class(got) -> str:
    return audit_class(got.doc_type, got.audience, got.issuer, bool(got.about_mentoring))


def run_real(rows: list[dict], models: dict | None = None, use_url: bool = True) -> list[dict]:
    """Classify every scored excerpt; `models` (id -> TextModel) replaces the shipped text model for some;
    `use_url` gives the classifier the address each excerpt was found at."""
    from audit_rules.classifier import classify

    records = []
    for row in rows:
        if row["label"] == "unsure":
            continue
        got = classify(row["excerpt"], url=row["url"] if use_url else None, model=(models or {}).get(row["id"]))
        records.append({"id": row["id"], "url": row["url"], "half": site_half(row["url"]),
                        "label": row["label"], "expected": REAL_LABEL_CLASS[row["label"]],
                        "got": predicted_audit_class(got), "confidence": got.confidence,
                        "evidence": got.evidence[:2], "why": row.get("why", "")})
    return records


def confusion_table(pairs: list[tuple[str, str]], classes: tuple[str, ...]) -> str:
    """Rows are the expected class, columns the predicted one."""
    short = {c: c[:6] for c in classes}
    counts = Counter(pairs)
    lines = [f"{'expected / got':<22}" + "".join(f"{short[c]:>8}" for c in classes)]
    for e in classes:
        lines.append(f"{e:<22}" + "".join(f"{counts[(e, p)] or '.':>8}" for p in classes))
    return "\n".join(lines)


def evaluate_real(records: list[dict]) -> dict:
    subsets = {"all": records}
    subsets.update({h: [r for r in records if r["half"] == h] for h in HALVES})
    out = {}
    for name, recs in subsets.items():
        pairs = [(r["expected"], r["got"]) for r in recs]
        metrics = per_class_metrics(pairs, AUDIT_CLASSES)
        metrics["confusions"] = confusions(pairs)
        metrics["table"] = confusion_table(pairs, AUDIT_CLASSES)
        out[name] = metrics
    return out


def held_out_models(rows: list[dict], folds: int) -> dict:
    """For each dev excerpt, a text model trained without its fold of dev sites (needs scikit-learn).

    The shipped model was trained on the whole dev half, so its dev figures are in-sample; these
    give the dev half a fair figure. The kept half is never in any training set.
    """
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    from train_text_model import fold_models

    return fold_models([r for r in rows if r["label"] in REAL_LABEL_CLASS and site_half(r["url"]) == "dev"], folds)


def main_real(path: Path, show: int, as_json: bool, half: str, folds: int = 0, use_url: bool = True) -> dict:
    rows = load_real(path)
    records = run_real(rows, held_out_models(rows, folds) if folds else None, use_url)
    metrics = evaluate_real(records)
    wrong = [r for r in records if r["expected"] != r["got"] and (half == "all" or r["half"] == half)]
    result = {"source": str(path), "n_documents": len(records), "metrics": metrics, "misclassified": wrong}
    if as_json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return result
    print(f"real excerpts: {path}  scored: {len(records)} (unsure left out)")
    import audit_rules.classifier as classifier

    if classifier.default_model() is None:
        print("text model: off (the rules alone)")
    else:
        print("text model on the dev half: " + (f"trained without the excerpt's fold ({folds} folds by site)" if folds
                                                 else "the shipped one, trained on the dev half (in-sample)"))
    for name, m in metrics.items():
        print()
        print(format_table(f"audit class, {name}", m))
        print(m["table"])
    print()
    print("macro-F1: " + ", ".join(f"{name}={m['macro_f1']:.3f}" for name, m in metrics.items()))
    if DEFAULT_SEEDS.exists():
        seeds = run_seeds()
        result["seeds"] = seeds
        print(f"seeds ({DEFAULT_SEEDS}): {sum(r['expected'] == r['got'] for r in seeds)}/{len(seeds)} right; "
              + "; ".join(f"{r['file'][:3]} {r['expected']}->{r['got']}" for r in seeds if r["expected"] != r["got"]))
    shown = wrong if show < 0 else wrong[:show]
    if shown:
        print()
        print(f"misclassified ({len(wrong)} in {half}; showing {len(shown)}): id half | expected -> got (confidence) | why")
        for w in shown:
            print(f"  {w['id']} {w['half']} | {w['expected']} -> {w['got']} ({w['confidence']}) | {w['why'][:110]}")
    return result


RESHAPES = ("flat", "cut", "ocr", "wrapped", "chrome")
# A narrow column of a PDF (a two-column page, a table cell) wraps lines at this many characters.
WRAP_CHARS = 45
# What a school site's page shows above a file's text: its widgets and breadcrumbs.
SITE_CHROME = "Решаем вместе\nЕсть вопрос?\nВерсия для слабовидящих\nГлавная / Документы\n\n"
# OCR-like noise: Latin look-alikes for this share of the letters that have one, a stray space after
# this share of all letters.
OCR_LOOKALIKES = dict(zip("аеорсхуАЕОРСХВМНКТ", "aeopcxyAEOPCXBMHKT"))
OCR_LOOKALIKE_SHARE = 0.15
OCR_SPACE_SHARE = 0.02


def reshaped(text: str, how: str, seed: str = "") -> str:
    """The excerpt as a stored page might also have given it.

    ``flat``: its lines joined into one (a flattened text layer); ``cut``: without its first third
    of lines (an excerpt that starts mid-document, its title and approval block lost); ``ocr``: with
    Latin look-alike letters and words broken by stray spaces, drawn from ``seed`` (the excerpt's id)
    so every run reads the same text; ``wrapped``: every line wrapped at ``WRAP_CHARS`` characters (a
    narrow column); ``chrome``: below a site's widgets and breadcrumbs.
    """
    if how == "wrapped":
        return "\n".join(textwrap.fill(ln, WRAP_CHARS) if ln.strip() else ln for ln in text.split("\n"))
    if how == "chrome":
        return SITE_CHROME + text
    if how == "flat":
        return " ".join(text.split())
    if how == "ocr":
        rng = random.Random(seed)
        out = []
        for ch in text:
            if ch in OCR_LOOKALIKES and rng.random() < OCR_LOOKALIKE_SHARE:
                out.append(OCR_LOOKALIKES[ch])
            elif ch.isalpha() and rng.random() < OCR_SPACE_SHARE:
                out.append(ch + " ")
            else:
                out.append(ch)
        return "".join(out)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 3:
        return "\n".join(lines[len(lines) // 3:])
    return text[len(text) // 3:]


def main_reshape(path: Path, half: str) -> dict:
    """How many excerpts read right as given stay right when reshaped (shipped model): flattened, cut,
    OCR-garbled, wrapped in a narrow column, under a site's chrome."""
    rows = [(r["id"], r["excerpt"], REAL_LABEL_CLASS[r["label"]]) for r in load_real(path)
            if r["label"] in REAL_LABEL_CLASS and (half == "all" or site_half(r["url"]) == half)]
    print(f"real excerpts: {path}  half: {half}", end="  ")
    return {"source": str(path), "half": half, **_reshape_counts(rows)}


def main_reshape_corpus(corpus: Path) -> dict:
    """The same for our synthetic corpus: whole documents, so ``cut`` is a later part of each."""
    rows = [(label.file, (corpus / label.file).read_text(encoding="utf-8"),
             audit_class(label.doc_type, label.audience, label.issuer, label.about_mentoring))
            for label in load_labels(corpus)]
    print(f"corpus: {corpus}", end="  ")
    return {"source": str(corpus), **_reshape_counts(rows)}


def _reshape_counts(rows: list[tuple[str, str, str]]) -> dict:
    """(id, text, expected audit class) rows: how many right as given stay right in each shape."""
    from audit_rules.classifier import classify

    right = [(key, text, expected) for key, text, expected in rows
             if predicted_audit_class(classify(text)) == expected]
    result = {"excerpts": len(rows), "right_as_given": len(right)}
    print(f"right as given: {len(right)} of {len(rows)}")
    for how in RESHAPES:
        changed = [key for key, text, expected in right
                   if predicted_audit_class(classify(reshaped(text, how, key))) != expected]
        result[how] = {"stay_right": len(right) - len(changed), "changed": changed}
        share = (len(right) - len(changed)) / len(right) if right else 0.0
        print(f"  {how:<7} stay right: {len(right) - len(changed)} of {len(right)} ({share:.1%}); changed: "
              + (", ".join(changed) or "none"))
    return result


SEED_WINDOW_CHARS = 1200     # about the length of a real excerpt
SEED_WINDOW_STEP = 1500


def seed_windows(text: str) -> list[tuple[int, str]]:
    """(line, excerpt) every ``SEED_WINDOW_STEP`` characters, each ``SEED_WINDOW_CHARS`` long, cut at lines."""
    lines = text.split("\n")
    starts, seen = [], 0
    for i, line in enumerate(lines):
        if seen >= len(starts) * SEED_WINDOW_STEP:
            starts.append(i)
        seen += len(line) + 1
    windows = []
    for start in starts:
        chunk, size, j = [], 0, start
        while j < len(lines) and size < SEED_WINDOW_CHARS:
            chunk.append(lines[j])
            size += len(lines[j]) + 1
            j += 1
        windows.append((start, "\n".join(chunk)))
    return windows


def main_seed_windows(folder: Path = DEFAULT_SEEDS) -> dict:
    """The seed documents read in windows, as excerpts of their later parts come: bare, and under the
    document's own title on a line of its own (a file card shows the file's name above its text)."""
    from audit_rules.classifier import classify

    result = {}
    print(f"seed documents in windows of {SEED_WINDOW_CHARS} characters every {SEED_WINDOW_STEP}: "
          "right bare / right under the title")
    for name, expected in SEED_CLASSES.items():
        text = (folder / name).read_text(encoding="utf-8")
        title = classify(text).title or ""
        windows = seed_windows(text)
        bare = sum(predicted_audit_class(classify(w)) == expected for _, w in windows)
        titled = sum(predicted_audit_class(classify(title + "\n\n" + w)) == expected for _, w in windows)
        result[name] = {"expected": expected, "windows": len(windows), "right_bare": bare, "right_titled": titled}
        print(f"  {name} ({expected}): {len(windows)} windows, {bare} / {titled} right")
    return result


def misclassified(records: list[dict]) -> list[dict]:
    """Documents whose audit class, doc_type or (for mentoring documents) audience is wrong."""
    wrong = []
    for r in records:
        e, g = r["expected"], r["got"]
        fields = ["doc_type"] + (["audience"] if e["about_mentoring"] and e["audience"] in AUDIENCES else [])
        bad = [f for f in fields if e[f] != g[f]]
        if issuer_view(e["issuer"]) != issuer_view(g["issuer"]):
            bad.append("issuer")
        if bad:
            wrong.append({"file": r["file"], "note": r["note"], "fields": bad,
                          "expected": f"{e['doc_type']}/{e['audience']}/{e['issuer']}",
                          "got": f"{g['doc_type']}/{g['audience']}/{g['issuer']}"})
    return wrong


def format_table(name: str, metrics: dict) -> str:
    lines = [f"== {name}  (n={metrics['n']}, accuracy={metrics['accuracy']:.3f}, macro-F1={metrics['macro_f1']:.3f})",
             f"{'class':<22}{'prec':>7}{'rec':>7}{'F1':>7}{'support':>9}{'pred':>6}"]
    for cls, m in metrics["classes"].items():
        lines.append(f"{cls:<22}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['support']:>9}{m['predicted']:>6}")
    top = metrics["confusions"][:5]
    if top:
        lines.append("top confusions: " + "; ".join(f"{e}->{p} x{n}" for e, p, n in top))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory with labels.csv and .txt files")
    parser.add_argument("--show", type=int, default=30, help="how many misclassified files to list (0: none, -1: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--real", nargs="?", type=Path, const=DEFAULT_REAL, default=None,
                        help="score the labelled real excerpts (JSON Lines) instead of the synthetic corpus")
    parser.add_argument("--half", choices=("all",) + HALVES, default="dev",
                        help="whose misclassified excerpts to list with --real (default: dev; keep 'kept' for a final check)")
    parser.add_argument("--rules-only", action="store_true",
                        help="with --real: switch the text model off, to see what the rules alone do")
    parser.add_argument("--text-only", action="store_true",
                        help="with --real: read each excerpt alone, without the address it was found at")
    parser.add_argument("--reshape", action="store_true",
                        help="read each right excerpt (with --real) or corpus document flattened into one line, "
                             "cut by a third, OCR-garbled, wrapped and under a site's chrome")
    parser.add_argument("--seed-windows", action="store_true",
                        help="read the seed documents in windows, bare and under their own title")
    parser.add_argument("--folds", type=int, default=0,
                        help="with --real: score each dev excerpt with a text model trained without its fold of sites")
    args = parser.parse_args(argv)
    if args.seed_windows:
        return main_seed_windows()
    if args.reshape and args.real is None:
        return main_reshape_corpus(args.corpus)
    if args.real is not None:
        if args.rules_only:
            import audit_rules.classifier as classifier

            classifier.default_model = lambda: None
        if args.reshape:
            return main_reshape(args.real, args.half)
        return main_real(args.real, args.show, args.json, args.half, 0 if args.rules_only else args.folds,
                         use_url=not args.text_only)

    labels = load_labels(args.corpus)
    records = run_classifier(args.corpus, labels)
    metrics = evaluate(records)
    wrong = misclassified(records)
    result = {"n_documents": len(records), "metrics": metrics, "misclassified": wrong}
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return result
    print(f"corpus: {args.corpus}  documents: {len(records)}")
    for name, m in metrics.items():
        print()
        print(format_table(name, m))
    print()
    print("macro-F1: " + ", ".join(f"{name}={m['macro_f1']:.3f}" for name, m in metrics.items()))
    shown = wrong if args.show < 0 else wrong[: args.show]
    if shown:
        print()
        print(f"misclassified ({len(wrong)} documents; showing {len(shown)}): file | wrong fields | expected -> got | note")
        for w in shown:
            print(f"  {w['file']} | {','.join(w['fields'])} | {w['expected']} -> {w['got']} | {w['note']}")
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
