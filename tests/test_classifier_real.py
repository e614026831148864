"""The classifier on the shapes real documents take, and on real excerpts of real school sites.

Two sources, as issue 18 asks for each failure class: texts we wrote in those shapes
(tests/helpers/real_patterns.py) and the labelled real excerpts of ../shared/real_docs/dev.jsonl, read
from there (CI has ../shared beside the checkout), never copied into the repo. The real examples
named below are of the "dev" half; the "kept" half is only scored, never asserted one by one.
"""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from audit_rules import lexicon
from audit_rules.classifier import UNDECIDED_REASON, classify
from audit_rules.text_features import prepare, reline, to_match
from tests.helpers import real_patterns as texts
from tests.helpers.scriptkit import load_script

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real_docs" / "dev.jsonl"


acc = load_script("classifier_accuracy")


def audit_class_of(text: str) -> str:
    return acc.predicted_audit_class(classify(text))


@pytest.fixture(scope="module")
def real() -> dict[str, dict]:
    assert REAL.exists(), f"the shared real set is expected beside the checkout: {REAL}"
    return {row["id"]: row for row in acc.load_real(REAL)}


# ---------------------------------------------------------------------------------------------
# our own texts, one per failure class

@pytest.mark.parametrize("name, expected", [
    ("FOUNDER_LETTERHEAD_REGULATION", "staff_regulation"),
    ("FILE_CARD_NUMBERED_REGULATION", "staff_regulation"),
    ("MID_DOCUMENT_STAFF_REGULATION", "staff_regulation"),
    ("LEGAL_PORTAL_REGIONAL_ORDER", "external"),
    ("MUNICIPAL_TEMPLATE_REGULATION", "external"),
    ("PROGRAMME_WITHOUT_PERSONALISED", "programme"),
    ("OCR_ORDER", "order"),
    ("OCR_REGULATION", "staff_regulation"),
    ("ORDER_WITH_REGULATION_ANNEX", "order"),
    ("REGULATION_WITH_ROADMAP_ANNEX", "staff_regulation"),
    ("STUDENT_MODEL_WITH_TEACHER_FORM", "staff_regulation"),
    ("KINDERGARTEN_REGULATION", "staff_regulation"),
    ("COLLEGE_STUDENTS_REGULATION", "students_regulation"),
    ("SCHOOL_ORDER_UNDER_FOUNDER", "order"),
    ("CIVIL_SERVICE_REGULATION", "other"),
    ("YOUNG_SPECIALIST_PROGRAMME", "programme"),
    ("STAFF_HEADING_OVER_STUDENTS_BODY", "staff_regulation"),
    ("TERRITORY_WORK_PLAN", "external"),
    ("KINDERGARTEN_ORDER", "order"),
    ("SPACED_ORDER", "order"),
    ("ORDER_EXTRACT", "order"),
    ("BROKEN_SPACING_REGULATION", "staff_regulation"),
    ("YOUNG_SPECIALIST_ORDER", "order"),
    ("ORDER_EXCERPT_NO_HEADING", "order"),
    ("ROADMAP_PIPE", "roadmap"),
    ("ROADMAP_CELLS_PER_LINE", "roadmap"),
    ("STUDENTS_ROADMAP", "roadmap"),
    ("PERSONAL_PROGRAMME", "programme"),
    ("MENTOR_WORK_PLAN", "programme"),
    ("MENTOR_NAMED_WORK_PLAN", "programme"),
    ("INDIVIDUAL_DEVELOPMENT_PLAN", "programme"),
    ("PORTAL_COPY_WITHOUT_LETTERHEAD", "external"),
    ("MINISTRY_ORDER_BY_SHORT_NAME", "external"),
    ("AUTHORITY_NEWS_PAGE", "external"),
    ("AUTHORITY_FOOTER_NEWS", "external"),
    ("MEDIA_FOOTER_NEWS", "other"),
    ("COMMITTEE_ANNOUNCES", "external"),
    ("PORTAL_BANNER_OVER_CITY_REGULATION", "external"),
    ("STUDENTS_MODEL_CITING_TEACHER_LETTER", "staff_regulation"),
    ("MATERIALS_SITE_PREVIEW", "programme"),
    ("YOUNG_TEACHERS_WORK_PLAN", "roadmap"),
    ("YOUNG_TEACHERS_PLAN_WITHOUT_MENTORS", "other"),
    ("ROADMAP_STAGES_EXCERPT", "roadmap"),
    ("PROGRAMME_CONTENT_EXCERPT", "programme"),
    ("FLAT_ORDER_INLINE_SUBJECT", "order"),
    ("FLAT_PROGRAMME_CAPS_SECTION", "programme"),
    ("FLAT_PROGRAMME_AFTER_LETTERHEAD", "programme"),
    ("FLAT_REGIONAL_ORDER_WITH_ANNEX", "external"),
    ("FLAT_REGIONAL_PROJECT_ORDER", "external"),
    ("POLICE_MENTORING_ORDER", "other"),
    ("DALEE_EXCERPT_STUDENTS", "students_regulation"),
    ("SELF_NAMED_REGULATION_EXCERPT", "staff_regulation"),
    ("REFERENCE_LEFT_OVER_TITLE", "staff_regulation"),
    ("REFERENCES_CHAIN_OVER_TITLE", "staff_regulation"),
    ("NEUTER_VERB_STUDENTS_EXCERPT", "students_regulation"),
    ("GARBLED_HEADING_BOTH_SCOPES", "staff_regulation"),
    ("GLOSSARY_CLAUSES_EXCERPT", "staff_regulation"),
    ("DEPARTMENT_PLAN_TITLE_OVER_LINES", "external"),
    ("SCHOOL_PAGE_LISTING_ACTS", "other"),
    ("REGIONAL_ORDER_EXCERPT", "external"),
    ("INSTITUTE_FEATURE_NAMES_SCHOOLS", "external"),
    ("FLAT_INSTITUTE_TARGET_PROGRAMME", "external"),
    ("METHODICAL_CENTRE_COURSE", "external"),
    ("GOVERNMENT_PAY_BONUS_FOR_MENTORS", "external"),
    ("MUNICIPAL_CONTEST_REGULATION_CUT", "external"),
    ("FLAT_PERSONAL_PROGRAMME", "programme"),
    ("FLAT_SHORT_ORDER_WITH_MENTOR_CLAUSE", "order"),
    ("ORDER_CLAUSES_BELOW_A_LOST_HEADING", "order"),
    ("FLAT_KINDERGARTEN_PLAN_OF_MEASURES", "roadmap"),
    ("YOUNG_SPECIALISTS_REGULATION_ASSIGNS_MENTORS", "staff_regulation"),
    ("YOUNG_TEACHERS_SCHOOL_REGULATION", "other"),
    ("COLLEGE_STUDENTS_REGULATION_CITING_LABOUR_CODE", "students_regulation"),
    ("REGULATION_CITING_LABOUR_CODE_ARTICLE", "staff_regulation"),
    ("FILE_NAME_OVER_REGULATION_EXCERPT", "staff_regulation"),
    ("PROGRAMME_PREVIEW_WITH_PASSPORT", "programme"),
    ("AUTHORED_ARTICLE_ON_PORTAL", "other"),
    ("FLAT_PROGRAMME_TITLE_PAGE", "programme"),
    ("PROGRAMME_FROM_EXPLANATORY_NOTE", "programme"),
    ("PROGRAMME_CONTENTS_EXCERPT", "programme"),
    ("ORDER_ON_A_FORM_NARROW", "order"),
    ("WRAPPED_REGIONAL_ORDER", "external"),
    ("CARD_NAME_OVER_LATER_PART", "staff_regulation"),
    ("LATIN_CARD_NAME_OVER_LATER_PART", "staff_regulation"),
    ("GLUED_TRAINING_CENTRE_RECOMMENDATIONS", "external"),
    ("PROGRAMME_UNDER_MATERIALS_SITE_MENU", "programme"),
    ("MINISTRY_MENTORING_OF_ITS_STAFF", "other"),
    ("JUVENILES_PREVENTION_MENTORING", "other"),
    ("FILE_SHARING_PREVIEW_REGULATION", "staff_regulation"),
    ("FILE_SHARING_PREVIEW_LATER_PART", "staff_regulation"),
    ("JOURNAL_ARTICLE_ON_A_TARGET_MODEL", "other"),
    ("JOURNAL_ARTICLE_BY_A_TOWN_CENTRE", "other"),
    ("PREVIEW_OUTLINE_OVER_REGULATION", "staff_regulation"),
    ("ANNEX_FORM_OF_A_COMMITTEE_REGULATION", "other"),
    ("NEWS_LEAD_REPEATED", "other"),
    ("APPROVAL_WITHOUT_ITS_OPENER", "staff_regulation"),
    ("GLUED_CLAUSE_NUMBERS_EXCERPT", "staff_regulation"),
    ("SECTION_HEADING_BELOW_SUBCLAUSES", "staff_regulation"),
    ("BARE_PROTOCOL_OVER_APPROVAL", "students_regulation"),
    ("APPROVAL_FORM_WITH_CAPTIONS", "staff_regulation"),
])
def test_shapes_of_real_documents(name, expected):
    assert audit_class_of(getattr(texts, name)) == expected


def test_the_founder_above_a_school_is_not_the_issuer():
    for text in (texts.FOUNDER_LETTERHEAD_REGULATION, texts.SCHOOL_ORDER_UNDER_FOUNDER,
                 texts.CREATIVITY_HOUSE_UNDER_FOUNDER):
        assert classify(text).issuer == "school"


def test_the_order_subject_in_quotes_is_its_title():
    result = classify(texts.SCHOOL_ORDER_UNDER_FOUNDER)
    assert result.about_mentoring and "Об организации наставничества" in (result.title or "")


def test_an_order_approving_a_regions_regulation_is_the_regions():
    # the preamble cites a government act; the order's own clause names the region it is for
    got = classify(texts.REGIONAL_ORDER_EXCERPT)
    assert (got.doc_type, got.issuer) == ("order", "regional")
    assert any("в Брянской области" in quote for quote in got.evidence)


def test_several_documents_in_one_file_are_each_listed():
    assert classify(texts.ORDER_WITH_REGULATION_ANNEX).contains == ["regulation"]
    assert classify(texts.REGULATION_WITH_ROADMAP_ANNEX).contains == ["roadmap"]
    # a blank form annexed to the regulation is not a programme of anyone's
    assert classify(texts.REGULATION_WITH_BLANK_PROGRAMME_FORM).contains == []


def test_students_model_with_a_staff_form_covers_both_and_says_why():
    result = classify(texts.STUDENT_MODEL_WITH_TEACHER_FORM)
    assert result.audience == "both"
    assert any("учитель – учитель" in quote for quote in result.evidence)


def test_mentoring_of_civil_servants_is_not_a_school_document():
    result = classify(texts.CIVIL_SERVICE_REGULATION)
    assert not result.about_mentoring and result.doc_type == "other"


def test_an_undecidable_text_is_other_with_low_confidence_and_a_reason():
    text = ("В нашей школе наставничество помогает молодым учителям. Наставник посещает уроки наставляемого "
            "и обсуждает с ним, что получилось. ") * 4 + "Опытные учителя охотно делятся опытом с коллегами."
    result = classify(text)
    assert result.about_mentoring and acc.predicted_audit_class(result) == "other"
    assert result.confidence <= 0.4
    assert result.evidence[0] == UNDECIDED_REASON


def test_a_text_about_something_else_is_other_without_that_reason():
    result = classify("Положение о группе продлённого дня\n1. Общие положения\n1.1. Группа продлённого дня "
                      "открывается приказом директора для обучающихся 1-4 классов.")
    assert acc.predicted_audit_class(result) == "other" and UNDECIDED_REASON not in result.evidence


# ---------------------------------------------------------------------------------------------
# real excerpts (dev half), by failure class

@pytest.mark.parametrize("ident, expected", [
    ("d116", "order"),                  # a school's order under the founder's letterhead, subject in quotes
    ("d045", "staff_regulation"),       # students' model plus mentoring under the Labour Code: covers staff
    ("d100", "other"),                  # a governor's resolution on mentoring of civil servants
    ("d031", "external"),               # a regional order re-published on a legal portal
    ("d032", "external"),               # a regional regulation under the portal's banner
    ("d014", "staff_regulation"),       # an excerpt that starts mid-document, flattened
    ("d110", "programme"),     # a kindergarten's programme for young teachers
    ("d021", "programme"),     # ... under the kindergarten's letterhead and address
    ("d028", "staff_regulation"),       # approval block above the title
    ("d109", "staff_regulation"),       # a digital signature stamp above the title
    ("d047", "students_regulation"),    # «Приложение №2 к приказу» above a students' regulation
    ("d079", "staff_regulation"),       # OCR: the heading word broken unevenly by spaces, the title garbled
    ("d078", "students_regulation"),    # OCR: the number sign and the Р-145 citation garbled
    ("d011", "order"),                  # a kindergarten's order under its letterhead
    ("d082", "other"),                  # a kindergarten's page on the Year of the Teacher and Mentor
])
def test_real_excerpts(real, ident, expected):
    row = real[ident]
    assert acc.site_half(row["url"]) == "dev"
    assert acc.REAL_LABEL_CLASS[row["label"]] == expected
    assert audit_class_of(row["excerpt"]) == expected


@pytest.mark.parametrize("ident", ["d031", "d116", "d118", "d028", "d109"])
def test_real_excerpts_flattened_into_one_line_keep_their_class(real, ident):
    # Stored pages often give a text layer as one line: the title, the approval block and the
    # clauses must be found in it again (a regional order with its annex, a school's order with its
    # subject in quotes on the heading's line, a regulation under «Рассмотрено … Утверждено …»).
    row = real[ident]
    assert acc.site_half(row["url"]) == "dev"
    flat = " ".join(row["excerpt"].split())
    assert audit_class_of(flat) == acc.REAL_LABEL_CLASS[row["label"]]


@pytest.mark.parametrize("ident", ["d045", "d092"])
def test_real_excerpts_cut_by_a_third_keep_their_issuer(real, ident):
    # Cut above the title: a trade-union block left unsigned («Председатель ПК / Пр. № ___ от ___ /
    # ______») is a place to sign, not a blank model; the clauses' wrapped lines naming federal
    # acts are no letterhead.
    row = real[ident]
    assert acc.site_half(row["url"]) == "dev"
    assert audit_class_of(acc.reshaped(row["excerpt"], "cut")) == acc.REAL_LABEL_CLASS[row["label"]]


@pytest.mark.parametrize("name", sorted(acc.SEED_CLASSES))
def test_seed_documents(name):
    # ../shared/seeds: a school's own regulation that cites the city's and the region's acts and
    # speaks of «образовательных организаций города» is still the school's; the regional
    # operator's report, a city's work plan (its title over four lines), an analysis that opens
    # by naming the city department's plan it comes from, and a district's programme are the
    # authorities'.
    text = (acc.DEFAULT_SEEDS / name).read_text(encoding="utf-8")
    assert audit_class_of(text) == acc.SEED_CLASSES[name]


# ---------------------------------------------------------------------------------------------
# the measurement itself

def test_halves_are_fixed_by_site_and_both_scored(real):
    halves = {}
    for row in real.values():
        half = acc.site_half(row["url"])
        host = row["url"].split("/")[2].removeprefix("www.")
        assert halves.setdefault(host, half) == half
    assert set(halves.values()) == {"dev", "kept"}
    assert acc.site_half("https://www.School.example/a") == acc.site_half("https://school.example/b")


def test_real_set_report_covers_every_labelled_excerpt(real, capsys):
    result = acc.main(["--real", str(REAL), "--show", "0"])
    scored = [r for r in real.values() if r["label"] != "unsure"]
    assert result["n_documents"] == len(scored)
    metrics = result["metrics"]
    assert metrics["dev"]["n"] + metrics["kept"]["n"] == metrics["all"]["n"] == len(scored)
    for name in ("all", "dev", "kept"):
        assert set(metrics[name]["classes"]) == set(acc.AUDIT_CLASSES)
    out = capsys.readouterr().out
    assert "audit class, kept" in out and "expected / got" in out


def test_reshaped_excerpts_are_flattened_or_cut_by_a_third():
    text = "ПОЛОЖЕНИЕ\nо наставничестве\n\n1. Общие положения\n1.1. Первый пункт.\n1.2. Второй пункт.\n"
    assert acc.reshaped(text, "flat") == "ПОЛОЖЕНИЕ о наставничестве 1. Общие положения 1.1. Первый пункт. 1.2. Второй пункт."
    # five non-blank lines: the first one (a third, rounded down) goes
    assert acc.reshaped(text, "cut") == "о наставничестве\n1. Общие положения\n1.1. Первый пункт.\n1.2. Второй пункт."


