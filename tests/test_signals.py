"""Consistency and formalism signals: mentor pairs against programmes, near-duplicate texts across schools."""

from __future__ import annotations

import json
import random
from itertools import combinations

import openpyxl
import pytest

from audit_rules import RULESET_VERSION
from audit_rules.base import ClassifiedDocument, SchoolEvidence
from audit_rules.signals import NEAR_DUPLICATE, PAIRS_PROGRAMMES, compute_signals
from audit_rules.signals_duplicates import SIMILARITY, _pairs_that_may_match, jaccard, normalised_tokens, shingles
from audit_rules.signals_pairs import count_pairs
from eduaudit import stages
from eduaudit.explain import explain, render_text
from eduaudit.reports.build import write_reports
from eduaudit.store import Store

# --- pairs in orders, the ways schools write them -------------------------------------------------

TABLE_ORDER = """ПРИКАЗ
от 02.09.2025 № 88-од
О закреплении наставнических пар
В целях профессиональной адаптации молодых специалистов, с письменного согласия участников,
ПРИКАЗЫВАЮ:
1. Закрепить наставнические пары на 2025/2026 учебный год:
№ п/п\tНаставник\tДолжность\tНаставляемый\tДолжность
1\tИванова Елена Петровна\tучитель математики\tПетрова Анна Сергеевна\tучитель физики
2\tСоколов Игорь Николаевич\tучитель истории\tКозлова Мария Андреевна\tучитель обществознания
3\tОрлова Татьяна Юрьевна\tучитель начальных классов\tЗайцева Ольга Игоревна\tучитель начальных классов
2. Наставникам разработать персонализированные программы наставничества до 01.10.2025.
3. Назначить куратором Морозову Светлану Ивановну, заместителя директора.
Директор ____________ Н.П. Гончаров
С приказом ознакомлены:
Иванова Е.П. ______ Петрова А.С. ______ Соколов И.Н. ______ Козлова М.А. ______"""

LIST_ORDER = """Приказ № 63-од от 03.09.2024
О назначении наставников
ПРИКАЗЫВАЮ:
1. Закрепить наставнические пары (с письменного согласия их участников):
1.1. Борисова В.П., учитель истории, – наставник Виноградовой С.М., молодого специалиста;
1.2. Богданова К.А. – Петрова Н.М.;
1.3. Зайцева Ю.П., учитель начальных классов, – наставник Королева Н.В. и Голубевой Г.В.
2. Контроль за исполнением приказа оставляю за собой."""

# The cells of a PDF table come out one per line, a long surname broken in two.
PDF_ORDER = """О закреплении наставников за молодыми специалистами
1. Назначить наставниками и закрепить за ними наставляемых педагогов:
№
п/п
Наставник Должность Наставляемый Должность, стаж
1 Киселёв
Владимир
Павлович
учитель начальных классов
Кузнецов
Григорий
Андреевич
педагог-психолог
2 Колеснико
ва Мария
Ивановна
учитель английского языка
Афанасьева
Любовь
Олеговна
учитель истории, стаж
2 года
2. Установить срок наставничества с 12.09.2025 по 31.05.2026."""

CURATOR_ORDER = """ПРИКАЗ № 162/1
О назначении куратора системы наставничества педагогических работников
ПРИКАЗЫВАЮ:
1. Назначить куратором реализации программ наставничества Егорову Светлану Петровну.
2. Возложить на куратора подготовку проектов приказов о закреплении наставнических пар.
3. Контроль исполнения приказа оставляю за собой.
И.о. директора _________ Никитина Е.Ю.
С приказом ознакомлена: ________ Егорова С.П."""


@pytest.mark.parametrize("text, pairs", [(TABLE_ORDER, 3), (LIST_ORDER, 4), (PDF_ORDER, 2), (CURATOR_ORDER, 0),
                                         ("Приказ об организации питания обучающихся.", 0)])
def test_pairs_are_counted_from_order_texts(text, pairs):
    assert count_pairs(text)[0] == pairs


