"""Property tests (hypothesis): URL navigation, registry parsing, municipality names, extractor fuzzing."""

from __future__ import annotations

import csv
import io
import random
from urllib.parse import quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler import navigation as nav
from crawler.diagnosis import url_shape
from eduaudit.municipalities import CITY_OKRUGS, DISTRICT_STEMS, municipality_key
from eduaudit.registry import RegistryError, load_registry

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Each example writes a file: fewer of them.
FILES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# -- URLs ----------------------------------------------------------------------------

label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?", fullmatch=True)
hosts = st.builds(lambda parts, tld: ".".join(parts + [tld]), st.lists(label, min_size=1, max_size=3),
                  st.sampled_from(["ru", "test", "рф", "com"]))
segment = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                  max_size=12).map(lambda s: quote(s, safe=""))
paths = st.lists(segment, max_size=4).map(lambda segs: "/" + "/".join(segs))
queries = st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.from_regex(r"[a-z0-9]{0,8}", fullmatch=True),
                          max_size=3).map(lambda d: "&".join(f"{k}={v}" for k, v in d.items()))
urls = st.builds(lambda scheme, host, port, path, query: f"{scheme}://{host}{port}{path}" + (f"?{query}" if query else ""),
                 st.sampled_from(["http", "https"]), hosts, st.sampled_from(["", ":8080", ":443"]), paths, queries)


@FAST
@given(urls, st.sampled_from(sorted(nav.VIEWER_PARAMS)))
def test_viewer_links_unwrap_to_the_file(url, viewer):
    wrapped = f"https://{viewer}/op/view.aspx?{nav.VIEWER_PARAMS[viewer]}={quote(url, safe='')}&wdOrigin=BROWSELINK"
    assert nav.unwrap_viewer(wrapped) == url
    assert nav.unwrap_viewer(nav.unwrap_viewer(wrapped)) == url


@FAST
@given(urls)
def test_unwrapping_leaves_other_links_alone(url):
    if (urlsplit(url).hostname or "") not in nav.VIEWER_PARAMS:
        assert nav.unwrap_viewer(url) == url


@FAST
@given(hosts, st.sampled_from(["http", "https"]), st.integers(min_value=0, max_value=10 ** 9), st.booleans())
def test_document_cards_become_downloads(host, scheme, number, slash):
    card = f"{scheme}://{host}/file/card{'/' if slash else ''}?id={number}"
    download = nav.card_to_download(card)
    assert download == f"{scheme}://{host}/file/download?id={number}"
    assert nav.is_document_url(download)
    assert nav.card_to_download(download) is None


@FAST
@given(urls, st.sampled_from(nav.DOCUMENT_EXTENSIONS), st.booleans())
def test_file_extensions_make_document_urls(url, extension, upper):
    parts = urlsplit(url)
    path = parts.path.rstrip("/") + "/file" + (extension.upper() if upper else extension)
    assert nav.is_document_url(parts._replace(path=path).geturl())


@FAST
@given(st.text(max_size=200))
def test_any_text_is_judged_without_error(text):
    assert isinstance(nav.is_document_url(text), bool)
    assert isinstance(nav.is_skipped_url(text), bool)
    nav.card_to_download(text)
    nav.unwrap_viewer(text)
    url_shape(text)


@FAST
@given(st.one_of(urls, st.text(max_size=200)))
def test_any_address_is_read_for_its_publisher_without_error(url):
    from audit_rules.site_publisher import authority_site, institution_site, same_host

    found = authority_site(url)
    assert found is None or (found.level in ("regional", "municipal") and found.host)
    # a school's site is never an authority's
    assert found is None or institution_site(url) is None
    # an address is on its own site, and on no other one
    host = same_host(url, url)
    assert host is None or (host and "/" not in host)
    assert same_host(url, "https://another-site.invalid/") is None


@FAST
@given(st.text(max_size=200))
def test_fold_is_a_normal_form(text):
    folded = nav.fold(text)
    assert nav.fold(folded) == folded
    assert folded == folded.strip() and "  " not in folded and "ё" not in folded
    assert folded == folded.lower()


# -- registry --------------------------------------------------------------------------

cell = st.text(alphabet=st.characters(codec="cp1251", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.strip())
school_rows = st.lists(st.tuples(cell, cell, st.sampled_from(DISTRICT_STEMS), urls), min_size=1, max_size=8,
                       unique_by=lambda r: r[0])


@FILES
@given(school_rows, st.sampled_from([(",", "utf-8"), (";", "cp1251"), (";", "utf-8-sig"), ("\t", "utf-8")]))
def test_registry_round_trip(tmp_path_factory, rows, dialect):
    delimiter, encoding = dialect
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["school_id", "name", "municipality", "url"])
    for sid, name, district, url in rows:
        writer.writerow([sid, name, f"{district} район", url])
    path = tmp_path_factory.mktemp("registry") / "registry.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    schools = load_registry(path)
    assert [(s.school_id, s.name, s.url) for s in schools] == [(sid, name, url) for sid, name, _, url in rows]
    assert [s.municipality_key for s in schools] == [municipality_key(d) for _, _, d, _ in rows]


