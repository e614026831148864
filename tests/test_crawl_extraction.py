"""Extraction while the crawl runs: nothing lost to a killed worker, no document read twice (#22)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from eduaudit import stages
from eduaudit.crawl_extraction import ExtractionDuringCrawl, workers_beside_crawl
from eduaudit.extraction.pool import extract_file
from eduaudit.store import Store, utcnow
from tests.helpers.docmaker import TEACHER_REGULATION, scanned_pdf, text_pdf


def dies_once(path: Path, filename, content_type, settings):
    """Job runner: the worker is killed (SIGKILL) on the first file that has a «.die» marker beside it."""
    marker = Path(f"{path}.die")
    if marker.exists():
        marker.unlink()
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_file(path, filename, content_type, settings)


def _document(store: Store, run_id: int, school_id: str, url: str, data: bytes) -> str:
    sha = store.put_blob(data)
    store.db["documents"].insert({"run_id": run_id, "school_id": school_id, "url": url, "sha256": sha,
                                  "size": len(data), "filename": url.rsplit("/", 1)[-1], "content_type": "",
                                  "fetched_at": utcnow()}, pk=("run_id", "school_id", "url"))
    return sha


def _extracted(store: Store) -> dict[str, str]:
    return {r["sha256"]: r["status"] for r in store.db.query("select sha256, status from extractions")}


def test_documents_are_extracted_during_the_crawl_and_a_killed_worker_loses_nothing(tmp_path):
    store = Store(tmp_path / "eduaudit.db")
    run_id = store.start_run("registry.csv", "digest", 2, "test")
    during = ExtractionDuringCrawl(store, run_id, workers=1, poll_seconds=0.05, runner=dies_once).start()
    # the crawl stores documents while the extraction runs: a municipal template on two schools' sites
    template = text_pdf(TEACHER_REGULATION)
    shared = _document(store, run_id, "s1", "http://one.test/files/polozhenie.pdf", template)
    assert _document(store, run_id, "s2", "http://two.test/docs/polozhenie-o-nastavnichestve.pdf",
                     template) == shared
    # a scan: its worker is killed on the OCR job, as the kernel or a user would kill it
    doomed = _document(store, run_id, "s2", "http://two.test/docs/prikaz-skan.pdf",
                       scanned_pdf([["ПРИКАЗ", "О назначении наставников педагогических работников"]]))
    Path(f"{store.blob_path(doomed)}.die").touch()
    during.crawl_over()
    assert during.join() == 1
    assert during.error is None
    # the shared file was extracted once; the killed worker's file has no row, not a stored failure
    assert _extracted(store) == {shared: "ok"}

    # after the crawl, what the extraction during it could not finish is done
    assert stages.extract(store, run_id, workers=1) == 1
    assert _extracted(store) == {shared: "ok", doomed: "ok"}
    redone = store.db["extractions"].get(doomed)
    assert redone["ocr_used"] == 1 and "наставников" in redone["text"].lower()


def test_a_document_extracted_in_an_earlier_run_is_not_extracted_again(tmp_path):
    store = Store(tmp_path / "eduaudit.db")
    first = store.start_run("registry.csv", "digest", 1, "test")
    regulation = text_pdf(TEACHER_REGULATION)
    sha = _document(store, first, "s1", "http://one.test/files/polozhenie.pdf", regulation)
    assert stages.extract(store, first, workers=1) == 1
    second = store.start_run("registry.csv", "digest", 1, "test")
    during = ExtractionDuringCrawl(store, second, workers=1, poll_seconds=0.05).start()
    assert _document(store, second, "s1", "http://one.test/files/polozhenie.pdf", regulation) == sha
    during.crawl_over()
    assert during.join() == 0
    assert stages.extract(store, second, workers=1) == 0
    assert list(_extracted(store)) == [sha]


def test_beside_a_crowded_crawl_one_worker_reads_and_leaves_the_rest_to_the_wider_pool(tmp_path):
    # every core reads beside a crawl that is not crowded; two crowded processes on two cores leave one
    assert workers_beside_crawl(1, 100, 2) == 2
    assert workers_beside_crawl(2, 340, 2) == 2
    assert workers_beside_crawl(2, 3400, 2) == 1
    assert workers_beside_crawl(4, 9000, 2) == 1
    store = Store(tmp_path / "eduaudit.db")
    run_id = store.start_run("registry.csv", "digest", 1, "test")
    sha = _document(store, run_id, "s1", "http://one.test/files/polozhenie.pdf", text_pdf(TEACHER_REGULATION))
    during = ExtractionDuringCrawl(store, run_id, workers=1, poll_seconds=0.05, stop_with_crawl=True)
    during.crawl_over()  # the crawl ended before the narrow pool took the document
    assert during.start().join() == 0
    assert stages.extract(store, run_id, workers=2) == 1
    assert _extracted(store) == {sha: "ok"}


def waits_for_go(path: Path, filename, content_type, settings):
    """Job runner: marks that it started, then waits for a «go» file beside the blobs."""
    blobs = Path(path).parents[2]
    (blobs / "started").touch()
    while not (blobs / "go").exists():
        time.sleep(0.01)
    return extract_file(path, filename, content_type, settings)


def test_a_narrow_pool_keeps_no_backlog_when_the_crawl_ends(tmp_path):
    store = Store(tmp_path / "eduaudit.db")
    run_id = store.start_run("registry.csv", "digest", 1, "test")
    shas = [_document(store, run_id, "s1", f"http://one.test/files/doc{i}.pdf",
                      text_pdf(TEACHER_REGULATION + [f"Приложение {i}"])) for i in range(30)]
    during = ExtractionDuringCrawl(store, run_id, workers=1, poll_seconds=0.05, stop_with_crawl=True,
                                   runner=waits_for_go).start()
    while not (store.blobs_dir / "started").exists():   # the worker holds its first document
        time.sleep(0.01)
    during.crawl_over()
    (store.blobs_dir / "go").touch()
    # it was handed two documents (two per worker), not all 30: it reads those and stops
    assert during.join() == 2
    assert stages.extract(store, run_id, workers=2) == 28
    assert set(_extracted(store)) == set(shas)
