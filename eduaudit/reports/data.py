"""One run's results, loaded once and shaped for every report.

All reports (the workbook, the gap files, the dashboard, the summary) read
the same `RunData`, so the numbers they show cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pandas as pd

from audit_rules import all_rules
from audit_rules.base import ERROR, FAIL, MUNICIPALITY, PASS, STATUS_RU, WARN
from eduaudit.reports import figures
from eduaudit.reports.figures import Share
from eduaudit.store import Store

# What a coordinator should do when the site could not be checked at all:
# the gap is ours to re-check, not the school's document to write.
ERROR_WHAT_TO_DO = ("Сайт не удалось проверить. Убедитесь, что сайт открывается по адресу из реестра, "
                    "и дождитесь повторной проверки.")
STATUS_ORDER = (PASS, WARN, FAIL, ERROR)


def safe_url(url: str | None) -> str:
    """The URL if it is a web address, else "" (a `javascript:` link must never become clickable)."""
    if not url:
        return ""
    try:
        scheme = urlsplit(str(url).strip()).scheme.lower()
    except ValueError:
        return ""
    return str(url).strip() if scheme in ("http", "https") else ""


def what_to_do(rule, status: str) -> str:
    if status == PASS:
        return ""
    if status == ERROR:
        return ERROR_WHAT_TO_DO
    return rule.what_to_do if rule is not None else ""


@dataclass
class RunData:
    run_id: int
    run: dict
    rules: list                      # audit rules present in this run, in report order
    schools: pd.DataFrame            # one row per school: school_id, name, short_name, municipality, url, ...
    findings: pd.DataFrame           # one row per school × rule, with school columns and Russian labels
    municipalities: list[str] = field(default_factory=list)
    # Municipal education authorities are judged by their own pack and never counted as schools.
    authority_rules: list = field(default_factory=list)
    authority_findings: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Consistency and formalism signals (audit_rules.signals): one row per signal.
    signals: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def rule_by_id(self) -> dict:
        return {r.id: r for r in self.authority_rules + self.rules}

    def shares(self, municipality: str | None = None) -> list[Share]:
        return figures.shares(self.findings, self.rules, municipality)

    def share(self, rule_id: str, municipality: str | None = None) -> Share:
        return next(s for s in self.shares(municipality) if s.rule_id == rule_id)

    def unchecked_count(self, municipality: str | None = None) -> int:
        """Schools whose site could not be checked at all (see figures.unchecked_schools)."""
        frame = self.findings if municipality is None else self.findings[self.findings["municipality"] == municipality]
        return len(figures.unchecked_schools(frame))

    def school_count(self, municipality: str | None = None) -> int:
        frame = self.findings
        if municipality is not None:
            frame = frame[frame["municipality"] == municipality]
        return int(frame["school_id"].nunique())

    def status_counts(self) -> dict[str, dict[str, int]]:
        """rule_id → status → number of schools."""
        counts: dict[str, dict[str, int]] = {}
        for rule in self.rules:
            sub = self.findings[self.findings["rule_id"] == rule.id]["status"].value_counts()
            counts[rule.id] = {s: int(sub.get(s, 0)) for s in STATUS_ORDER}
        return counts

    def authority_rows(self) -> list[dict]:
        """One dict per municipal education authority with its findings by rule id."""
        return self.school_rows(frame=self.authority_findings)

    def signal_rows(self) -> list[dict]:
        return self.signals.to_dict("records") if len(self.signals) else []

    def school_rows(self, municipality: str | None = None, *, frame: pd.DataFrame | None = None) -> list[dict]:
        """One dict per school with its findings by rule id, sorted by municipality and name."""
        frame = self.findings if frame is None else frame
        if municipality is not None:
            frame = frame[frame["municipality"] == municipality]
        by_school: dict[str, dict] = {}
        # Plain records grouped by hand: a DataFrame per school was slower than the reports.
        for record in frame.to_dict("records"):
            row = by_school.get(record["school_id"])
            if row is None:
                row = by_school[record["school_id"]] = {
                    "school_id": record["school_id"],
                    "name": record["name"],
                    "short_name": record["short_name"] or record["name"],
                    "municipality": record["municipality"],
                    "url": record["url"],
                    "findings": {},
                }
            row["findings"][record["rule_id"]] = record
        rows = list(by_school.values())
        rows.sort(key=lambda r: (r["municipality"], r["short_name"], r["school_id"]))
        return rows


def finished_runs(store: Store) -> list[dict]:
    return list(store.db.query("select * from runs where status = 'finished' order by id"))


def load_run(store: Store, run_id: int) -> RunData:
    run = next(store.db.query("select * from runs where id = ?", [run_id]), None)
    if run is None:
        raise ValueError(f"run {run_id} not found")
    schools = pd.read_sql_query(
        "select school_id, name, short_name, municipality as registry_municipality, url, inn, kind "
        "from schools where run_id = ?", store.db.conn, params=[run_id])
    findings = pd.read_sql_query(
        "select f.school_id, f.municipality, f.rule_id, f.status, f.evidence_url, f.evidence_text, "
        "f.fetched_at, f.detail from findings f where f.run_id = ?", store.db.conn, params=[run_id])
    findings = findings.merge(schools, on="school_id", how="left")
    for column in ("name", "short_name", "url", "evidence_url", "evidence_text", "detail", "fetched_at"):
        findings[column] = findings[column].fillna("").astype(str)
    findings["short_name"] = findings["short_name"].where(findings["short_name"] != "", findings["name"])
    authorities = findings["kind"].fillna("") == MUNICIPALITY
    rules = [r for r in all_rules() if r.id in set(findings.loc[~authorities, "rule_id"])]
    authority_rules = [r for r in all_rules() if r.id in set(findings.loc[authorities, "rule_id"])]
    by_id = {r.id: r for r in all_rules()}
    findings["rule_title"] = findings["rule_id"].map(lambda rid: by_id[rid].title if rid in by_id else rid)
    findings["status_ru"] = findings["status"].map(lambda s: STATUS_RU.get(s, s))
    findings["what_to_do"] = [what_to_do(by_id.get(rid), st) for rid, st in
                              zip(findings["rule_id"], findings["status"])]
    findings["safe_evidence_url"] = findings["evidence_url"].map(safe_url)
    rank = {r.id: i for i, r in enumerate(all_rules())}
    findings = findings.assign(_rank=findings["rule_id"].map(lambda r: rank.get(r, 99)))
    findings = findings.sort_values(["municipality", "short_name", "school_id", "_rank"]).drop(columns="_rank")
    authority_findings = findings[findings["kind"].fillna("") == MUNICIPALITY].reset_index(drop=True)
    findings = findings[findings["kind"].fillna("") != MUNICIPALITY].reset_index(drop=True)
    school_table = (findings.drop_duplicates("school_id")[["school_id", "name", "short_name", "municipality", "url"]]
                    .reset_index(drop=True))
    municipalities = sorted(findings["municipality"].dropna().unique())
    return RunData(run_id=run_id, run=run, rules=rules, schools=school_table, findings=findings,
                   municipalities=municipalities, authority_rules=authority_rules,
                   authority_findings=authority_findings, signals=load_signals(store, run_id))


def load_signals(store: Store, run_id: int) -> pd.DataFrame:
    """The run's signals with the school's names; empty for runs judged before signals existed."""
    if not store.db["signals"].exists():
        return pd.DataFrame()
    frame = pd.read_sql_query(
        "select g.*, s.name, coalesce(nullif(s.short_name, ''), s.name) as short_name, s.url from signals g "
        "join schools s on s.run_id = g.run_id and s.school_id = g.school_id where g.run_id = ? "
        "order by g.municipality, short_name, g.signal_id", store.db.conn, params=[run_id])
    if len(frame):
        frame["safe_evidence_url"] = frame["evidence_url"].map(safe_url)
    return frame


def trend(store: Store) -> list[dict]:
    """Per finished run: date, schools, and pass counts per rule (for the trend chart and notebook)."""
    rows = store.db.query(
        "select r.id as run_id, coalesce(r.finished_at, r.started_at) as at, f.rule_id, "
        "count(distinct f.school_id) as schools, sum(f.status = 'pass') as passed, "
        "sum(f.status != 'error') as checked "
        "from runs r join findings f on f.run_id = r.id join schools s on s.run_id = f.run_id "
        "and s.school_id = f.school_id where r.status = 'finished' and coalesce(s.kind, '') != 'municipality' "
        "group by r.id, f.rule_id order by r.id")
    out: dict[int, dict] = {}
    for row in rows:
        entry = out.setdefault(row["run_id"], {"run_id": row["run_id"], "at": row["at"], "schools": 0, "passed": {},
                                               "checked": {}})
        entry["schools"] = max(entry["schools"], row["schools"])
        entry["passed"][row["rule_id"]] = row["passed"]
        entry["checked"][row["rule_id"]] = row["checked"]
    return list(out.values())