def test_the_corpus_is_read_reshaped_too(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(texts.PAIR_PLAN_EXCERPT.format(heading="ПЛАН РАБОТЫ НАСТАВНИЧЕСКОЙ ПАРЫ"),
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Список учебников на 2024/2025 учебный год\n1. Азбука\n2. Математика\n",
                                    encoding="utf-8")
    (tmp_path / "labels.csv").write_text("file,doc_type,audience,issuer,about_mentoring,note\n"
                                         "a.txt,program,teachers,school,true,\nb.txt,other,unknown,unknown,false,\n",
                                         encoding="utf-8")
    result = acc.main(["--reshape", "--corpus", str(tmp_path)])
    assert result["excerpts"] == 2 and result["right_as_given"] == 2
    assert set(result) >= set(acc.RESHAPES) and result["ocr"]["stay_right"] == 2
    assert "right as given: 2 of 2" in capsys.readouterr().out


def test_wrapped_and_chrome_reshapes():
    text = "1.1. Настоящее положение определяет порядок наставничества педагогических работников школы."
    wrapped = acc.reshaped(text, "wrapped")
    assert max(len(ln) for ln in wrapped.split("\n")) <= acc.WRAP_CHARS and " ".join(wrapped.split()) == text
    assert acc.reshaped(text, "chrome").endswith("\n" + text) and acc.reshaped(text, "chrome") != text


def test_ocr_reshape_is_the_same_for_the_same_excerpt_and_keeps_its_length_in_letters():
    text = "Положение о системе наставничества педагогических работников школы"
    once, again = acc.reshaped(text, "ocr", "d001"), acc.reshaped(text, "ocr", "d001")
    assert once == again and once != text
    assert len(once.replace(" ", "")) == len(text.replace(" ", ""))
    assert any(ch in "aeopcxy" for ch in once)


def test_reshape_report_counts_the_dev_half(real, capsys):
    result = acc.main(["--real", str(REAL), "--reshape", "--half", "dev"])
    dev = [r for r in real.values() if r["label"] in acc.REAL_LABEL_CLASS and acc.site_half(r["url"]) == "dev"]
    assert result["excerpts"] == len(dev)
    for how in acc.RESHAPES:
        assert result[how]["stay_right"] + len(result[how]["changed"]) == result["right_as_given"]
        assert set(result[how]["changed"]) <= {r["id"] for r in dev}
    out = capsys.readouterr().out
    for how in acc.RESHAPES:
        assert f"  {how:<7} stay right" in out


def test_real_set_floor(real):
    """A regression floor, far below the figures in the README: a change that loses real texts fails."""
    records = acc.run_real(list(real.values()))
    metrics = acc.evaluate_real(records)
    assert metrics["all"]["accuracy"] >= 0.85
    assert metrics["dev"]["macro_f1"] >= 0.85


def test_a_malformed_real_line_names_its_number(tmp_path):
    bad = tmp_path / "set.jsonl"
    good = json.dumps({"id": "x1", "url": "https://a.example/", "label": "other", "excerpt": "текст"})
    bad.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:2"):
        acc.load_real(bad)
    bad.write_text(json.dumps({"id": "x1", "url": "u", "label": "memo", "excerpt": "т"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown label 'memo'"):
        acc.load_real(bad)


def test_dev_half_can_be_scored_with_models_that_never_saw_it(capsys):
    result = acc.main(["--real", str(REAL), "--folds", "2", "--show", "0"])
    assert "trained without the excerpt's fold" in capsys.readouterr().out
    assert result["metrics"]["dev"]["n"] > 0


# ---------------------------------------------------------------------------------------------
# text normalisation the real shapes need

def test_a_flattened_layer_is_broken_again_where_its_parts_begin():
    flat = ("Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 9» ПРИНЯТО педагогическим "
            "советом протокол № 1 от 30.08.2023 УТВЕРЖДАЮ Директор школы Н.Н. Кузнецова приказ № 77 от 31.08.2023 "
            "ПОЛОЖЕНИЕ о наставничестве педагогических работников 1. Общие положения 1.1. Положение определяет "
            "порядок наставничества в школе. 1.2. Наставник назначается приказом директора на один год из числа "
            "учителей, имеющих высшую категорию, и закрепляется за молодым специалистом с его согласия.")
    relined = reline(flat)
    assert len(relined) == len(flat)
    lines = relined.split("\n")
    assert [ln.split()[0] for ln in lines] == ["Муниципальное", "ПРИНЯТО", "УТВЕРЖДАЮ", "ПОЛОЖЕНИЕ", "1.", "1.1.", "1.2."]
    assert reline("короткая строка ПОЛОЖЕНИЕ 1.1. текст") == "короткая строка ПОЛОЖЕНИЕ 1.1. текст"
    # a short order flattened is read by its parts too (its whole text is under 250 characters)
    short = texts.FLAT_SHORT_ORDER_WITH_MENTOR_CLAUSE
    assert len(short) < 250 and [ln.split()[0] for ln in reline(short).split("\n")] == [
        "ПРИКАЗ", "ПРИКАЗЫВАЮ:", "1.", "2.", "3."]
    result = classify(flat)
    assert (result.doc_type, result.audience, result.issuer) == ("regulation", "teachers", "school")
    assert result.title == "Положение о наставничестве педагогических работников"


def test_a_flattened_list_of_links_is_broken_before_each_title():
    flat = ("Главная Наставничество Положение о системе наставничества в МБДОУ «Детский сад № 4 «Ромашка» "
            "Приказ о закреплении наставнических пар на 2023-2024 учебный год Приказ о назначении куратора "
            "наставничества Положение о наставничестве (скан) Приказ от 01.09.2023 № 51 по личному составу")
    lines = reline(flat).split("\n")
    # after the closing quote of a school's name, an order's title starts a line of its own
    assert lines[0].endswith("«Ромашка»") and lines[1].startswith("Приказ о закреплении наставнических пар")


def test_match_string_keeps_every_position():
    text = "ЁЛКА «Наставник» — İstanbul – 3273‑р"
    assert len(to_match(text)) == len(text)
    assert to_match(text).startswith('елка "наставник" - ')


def test_match_string_folds_every_dash_quote_and_yo():
    text = "Ёлка ёж \u2010\u2011\u2012\u2013\u2014\u2015\u2212 «»“”„‟\"'‘’‚ Приказ"
    assert to_match(text) == 'елка еж ------- """"""""""" приказ'


@pytest.mark.parametrize("line, leader", [
    ("Общие положения . . . . . 3", True),
    ("Общие положения.....3", True),
    ("Общие положения....3", False),           # four dots: an ellipsis and a full stop, not a leader
    ("Цели программы……5", True),
    ("Цели программы… … …7", True),
    ("Цели программы…. …. …7", False),
    ("Цели программы… …", False),
])
def test_a_contents_leader_is_five_dots_or_ellipses(line, leader):
    from audit_rules.doc_metadata import _LEADER_RE
    assert bool(_LEADER_RE.search(line)) is leader


def test_markdown_emphasis_around_a_heading_is_dropped():
    assert prepare("**План работы\nклуба наставников**").lines == ["План работы", "клуба наставников"]


def test_ocr_readings_of_the_number_sign_and_the_annex_line():
    order = classify(texts.OCR_ORDER)
    assert (order.date, order.number) == ("2023-09-02", "141-од")
    regulation = classify(texts.OCR_REGULATION)
    assert (regulation.date, regulation.number) == ("2022-08-30", "117")


def test_the_file_card_number_before_a_title_is_not_part_of_it(real):
    result = classify(texts.FILE_CARD_NUMBERED_REGULATION)
    assert result.title == "Положение о системе наставничества педагогических работников"
    assert result.confidence >= 0.9     # read from its heading, not guessed from the body
    card = classify(real["d016"]["excerpt"])    # «35_ПОЛОЖЕНИЕ О СИСТЕМЕ НАСТАВНИЧЕСТВА (pdf.io)»
    assert acc.predicted_audit_class(card) == "staff_regulation" and not card.title.startswith("35")


def test_classify_command_reads_excerpts_and_shows_the_model_s_words(tmp_path):
    import subprocess

    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text(texts.MID_DOCUMENT_STAFF_REGULATION, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "eduaudit.cli", "classify", str(excerpt)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    record = json.loads(proc.stdout)
    assert (record["doc_type"], record["audience"]) == ("regulation", "teachers")
    assert record["model"]["audit_class"] == "staff_regulation"
    assert record["model"]["deciding"] and 0 < record["model"]["probability"] <= 1


@pytest.mark.parametrize("broken, repaired", [
    ("ПОЛОЖ ЕН И Е о наставнике молодых специалистов", "ПОЛОЖЕНИЕ о наставнике молодых специалистов"),
    ("ПРИ КАЗ ПО ШКОЛЕ", "ПРИКАЗ ПО ШКОЛЕ"),
    ("УТВЕРЖ ДАЮ Директор", "УТВЕРЖДАЮ Директор"),
    ("МБОУ СОШ № 3", "МБОУ СОШ № 3"),                 # capitals that make no heading word stay apart
    ("О НАС ТАВНИКАХ", "О НАС ТАВНИКАХ"),
    # a capitalised heading word broken at the start of a line
    ("По ложение о наставничестве", "Положение о наставничестве"),
    ("Прик аз № 12 от 01.09.2024", "Приказ № 12 от 01.09.2024"),
    ("План работы наставника", "План работы наставника"),    # two words that make no heading word
    ("По итогам года", "По итогам года"),
])
def test_ocr_broken_heading_words_are_glued(broken, repaired):
    from audit_rules.text_features import clean_text

    assert clean_text(broken) == repaired


def test_a_further_training_bodys_programme_is_named_below_its_kind():
    got = classify(texts.METHODICAL_CENTRE_COURSE)
    assert (got.doc_type, got.issuer) == ("program", "municipal")
    assert "Наставник молодого учителя" in (got.title or "")


def test_a_flat_title_ends_where_its_author_begins():
    got = classify(texts.FLAT_INSTITUTE_TARGET_PROGRAMME)
    assert got.issuer == "regional"
    assert got.title and got.title.endswith("«ОПОРА»")


def test_an_untitled_regulation_chunk_is_placed_by_its_mentoring_section(monkeypatch):
    # the rules alone (no text model): the numbered section named after mentoring says what it is
    import audit_rules.classifier as classifier

    monkeypatch.setattr(classifier, "default_model", lambda: None)
    got = classify(texts.MID_REGULATION_MENTORING_SECTION)
    assert (got.doc_type, got.audience, got.about_mentoring) == ("regulation", "teachers", True)
    assert any("Организационные основы наставничества" in quote for quote in got.evidence)


def test_a_model_regulation_sent_with_recommendations_is_no_municipalitys():
    got = classify(texts.MODEL_REGULATION_ANNEXED_TO_RECOMMENDATIONS)
    assert (got.doc_type, got.issuer) == ("regulation", "federal")
    assert audit_class_of(texts.MODEL_REGULATION_ANNEXED_TO_RECOMMENDATIONS) == "other"
    # the same model under a municipality's name is that municipality's
    local = texts.MODEL_REGULATION_ANNEXED_TO_RECOMMENDATIONS.replace(
        "в образовательной организации\n", "в образовательных организациях Рославльского района\n", 1)
    assert classify(local).issuer == "municipal"


def test_a_contest_for_mentors_is_a_territorys_mentoring_but_not_a_schools():
    municipal = classify(texts.MUNICIPAL_CONTEST_REGULATION_CUT)
    assert (municipal.issuer, municipal.about_mentoring) == ("municipal", True)
    # the same contest held by one school is no part of its mentoring system
    school = texts.MUNICIPAL_CONTEST_REGULATION_CUT.replace("о муниципальном конкурсе", "о конкурсе МБОУ «СШ № 4»")
    got = classify(school)
    assert got.issuer == "school" and not got.about_mentoring


def test_a_label_over_a_programmes_table_is_no_road_maps_title():
    from audit_rules.doc_metadata import find_heads
    from audit_rules.text_features import prepare

    assert find_heads(prepare(texts.PROGRAMME_TABLE_UNDER_LABEL), set()) == []
    # a heading in capitals with OCR's stray colon is still the heading
    order = classify(texts.OCR_ORDER_HEADING_WITH_COLON)
    assert (order.doc_type, order.contains) == ("order", ["regulation"])
    got = classify(texts.PROGRAMME_TABLE_UNDER_LABEL)
    assert got.title is None and audit_class_of(texts.PROGRAMME_TABLE_UNDER_LABEL) == "programme"


def test_a_file_cards_name_is_the_title_without_what_file_names_carry():
    assert classify(texts.FILE_NAME_OVER_REGULATION_EXCERPT).title == "Положение о наставничестве"
    # blanks of a form are no file name
    got = classify("Приказ № ___ от __.__.2024\nОб организации наставничества педагогических работников\n"
                   "ПРИКАЗЫВАЮ:\n1. Назначить наставником учителя истории Орлову Е.В.")
    assert got.doc_type == "order" and "___" not in (got.title or "")


def test_a_table_of_contents_names_no_heading_of_the_excerpt():
    text = ("2.1. Цель и задачи программы…………………………………… 5\n"
            "3.2. Этапы реализации программы наставничества…………………… 9\n"
            "3.3. Формы работы наставника с молодым педагогом…………………… 12\n"
            "Приложение 1.\nАНКЕТА\nнаставника по итогам года……………………………… 20\n"
            "Приложение 2.\nЛист наблюдения урока молодого педагога…………………… 22\n")
    got = classify(text)
    assert "Анкета" not in (got.title or "") and got.doc_type == "program"


def test_a_file_cards_name_under_the_sites_chrome_and_a_sectioned_card_number():
    chrome = "Решаем вместе\nЕсть вопрос?\n\n"
    got = classify(chrome + texts.FILE_NAME_OVER_REGULATION_EXCERPT)
    assert (got.doc_type, got.title) == ("regulation", "Положение о наставничестве")
    # a site that numbers its cards by section: «4.17 Положение …»
    body = texts.FILE_CARD_NUMBERED_REGULATION.split("\n", 1)[1]
    got = classify("4.17 Положение о наставничестве молодых специалистов\n" + body)
    assert got.title == "Положение о наставничестве молодых специалистов"


def test_an_authoritys_own_voice_wrapped_over_lines_is_still_its():
    text = ("Наставники рядом\nКаждую неделю Институт развития образования им.\nК.Д. Ушинского "
            "публикует рассказы о наставниках.\nДиректор школы № 7 рассказала, что наставник\n"
            "посещает уроки молодого учителя и разбирает их с ним.\n")
    assert classify(text).issuer == "regional"
    from audit_rules.lexicon import PUBLISHER_AUTHORITY_RE
    assert PUBLISHER_AUTHORITY_RE.search(to_match(text)) is not None


@pytest.mark.parametrize("name, expected", [
    ("INSTITUTE_FEATURE_NAMES_SCHOOLS", "external"),
    ("FOUNDER_LETTERHEAD_REGULATION", "staff_regulation"),
    ("ORDER_WITH_REGULATION_ANNEX", "order"),
])
def test_our_shapes_keep_their_class_in_a_narrow_column(name, expected):
    assert audit_class_of(acc.reshaped(getattr(texts, name), "wrapped")) == expected


@pytest.mark.parametrize("institution", [
    "Муниципальное бюджетное учреждение дополнительного образования «Центр внешкольной работы»",
    "Муниципальное бюджетное учреждение дополнительного образования «Детско-юношеский центр»",
    "Муниципальное бюджетное учреждение дополнительного образования «Центр технического творчества»",
    "Муниципальное бюджетное учреждение дополнительного образования «Эколого-биологический центр»",
    "Муниципальное бюджетное учреждение «Центр психолого-педагогической, медицинской и социальной помощи»",
    "Муниципальное казённое учреждение для детей-сирот «Детский дом № 3»",
    "Областное государственное бюджетное профессиональное образовательное учреждение «Рославльский колледж»",
    "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»",
])
def test_an_institution_under_its_founders_letterhead_issues_its_own_regulation(institution):
    # no approval block names a director: the institution's name alone says whose act it is
    text = ("Комитет по образованию Администрации города Смоленска\n" + institution + "\n"
            "УТВЕРЖДЕНО\nприказом от 30.08.2023 № 61\nПОЛОЖЕНИЕ\n"
            "о системе наставничества педагогических работников\n1. Общие положения\n"
            "1.1. Положение определяет порядок наставничества педагогических работников учреждения.\n"
            "1.2. Наставник назначается приказом руководителя из числа опытных педагогов.\n")
    got = classify(text)
    assert (got.issuer, audit_class_of(text)) == ("school", "staff_regulation")


def test_a_file_cards_name_is_the_whole_title_of_what_follows():
    got = classify(texts.CARD_NAME_OVER_LATER_PART)
    # (its first line goes on «… образовательной организации города Рославля:», no territory's title)
    assert got.title == "Положение о наставничестве" and got.issuer != "municipal"


def test_seed_documents_read_in_windows(capsys):
    result = acc.main(["--seed-windows"])
    assert set(result) == set(acc.SEED_CLASSES)
    for name, row in result.items():
        assert 0 <= row["right_bare"] <= row["windows"] and 0 <= row["right_titled"] <= row["windows"]
    regulation = result["002_551f4883f6af57b0.txt"]
    # the school's regulation read in parts under its name: a floor far below today's 23 of 25
    assert regulation["windows"] >= 20 and regulation["right_titled"] >= regulation["windows"] * 0.7
    assert "windows of 1200 characters" in capsys.readouterr().out


def test_words_run_together_are_split_where_both_sides_are_words():
    from audit_rules.text_features import clean_text
    cleaned = clean_text(texts.GLUED_TRAINING_CENTRE_RECOMMENDATIONS)
    for split in ("для руководителей", "молодых специалистов", "в школе", "методического совета ГБОУ",
                  "Ресурсный центр", "организации работы"):
        assert split in cleaned
    # a text that does not look broken keeps its words; names and abbreviations stay whole
    assert clean_text("Положение о наставничестве педагогических работников школы") == \
        "Положение о наставничестве педагогических работников школы"
    assert "Орлова Н.В." in cleaned


def test_a_further_training_councils_approval_below_the_title_names_the_issuer():
    text = ("Методические рекомендации\nпо организации наставничества молодых педагогов\n"
            "для руководителей школ,\nзаместителей директоров\nи наставников\n"
            "г. Смоленск, 2021 год\n2\n"
            "Утверждено решением научно-методического совета\nГАУ ДПО «Смоленский областной институт развития образования»\n"
            "Составитель: Белова И.П., методист\n"
            "В рекомендациях рассмотрены формы наставничества и порядок закрепления наставника за молодым "
            "педагогом, планирование работы наставника и оценка её результатов.\n")
    got = classify(text)
    assert got.issuer == "regional" and audit_class_of(text) == "external"


def test_a_transliterated_card_name_counts_whatever_the_files_own_name():
    # `eduaudit classify` and the audit pass the file's name; the card's name in the text still counts
    got = classify(texts.LATIN_CARD_NAME_OVER_LATER_PART, filename="excerpt.txt")
    assert audit_class_of(texts.LATIN_CARD_NAME_OVER_LATER_PART) == "staff_regulation"
    assert (got.doc_type, got.audience) == ("regulation", "teachers")


def test_an_orders_number_is_its_own_not_its_preambles():
    text = ("01.09.2023 № 120-о\nПРИКАЗ\nО работе с молодыми специалистами\n"
            "В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145\n"
            "ПРИКАЗЫВАЮ:\n1. Назначить наставником учителя химии Котову Н.В.\nДиректор И.И. Смирнов\n")
    got = classify(text)
    assert (got.doc_type, got.date, got.number) == ("order", "2023-09-01", "120-о") and got.issuer != "federal"


def test_a_file_sharing_previews_fields_are_no_text_and_its_file_name_no_heading():
    got = classify(texts.FILE_SHARING_PREVIEW_REGULATION)
    assert got.title == "Положение о наставничестве педагогических работников МБОУ «Глинковская средняя школа»"
    # the name of a file may belie what is in it: it votes as a link's name does, never as a heading
    programme = texts.FILE_SHARING_PREVIEW_LATER_PART.replace("Положение о наставничестве 2023", "Протокол 2 от 20.09.2022")
    assert classify(programme).title is None



@pytest.mark.parametrize("above", [
    "",
    "Документ открыт в справочной системе\nЧтобы открыть актуальную редакцию, войдите в систему\n"
    "Версия для печати\nГлавная / Документы / Региональные акты\nСодержание\nЗакладки\n",
])
def test_an_annex_names_its_non_education_act_below_a_portal_banner_too(above):
    narrow = "\n".join(textwrap.fill(line, 45) if line.strip() else line
                       for line in texts.ANNEX_FORM_OF_A_COMMITTEE_REGULATION.split("\n"))
    text = above + narrow
    assert audit_class_of(text) == "other"
    assert not classify(text).about_mentoring     # the servants' mentoring, not a school's


def test_a_line_after_a_colon_in_a_narrow_column_goes_on_with_the_sentence():
    # a web article's title wrapped after its colon: the rest is no programme's heading
    text = ("Адаптация молодого воспитателя в детском саду:\nпрограмма, этапы и советы наставнику\n\n"
            "Первый год работы в детском саду даётся молодому воспитателю нелегко. В этой статье\n"
            "рассказываем, как старшие коллеги помогают новичку освоиться и чему уделить внимание.\n"
            "Наставник помогает спланировать занятия и разобрать трудные случаи с родителями.\n")
    got = classify(text)
    assert got.doc_type == "other" and got.title is None


def test_a_signatures_initials_end_no_sentence_in_a_flattened_approval():
    # a text layer without line breaks: the approval block runs on past the head's initials
    text = ("МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ДОШКОЛЬНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ ДЕТСКИЙ САД № 12 «РУЧЕЁК» "
            "ГОРОДА ВЯЗЬМА - ЦЕНТР РАЗВИТИЯ РЕБЁНКА ПРИНЯТО УТВЕРЖДЕНО Решением общего собрания работников "
            "МБДОУ детский сад № 12 «Ручеёк» города Вязьма Протокол от 29.08.2023 № 1 Заведующим МБДОУ "
            "детский сад № 12 «Ручеёк» города Вязьма - центр развития ребёнка ___________________ О.В. Лыкова "
            "«____» _____________ 2023 г. ПОЛОЖЕНИЕ О СИСТЕМЕ НАСТАВНИЧЕСТВА ПЕДАГОГИЧЕСКИХ РАБОТНИКОВ "
            "МБДОУ ДЕТСКИЙ САД № 12 «РУЧЕЁК» 1. Общие положения 1.1. Настоящее положение определяет цели, "
            "задачи и порядок наставничества педагогических работников детского сада.")
    got = classify(text)
    assert (got.doc_type, got.audience, got.issuer) == ("regulation", "teachers", "school")
    assert got.title.lower().startswith("положение о системе наставничества")


@pytest.mark.parametrize("name", ["ROADMAP_ROWS_NAMING_A_TRAINING_BODY", "REPORT_TABLE_NAMING_A_TRAINING_BODY"])
def test_a_training_body_in_a_table_row_is_no_letterhead(name):
    # a school sends its mentors to the regional institute's courses: the institute issued nothing
    got = classify(getattr(texts, name))
    assert got.issuer not in ("regional", "municipal")
    assert audit_class_of(getattr(texts, name)) in ("roadmap", "other")


@pytest.mark.parametrize("heading", ["ПЛАН РАБОТЫ НАСТАВНИЧЕСКОЙ ПАРЫ", "План мероприятий"])
def test_one_pairs_plan_is_their_programme_by_its_heading_or_signatures(heading):
    assert audit_class_of(texts.PAIR_PLAN_EXCERPT.format(heading=heading)) == "programme"
    # the same rows signed by the curator alone are no pair's plan
    curator = texts.PAIR_PLAN_EXCERPT.format(heading="План мероприятий").replace(
        "Наставник ________ Гусева Л.М.\nНаставляемый ________ Орлов Д.С.\n", "Куратор ________ Гусева Л.М.\n")
    assert audit_class_of(curator) != "programme"


def test_a_plans_executors_can_be_a_districts():
    got = classify(texts.DISTRICT_PLAN_EXECUTORS)
    assert (got.doc_type, got.issuer) == ("roadmap", "municipal")
    assert audit_class_of(texts.DISTRICT_PLAN_EXECUTORS) == "external"


def test_an_untitled_orders_subject_naming_a_school_project_is_no_letterhead():
    text = ("О реализации проекта «Школа наставничества»\n"
            "В целях развития наставничества в образовательных организациях области\nп р и к а з ы в а ю:\n"
            "1. Утвердить Положение о проекте «Школа наставничества» (приложение 1).\n"
            "2. Руководителям образовательных организаций области сформировать наставнические пары.\n"
            "3. Контроль за исполнением приказа оставляю за собой.\nМинистр                    Л.П. Семёнова\n")
    assert classify(text).issuer != "school"


def test_list_entries_that_open_alike_are_one_list():
    text = ("Наши наставники\nИндивидуальная программа наставничества Гусева Л.М. - Орлов Д.С., Белов А.А.\n"
            "Индивидуальная программа наставничества Зуева О.Л. - Котова Н.В.\n"
            "Индивидуальная программа наставничества Миронова Т.Т. - Соколова Е.Е.\n"
            "В школе работают три наставнические пары, их программы утверждены директором в сентябре.\n")
    assert classify(text).doc_type == "other"


BLANK_PAIRS_ORDER = ("Об утверждении наставнических пар\n"
                     "На основании Положения о наставничестве педагогических работников __________________,\n"
                     "п р и к а з ы в а ю:\n1. Утвердить наставнические пары:\n"
                     "Наставник | Должность | Наставляемый | Должность\n"
                     "______________ | ________ | ______________ | ________\n"
                     "______________ | ________ | ______________ | ________\n"
                     "2. Контроль исполнения приказа оставляю за собой.\nДиректор ____________ / __________ /\n")
BLANK_ROW = "______________ | ________ | ______________ | ________\n"


@pytest.mark.parametrize("name_blank, pairs_blank, expected", [
    (True, True, "external"), (True, False, "external"), (False, True, "external"), (False, False, "order")])
def test_an_order_left_blank_for_schools_is_a_model_not_a_schools_order(name_blank, pairs_blank, expected):
    text = BLANK_PAIRS_ORDER
    if not name_blank:
        text = text.replace("работников __________________,", "работников МБОУ «Лесная ОШ»,")
    if not pairs_blank:
        text = text.replace(BLANK_ROW, "Гусева Л.М. | учитель | Орлов Д.С. | учитель\n", 1)
        text = text.replace(BLANK_ROW, "Зуева О.Л. | учитель | Котова Н.В. | воспитатель\n", 1)
    assert audit_class_of(text) == expected


def test_plan_rows_numbered_with_a_bracket_make_a_plan():
    text = ("1) Формирование базы наставников и наставляемых – сентябрь, куратор;\n"
            "2) Разработка персонализированных программ наставничества – до 20 сентября, наставники;\n"
            "3) Посещение уроков молодых педагогов наставниками – ежемесячно, наставники;\n"
            "4) Итоговый мониторинг реализации программ наставничества – май, заместитель директора.\n")
    assert audit_class_of(text) == "roadmap"


def test_a_heading_under_a_row_number_below_a_cell_is_a_cell():
    text = ("заместитель директора по УВР\n3.\nМониторинг реализации персонализированных программ наставничества\n"
            "декабрь\nкуратор\n4.\nПосещение молодыми педагогами уроков наставников\nежемесячно\nнаставники\n"
            "5.\nОтчёты наставников на педагогическом совете\nмай\nкуратор\n")
    got = classify(text)
    assert got.title is None and audit_class_of(text) == "roadmap"


def test_a_regions_plan_names_the_municipal_authorities_as_executors():
    text = ("1.\nРазработка методических рекомендаций для школ по наставничеству педагогических работников\n"
            "сентябрь\nорганы местного самоуправления, осуществляющие управление в сфере образования\n"
            "2.\nОбучение кураторов наставничества\nоктябрь\nГАУ ДПО «Институт развития образования»\n"
            "3.\nМониторинг закрепления наставнических пар в школах\nдекабрь\n"
            "органы местного самоуправления, осуществляющие управление в сфере образования\n")
    got = classify(text)
    assert (got.doc_type, got.issuer) == ("roadmap", "regional")


def test_an_untitled_programmes_note_on_young_teachers_is_the_mentoring_programmes():
    text = ("г. Сафоново\n2023 год\nПОЯСНИТЕЛЬНАЯ ЗАПИСКА\n"
            "Первые годы работы молодого воспитателя решают, останется ли он в профессии. Новичку трудно\n"
            "спланировать занятия, говорить с родителями, вести документацию группы.\n"
            "Программа помогает ему освоить эти умения вместе с опытными коллегами детского сада.\n")
    got = classify(text)
    assert (got.doc_type, got.about_mentoring) == ("program", True)
    # the same note on the pupils' reading is no mentoring programme
    pupils = text.replace("молодого воспитателя решают, останется ли он в профессии", "в группе решают, полюбит ли ребёнок книгу")
    assert classify(pupils).about_mentoring is False


CONTEST_ANNOUNCEMENT = (
    "Наставник и молодой педагог – 2025\n"
    "С 3 марта 2025 года проводится конкурс педагогов образовательных организаций «Наставник и молодой педагог».\n"
    "Участвуют команды из двух человек: педагог-наставник и молодой педагог со стажем до трёх лет.\n"
    "Для участия до 20 марта направьте в городской методический центр:\n"
    "— заявку образовательной организации;\n— план работы наставника на учебный год;\n"
    "— описание работы с молодым педагогом.\nИтоги конкурса будут подведены в апреле.\n")


def test_a_page_announcing_a_contest_of_mentors_for_many_institutions_is_the_territorys():
    got = classify(CONTEST_ANNOUNCEMENT)
    assert got.about_mentoring and got.issuer == "municipal"
    assert audit_class_of(CONTEST_ANNOUNCEMENT) == "external"
    # a school's contest among its own teachers is no part of any system
    own = CONTEST_ANNOUNCEMENT.replace("конкурс педагогов образовательных организаций", "конкурс среди педагогов нашей школы")
    assert audit_class_of(own) == "other"


def test_a_blank_protocol_run_into_the_title_and_a_table_under_the_year():
    text = ("«Утверждаю»\nДиректор школы: _________\n"
            "Протокол № __ «___» ______20___г. План работы с молодыми специалистами\n"
            "и вновь прибывшими учителями\nна учебный год\nмесяц\nвиды деятельности\nответственные\n"
            "сентябрь\nконсультация по составлению рабочей программы\nзам. директора по УВР, наставники\n"
            "октябрь\nпосещение уроков молодых специалистов\nнаставники\n")
    got = classify(text)
    assert got.title == "План работы с молодыми специалистами и вновь прибывшими учителями на учебный год"
    assert (got.doc_type, got.issuer) == ("roadmap", "school")


def test_a_schools_news_of_its_teachers_win_at_a_districts_contest_is_no_authoritys_page():
    # (the news names the school in no words of its own: «наш», «МБОУ …»)
    text = ("Поздравляем Н.П. Орлову, учителя математики, с победой в муниципальном этапе конкурса "
            "«Наставник года – 2025» для педагогов образовательных организаций района!\n"
            "Желаем успехов на региональном этапе! Фотографии — в группе школы ВКонтакте.\n")
    assert audit_class_of(text) == "other"


def test_a_protocol_dated_without_a_number_above_the_title_is_no_heading():
    text = ("Протокол от 30.08.2023 г.\nПОЛОЖЕНИЕ О СОВЕТЕ НАСТАВНИКОВ КОЛЛЕДЖА\n1. Общие положения\n"
            "1.1. Совет наставников помогает молодым преподавателям колледжа войти в профессию.\n"
            "1.2. Наставник закрепляется за молодым преподавателем приказом директора колледжа.\n")
    got = classify(text)
    assert got.title.lower() == "положение о совете наставников колледжа"
    assert audit_class_of(text) == "staff_regulation"


def test_a_long_subject_line_below_a_reports_kind_is_its_title():
    text = ("Аналитическая справка\n"
            "по результатам регионального мониторинга реализации системы наставничества педагогических "
            "работников и молодых специалистов в общеобразовательных и дошкольных образовательных организациях "
            "Смоленской области за 2023/2024 учебный год\n"
            "1. Общие сведения\nВ мониторинге участвовали 310 школ из 27 муниципальных образований области.\n")
    got = classify(text)
    assert got.title.startswith("Аналитическая справка по результатам регионального мониторинга")
    assert "Смоленской области" in got.title      # (a title this long is cut with «…» for display)
    assert got.issuer == "regional" and audit_class_of(text) == "external"


def test_a_placeholder_in_quotes_marks_a_model_too():
    text = ("2. Формы наставничества, реализуемые в «наименование образовательной организации»\n"
            "3. Индивидуальные планы развития наставляемых под руководством наставника\n"
            "4. Календарный план работы наставников на учебный год\n"
            "Программа наставничества разработана по целевой модели наставничества обучающихся (Р-145).\n")
    assert classify(text).issuer != "school"
    assert audit_class_of(text) == "external"


def test_a_contests_founders_name_its_territory():
    text = ("Конкурс проводится с целью развития наставничества в системе образования Смоленской области.\n"
            "Учредителями Конкурса являются Департамент образования и науки Смоленской области и областная "
            "организация Профсоюза работников образования.\n"
            "В конкурсе участвуют пары «наставник – молодой педагог» из образовательных организаций области.\n")
    got = classify(text)
    assert got.issuer == "regional"


def test_a_methodical_centres_name_run_together_is_still_its_name():
    text = ("Муниципальное бюджетное учреждение информационнометодический центр города Рославля\n"
            "ПЛАН РАБОТЫ\nклуба наставников молодых педагогов на 2024-2025 учебный год\n"
            "| № | Мероприятие | Сроки | Ответственный |\n| 1 | Заседание клуба наставников | сентябрь | методист |\n"
            "| 2 | Семинар для наставников школ города | ноябрь | методист |\n| 3 | Итоги года | май | методист |\n")
    assert classify(text).issuer == "municipal"


def test_an_amending_acts_subject_names_its_issuer_under_a_portals_status_word():
    text = ("Действующий\nО внесении изменений в постановление Правительства Смоленской области от 12 марта 2014 года N 160\n"
            "§ 5. Выплата за наставничество\n"
            "21. Выплата за наставничество устанавливается работникам учреждений, осуществляющим наставничество "
            "над молодыми специалистами.\n"
            "22. Размер выплаты составляет 10 процентов оклада за каждого молодого специалиста.\n")
    assert classify(" ".join(text.split())).issuer == "regional"


def test_an_untitled_acts_subject_says_whose_mentoring_it_is():
    from audit_rules.classifier import _outside_education
    # no title was found (a flattened legal portal's page); the act's subject opens the text
    text = ("Постановление Губернатора Смоленской области от 14.02.2013 № 31 Об утверждении Положения о "
            "наставничестве в администрации Губернатора Смоленской области и исполнительных органах "
            "государственной власти Смоленской области. Наставниками назначаются опытные гражданские служащие. "
            "Наставник помогает молодому специалисту освоить служебные обязанности, порядок работы с "
            "обращениями граждан и с документами органа власти. Положение распространяется также на "
            "министерство, которое курирует школы области.")
    assert _outside_education(prepare(text), "")
    # a school's regulation naming the department whose orders it follows is no such act
    school = ("Положение о наставничестве педагогических работников МБОУ «СШ № 3» разработано по приказу "
              "Департамента Смоленской области по образованию. Наставничество в школе организуется для молодых учителей.")
    assert not _outside_education(prepare(school), "")


@pytest.mark.parametrize("above", ["", "Решаем вместе\nЕсть вопрос?\nВерсия для слабовидящих\nГлавная / Новости\n\n"])
def test_a_contest_announcement_below_a_sites_widgets_too(above):
    assert audit_class_of(above + CONTEST_ANNOUNCEMENT) == "external"


def test_a_regulations_later_part_with_one_clause_number_is_named_by_the_model():
    # a window of a regulation's mentors' duties: one sub-clause number, then prose; the text model
    # names the kind, one mark of an act's shape in the body («4.2.») lets it
    text = ("и педагогов, переведённых на другую должность, в освоении профессии.\n"
            "4.2. Наставник помогает наставляемому в освоении трудовых функций, посещает его уроки, "
            "разрабатывает вместе с ним персонализированную программу наставничества и подводит итоги её выполнения.\n"
            "Наставник может привлекать других педагогических работников к работе с наставляемым, знакомиться "
            "с его рабочей программой и просить отчёты о её выполнении.\n"
            "Наставляемый выполняет персонализированную программу наставничества, изучает локальные акты "
            "образовательной организации и указания наставника.\n")
    got = classify(text)
    assert (got.doc_type, got.audience) == ("regulation", "teachers")
    assert any(e.startswith("модель по словам текста") for e in got.evidence)
    # the same words with no mark of an act's shape are what any page may say: no kind is named
    assert classify(text.replace("4.2. ", "")).doc_type == "other"


def test_the_word_protocol_alone_above_the_blocks_is_no_heading():
    # two columns of approval run together: the council's «Протокол» is left alone on its line
    text = ("Протокол\nВведено в действие приказом\nот «30» августа 2023 г. № 2\nот «01» сентября 2023 г. № 95\n"
            "Положение\nо наставничестве педагогических работников\nв МБДОУ «Детский сад № 7 «Колокольчик»\n"
            "1. Общие положения\n1.1. Настоящее Положение определяет порядок наставничества педагогических работников.\n")
    got = classify(text)
    assert got.title.startswith("Положение о наставничестве педагогических работников")
    assert audit_class_of(text) == "staff_regulation"


def test_clauses_on_choosing_mentors_make_a_short_regulations_part_about_mentoring():
    text = ("нии приказа заведующего.\n3.2. Работу педагогов-наставников направляет старший воспитатель.\n"
            "3.3. Кандидатуры педагогов-наставников рассматривает педагогический совет по критериям: опыт работы "
            "не менее пяти лет, успехи воспитанников, готовность делиться опытом.\n"
            "3.4. За одним молодым педагогом закрепляется один педагог.\n3.5. Срок работы пары – один год.\n")
    got = classify(text)
    assert got.about_mentoring and got.doc_type == "regulation"


def test_the_approving_act_named_over_several_lines_stays_in_the_block():
    text = ("УТВЕРЖДЕНО\nПриказ\nотдела образования\nАдминистрации Кардымовского района\n15.06.2023 № 152\n"
            "ПОЛОЖЕНИЕ\nо наставничестве молодых педагогов\n1. Общие положения\n"
            "1.1. Настоящее Положение определяет порядок наставничества молодых педагогов.\n"
            "1.2. Наставник закрепляется за молодым педагогом приказом руководителя учреждения.\n")
    got = classify(text)
    assert (got.doc_type, got.issuer, got.number) == ("regulation", "municipal", "152")
    assert "order" not in got.contains and audit_class_of(text) == "external"


def test_a_file_link_among_titles_keeps_the_list_going():
    text = ("Документы:\nПоложение о системе наставничества педагогических работников\n"
            "Приказ об утверждении положения о системе наставничества .docx\n"
            "Дорожная карта по реализации положения о системе наставничества\n"
            "Персонализированные программы наставничества .docx\nОтчёт о реализации системы наставничества\n")
    got = classify(text)
    assert got.title is None and got.contains == [] and audit_class_of(text) == "other"


def test_a_download_button_under_a_documents_title_is_no_list():
    text = ("Версия сайта для слабовидящих\n"
            "Положение о программе наставничества МБОУ «Лесная ООШ»\n[ Скачать с сервера (50.4 Kb) ]17.04.2024, 04:38\n"
            "1. Общие положения\n1.1. Настоящее Положение о программе наставничества определяет порядок наставничества "
            "педагогических работников школы.\n")
    assert classify(text).title == "Положение о программе наставничества МБОУ «Лесная ООШ»"


def test_one_numbered_clause_shows_an_acts_shape_one_passive_verb_does_not():
    from audit_rules.classifier import _body_shows
    essay = "Наставничество – древний способ обучения. Такое взаимодействие осуществляется в неформальном общении."
    clause = "и педагогов.\n4.2. Наставник помогает наставляемому освоить рабочую программу.\n"
    assert not _body_shows(prepare(essay), "regulation")
    assert _body_shows(prepare(clause), "regulation")


def test_a_portal_byline_cut_below_the_authors_name_is_still_a_byline():
    from audit_rules.classifier import _has_byline
    text = ("Организация: МБОУ «СШ № 4» г. Сафоново\nНаселенный пункт: Смоленская область, г. Сафоново\n"
            "Наставничество в школе сегодня – одно из направлений методической работы.\n")
    assert _has_byline(prepare(text))
    assert not _has_byline(prepare("Организация работы наставника\nНаставник помогает молодому учителю.\n"))


def test_an_order_approving_a_council_of_mentors_is_about_mentoring():
    text = ("ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГЛИНКОВСКОГО РАЙОНА\nПРИКАЗ\n12.10.2023 г. № 211\n"
            "Об утверждении документов районной Школы молодого педагога\n"
            "В целях поддержки молодых педагогов района\nПРИКАЗЫВАЮ:\n"
            "1. Утвердить Положение о районной Школе молодого педагога (приложение 1).\n"
            "2. Утвердить Положение о районном Совете наставников молодых педагогов (приложение 2).\n"
            "3. Контроль исполнения приказа оставляю за собой.\n")
    got = classify(text)
    assert (got.doc_type, got.issuer, got.about_mentoring) == ("order", "municipal", True)
    assert audit_class_of(text) == "external"


def test_a_result_cell_under_sub_numbered_rows_is_no_order_heading():
    # A road map's table as a DOCX text layer gives it, each cell on a line, its title cut off.
    text = ("1.1\nОзнакомление коллектива с методическими рекомендациями по наставничеству\nавгуст 2023\n"
            "заместитель директора\nпротокол педсовета\n"
            "1.2\nРазработка Положения о системе наставничества педагогических работников\nдо 01.09.2023\n"
            "директор\nПоложение\n"
            "1.3\nНазначение куратора наставничества\nсентябрь 2023\ndirector\nприказ\n"
            "1.4\nАнкетирование педагогов со стажем до трёх лет\nсентябрь 2023\nкуратор\nсписок наставляемых\n"
            "1.5\nЗакрепление наставнических пар с письменного согласия участников\nдо 15.09.2023\n"
            "директор\nприказ\n").replace("director", "директор")
    got = classify(text)
    assert got.doc_type == "roadmap", got
    assert audit_class_of(text) == "roadmap"


def test_a_cell_under_term_cells_is_no_title():
    from audit_rules.doc_metadata import approval_block_lines, find_heads, main_head
    text = ("Сентябрь\nЗнакомство с рабочей программой и журналом\nбеседа\n"
            "Октябрь\nПосещение уроков молодого учителя наставником\nанализ урока\n"
            "Май\nОтчёт молодого учителя о работе за год\nсобеседование\n")
    prep = prepare(text)
    blocks = approval_block_lines(prep)
    assert main_head(find_heads(prep, blocks), prep, blocks) is None


def test_an_untitled_plan_for_one_young_teacher_is_a_programme():
    rows = ("Сентябрь\nЗнакомство молодого учителя с рабочей программой и электронным журналом\nбеседа\n"
            "Октябрь\nПосещение молодым учителем уроков наставника\nнаблюдение\n"
            "Ноябрь\nПосещение уроков молодого учителя, разбор урока\nконсультация\n"
            "Декабрь\nПодготовка молодого учителя к родительскому собранию\nпрактикум\n")
    got = classify(rows)
    assert (got.doc_type, got.about_mentoring) == ("program", True), got
    # The school's plan of measures speaks of the mentors and mentees at large: its road map.
    school = ("Сентябрь\nФормирование базы наставников и наставляемых\nкуратор\n"
              "Октябрь\nЗакрепление наставнических пар приказом директора\nдиректор\n"
              "Ноябрь\nПосещение уроков молодого учителя наставником\nнаставники\n"
              "Декабрь\nСеминар для наставников «Анализ урока»\nкуратор\n")
    assert classify(school).doc_type == "roadmap"


def test_a_programmes_aims_over_its_plan_name_it_without_a_title():
    text = ("Наставляемый определён, образовательная организация: МБОУ «Холм-Жирковская СШ»\n"
            "1. Профессиональные затруднения наставляемого: планирование урока, работа с родителями.\n"
            "2. Цель программы: адаптация молодого учителя истории в коллективе и освоение им методики.\n"
            "3. План мероприятий\n"
            "1 | Изучение рабочей программы по истории | консультация | сентябрь | программа согласована\n"
            "2 | Посещение уроков наставника | наблюдение | октябрь | лист наблюдения\n"
            "3 | Разработка урока вместе с наставником | практикум | ноябрь | конспект\n"
            "4 | Открытый урок наставляемого | урок | декабрь | анализ урока\n")
    got = classify(text)
    assert got.doc_type == "program", got


def test_a_result_cell_a_few_cells_under_a_term_is_no_title():
    # An OCR'd road map whose title the scan broke («Дорожная карт а»): its cells stay cells.
    text = ("Дорожная карт а\nвнедрения системы наставничества в МБОУ «Днепровская СШ» на 2024-2025 год\n"
            "1\nЗакрепление наставнических пар\nсентябрь\nдиректор\nприказ\n"
            "2\nСоставление персонализированных программ наставничества\nоктябрь\nкуратор\nпрограммы\n"
            "3\nСеминар наставников по анализу урока\nв течение года\nкуратор\nпротокол\n")
    got = classify(text)
    assert got.doc_type != "order", got
    assert got.doc_type == "roadmap", got


@pytest.mark.parametrize("title, expected", [
    ("ПОЛОЖЕНИЕ\nо муниципальной системе (целевой модели) наставничества педагогических работников", "external"),
    ("ПОЛОЖЕНИЕ\nо региональной модели наставничества педагогических работников", "external"),
    ("ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников", "staff_regulation"),
])
def test_a_mentoring_system_with_its_level_in_the_title_is_the_territorys(title, expected):
    text = (f"{title}\n1. Общие положения\n1.1. Положение определяет цели, задачи и порядок организации "
            "наставничества педагогических работников, формы наставничества и права наставников.\n"
            "1.2. Наставник назначается из числа опытных педагогов с их письменного согласия.\n")
    assert audit_class_of(text) == expected


def test_a_numbered_section_over_its_own_rows_is_no_file_card():
    # The middle of a road map: «4.» heads rows «4.1», «4.2», not a site's card numbering.
    text = ("4. Мониторинг реализации системы наставничества\n"
            "4.1 | Анкетирование наставников и наставляемых | декабрь, май | куратор | справка\n"
            "4.2 | Сбор отчётов о выполнении персонализированных программ наставничества | до 25 мая | наставники | отчёты\n"
            "4.3 | Обсуждение итогов года на педагогическом совете | июнь | директор | протокол\n"
            "5. Распространение опыта наставников\n"
            "5.1 | Открытые уроки наставнических пар | апрель | руководители ШМО | план уроков\n")
    got = classify(text)
    assert got.title is None and got.doc_type == "roadmap", got
    # a card's own number over a document that numbers its clauses from 1 stays a card's
    card = ("26. Положение о системе наставничества педагогических работников\n"
            "1.1. Настоящее Положение определяет порядок наставничества педагогических работников школы.\n")
    assert classify(card).title == "Положение о системе наставничества педагогических работников"


def test_a_mentors_job_description_is_no_regulation():
    text = ("УТВЕРЖДАЮ\nДиректор МБОУ «Шумячская СШ»\n________ Р.В. Сомова\n«30» августа 2024 г.\n"
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nучителя-наставника\n1. Общие положения\n"
            "1.1. Учитель-наставник назначается приказом директора из числа педагогов высшей категории.\n"
            "1.2. Учитель-наставник подчиняется куратору наставничества.\n2. Обязанности\n"
            "2.1. Составляет с наставляемым персонализированную программу наставничества.\n")
    got = classify(text)
    assert got.doc_type == "other" and audit_class_of(text) == "other", got


@pytest.mark.parametrize("heading", ["4. Ожидаемые результаты реализации программы",
                                     "Раздел 3. Механизм реализации программы"])
def test_a_programmes_own_section_heading_names_its_middle(heading):
    text = (f"{heading}\n"
            "По итогам года молодой учитель самостоятельно планирует уроки по ФГОС, ведёт электронный журнал и "
            "провёл открытый урок для коллег; наставник обобщил свой опыт подготовки к ОГЭ и выступил на ШМО.\n"
            "Наставляемый проходит аттестацию на первую категорию в течение двух лет.\n")
    got = classify(text)
    assert got.doc_type == "program", got
    # a regulation's clause on the programmes it asks for is no programme's part
    clause = ("5. Порядок составления персонализированной программы\n"
              "5.1. Наставник и наставляемый в течение месяца составляют персонализированную программу.\n"
              "5.2. Программу утверждает куратор наставничества.\n")
    assert classify(clause).doc_type != "program"


def test_a_regulations_clauses_on_the_forms_of_mentoring_are_about_mentoring():
    text = ("4.1. В школе применяются следующие формы.\n"
            "4.2. Форма «ученик – ученик» предполагает помощь старшеклассника младшему: подготовку к контрольным "
            "работам, вовлечение в кружки и школьные проекты.\n"
            "4.3. Форма «студент – ученик» применяется вместе с педагогическим колледжем: студенты ведут занятия "
            "для обучающихся 5–6 классов.\n"
            "4.4. Для каждой пары составляется план; наставник отчитывается о работе куратору.\n"
            "4.5. Наставник и наставляемый встречаются не реже раза в неделю.\n")
    got = classify(text)
    assert (got.doc_type, got.audience, got.about_mentoring) == ("regulation", "students", True), got


def test_a_plan_that_sends_its_reader_to_the_mentor_is_one_pairs():
    # The mentee's own plan speaks of «the mentor» in the singular; a road map's appended blank
    # form («ФИО наставника ______») is no row of it.
    mentee = ("| 2.1 | Изучение рабочей программы по химии | сентябрь | беседа с наставником | выполнено\n"
              "| 2.2 | Посещение уроков наставника, не менее пяти | октябрь | лист наблюдения | выполнено\n"
              "| 2.3 | Анализ наставником двух уроков наставляемого | ноябрь | анализ урока |\n"
              "| 2.4 | Подготовка открытого урока | декабрь | конспект |\n")
    assert classify(mentee, rules_only=True).doc_type == "program"
    roadmap = ("2 | Формирование пар | Собеседование с наставниками, приказ о закреплении пар | сентябрь | куратор\n"
               "3 | Работа пар | Разработка персонализированных программ | октябрь – май | куратор, наставники\n"
               "4 | Итоги | Отчёты наставников, мониторинг | май – июнь | куратор\n"
               "Приложение к дорожной карте\nФОРМА ОТЧЁТА НАСТАВНИКА\n"
               "ФИО наставника ______________ ФИО наставляемого ______________\n"
               "Достигнутые результаты наставляемого ______\nПодпись наставника ______\n")
    assert classify(roadmap, rules_only=True).doc_type != "program"


@pytest.mark.parametrize("title, expected", [
    ("План работы с молодыми специалистами на 2024-2025 учебный год", "roadmap"),
    ("Комплекс мер по поддержке молодых педагогов на 2024-2026 годы", "roadmap"),
    ("План работы с молодым специалистом Орловой Е.В. на 2024-2025 учебный год", "programme"),
])
def test_the_schools_plan_for_its_young_teachers_is_its_road_map(title, expected):
    text = (f"{title}\n№ | Мероприятие | Срок | Ответственный\n"
            "1 | Закрепление наставников приказом директора | сентябрь | директор\n"
            "2 | Посещение уроков наставников и их анализ | октябрь – март | наставники\n"
            "3 | Открытые уроки и отчёт на методическом совете | апрель – май | заместитель директора\n")
    assert audit_class_of(text) == expected


def test_a_letter_spaced_layer_is_read_as_words():
    from audit_rules.text_features import unspace_letter_spaced
    line = "П р и к а з   № 1 4 5   о т   3 1 . 0 8 . 2 0 2 0"
    assert unspace_letter_spaced(line) == "Приказ №145 от 31.08.2020"
    # a table's columns apart by several spaces are no letter-spaced line
    row = "1   Посещение уроков наставника   октябрь   наставник"
    assert unspace_letter_spaced(row) == row
    text = ("М у н и ц и п а л ь н о е   б ю д ж е т н о е   у ч р е ж д е н и е   « Ш к о л а   № 3 »\n"
            "« У т в е р ж д а ю »\nД и р е к т о р   ______   А . А . Б е л о в а\n"
            "П р и к а з   № 9 1   о т   3 0 . 0 8 . 2 0 2 3\n"
            "П О Л О Ж Е Н И Е\nо   н а с т а в н и ч е с т в е   м о л о д ы х   п е д а г о г о в\n"
            "1.1. Положение регулирует отношения наставника и молодого педагога школы.\n"
            "1.2. Наставник назначается приказом директора с его согласия.\n")
    got = classify(text)
    assert (got.doc_type, got.audience) == ("regulation", "teachers"), got


def test_the_federal_recommendations_under_their_annex_line_are_federal():
    text = ("Приложение\nк письму Минпросвещения России\nи Общероссийского Профсоюза образования\n"
            "от 21.12.2021 № АЗ-1128/08/657\n"
            "МЕТОДИЧЕСКИЕ РЕКОМЕНДАЦИИ\nпо разработке и внедрению системы (целевой модели) наставничества "
            "педагогических работников в образовательных организациях\n"
            "Рекомендации адресованы органам исполнительной власти субъектов Российской Федерации, органам "
            "местного самоуправления и руководителям образовательных организаций.\n")
    got = classify(text)
    assert got.issuer == "federal" and audit_class_of(text) == "other", got
    # a school's regulation under its own order's annex line stays the school's
    own = ("Приложение к приказу № 45 от 30.08.2023\nПОЛОЖЕНИЕ\nо системе наставничества педагогических работников "
           "МБОУ «Сычёвская СШ № 1»\n1.1. Положение разработано в соответствии с письмом Минпросвещения России "
           "от 21.12.2021 № АЗ-1128/08/657.\n1.2. Наставник назначается приказом директора.\n")
    assert audit_class_of(own) == "staff_regulation"


def test_an_ocr_capital_yu_read_as_io_is_folded():
    from audit_rules.text_features import clean_text
    assert clean_text("УTBEPЖДAIO") == "УТВЕРЖДАЮ"
    assert clean_text("IOSIF and IO") == "IOSIF and IO"    # Latin words stay Latin


def test_the_files_own_heading_under_a_cards_name_decides():
    text = ("МБОУ «Издешковская СШ»\nГлавная / Документы / Локальные акты\n"
            "Положение о наставничестве 2024\ndocx · 44 KB · 29.08.2024\nСкачать\n\n"
            "План мероприятий (дорожная карта)\nпо реализации системы наставничества педагогических работников\n"
            "№ | Мероприятие | Сроки | Ответственные\n"
            "1 | Закрепление наставнических пар | сентябрь | директор\n"
            "2 | Составление персонализированных программ | октябрь | куратор\n"
            "3 | Итоги года на педсовете | май | куратор\n")
    got = classify(text)
    assert got.doc_type == "roadmap" and got.title.startswith("План мероприятий (дорожная карта)"), got


def test_a_numbered_list_of_acts_on_a_page_is_no_order():
    text = ("МБОУ «Игоревская СШ»\nНаставничество\nКуратор: Жукова Е.П., заместитель директора.\n"
            "Нормативная база:\n"
            "1. Распоряжение Правительства РФ от 31.12.2019 № 3273-р.\n"
            "2. Распоряжение Минпросвещения России от 25.12.2019 № Р-145.\n"
            "3. Письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08/657.\n"
            "В школе работают 5 наставнических пар «учитель – учитель».\n")
    assert audit_class_of(text) == "other"


def test_a_collections_contents_name_no_section_of_its_first_act():
    text = ("Сборник локальных актов МБОУ «Кардымовская СШ» по методической работе\n\nСодержание:\n"
            "1. Положение о методическом совете\n2. Положение о школьном методическом объединении\n"
            "3. Положение о системе наставничества педагогических работников\n\n"
            "1.1. Методический совет координирует методическую работу школы.\n"
            "1.2. В состав совета входят заместитель директора по УВР и руководители методических объединений.\n"
            "1.3. Совет руководствуется Уставом школы и настоящим Положением.\n")
    assert audit_class_of(text) == "other"
    from audit_rules.doc_metadata import contents_lines
    wrapped = "Содержание:\n1. Положение о совете\n2. Положение о системе\nнаставничества педагогов\n\n1. ПОЛОЖЕНИЕ о совете\n1.1. Совет создаётся приказом.\n"
    assert contents_lines(prepare(wrapped)) == {1, 2, 3}


@pytest.mark.parametrize("mentee, forms, expected", [
    ("обучающийся 5–11 классов, который с помощью наставника решает учебные задачи", "", "students"),
    ("педагогический работник со стажем до трёх лет или вновь принятый учитель", "", "teachers"),
    ("педагогический работник со стажем до трёх лет", "3.2. Применяются формы «учитель – ученик» и «ученик – ученик».\n",
     "both"),
    ("студент педагогического колледжа на практике в школе", "", "students"),
], ids=["pupil", "staff", "staff-with-pupils-forms", "student-of-a-teachers-college"])
def test_the_glossarys_mentee_says_whose_mentoring_it_is(mentee, forms, expected):
    # A teacher defined as the mentor mentors pupils: that makes no staff regulation.
    text = ("2. Основные понятия\n"
            "2.1. Наставник – педагогический работник школы (учитель, классный руководитель, педагог-психолог), "
            "имеющий опыт и готовый им делиться.\n"
            f"2.2. Наставляемый – {mentee}.\n"
            "2.3. Куратор – заместитель директора, организующий наставничество и ведущий базу наставников.\n"
            "2.4. Наставническая пара закрепляется приказом директора.\n" + forms)
    assert classify(text).audience == expected


def _model_saying_other(text: str, probability: float):
    """A real text model, its file written here: every word of ``text`` votes «other», so that it
    calls the text «other» at ``probability`` against a staff regulation."""
    import math

    from audit_rules.text_model import TextModel, features
    words = sorted(set(features(prepare(text).text, cleaned=True)))
    assert len(words) >= 20
    weight = math.log(probability / (1 - probability)) / math.sqrt(len(words))
    return TextModel({"classes": ["other", "staff_regulation"], "vocabulary": {w: j for j, w in enumerate(words)},
                      "idf": [1.0] * len(words), "coef": [[weight] * len(words), [0.0] * len(words)],
                      "intercept": [0.0, 0.0]})


def test_the_text_model_takes_a_weak_verdicts_kind_away_only_when_sure():
    text = ("4.1. В школе применяются следующие формы наставничества.\n"
            "4.2. Форма «учитель – учитель» предполагает помощь опытного учителя молодому специалисту в "
            "освоении рабочей программы, ведении журнала и подготовке к аттестации.\n"
            "4.3. Форма «руководитель – педагог» применяется для учителей, впервые назначенных классными "
            "руководителями или руководителями методических объединений.\n"
            "4.4. Наставник и наставляемый встречаются не реже раза в неделю и ведут журнал встреч.\n"
            "4.5. Форма «ученик – ученик» применяется для помощи пятиклассникам в адаптации к основной школе.\n")
    rules = classify(text, rules_only=True)
    assert rules.doc_type == "regulation" and rules.confidence < 0.6, rules
    assert classify(text, model=_model_saying_other(text, 0.6)).doc_type == "regulation"
    assert classify(text, model=_model_saying_other(text, 0.8)).doc_type == "other"


def test_a_regulation_that_leaves_pupils_to_another_act_is_staffs():
    text = ("2.1. Цель наставничества – профессиональное становление педагогических работников школы.\n"
            "2.2. Задачи: помочь учителям, впервые принятым на работу, освоить рабочие программы; подготовить "
            "наставляемых к аттестации.\n"
            "2.3. Действие Положения не распространяется на наставничество среди обучающихся, которое "
            "регулируется отдельным локальным актом.\n")
    assert classify(text, rules_only=True).audience == "teachers"


def test_a_mentee_named_by_is_a_definition_too():
    text = ("2.3. Наставниками в форме «педагог – студент» выступают преподаватели колледжа, имеющие опыт работы "
            "не менее трёх лет.\n"
            "2.4. Наставляемым в форме «педагог – студент» является студент колледжа, испытывающий трудности в "
            "освоении профессиональных модулей.\n"
            "2.5. Наставник назначается приказом директора колледжа из числа педагогических работников.\n")
    assert classify(text, rules_only=True).audience == "students"


def test_a_mentee_who_needs_the_parents_consent_is_a_pupil():
    text = ("8. Права и обязанности наставляемого\n8.1. Наставляемый обязан выполнять задания наставника и посещать "
            "встречи наставнической пары.\n8.2. Наставляемый имеет право выбрать наставника из базы наставников.\n"
            "8.3. Участие в программе наставничества возможно с письменного согласия родителей наставляемого.\n")
    assert classify(text, rules_only=True).audience == "students"
    # a teacher's work with the parents is no sign of a pupil mentee
    staff = text.replace("с письменного согласия родителей наставляемого", "при работе молодого учителя с родителями")
    assert classify(staff, rules_only=True).audience != "students"


WINNERS_OF_MANY_INSTITUTIONS = (
    "Подведены итоги конкурса профессиональных пар «Вместе к успеху».\n"
    "Задания выполняли наставник вместе со своим наставляемым.\n"
    "Победители:\n"
    "— Гусева Ольга Петровна, учитель-логопед (наставник) и Белова Дарья Игоревна (наставляемый), "
    "МБДОУ «Детский сад № 4 «Колокольчик»;\n"
    "— Зайцева Ирина Львовна, воспитатель (наставник) и Титова Алина Сергеевна (наставляемый), "
    "МАДОУ «Детский сад № 17 «Берёзка»;\n"
    "Призёры:\n"
    "— Крылова Нина Павловна, воспитатель (наставник) и Орлова Вера Андреевна (наставляемый), "
    "МБДОУ «Детский сад № 21 «Сказка».\n")


def test_a_page_naming_many_institutions_pairs_speaks_for_the_territory():
    assert audit_class_of(WINNERS_OF_MANY_INSTITUTIONS) == "external"
    # one kindergarten's news of its own pair names that kindergarten only
    own = WINNERS_OF_MANY_INSTITUTIONS.replace("МАДОУ «Детский сад № 17 «Берёзка»", "МБДОУ «Детский сад № 4 «Колокольчик»") \
        .replace("МБДОУ «Детский сад № 21 «Сказка»", "МБДОУ «Детский сад № 4 «Колокольчик»")
    assert audit_class_of(own) == "other"


def test_a_seminar_for_young_teachers_of_listed_schools_is_the_territorys():
    text = ("12 октября 2023 года на базе МБОУ «Средняя школа № 9» прошло первое занятие школы молодого педагога.\n"
            "Собрались 11 молодых учителей из ОУ № 2, 5, 9, 14 и 27. Обсуждали, как готовить первый открытый урок "
            "и как работать с классным журналом.\n"
            "Каждый участник может обратиться к своему наставнику и к методистам за помощью.\n")
    assert audit_class_of(text) == "external"
    one_school = text.replace("из ОУ № 2, 5, 9, 14 и 27", "школы")
    assert audit_class_of(one_school) == "other"


DISTRICT_SEMINAR_NEWS = (
    "Районный семинар наставников прошёл в Починке\n"
    "В районном доме культуры собрались педагоги-наставники и молодые учителя школ района. "
    "Управление образования администрации района подвело итоги первого года работы наставнических пар.\n"
    "Наставники рассказали, как помогают молодым педагогам готовить уроки и вести журнал.\n")


@pytest.mark.parametrize("source", [
    "Об этом сообщили в управлении образования района.",
    "Отметим, что в прошлом году в школы района пришли 14 молодых учителей.",
    "Фото: пресс-служба администрации района",
], ids=["attribution", "newsroom", "photo-credit"])
def test_a_newsrooms_report_on_an_authoritys_event_is_no_authoritys_page(source):
    assert audit_class_of(DISTRICT_SEMINAR_NEWS) == "external"
    got = classify(DISTRICT_SEMINAR_NEWS + source + "\n")
    assert acc.predicted_audit_class(got) == "other" and got.issuer == "unknown"


ROAD_MAP_ROWS_MID_TABLE = (
    "3.2.\nНазначение наставников молодым учителям приказом директора\nдо 10 сентября 2024\n"
    "директор гимназии\nприказ\n"
    "3.3.\nСеминар для наставников «Как анализировать урок коллеги»\nноябрь 2024 - январь 2025\n"
    "куратор наставничества\nматериалы семинара\n"
    "3.4.\nВзаимопосещение уроков в наставнических парах\nв течение года\nнаставники\nлисты посещения\n"
    "4. Подведение итогов\n4.1.\nОтчёт наставников на методическом совете\nмай 2025\nкуратор\nпротокол\n")


def test_sub_numbered_rows_over_their_terms_are_a_road_maps_not_clauses():
    assert audit_class_of(ROAD_MAP_ROWS_MID_TABLE) == "roadmap"


PAIR_PLAN_END = (
    "Март\nПодготовка наставляемого к открытому уроку в 7 классе\nКонсультация\n\n"
    "Март\nПосещение наставником открытого урока, разбор\nПосещение\n\n"
    "Апрель\nСовместная проверка контрольной работы по критериям\nПрактикум\n\n"
    "Апрель\nПосещение уроков наставляемого в 5 классе\nПосещение\n\n"
    "Май\nОтчёт молодого специалиста на заседании ШМО\nВыступление\n\n"
    "Наставник _____________ /Лаптева Е.Н./\nМолодой специалист _____________ /Осипов Д.К./\n")


def test_a_tables_repeated_term_cells_still_count_as_rows():
    # (a page repeating its lead counts once; a table repeats its month cells row after row)
    assert audit_class_of(PAIR_PLAN_END) == "programme"


def test_an_orders_annex_listing_its_pairs_is_the_order():
    text = ("Приложение № 2\nк приказу МБОУ «Средняя школа № 7»\nот 02.09.2024 № 118-од\n\n"
            "Состав наставнических пар на 2024/2025 учебный год\n"
            "№\nНаставник\nНаставляемый\nСрок\n"
            "1\nПавлова Н.С., учитель химии\nКостин А.А., учитель биологии\n02.09.2024 - 31.05.2025\n"
            "2\nРыбакова Л.И., учитель начальных классов\nСомова Е.В., учитель начальных классов\n02.09.2024 - 31.05.2025\n"
            "3\nФёдоров И.П., учитель физики\nГерасимова О.Д., учитель математики\n02.09.2024 - 31.12.2024\n")
    got = classify(text)
    assert (audit_class_of(text), got.issuer) == ("order", "school")
    # the same list annexed to a regulation is the regulation's form, no order
    assert audit_class_of(text.replace("к приказу", "к положению о наставничестве")) != "order"


def test_a_titles_mentoring_word_with_one_letter_misread_still_names_it():
    text = ("ДОРОЖНАЯ КАРТА\nпо внедрению наставннчества в МБДОУ «Детский сад № 3»\nна 2023 – 2024 учебный год\n\n"
            "№   Мероприятие   Сроки   Ответственный\n1   Назначение куратора   сентябрь   заведующий\n"
            "2   Закрепление пар «воспитатель – воспитатель»   сентябрь   старший воспитатель\n"
            "3   Открытые занятия наставников   ноябрь, март   наставники\n")
    assert audit_class_of(text) == "roadmap"


PROGRAMME_ROLES = (
    "Участники Программы\n"
    "Наставник – опытный учитель со стажем не менее пяти лет. В рамках Программы наставник помогает молодому "
    "учителю спланировать уроки, посещает их и обсуждает с ним каждое занятие.\n"
    "Наставляемый – учитель со стажем до трёх лет. Он выполняет задания плана и сообщает наставнику о трудностях.\n"
    "Заместитель директора как куратор Программы следит за выполнением плана и собирает отзывы участников.\n")


def test_a_programme_calls_itself_by_a_capitalised_name():
    assert audit_class_of(PROGRAMME_ROLES) == "programme"
    # «Программа наставничества» is what any document may cite; the lower case is no name of its own
    assert audit_class_of(PROGRAMME_ROLES.replace("Программы", "программы наставничества")) != "programme"


@pytest.mark.parametrize("heading, sentence", [
    ("3. Содержание программы", "Программа реализуется в течение двух учебных лет и состоит из трёх модулей."),
    ("4. Ожидаемые результаты реализации персонализированной программы", "По окончании программы наставляемый:"),
])
def test_a_programmes_middle_names_itself(heading, sentence):
    text = (f"{heading}\n{sentence}\n"
            "– молодой учитель самостоятельно проводит уроки, посоветовавшись с наставником;\n"
            "– наставляемый применяет приёмы формирующего оценивания, показанные наставником;\n"
            "– наставническая пара представляет опыт на заседании методического объединения.\n")
    assert audit_class_of(text) == "programme"


def test_the_acknowledgement_sheet_names_its_regulation():
    text = ("7.3. Положение действует до принятия нового.\n\n"
            "Лист ознакомления\nс Положением о наставничестве педагогических работников МБОУ «Школа № 12»\n"
            "№\nФ.И.О.\nДолжность\nДата\nПодпись\n"
            "1\nАндреева О.В.\nучитель\n12.01.2024\n\n2\nБорисов К.Л.\nучитель\n12.01.2024\n\n"
            "3\nВасильева Т.Е.\nпедагог-психолог\n15.01.2024\n\n4\nГришина А.М.\nучитель\n15.01.2024\n")
    assert audit_class_of(text) == "staff_regulation"


YEAR_OF_MENTOR_NEWS = (
    "Торжественное открытие Года педагога и наставника\n"
    "В районном доме культуры собрались учителя и воспитатели. Педагогов и наставников поздравил глава "
    "района, начальник отдела образования вручил почётные грамоты.\n")


def test_a_site_named_as_an_authoritys_official_site_is_its_publisher():
    text = "Официальный сайт Починковского районного совета\n" + YEAR_OF_MENTOR_NEWS
    assert audit_class_of(text) == "external"
    assert audit_class_of("Официальный сайт МБОУ «Средняя школа № 2»\n" + YEAR_OF_MENTOR_NEWS) == "other"


def test_a_word_in_a_contests_quoted_name_names_no_school():
    text = ("Итоги областного интернет-конкурса «Новая школа – новый наставник»\n\n"
            "С 2 по 30 октября проходил областной интернет-конкурс методических материалов по реализации "
            "целевой модели наставничества в образовательных организациях. На конкурс поступило 84 работы "
            "педагогов-наставников и наставнических пар. Жюри отметило программы наставничества молодых "
            "педагогов и материалы наставников для наставляемых.\n")
    got = classify(text)
    assert got.issuer == "regional" and audit_class_of(text) == "external"


def test_mentoring_in_the_executive_bodies_is_civil_servants():
    text = ("ГУБЕРНАТОР ЛИПЕЦКОЙ ОБЛАСТИ\nПОСТАНОВЛЕНИЕ\nот 12 марта 2021 г. № 41\n"
            "О ПОРЯДКЕ ОРГАНИЗАЦИИ НАСТАВНИЧЕСТВА В ОРГАНАХ\nИСПОЛНИТЕЛЬНОЙ ВЛАСТИ ЛИПЕЦКОЙ ОБЛАСТИ\n\n"
            "В целях профессионального становления лиц, впервые поступивших на службу, постановляю:\n"
            "1. Утвердить Порядок организации наставничества (приложение).\n"
            "2. Руководителям органов назначать наставников из числа опытных сотрудников.\n")
    assert audit_class_of(text) == "other"


def test_a_collective_agreements_pay_clause_for_mentors_is_no_regulation():
    text = ("Коллективный договор на 2024–2027 годы\n\n"
            "6.4. Работодатель устанавливает доплаты за работу, не входящую в должностные обязанности:\n"
            "- за проверку тетрадей – до 10 % оклада;\n"
            "- за наставничество в отношении молодого специалиста по персонализированной программе наставничества "
            "– 10 % оклада, при двух наставляемых – 15 %;\n"
            "6.5. Молодым специалистам устанавливается надбавка 20 % оклада в течение трёх лет.\n"
            "6.6. Наставнику, чей наставляемый прошёл аттестацию, выплачивается премия.\n")
    assert audit_class_of(text) == "other"


def test_a_regulation_whose_sections_name_another_body_is_not_about_mentoring():
    text = ("2. Задачи школьного методического объединения\n"
            "2.1. Изучение нормативных документов и методических материалов по предметам.\n"
            "2.2. Организация наставничества над молодыми учителями: наставник закрепляется за молодым "
            "специалистом приказом директора, наставник посещает уроки наставляемого.\n"
            "2.3. Проведение предметных недель и открытых уроков.\n"
            "3. Права школьного методического объединения\n"
            "3.1. ШМО вправе выдвигать учителей на конкурсы профессионального мастерства.\n"
            "3.2. ШМО вправе вносить предложения по распределению учебной нагрузки.\n")
    assert audit_class_of(text) == "other"
    # a regulation on mentoring has sections of its own on it
    own = text.replace("3. Права школьного методического объединения", "3. Права и обязанности наставника")
    assert audit_class_of(own) == "staff_regulation"


def test_a_digit_read_as_its_cyrillic_twin_in_a_number_is_a_digit():
    assert "№ 3 от 1" in prepare("протокол № З от 1З.05.2021").text
    assert prepare("протокол № З от 13.05.2021").text == "протокол № 3 от 13.05.2021"
    assert prepare("Зоя Орлова, ОО № 5").text == "Зоя Орлова, ОО № 5"


def test_ocr_slips_between_i_p_and_n_are_read_as_the_word():
    text = ("МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ ДОПОЛНИТЕЛЬНОГО ОБРАЗОВАНИЯ «ЦЕНТР ТВОРЧЕСТВА»\n"
            "Прпнято на педагогическом УТВЕРЖДАЮ\nсовете ЦТ Дпректор ЦТ\n"
            "протокол № З от 10. 01. 2022 _______ О.В. Лебедева\nпрпказ № 4 от 11.01.2022\n"
            "ПОЛОЖЕНИЕ\nо наставничестве педагогическнх работников\n1. Общие положення\n"
            "1.1. Настоящее Положение определяет органпзацию наставничества в отношении молодых педагогов "
            "дополнительного образования, стаж которых менее трёх лет.\n"
            "1.2. Наставник назначается прпказом директора из числа опытных педагогов.\n")
    assert "Принято на педагогическом" in prepare(text).text
    assert audit_class_of(text) == "staff_regulation"


def test_the_first_row_of_a_cut_table_is_cells_not_a_title():
    text = ("Ноябрь\nПосещение занятий наставляемого, разбор\nНаставник\nАнализ занятия, рекомендации\n"
            "Декабрь\nПодготовка наставляемым открытого занятия\nНаставник, наставляемый\nКонспект\n"
            "Январь\nОтчёт наставляемого на заседании цикловой комиссии\nНаставляемый\nПротокол\n"
            "Февраль\nВзаимопосещение занятий\nНаставляемый\nЛист посещения\n\n"
            "Наставник: ____________ /Соколов И.П./\nМолодой специалист: ____________ /Руднева А.С./\n")
    assert classify(text).title is None
    assert audit_class_of(text) == "programme"


def test_a_cards_date_and_size_lines_lead_to_the_files_own_heading():
    text = ("МБОУ «Школа № 4»\nДорожная карта наставничество\nДата: 01.03.2021\nРазмер: 702.9 Kb\nСкачать\n"
            "Рассмотрено на педагогическом совете, протокол № 4 от 26.02.2021\n"
            "ПОЛОЖЕНИЕ\nо реализации целевой модели наставничества обучающихся\n1. Общие положения\n"
            "1.1. Положение определяет порядок наставничества обучающихся в форме «ученик – ученик».\n"
            "1.2. Наставляемыми являются обучающиеся 5–9 классов, наставниками – обучающиеся 10–11 классов.\n")
    assert audit_class_of(text) == "students_regulation"


def test_the_end_of_a_programme_over_its_annexed_road_map_is_the_programme():
    text = ("5.2. Ожидаемые результаты реализации программы наставничества: снижение числа молодых учителей, "
            "уходящих из профессии; рост числа наставников.\n"
            "5.3. Программа реализуется в форме «учитель – учитель» с закреплением наставнических пар.\n\n"
            "Приложение 1\nк Программе наставничества МБОУ «Гимназия № 2» на 2023–2025 годы\n\n"
            "Дорожная карта реализации программы наставничества\n"
            "№ | Мероприятие | Сроки | Ответственный\n1 | Назначение куратора | сентябрь 2023 | директор\n"
            "2 | Закрепление пар | сентябрь 2023 | куратор\n3 | Мониторинг | май 2024 | куратор\n")
    assert audit_class_of(text) == "programme"
    assert "roadmap" in classify(text).contains


def test_a_section_page_over_a_list_of_files_is_no_document():
    text = ("МБДОУ «Детский сад № 9»\nГлавная » Наставничество\nЦелевая модель наставничества\n"
            "Наставничество – технология передачи опыта и знаний через общение, основанное на доверии. "
            "В детском саду внедряется целевая модель наставничества для молодых воспитателей.\n"
            "Документы:\n• Положение о наставничестве (скачать, 356 КБ)\n"
            "• Приказ о внедрении целевой модели наставничества (скачать, 211 КБ)\n"
            "• Дорожная карта (скачать, 87 КБ)\nПоследнее обновление: 14.03.2022\n")
    assert audit_class_of(text) == "other"


def test_a_colleges_plan_with_employers_is_a_colleges_not_a_companys():
    text = ("ГБПОУ «Приморский колледж технологий»\n\n"
            "План мероприятий по реализации формы наставничества\n«работодатель – студент» на 2024/2025 учебный год\n\n"
            "1. Заключение соглашений с предприятиями-партнёрами (ООО «Рассвет», ООО «Техсервис») – сентябрь 2024.\n"
            "2. Формирование наставнических пар из студентов 3 курса и сотрудников предприятий – октябрь 2024.\n"
            "3. Стажировки студентов на рабочих местах наставников – ноябрь 2024 – апрель 2025.\n"
            "4. Анкетирование студентов-наставляемых и наставников – май 2025.\n")
    assert audit_class_of(text) == "roadmap"
    # a factory's regulation for its new workers, «выпускники колледжей» among them, stays a company's
    factory = ("АКЦИОНЕРНОЕ ОБЩЕСТВО «СТАНКОМАШ»\nУТВЕРЖДАЮ\nГенеральный директор ____ И.И. Пахомов\n\n"
               "ПОЛОЖЕНИЕ\nо наставничестве\n1. Общие положения\n"
               "1.1. Положение определяет порядок наставничества в АО «Станкомаш» для вновь принятых рабочих и "
               "выпускников колледжей.\n1.2. Наставник назначается из числа мастеров участка со стажем на предприятии "
               "не менее пяти лет.\n1.3. Наставничество на предприятии длится от одного до шести месяцев.\n")
    assert audit_class_of(factory) == "other"


def test_a_mentor_assigned_to_a_pupil_makes_it_pupils_mentoring():
    text = ("ПОЛОЖЕНИЕ\nо школьном наставничестве «Старший друг»\n1. Общие положения\n"
            "1.1. Положение определяет порядок работы с подростками, которым нужна поддержка в учёбе и общении.\n"
            "1.2. Наставник закрепляется за обучающимся решением совета профилактики школы. Наставником может быть "
            "учитель, педагог-психолог или старшеклассник-волонтёр.\n"
            "1.3. Наставник встречается с наставляемым не реже раза в неделю и помогает ему с уроками.\n")
    assert classify(text, rules_only=True).audience == "students"


def test_a_menu_line_over_an_act_on_a_legal_portal_is_no_title():
    text = ("ЭЛЕКТРОННЫЙ ФОНД ПРАВОВЫХ ДОКУМЕНТОВ\nИнформация о документе | Текст | Оглавление | Редакции\n"
            "Статус: Действующий\n\nДЕПАРТАМЕНТ ОБРАЗОВАНИЯ КОСТРОМСКОЙ ОБЛАСТИ\nПРИКАЗ\nот 5 мая 2022 года N 812\n"
            "Об утверждении Положения о региональной системе наставничества педагогических работников "
            "образовательных организаций Костромской области\n"
            "приказываю:\n1. Утвердить прилагаемое Положение о региональной системе наставничества.\n")
    got = classify(text)
    assert got.title.startswith("Приказ") or "Об утверждении" in got.title
    assert audit_class_of(text) == "external"


def test_an_authoritys_own_page_may_credit_its_own_press_office():
    text = ("Управление образования администрации города Ачинска\nГлавная › Новости\n"
            "В Ачинске прошёл муниципальный форум наставников\n"
            "На форуме собрались наставники и молодые специалисты 12 школ и 9 детских садов города. "
            "Обсуждали персонализированные программы наставничества и работу муниципального Совета наставников.\n"
            "Фото: пресс-служба Управления образования\n")
    assert audit_class_of(text) == "external"


def test_digits_inside_russian_words_are_the_letters_ocr_misread():
    text = prepare("Дорожная карта внедрения целе80й модели наста8ничест8а, формы «у4еник – у4еник», 5-11 классы, 2О2О").text
    assert "целевой модели наставничества" in text and "«ученик – ученик»" in text
    assert "5-11 классы, 2020" in text
    assert prepare("2022 О внедрении").text == "2022 О внедрении"


def test_the_domains_words_misread_by_ocr_are_read_again_in_a_broken_text():
    text = ("МУНИЦИПАЛЬНОЕ БЮДЖЕТИОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ СРЕДИЯЯ ШКОЛА № 4\nПРИКАЗ\n"
            "от 14.09.2021 г. № 118\nО внедрении целсвой модели иаставничества обучающихся\n"
            "В соотвегствии с распоряжением Миниетерства просвещения Российекой Федерации от 25.12.2019 "
            "№ Р-145 ПРИКАЗЫВАЮ:\n1. Внедрить целевую модель настазничестза обучающихся в формах "
            "«ученик – ученик», «студент – ученик».\n2. Назначить куратором внедрения заместителя директора.\n")
    got = prepare(text).text
    assert "целевой модели наставничества" in got and "модель наставничества обучающихся" in got
    assert audit_class_of(text) == "order"
    # a text that reads clean keeps its words as they are
    assert prepare("Сотрудник настазничал недолго.").text == "Сотрудник настазничал недолго."


def test_an_approval_blocks_columns_side_by_side_stay_in_the_block():
    text = ("МБОУ «Гимназия № 8»\n"
            "Рассмотрено и принято | УТВЕРЖДАЮ\nна педагогическом совете | Директор МБОУ «Гимназия № 8»\n"
            "Протокол N 2 | /подпись/ ____ Е.А. Сорокина\nот 26.08.2021 | Приказ № 214 от 26.08.2021\n"
            "ПОЛОЖЕНИЕ\nо наставничестве молодых педагогов\n1. Общие положения\n"
            "1.1. Настоящее положение регулирует отношения, связанные с организацией наставничества в отношении "
            "молодых специалистов и вновь принятых учителей.\n")
    got = classify(text)
    assert got.title == "Положение о наставничестве молодых педагогов"
    assert audit_class_of(text) == "staff_regulation"


def test_a_teachers_own_page_in_the_first_person_is_no_authoritys():
    text = ("Персональная страница педагога\nОрлова Вера Ивановна\nДолжность: воспитатель высшей категории\n"
            "Общий стаж: 24 года\n"
            "Наставничество\nС 2020 года являюсь наставником молодых воспитателей. Мои наставляемые: Котова Е.А., "
            "Рябова Н.С. Как наставник посещаю занятия наставляемых, наша наставническая пара подготовила проект, "
            "занявший второе место в городском конкурсе наставнических пар.\n"
            "Награды: грамота министерства образования области, благодарность управления образования района.\n")
    assert audit_class_of(text) == "other"


def test_a_university_lecture_on_mentoring_is_nobodys_document():
    text = ("Педагогика. Курс лекций для студентов направления 44.03.05\n"
            "Лекция 4. Наставничество в адаптации молодого педагога\n"
            "1. Функции наставника.\n2. Формы наставничества: традиционная, групповая, реверсивная.\n"
            "Наставник помогает молодому специалисту освоить профессию; наставляемый выполняет задания наставника.\n"
            "Вопросы для самопроверки: 1) Назовите функции наставника. 2) Чем наставник отличается от тьютора?\n")
    assert audit_class_of(text) == "other"


def test_an_orders_points_tasking_people_in_the_dative_make_an_order():
    text = ("наставнических пар педагогов на 2024–2025 учебный год (приложение 2).\n"
            "4. Методисту Орловой Т.Г.:\n4.1. в срок до 01.10.2024 организовать разработку персонализированных программ "
            "наставничества для педагогов со стажем до трёх лет;\n"
            "5. Руководителям методических объединений включить вопросы наставничества в планы работы.\n"
            "6. Наставникам вести журнал наставника и представить отчёт о выполнении персонализированной программы.\n")
    assert audit_class_of(text) == "order"
    # a road map's rows name their measures, not whom they task
    rows = ("4. Разработка персонализированных программ наставничества – до 01.10.2024, методист.\n"
            "5. Включение вопросов наставничества в планы методических объединений – сентябрь, руководители МО.\n"
            "6. Ведение журнала наставника – в течение года, наставники.\n")
    assert audit_class_of(rows) != "order"


def test_a_collective_agreements_parties_name_it_mid_text():
    text = ("5.7. Работодатель обязуется:\n5.7.1. Закреплять за молодым специалистом наставника из числа опытных "
            "педагогов на срок не менее года и устанавливать наставнику ежемесячную выплату за каждого наставляемого.\n"
            "5.7.2. Обеспечивать молодым специалистам нагрузку не менее ставки.\n"
            "5.8. Профсоюзный комитет:\n5.8.1. Ходатайствует о награждении наставников грамотами.\n")
    assert audit_class_of(text) == "other"


def test_table_rows_set_between_bars_with_the_term_first_are_a_plans_rows():
    text = ("| Октябрь | Знакомство наставляемой с рабочей программой группы | Наставник показывает образцы планирования | План на неделю |\n"
            "| Октябрь | Режимные моменты в младшей группе | Наблюдение в группе наставника | Памятка |\n"
            "| Ноябрь | Занятие по речевому развитию | Посещение занятия наставляемой наставником | Конспект, анализ |\n"
            "| Декабрь | Подготовка утренника | Практическая работа наставляемой | Сценарий |\n"
            "| Январь | Самоанализ занятия молодого воспитателя | Беседа с наставником | Самоанализ |\n")
    assert audit_class_of(text) == "programme"


def test_a_cut_tables_first_row_under_its_number_is_a_cell():
    text = ("5.2\nМониторинг удовлетворённости участников наставнических пар (анкетирование)\nапрель 2025\n"
            "старший воспитатель\nрезультаты анкетирования\n"
            "5.3\nОтчёты наставников о реализации персонализированных программ\nдо 15.05.2025\nнаставники\nотчёты\n"
            "5.4\nПредставление результатов наставничества на педагогическом совете\nмай 2025\nзаведующий, куратор\nпротокол\n")
    assert classify(text).title is None
    assert audit_class_of(text) == "roadmap"


def test_one_row_on_a_young_teachers_mentor_makes_no_pairs_plan():
    text = ("Месяц | Мероприятие | Ответственный\n"
            "Сентябрь | Педагогический совет «Задачи на новый учебный год» | директор\n"
            "Октябрь | Закрепление наставника за молодым специалистом | зам. директора по УВР\n"
            "Ноябрь | Предметная неделя естественных наук | руководители МО\n"
            "Декабрь | Промежуточный контроль | зам. директора по УВР\n"
            "Март | Неделя детской книги | библиотекарь\n")
    assert audit_class_of(text) == "other"


def test_an_orders_point_opening_on_its_verb_names_the_order_mid_text():
    text = ("2. Закрепить наставников за педагогами, впервые приступившими к работе:\n"
            "| № | Наставник | Наставляемый | Срок |\n"
            "| 1 | Лосева И.А., педагог дополнительного образования | Тимофеева К.С., стаж 0 лет | 01.10.2021–31.05.2022 |\n"
            "| 2 | Павлов Д.Н., методист | Ершов А.В., педагог-организатор | 01.10.2021–31.12.2021 |\n"
            "3. Основанием для закрепления считать заявления наставников и согласие наставляемых.\n"
            "4. Методисту Павлову Д.Н. обеспечить ведение документации по наставничеству.\n")
    assert audit_class_of(text) == "order"


COUNCIL_MEETING = (
    "14 февраля 2024 года на базе МБОУ «Средняя школа № 4» состоялось заседание Муниципального совета наставников. "
    "Открыла встречу методист нашего центра, напомнив, что совет объединяет педагогов-наставников всех школ округа.\n"
    "В повестке: итоги диагностики затруднений молодых учителей, график открытых уроков наставнических пар.\n"
    "Решение совета: персонализированные программы наставничества представить кураторам до 1 марта.\n")


def test_a_body_speaking_of_itself_is_the_pages_publisher():
    assert audit_class_of(COUNCIL_MEETING) == "external"
    # a school's news of the same meeting speaks of its own school
    school = COUNCIL_MEETING.replace("методист нашего центра", "заместитель директора нашей школы")
    assert audit_class_of(school) == "other"


def test_a_regulations_middle_that_defines_the_mentor_is_about_mentoring():
    # an excerpt that starts inside the general provisions: numbered clauses, no title
    text = ("работы с педагогами, впервые принятыми на работу в школу или переведёнными на новую должность. "
            "1.2. Наставник – опытный учитель, имеющий стаж работы в школе не менее пяти лет и высокие "
            "результаты методической работы. 1.3. Молодой специалист – педагог со стажем до трёх лет, "
            "который повышает квалификацию под руководством наставника по плану профессионального "
            "становления. 1.4. Настоящее Положение действует до замены новым.")
    assert audit_class_of(text) == "staff_regulation"
    # the same clauses defining a class teacher regulate no mentoring
    other = text.replace("1.2. Наставник – опытный учитель", "1.2. Классный руководитель – опытный учитель")
    assert audit_class_of(other) == "other"


def test_a_speakers_own_centre_in_a_quoted_speech_is_not_the_pages_publisher():
    # a newspaper quotes a federal centre's head: his «наш центр» is not the page's voice
    speech = ("Глава региона и директор Центра знаний подписали соглашение о совместных проектах в сфере "
              "образования. Документ предполагает тиражирование практик наставничества педагогов.\n"
              "«Мы проведём в регионе несколько образовательных модулей. Наш центр давно работает с "
              "наставниками школ и готов делиться методиками», — отметил директор центра.\n")
    assert audit_class_of(speech) == "other"
    unquoted = speech.replace("«Мы проведём", "Мы проведём").replace("методиками», — отметил директор центра.",
                                                                       "методиками.")
    assert audit_class_of(unquoted) == "external"


def test_an_announcement_to_the_heads_of_a_territorys_schools_is_the_authoritys():
    text = ("Вниманию руководителей и кураторов наставничества общеобразовательных организаций!\n"
            "18 марта 2025 года в 14.00 проводится обучающий семинар «Куратор системы наставничества: документы, "
            "мониторинг, отчётность».\nВопросы семинара: персонализированные программы наставничества, мониторинг "
            "наставнических пар, отчёт куратора.\nДля участия до 14 марта заполните заявку.\n")
    assert audit_class_of(text) == "external"


def test_a_course_for_mentors_is_no_schools_programme():
    text = ("Дополнительная профессиональная программа повышения квалификации\n"
            "«Наставничество в образовательной организации: проектирование и сопровождение» (36 ч)\n\n"
            "Категория слушателей: педагогические работники, выполняющие функции наставников; кураторы наставничества.\n"
            "Модуль 1. Нормативные основы наставничества педагогических работников.\n"
            "Модуль 2. Разработка персонализированной программы наставничества.\n"
            "Модуль 3. Формы наставничества: традиционное, групповое, реверсивное.\n")
    assert audit_class_of(text) != "programme"
    assert audit_class_of(text.replace("Дополнительная профессиональная программа повышения квалификации",
                                       "Программа наставничества МБОУ «Школа № 3»")) == "programme"


def test_a_course_sold_under_an_institutes_name_is_a_companys_offer():
    # a private provider calls itself an institute of education development; the region's own
    # institute does not sell its courses on the programme's page
    text = ("Институт развития образования и переподготовки\n"
            "72 часа, 12 дней обучения. Цена 1490 руб.\nЗаписаться на курс\n\n"
            "УТВЕРЖДАЮ\nРектор ____________ «10» января 2026 г.\n\n"
            "ДОПОЛНИТЕЛЬНАЯ ПРОФЕССИОНАЛЬНАЯ ПРОГРАММА\nПОВЫШЕНИЯ КВАЛИФИКАЦИИ\n"
            "«Наставничество педагогических работников в образовательной организации»\n\n"
            "1. Общие положения\nПрограмма готовит наставников молодых педагогов и кураторов наставничества.\n")
    assert audit_class_of(text) == "other"
    state = text.replace("72 часа, 12 дней обучения. Цена 1490 руб.\nЗаписаться на курс\n",
                         "72 часа, 12 дней обучения.\n")
    assert audit_class_of(state) == "external"


def test_mentoring_in_a_state_body_named_twice_is_civil_service_under_any_title():
    # a template site's listing: a plan's title on top, a governor's act on civil servants below
    text = ("Примерный план работы наставника\n"
            "Образцы документов Новости Избранное\n"
            "Об утверждении Порядка наставничества в администрации Северного края и исполнительных органах "
            "государственной власти края. Утвердить прилагаемый Порядок наставничества в администрации Северного "
            "края. Контроль за исполнением постановления возложить на заместителя главы края.\n"
            "1. Наставник закрепляется за лицом, впервые поступившим на службу, на срок от трёх до шести месяцев.\n")
    assert audit_class_of(text) == "other"
    school = text.replace("в администрации Северного края и исполнительных органах государственной власти края",
                          "в МБОУ «Школа № 9»").replace("в администрации Северного края", "в МБОУ «Школа № 9»")
    assert audit_class_of(school) != "other"


INTERVIEW = (
    "Наставник рядом\nВ школах района третий год работает целевая модель наставничества. Что она даёт молодым "
    "учителям? Об этом наша беседа с Ольгой Мельник, заместителем директора Каменской школы.\n"
    "Ольга Мельник – победитель муниципального конкурса «Лучшие практики наставничества», член регионального "
    "совета наставников.\n– Ольга Петровна, с чего начинается наставничество?\n– С доверия. Формы бывают разные: "
    "учитель – учитель, учитель – ученик, ученик – ученик.\n")


def test_a_newspapers_interview_is_nobodys_page():
    assert audit_class_of(INTERVIEW) == "other"
    assert classify(INTERVIEW).issuer == "unknown"


def test_a_spaced_out_heading_of_several_words_is_split_into_its_words():
    from audit_rules.text_features import clean_text
    assert clean_text("П О Л О Ж Е Н И Е О С И С Т Е М Е Н А С Т А В Н И Ч Е С Т В А") == \
        "ПОЛОЖЕНИЕ О СИСТЕМЕ НАСТАВНИЧЕСТВА"
    text = ("Муниципальное бюджетное общеобразовательное учреждение «Школа № 12»\n"
            "П Р О Г Р А М М А Н А С Т А В Н И Ч Е С Т В А\n«Первые шаги»\nдля молодых педагогов на 2024 – 2026 годы\n"
            "Принята на педагогическом совете (протокол № 1 от 29.08.2024)\n"
            "Программа адресована учителям со стажем до трёх лет. Каждому молодому педагогу приказом директора "
            "назначается наставник.\n")
    assert audit_class_of(text) == "programme"


def test_a_programmes_numbered_sections_name_it_mid_document():
    note = ("1. Пояснительная записка\nПрограмма разработана для сопровождения учителей, впервые пришедших в школу. "
            "Наставниками выступают опытные учителя, закреплённые приказом директора.\n"
            "2. Цель: адаптация молодого учителя в коллективе и освоение требований к уроку.\n")
    assert audit_class_of(note) == "programme"
    stages = ("в том числе в подготовке к аттестации.\n\n4. Этапы реализации программы «Рядом с наставником»\n\n"
              "Подготовительный этап. Куратор выявляет затруднения молодых учителей, формирует наставнические пары.\n"
              "Основной этап. Наставник и наставляемый встречаются еженедельно: взаимопосещение уроков, разбор "
              "технологических карт, подготовка к открытому уроку.\n"
              "Завершающий этап. Анкетирование участников наставничества, отчёт пар на методическом совете.\n")
    assert audit_class_of(stages) == "programme"
    assert audit_class_of(stages.replace("4. Этапы реализации программы «Рядом с наставником»",
                                         "4. Этапы работы")) != "programme"


def test_rows_ending_in_their_term_and_who_answers_make_a_road_map():
    rows = ("\tОпределение затруднений молодых учителей: анкетирование, беседы\tсентябрь 2024\tкуратор\n"
            "\tСбор согласий наставников на участие в программе\tсентябрь 2024\tзаместитель директора по УВР\n"
            "3\tЗакрепление наставнических пар приказом\tпо мере необходимости\tдиректор\n"
            "\tВзаимопосещение уроков в наставнических парах\tежечетвертно\tнаставники\n"
            "\tСеминар «Трудный урок» для наставляемых\tноябрь 2024\tруководители ШМО\n"
            "4\tИтоговое анкетирование участников наставничества\tапрель 2025\tкуратор, педагог-психолог\n")
    assert audit_class_of(rows) == "roadmap"


def test_a_clauses_term_in_its_sentence_makes_no_row():
    clauses = ("8. Оценка результатов\n"
               "8.1. Мониторинг реализации системы наставничества проводится методической службой по итогам "
               "учебного года.\n8.2. Наставнику устанавливается ежемесячная доплата в соответствии с Положением об "
               "оплате труда.\n8.3. Лучшие наставники по итогам года представляются к поощрению.\n"
               "8.4. Отчёты наставников рассматриваются ежегодно на педагогическом совете.\n"
               "8.5. Куратор по итогам учебного года готовит аналитическую справку о наставничестве педагогических "
               "работников.\n")
    assert audit_class_of(clauses) == "staff_regulation"


def test_a_wrapped_line_opening_on_the_mentee_is_no_pairs_field():
    text = ("7. Мониторинг и оценка результатов\n7.1. Мониторинг проводится куратором два раза в год.\n"
            "7.2. Показатели эффективности для\nнаставляемого:\n– динамика отметок по предметам;\n"
            "– участие в олимпиадах и конкурсах.\n7.3. Показатели для наставника из числа\nобучающихся: "
            "рост лидерских навыков.\n7.4. Анкетирование наставляемых обучающихся проводится с согласия родителей.\n")
    assert audit_class_of(text) == "students_regulation"
    # a pair's field is the mentee named as such: «Наставляемый: Петрова А.А.»
    assert lexicon.GENRE_BODY_CUES and any(
        cue.label == "program" and cue.pattern.search("наставляемый: петрова а.а.") for cue in lexicon.GENRE_BODY_CUES)


def test_ocr_misreadings_of_a_spaced_order_heading_are_read_back():
    from audit_rules.text_features import clean_text
    assert clean_text("П Р И К А 3") == "ПРИКАЗ"
    assert clean_text("С Т А Т Ь Я 3") == "СТАТЬЯ 3"     # a number after a spaced heading stays a number
    assert clean_text("П Р И К А З Ь1 В A Ю :") == "ПРИКАЗЫВАЮ :"
    assert clean_text("вь1полнение плана") == "выполнение плана"


def test_an_orders_last_point_over_its_annexes_makes_the_file_the_order():
    text = ("5. Контроль за исполнением настоящего приказа оставляю за собой.\n"
            "Директор                                         А.В. Горина\n"
            "                                                 Приложение № 1\n"
            "                                                 к приказу МБОУ «Школа № 7»\n"
            "                                                 от 30.08.2024 № 112-о\n"
            "Состав наставнических пар на 2024-2025 учебный год\n"
            "1. Наставник: Орлова Н.П., учитель физики. Наставляемый: Белов И.С., учитель физики (стаж 1 год).\n"
            "2. Наставник: Климова Е.А., учитель английского языка. Наставляемая: Титова О.В. (вновь принятая).\n"
            "                                                 Приложение № 2\n"
            "Согласие на участие в программе наставничества\n"
            "Я, ____________________, даю согласие на участие в программе наставничества в качестве наставника.\n")
    assert audit_class_of(text) == "order"


def test_a_point_number_ends_the_sentence_an_orders_act_is_read_in():
    text = ("ПРИКАЗ\nот 02.04.2024 № 51-у\nО направлении обучающихся группы ЭМ-21 на учебную практику\n"
            "ПРИКАЗЫВАЮ:\n1. Направить обучающихся группы ЭМ-21 на практику в ООО «Электросеть» с 15.04.2024.\n"
            "2. Назначить руководителем практики от колледжа преподавателя Зуева К.П. 3. Руководителями практики "
            "от профильной организации (наставниками) считать мастеров участка.\n"
            "4. Обучающимся сдать отчёты по практике до 20.05.2024.\nДиректор О.И. Рябова\n")
    assert audit_class_of(text) == "other"
    pairs = text.replace("3. Руководителями практики от профильной организации (наставниками) считать",
                         "наставником молодого преподавателя Лапиной А.А., а также")
    assert audit_class_of(pairs) == "order"


def test_a_curator_glossed_as_mentor_of_a_movements_branch_is_no_mentoring_order():
    text = ("ПРИКАЗ\n11.09.2023 № 241\nО создании первичного отделения движения детей и молодёжи\nПРИКАЗЫВАЮ:\n"
            "1. Создать на базе школы первичное отделение движения.\n"
            "2. Назначить куратором (наставником) первичного отделения советника директора по воспитанию Ильину А.Р.\n"
            "3. Утвердить план работы отделения (приложение).\nДиректор Е.Н. Юрьева\n")
    assert audit_class_of(text) == "other"
    assert audit_class_of(text.replace("куратором (наставником) первичного отделения",
                                       "куратором наставничества педагогических работников")) == "order"


def test_a_schools_celebrations_of_the_year_of_the_teacher_and_mentor_are_no_mentoring():
    text = ("МБОУ «Школа № 40»\nПРИКАЗ\n20.01.2023 № 23\nОб утверждении плана мероприятий, посвящённых Году "
            "педагога и наставника\nПРИКАЗЫВАЮ:\n1. Утвердить план мероприятий школы (приложение): конкурс "
            "сочинений «Мой учитель», фотовыставка «Педагогическая династия», концерт ко Дню учителя.\n"
            "2. Контроль за исполнением приказа оставляю за собой.\nДиректор А.В. Котов\n")
    assert audit_class_of(text) == "other"
    both = text.replace("посвящённых Году педагога и наставника",
                        "по развитию системы наставничества в Год педагога и наставника")
    assert audit_class_of(both) == "order"


def test_an_advice_sites_sample_order_is_nobodys_order():
    text = ("Главная / Образцы документов / Кадры\nПриказ о наставничестве в школе: образец 2025 года\n"
            "Обновлено 12.02.2025 · Автор: эксперт по кадровому делопроизводству\n"
            "Наставничество в школе оформляют приказом руководителя после того, как утверждено положение о системе "
            "наставничества педагогических работников. В приказе укажите наставника и наставляемого, срок и форму.\n"
            "ПРИКАЗ\n__.__.2025 № ___\nО закреплении наставников\nПРИКАЗЫВАЮ: 1. Закрепить за учителем ________ "
            "наставника ________.\nСкачать образец (.docx, 24 КБ)\n")
    assert audit_class_of(text) == "other"
    own = text.replace(": образец 2025 года", " № 14 от 12.02.2025")
    assert audit_class_of(own) == "order"


def test_mentoring_in_a_hospital_or_a_company_with_its_own_mentors_school_is_outside_education():
    hospital = ("3.2. Наставничество устанавливается в отношении медицинских сестёр, впервые принятых на работу "
                "после окончания колледжа.\n3.3. Наставник назначается из числа старших медицинских сестёр со стажем "
                "не менее пяти лет.\n3.4. Наставник обязан ознакомить молодого специалиста с правилами "
                "санитарного режима отделения.\n3.5. Заключение наставника хранится в отделе кадров больницы.\n")
    assert audit_class_of(hospital) == "other"
    company = ("ООО «СеверСтрой»\nУТВЕРЖДЕНО приказом генерального директора от 10.01.2025 № 3-к\n"
               "ПОЛОЖЕНИЕ О НАСТАВНИЧЕСТВЕ\n1.1. Положение устанавливает порядок адаптации новых работников через "
               "наставничество на период испытательного срока.\n2. Наставник – работник со стажем в компании не "
               "менее 2 лет, прошедший внутреннее обучение «Школа наставника».\n3.1. Наставнику выплачивается "
               "премия за каждого стажёра, прошедшего испытательный срок.\n")
    assert audit_class_of(company) == "other"
    school = company.replace("ООО «СеверСтрой»", "МБОУ «Школа № 5»").replace(
        "генерального директора", "директора").replace("новых работников", "молодых педагогов")
    assert audit_class_of(school) == "staff_regulation"


def test_three_clauses_on_mentoring_make_a_regulations_part():
    forms = ("2.5. Наставничество в Школе организуется в формах:\n- «ученик – ученик»: старшеклассники помогают "
             "обучающимся 5–6 классов адаптироваться к основной школе;\n- «студент – ученик»: студенты колледжа "
             "сопровождают обучающихся 8–9 классов в профессиональных пробах.\n2.6. Наставляемые обучающиеся и их "
             "родители подписывают согласие на участие в программе.\n2.7. Продолжительность взаимодействия – не менее "
             "трёх месяцев.\n")
    assert audit_class_of(forms) == "students_regulation"
    # three clauses of a pay regulation, one item of whose list is a mentor's bonus, are not
    pay = ("1.2. Стимулирующие выплаты устанавливаются приказом директора по решению комиссии.\n2.1. Выплаты за "
           "интенсивность работы:\n– за руководство методическим объединением – 10 % оклада;\n– за наставничество "
           "над молодыми специалистами – 15 % оклада на период, установленный приказом о закреплении наставника;\n"
           "– за ведение сайта – 10 % оклада.\n2.2. Выплаты за качество работы устанавливаются по итогам полугодия.\n")
    assert audit_class_of(pay) == "other"


def test_a_regulations_last_clause_naming_it_over_its_annexed_forms_makes_the_file_the_regulation():
    text = ("и утверждаются приказом директора.\n8.3. Настоящее Положение действует до его отмены.\n\n"
            "Приложение 1\nк Положению о системе наставничества\nпедагогических работников МБОУ «СОШ № 8»\n\n"
            "Директору МБОУ «СОШ № 8»\nот учителя ________________\n\nЗАЯВЛЕНИЕ\n"
            "Прошу назначить меня наставником ______________________ (ФИО наставляемого)\n"
            "на период с «___» ________ 20__ г. по «___» ________ 20__ г.\n«___» ________ 20__ г. ________ / ________\n")
    assert audit_class_of(text) == "staff_regulation"


def test_a_plan_laid_out_by_months_signed_by_the_pair_is_the_pairs_programme():
    text = ("Январь    Анализ результатов полугодия, составление плана на второе полугодие.    Собеседование\n"
            "Февраль   Проверка тетрадей наставником, разбор ошибок в оценивании.           Консультация\n"
            "Март      Открытый урок молодого специалиста в 6 «Б» классе, самоанализ урока.   Открытый урок\n"
            "Апрель    Подготовка обучающихся к ВПР: работа с демоверсией.                    Практикум\n"
            "Май       Итоговое собеседование с наставником, отчёт о выполнении плана.        Отчёт\n\n"
            "Наставник ____________ / Сорокина Т.П. /\nМолодой специалист ____________ / Жуков А.Н. /\n")
    assert audit_class_of(text) == "programme"
    # a regulation's clause wrapped onto a line beginning with a month's date is no row
    clause = ("3.4. Наставник назначается приказом директора не позднее 1 сентября, а его отчёт заслушивается до 20\n"
              "мая на заседании методического совета школы по вопросам наставничества педагогических работников.\n"
              "3.5. Наставляемый ведёт дневник наставничества.\n3.6. Куратор контролирует работу наставников.\n"
              "3.7. Наставник вправе посещать уроки наставляемого.\n")
    assert audit_class_of(clause) == "staff_regulation"


def test_a_programme_naming_itself_by_its_name_and_purpose_is_a_programme():
    text = ("Раздел 2. Цель и задачи\n\nПрограмма «Свой среди своих» адресована педагогам, пришедшим в школу из "
            "других организаций, и специалистам, вернувшимся в профессию после перерыва.\n\nЦель: сократить период "
            "адаптации вновь принятых педагогов.\n\nЗадачи:\n1. Закрепить за каждым новым сотрудником наставника из "
            "числа руководителей кафедр.\n2. Организовать взаимопосещение уроков наставника и наставляемого.\n"
            "3. Провести итоговое собеседование наставника с каждым наставляемым в декабре.\n")
    assert audit_class_of(text) == "programme"


def test_a_programme_of_upbringings_mentoring_module_is_no_mentoring_document():
    text = ("2.2.11. Модуль «Профориентация»\nПрофориентационные уроки, экскурсии на предприятия, пробы на базе "
            "колледжа.\n\n2.2.12. Модуль «Наставничество» (вариативный)\nВ рамках целевой модели наставничества "
            "обучающихся учащиеся 9–11 классов сопровождают младших школьников в формах «ученик – ученик» и «учитель "
            "– ученик». Пары закрепляются приказом директора.\n\n2.2.13. Модуль «Школьные медиа»\nШкольная газета и "
            "видеостудия освещают события школы.\n\n3.1. Кадровое обеспечение\n")
    assert audit_class_of(text) == "other"


SCHOOL_OF_YOUNG_TEACHERS = (
    "28 февраля на базе МАОУ «Гимназия № 3» прошло занятие районной Школы молодого педагога. Участниками стали "
    "30 учителей со стажем до трёх лет из 15 общеобразовательных организаций района и их наставники.\n"
    "Методист напомнила, что за каждым молодым педагогом закреплён наставник, а персонализированные программы "
    "наставничества размещаются на сайтах школ. Следующая встреча – в апреле: молодые учителя проведут открытые "
    "уроки, члены совета наставников дадут им обратную связь.\n")


def test_a_page_counting_a_districts_schools_or_asking_their_heads_to_act_is_the_authoritys():
    assert audit_class_of(SCHOOL_OF_YOUNG_TEACHERS) == "external"
    asks = SCHOOL_OF_YOUNG_TEACHERS.replace("из 15 общеобразовательных организаций района", "") \
        + "Просим руководителей ОО обеспечить участие молодых специалистов.\n"
    assert audit_class_of(asks) == "external"
    # the same news told by one of the schools is the school's page
    own = SCHOOL_OF_YOUNG_TEACHERS.replace("Методист напомнила", "Молодые учителя нашей школы узнали")
    assert audit_class_of(own) == "other"


def test_an_authoritys_site_header_is_the_pages_publisher_unless_a_school_is_named_under_it():
    page = ("Комитет по образованию администрации Северного муниципального округа\n"
            "Главная › Деятельность › Кадровое обеспечение › Молодые педагоги\nПоддержка молодых педагогов\n"
            "В округе действует система мер поддержки молодых специалистов, впервые трудоустроившихся в "
            "муниципальные образовательные организации:\n• единовременная выплата при заключении трудового договора;\n"
            "• закрепление наставника в течение первого года работы и сопровождение по персонализированной программе;\n"
            "• участие в Школе молодого педагога и ежегодном слёте молодых педагогов.\n"
            "Комитет ведёт реестр наставников округа.\n")
    assert audit_class_of(page) == "external"
    platform = page.replace("Главная ›", "МБОУ «Северная СОШ № 2»\nГлавная ›")
    assert audit_class_of(platform) != "external"


def test_a_list_of_many_schools_curators_is_the_authoritys():
    text = ("Приложение 2\nк приказу от 06.09.2024 № 318\n\nСписок кураторов наставничества педагогических "
            "работников на 2024/2025 учебный год\n№ | Организация | ФИО куратора | Должность\n"
            "1 | МБОУ «СОШ № 1» | Лебедева А.О. | заместитель директора по УВР\n"
            "2 | МБОУ «Лицей № 4» | Гусев П.А. | заместитель директора по НМР\n"
            "3 | МКОУ «Озёрская ООШ» | Титова Л.В. | директор\n"
            "4 | МБДОУ «Детский сад № 8» | Юрина Н.С. | старший воспитатель\n")
    assert audit_class_of(text) == "external"


def test_a_contests_quoted_video_title_is_no_teachers_first_person():
    text = ("Подведены итоги муниципального этапа конкурса «Наставник года»\nНа заочный тур поступило 14 заявок. "
            "Жюри оценивало портфолио наставника и видеоролик «Мой наставляемый». Победитель представит "
            "муниципалитет на региональном этапе.\nРуководителям ОО, педагоги которых стали призёрами, рекомендовано "
            "рассмотреть стимулирование наставников.\n")
    assert audit_class_of(text) == "external"


def test_a_districts_school_of_young_teachers_under_a_methodical_centres_copyright_is_the_centres():
    text = ("План работы районной Школы молодого педагога на 2024–2025 учебный год\n\n"
            "Цель: методическая помощь молодым специалистам образовательных организаций района.\n"
            "Сентябрь — анкетирование «Мои профессиональные затруднения», закрепление наставников.\n"
            "Ноябрь — практикум «Технологическая карта урока».\nМарт — районный конкурс «Педагогический дебют».\n"
            "Май — итоговое занятие, анкетирование наставников.\n\n"
            "© МКУ «Методический центр» Северного муниципального района, 2024\n")
    assert audit_class_of(text) == "external"


def test_an_orders_place_of_issue_is_no_towns_title():
    text = ("П Р И К А З\nот 01.09.2024                                    Ле 201\nг. Десногорск\n\n"
            "О закреплении наставнических пар на 2024-2025 учебный год\n\n"
            "На основании Положения о системе наставничества педагогических работников, с письменного согласия "
            "участников\nПРИКАЗЫВАЮ:\n1. Закрепить наставнические пары (приложение).\n2. Наставникам разработать "
            "персонализированные программы наставничества до 20.09.2024.\n3. Контроль оставляю за собой.\n")
    assert audit_class_of(text) == "order"
    assert classify(text).issuer != "municipal"


def test_an_approval_blocks_openers_glued_by_two_columns_are_parted():
    from audit_rules.text_features import clean_text
    assert clean_text("ПРИНЯТОУТВЕРЖДАЮ") == "ПРИНЯТО УТВЕРЖДАЮ"
    text = ("Областное государственное бюджетное профессиональное образовательное учреждение «Южный колледж»\n"
            "ПРИНЯТОУТВЕРЖДАЮ\nПедагогическим советомДиректор ОГБПОУ ЮК\nпротокол N9 1 от 30.08.2024_________ "
            "А.П. Котов\nприказ от 31.08.2024 N9 245/01-09\nПОЛОЖЕНИЕ\nо наставничестве педагогическихработников\n"
            "1. Общиеположения\n1.1. НастоящееПоложение устанавливает порядок организации наставничества в "
            "отношениипреподавателей и мастеров производственного обучения колледжа, впервые принятых на работу.\n"
            "1.2. Наставничество осуществляется в отношении молодых специалистов в возрасте до 35 лет.\n")
    assert audit_class_of(text) == "staff_regulation"


def test_an_approval_blocks_reference_line_cut_from_its_opener_is_no_heading():
    text = ("Муниципальное автономное дошкольное образовательное учреждение «Детский сад «Берёзка»\n"
            "Рассмотрено и принято          УТВЕРЖДАЮ\nна педагогическом совете       Заведующий МАДОУ\n"
            "МАДОУ «Детский сад             «Детский сад «Берёзка»\n«Берёзка»                      _______ /О.В. Лисина/\n"
            "протокол от 25.08.2023 Nb 1    приказ от 26.08.2023 Nb 61\n          ;' ,,-~ .' М.П. ^ ,\n"
            "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников\n\n1. Общие положения\n"
            "1.1. Положение определяет порядок наставничества в отношении воспитателей и специалистов ДОУ.\n"
            "1.2. Основная форма наставничества — «воспитатель — воспитатель».\n")
    assert audit_class_of(text) == "staff_regulation"


def test_a_programmes_last_section_alone_names_it():
    text = ("5. Критерии эффективности программы\nПоказатель\nЗначение на конец года\n"
            "Доля наставляемых, самостоятельно разработавших контрольно-оценочные средства\nне менее 80 %\n"
            "Удовлетворённость наставляемых участием в наставничестве (анкета)\nне ниже 4 баллов из 5\n"
            "Доля молодых преподавателей, оставшихся в колледже\n100 %\n")
    assert audit_class_of(text) == "programme"
    # a regulation's section on the programmes it asks for names which, and is contested by its clauses
    clauses = ("5. Критерии эффективности программы\n5.1. Эффективность персонализированной программы наставничества "
               "оценивает куратор.\n5.2. Результаты оценки рассматриваются на методическом совете.\n"
               "5.3. Наставник и наставляемый заполняют анкеты удовлетворённости.\n"
               "5.4. Итоги наставничества отражаются в отчёте о самообследовании.\n")
    assert audit_class_of(clauses) != "programme"


def test_an_order_tasking_the_heads_of_municipal_schools_is_the_authoritys():
    text = ("ПРИКАЗЫВАЮ:\n1. Утвердить план мероприятий по внедрению системы наставничества педагогических работников "
            "на 2024–2025 годы (приложение 1).\n2. Руководителям муниципальных образовательных организаций:\n"
            "2.1. в срок до 01.04.2024 утвердить положение о системе наставничества педагогических работников;\n"
            "2.2. назначить приказом куратора реализации программ наставничества.\n"
            "3. Контроль за исполнением настоящего приказа оставляю за собой.\n")
    assert audit_class_of(text) == "external"
