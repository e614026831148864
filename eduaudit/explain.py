"""Why a school got its verdicts: each finding with its evidence, the documents and the pages.

This is what a coordinator reads when a school disputes a verdict, so the plain-text
form is Russian; ``--format json`` gives the same content to other tools.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from audit_rules import all_rules
from audit_rules.base import ISSUER_RU, STATUS_RU
from eduaudit.cli_common import open_store, resolve_run
from eduaudit.reports.russian import confidence_words
from eduaudit.store import Store

DOC_TYPE_RU = {"regulation": "положение", "roadmap": "дорожная карта (план мероприятий)", "order": "приказ",
               "program": "программа наставничества", "other": "другой документ"}
AUDIENCE_RU = {"teachers": "педагогические работники", "students": "обучающиеся",
               "both": "педагоги и обучающиеся", "unknown": "не определено"}
ROLE_RU = {"home": "главная страница", "sveden": "«Сведения об образовательной организации»",
           "documents": "подраздел «Документы»", "mentoring": "страница «Наставничество»",
           "local_acts": "локальные акты", "hub": "раздел со ссылками", "document_list": "список документов",
           "mentoring_document": "страница-документ о наставничестве",
           "page_document": "документ, размещённый текстом страницы"}
SIGNATURE_RU = {"pdf-signature": "электронная подпись в PDF", "detached": "файл открепленной подписи",
                "stamp": "отметка об электронной подписи"}


class NotFound(LookupError):
    pass


def explain(store: Store, run_id: int, school_id: str) -> dict:
    """Everything stored about one school in one run that a verdict rests on."""
    school = next(store.db.query("select * from schools where run_id = ? and school_id = ?",
                                 [run_id, school_id]), None)
    if school is None:
        raise NotFound(f"школа {school_id} не найдена в запуске {run_id}")
    run = next(store.db.query("select * from runs where id = ?", [run_id]), {})
    site = next(store.db.query("select * from sites where run_id = ? and school_id = ?",
                               [run_id, school_id]), None)
    rows = list(store.db.query("select * from classifications where run_id = ? and school_id = ? "
                               "order by about_mentoring desc, url", [run_id, school_id]))
    # select *: a database made before a metadata column existed simply lacks it.
    extracted = {r["sha256"]: r for r in store.db.query(
        f"select * from extractions where sha256 in ({','.join('?' for _ in rows)})", [r["sha256"] for r in rows])}
    documents = [_document(row, extracted.get(row["sha256"], {})) for row in rows]
    pages = [{"url": p["url"], "role": p["role"] or "", "role_ru": ROLE_RU.get(p["role"] or "", "прочая страница"),
              "depth": p["depth"], "http_status": p["http_status"], "title": p["title"] or "",
              "heading": p["heading"] or "", "referer": p["referer"] or "", "fetched_at": p["fetched_at"] or "",
              "sha256": p["sha256"] or ""}
             for p in store.db.query("select * from pages where run_id = ? and school_id = ? order by depth, url",
                                     [run_id, school_id])]
    overrides = {r["rule_id"]: r for r in store.db.query(
        "select * from overrides where school_id = ? order by id", [school_id])}
    rank = {rule.id: i for i, rule in enumerate(all_rules())}
    titles = {rule.id: rule.title for rule in all_rules()}
    what_to_do = {rule.id: rule.what_to_do for rule in all_rules()}
    findings = sorted(store.db.query("select * from findings where run_id = ? and school_id = ?",
                                     [run_id, school_id]),
                      key=lambda f: (rank.get(f["rule_id"], len(rank)), f["rule_id"]))
    verdicts = []
    for f in findings:
        url = f["evidence_url"] or ""
        override = overrides.get(f["rule_id"])
        verdicts.append({
            "rule_id": f["rule_id"], "title": titles.get(f["rule_id"], f["rule_id"]),
            "status": f["status"], "status_ru": STATUS_RU.get(f["status"], f["status"]),
            "computed_status": f.get("computed_status") or f["status"],
            "overridden": bool(f.get("overridden")), "override_stale": bool(f.get("override_stale")),
            "detail": f["detail"] or "", "evidence_url": url, "evidence_text": f["evidence_text"] or "",
            "fetched_at": f["fetched_at"] or "", "ruleset_version": f["ruleset_version"] or "",
            "what_to_do": what_to_do.get(f["rule_id"], "") if f["status"] in ("fail", "warn") else "",
            "documents": [d["sha256"] for d in documents if url and (url == d["url"] or url in d["urls"])],
            "override": ({k: override[k] for k in ("status", "reason", "by", "created_at", "run_id",
                                                    "original_status", "evidence_url")}
                         if override and (f.get("overridden") or f.get("override_stale")) else None),
        })
    signals = []
    if store.db["signals"].exists():
        signals = [{"signal_id": g["signal_id"], "title": g["title"], "detail": g["detail"],
                    "evidence_url": g["evidence_url"] or "", "evidence_text": g["evidence_text"] or "",
                    "fetched_at": g["fetched_at"] or "", "related": json.loads(g["related"] or "[]")}
                   for g in store.db.query("select * from signals where run_id = ? and school_id = ? "
                                           "order by signal_id, key", [run_id, school_id])]
    return {
        "school": {k: school[k] for k in ("school_id", "name", "municipality", "url", "kind")},
        "run": {"id": run_id, "started_at": run.get("started_at", ""), "status": run.get("status", ""),
                "ruleset_version": run.get("ruleset_version", "")},
        "site": ({k: site.get(k) for k in ("start_url", "final_url", "reachable", "http_status", "error",
                                            "platform", "fetched_at", "pages", "documents")}
                 if site else None),
        "verdicts": verdicts, "documents": documents, "pages": pages, "signals": signals,
    }


def _document(row: dict, extraction: dict) -> dict:
    return {
        "sha256": row["sha256"], "source": row["source"], "url": row["url"],
        "urls": json.loads(row["urls"] or "[]"), "link_text": row["link_text"] or "",
        "doc_type": row["doc_type"], "doc_type_ru": DOC_TYPE_RU.get(row["doc_type"], row["doc_type"]),
        "audience": row["audience"], "audience_ru": AUDIENCE_RU.get(row["audience"], row["audience"]),
        "issuer": row["issuer"], "issuer_ru": ISSUER_RU.get(row["issuer"], row["issuer"]),
        "about_mentoring": bool(row["about_mentoring"]), "confidence": row["confidence"] or 0.0,
        "title": row["title"] or "", "date": row["date"] or "", "number": row["number"] or "",
        "contains": json.loads(row["contains"] or "[]"), "evidence": json.loads(row["evidence"] or "[]"),
        "extraction_status": row["extraction_status"] or "", "fetched_at": row["fetched_at"] or "",
        "academic_year": extraction.get("academic_year") or "", "ocr_used": bool(extraction.get("ocr_used")),
        "format": extraction.get("format") or "", "signature": extraction.get("signature") or "",
        "signature_evidence": json.loads(extraction.get("signature_evidence") or "[]"),
        "ocr_pages_unread": json.loads(extraction.get("ocr_pages_unread") or "[]"),
    }


def _pages(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _describe(doc: dict) -> str:
    parts = [doc["doc_type_ru"], f"для кого: {doc['audience_ru']}", f"уровень: {doc['issuer_ru']}",
             confidence_words(doc['confidence'])]
    if not doc["about_mentoring"]:
        parts.append("не о наставничестве")
    return "; ".join(parts)


def render_text(report: dict) -> str:
    school, run, site = report["school"], report["run"], report["site"]
    docs = {d["sha256"]: d for d in report["documents"]}
    out = [f"{school['name']} ({school['school_id']})",
           f"Муниципалитет: {school['municipality']}; сайт по реестру: {school['url']}",
           f"Запуск {run['id']} от {run['started_at']}, версия правил {run['ruleset_version']}"]
    if site:
        state = "доступен" if site["reachable"] else f"недоступен: {site['error'] or 'нет ответа'}"
        out.append(f"Сайт {state}; открыт адрес {site['final_url'] or site['start_url']} "
                   f"(HTTP {site['http_status']}), загружен {site['fetched_at']}")
    else:
        out.append("Сайт не обходился в этом запуске.")
    out += ["", "ВЕРДИКТЫ"]
    for v in report["verdicts"]:
        out.append(f"* {v['title']} [{v['rule_id']}]: {v['status_ru'].upper()}")
        if v["overridden"]:
            out.append(f"    решение эксперта; автоматическая проверка: {STATUS_RU.get(v['computed_status'])}")
        if v["override_stale"]:
            out.append("    решение эксперта требует пересмотра: доказательства изменились")
        out.append(f"    {v['detail']}")
        out.append(f"    доказательство: {v['evidence_url'] or '—'}")
        if v["evidence_text"]:
            out.append(f"    текст: {v['evidence_text']}")
        if v["fetched_at"]:
            out.append(f"    загружено: {v['fetched_at']}")
        for sha in v["documents"]:
            doc = docs[sha]
            out.append(f"    классификация: {_describe(doc)}")
            if doc["evidence"]:
                out.append("    почему: " + "; ".join(f"«{e}»" for e in doc["evidence"]))
        if v["what_to_do"]:
            out.append(f"    что сделать: {v['what_to_do']}")
    if report.get("signals"):
        out += ["", "СИГНАЛЫ (для проверки специалистом; на вердикты не влияют)"]
        for g in report["signals"]:
            out.append(f"* {g['title']} [{g['signal_id']}]")
            out.append(f"    {g['detail']}")
            out.append(f"    доказательство: {g['evidence_url'] or '—'}")
            if g["evidence_text"]:
                out.append(f"    текст: {g['evidence_text']}")
            for r in g["related"]:
                if "url" in r:
                    out.append(f"    также: {r.get('school_id', '')} — {r.get('title', '')} {r['url']}")
    out += ["", f"ДОКУМЕНТЫ ({len(report['documents'])})"]
    for doc in report["documents"]:
        out.append(f"* {doc['title'] or doc['link_text'] or doc['url']}")
        out.append(f"    {doc['url']}" + (" (страница сайта)" if doc["source"] == "page" else ""))
        out.append(f"    {_describe(doc)}")
        meta = []
        if doc["date"]:
            meta.append(f"дата {doc['date']}")
        if doc["number"]:
            meta.append(f"№ {doc['number']}")
        if doc["academic_year"]:
            meta.append(f"учебный год {doc['academic_year']}")
        if doc["contains"]:
            meta.append("содержит: " + ", ".join(DOC_TYPE_RU.get(c, c) for c in doc["contains"]))
        meta.append(f"текст: {doc['extraction_status'] or 'не извлечён'}"
                    + (", распознан с изображения (OCR)" if doc["ocr_used"] else "")
                    + (f", не распознаны полностью страницы {_pages(doc['ocr_pages_unread'])} "
                       "(вид документа ясен по прочитанному; все страницы: eduaudit extract --full)"
                       if doc["ocr_pages_unread"] else ""))
        meta.append("подпись: " + (SIGNATURE_RU.get(doc["signature"], doc["signature"]) if doc["signature"]
                                   else "нет признаков"))
        out.append("    " + "; ".join(meta))
        if doc["evidence"]:
            out.append("    почему: " + "; ".join(f"«{e}»" for e in doc["evidence"]))
        out.append(f"    загружено: {doc['fetched_at']}")
    out += ["", f"ПРОСМОТРЕННЫЕ СТРАНИЦЫ ({len(report['pages'])})"]
    for page in report["pages"]:
        name = page["heading"] or page["title"]
        out.append(f"* [{page['role_ru']}] {page['url']} (глубина {page['depth']}, HTTP {page['http_status']})"
                   + (f" — {name}" if name else ""))
    return "\n".join(out) + "\n"


@click.command("explain")
@click.argument("school_id")
@click.option("--run", "run", type=int, help="Номер запуска (по умолчанию последний).")
@click.option("--db", type=click.Path(path_type=Path), help="Файл базы SQLite (по умолчанию OUT/eduaudit.db).")
@click.option("--out", default=Path("results"), type=click.Path(path_type=Path), show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain_command(school_id, run, db, out, fmt):
    """Объяснить вердикты школы: доказательства, классификация документов, просмотренные страницы."""
    store = open_store(db, out)
    run_id = resolve_run(store, run)
    try:
        report = explain(store, run_id, school_id)
    except NotFound as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(report), nl=False)


if __name__ == "__main__":
    explain_command()
