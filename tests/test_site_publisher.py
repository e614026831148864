"""Where a text was found: an education authority's site tells its pages from a school's.

The hosts below are invented (under .test, or names no site of ours uses); they follow how
Russian authorities and schools name their sites.
"""
from __future__ import annotations

import pytest

from audit_rules.classifier import classify
from audit_rules.site_publisher import authority_site
from tests.helpers.scriptkit import load_script

acc = load_script("classifier_accuracy")


def audit_class_at(text: str, url: str | None, **context: str) -> str:
    """The audit class of `text` found at `url`."""
    return acc.predicted_audit_class(classify(text, url=url, **context))


@pytest.mark.parametrize("url, level", [
    ("https://uo-ozersk.test/news/12", "municipal"),           # управление образования
    ("http://ozerskruo.test/item/7", "municipal"),             # районное управление образования
    ("https://imc-ozersk.test/?p=5", "municipal"),             # информационно-методический центр
    ("https://gorodkimc.test/novosti", "municipal"),
    ("https://mc.ozersk-edu.test/index.php/12-shkola", "municipal"),
    ("https://otdel-obrazovaniya-ozersk.test/", "municipal"),
    ("https://ozerskadmin.test/?q=node/1", "municipal"),
    ("https://iro77.test/?p=1", "regional"),                   # институт развития образования
    ("https://skiro.test/news", "regional"),
    ("https://cnppm.iro.ozersk.test/?p=3", "regional"),
    ("https://krayminobr.test/page/48", "regional"),            # a region's abbreviation glued on
    ("https://ozersk-cro.test/novosti", "municipal"),           # центр развития образования
    ("https://obr.admozersk.test/index.php/news", "municipal"),   # an administration's department
    ("https://online.imc-ozersk.test/index.php/kalendar", "municipal"),
])
def test_an_authoritys_address_names_what_it_is(url, level):
    found = authority_site(url)
    assert found is not None and found.level == level
    assert found.host in found.quote()


@pytest.mark.parametrize("url", [
    "https://sh7-ozersk-r66.gosweb.gosuslugi.ru/nasha-shkola/nastavnichestvo",
    "https://mdou12.ozerskuo.test/?page_id=4",        # a kindergarten hosted by its department
    "https://kamenka.krayminobr.test/itogi-goda",      # a village school hosted by the ministry
    "https://ozersk-pk.obr77.test/news/1",             # a college on the region's platform
    "https://sosh-3.obr77.test/news/1",                # a school on a region's platform
    "https://t1234y.dou.obrazovanie77.test/nastavnichestvo",
    "https://ozersk-licei.uralschool.ru/file/card?id=9",
    "https://obrazovanie-gid.test/polozhenie",         # an advice site about education
    "https://ozersk-news.test/society/12",             # a newsroom
    "http://127.0.0.1:8080/doc.pdf",
    "http://localhost/x",
    "",
    None,
    "http://[bad",
])
def test_schools_newsrooms_and_unknown_addresses_are_no_authoritys(url):
    assert authority_site(url) is None


# A district's news with no word of who publishes it: only where it lives tells.
UNSIGNED_NEWS = (
    "В Методическом центре открылась Школа молодого учителя\n"
    "14 сентября состоялось первое занятие Школы молодого учителя. Молодые учителя школ округа "
    "познакомились с курирующими методистами и наставниками, которые помогут им в первый год работы.\n"
    "Методисты рассказали о курсах повышения квалификации и провели анкетирование, чтобы узнать, в "
    "чём начинающим педагогам нужна помощь. Следующее занятие пройдёт в октябре.\n")


def test_unsigned_news_about_young_teachers_on_an_authoritys_site_is_the_authoritys():
    got = classify(UNSIGNED_NEWS, url="https://imc-ozersk.test/news/31")
    assert acc.predicted_audit_class(got) == "external"
    assert got.issuer == "municipal"
    assert any("imc-ozersk.test" in quote for quote in got.evidence)


@pytest.mark.parametrize("url", [None, "https://sh2-ozersk.test/news/31", "https://ozersk-news.test/31"])
def test_the_same_news_elsewhere_is_no_authoritys_page(url):
    assert audit_class_at(UNSIGNED_NEWS, url) == "other"


def test_a_schools_own_voice_on_an_authoritys_domain_is_the_schools():
    text = UNSIGNED_NEWS.replace("Молодые учителя школ округа", "Молодые учителя нашей школы")
    assert audit_class_at(text, "https://imc-ozersk.test/news/31") == "other"


def test_the_year_of_the_teacher_and_mentor_named_in_passing_makes_no_page_on_mentoring():
    text = ("Год педагога и наставника!\n"
            "Продлён срок приёма документов на муниципальный этап конкурса «Учитель года». Документы "
            "принимаются до 20 февраля в кабинете № 5. Справки по телефону отдела.\n")
    assert audit_class_at(text, "https://uo-ozersk.test/news/2") == "other"
    with_mentors = text + "Лучшим педагогам-наставникам района вручены благодарственные письма главы.\n"
    assert audit_class_at(with_mentors, "https://uo-ozersk.test/news/2") == "external"


