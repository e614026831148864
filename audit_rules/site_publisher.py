"""Who publishes a site, as far as its address tells: an education authority or its methodical service.

A news page of a district's department, its methodical centre or a region's institute of
education development often names no body at all: «В Методическом центре открылась Школа
молодого учителя», «Проект наставничества стартовал в декабре в районе». The same words on a
school's site would be the school's news. What tells them apart is where the page lives, and
Russian authorities name their sites after what they are: «uo-…» and «…ruo» (управление
образования), «obrazovanie-…», «…imc»/«nmc-…» (методический центр), «cro»/«…цро» (центр
развития образования), «…iro» (институт развития образования), «cnppm», «minobr…», «…admin…».
Schools hosted on a platform or an authority's domain carry their own name in the leftmost
labels («mdou72.beluo31.ru», «turi-sosh-1.obr57.ru»), and those are schools' sites.

A portal of many bodies names them in its folders instead («…gov.ru/ministries/minobr/»,
«edu.….ru/mouo-…/»); a newsroom names itself («…-news», «vesti…»), and its retelling of a
department's seminar is its own page, not the department's.

Only the address is read here; `audit_rules.classifier` decides what it weighs (a page with no
document in it, of no school's own voice).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# A label (between dots or hyphens, digits dropped) that names a region's body.
REGIONAL_LABEL_RE = re.compile(
    r"^(?:[a-z]{0,3}iro|iro[a-z]{0,3}|irpo[a-z]{0,3}|ipk[a-z]{0,3}|ippk[a-z]{0,3}|cpk|cnppm|[a-z]*minobr[a-z]*"
    r"|[a-z]*minpros[a-z]*|depobr[a-z]*"
    r"|[а-я]{0,3}иро|ипк[а-я]{0,3}|цнппм|минобр[а-я]*|минпрос[а-я]*)$")
# ... a municipality's education body or its methodical service.
MUNICIPAL_LABEL_RE = re.compile(
    r"^(?:uo[a-z]*|[a-z]*uo|[a-z]*rono|komobr[a-z]*|obraz[a-z]*|obr"
    r"|[a-z]*[inrgm]mc|mc|imc[a-z]*|nmc[a-z]*|[a-z]{0,2}cro|[a-z]*admin[a-z]*|adm[a-z]*|[a-z]*adm"
    r"|уо[а-я]*|[а-я]*уо|[а-я]*роно|комобр[а-я]*|образовани[а-я]*|адм[а-я]*"
    r"|[а-я]*[инрмг]мц|имц[а-я]*|[а-я]{0,3}цро|[а-я]*администраци[а-я]*)$")
# A path's folder that names an authority on a portal of many («/ministries/minobr/»,
# «/mouo-gornomari/», «/upravlenie-obrazovaniya/»): its first word, in a folder of two words at
# most (a news headline's slug is longer). Narrower than a host's labels, as schools' own
# sections are called «obrazovanie» and «administraciya».
REGIONAL_FOLDER_RE = re.compile(r"^(?:minobr[a-z]*|minpros[a-z]*|depobr[a-z]*|минобр[а-я]*|минпрос[а-я]*)$")
MUNICIPAL_FOLDER_RE = re.compile(r"^(?:[a-z]*uo|[a-z]*rono|komobr[a-z]*|[а-я]*уо|[а-я]*роно|комобр[а-я]*)$")
# A section «для жителей» («dlya-zhiteley», «zhitelyam»): an administration's site, as a school's
# menu speaks to parents and pupils, not to residents.
RESIDENTS_FOLDER_RE = re.compile(r"^(?:dlya-)?(?:zhitel[a-z]*|naseleni[a-z]*)$|^(?:для-)?(?:жител[а-я]*|населени[а-я]*)$")
EDUCATION_BODY_FOLDER_RE = re.compile(
    r"^(?:upravlenie|otdel|komitet|управление|отдел|комитет)-(?:po-|по-)?(?:obrazovani|образовани)")
AUTHORITY_FOLDERS = 3

# A label that names a school, kindergarten or college: the site is that institution's, whatever
# domain hosts it.
INSTITUTION_LABEL_RE = re.compile(
    r"^(?:sh|shk|sc?h|[a-z]*school[a-z]*|shkol[a-z]*|s[ck]ool[a-z]*|sosh|oosh|nosh|gimn[a-z]*|gymn[a-z]*|lic[a-z]*"
    r"|lyc[a-z]*|licei|licej|ds|d?sad[a-z]*|detsad[a-z]*|dou|mdou|mbdou|madou|mou|mbou|maou|mkou|gbou"
    r"|ddt|cdt|dshi|dush|college|kolledzh|koll|tehnikum|tekhnikum|politeh[a-z]*"
    r"|школ[а-я]*|сош|оош|гимнази[а-я]*|лице[а-я]*|детсад|сад[а-я]*|доу|мбоу|мбдоу|колледж|техникум)$")
# A newsroom's label: the site reports on education, whatever body its news quotes.
_NEWSROOM_WORDS = r"news|novosti|vesti|gazeta|media|press|smi|tv|radio|новости|вести|газета|медиа|пресс|сми|тв|радио"
NEWSROOM_LABEL_RE = re.compile(rf"^(?:{_NEWSROOM_WORDS})$")
# A label that names a guide or a newsroom: a service about education, not its authority
# («obrazovanie-gid»).
SERVICE_LABEL_RE = re.compile(
    rf"^(?:gid|guide|blog|wiki|journal|zhurnal|help|expert|гид|блог|журнал|{_NEWSROOM_WORDS})$")
# The registrable part's last label and what stands for it: not the publisher's name.
# Labels that stand before a site's own name without naming anyone.
# («sv.», «special.»: the version for the visually impaired of the same site)
GENERIC_LABELS = frozenset({"www", "m", "old", "new", "online", "mobile", "sv", "special", "bvi"})
# A subsite named after a topic («наставничество.уицро.рф», «nastavnik.…»): its publisher is the
# site it is a part of, named in the next label.
TOPIC_LABEL_RE = re.compile(r"^(?:nastavni[a-z]*|metod[a-z]*|наставни[а-я]*|метод[а-я]*)$")
SUFFIX_LABELS = frozenset({"ru", "su", "com", "org", "net", "info", "рф", "by", "kz", "ua", "pro", "edu", "gov"})


@dataclass(frozen=True)
class AuthoritySite:
    """An education authority's (or its methodical service's) site, read from its address."""
    level: str      # "regional" or "municipal"
    host: str       # the host (with the portal's folder that names the body), as evidence

    def quote(self) -> str:
        return f"сайт органа управления образованием или методической службы: {self.host}"


def _host(url: str) -> str:
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    host = host.lower().removeprefix("www.")
    try:
        return host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        return host


def _names(host: str) -> list[str]:
    """The host's labels that name someone (no «www.», no «.ru»), leftmost first; [] for none."""
    if not host or re.fullmatch(r"[\d.:]+|localhost", host):
        return []
    return [label for label in host.split(".") if label not in SUFFIX_LABELS and label not in GENERIC_LABELS]