# --- the pairs-against-programmes signal ---------------------------------------------------------

def doc(doc_type, sha, *, issuer="school", audience="teachers", about=True, title=None, url=None):
    return ClassifiedDocument(
        sha256=sha * 64, source="file", url=url or f"http://{sha}.test/{doc_type}.pdf", urls=[], link_text="",
        doc_type=doc_type, audience=audience, issuer=issuer, about_mentoring=about, confidence=0.9,
        title=title or f"Документ {doc_type}", date="2025-09-02", number="1", contains=[], evidence=[],
        extraction_status="ok", fetched_at="2026-11-01T10:00:00+00:00")


def school(school_id, documents, texts, municipality="вяземский", kind="school"):
    return SchoolEvidence(
        school={"school_id": school_id, "municipality_key": municipality, "short_name": f"Школа {school_id}",
                "kind": kind},
        site={"reachable": 1}, pages=[], documents=documents, read_text=lambda sha: texts.get(sha, ""))


def test_more_pairs_than_programmes_is_a_signal():
    order = doc("order", "a", title="О закреплении наставнических пар")
    programmes = [doc("program", "b"), doc("program", "c")]
    signals = compute_signals([school("s1", [order, *programmes], {order.sha256: TABLE_ORDER})])
    assert [s.signal_id for s in signals] == [PAIRS_PROGRAMMES]
    signal = signals[0]
    assert "пар: 3" in signal.detail and "найдено: 2" in signal.detail
    assert signal.evidence_url == order.url and "Иванова Елена Петровна" in signal.evidence_text


def test_enough_programmes_or_foreign_documents_give_no_signal():
    order = doc("order", "a")
    three = [doc("program", s) for s in "bcd"]
    assert compute_signals([school("s1", [order, *three], {order.sha256: TABLE_ORDER})]) == []
    # A municipal order pairs nobody at this school; an authority is not judged for formalism.
    municipal = doc("order", "a", issuer="municipal")
    assert compute_signals([school("s1", [municipal], {municipal.sha256: TABLE_ORDER})]) == []
    assert compute_signals([school("m1", [order], {order.sha256: TABLE_ORDER}, kind="municipality")]) == []


# --- near-duplicates across schools of one municipality ------------------------------------------

def regulation_text(school_name: str, director: str, number: str, date: str, *, variant: int = 0) -> str:
    clauses = [
        "определяет цели, задачи, формы и порядок осуществления наставничества педагогических работников",
        "наставник назначается из числа опытных педагогов, пользующихся авторитетом в коллективе",
        "наставляемым может быть молодой специалист в возрасте до 35 лет со стажем работы до трех лет",
        "куратор реализации программ наставничества назначается приказом руководителя",
        "персонализированная программа наставничества разрабатывается для каждой пары на учебный год",
        "наставничество осуществляется на основе добровольного согласия наставника и наставляемого",
        "результаты наставничества рассматриваются на заседании методического совета в конце учебного года",
        "мониторинг эффективности наставничества проводится ежегодно по анкетам участников",
        "наставник вправе привлекать других педагогов к работе с наставляемым по согласованию с куратором",
        "наставляемый обязан выполнять мероприятия программы в установленные сроки",
    ]
    if variant:
        # An independently written regulation: same subject, own wording and order.
        clauses = [f"в школе {c.split(' ', 2)[-1]} с учетом особенностей коллектива и плана работы" for c in
                   reversed(clauses)]
    body = "\n".join(f"{i}.{k}. Настоящим положением {c}." for i, c in enumerate(clauses, 1) for k in (1, 2))
    return (f"УТВЕРЖДЕНО приказом директора {school_name} от {date} № {number}\n"
            f"ПОЛОЖЕНИЕ о системе наставничества педагогических работников {school_name}\n{body}\n"
            f"Директор {director}")


