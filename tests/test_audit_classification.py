"""The audit's classification stage: a region's documents shared between processes."""

from __future__ import annotations

from pathlib import Path

from audit_rules.classifier import classify
from audit_rules.batch import PARALLEL_CLASSIFICATION_FROM, classify_all

CORPUS = Path(__file__).parent / "corpus"


def corpus_questions() -> list[tuple[str, str | None, str | None, str | None, str | None, str | None]]:
    texts = sorted(CORPUS.glob("*.txt"))
    questions = []
    # Enough questions for two processes; each carries one of a link text, a file name, a page
    # title, an address and the school's own site, which the classifier weighs, so those must
    # reach the worker too.
    while len(questions) < PARALLEL_CLASSIFICATION_FROM:
        for k, path in enumerate(texts):
            context = [None, None, None, None, None]
            context[k % 5] = {0: path.name, 1: "Положение о наставничестве", 2: "Документы",
                              3: "https://imc-town.test/news/1", 4: "https://sh2-town.test/"}[k % 5]
            questions.append((path.read_text(encoding="utf-8"), *context))
    return questions


def test_two_processes_give_each_document_its_own_classification_in_order():
    questions = corpus_questions()
    in_process = [classify(text, filename=filename, link_text=link, page_title=title, url=url, school_site=site)
                  for text, filename, link, title, url, site in questions]
    assert classify_all(questions, workers=2) == in_process
    # and the answers differ between documents, so a shifted order could not pass
    assert len({(c.doc_type, c.title) for c in in_process}) > 20
