"""OCR only what decides: scans are read in order until the verdict is settled (#22)."""

from __future__ import annotations

from audit_rules.classifier import classify
from audit_rules.reading import settled
from audit_rules.signals_pairs import count_pairs
from eduaudit.extraction import extract_bytes
from eduaudit.stages import extraction_settings
from tests.helpers.docmaker import scanned_pdf

LETTERHEAD = ["Муниципальное бюджетное общеобразовательное учреждение",
              "«Средняя школа № 5 города Велижа»"]

REGULATION_PAGE_1 = LETTERHEAD + [
    "ПРИНЯТО на заседании педагогического совета, протокол № 1 от 28.08.2025",
    "УТВЕРЖДЕНО приказом директора от 29.08.2025 № 87-од",
    "ПОЛОЖЕНИЕ",
    "о системе наставничества педагогических работников",
    "1. Общие положения",
    "1.1. Настоящее Положение определяет цели и порядок наставничества педагогических работников "
    "школы, права и обязанности наставника и наставляемого педагога.",
    "1.2. Наставничество строится на распоряжении Минпросвещения России от 21.12.2021 "
    "№ АЗ-1128/08/657 и на уставе школы.",
    "1.3. Наставником назначается опытный учитель, наставляемым — педагог со стажем до трёх лет "
    "или сменивший место работы.",
    "2. Цели и задачи наставничества",
    "2.1. Цель — профессиональный рост молодых специалистов и их закрепление в профессии.",
    "2.2. Задачи: помощь в освоении должностных обязанностей, в подготовке уроков и в работе "
    "с родителями обучающихся.",
    "3. Организация наставничества",
    "3.1. Куратор наставничества назначается приказом директора из числа заместителей.",
    "3.2. Наставник и наставляемый составляют персонализированную программу на учебный год.",
]
REGULATION_PAGE_2 = [
    "4. Права и обязанности наставника",
    "4.1. Наставник посещает уроки наставляемого и обсуждает их с ним.",
    "4.2. Наставник вправе участвовать в обсуждении вопросов, связанных с работой наставляемого.",
    "5. Заключительные нормы",
    "5.1. Изменения в Положение вносятся решением педагогического совета.",
]

PAIRS_PAGE_1 = LETTERHEAD + [
    "ПРИКАЗ",
    "01.09.2025 № 95-од",
    "О закреплении наставнических пар",
    "В соответствии с Положением о системе наставничества педагогических работников",
    "ПРИКАЗЫВАЮ:",
    "1. Закрепить наставнические пары на 2025/2026 учебный год:",
    "1.1. Соколова Ирина Павловна, учитель математики – Белова Дарья Андреевна, учитель математики;",
    "1.2. Громов Олег Сергеевич, учитель физики – Нестерова Алина Игоревна, учитель физики;",
    "1.3. Лаптева Нина Юрьевна, учитель начальных классов – Киселёва Ольга Денисовна, учитель начальных классов;",
    "1.4. Фомина Вера Львовна, учитель истории – Зуев Павел Андреевич, учитель истории;",
    "1.5. Рябова Елена Викторовна, учитель химии – Смирнова Юлия Олеговна, учитель химии;",
    "1.6. Орлов Денис Петрович, учитель информатики – Карпов Илья Сергеевич, учитель информатики;",
]
PAIRS_PAGE_2 = [
    "1.7. Мухина Тамара Ивановна, учитель музыки – Воронина Анна Павловна, учитель музыки;",
    "1.8. Панова Ирина Олеговна, учитель биологии – Тихонова Мария Игоревна, учитель биологии.",
    "2. Контроль исполнения приказа возложить на заместителя директора Осипову Л.В.",
    "Директор ____________ С.Н. Лаврова",
]


def _readings(pages: list[list[str]]):
    data = scanned_pdf(pages)
    focused = extract_bytes(data, filename="scan.pdf", settings=extraction_settings("focused"))
    whole = extract_bytes(data, filename="scan.pdf", settings=extraction_settings("first-pages"))
    return focused, whole


def _verdict(text: str) -> tuple:
    found = classify(text, filename="scan.pdf")
    return (found.doc_type, found.audience, found.issuer, found.about_mentoring, found.date, found.contains)


def test_a_regulation_decided_by_its_first_page_head_leaves_the_rest_unread():
    focused, whole = _readings([REGULATION_PAGE_1, REGULATION_PAGE_2])
    assert focused.status == whole.status == "ok" and focused.ocr_used
    # page 1 was recognised only down to its head; page 2 not at all
    assert focused.ocr_pages_unread == [1, 2]
    assert "Заключительные" not in focused.text and "Заключительные" in whole.text
    assert whole.ocr_pages_unread == []
    assert _verdict(focused.text) == _verdict(whole.text)
    assert _verdict(focused.text)[:4] == ("regulation", "teachers", "school", True)


