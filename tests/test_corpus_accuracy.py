"""The labelled evaluation corpus is well-formed, and the accuracy script computes correct metrics.

No F1 threshold is asserted on the real classifier: it is being improved separately. The metric code is
checked on a hand-built confusion whose precision/recall/F1 are worked out below.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers.scriptkit import load_script

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SCRIPT = ROOT / "scripts" / "classifier_accuracy.py"


acc = load_script("classifier_accuracy")


@pytest.fixture(scope="module")
def labels():
    with open(CORPUS / "labels.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == acc.LABEL_COLUMNS
        return list(reader)


# ---------------------------------------------------------------------------------------------
# corpus shape


def test_every_file_labelled_once_and_every_label_has_a_file(labels):
    names = [row["file"] for row in labels]
    assert len(names) == len(set(names)), "duplicate rows in labels.csv"
    on_disk = {p.name for p in CORPUS.glob("*.txt")}
    assert set(names) == on_disk
    assert len(names) >= 220


def test_label_values_are_valid(labels):
    for row in labels:
        assert row["doc_type"] in acc.DOC_TYPES, row
        assert row["audience"] in acc.AUDIENCES + ("unknown",), row
        assert row["issuer"] in acc.ISSUERS, row
        assert row["about_mentoring"] in ("true", "false"), row
        # documents that are not about mentoring have no mentoring audience and are of type "other"
        if row["about_mentoring"] == "false":
            assert row["audience"] == "unknown" and row["doc_type"] == "other", row
        elif row["doc_type"] != "other":
            assert row["audience"] != "unknown", row


def test_documents_are_utf8_text_of_varied_length(labels):
    sizes = []
    for row in labels:
        text = (CORPUS / row["file"]).read_text(encoding="utf-8")
        assert text.strip(), row["file"]
        sizes.append(len(text))
    assert min(sizes) < 400 and max(sizes) > 8000
    assert sum(1 for s in sizes if s > 5000) >= 20


def test_every_class_has_enough_examples(labels):
    doc_types = Counter(row["doc_type"] for row in labels)
    for cls in acc.DOC_TYPES:
        assert doc_types[cls] >= 15, (cls, doc_types)
    audiences = Counter(row["audience"] for row in labels if row["about_mentoring"] == "true")
    assert audiences["teachers"] >= 15 and audiences["students"] >= 15 and audiences["both"] >= 8, audiences
    issuers = Counter(row["issuer"] for row in labels)
    assert issuers["municipal"] >= 8 and issuers["regional"] >= 5 and issuers["federal"] >= 5, issuers
    audit = Counter(acc.audit_class(row["doc_type"], row["audience"], row["issuer"]) for row in labels)
    for cls in acc.AUDIT_CLASSES:
        assert audit[cls] >= 15, (cls, audit)
    notes = " ".join(row["note"] for row in labels)
    assert notes.count("ocr-noise") >= 15
    assert notes.count("contains=regulation") >= 3
    assert notes.count("excerpt") >= 5


def test_ocr_variants_really_contain_latin_lookalikes(labels):
    noisy = [row["file"] for row in labels if row["note"].startswith("ocr-noise")]
    mixed_words = 0
    for name in noisy:
        text = (CORPUS / name).read_text(encoding="utf-8")
        mixed_words += sum(1 for w in text.split()
                           if any("а" <= c.lower() <= "я" for c in w) and any("a" <= c.lower() <= "z" for c in w))
    assert mixed_words >= 10 * len(noisy)


# ---------------------------------------------------------------------------------------------
# metric code on a hand-built confusion


def test_per_class_metrics_on_known_confusion():
    # expected a: 3 docs, predicted a,a,b ; expected b: 2 docs, predicted b,"unknown" ; expected c: 1 doc predicted a
    pairs = [("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"), ("b", "unknown"), ("c", "a")]
    m = acc.per_class_metrics(pairs, ("a", "b", "c"))
    a, b, c = (m["classes"][k] for k in "abc")
    # a: tp=2, fp=1 (the c doc), fn=1 -> P=2/3, R=2/3
    assert a["precision"] == pytest.approx(2 / 3) and a["recall"] == pytest.approx(2 / 3)
    assert a["f1"] == pytest.approx(2 / 3)
    # b: tp=1, fp=1 (the a doc), fn=1 ("unknown" prediction) -> P=1/2, R=1/2
    assert b["precision"] == pytest.approx(0.5) and b["recall"] == pytest.approx(0.5) and b["f1"] == pytest.approx(0.5)
    assert (b["support"], b["predicted"]) == (2, 2)
    # c: never predicted -> zeros
    assert (c["precision"], c["recall"], c["f1"], c["support"]) == (0.0, 0.0, 0.0, 1)
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.5 + 0.0) / 3)
    assert m["accuracy"] == pytest.approx(3 / 6)
    assert acc.confusions(pairs)[0][2] == 1 and len(acc.confusions(pairs)) == 3


def test_absent_classes_do_not_drag_macro_average():
    m = acc.per_class_metrics([("x", "x"), ("y", "y")], ("x", "y", "z"))
    assert m["macro_f1"] == 1.0 and m["classes"]["z"]["support"] == 0


def test_audit_class_mapping():
    assert acc.audit_class("regulation", "teachers", "school") == "staff_regulation"
    assert acc.audit_class("regulation", "both", "school") == "staff_regulation"
    assert acc.audit_class("regulation", "students", "school") == "students_regulation"
    assert acc.audit_class("program", "teachers", "school") == "programme"
    assert acc.audit_class("program", "students", "school") == "programme"
    assert acc.audit_class("program", "teachers", "school", about_mentoring=False) == "other"
    assert acc.audit_class("order", "teachers", "municipal", about_mentoring=False) == "other"
    assert acc.audit_class("roadmap", "students", "school") == "roadmap"
    assert acc.audit_class("order", "teachers", "unknown") == "order"
    assert acc.audit_class("regulation", "teachers", "municipal") == "external"
    assert acc.audit_class("order", "teachers", "regional") == "external"
    # the codebook's external is a municipality's or a region's; federal acts are what schools cite
    assert acc.audit_class("order", "teachers", "federal") == "other"
    assert acc.audit_class("other", "unknown", "school") == "other"
    assert acc.issuer_view("unknown") == "school" and acc.issuer_view("federal") == "external"


def test_evaluate_views_from_records():
    def rec(exp, got):
        keys = ("doc_type", "audience", "issuer", "about_mentoring")
        return {"file": "f", "note": "", "expected": dict(zip(keys, exp)), "got": dict(zip(keys, got))}

    records = [
        rec(("regulation", "teachers", "school", True), ("regulation", "teachers", "school", True)),
        rec(("regulation", "students", "school", True), ("regulation", "both", "school", True)),
        rec(("roadmap", "teachers", "municipal", True), ("roadmap", "teachers", "unknown", True)),
        rec(("other", "unknown", "school", False), ("other", "unknown", "school", False)),
    ]
    m = acc.evaluate(records)
    assert m["doc_type"]["accuracy"] == 1.0
    assert m["audience"]["n"] == 3  # the non-mentoring document is left out
    assert m["audience"]["classes"]["students"]["recall"] == 0.0
    assert m["issuer_external"]["classes"]["external"]["recall"] == 0.0
    assert m["audit_class"]["confusions"][0][:2] in {("students_regulation", "staff_regulation"), ("external", "roadmap")}
    wrong = acc.misclassified(records)
    assert {w["expected"] for w in wrong} == {"regulation/students/school", "roadmap/teachers/municipal"}


# ---------------------------------------------------------------------------------------------
# end to end


def _write_tiny_corpus(tmp_path: Path) -> Path:
    docs = {
        "a.txt": ("Положение о системе наставничества педагогических работников. Наставник – педагогический работник, "
                  "назначаемый ответственным за профессиональную адаптацию молодого специалиста.",
                  "regulation", "teachers", "school", "true"),
        "b.txt": ("Устав муниципального бюджетного общеобразовательного учреждения. Общие положения.",
                  "other", "unknown", "school", "false"),
        "c.txt": ("ПРИКАЗ № 12 от 01.09.2023. О закреплении наставнических пар. ПРИКАЗЫВАЮ: закрепить наставников "
                  "за молодыми специалистами.", "order", "teachers", "school", "true"),
    }
    for name, (text, *_rest) in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with open(tmp_path / "labels.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(acc.LABEL_COLUMNS)
        for name, (_text, dt, aud, iss, about) in docs.items():
            w.writerow([name, dt, aud, iss, about, ""])
    return tmp_path


def _run(*args):
    proc = subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_script_runs_on_tiny_corpus_and_reports_json(tmp_path):
    corpus = _write_tiny_corpus(tmp_path)
    result = json.loads(_run("--corpus", str(corpus), "--json"))
    assert result["n_documents"] == 3
    for view in ("doc_type", "audience", "issuer_external", "audit_class", "about_mentoring"):
        m = result["metrics"][view]
        assert 0.0 <= m["macro_f1"] <= 1.0 and set(m) >= {"classes", "macro_f1", "accuracy", "n", "confusions"}
    assert result["metrics"]["audience"]["n"] == 2


def test_script_runs_on_full_corpus_with_tables():
    out = _run("--show", "5")
    assert "macro-F1: doc_type=" in out and "== audit_class" in out
    assert "staff_regulation" in out and "external" in out


def test_main_returns_metrics_dict(capsys):
    result = acc.main(["--show", "0"])
    capsys.readouterr()
    assert result["n_documents"] >= 220
    assert set(result["metrics"]) == {"doc_type", "audience", "issuer_external", "audit_class", "about_mentoring"}