@FILES
@given(st.binary(max_size=400))
def test_registry_garbage_is_refused_with_reasons(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("garbage") / "registry.csv"
    path.write_bytes(data)
    try:
        schools = load_registry(path)
    except RegistryError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
    else:
        assert schools and all(s.school_id and s.url for s in schools)


# -- municipalities ----------------------------------------------------------------------

def _variant(draw_case: str, text: str) -> str:
    return {"upper": text.upper(), "lower": text.lower(), "same": text}[draw_case]


@FAST
@given(st.sampled_from(DISTRICT_STEMS), st.sampled_from(["upper", "lower", "same"]),
       st.sampled_from(["{} район", "{} муниципальный округ", "{} Муниципальный Округ Смоленской области",
                        "  {}   район ", "МО «{} район»", "{}"]), st.booleans())
def test_a_district_has_one_key_whatever_its_form(stem, case, template, yo):
    name = _variant(case, template.format(stem))
    if yo:
        name = name.replace("е", "ё")
    key = municipality_key(name)
    assert key == municipality_key(f"{stem} район")
    assert municipality_key(key) == key


@FAST
@given(st.sampled_from(CITY_OKRUGS), st.sampled_from(["г. {}", "г {}", "город {}", "{}", "городской округ город {}",
                                                      "ГОРОД {}"]))
def test_a_city_has_one_key_whatever_its_form(city, template):
    name = template.format(city.split()[1])
    assert municipality_key(name) == municipality_key(city) == city.lower()


@FAST
@given(st.text(max_size=60))
def test_any_municipality_text_has_a_stable_key(text):
    key = municipality_key(text)
    assert isinstance(key, str)
    assert municipality_key(key) == key


# -- extractor fuzzing ------------------------------------------------------------------------

STATUSES = {"ok", "empty", "unsupported", "failed"}


def _seed_files() -> dict[str, bytes]:
    from tests.helpers.docmaker import TEACHER_REGULATION, docx, text_pdf

    html_page = ("<html><head><meta charset='windows-1251'><title>Наставничество</title></head><body>"
                 + "".join(f"<p>{line}</p>" for line in TEACHER_REGULATION) + "</body></html>")
    rtf = r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Arial;}}\f0 " + "".join(
        "\\'" + format(b, "02x") for b in "Положение о наставничестве".encode("cp1251")) + r"\par}"
    return {"polozhenie.pdf": text_pdf(TEACHER_REGULATION[:6]), "polozhenie.docx": docx(TEACHER_REGULATION[:6]),
            "polozhenie.html": html_page.encode("cp1251"), "polozhenie.rtf": rtf.encode("ascii")}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip, drop, duplicate or cut bytes, the way transfers and broken CMSs do."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["flip", "drop", "dup", "cut", "zero"])
        if not data:
            break
        at = rng.randrange(len(data))
        span = rng.randint(1, 64)
        if kind == "flip":
            data[at] ^= 1 << rng.randrange(8)
        elif kind == "drop":
            del data[at:at + span]
        elif kind == "dup":
            data[at:at] = data[at:at + span]
        elif kind == "cut":
            del data[at:]
        else:
            data[at:at + span] = bytes(min(span, len(data) - at))
    return bytes(data)


# A fixed number of mutated files, so every machine tries the same ones (seeded).
FUZZ_EXAMPLES = 200


def test_extractors_survive_mutated_files():
    from eduaudit.extraction import extract_bytes

    rng = random.Random(20261101)
    seeds = _seed_files()
    for _ in range(FUZZ_EXAMPLES):
        name, data = rng.choice(sorted(seeds.items()))
        mutated = mutate(data, rng)
        result = extract_bytes(mutated, filename=name, content_type=rng.choice([None, "application/pdf", "text/html"]))
        assert result.status in STATUSES, (name, result)
        assert isinstance(result.text, str)
        assert result.status == "ok" or result.error, (name, result)


def test_extraction_pool_survives_mutated_files(tmp_path):
    from eduaudit.extraction import extract_many

    rng = random.Random(66)
    jobs = []
    for i, (name, data) in enumerate(sorted(_seed_files().items()) * 3):
        path = tmp_path / f"{i}.bin"
        path.write_bytes(mutate(data, rng))
        jobs.append((str(i), path, name, None))
    results = dict(extract_many(jobs, workers=2, timeout=30.0))
    assert set(results) == {key for key, *_ in jobs}
    assert all(r.status in STATUSES for r in results.values())


@pytest.mark.parametrize("name", ["polozhenie.pdf", "polozhenie.docx", "polozhenie.html", "polozhenie.rtf"])
def test_unmutated_seeds_extract(name):
    from eduaudit.extraction import extract_bytes

    assert extract_bytes(_seed_files()[name], filename=name).status == "ok"
