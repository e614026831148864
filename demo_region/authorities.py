"""The 27 municipal education authorities of the demo region: their sites, documents and ground truth.

Each authority (отдел / комитет / управление образования) keeps a small site: about the
department, news, its schools, contacts and, most often, a «Наставничество» page with the
municipal regulation on the teachers' mentoring system, the municipal plan (road map) and the
order naming the municipal coordinator. Some lack one or the other, as real ones do.

Every random choice here draws from generators seeded by the authority, never from those of
the schools, so adding authorities leaves every school's site and ground truth as it was.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .platforms import THEMES, Site
from .platforms.base import DocLink, esc
from .schools import MUNICIPALITIES, Municipality, School, inn_for, person
from .sitemaps import add_sitemap

AUTHORITY_KIND = "municipality"
AUTHORITY_RULE_IDS = ("site.reachable", "section.mentoring", "mun.regulation", "mun.plan", "mun.coordinator")
# Municipal sites run on WordPress or are hand-made far more often than on Gosweb.
_PLATFORMS = {"wordpress": 0.6, "handmade": 0.4}
_FORMATS = ("pdf", "pdf", "docx", "odt")
_DOC_KINDS = (("municipal_regulation", 0.8), ("municipal_plan", 0.75), ("municipal_coordinator_order", 0.55))


@dataclass
class AuthorityPlan:
    authority: School
    host: str
    platform: str
    behaviour: str                       # ok | down
    mentoring_page: bool
    coordinator_on_page: bool            # the «Наставничество» page names the coordinator
    documents: list[tuple[str, str]] = field(default_factory=list)   # (kind, format)
    plan_year: int = 2025


def _short_name(m: Municipality) -> str:
    if m.key == "город Смоленск":
        return "Управление образования и молодежной политики г. Смоленска"
    if m.is_city:
        return "Комитет по образованию г. Десногорска"
    return f"Отдел образования ({m.key} район)"


def build_authorities(seed: int, schools: list[School]) -> list[School]:
    """One authority per municipality that has schools in the region (all 27 from 27 schools up)."""
    present = {s.municipality for s in schools}
    used_inn = {s.inn for s in schools}
    out = []
    for i, m in enumerate(MUNICIPALITIES, 1):
        if m.key not in present:
            continue
        rng = random.Random(f"{seed}:authority:{m.key}")
        inn = inn_for(rng)
        while inn in used_inn:
            inn = inn_for(rng)
        used_inn.add(inn)
        out.append(School(
            school_id=f"mun{i:02d}", name=m.authority(), short_name=_short_name(m), municipality=m.key,
            registry_municipality=rng.choice(m.registry_forms()), inn=inn, kind=AUTHORITY_KIND,
            locality=f"г. {m.centre}" if m.is_city or m.numbered_centre else m.centre, director=person(rng),
            authority=m.authority(), slug=f"obrazovanie-{m.slug}", town_slug=m.slug))
    return out


def plan_authority(authority: School, seed: int) -> AuthorityPlan:
    rng = random.Random(f"{seed}:authority-plan:{authority.municipality}")
    platform = "wordpress" if rng.random() < _PLATFORMS["wordpress"] else "handmade"
    behaviour = "down" if rng.random() < 0.04 else "ok"
    documents = [(kind, rng.choice(_FORMATS)) for kind, share in _DOC_KINDS if rng.random() < share]
    return AuthorityPlan(
        authority=authority, host=f"{authority.town_slug}-edu.test", platform=platform, behaviour=behaviour,
        mentoring_page=rng.random() < 0.85, coordinator_on_page=rng.random() < 0.25,
        documents=documents if behaviour == "ok" else [], plan_year=rng.choice([2023, 2024, 2025, 2025]))


def authority_ground_truth(plan: AuthorityPlan) -> dict[str, str]:
    """Expected verdicts of the municipal pack, from the plan alone."""
    if plan.behaviour == "down":
        return {rule: ("fail" if rule == "site.reachable" else "error") for rule in AUTHORITY_RULE_IDS}
    kinds = {kind for kind, _ in plan.documents}
    named = "municipal_coordinator_order" in kinds or (plan.coordinator_on_page and plan.mentoring_page)
    # The municipal regulation and plan both provide for a coordinator without naming one.
    mentioned = bool(kinds & {"municipal_regulation", "municipal_plan"})
    return {
        "site.reachable": "pass",
        "section.mentoring": "pass" if plan.mentoring_page else "fail",
        "mun.regulation": "pass" if "municipal_regulation" in kinds else "fail",
        "mun.plan": "pass" if "municipal_plan" in kinds else "fail",
        "mun.coordinator": "pass" if named else "warn" if mentioned else "fail",
    }


def _info(authority: School):
    from .documents import SchoolInfo
    from .schools import municipality_by_key

    return SchoolInfo(full_name=authority.name, short_name=authority.short_name,
                      municipality=municipality_by_key(authority.municipality).display(),
                      locality=authority.locality, director=authority.director, authority=authority.authority)


def _p(*texts: str) -> str:
    return "".join(f"<p>{esc(t)}</p>" for t in texts)


def build_authority_site(task: tuple) -> dict:
    """Write one authority's site; returns its manifest entry (placements of documents)."""
    from .documents import make_document
    from .formats import render

    seed, plan, sites_dir, schools = task
    plan: AuthorityPlan
    a = plan.authority
    rng = random.Random(f"{seed}:authority-site:{a.school_id}")
    theme = THEMES[plan.platform](random.Random(f"{seed}:authority-theme:{a.school_id}"))
    site = Site(plan.host, a, rng, theme)
    home = site.add_page("home", a.short_name, None)
    home.blocks.append(_p(f"Официальный сайт: {a.name}.",
                          "Отдел осуществляет управление в сфере образования: дошкольное, общее и "
                          "дополнительное образование детей, аттестация педагогических работников, отдых и "
                          "оздоровление детей."))
    site.add_page("about", "Об отделе", "home", slug="ob-otdele").blocks.append(
        _p(f"Руководитель: {a.director}.", "Структура: специалисты по общему образованию, дошкольному образованию, "
           "опеке и попечительству; муниципальный методический кабинет."))
    site.add_page("schools", "Образовательные организации", "home", slug="obrazovatelnye-organizatsii").blocks.append(
        "<ul>" + "".join(f"<li>{esc(s.short_name)}</li>" for s in schools) + "</ul>")
    news = site.add_page("news", "Новости", "home", slug="novosti")
    for i, (title, text) in enumerate((
            ("Августовская конференция педагогических работников",
             "Состоялась традиционная августовская конференция: итоги учебного года и задачи на новый."),
            ("Итоги муниципального этапа всероссийской олимпиады школьников",
             "Подведены итоги муниципального этапа олимпиады; победители приглашены на региональный этап."),
            ("Совещание руководителей образовательных организаций",
             "Обсуждены готовность школ к отопительному сезону и организация горячего питания."))):
        item = site.add_page(f"news:{i}", title, "news", slug=f"novost-{i + 1}", in_menu=False)
        item.blocks.append(_p(text))
        news.blocks.append(f'<p><a href="{esc(item.path)}">{esc(title)}</a></p>')
    docs_key = "mentoring" if plan.mentoring_page else "documents"
    if plan.mentoring_page:
        page = site.add_page("mentoring", rng.choice(["Наставничество", "Система наставничества педагогов"]), "home",
                             slug="nastavnichestvo")
        page.blocks.append(_p(
            "В образовательных организациях муниципалитета внедряется система (целевая модель) наставничества "
            "педагогических работников. Отдел образования утверждает муниципальные документы, организует "
            "методическое сопровождение наставников и мониторинг."))
        if plan.coordinator_on_page:
            page.blocks.append(_p(f"Муниципальный координатор системы наставничества: {person(rng)}, методист "
                                  f"муниципального методического кабинета, тел. 8 (481{rng.randint(30, 67)}) "
                                  f"{rng.randint(2, 7)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}."))
        page.doc_heading = "Документы"
    site.add_page("documents", "Документы", "home", slug="dokumenty").blocks.append(
        _p("Нормативные документы отдела образования."))
    site.add_page("contacts", "Контакты", "home", slug="kontakty").blocks.append(
        _p(f"Адрес: Смоленская область, {a.locality}.", f"Электронная почта: {a.town_slug}-obr@mail.ru"))

    placements = []
    info = _info(a)
    for n, (kind, fmt) in enumerate(plan.documents, 1):
        spec = make_document(kind, info, random.Random(f"{seed}:authority-doc:{a.school_id}:{kind}"),
                             year=plan.plan_year if kind != "municipal_regulation" else None)
        body = render(spec, fmt, random.Random(f"{seed}:authority-render:{a.school_id}:{n}"))
        url = site.upload(spec.title, fmt, body, section=docs_key)
        site.pages[docs_key].docs.append(DocLink(title=" ".join(spec.title.split()), href=url, ext=fmt,
                                                 size=len(body)))
        placements.append({"doc_id": f"d{n:02d}", "kind": kind, "fmt": fmt, "page": site.pages[docs_key].path,
                           "url": url, "title": spec.title, "year": plan.plan_year})
    for key in list(site.order):
        body = theme.layout(site.pages[key]).encode(theme.encoding, errors="xmlcharrefreplace")
        site.add_route(site.pages[key].path, body, "html", theme.page_content_type())
    add_sitemap(site)
    site.add_route("/robots.txt", b"User-agent: *\nDisallow: /wp-admin/\n", "txt", "text/plain; charset=utf-8")
    host_dir = Path(sites_dir) / site.host
    (host_dir / "f").mkdir(parents=True, exist_ok=True)
    for name, body in site.bodies.items():
        (host_dir / name).write_bytes(body)
    (host_dir / "404.html").write_bytes(theme.not_found().encode(theme.encoding, errors="xmlcharrefreplace"))
    manifest = {"host": site.host, "platform": plan.platform, "encoding": theme.encoding,
                "not_found": {"file": "404.html", "type": theme.page_content_type()}, "routes": site.routes}
    (host_dir / "routes.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    return {"school_id": a.school_id, "placements": placements,
            "mentoring_page_url": site.pages["mentoring"].path if plan.mentoring_page else None}


def manifest_entry(plan: AuthorityPlan, built: dict) -> dict:
    a = plan.authority
    return {"school_id": a.school_id, "name": a.name, "short_name": a.short_name, "municipality": a.municipality,
            "registry_municipality": a.registry_municipality, "inn": a.inn, "kind": AUTHORITY_KIND,
            "host": plan.host, "platform": plan.platform, "behaviour": plan.behaviour,
            "mentoring_page": plan.mentoring_page, "coordinator_on_page": plan.coordinator_on_page,
            "mentoring_page_url": built.get("mentoring_page_url"), "documents": built.get("placements", [])}
