"""What changed between two runs: verdicts, documents, and the sites' structure.

A school's gap that appears because *our crawler* no longer found a section
(the site was redesigned or moved to another platform) looks exactly like a
school that removed its documents. So besides verdict changes, this module
flags sites whose structure changed — a section or documents found last time
are missing now — for a manual look before anyone is told to fix anything.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from audit_rules.base import PASS, STATUS_RU
from eduaudit.sitefacts.links import host_of
from eduaudit.store import Store

STRUCTURE_CHANGED = "структура сайта изменилась — проверьте вручную"

# Page roles that mark a section of the site; losing one between runs is a structure change.
SECTION_ROLES = {
    "sveden": "раздел «Сведения об образовательной организации»",
    "documents": "подраздел «Документы»",
    "mentoring": "страница «Наставничество»",
}
CHANGE_RU = {"fixed": "исправлено", "new_gap": "новый пробел", "changed": "изменилось"}
DOC_CHANGE_RU = {"added": "добавлен", "removed": "удалён", "changed": "изменён"}


@dataclass
class VerdictChange:
    school_id: str
    name: str
    municipality: str
    rule_id: str
    before: str
    after: str

    @property
    def kind(self) -> str:
        if self.after == PASS:
            return "fixed"
        if self.before == PASS:
            return "new_gap"
        return "changed"

    def to_dict(self) -> dict:
        return {**asdict(self), "kind": self.kind, "kind_ru": CHANGE_RU[self.kind],
                "before_ru": STATUS_RU.get(self.before, self.before or "—"),
                "after_ru": STATUS_RU.get(self.after, self.after or "—")}


@dataclass
class DocumentChange:
    school_id: str
    municipality: str
    change: str            # added | removed | changed
    url: str
    sha256_before: str
    sha256_after: str

    def to_dict(self) -> dict:
        return {**asdict(self), "change_ru": DOC_CHANGE_RU[self.change]}


@dataclass
class StructureAlert:
    school_id: str
    name: str
    municipality: str
    url: str
    reasons: list[str]

    @property
    def message(self) -> str:
        return f"{STRUCTURE_CHANGED}: " + "; ".join(self.reasons)

    def to_dict(self) -> dict:
        return {**asdict(self), "message": self.message}


@dataclass
class RunDiff:
    run_a: int
    run_b: int
    verdicts: list[VerdictChange] = field(default_factory=list)
    documents: list[DocumentChange] = field(default_factory=list)
    alerts: list[StructureAlert] = field(default_factory=list)
    schools_added: list[str] = field(default_factory=list)
    schools_removed: list[str] = field(default_factory=list)

    def alerted(self) -> dict[str, StructureAlert]:
        return {a.school_id: a for a in self.alerts}

    def counts(self) -> dict[str, int]:
        kinds = [v.kind for v in self.verdicts]
        return {"fixed": kinds.count("fixed"), "new_gap": kinds.count("new_gap"),
                "changed": kinds.count("changed"),
                **{f"documents_{k}": sum(d.change == k for d in self.documents) for k in DOC_CHANGE_RU},
                "structure_alerts": len(self.alerts)}

    def to_dict(self) -> dict:
        return {"run_a": self.run_a, "run_b": self.run_b, "counts": self.counts(),
                "verdicts": [v.to_dict() for v in self.verdicts],
                "documents": [d.to_dict() for d in self.documents],
                "structure_alerts": [a.to_dict() for a in self.alerts],
                "schools_added": self.schools_added, "schools_removed": self.schools_removed}


def site_address(url: str) -> str:
    """A site's address with what does not make it another site left out.

    A re-run on another port (the demo region's server), http → https, «www.» and a
    trailing slash are the same site: «http://www.School.ru:8080/» → «school.ru».
    Paths stay: a school moved to a page of a district portal has moved.
    """
    host = host_of(url.strip(), drop_www=True)
    path = urlsplit(url.strip()).path.rstrip("/")
    if path.lower() in ("/index.php", "/index.html", "/index.htm"):
        path = ""
    return host + path


def school_names(store: Store, run_ids) -> dict[str, str]:
    """school_id → the name people use (short name, else full), the later run winning."""
    out: dict[str, str] = {}
    for run_id in sorted(run_ids):
        for row in store.db.query("select school_id, coalesce(nullif(short_name, ''), name) as n from schools "
                                  "where run_id = ?", [run_id]):
            out[row["school_id"]] = row["n"] or row["school_id"]
    return out


def previous_run(store: Store, run_id: int) -> int | None:
    row = store.db.execute("select max(id) from runs where status = 'finished' and id < ?", [run_id]).fetchone()
    return row[0] if row and row[0] is not None else None


def _findings(store: Store, run_id: int) -> dict[tuple[str, str], dict]:
    return {(r["school_id"], r["rule_id"]): r for r in store.db.query(
        "select f.school_id, f.rule_id, f.status, f.municipality, s.name, s.url from findings f "
        "left join schools s on s.run_id = f.run_id and s.school_id = f.school_id where f.run_id = ?", [run_id])}


def _documents(store: Store, run_id: int) -> dict[str, dict[str, str]]:
    """school_id → url → sha256, for documents whose bytes were fetched."""
    out: dict[str, dict[str, str]] = {}
    for row in store.db.query("select school_id, url, sha256 from documents where run_id = ? and sha256 is not null "
                              "and sha256 != ''", [run_id]):
        out.setdefault(row["school_id"], {})[row["url"]] = row["sha256"]
    return out


def _roles(store: Store, run_id: int) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in store.db.query("select distinct school_id, role from pages where run_id = ?", [run_id]):
        out.setdefault(row["school_id"], set()).add(row["role"])
    return out


def _sites(store: Store, run_id: int) -> dict[str, dict]:
    return {r["school_id"]: r for r in store.db.query("select * from sites where run_id = ?", [run_id])}


def diff_documents(school_id: str, municipality: str, before: dict[str, str],
                   after: dict[str, str]) -> list[DocumentChange]:
    """Same URL with other bytes is «changed»; otherwise a document is matched by its SHA-256,
    so a file moved to another address is neither added nor removed."""
    changes = []
    changed_urls = {u for u in before.keys() & after.keys() if before[u] != after[u]}
    for url in sorted(changed_urls):
        changes.append(DocumentChange(school_id, municipality, "changed", url, before[url], after[url]))
    shas_before = {sha for u, sha in before.items() if u not in changed_urls}
    shas_after = {sha for u, sha in after.items() if u not in changed_urls}
    for url, sha in sorted(after.items()):
        if url not in changed_urls and sha not in shas_before:
            changes.append(DocumentChange(school_id, municipality, "added", url, "", sha))
            shas_before.add(sha)
    for url, sha in sorted(before.items()):
        if url not in changed_urls and sha not in shas_after:
            changes.append(DocumentChange(school_id, municipality, "removed", url, sha, ""))
            shas_after.add(sha)
    return changes


def structure_reasons(site_a: dict | None, site_b: dict | None, roles_a: set[str], roles_b: set[str],
                      docs_a: dict[str, str], docs_b: dict[str, str]) -> list[str]:
    """Why a site reachable both times looks different to the crawler now ([] when it does not)."""
    if not (site_a and site_a.get("reachable") and site_b and site_b.get("reachable")):
        return []
    reasons = [f"не найден {label}, найденный при прошлой проверке"
               for role, label in SECTION_ROLES.items() if role in roles_a and role not in roles_b]
    platform_a, platform_b = site_a.get("platform") or "", site_b.get("platform") or ""
    if platform_a and platform_b and platform_a != platform_b and "unknown" not in (platform_a, platform_b):
        reasons.append(f"сайт перешёл на другую платформу ({platform_a} → {platform_b})")
    final_a, final_b = site_a.get("final_url") or "", site_b.get("final_url") or ""
    if final_a and final_b and site_address(final_a) != site_address(final_b):
        reasons.append(f"главная страница теперь открывается по другому адресу ({final_b})")
    gone = set(docs_a.values()) - set(docs_b.values())
    if docs_a and len(gone) >= 2 and len(gone) * 2 >= len(set(docs_a.values())):
        reasons.append(f"не найдено {len(gone)} из {len(set(docs_a.values()))} документов прошлой проверки")
    return reasons


def diff_runs(store: Store, run_a: int, run_b: int) -> RunDiff:
    """Changes from run A (earlier) to run B (later)."""
    result = RunDiff(run_a, run_b)
    fa, fb = _findings(store, run_a), _findings(store, run_b)
    schools_a = {s for s, _ in fa}
    schools_b = {s for s, _ in fb}
    result.schools_added = sorted(schools_b - schools_a)
    result.schools_removed = sorted(schools_a - schools_b)
    for key in sorted(fa.keys() & fb.keys()):
        before, after = fa[key]["status"], fb[key]["status"]
        if before != after:
            row = fb[key]
            result.verdicts.append(VerdictChange(key[0], row["name"] or "", row["municipality"] or "",
                                                 key[1], before, after))
    docs_a, docs_b = _documents(store, run_a), _documents(store, run_b)
    roles_a, roles_b = _roles(store, run_a), _roles(store, run_b)
    sites_a, sites_b = _sites(store, run_a), _sites(store, run_b)
    info = {s: row for (s, _), row in fb.items()}
    for school_id in sorted(schools_a & schools_b):
        municipality = info[school_id]["municipality"] or ""
        result.documents.extend(diff_documents(school_id, municipality, docs_a.get(school_id, {}),
                                               docs_b.get(school_id, {})))
        reasons = structure_reasons(sites_a.get(school_id), sites_b.get(school_id),
                                    roles_a.get(school_id, set()), roles_b.get(school_id, set()),
                                    docs_a.get(school_id, {}), docs_b.get(school_id, {}))
        if reasons:
            result.alerts.append(StructureAlert(school_id, info[school_id]["name"] or "", municipality,
                                                info[school_id]["url"] or "", reasons))
    return result


def _by_municipality(items, key=lambda item: item.municipality):
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item) or "—", []).append(item)
    return sorted(groups.items())


def format_text(diff: RunDiff, names: dict[str, str] | None = None, rule_titles: dict[str, str] | None = None) -> str:
    """The diff as Russian text for the terminal: grouped by municipality, schools and rules by name."""
    names = names or {}
    rule_titles = rule_titles or {}

    def name(school_id: str, fallback: str = "") -> str:
        return names.get(school_id) or fallback or school_id

    c = diff.counts()
    lines = [f"Изменения: проверка № {diff.run_a} → проверка № {diff.run_b}",
             f"Исправлено: {c['fixed']}, новых пробелов: {c['new_gap']}, других изменений вердикта: {c['changed']}",
             f"Документы: добавлено {c['documents_added']}, удалено {c['documents_removed']}, "
             f"изменено {c['documents_changed']}",
             f"Структура сайта изменилась: {c['structure_alerts']}"]
    if diff.verdicts:
        lines += ["", "Вердикты:"]
        for municipality, changes in _by_municipality(diff.verdicts):
            lines.append(f"  {municipality}")
            for v in changes:
                d = v.to_dict()
                lines.append(f"    {name(v.school_id, v.name)} — {rule_titles.get(v.rule_id, v.rule_id)}: "
                             f"{d['before_ru']} → {d['after_ru']} ({d['kind_ru']})")
    if diff.documents:
        lines += ["", "Документы:"]
        for municipality, docs in _by_municipality(diff.documents):
            lines.append(f"  {municipality}")
            for doc in docs:
                lines.append(f"    {name(doc.school_id)} — {DOC_CHANGE_RU[doc.change]}: {doc.url}")
    if diff.alerts:
        lines += ["", "Проверьте вручную:"]
        for municipality, alerts in _by_municipality(diff.alerts):
            lines.append(f"  {municipality}")
            for alert in alerts:
                lines.append(f"    {name(alert.school_id, alert.name)} — {alert.message}")
    for label, ids in (("Новые школы в реестре", diff.schools_added), ("Школы, убранные из реестра", diff.schools_removed)):
        if ids:
            lines.append(f"{label}: {', '.join(name(i) for i in ids)}")
    return "\n".join(lines)
