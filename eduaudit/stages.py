"""The stages of an audit run, in the order data flows through them.

registry → crawl → stored pages and documents → extracted text →
classified documents → findings. Each stage reads what the previous one
stored, so a later stage can be re-run on a past crawl.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from audit_rules import RULESET_VERSION, all_rules
from audit_rules.base import ClassifiedDocument, SchoolEvidence
from audit_rules.batch import classify_all
from crawler.diagnosis import NO_ADDRESS
from eduaudit import crawl_shards
from eduaudit.crawl_process import crawl_here
from eduaudit.municipalities import display_name
from eduaudit.registry import KINDS, School
from eduaudit.store import Store, utcnow

log = logging.getLogger(__name__)

SIGNATURE_SUFFIXES = (".sig", ".p7s", ".sgn")
OCR_MODES = ("focused", "first-pages", "all-pages")

# Pages whose own text may be a document (a regulation pasted as HTML, a road map typed into a page
# of the document sections: crawler.navigation.PAGE_DOCUMENT).
PAGE_DOCUMENT_ROLES = ("mentoring", "mentoring_document", "page_document")


def start_run(store: Store, registry_path: Path, schools: list[School], settings: dict) -> int:
    digest = registry_digest(registry_path)
    with store.db.conn:
        # Runs killed while they were being set up never did any work: drop them.
        abandoned = [r[0] for r in store.db.execute("select id from runs where status = 'starting'")]
        for table, key in (("schools", "run_id"), ("runs", "id")):
            store.db.conn.executemany(f"delete from {table} where {key} = ?", [(r,) for r in abandoned])
    # The run is "starting" until every school is stored: a run killed in between
    # has an incomplete school list, and resuming it would silently drop schools.
    run_id = store.start_run(str(registry_path), digest, len(schools), RULESET_VERSION,
                             json.dumps(settings, ensure_ascii=False), status="starting")
    store.db["schools"].insert_all(
        ({"run_id": run_id, "school_id": s.school_id, "name": s.name, "short_name": s.short_name,
          "municipality": s.municipality, "municipality_key": s.municipality_key, "url": s.url,
          "inn": s.inn, "kind": s.kind, "registry_line": s.line,
          "alternates": json.dumps(list(s.alternates))} for s in schools),
        pk=("run_id", "school_id"),
    )
    store.db["runs"].update(run_id, {"status": "running"})
    return run_id


# -- crawl -------------------------------------------------------------------
def crawl(store: Store, run_id: int, *, only: set[str] | None = None, processes: int | None = None,
          **options) -> None:
    """Crawl every school of the run (or those in ``only``); every school ends with a site row.

    ``processes`` shards the sites over that many processes (``eduaudit.crawl_shards``);
    by default one per core when there are enough sites, else the crawl runs in this process.
    """
    schools = [dict(row) for row in store.db["schools"].rows_where("run_id = ?", [run_id])]
    if only is not None:
        schools = [s for s in schools if s["school_id"] in only]
    _close_sites_without_address(store, run_id, schools)
    schools = [s for s in schools if s["url"]]
    count = crawl_shards.shard_count(len(schools)) if processes is None else max(1, processes)
    shards = crawl_shards.shard_schools(schools, count) if count > 1 else []
    if len(shards) > 1:
        progress = options.pop("progress", False)
        codes = crawl_shards.crawl_in_shards(store.path, run_id, shards, options, progress=progress)
        for number, code in enumerate(codes, start=1):
            if code != 0:
                # its unfinished sites are closed below with an error: reported, not lost
                log.error("crawl shard %d of %d ended with exit code %s", number, len(shards), code)
    else:
        crawl_here(store, run_id, only={s["school_id"] for s in schools}, **options)
    _close_unfinished_sites(store, run_id)


def unfinished_run(store: Store, registry_sha256: str) -> int | None:
    """The latest run of this registry that did not finish (killed, Ctrl-C, power loss)."""
    row = store.db.execute(
        "select id from runs where registry_sha256 = ? and status = 'running' order by id desc limit 1",
        [registry_sha256]).fetchone()
    return row[0] if row else None


def prepare_resume(store: Store, run_id: int) -> set[str]:
    """Forget the partial work on unfinished sites of a run; return their school ids.

    A site counts as finished only when every request of its crawl was
    answered (``sites.completed_at``); anything less is crawled again, so a
    resumed run ends with the same rows as an uninterrupted one.
    """
    unfinished = {r[0] for r in store.db.execute(
        "select s.school_id from schools s left join sites t on t.run_id = s.run_id "
        "and t.school_id = s.school_id where s.run_id = ? and t.completed_at is null", [run_id])}
    with store.db.conn:
        for table in ("sites", "pages", "documents"):
            store.db.conn.executemany(f"delete from {table} where run_id = ? and school_id = ?",
                                      [(run_id, sid) for sid in unfinished])
    return unfinished


def registry_digest(registry_path: Path) -> str:
    return hashlib.sha256(Path(registry_path).read_bytes()).hexdigest()


def _close_sites_without_address(store: Store, run_id: int, schools: list[dict]) -> None:
    """A school the registry gives no address for is kept, with the reason instead of a crawl."""
    now = utcnow()
    store.db["sites"].upsert_all(
        ({"run_id": run_id, "school_id": s["school_id"], "start_url": "", "reachable": 0,
          "error": NO_ADDRESS, "fetched_at": now, "completed_at": now, "pages": 0, "documents": 0, "errors": 0}
         for s in schools if not s["url"]), pk=("run_id", "school_id"))


def _close_unfinished_sites(store: Store, run_id: int) -> None:
    """Every school ends with a site row, even if the crawl never reached it."""
    missing = store.db.execute(
        "select s.school_id, s.url from schools s left join sites t "
        "on t.run_id = s.run_id and t.school_id = s.school_id "
        "where s.run_id = ? and t.school_id is null", [run_id]).fetchall()
    for school_id, url in missing:
        store.db["sites"].upsert({"run_id": run_id, "school_id": school_id, "start_url": url,
                                  "reachable": 0, "error": "сайт не был обработан: обход прерван",
                                  "fetched_at": utcnow()}, pk=("run_id", "school_id"))


# -- extraction --------------------------------------------------------------
def unpack_archives(store: Store, run_id: int) -> int:
    """Make every member of a downloaded ZIP archive a document of its own (``URL#member``).

    The archive row stays (its extraction says it is an archive); members get
    their own blobs and rows, so they are extracted, classified and cited like
    any other file. Limits against zip bombs are those of the extraction settings.
    """
    from eduaudit.extraction import ArchiveRefused, is_document_archive, unpack_archive

    added = 0
    rows = list(store.db.query(
        "select * from documents where run_id = ? and sha256 is not null and instr(url, '#') = 0", [run_id]))
    for row in rows:
        path = store.blob_path(row["sha256"])
        with path.open("rb") as fh:
            if fh.read(2) != b"PK":
                continue
        data = path.read_bytes()
        if not is_document_archive(data):
            continue
        try:
            members = unpack_archive(data)
        except ArchiveRefused as exc:
            store.db["documents"].upsert({**row, "url": row["url"] + "#", "sha256": None, "size": None,
                                          "error": f"архив не распакован: {exc}"}, pk=("run_id", "school_id", "url"))
            continue
        for member in members:
            member_row = {**row, "url": f"{row['url']}#{member.name}", "filename": member.name.rsplit("/", 1)[-1],
                          "content_type": "", "headers": "", "error": member.error or ""}
            if member.data is not None:
                member_row.update(sha256=store.put_blob(member.data), size=len(member.data))
            else:
                member_row.update(sha256=None, size=None)
            store.db["documents"].upsert(member_row, pk=("run_id", "school_id", "url"))
            added += 1
    return added


def extract(store: Store, run_id: int, workers: int | None = None, *, force: bool = False,
            ocr: str = "focused") -> int:
    """Extract text of every new document and mentoring page of the run (cached by SHA-256).

    With force, documents already extracted (in this or an earlier run) are extracted again.
    ``ocr`` is one of OCR_MODES: by default scans are recognised only as far as their verdict
    needs (``audit_rules.reading``); "all-pages" recognises every page and finishes the
    documents left partly unread before.
    """
    from eduaudit.extraction import extract_many
    from eduaudit.extraction.records import extraction_record

    unpack_archives(store, run_id)
    jobs = extraction_jobs(store, run_id, force=force, finish_unread=ocr == "all-pages")
    done = 0
    for sha, result in extract_many(jobs, workers=workers, settings=extraction_settings(ocr)):
        store.db["extractions"].upsert(extraction_record(sha, result, utcnow()), pk="sha256")
        done += 1
    return done


def extraction_jobs(store: Store, run_id: int, *, force: bool = False, finish_unread: bool = False,
                    skip: set[str] | frozenset[str] = frozenset()) -> list[tuple]:
    """The run's documents and document pages still to extract (one job per SHA-256), minus ``skip``.

    With finish_unread, documents whose scans were left partly unread count as still to extract.
    """
    if force:
        cached = ""
    elif finish_unread:
        cached = ("and sha256 not in (select sha256 from extractions "
                  "where coalesce(ocr_pages_unread, '[]') = '[]') ")
    else:
        cached = "and sha256 not in (select sha256 from extractions) "
    rows = store.db.execute(
        "select sha256, min(filename), min(content_type) from documents "
        f"where run_id = ? and sha256 is not null {cached}group by sha256", [run_id]).fetchall()
    placeholders = ",".join("?" for _ in PAGE_DOCUMENT_ROLES)
    rows += store.db.execute(
        f"select sha256, '', min(content_type) from pages where run_id = ? and role in ({placeholders}) "
        f"and sha256 is not null {cached}group by sha256",
        [run_id, *PAGE_DOCUMENT_ROLES]).fetchall()
    # A blob linked both as a document and as a page is extracted once.
    unique = {sha: (name, ctype) for sha, name, ctype in reversed(rows) if sha not in skip}
    return [(sha, store.blob_path(sha), name or None, ctype or None) for sha, (name, ctype) in unique.items()]


def extraction_settings(ocr: str = "focused", **changes):
    """Extraction settings of an OCR mode (one of OCR_MODES), with ``changes`` on top.

    focused: the first pages that need OCR, in reading order, until the verdict is settled;
    first-pages: all of the first pages that need OCR (max_ocr_pages, the default before
    focusing); all-pages: every page, up to max_pages.
    """
    from dataclasses import replace

    from audit_rules.reading import settled
    from eduaudit.extraction import DEFAULT_SETTINGS

    if ocr not in OCR_MODES:
        raise ValueError(f"unknown OCR mode {ocr!r}; one of {', '.join(OCR_MODES)}")
    if ocr == "all-pages":
        changes = {"max_ocr_pages": DEFAULT_SETTINGS.max_pages, **changes}
    elif ocr == "focused":
        changes = {"ocr_enough": settled, **changes}
    return replace(DEFAULT_SETTINGS, **changes)


# -- classification ----------------------------------------------------------
def classify(store: Store, run_id: int, workers: int | None = None) -> int:
    """Classify each distinct document (and mentoring page) of each school."""
    store.db.execute("delete from classifications where run_id = ?", [run_id])
    headings = {(r[0], r[1]): r[2] for r in store.db.execute(
        "select school_id, url, heading from pages where run_id = ?", [run_id]).fetchall()}
    candidates: dict[tuple[str, str], dict] = {}
    for row in store.db.query(
            "select * from documents where run_id = ? and sha256 is not null order by url", [run_id]):
        if row["url"].lower().endswith(SIGNATURE_SUFFIXES):
            continue  # a detached signature is evidence about a document, not a document
        key = (row["school_id"], row["sha256"])
        entry = candidates.setdefault(key, {"source": "file", "url": row["url"], "urls": [],
                                            "link_text": row["anchor_text"] or "",
                                            "filename": row["filename"] or "",
                                            "page_title": headings.get((row["school_id"], row["page_url"]), ""),
                                            "fetched_at": row["fetched_at"]})
        entry["urls"].append(row["url"])
        if not entry["link_text"] and row["anchor_text"]:
            entry["link_text"] = row["anchor_text"]
    placeholders = ",".join("?" for _ in PAGE_DOCUMENT_ROLES)
    for row in store.db.query(
            f"select * from pages where run_id = ? and role in ({placeholders}) order by url",
            [run_id, *PAGE_DOCUMENT_ROLES]):
        key = (row["school_id"], row["sha256"])
        candidates.setdefault(key, {"source": "page", "url": row["url"], "urls": [row["url"]],
                                    "link_text": row["anchor_text"] or "", "filename": "",
                                    "page_title": row["heading"] or "", "fetched_at": row["fetched_at"]})
    texts = {r["sha256"]: r for r in store.db.query("select sha256, status, text from extractions")}
    missing = {"status": "missing", "text": ""}
    # the registry says whose site it is: a page on the school's own site is the school's,
    # however its host is named
    school_sites = {r["school_id"]: r["final_url"] or r["start_url"] for r in store.db.query(
        "select school_id, start_url, final_url from sites where run_id = ?", [run_id])}
    questions = [((texts.get(sha) or missing)["text"] or "", entry["filename"] or None,
                  entry["link_text"] or None, entry["page_title"] or None, entry["url"],
                  school_sites.get(school_id))
                 for (school_id, sha), entry in candidates.items()]
    out = []
    from eduaudit.extraction.pool import default_workers

    results = classify_all(questions, workers or default_workers())
    for ((school_id, sha), entry), result in zip(candidates.items(), results):
        extraction = texts.get(sha) or missing
        out.append({
            "run_id": run_id, "school_id": school_id, "sha256": sha, "source": entry["source"],
            "url": entry["url"], "urls": json.dumps(entry["urls"], ensure_ascii=False),
            "link_text": entry["link_text"], "doc_type": result.doc_type, "audience": result.audience,
            "issuer": result.issuer, "about_mentoring": int(result.about_mentoring),
            "confidence": result.confidence, "title": result.title or "", "date": result.date or "",
            "number": result.number or "", "contains": json.dumps(result.contains, ensure_ascii=False),
            "evidence": json.dumps(result.evidence, ensure_ascii=False),
            "extraction_status": extraction["status"], "fetched_at": entry["fetched_at"],
        })
    store.db["classifications"].insert_all(out, pk=("run_id", "school_id", "sha256"), replace=True)
    return len(out)


# -- findings ----------------------------------------------------------------
def load_evidence(store: Store, run_id: int) -> list[SchoolEvidence]:
    sites = {r["school_id"]: r for r in store.db.query("select * from sites where run_id = ?", [run_id])}
    pages: dict[str, list[dict]] = {}
    for row in store.db.query("select * from pages where run_id = ? order by depth, url", [run_id]):
        pages.setdefault(row["school_id"], []).append(row)
    # select *: databases made before a metadata column was added simply lack it.
    extracted = {r["sha256"]: r for r in store.db.query(
        "select * from extractions where sha256 in "
        "(select sha256 from classifications where run_id = ?)", [run_id])}
    documents: dict[str, list[ClassifiedDocument]] = {}
    for row in store.db.query("select * from classifications where run_id = ? order by url", [run_id]):
        extraction = extracted.get(row["sha256"], {})
        documents.setdefault(row["school_id"], []).append(ClassifiedDocument(
            sha256=row["sha256"], source=row["source"], url=row["url"], urls=json.loads(row["urls"]),
            link_text=row["link_text"] or "", doc_type=row["doc_type"], audience=row["audience"],
            issuer=row["issuer"], about_mentoring=bool(row["about_mentoring"]),
            confidence=row["confidence"] or 0.0, title=row["title"] or "", date=row["date"] or "",
            number=row["number"] or "", contains=json.loads(row["contains"] or "[]"),
            evidence=json.loads(row["evidence"] or "[]"), extraction_status=row["extraction_status"] or "",
            fetched_at=row["fetched_at"] or "",
            academic_year=extraction.get("academic_year") or "",
            ocr_used=bool(extraction.get("ocr_used")),
            extraction_format=extraction.get("format") or "",
            signature=extraction.get("signature") or "",
            signature_evidence=json.loads(extraction.get("signature_evidence") or "[]")))
    _link_detached_signatures(store, run_id, documents)
    run = store.db["runs"].get(run_id) if store.db["runs"].count_where("id = ?", [run_id]) else {}
    read_text = _text_reader(store)
    return [SchoolEvidence(school=school, site=sites.get(school["school_id"]),
                           pages=pages.get(school["school_id"], []),
                           documents=documents.get(school["school_id"], []), read_blob=store.read_blob,
                           read_text=read_text, run_started_at=run.get("started_at") or "")
            for school in store.db.query("select * from schools where run_id = ? order by school_id", [run_id])]


def _text_reader(store: Store):
    """Extracted text by SHA-256, read when a rule asks (most rules never need the text)."""
    cache: dict[str, str] = {}

    def read_text(sha256: str) -> str:
        if sha256 not in cache:
            row = store.db.execute("select text from extractions where sha256 = ?", [sha256]).fetchone()
            cache[sha256] = (row[0] or "") if row else ""
        return cache[sha256]

    return read_text


def _link_detached_signatures(store: Store, run_id: int, documents: dict[str, list[ClassifiedDocument]]) -> None:
    """A document with a detached signature beside it («Положение.pdf.sig») counts as signed.

    The link lives here, per school and run, not in ``extractions``: that table is
    keyed by content and shared by every school that published the same bytes.
    """
    from pathlib import PurePosixPath
    from urllib.parse import unquote, urlsplit

    from eduaudit.extraction import is_detached_signature, signed_document_name

    def name(url: str) -> str:
        return PurePosixPath(unquote(urlsplit(url).path)).name

    signatures: dict[str, list[tuple[str, str]]] = {}
    for row in store.db.query(
            "select school_id, url, filename, sha256 from documents where run_id = ? and sha256 is not null "
            "and (lower(url) like '%.sig' or lower(url) like '%.p7s' or lower(url) like '%.sgn')", [run_id]):
        # the same suffixes as SIGNATURE_SUFFIXES
        sig_name = row["filename"] or name(row["url"])
        if is_detached_signature(sig_name, store.read_blob(row["sha256"])):
            signatures.setdefault(row["school_id"], []).append((row["url"], sig_name))
    for school_id, sigs in signatures.items():
        for doc in documents.get(school_id, []):
            if doc.signature or doc.source != "file":
                continue
            doc_name = name(doc.url)
            for sig_url, sig_name in sigs:
                signed = signed_document_name(sig_name)
                if signed == doc_name or (signed is None and PurePosixPath(sig_name).stem == PurePosixPath(doc_name).stem):
                    doc.signature = "detached"
                    doc.signature_evidence = [f"открепленная подпись: {sig_url}"]
                    break


def finding_row(run_id: int, evidence: SchoolEvidence, finding) -> dict:
    return {"run_id": run_id, "school_id": evidence.school["school_id"],
            "municipality": display_name(evidence.school["municipality_key"]), "rule_id": finding.rule_id,
            "status": finding.status, "computed_status": finding.status, "evidence_url": finding.evidence_url,
            "evidence_text": finding.evidence_text[:1000], "fetched_at": finding.fetched_at,
            "detail": finding.detail, "ruleset_version": RULESET_VERSION}


def evaluate_safely(rule, evidence: SchoolEvidence):
    """A rule that breaks on one school's evidence gives that school an explicit error, not a lost verdict."""
    from audit_rules.base import ERROR, Finding

    try:
        return rule.evaluate(evidence)
    except Exception as exc:  # noqa: BLE001 - any bug in a rule must not drop the other verdicts
        log.exception("rule %s failed on school %s", rule.id, evidence.school.get("school_id"))
        return Finding(rule.id, ERROR, evidence_text=f"{type(exc).__name__}: {exc}"[:300],
                       detail="Не удалось проверить: внутренняя ошибка правила; сообщите разработчикам.")


def judge(store: Store, run_id: int) -> int:
    """Apply the rule pack of each row's kind (school or municipal authority) and store the findings.

    Experts' overrides are applied while the evidence they were made on is unchanged.
    Consistency and formalism signals are computed from the same evidence and stored beside.
    """
    from eduaudit.overrides import apply_overrides

    packs: dict[str, list] = {}
    store.db.execute("delete from findings where run_id = ?", [run_id])
    rows = []
    evidences = load_evidence(store, run_id)
    for evidence in evidences:
        kind = evidence.kind if evidence.kind in KINDS else "school"
        for rule in packs.setdefault(kind, all_rules(kind)):
            rows.append(finding_row(run_id, evidence, evaluate_safely(rule, evidence)))
    apply_overrides(store, run_id, rows)
    store.db["findings"].insert_all(rows, pk=("run_id", "school_id", "rule_id"), replace=True)
    store_signals(store, run_id, evidences)
    return len(rows)


def store_signals(store: Store, run_id: int, evidences: list[SchoolEvidence]) -> int:
    """Compute the run's signals; a failure there is logged and never costs the verdicts."""
    from audit_rules.signals import compute_signals

    store.db.execute("delete from signals where run_id = ?", [run_id])
    try:
        signals = compute_signals(evidences)
    except Exception:  # noqa: BLE001 - signals are advice; the findings are already stored
        log.exception("signals of run %s could not be computed", run_id)
        return 0
    municipality = {e.school["school_id"]: display_name(e.school["municipality_key"]) for e in evidences}
    store.db["signals"].insert_all(
        ({"run_id": run_id, "school_id": s.school_id, "municipality": municipality.get(s.school_id, ""),
          "signal_id": s.signal_id, "key": s.key, "title": s.title, "detail": s.detail,
          "evidence_url": s.evidence_url, "evidence_text": s.evidence_text[:1000], "fetched_at": s.fetched_at,
          "related": json.dumps(s.related, ensure_ascii=False), "ruleset_version": RULESET_VERSION}
         for s in signals), pk=("run_id", "school_id", "signal_id", "key"), replace=True)
    return len(signals)
