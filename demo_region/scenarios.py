"""What each demo school publishes, on which platform and host, and the ground truth that follows.

A plan is decided here, before anything is rendered, so the ground truth is a
function of the plan alone: the generator only carries it out.  The shares
imitate what a survey of real school sites would find, not what any crawler
can or cannot find.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field

from .schools import School, slugify

# Joomla and 1C-Bitrix are common CMSs of Russian school sites built before Gosweb; their
# shares come out of the other non-Gosweb ones, Gosweb staying dominant.
PLATFORM_SHARES = {"gosweb": 0.65, "schoolru": 0.09, "ucoz": 0.07, "wordpress": 0.07,
                   "edusite": 0.04, "handmade": 0.04, "joomla": 0.02, "bitrix": 0.02}
SCENARIO_SHARES = {"teacher": 0.77, "student_only": 0.08, "municipal_only": 0.05, "nothing": 0.07,
                   "unreachable": 0.03}
# Shares of the formats a school's files come in; "html" means the text is pasted into a page.
FORMAT_SHARES = {"pdf": 0.47, "docx": 0.16, "scan_pdf": 0.10, "doc": 0.09, "rtf": 0.04, "odt": 0.04,
                 "html": 0.10}

TEACHER_REGULATIONS = ("teacher_regulation", "mixed_regulation")
SCHOOL_ORDERS = ("order_regulation", "order_pairs", "order_curator")
MUNICIPAL_KINDS = ("municipal_regulation", "municipal_plan", "regional_order")
RULE_IDS = ("site.reachable", "section.documents", "section.mentoring", "doc.regulation",
            "doc.roadmap", "doc.order", "doc.program")

# Logical places a document can be linked from; platforms map them to real URLs.
PLACES = ("documents", "local_acts", "mentoring", "methodical")


@dataclass
class DocPlan:
    doc_id: str
    kind: str
    fmt: str
    place: str                      # one of PLACES
    year: int | None = None
    with_regulation_annex: bool = False
    blank_school_name: bool = False
    on_municipal_server: bool = False
    mentoring: bool = False


@dataclass
class SchoolPlan:
    school: School
    platform: str                   # platform of the site that holds the content
    host: str                       # the host named in the registry
    content_host: str               # == host, or the new host of a moved school
    behaviour: str                  # ok | slow | down | error5xx | redirect
    scenario: str                   # teacher | student_only | municipal_only | nothing | unreachable
    variant: str                    # finer label: full, partial, stale, annex, typical, …
    has_sveden: bool                # the «Сведения об образовательной организации» section exists
    mentoring_page: str | None      # None, or where it hangs: teachers | school | top
    mentoring_page_has_files: bool
    has_local_acts: bool
    has_methodical: bool
    mentoring_news: bool
    documents: list[DocPlan] = field(default_factory=list)
    slow_delay: tuple[float, float] | None = None
    # The platform's make of page (Theme.layouts); None lets the site's theme choose one.
    layout: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["school"] = self.school.school_id
        return d


def _pick(rng: random.Random, shares: dict[str, float]) -> str:
    r = rng.random() * sum(shares.values())
    for key, share in shares.items():
        r -= share
        if r < 0:
            return key
    return key


def _number(slug: str) -> str:
    m = re.match(r"[a-z]+(\d+)-", slug)
    return m.group(1) if m else ""


def host_for(school: School, platform: str, rng: random.Random) -> str:
    """A host name shaped like the real ones of each platform, ending in .test."""
    num = _number(school.slug)
    stem = school.slug.split("-", 1)[1] if school.slug.startswith("sh-") else ""
    # a village school is named by its village («isakovskaya»); a town's unnumbered gymnasium has
    # only its slug («gimn-vyazma»), which no host may lose
    own = stem.split("-")[0] if stem else school.slug
    town = school.town_slug
    kind = "gimnaziya" if school.kind == "гимназия" else "licey" if school.kind == "лицей" else "school"
    if platform == "gosweb":
        return f"{school.slug}-r66.gosweb.gosuslugi.test"
    if platform == "schoolru":
        return f"{kind}{num}-{town}.smolschool.test" if num or kind != "school" else f"{stem}.smolschool.test"
    if platform == "ucoz":
        return f"{town}-sch{num}.ucoz.test" if num else f"{own}-shkola.ucoz.test" if stem else f"{own}.ucoz.test"
    if platform == "edusite":
        return f"s{num}{town}.edusite.test" if num else f"{own}.edusite.test"
    # WordPress and hand-made sites live on their own domains
    if num or kind != "school":
        return rng.choice([f"{kind}{num}-{town}.test", f"{town}-{kind}{num}.test", f"sosh{num}-{town}.test"])
    return rng.choice([f"{stem}-school.test", f"{stem}-sosh.test", f"school-{stem}.test"])


def _fmt(rng: random.Random, allow_html: bool = True) -> str:
    shares = dict(FORMAT_SHARES)
    if not allow_html:
        shares.pop("html")
    return _pick(rng, shares)


class _Docs:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.items: list[DocPlan] = []

    def add(self, kind: str, place: str, *, mentoring: bool = True, allow_html: bool = True, **kw) -> DocPlan:
        doc = DocPlan(doc_id=f"d{len(self.items) + 1:02d}", kind=kind, fmt=_fmt(self.rng, allow_html),
                      place=place, mentoring=mentoring, **kw)
        self.items.append(doc)
        return doc


def _mentoring_places(rng: random.Random, page: str | None, has_files_on_page: bool) -> tuple[str, list[str]]:
    """The main place of a school's mentoring files and the places a few stray files end up in."""
    if page and has_files_on_page:
        main = "mentoring"
    else:
        main = _pick(rng, {"documents": 0.4, "local_acts": 0.35, "methodical": 0.25})
    strays = [p for p in PLACES if p != main and (p != "mentoring" or page)]
    return main, strays