def _parts(label: str) -> list[str]:
    return [part for part in re.split(r"[-_]+", re.sub(r"\d+", "-", label)) if part]


def institution_site(url: str | None) -> str | None:
    """The host of `url` when any of its labels names a school, kindergarten or college (or a
    platform of schools' sites, «…school.ru»), else None."""
    host = _host(url or "")
    if any(INSTITUTION_LABEL_RE.match(part) for label in _names(host) for part in _parts(label)):
        return host
    return None


def authority_site(url: str | None) -> AuthoritySite | None:
    """The authority whose site `url` is on, or None (a school's site, a newsroom's, unknown).

    Only the leftmost label names the site: an authority's domain also hosts its schools' and
    colleges' sites («kamenka.minobr63.ru», «mezpk-prof.obr57.ru»), and those are theirs.
    """
    host = _host(url or "")
    names = _names(host)
    if not names:
        return None
    if any(INSTITUTION_LABEL_RE.match(part) or SERVICE_LABEL_RE.match(part)
           for label in names for part in _parts(label)):
        return None
    while len(names) > 1 and all(TOPIC_LABEL_RE.match(part) for part in _parts(names[0])):
        names = names[1:]
    own = _parts(names[0])
    if any(REGIONAL_LABEL_RE.match(part) for part in own):
        return AuthoritySite("regional", host)
    if any(MUNICIPAL_LABEL_RE.match(part) for part in own):
        return AuthoritySite("municipal", host)
    return _authority_folder(url or "", host)


def _authority_folder(url: str, host: str) -> AuthoritySite | None:
    """The authority a portal's folder names, when no folder above the page names an institution."""
    try:
        path = unquote(urlsplit(url if "//" in url else "//" + url).path).lower()
    except ValueError:
        return None
    found = None
    for folder in [folder for folder in path.split("/") if folder][:AUTHORITY_FOLDERS]:
        parts = _parts(folder)
        if any(INSTITUTION_LABEL_RE.match(part) for part in parts):
            return None
        words = folder.replace("_", "-")
        if EDUCATION_BODY_FOLDER_RE.match(words) or RESIDENTS_FOLDER_RE.match(words):
            found = ("municipal", folder)
        elif parts and len(parts) <= 2 and REGIONAL_FOLDER_RE.match(parts[0]):
            found = ("regional", folder)
        elif parts and len(parts) <= 2 and MUNICIPAL_FOLDER_RE.match(parts[0]):
            found = ("municipal", folder)
    if found is None:
        return None
    level, folder = found
    return AuthoritySite(level, host + path[:path.index(folder) + len(folder)])


def newsroom_site(url: str | None) -> str | None:
    """The host of `url` when one of its labels names a newsroom («tver-news», «vesti35»), else None."""
    host = _host(url or "")
    if any(NEWSROOM_LABEL_RE.match(part) for label in _names(host) for part in _parts(label)):
        return host
    return None


def same_host(url: str | None, site: str | None) -> str | None:
    """The host of `url` when `site` is on the same host, else None."""
    host = _host(url or "")
    return host if host and host == _host(site or "") else None
