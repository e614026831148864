"""Each kind of school document under each letterhead and approval block, as written, flattened
into one line and wrapped in a narrow column: the same class every time.

The texts are ours; the layouts are those real school sites give (issue 18). A failure names the
layout, so a rule that holds for one letterhead and not another shows where.
"""
from __future__ import annotations

import itertools

import pytest

from audit_rules.classifier import classify
from tests.helpers.scriptkit import load_script

acc = load_script("classifier_accuracy")
SHAPES = ["as written", "flat", "wrapped"]


def misread(readings, expected: str, shape: str) -> list[str]:
    """«layout: class» for each (layout, text) whose text, in ``shape``, is not read as ``expected``."""
    wrong = []
    for layout, text in readings:
        if shape != "as written":
            text = acc.reshaped(text, shape)
        got = acc.predicted_audit_class(classify(text))
        if got != expected:
            wrong.append(f"{layout}: {got}")
    return wrong


def under_letterheads(titles: list[str], body: str, approvals: bool = True):
    """(layout, text) of each title with ``body`` under every letterhead and approval block."""
    blocks = APPROVALS.items() if approvals else [("none", "")]
    for (letterhead, top), (approval, block), title in itertools.product(LETTERHEADS.items(), blocks, titles):
        yield f"{letterhead} / {approval} / {title.splitlines()[0]}", top + block + title + body

LETTERHEADS = {
    "school": "Муниципальное бюджетное общеобразовательное учреждение\n«Средняя школа № 2» г. Демидова\n",
    "kindergarten": "Муниципальное бюджетное дошкольное образовательное учреждение\n«Детский сад № 14 «Берёзка»\n",
    "founder over school": ("Отдел образования Администрации муниципального образования «Демидовский район»\n"
                            "МБОУ «Пересудовская основная школа»\n"),
    "none": "",
}
APPROVALS = {
    "director": "УТВЕРЖДАЮ\nДиректор школы ________ Н.В. Котова\nприказ № 118-о от 31.08.2023\n",
    "kindergarten head": "УТВЕРЖДАЮ\nЗаведующий МБДОУ ________ С.И. Лаптева\nПриказ от 01.09.2023 № 57\n",
    "council": "ПРИНЯТО\nна заседании педагогического совета\nпротокол № 1 от 30.08.2023\n",
    "none": "",
}
ORDER_BODY = (
    "В целях профессиональной адаптации педагогов, впервые приступивших к работе,\nПРИКАЗЫВАЮ:\n"
    "1. Назначить наставником учителя русского языка Котову Н.В. для молодого специалиста Петровой А.А.\n"
    "2. Наставнику разработать персонализированную программу наставничества до 15.09.2023.\n"
    "3. Контроль за исполнением приказа оставляю за собой.\nДиректор ________ И.И. Смирнов\n")
ROADMAP_BODY = (
    "| № | Мероприятие | Сроки | Ответственный |\n"
    "| 1 | Формирование базы наставников и наставляемых | сентябрь 2023 | заместитель директора |\n"
    "| 2 | Разработка персонализированных программ наставничества | до 20 сентября | наставники |\n"
    "| 3 | Посещение уроков молодых педагогов | в течение года | наставники |\n"
    "| 4 | Мониторинг реализации программ | май 2024 | куратор |\n")
PROGRAMME_BODY = (
    "Наставник: Котова Наталья Викторовна, учитель русского языка\n"
    "Наставляемый: Петрова Анна Алексеевна, учитель русского языка, стаж 1 год\n"
    "Цель: профессиональная адаптация молодого специалиста.\n| Месяц | Содержание работы | Отметка |\n"
    "| сентябрь | Изучение рабочей программы | |\n| октябрь | Посещение уроков наставника | |\n")
REGULATION_BODY = (
    "1. Общие положения\n1.1. Настоящее Положение определяет порядок организации наставничества в отношении "
    "педагогических работников, впервые принятых на работу.\n1.2. Наставник назначается приказом руководителя с "
    "его согласия.\n1.3. Для каждой наставнической пары разрабатывается персонализированная программа.\n")
DOCUMENTS = {
    "order": ([
        "ПРИКАЗ\n01.09.2023 № 120-о\nО закреплении наставников за молодыми специалистами\n",
        "ПРИКАЗ № 45 от 01.09.2023\nОб организации работы с молодыми специалистами\n",
        "П Р И К А З\nот 04.09.2023 г. № 88\nО назначении наставников\n",
        "ПРИКАЗ\n31.08.2023 № 101\nОб утверждении Положения о наставничестве\n",
    ], ORDER_BODY),
    "roadmap": ([
        "План мероприятий\nпо реализации Положения о системе наставничества педагогических работников\n"
        "на 2023-2024 учебный год\n",
        "ДОРОЖНАЯ КАРТА\nвнедрения системы наставничества педагогических работников\n"
        "в МБОУ «СШ № 2» на 2023/2024 учебный год\n",
        "План работы по наставничеству на 2023-2024 учебный год\n",
        "План-график реализации системы наставничества педагогических работников на 2023 год\n",
    ], ROADMAP_BODY),
    "programme": ([
        "Программа наставничества «Молодой учитель»\nна 2023-2024 учебный год\n",
        "Индивидуальный план развития молодого педагога\nна 2023-2024 учебный год\n",
        "План работы наставника с молодым специалистом\nна 2023-2024 учебный год\n",
        "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА\nна 2023-2024 учебный год\n",
    ], PROGRAMME_BODY),
    "staff_regulation": ([
        "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников\n",
        "Положение о наставничестве\n",
        "ПОЛОЖЕНИЕ\nоб организации наставничества в МБДОУ «Детский сад № 14»\n",
    ], REGULATION_BODY),
}


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
@pytest.mark.parametrize("shape", SHAPES)
def test_each_kind_keeps_its_class_under_every_letterhead_and_approval(kind, shape):
    titles, body = DOCUMENTS[kind]
    # (an order carries no approval block of its own)
    wrong = misread(under_letterheads(titles, body, approvals=kind != "order"), kind, shape)
    assert not wrong, "\n".join(wrong)