def _place(rng: random.Random, main: str, strays: list[str]) -> str:
    return rng.choice(strays) if strays and rng.random() < 0.15 else main


def plan_school(school: School, seed: int) -> SchoolPlan:
    rng = random.Random(f"{seed}:plan:{school.school_id}")
    platform = _pick(rng, PLATFORM_SHARES)
    scenario = _pick(rng, SCENARIO_SHARES)
    behaviour = "ok"
    if scenario == "unreachable":
        behaviour = rng.choice(["down", "error5xx"])
    elif rng.random() < 0.02:
        behaviour = "redirect"
    elif rng.random() < 0.015:
        behaviour = "slow"
    if behaviour == "redirect":
        # A school that moved to Gosweb keeps its old domain in the registry.
        old_platform = rng.choice(["ucoz", "wordpress", "handmade"])
        host = host_for(school, old_platform, rng)
        platform = "gosweb"
        content_host = host_for(school, platform, rng)
    else:
        host = content_host = host_for(school, platform, rng)

    has_sveden = True
    if platform == "handmade":
        has_sveden = rng.random() < 0.4
    elif platform == "ucoz":
        has_sveden = rng.random() < 0.85

    docs = _Docs(rng)
    variant = scenario
    mentoring_page: str | None = None
    files_on_page = False
    if scenario == "teacher":
        if rng.random() < 0.65:
            mentoring_page = _pick(rng, {"teachers": 0.7, "school": 0.3}) if platform == "gosweb" else "top"
            files_on_page = rng.random() < 0.75
        main, strays = _mentoring_places(rng, mentoring_page, files_on_page)
        variant = _pick(rng, {"full": 0.3, "typical": 0.35, "partial": 0.15, "stale": 0.12, "annex": 0.08})
        if variant == "annex":
            docs.add("order_regulation", main, with_regulation_annex=True, allow_html=False)
        else:
            docs.add(_pick(rng, {"teacher_regulation": 0.75, "mixed_regulation": 0.25}), main)
        if variant != "partial":
            if variant == "stale" or rng.random() < 0.75:
                year = rng.choice([2021, 2022]) if variant == "stale" else rng.choice([2023, 2024, 2025])
                docs.add("roadmap", _place(rng, main, strays), year=year)
            if variant != "annex" and rng.random() < (0.8 if variant == "full" else 0.4):
                docs.add("order_regulation", _place(rng, main, strays), allow_html=False)
            if rng.random() < (0.8 if variant == "full" else 0.45):
                docs.add("order_pairs", _place(rng, main, strays), allow_html=False)
            if rng.random() < (0.6 if variant == "full" else 0.2):
                docs.add("order_curator", _place(rng, main, strays), allow_html=False)
            if rng.random() < (0.85 if variant == "full" else 0.4):
                for _ in range(rng.choice([1, 1, 2, 3])):
                    docs.add("personal_program", _place(rng, main, strays))
            if rng.random() < (0.5 if variant == "full" else 0.15):
                docs.add("mentoring_report", _place(rng, main, strays))
        if rng.random() < 0.12:
            docs.add(rng.choice(["student_regulation", "student_program"]), _place(rng, main, strays))
        if rng.random() < 0.15:
            docs.add(rng.choice(["municipal_plan", "regional_order", "municipal_regulation"]), main,
                     on_municipal_server=rng.random() < 0.5, allow_html=False)
    elif scenario == "student_only":
        if rng.random() < 0.6:
            mentoring_page = _pick(rng, {"teachers": 0.3, "school": 0.7}) if platform == "gosweb" else "top"
            files_on_page = rng.random() < 0.8
        main, strays = _mentoring_places(rng, mentoring_page, files_on_page)
        variant = "student_regulation"
        if rng.random() < 0.75:
            docs.add("student_regulation", main)
            if rng.random() < 0.5:
                docs.add("student_program", _place(rng, main, strays))
        else:
            variant = "student_program"
            docs.add("student_program", main)
    elif scenario == "municipal_only":
        if rng.random() < 0.4:
            mentoring_page = _pick(rng, {"teachers": 0.7, "school": 0.3}) if platform == "gosweb" else "top"
            files_on_page = rng.random() < 0.8
        main, strays = _mentoring_places(rng, mentoring_page, files_on_page)
        remote = rng.random() < 0.5
        blank = rng.random() < 0.3
        variant = "template" if blank else "municipal"
        kinds = [k for k, p in (("municipal_plan", 0.7), ("municipal_regulation", 0.5), ("regional_order", 0.25))
                 if rng.random() < p] or ["municipal_plan"]
        for kind in kinds:
            docs.add(kind, main, on_municipal_server=remote, allow_html=False,
                     blank_school_name=blank and kind == "municipal_regulation")
    elif scenario == "nothing":
        if rng.random() < 0.15:
            mentoring_page = _pick(rng, {"teachers": 0.7, "school": 0.3}) if platform == "gosweb" else "top"
            variant = "text_page_only"

    has_local_acts = any(d.place == "local_acts" for d in docs.items) or rng.random() < 0.3
    has_methodical = any(d.place == "methodical" for d in docs.items) or rng.random() < 0.5
    _ordinary_documents(rng, docs, has_local_acts)
    return SchoolPlan(
        school=school, platform=platform, host=host, content_host=content_host, behaviour=behaviour,
        scenario=scenario, variant=variant, has_sveden=has_sveden, mentoring_page=mentoring_page,
        mentoring_page_has_files=files_on_page and any(d.place == "mentoring" for d in docs.items),
        has_local_acts=has_local_acts, has_methodical=has_methodical,
        mentoring_news=rng.random() < (0.4 if scenario == "teacher" else 0.25),
        documents=docs.items if behaviour not in ("down", "error5xx") else [],
        slow_delay=(1.0, round(rng.uniform(1.5, 3.0), 1)) if behaviour == "slow" else None,
    )