def test_only_names_numbers_and_dates_are_masked():
    a = normalised_tokens("Приказ директора МБОУ «Средняя школа № 3» г. Ярцева от 30.08.2024 № 101-од.")
    b = normalised_tokens("Приказ директора МБОУ «Капыревщинская СОШ» от 02.09.2023 № 7.")
    assert a == b
    assert jaccard(shingles(normalised_tokens("наставник помогает молодому специалисту освоиться в школе")),
                   shingles(normalised_tokens("куратор проводит мониторинг эффективности программ в школе"))) == 0.0


def _regulation_school(school_id, name, director, number, date, municipality="вяземский", variant=0):
    reg = doc("regulation", school_id[-1], title=f"Положение о системе наставничества {name}",
              url=f"http://{school_id}.test/polozhenie.pdf")
    return school(school_id, [reg], {reg.sha256: regulation_text(name, director, number, date, variant=variant)},
                  municipality=municipality)


def test_same_text_with_the_name_changed_is_flagged_within_a_municipality():
    schools = [
        _regulation_school("s1", "МБОУ «Средняя школа № 1» г. Вязьмы", "Н.П. Гончаров", "101-од", "30.08.2024"),
        _regulation_school("s2", "МБОУ Исаковская СОШ", "Е.В. Сидорова", "12", "01.09.2023"),
        _regulation_school("s3", "МБОУ «Кайдаковская СШ»", "А.А. Петров", "7/01-07", "29.08.2024", variant=1),
    ]
    signals = [s for s in compute_signals(schools) if s.signal_id == NEAR_DUPLICATE]
    assert sorted(s.school_id for s in signals) == ["s1", "s2"]
    first = next(s for s in signals if s.school_id == "s1")
    assert "Школа s2" in first.detail and "s3" not in first.detail
    assert first.related == [{"school_id": "s2", "url": "http://s2.test/polozhenie.pdf",
                              "title": "Положение о системе наставничества МБОУ Исаковская СОШ"}]
    assert first.key == next(s for s in signals if s.school_id == "s2").key


def test_no_flag_across_municipalities_or_for_different_texts():
    across = [
        _regulation_school("s1", "МБОУ «Средняя школа № 1» г. Вязьмы", "Н.П. Гончаров", "101-од", "30.08.2024"),
        _regulation_school("s2", "МБОУ Ельнинская СОШ", "Е.В. Сидорова", "12", "01.09.2023", municipality="ельнинский"),
    ]
    assert compute_signals(across) == []
    different = [
        _regulation_school("s1", "МБОУ «Средняя школа № 1» г. Вязьмы", "Н.П. Гончаров", "101-од", "30.08.2024"),
        _regulation_school("s3", "МБОУ «Кайдаковская СШ»", "А.А. Петров", "7/01-07", "29.08.2024", variant=1),
    ]
    assert compute_signals(different) == []


# --- stored, explained, reported -----------------------------------------------------------------

def _put(store, run_id, school_id, name, municipality, sha, url, doc_type, title, text):
    store.db["schools"].upsert({"run_id": run_id, "school_id": school_id, "name": name, "short_name": name,
                                "municipality": municipality, "municipality_key": "вяземский",
                                "url": f"http://{school_id}.test/", "kind": "school"}, pk=("run_id", "school_id"))
    store.db["sites"].upsert({"run_id": run_id, "school_id": school_id, "start_url": f"http://{school_id}.test/",
                              "final_url": f"http://{school_id}.test/", "reachable": 1, "http_status": 200,
                              "fetched_at": "2026-11-01T10:00:00+00:00"}, pk=("run_id", "school_id"))
    store.db["extractions"].insert({"sha256": sha, "status": "ok", "format": "pdf", "text": text}, alter=True)
    store.db["classifications"].insert({
        "run_id": run_id, "school_id": school_id, "sha256": sha, "source": "file", "url": url, "urls": json.dumps([url]),
        "link_text": "", "doc_type": doc_type, "audience": "teachers", "issuer": "school", "about_mentoring": 1,
        "confidence": 0.9, "title": title, "date": "2025-09-02", "number": "1", "contains": "[]",
        "evidence": json.dumps([title], ensure_ascii=False), "extraction_status": "ok",
        "fetched_at": "2026-11-01T10:00:01+00:00"})


