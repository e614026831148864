"""Many documents classified at once, shared between processes.

Kept apart from ``eduaudit.stages`` so that a worker process imports the classifier alone,
not the crawler.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from audit_rules.classifier import Classification, classify

# (text, file name, link text, page title, URL, the school's own site): what the classifier
# weighs of one document.
Question = tuple[str, "str | None", "str | None", "str | None", "str | None", "str | None"]


# Below this many documents a second process costs more to start than it saves.
PARALLEL_CLASSIFICATION_FROM = 400


def classify_all(questions: list[Question], workers: int) -> list[Classification]:
    """Classifications of (text, filename, link text, page title, URL, school site), in order, in up to ``workers``
    processes.

    The audit runs after extraction with every core free, and classification is its
    largest part (about 5 ms a document), so a region's documents are shared between
    processes; each result depends on its own question only, so the order of work does not
    matter.
    """
    size = min(workers, max(1, len(questions) // (PARALLEL_CLASSIFICATION_FROM // 2)))
    if size < 2:
        return [_classify_question(q) for q in questions]
    # spawn, not fork: the audit may run in a process that has threads (a crawl's reactor).
    with ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(_classify_question, questions, chunksize=32))


def _classify_question(question: Question) -> Classification:
    text, filename, link_text, page_title, url, school_site = question
    return classify(text, filename=filename, link_text=link_text, page_title=page_title, url=url,
                    school_site=school_site)