def _ordinary_documents(rng: random.Random, docs: _Docs, has_local_acts: bool) -> None:
    """The «Документы» section every school keeps: charter, rules, self-evaluation and other local acts."""
    kinds = ["charter", "students_rules", "labour_rules", "self_evaluation_report"]
    if rng.random() < 0.8:
        kinds.append("collective_agreement")
    if rng.random() < 0.75:
        kinds.append("admission_rules")
    kinds += ["local_act_other"] * rng.randint(0, 4)
    kinds += ["order_other"] * rng.randint(0, 2)
    kinds += ["plan_other"] * rng.randint(0, 1)
    kinds += ["program_other"] * rng.randint(0, 1)
    target = rng.randint(5, 12)
    kinds = kinds[:target] if len(kinds) >= target else kinds + ["local_act_other"] * (target - len(kinds))
    for kind in kinds:
        place = "local_acts" if kind == "local_act_other" and has_local_acts and rng.random() < 0.8 else "documents"
        allow_html = kind in ("local_act_other", "plan_other", "program_other")
        docs.add(kind, place, mentoring=False, allow_html=allow_html)


def plan_region(schools: list[School], seed: int) -> list[SchoolPlan]:
    plans = [plan_school(s, seed) for s in schools]
    # Hosts must be unique across the region; a clash gets the school number appended.
    seen: set[str] = set()

    def unique(host: str, school_id: str) -> str:
        if host in seen:
            label, rest = host.split(".", 1)
            host = f"{label}-{school_id[3:]}.{rest}"
        seen.add(host)
        return host

    for plan in plans:
        moved = plan.content_host != plan.host
        plan.host = unique(plan.host, plan.school.school_id)
        plan.content_host = unique(plan.content_host, plan.school.school_id) if moved else plan.host
    return plans


def ground_truth(plan: SchoolPlan) -> dict[str, str]:
    """Expected status of every rule for one school, derived from its plan only."""
    if plan.behaviour in ("down", "error5xx"):
        return {rule: ("fail" if rule == "site.reachable" else "error") for rule in RULE_IDS}
    kinds = {d.kind for d in plan.documents}
    own_regulation = bool(kinds & set(TEACHER_REGULATIONS)) or any(
        d.kind == "order_regulation" and d.with_regulation_annex for d in plan.documents)
    if own_regulation:
        regulation = "pass"
    elif "student_regulation" in kinds:
        regulation = "warn"
    else:
        regulation = "fail"
    return {
        "site.reachable": "pass",
        "section.documents": "pass" if plan.has_sveden else "fail",
        "section.mentoring": "pass" if plan.mentoring_page else "fail",
        "doc.regulation": regulation,
        "doc.roadmap": "pass" if "roadmap" in kinds else "fail",
        "doc.order": "pass" if kinds & set(SCHOOL_ORDERS) else "fail",
        "doc.program": "pass" if "personal_program" in kinds else "fail",
    }


def municipal_file_host(town_slug: str) -> str:
    return f"files.{slugify(town_slug)}-edu.test"