def test_the_pairs_compared_include_every_pair_a_full_comparison_finds():
    rng = random.Random(18)
    sets = []
    for _ in range(30):
        model = frozenset(rng.sample(range(10 ** 6), rng.randint(120, 600)))
        sets.append(model)
        for _ in range(3):
            # a school's copy of the model with up to a sixth of its shingles changed: some
            # copies stay above the threshold, some fall below it
            changed = set(rng.sample(sorted(model), rng.randint(0, len(model) // 6)))
            sets.append(frozenset((model - changed) | set(rng.sample(range(10 ** 6), len(changed)))))
    # the tightest case: one copy is the other cut short, exactly at the threshold, and the
    # shingles they share are the commonest, so they come last in the order the filter uses
    whole = frozenset(range(2 * 10 ** 6, 2 * 10 ** 6 + 200))
    sets += [whole, frozenset(sorted(whole)[:170])]
    rng.shuffle(sets)
    scores = {(i, j): jaccard(sets[i], sets[j]) for i, j in combinations(range(len(sets)), 2)}
    above = {pair for pair, score in scores.items() if score >= SIMILARITY}
    below = {pair for pair, score in scores.items() if 0.6 < score < SIMILARITY}
    assert above and below
    compared = _pairs_that_may_match(sets, SIMILARITY)
    assert above <= set(compared)
    assert compared == sorted(compared)
    assert len(compared) < len(scores) // 10      # and far from every pair


def test_signals_are_stored_explained_and_reported(tmp_path):
    store = Store(tmp_path / "eduaudit.db")
    run_id = store.start_run("r.csv", "x", 2, RULESET_VERSION)
    for sid, name in (("s1", "МБОУ «Средняя школа № 1» г. Вязьмы"), ("s2", "МБОУ Исаковская СОШ")):
        _put(store, run_id, sid, name, "Вяземский район", sid[-1] * 64, f"http://{sid}.test/polozhenie.pdf",
             "regulation", f"Положение о системе наставничества {name}",
             regulation_text(name, "Н.П. Гончаров", "101-од", "30.08.2024"))
    _put(store, run_id, "s1", "МБОУ «Средняя школа № 1» г. Вязьмы", "Вяземский район", "9" * 64,
         "http://s1.test/prikaz.pdf", "order", "О закреплении наставнических пар", TABLE_ORDER)
    stages.judge(store, run_id)
    store.finish_run(run_id)
    rows = list(store.db.query("select * from signals where run_id = ? order by school_id, signal_id", [run_id]))
    assert [(r["school_id"], r["signal_id"]) for r in rows] == [
        ("s1", NEAR_DUPLICATE), ("s1", PAIRS_PROGRAMMES), ("s2", NEAR_DUPLICATE)]
    assert all(r["ruleset_version"] == RULESET_VERSION and r["municipality"] == "Вяземский район" for r in rows)
    # Signals never change verdicts: the regulation still passes, no finding is a «signal».
    assert store.db.execute("select status from findings where school_id = 's1' and rule_id = 'doc.regulation'"
                            ).fetchone()[0] == "pass"
    assert not store.db.execute("select count(*) from findings where rule_id like 'signal.%'").fetchone()[0]

    report = explain(store, run_id, "s1")
    assert {g["signal_id"] for g in report["signals"]} == {NEAR_DUPLICATE, PAIRS_PROGRAMMES}
    text = render_text(report)
    assert "СИГНАЛЫ" in text and "закреплено наставнических пар: 3" in text and "МБОУ Исаковская СОШ" in text

    reports = write_reports(store, run_id, tmp_path / "reports", compare=False)
    sheet = openpyxl.load_workbook(reports.svod)["Сигналы"]
    got = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(got) == 3 and {r[0] for r in got} == {"Вяземский район"}
    assert any("персонализированных программ" in r[3] for r in got)
    html = reports.dashboard.read_text(encoding="utf-8")
    assert html.count('class="signal-row"') == 3