def test_a_pairing_order_is_read_until_its_list_of_pairs_ends_on_the_last_page():
    focused, whole = _readings([PAIRS_PAGE_1, PAIRS_PAGE_2])
    assert focused.ocr_pages_unread == whole.ocr_pages_unread == []
    assert "Тихонова" in focused.text
    assert count_pairs(focused.text)[0] == count_pairs(whole.text)[0] == 8
    assert _verdict(focused.text) == _verdict(whole.text)


def test_after_an_unsettled_head_the_rest_of_the_page_or_the_whole_page_is_read():
    data = scanned_pdf([PAIRS_PAGE_1, PAIRS_PAGE_2])
    rest, again = (extract_bytes(data, filename="scan.pdf", settings=extraction_settings("focused", ocr_after_head=how))
                   for how in ("rest", "whole"))
    # the head of page 1 does not settle a pairing order; either way the page is read to its end once
    for reading in (rest, again):
        assert reading.ocr_pages_unread == []
        assert reading.text.count("О закреплении наставнических пар") == 1 and "Тихонова" in reading.text
    assert count_pairs(rest.text)[0] == count_pairs(again.text)[0] == 8
    assert _verdict(rest.text) == _verdict(again.text)


def test_pages_beyond_the_ocr_budget_are_recorded_as_unread():
    data = scanned_pdf([PAIRS_PAGE_1, PAIRS_PAGE_2])
    result = extract_bytes(data, settings=extraction_settings("first-pages", max_ocr_pages=1))
    assert result.ocr_pages_unread == [2]
    assert "Тихонова" not in result.text


# -- the judge on text, without OCR ------------------------------------------------------------

def test_the_judge_settles_a_mentoring_regulation_head():
    assert settled("\n".join(REGULATION_PAGE_1))


def test_the_judge_reads_on_where_the_rest_may_change_the_verdict():
    # a letterhead alone is too little to judge
    assert not settled("\n".join(LETTERHEAD + ["ПОЛОЖЕНИЕ"]))
    # an order read down to «ПРИКАЗЫВАЮ:»: what it approves (an annexed regulation) comes after
    order_head = PAIRS_PAGE_1[:6] + [
        "В целях профессиональной адаптации молодых специалистов и развития системы наставничества "
        "педагогических работников школы, на основании решения педагогического совета", "ПРИКАЗЫВАЮ:"]
    assert not settled("\n".join(order_head))
    assert settled("\n".join(order_head + ["1. Назначить куратором наставничества заместителя директора "
                                            "Осипову Л.В.", "Директор ____________ С.Н. Лаврова"]))
    # on a document's last page only the signature can follow what an order approves...
    approving = LETTERHEAD + ["ПРИКАЗ", "29.08.2025 № 87-од",
                              "Об утверждении Положения о системе наставничества педагогических работников",
                              "В соответствии с распоряжением Минпросвещения России от 21.12.2021 № АЗ-1128/08/657, "
                              "в целях профессиональной адаптации молодых специалистов и развития системы "
                              "наставничества педагогических работников школы", "ПРИКАЗЫВАЮ:"]
    assert settled("\n".join(approving), pages_after=0)
    assert not settled("\n".join(approving), pages_after=1)
    # ...but an order that may list pairs is read to its end even there
    assert not settled("\n".join(order_head), pages_after=0)
    # a title at the very edge of what was read may go on with its academic year
    roadmap = LETTERHEAD + ["СОГЛАСОВАНО на заседании методического совета, протокол № 1 от 27.08.2025",
                            "ПРИНЯТО на заседании педагогического совета, протокол № 1 от 28.08.2025",
                            "УТВЕРЖДЕНО приказом директора от 29.08.2025 № 88-од",
                            "План мероприятий (дорожная карта) по внедрению системы наставничества",
                            "педагогических работников МБОУ «Средняя школа № 5 города Велижа» на"]
    assert not settled("\n".join(roadmap))
    assert settled("\n".join(roadmap) + " 2025/2026 учебный год\n№ | Мероприятие | Срок | Ответственный\n"
                   "1 | Назначение наставников | сентябрь | директор")
    # a pairing order whose list has not ended: its pairs are counted from the whole list
    assert not settled("\n".join(PAIRS_PAGE_1))
    assert settled("\n".join(PAIRS_PAGE_1 + PAIRS_PAGE_2))
    # an order that sends to its annex: the annex (a regulation, say) is on the next pages
    annexed = PAIRS_PAGE_1[:7] + ["1. Утвердить Положение о наставничестве педагогических работников (приложение 1).",
                                  "Директор ____________ С.Н. Лаврова"]
    assert not settled("\n".join(annexed))
    # a regulation that promises its road map
    assert not settled("\n".join(REGULATION_PAGE_1 + ["3.3. Дорожная карта внедрения системы наставничества "
                                                      "приводится в приложении 2 к настоящему Положению."]))
    # a document not about mentoring may still turn out to be on later pages
    charter = LETTERHEAD + ["ПРИНЯТО на общем собрании работников, протокол № 2 от 20.08.2025",
                            "ПРАВИЛА внутреннего трудового распорядка работников",
                            "1. Общие положения",
                            "1.1. Правила определяют порядок приёма и увольнения работников, их основные "
                            "права и обязанности, режим работы и время отдыха, меры поощрения и взыскания.",
                            "1.2. Правила обязательны для всех работников школы и доводятся до них под подпись."]
    assert not settled("\n".join(charter))