def test_an_authoritys_ceremony_of_the_year_of_the_teacher_and_mentor_is_its_page_on_mentoring():
    text = ("Сегодня в районном Доме культуры состоялось торжественное открытие Года педагога и наставника.\n"
            "В зале собрались работники школ и детских садов района, ветераны педагогического труда. "
            "Победителям муниципального этапа конкурса «Учитель года» вручены дипломы.\n")
    assert audit_class_at(text, "https://uo-ozersk.test/news/3") == "external"
    assert audit_class_at(text, "https://sh2-ozersk.test/news/3") == "other"
    # the same ceremony below a headline on other news is not what the page reports
    later = "Продлён приём документов на конкурс «Учитель года».\n" + text
    assert audit_class_at(later, "https://uo-ozersk.test/news/3") == "other"


def test_a_schools_regulation_stays_the_schools_wherever_it_is_stored():
    text = ("УТВЕРЖДАЮ\nДиректор МБОУ «СШ № 2» ____ И.И. Петрова\nПриказ № 41 от 30.08.2024\n\n"
            "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников МБОУ «СШ № 2»\n"
            "1. Общие положения\n1.1. Настоящее Положение определяет порядок наставничества молодых "
            "педагогов школы.\n1.2. Наставник назначается приказом директора из числа опытных учителей.\n")
    got = classify(text, url="https://uo-ozersk.test/files/sh2/polozhenie.pdf")
    assert acc.predicted_audit_class(got) == "staff_regulation" and got.issuer == "school"


def test_an_administrations_news_on_mentors_at_work_is_no_education_page():
    # a municipal administration's site relays the prosecutor on the Labour Code: mentoring, but
    # of no school, teacher or pupil
    text = ("Прокурор разъясняет: с 1 марта вступают в силу поправки о труде наставников\n"
            "Трудовой кодекс дополнен статьёй о наставничестве. Поручить работнику обязанности "
            "наставника можно только с его письменного согласия, а работа наставника оплачивается.\n"
            "Содержание и сроки наставничества указываются в трудовом договоре.\n")
    assert audit_class_at(text, "https://ozerskadmin.test/news/5") == "other"
    teachers = text.replace("Поручить работнику", "Поручить учителю")
    assert audit_class_at(teachers, "https://ozerskadmin.test/news/5") == "external"


def test_a_reference_services_article_stored_by_an_authority_is_not_its_page():
    text = ("Актуально на 12 апреля 2025\n"
            "Как организовать наставничество педагогов в школе: сформировать пары, выбрать форму и "
            "оценить результаты. Скачивайте готовый пакет документов для наставников и молодых учителей.\n"
            "Наставничество помогает молодым педагогам быстрее войти в профессию.\n")
    url = "https://uo-ozersk.test/file/download?id=17"
    assert audit_class_at(text, url) == "other"
    own = text.replace("Актуально на 12 апреля 2025\n", "").replace("Скачивайте готовый пакет", "Методисты подготовили пакет")
    assert audit_class_at(own, url) == "external"


def test_a_schools_section_reposting_a_regions_news_is_the_schools_page():
    text = ("Региональная модель наставничества\n\n"
            "В области стартовала региональная модель наставничества\n"
            "На торжественном открытии собрались лучшие наставники региона; к работе подключились "
            "представители всех муниципальных образований области. Наставничество помогает педагогам "
            "передавать опыт молодым коллегам и подрастающему поколению.\n")
    assert audit_class_at(text, None) == "external"
    got = classify(text, url="https://ozersk-sosh2.uralschool.ru/?section_id=24")
    assert acc.predicted_audit_class(got) == "other" and got.issuer == "school"
    assert any("ozersk-sosh2.uralschool.ru" in quote for quote in got.evidence)


