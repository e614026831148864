"""Generate the demo region: every school's site on disk, the manifest and the ground truth.

    python -m demo_region.generate OUT_DIR [--seed N] [--schools N]

Sites are built in a process pool (one task per school); every Word 97 (.doc)
file of the region is converted by a single LibreOffice call running in a
thread meanwhile, because starting soffice costs seconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from .authorities import authority_ground_truth, build_authorities, build_authority_site, manifest_entry, plan_authority
from .platforms import THEMES, Site
from .platforms.base import CONTENT_TYPES, DocLink, Page, esc
from .platforms.content import build_skeleton, documents_key
from .scenarios import RULE_IDS, DocPlan, SchoolPlan, ground_truth, municipal_file_host, plan_region
from .schools import School, build_schools, municipality_by_key, translit
from .sitemaps import add_sitemap

GENERATOR_VERSION = "7"
MARKER = "complete.json"
DOC_BATCH = 200

_EXT = {"pdf": "pdf", "scan_pdf": "pdf", "docx": "docx", "doc": "doc", "rtf": "rtf", "odt": "odt", "html": "html"}
_ITEMPROP = {"charter": "ustavDocLink", "students_rules": "localActStud", "labour_rules": "localActOrder",
             "collective_agreement": "localActCollec", "self_evaluation_report": "reportEduDocLink",
             "admission_rules": "priemDocLink"}
_ROBOTS = (
    "User-agent: *\nAllow: /\n",
    "User-agent: *\nDisallow: /search/\nDisallow: /bitrix/\nDisallow: /admin/\n",
    "User-agent: Yandex\nDisallow: /search/\n\nUser-agent: *\nDisallow: /search/\nDisallow: /cgi-bin/\n"
    "Crawl-delay: 1\n",
    "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n",
    "User-agent: *\nDisallow: /panel/\nDisallow: /index/8\nDisallow: /abnl/\nDisallow: /search/\n",
    None,  # no robots.txt at all
)


# --- documents ------------------------------------------------------------------------------

def school_info(school: School):
    from .documents import SchoolInfo

    return SchoolInfo(full_name=school.name, short_name=school.short_name,
                      municipality=municipality_by_key(school.municipality).display(),
                      locality=school.locality, director=school.director, authority=school.authority)


def document_spec(seed: int, school: School, doc: DocPlan):
    """The text of one planned document; the same in any process for the same seed."""
    from .documents import make_document

    rng = random.Random(f"{seed}:doc:{school.school_id}:{doc.doc_id}")
    return make_document(doc.kind, school_info(school), rng, year=doc.year,
                         with_regulation_annex=doc.with_regulation_annex,
                         blank_school_name=doc.blank_school_name)


def _render(seed: int, key: str, spec, fmt: str) -> bytes:
    from .formats import render

    return render(spec, fmt, random.Random(f"{seed}:render:{key}"))


def _pasted_html(seed: int, key: str, spec) -> str:
    """The document as pasted into a CMS page: its fragment, or the body of its HTML rendering."""
    from . import formats

    if hasattr(formats, "html_fragment"):
        return formats.html_fragment(spec)
    text = _render(seed, key, spec, "html").decode("utf-8", errors="replace")
    m = re.search(r"<body[^>]*>(.*)</body>", text, re.S | re.I)
    return m.group(1) if m else text


# --- one school's site ----------------------------------------------------------------------

def _place_key(site: Site, place: str) -> str:
    if place in site.pages:
        return place
    return documents_key(site)


def build_site(task: tuple) -> dict:
    """Build and write one host's site; returns the placements and the .doc files still to write."""
    seed, plan, sites_dir, remote = task
    plan: SchoolPlan
    school = plan.school
    rng = random.Random(f"{seed}:site:{school.school_id}")
    theme = THEMES[plan.platform](random.Random(f"{seed}:theme:{school.school_id}"), layout=plan.layout)
    site = Site(plan.content_host, school, rng, theme)
    build_skeleton(site, plan)
    placements, pending = [], {}
    for doc in plan.documents:
        spec = document_spec(seed, school, doc)
        key = _place_key(site, doc.place)
        page = site.pages[key]
        ext = _EXT[doc.fmt]
        size = None
        host = site.host
        if doc.on_municipal_server:
            href, host = remote[doc.doc_id]
            url = href.split("{{PORT}}", 1)[1]
        elif doc.fmt == "html":
            sub = site.add_page(f"doc:{doc.doc_id}", spec.title, key, slug=_slug(spec.title), in_menu=False)
            sub.blocks.append(_pasted_html(seed, f"{school.school_id}:{doc.doc_id}", spec))
            href = url = sub.path
        elif doc.fmt == "doc":
            href = url = site.upload(spec.title, ext, None, section=key)
            pending[doc.doc_id] = site.routes[url]["file"]
        else:
            body = _render(seed, f"{school.school_id}:{doc.doc_id}", spec, doc.fmt)
            href = url = site.upload(spec.title, ext, body, section=key)
            size = len(body)
            if url.startswith("/file/download?id="):
                _add_card(site, url, spec)
        itemprop = _ITEMPROP.get(doc.kind) if key == "sveden:document" and (
            plan.platform in ("schoolru", "gosweb") or rng.random() < 0.5) else None
        style = "title" if itemprop else rng.choices(["title", "trailing", "filename"], [0.82, 0.12, 0.06])[0]
        page.docs.append(DocLink(title=_link_title(spec, rng), href=href, ext=ext, size=size,
                                 itemprop=itemprop, style=style))
        placements.append({
            "doc_id": doc.doc_id, "kind": doc.kind, "fmt": doc.fmt, "mentoring": doc.mentoring,
            "place": doc.place, "page": site.pages[key].path, "host": host, "url": url,
            "title": spec.title, "year": doc.year, "with_regulation_annex": doc.with_regulation_annex,
            "blank_school_name": doc.blank_school_name,
        })
    for page in site.pages.values():
        if page.key == "mentoring" and page.docs:
            page.doc_heading = "Документы"
        if len(page.docs) > 1:
            fixed = [d for d in page.docs if d.itemprop]
            rest = [d for d in page.docs if not d.itemprop]
            rng.shuffle(rest)
            page.docs = fixed + rest
    for key in list(site.order):
        page = site.pages[key]
        body = theme.layout(page).encode(theme.encoding, errors="xmlcharrefreplace")
        site.add_route(page.path, body, "html", theme.page_content_type())
    add_sitemap(site)
    if plan.platform == "handmade":
        site.routes["/index.html"] = site.routes["/"]
    not_found = theme.not_found().encode(theme.encoding, errors="xmlcharrefreplace")
    robots = _ROBOTS[rng.randrange(len(_ROBOTS))]
    if robots is not None:
        site.add_route("/robots.txt", robots.encode(), "txt", "text/plain; charset=utf-8")

    host_dir = Path(sites_dir) / site.host
    (host_dir / "f").mkdir(parents=True, exist_ok=True)
    for name, body in site.bodies.items():
        if body is not None:
            (host_dir / name).write_bytes(body)
    (host_dir / "404.html").write_bytes(not_found)
    manifest = {"host": site.host, "platform": plan.platform, "encoding": theme.encoding,
                "not_found": {"file": "404.html", "type": theme.page_content_type()}, "routes": site.routes}
    (host_dir / "routes.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    mentoring_url = site.pages["mentoring"].path if "mentoring" in site.pages else None
    return {"school_id": school.school_id, "host": site.host, "placements": placements, "pending": pending,
            "pages": len(site.pages), "mentoring_page_url": mentoring_url, "layout": theme.layout_name}


def _slug(title: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in translit(title.lower())).split()
    return "-".join(words[:6]) or "dokument"


def _link_title(spec, rng: random.Random) -> str:
    """Link text as schools write it: the title, often with the order's number or the date."""
    title = " ".join(spec.title.split())
    date = spec.date.strftime("%d.%m.%Y") if spec.date else None
    if spec.kind.startswith("order") and spec.number and rng.random() < 0.6:
        return f"Приказ от {date} № {spec.number} «{title}»" if date else f"Приказ № {spec.number} «{title}»"
    if date and rng.random() < 0.25:
        title += f" от {date}"
    return title


def _add_card(site: Site, download: str, spec) -> None:
    """*school.ru shows each file on a card page: title, extracted text, download button."""
    card_path = download.replace("/file/download", "/file/card")
    page = Page(key="card", title=spec.title, parent=None, path=card_path)
    excerpt = "".join(f"<p>{esc(p)}</p>" for p in spec.paragraphs[:12] if p.strip())
    page.blocks = [f'<div class="file-card"><div class="file-card__text">{excerpt}</div>'
                   f'<a class="button" href="{esc(download)}">Скачать файл</a></div>']
    body = site.theme.layout(page).encode(site.theme.encoding, errors="xmlcharrefreplace")
    site.add_route(card_path, body, "html", site.theme.page_content_type())


# --- municipal file servers -----------------------------------------------------------------

def _municipal_docs(seed: int, plans: list[SchoolPlan]) -> tuple[dict, dict]:
    """Shared municipal files: one copy per (municipality, kind, template) on files.<district>-edu.test."""
    shared: dict[tuple, dict] = {}
    links: dict[tuple[str, str], tuple[str, str]] = {}
    for plan in plans:
        for doc in plan.documents:
            if not doc.on_municipal_server:
                continue
            muni = municipality_by_key(plan.school.municipality)
            key = (muni.key, doc.kind, doc.blank_school_name)
            if key not in shared:
                fmt = doc.fmt if doc.fmt in ("pdf", "scan_pdf", "docx") else "pdf"
                spec = document_spec(seed, plan.school, DocPlan(**{**doc.__dict__, "fmt": fmt}))
                host = municipal_file_host(muni.slug)
                name = "_".join("".join(c if c.isalnum() else " " for c in translit(spec.title)).split()[:6])
                path = f"/docs/{len(shared) + 1}_{name}.{_EXT[fmt]}"
                shared[key] = {"host": host, "path": path, "fmt": fmt, "spec": spec, "school": plan.school}
            doc.fmt = shared[key]["fmt"]
            links[(plan.school.school_id, doc.doc_id)] = (
                f"http://{shared[key]['host']}:{{{{PORT}}}}{shared[key]['path']}", shared[key]["host"])
    return shared, links


def _write_municipal_hosts(seed: int, shared: dict, sites_dir: Path) -> list[str]:
    by_host: dict[str, list[dict]] = {}
    for entry in shared.values():
        by_host.setdefault(entry["host"], []).append(entry)
    for host, entries in by_host.items():
        host_dir = sites_dir / host
        (host_dir / "f").mkdir(parents=True, exist_ok=True)
        routes = {}
        rows = []
        for i, e in enumerate(entries):
            body = _render(seed, f"{host}:{e['path']}", e["spec"], e["fmt"])
            name = f"f/{i + 1:04d}.{_EXT[e['fmt']]}"
            (host_dir / name).write_bytes(body)
            routes[e["path"]] = {"file": name, "type": CONTENT_TYPES[_EXT[e["fmt"]]], "status": 200}
            fname = e["path"].rsplit("/", 1)[1]
            rows.append(f'<a href="{esc(e["path"])}">{esc(fname)}</a>{" " * max(1, 60 - len(fname))}{len(body)}')
        index = ("<html><head><title>Index of /docs/</title></head><body><h1>Index of /docs/</h1><hr><pre>"
                 '<a href="../">../</a>\n' + "\n".join(rows) + "</pre><hr></body></html>").encode()
        (host_dir / "f/index.html").write_bytes(index)
        routes["/docs/"] = {"file": "f/index.html", "type": "text/html", "status": 200}
        routes["/robots.txt"] = {"file": "f/robots.txt", "type": "text/plain", "status": 200}
        (host_dir / "f/robots.txt").write_bytes(b"User-agent: *\nDisallow:\n")
        (host_dir / "404.html").write_bytes(b"<html><head><title>404 Not Found</title></head><body>"
                                            b"<center><h1>404 Not Found</h1></center><hr><center>nginx</center>"
                                            b"</body></html>")
        manifest = {"host": host, "platform": "file_server", "encoding": "utf-8",
                    "not_found": {"file": "404.html", "type": "text/html"}, "routes": routes}
        (host_dir / "routes.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    return sorted(by_host)


# --- the region -----------------------------------------------------------------------------

def _is_complete(region: Path, seed: int, n_schools: int) -> bool:
    try:
        marker = json.loads((region / MARKER).read_text())
    except (OSError, ValueError):
        return False
    return marker == {"seed": seed, "n_schools": n_schools, "generator_version": GENERATOR_VERSION}


def generate_region(out_dir: Path, seed: int = 66, n_schools: int = 340, *, processes: int | None = None) -> Path:
    """Write the region into ``out_dir`` (reused as is when already complete for these settings)."""
    region = Path(out_dir)
    if _is_complete(region, seed, n_schools):
        return region
    schools = build_schools(seed, n_schools)
    generate_sites(region, seed, plan_region(schools, seed), processes=processes)
    (region / MARKER).write_text(json.dumps({"seed": seed, "n_schools": n_schools,
                                             "generator_version": GENERATOR_VERSION}))
    return region


def generate_sites(region: Path, seed: int, plans: list[SchoolPlan], *, processes: int | None = None) -> Path:
    """Write the sites, manifest and ground truth of these schools' plans into ``region``.

    ``generate_region`` plans a whole region; a test may plan a few schools itself
    (one platform's make of site, say) and have them built the same way.
    """
    region = Path(region)
    region.mkdir(parents=True, exist_ok=True)
    for name in (MARKER, "region.json", "ground_truth.csv"):
        (region / name).unlink(missing_ok=True)
    shutil.rmtree(region / "sites", ignore_errors=True)
    sites_dir = region / "sites"
    sites_dir.mkdir()

    schools = [p.school for p in plans]
    n_schools = len(plans)
    shared, remote_links = _municipal_docs(seed, plans)
    content_plans = [p for p in plans if p.behaviour not in ("down", "error5xx")]

    doc_jobs = [(p, d) for p in content_plans for d in p.documents if d.fmt == "doc" and not d.on_municipal_server]
    doc_result: dict = {}

    def convert_docs() -> None:
        from .formats import render_doc_batch

        specs = [document_spec(seed, p.school, d) for p, d in doc_jobs]
        out: list[bytes] = []
        # One soffice run silently stops after ~246 input files, so the region goes in a few big batches.
        for start in range(0, len(specs), DOC_BATCH):
            with tempfile.TemporaryDirectory(prefix="eduaudit-doc-") as work:
                out += render_doc_batch(specs[start:start + DOC_BATCH], Path(work))
        doc_result["bytes"] = out

    tasks = []
    for plan in content_plans:
        remote = {d.doc_id: remote_links[(plan.school.school_id, d.doc_id)]
                  for d in plan.documents if d.on_municipal_server}
        tasks.append((seed, plan, str(sites_dir), remote))
    processes = processes or max(1, min(os.cpu_count() or 1, 8))
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(processes) as pool:
        # The converter thread starts only after the workers are forked, so no lock is copied mid-use.
        converter = threading.Thread(target=lambda: _catch(convert_docs, doc_result), daemon=True)
        converter.start()
        results = pool.map(build_site, tasks, chunksize=1)
    municipal_hosts = _write_municipal_hosts(seed, shared, sites_dir)
    authorities = [plan_authority(a, seed) for a in build_authorities(seed, schools)]
    authority_sites = {
        p.authority.school_id: build_authority_site(
            (seed, p, str(sites_dir), [s for s in schools if s.municipality == p.authority.municipality]))
        for p in authorities if p.behaviour == "ok"}

    converter.join()
    if "error" in doc_result:
        raise doc_result["error"]
    by_school = {r["school_id"]: r for r in results}
    for (plan, doc), body in zip(doc_jobs, doc_result["bytes"]):
        rel = by_school[plan.school.school_id]["pending"][doc.doc_id]
        (sites_dir / plan.content_host / rel).write_bytes(body)

    _write_manifest(region, seed, n_schools, plans, by_school, municipal_hosts, authorities, authority_sites)
    return region


def _catch(fn, sink: dict) -> None:
    try:
        fn()
    except BaseException as exc:  # surfaced in the main thread after join()
        sink["error"] = exc


def _write_manifest(region: Path, seed: int, n_schools: int, plans: list[SchoolPlan], by_school: dict,
                    municipal_hosts: list[str], authorities: list = (), authority_sites: dict | None = None) -> None:
    schools, hosts, truth_rows = [], {}, []
    for plan in plans:
        s = plan.school
        built = by_school.get(s.school_id, {})
        schools.append({
            "school_id": s.school_id, "name": s.name, "short_name": s.short_name,
            "municipality": s.municipality, "registry_municipality": s.registry_municipality,
            "inn": s.inn, "kind": s.kind, "locality": s.locality, "director": s.director,
            "host": plan.host, "content_host": plan.content_host, "platform": plan.platform,
            "layout": built.get("layout"),
            "behaviour": plan.behaviour, "scenario": plan.scenario, "variant": plan.variant,
            "has_sveden": plan.has_sveden, "mentoring_page": plan.mentoring_page,
            "mentoring_page_url": built.get("mentoring_page_url"), "pages": built.get("pages", 0),
            "documents": built.get("placements", []),
        })
        entry = {"behaviour": plan.behaviour, "school_id": s.school_id, "platform": plan.platform}
        if plan.behaviour == "redirect":
            entry["redirect_to"] = plan.content_host
            hosts[plan.content_host] = {"behaviour": "ok", "school_id": s.school_id, "platform": plan.platform}
        if plan.slow_delay:
            entry["delay"] = list(plan.slow_delay)
        hosts[plan.host] = entry
        for rule, status in ground_truth(plan).items():
            truth_rows.append((s.school_id, rule, status))
    for host in municipal_hosts:
        hosts[host] = {"behaviour": "ok", "school_id": None, "platform": "file_server"}
    authority_entries = []
    for plan in authorities:
        authority_entries.append(manifest_entry(plan, (authority_sites or {}).get(plan.authority.school_id, {})))
        hosts[plan.host] = {"behaviour": plan.behaviour, "school_id": plan.authority.school_id,
                            "platform": plan.platform}
        for rule, status in authority_ground_truth(plan).items():
            truth_rows.append((plan.authority.school_id, rule, status))
    data = {"generator_version": GENERATOR_VERSION, "seed": seed, "n_schools": n_schools,
            "rules": list(RULE_IDS), "schools": schools, "authorities": authority_entries,
            "hosts": dict(sorted(hosts.items()))}
    (region / "region.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    with open(region / "ground_truth.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["school_id", "rule_id", "expected_status"])
        writer.writerows(truth_rows)


def write_registry(region_dir: Path, port: int, path: Path) -> None:
    """The registry CSV the crawler starts from: one row per school, URL on the demo server's port."""
    data = json.loads((Path(region_dir) / "region.json").read_text(encoding="utf-8"))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["school_id", "name", "short_name", "municipality", "inn", "kind", "url"])
        # Municipal education authorities follow the schools, as kind=municipality rows.
        for s in data["schools"] + data.get("authorities", []):
            writer.writerow([s["school_id"], s["name"], s["short_name"], s["registry_municipality"], s["inn"],
                             s["kind"], f"http://{s['host']}:{port}/"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the offline demo region of school websites.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=66)
    parser.add_argument("--schools", type=int, default=340)
    args = parser.parse_args(argv)
    started = time.monotonic()
    region = generate_region(args.out_dir, seed=args.seed, n_schools=args.schools)
    print(f"region ready in {region} ({time.monotonic() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