def test_extract_full_finishes_the_pages_focused_ocr_left_unread(tmp_path):
    from click.testing import CliRunner

    from eduaudit.extract_command import extract_command
    from eduaudit.store import Store

    store = Store(tmp_path / "eduaudit.db")
    run_id = store.start_run("registry.csv", "0" * 64, 1, "test")
    store.finish_run(run_id)
    sha = store.put_blob(scanned_pdf([REGULATION_PAGE_1, REGULATION_PAGE_2]))
    store.db["documents"].insert({"run_id": run_id, "school_id": "s1", "url": "http://s1.test/scan.pdf",
                                  "sha256": sha, "filename": "scan.pdf", "content_type": ""},
                                 pk=("run_id", "school_id", "url"))
    args = ["--db", str(store.path), "--run", str(run_id), "--workers", "1"]
    focused = CliRunner().invoke(extract_command, args)
    assert focused.exit_code == 0, focused.output
    row = store.db["extractions"].get(sha)
    assert row["ocr_pages_unread"] == "[1, 2]" and "Заключительные" not in row["text"]
    # a plain re-run keeps the cache; --full recognises what was left
    again = CliRunner().invoke(extract_command, args)
    assert "извлечено документов 0" in again.output
    full = CliRunner().invoke(extract_command, args + ["--full"])
    assert full.exit_code == 0 and "извлечено документов 1" in full.output, full.output
    row = store.db["extractions"].get(sha)
    assert row["ocr_pages_unread"] == "[]" and "Заключительные" in row["text"]


def test_tesseract_settings_bench_compares_each_variant_with_the_first():
    from bench.tesseract_settings import measure
    from tests.helpers.docmaker import scanned_page

    page = scanned_page(["ПОЛОЖЕНИЕ", "о системе наставничества", "педагогических работников"], 150)
    report = measure([(page, 150)], {"as read": ["--psm", "3"], "the same again": ["--psm", "3"],
                                     "one line": ["--psm", "7"]})
    rows = report["variants"]
    assert report["pages"] == 1 and list(rows) == ["as read", "the same again", "one line"]
    assert "наставничества" in rows["as read"]["texts"][0]
    assert rows["the same again"]["alike"] == 1.0
    assert rows["one line"]["alike"] < 1.0   # a page read as one line comes out otherwise


def test_a_real_text_is_printed_and_scanned_for_the_reading_bench():
    from bench.reading_real import scanned

    pdf = scanned({"id": "probe", "text": "ПРИКАЗ\nот 01.09.2025 № 12\nО закреплении наставников\n\n"
                                         "ПРИКАЗЫВАЮ:\n1. Закрепить наставников за молодыми специалистами."})
    assert pdf.startswith(b"%PDF")
    result = extract_bytes(pdf, filename="probe.pdf", settings=extraction_settings("first-pages"))
    assert result.ocr_used and "наставник" in result.text.lower()


# The head of a regulation that names no audience yet: the approval block, the title and the
# first clauses. The text model guesses the staff's; the rules cannot tell yet.
HEAD_WITHOUT_AUDIENCE = """\
СОГЛАСОВАНО
Педагогическим советом
Протокол № 1 от 29.08.2024
УТВЕРЖДЕНО
приказом директора № 88 от 30.08.2024
Директор школы ________ Л.Н. Зайцева
Положение о наставничестве
1. Общие положения
1.1. Настоящее Положение о наставничестве в МБОУ «Новодугинская средняя школа» (далее – Положение) разработано в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации» и Уставом школы.
1.2. Положение определяет цели, задачи и порядок организации наставничества в школе.
"""


def test_a_head_whose_audience_only_the_text_model_guesses_is_not_settled():
    from audit_rules.classifier import classify

    assert classify(HEAD_WITHOUT_AUDIENCE, rules_only=True).audience == "unknown"
    assert classify(HEAD_WITHOUT_AUDIENCE).audience != "unknown"   # the model's guess
    assert not settled(HEAD_WITHOUT_AUDIENCE, 1)
    # once the rules read the audience, the same head settles
    assert settled(HEAD_WITHOUT_AUDIENCE + "1.3. Наставничество организуется для педагогических работников, "
                                           "впервые принятых на работу.\n", 1)