def test_classify_command_takes_the_address_the_files_were_found_at(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    page = tmp_path / "news.txt"
    page.write_text(UNSIGNED_NEWS, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "eduaudit.cli", "classify", str(page)]
    alone = json.loads(subprocess.run(command, capture_output=True, text=True, check=True, cwd=root).stdout)
    found = json.loads(subprocess.run(command + ["--url", "https://imc-ozersk.test/news/31"],
                                      capture_output=True, text=True, check=True, cwd=root).stdout)
    assert alone["issuer"] != "municipal" and found["issuer"] == "municipal"


def test_a_page_on_the_schools_own_site_is_the_schools_however_its_host_is_named():
    # a school's site on its department's domain, as a registry lists it
    url = "https://uo-ozersk.test/sh2/news/31"
    assert audit_class_at(UNSIGNED_NEWS, url) == "external"
    assert audit_class_at(UNSIGNED_NEWS, url, school_site="http://uo-ozersk.test/sh2/") == "other"
    assert audit_class_at(UNSIGNED_NEWS, url, school_site="https://sh2-ozersk.test/") == "external"


@pytest.mark.parametrize("url, level", [
    ("https://ozersk-region.gov.test/ministries/minobr/news/5", "regional"),   # a government portal
    ("http://edu.ozersk.test/mouo-lesnoy/Lists/News/DispForm.aspx?ID=6", "municipal"),
    ("https://ozersk.test/upravlenie-obrazovaniya/novosti/12", "municipal"),
    ("https://sv.uo-ozersk.test/news/12", "municipal"),           # the version for the visually impaired
    ("https://nastavnichestvo.ozersk-cro.test/news/1", "municipal"),  # a subsite named after its topic
    # a district administration's site on a platform of many: its section for residents
    ("https://ozerskij-r66.gosweb.gosuslugi.ru/dlya-zhiteley/novosti-i-reportazhi/novosti_12.html", "municipal"),
])
def test_a_portals_folder_or_an_authoritys_subsite_names_the_authority(url, level):
    found = authority_site(url)
    assert found is not None and found.level == level
    assert audit_class_at(UNSIGNED_NEWS, url) == "external"


@pytest.mark.parametrize("url", [
    "http://edu.ozersk.test/mouo-lesnoy/sch3/news/6",      # a school's site under its department's folder
    "https://sad-zvezdochka.test/obrazovanie/",            # a school's own section «Образование»
    "https://zvezdochka.test/administraciya/",
    "https://ozersk.test/news/uo-provelo-seminar-dlya-molodyh-pedagogov",   # a headline's slug
    "https://nastavnichestvo.ozersk.test/news/1",          # a topic's subsite of nobody known
    "https://sh-ozerskaya-r66.gosweb.gosuslugi.ru/roditelyam-i-uchenikam/novosti/5",
])
def test_folders_of_schools_sections_and_headlines_name_no_authority(url):
    assert authority_site(url) is None


# A newsroom's retelling of a district's seminar: the schools listed make the text a territory's.
RETOLD_SEMINAR = (
    "Управление образования провело семинар для молодых педагогов\n"
    "В семинаре приняли участие молодые учителя из школ № 2, 5, 9 и 14 Озерского района. Опытные "
    "наставники провели для них открытые уроки и рассказали, как выстроить работу с классом в первый "
    "год. Управление образования планирует сделать такие встречи ежемесячными.\n")


def test_a_newsrooms_retelling_of_an_authoritys_event_is_no_authoritys_page():
    assert audit_class_at(RETOLD_SEMINAR, None) == "external"
    assert audit_class_at(RETOLD_SEMINAR, "https://uo-ozersk.test/news/7") == "external"
    got = classify(RETOLD_SEMINAR, url="https://ozersk-news.test/society/2024/12")
    assert acc.predicted_audit_class(got) == "other" and got.issuer == "unknown"
    assert any("ozersk-news.test" in quote for quote in got.evidence)


def saved_page(body: str, head: str = "", mark: str = "") -> bytes:
    """A news page as a browser saves it: its own mark of where it came from, the site's head."""
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line)
    return (f"{mark}<html><head><meta charset='utf-8'><title>Новости</title>{head}</head>"
            f"<body><main>{paragraphs}</main></body></html>").encode("utf-8")


@pytest.mark.parametrize("page, address", [
    (saved_page(UNSIGNED_NEWS, mark="<!-- saved from url=(0031)https://imc-ozersk.test/news/31 -->\n"),
     "https://imc-ozersk.test/news/31"),
    (saved_page(UNSIGNED_NEWS, head="<link rel='canonical' href='https://imc-ozersk.test/news/31'>"),
     "https://imc-ozersk.test/news/31"),
    (saved_page(UNSIGNED_NEWS, head="<meta property='og:url' content='https://imc-ozersk.test/news/31'>"),
     "https://imc-ozersk.test/news/31"),
    (saved_page(UNSIGNED_NEWS, head="<link rel='canonical' href='/news/31'>"), None),   # relative: no site named
    (saved_page(UNSIGNED_NEWS), None),
])
def test_classify_command_reads_a_saved_pages_own_address(tmp_path, page, address):
    import json
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "news.html"
    path.write_bytes(page)
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "eduaudit.cli", "classify", str(path)]
    got = json.loads(subprocess.run(command, capture_output=True, text=True, check=True, cwd=root).stdout)
    assert got["url"] == address
    assert (got["issuer"] == "municipal") == (address is not None)
    # an address given on the command line is the one read
    given = json.loads(subprocess.run(command + ["--url", "https://sh2-ozersk.test/news/31"],
                                      capture_output=True, text=True, check=True, cwd=root).stdout)
    assert given["url"] == "https://sh2-ozersk.test/news/31" and given["issuer"] != "municipal"