def _table(style: str, body: str) -> str:
    """The road map's table as other converters give it: cells split by tabs, one cell a line, or
    cells joined by dashes."""
    rows = [[c.strip() for c in row.split("|") if c.strip()] for row in body.split("\n") if row.strip()]
    if style == "tabs":
        return "".join("\t".join(cells) + "\n" for cells in rows)
    if style == "cells":
        return "".join(c + "\n" for cells in rows for c in cells)
    return "".join(" – ".join(cells) + "\n" for cells in rows)


@pytest.mark.parametrize("style", ["tabs", "cells", "dashes"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_road_maps_table_in_any_converters_layout(style, shape):
    titles, body = DOCUMENTS["roadmap"]
    wrong = misread(under_letterheads(titles, _table(style, body)), "roadmap", shape)
    assert not wrong, "\n".join(wrong)


PROGRAMME_TITLES = DOCUMENTS["programme"][0] + [
    "План индивидуального профессионального развития\nмолодого специалиста Петровой А.А.\n",
    "Программа адаптации молодого педагога\nна 2023-2024 учебный год\n",
]
PROGRAMME_BODIES = {
    "labelled fields": PROGRAMME_BODY,
    "full names": ("ФИО наставника: Котова Н.В.\nФИО наставляемого: Петрова А.А.\n"
                   "Сроки реализации: сентябрь 2023 – май 2024\nЗадачи: освоение методики урока; ведение документации.\n"
                   "Сентябрь\tИзучение рабочей программы\tконсультация\nОктябрь\tПосещение уроков наставника\tвзаимопосещение\n"),
    "pair table": ("| Наставник | Наставляемый | Форма наставничества |\n"
                   "| Котова Н.В., учитель русского языка | Петрова А.А., учитель русского языка | учитель – учитель |\n"
                   "План мероприятий\n| Сроки | Мероприятие | Результат |\n"
                   "| сентябрь | Составление плана работы с наставником | план |\n"
                   "| октябрь | Посещение уроков наставника | анализ уроков |\n"),
    "prose": ("Наставник – Котова Наталья Викторовна, учитель русского языка высшей категории. Наставляемый – "
              "Петрова Анна Алексеевна, учитель русского языка, стаж работы 1 год.\n"
              "Цель программы: помочь молодому учителю освоить профессию.\n"
              "Ожидаемые результаты: молодой учитель самостоятельно планирует уроки.\n"),
}


@pytest.mark.parametrize("style", sorted(PROGRAMME_BODIES))
@pytest.mark.parametrize("shape", SHAPES)
def test_a_programme_names_its_pair_in_any_layout(style, shape):
    wrong = misread(under_letterheads(PROGRAMME_TITLES, PROGRAMME_BODIES[style]), "programme", shape)
    assert not wrong, "\n".join(wrong)


ORDER_HEADS = ["ПРИКАЗ\n01.09.2023 № 120-о\n", "ПРИКАЗ № 45 от 01.09.2023\n", "П Р И К А З\nот 04.09.2023 г. № 88\n",
               "ПРИКАЗ\nпо МБОУ «СШ № 2»\n01.09.2023 № 120-о\n", "ВЫПИСКА ИЗ ПРИКАЗА\n01.09.2023 № 120-о\n",
               "01.09.2023 № 120-о\nПРИКАЗ\n", "ПРИКАЗ\n«01» сентября 2023 г. № 120-о\nг. Демидов\n"]
ORDER_SUBJECTS = ["О закреплении наставников за молодыми специалистами\n", "О назначении наставников\n",
                  "Об утверждении Положения о системе наставничества педагогических работников\n",
                  "Об организации методической работы в 2023-2024 учебном году\n",
                  "О внедрении целевой модели наставничества\n", "О работе с молодыми специалистами\n"]
ORDER_BODIES = {
    "pairs listed": ORDER_BODY,
    "pairs in a table": ("На основании Положения о наставничестве\nп р и к а з ы в а ю:\n1. Утвердить состав наставнических пар:\n"
                         "| № | Наставник | Наставляемый |\n| 1 | Котова Н.В. | Петрова А.А. |\n| 2 | Орлов С.П. | Сидоров И.И. |\n"
                         "2. Куратором назначить заместителя директора Белову Т.М.\nДиректор школы И.И. Смирнов\n"
                         "С приказом ознакомлены:\n"),
    "approving with a federal preamble": (
        "В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145\nПРИКАЗЫВАЮ:\n"
        "1. Утвердить Положение о наставничестве (приложение 1).\n2. Утвердить дорожную карту (приложение 2).\n"
        "3. Назначить куратором Белову Т.М.\nДиректор И.И. Смирнов\n"),
}


@pytest.mark.parametrize("style", sorted(ORDER_BODIES))
@pytest.mark.parametrize("shape", SHAPES)
def test_a_schools_order_under_any_heading_and_subject(style, shape):
    readings = ((f"{letterhead} / {head.strip()} / {subject.strip()}", top + head + subject + ORDER_BODIES[style])
                for (letterhead, top), head, subject in itertools.product(LETTERHEADS.items(), ORDER_HEADS, ORDER_SUBJECTS))
    wrong = misread(readings, "order", shape)
    assert not wrong, "\n".join(wrong)
