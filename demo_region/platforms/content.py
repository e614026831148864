"""The ordinary content of a school site: menus, news, «Сведения» subsections, food menus, gallery.

All texts are short and generic on purpose: they give a crawler the same amount
of noise a real site has (dozens of pages that are not about mentoring), with
menus and sidebars repeated on every page.
"""

from __future__ import annotations

import datetime
import io
from functools import lru_cache

from ..schools import person, slugify
from .base import SVEDEN, SVEDEN_TITLE, Site, esc

_NEWS = (
    ("Торжественная линейка, посвящённая Дню знаний", 9,
     "1 сентября во дворе школы прошла торжественная линейка. Первоклассников поздравили директор, "
     "выпускники и гости праздника."),
    ("Неделя безопасности дорожного движения", 9,
     "В течение недели классные руководители провели беседы о правилах поведения на дорогах, "
     "а инспектор ГИБДД встретился с учащимися начальных классов."),
    ("Школьный этап всероссийской олимпиады школьников", 10,
     "Стартовал школьный этап олимпиады. Задания выполняются на платформе «Сириус.Курсы»."),
    ("С Днём учителя!", 10,
     "Ученики подготовили для педагогов праздничный концерт и день самоуправления."),
    ("Осенний легкоатлетический кросс", 10,
     "Команда школы заняла призовое место в районных соревнованиях по кроссу."),
    ("Итоговое сочинение для выпускников 11 класса", 12,
     "Выпускники написали итоговое сочинение — допуск к государственной итоговой аттестации."),
    ("Новогодний праздник в начальной школе", 12,
     "В актовом зале прошли новогодние утренники для учащихся 1–4 классов."),
    ("Всероссийская массовая гонка «Лыжня России»", 2,
     "Учащиеся и педагоги приняли участие в лыжной гонке на районной трассе."),
    ("Итоговое собеседование по русскому языку", 2,
     "Девятиклассники прошли итоговое собеседование по русскому языку."),
    ("Месячник военно-патриотической работы", 2,
     "В рамках месячника прошли уроки мужества, смотр строя и песни, встреча с ветеранами."),
    ("Неделя детской книги", 3,
     "Школьная библиотека провела викторины, громкие чтения и выставку рисунков по любимым книгам."),
    ("Всероссийские проверочные работы", 4,
     "В апреле учащиеся 4–8 классов пишут ВПР по графику, утверждённому приказом директора."),
    ("Акция «Окна Победы»", 5,
     "Классы оформили окна школы рисунками и надписями ко Дню Победы."),
    ("Торжественная линейка «Последний звонок»", 5,
     "Для выпускников 9 и 11 классов прозвенел последний звонок."),
    ("Работа пришкольного лагеря", 6,
     "В июне открылся лагерь с дневным пребыванием детей «Солнышко»."),
    ("Разговоры о важном", 11,
     "Каждый понедельник первым уроком проходят внеурочные занятия «Разговоры о важном»."),
    ("Родительское собрание", 11,
     "Состоялось общешкольное родительское собрание, на котором обсудили организацию питания."),
    ("Центр «Точка роста» приглашает", 10,
     "В центре образования естественно-научной и технологической направленностей начались занятия кружков."),
)
_MENTORING_NEWS = (
    ("Неделя наставничества в школе",
     "В школе прошла неделя наставничества: молодые педагоги провели открытые уроки, а опытные коллеги "
     "поделились методическими находками. Подведены итоги работы наставнических пар за полугодие."),
    ("Педагогический совет «Наставничество как ресурс профессионального роста»",
     "На педагогическом совете обсудили работу наставников с молодыми специалистами и планы на новый учебный год."),
    ("День наставника",
     "Поздравляем наставников школы! Благодарим педагогов, которые помогают молодым коллегам освоиться в профессии."),
)

_TEACHER_INTRO = (
    "В школе действует система наставничества педагогических работников. Её цель — помочь молодым "
    "специалистам и учителям, пришедшим в школу, быстрее освоиться в профессии и коллективе.",
    "Наставник сопровождает педагога в течение учебного года: посещает уроки, помогает с планированием "
    "и подготовкой к аттестации, вместе с наставляемым составляет персонализированную программу.",
    "Работу наставников координирует куратор, назначенный приказом директора. Итоги работы подводятся "
    "на заседании методического совета в конце учебного года.",
)
_STUDENT_INTRO = (
    "В школе реализуется целевая модель наставничества обучающихся. Наставничество помогает раскрыть "
    "потенциал каждого ученика, поддержать его в учёбе и в выборе профессии.",
    "Используются формы «ученик – ученик», «учитель – ученик», «студент – ученик». Наставниками выступают "
    "старшеклассники, педагоги, выпускники школы и представители предприятий района.",
)
_GENERIC_INTRO = (
    "Наставничество — универсальная технология передачи опыта и знаний.",
    "На этой странице публикуются материалы о наставничестве в нашей школе.",
)
_SUBJECTS = ("русский язык и литература", "математика", "история и обществознание", "английский язык",
             "биология", "химия", "физика", "география", "информатика", "физическая культура",
             "начальные классы", "музыка", "технология", "изобразительное искусство", "ОБЗР")


def _p(*texts: str) -> str:
    return "".join(f"<p>{esc(t)}</p>" for t in texts)


def documents_key(site: Site) -> str:
    return "sveden:document" if "sveden:document" in site.pages else "documents"


def build_skeleton(site: Site, plan) -> None:
    """Create the pages of an ordinary school site; document lists are filled in later."""
    rng = site.rng
    gosweb = site.theme.name == "gosweb"
    school = site.school
    home = site.add_page("home", school.short_name, None)
    home.blocks.append(_p(f"Добро пожаловать на официальный сайт {school.short_name}!",
                          f"Школа расположена по адресу: {school.locality}. Директор — {school.director}."))

    site.add_page("school", "Наша школа" if gosweb else "О школе", "home", slug="nasha-shkola" if gosweb else "o-shkole")
    site.add_page("about", "О школе" if gosweb else "Общая информация", "school", slug="o-shkole" if gosweb else "info")
    site.pages["about"].blocks.append(_p(
        f"{school.name} — общеобразовательная организация, реализующая программы начального общего, "
        "основного общего и среднего общего образования.",
        "В школе работают кружки и секции, школьный спортивный клуб, музей боевой славы."))
    site.add_page("history", "История школы", "school", slug="istoriya-shkoly")
    site.pages["history"].blocks.append(_p(
        f"Школа открыта в {rng.randint(1936, 1989)} году. За годы работы её окончили тысячи выпускников."))
    site.add_page("news", "Новости", "school", slug="novosti")
    if rng.random() < 0.6:
        site.add_page("tochka", "Центр «Точка роста»", "school", slug="tochka-rosta")
        site.pages["tochka"].blocks.append(_p(
            "Центр образования естественно-научной и технологической направленностей «Точка роста» создан "
            "в рамках национального проекта «Образование»."))
    site.add_page("sport", "Школьный спортивный клуб", "school", slug="shkolnyy-sportivnyy-klub")
    site.pages["sport"].blocks.append(_p("Расписание секций: волейбол, баскетбол, лёгкая атлетика, ОФП."))
    site.add_page("gallery", "Фотогалерея", "school", slug="fotogalereya")
    if plan.mentoring_page == "school":
        site.add_page("mentoring", "Наставничество", "school", slug="nastavnichestvo")

    if plan.has_sveden:
        site.add_page("sveden", SVEDEN_TITLE, "home", slug="sveden")
        for code, title, _ in SVEDEN:
            if code == "eduStandarts" and rng.random() < 0.5:
                continue
            site.add_page(f"sveden:{code}", title, "sveden", slug=code)
        _fill_sveden(site)
    else:
        site.add_page("documents", "Документы", "home", slug="dokumenty")
    if plan.has_local_acts:
        site.add_page("local_acts", "Локальные нормативные акты", documents_key(site), slug="lokalnye-akty",
                      in_menu=False)
        site.pages[documents_key(site)].blocks.append(
            f'<p>Локальные нормативные акты школы размещены в подразделе '
            f'<a href="{esc(site.url("local_acts"))}">«Локальные акты»</a>.</p>')

    site.add_page("teachers", "Педагогам и сотрудникам" if gosweb else "Педагогам", "home",
                  slug="pedagogam-i-sotrudnikam" if gosweb else "pedagogam")
    if plan.has_methodical:
        site.add_page("methodical", "Методическая работа", "teachers", slug="metodicheskaya-rabota")
        site.pages["methodical"].blocks.append(_p(
            "Методическая тема школы: «Повышение качества образования через совершенствование "
            "профессиональной компетентности педагогов».",
            "В школе работают методические объединения учителей начальных классов, гуманитарного "
            "и естественно-математического циклов."))
    site.add_page("attestation", "Аттестация педагогических работников", "teachers", slug="attestatsiya")
    site.pages["attestation"].blocks.append(_p(
        "Аттестация проводится в целях подтверждения соответствия занимаемой должности и установления "
        "квалификационной категории."))
    if plan.mentoring_page == "teachers":
        site.add_page("mentoring", "Наставничество", "teachers", slug="nastavnichestvo")
    elif plan.mentoring_page == "top":
        site.add_page("mentoring", rng.choice(["Наставничество", "Наставничество", "Система наставничества"]),
                      "home", slug="nastavnichestvo")

    site.add_page("parents", "Родителям и ученикам" if gosweb else "Родителям", "home",
                  slug="roditelyam-i-uchenikam" if gosweb else "roditelyam")
    for key, title, slug, text in (
        ("admission", "Приём в первый класс", "priem-v-1-klass",
         "Приём заявлений в первый класс для детей, проживающих на закреплённой территории, начинается 1 апреля."),
        ("gia", "Государственная итоговая аттестация", "gia",
         "Информация о сроках и местах проведения ОГЭ и ЕГЭ, телефоны горячей линии."),
        ("schedule", "Расписание звонков", "raspisanie-zvonkov",
         "1 урок 8:30–9:15; 2 урок 9:25–10:10; 3 урок 10:30–11:15; 4 урок 11:35–12:20; 5 урок 12:30–13:15."),
        ("safety", "Безопасность детей", "bezopasnost",
         "Памятки для родителей о безопасности детей на воде, на дорогах и в сети Интернет."),
    ):
        site.add_page(key, title, "parents", slug=slug).blocks.append(_p(text))
    food = site.add_page("food", "Питание", "parents", slug="food", path="/food/")
    food.blocks.append(_p("Ежедневное меню горячего питания, типовое меню и сведения о питании размещаются "
                          "в формате xlsx согласно методическим рекомендациям."))
    _fill_food(site, food)
    site.add_page("anticorruption", "Противодействие коррупции", "home", slug="protivodeystvie-korruptsii").blocks \
        .append(_p("Нормативные правовые акты в сфере противодействия коррупции. Обратная связь для сообщений "
                   "о фактах коррупции: телефон доверия."))
    contacts = site.add_page("contacts", "Контакты", "home", slug="kontakty")
    contacts.blocks.append(_p(f"Адрес: Смоленская область, {school.locality}.",
                              f"Телефон: 8 (481{rng.randint(30, 67)}) {rng.randint(2, 7)}-{rng.randint(10, 99)}-"
                              f"{rng.randint(10, 99)}", f"Электронная почта: {school.slug.replace('-', '_')}@mail.ru"))
    if "mentoring" in site.pages:
        _fill_mentoring_page(site, plan)
    _fill_gallery(site)
    _fill_news(site, plan)


def _fill_mentoring_page(site: Site, plan) -> None:
    page = site.pages["mentoring"]
    if plan.scenario == "student_only":
        texts = _STUDENT_INTRO
    elif plan.scenario == "teacher":
        # Real pages often reuse the students' model wording even for the teachers' system.
        texts = _TEACHER_INTRO if site.rng.random() < 0.7 else _STUDENT_INTRO[:1] + _TEACHER_INTRO[1:2]
    else:
        texts = _GENERIC_INTRO
    page.blocks.append(_p(*texts))
    if plan.scenario == "teacher" and site.rng.random() < 0.5:
        mentor, mentee = person(site.rng), person(site.rng)
        page.blocks.append(f"<h3>Наставнические пары</h3><table><tr><th>Наставник</th><th>Наставляемый</th></tr>"
                           f"<tr><td>{esc(mentor)}</td><td>{esc(mentee)}</td></tr></table>")
    if not plan.mentoring_page_has_files and plan.scenario == "teacher" and site.rng.random() < 0.5:
        page.blocks.append(f'<p>Документы по наставничеству размещены в разделе '
                           f'<a href="{esc(site.url(documents_key(site)))}">«Документы»</a>.</p>')


def _fill_sveden(site: Site) -> None:
    s = site.school
    rng = site.rng
    root = site.pages["sveden"]
    root.blocks.append("<ul>" + "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>'
                                        for p in site.children("sveden")) + "</ul>")
    fill = {
        "common": f'<table><tr><td>Полное наименование</td><td itemprop="fullName">{esc(s.name)}</td></tr>'
                  f'<tr><td>Сокращённое наименование</td><td itemprop="shortName">{esc(s.short_name)}</td></tr>'
                  f'<tr><td>Дата создания</td><td itemprop="regDate">{rng.randint(1, 28):02d}.0{rng.randint(1, 9)}.'
                  f'{rng.randint(1936, 1995)}</td></tr>'
                  f'<tr><td>Учредитель</td><td itemprop="uchredLaw">{esc(s.authority)}</td></tr>'
                  f'<tr><td>Место нахождения</td><td itemprop="address">Смоленская область, {esc(s.locality)}</td></tr>'
                  f'<tr><td>Режим работы</td><td itemprop="workTime">понедельник – пятница 8:00–17:00</td></tr></table>',
        "struct": _p("Органы управления: общее собрание работников, педагогический совет, управляющий совет. "
                     "Структурные подразделения отсутствуют."),
        "education": _p("Реализуемые уровни образования: начальное общее, основное общее, среднее общее.",
                        "Форма обучения: очная. Нормативный срок обучения: 4 года, 5 лет, 2 года.",
                        "Язык обучения: русский."),
        "eduStandarts": '<p>Федеральные государственные образовательные стандарты: '
                        '<a href="https://fgos.ru/" itemprop="eduFedDoc">fgos.ru</a></p>',
        "managers": f'<div itemprop="rucovodstvo"><p><span itemprop="post">Директор</span>: '
                    f'<span itemprop="fio">{esc(s.director)}</span></p>'
                    f'<p>Заместитель директора по УВР: {esc(person(rng))}</p></div>',
        "employees": "<table><tr><th>ФИО</th><th>Должность</th><th>Преподаваемые дисциплины</th></tr>" + "".join(
            f'<tr itemprop="teachingStaff"><td itemprop="fio">{esc(person(rng))}</td><td itemprop="post">учитель</td>'
            f'<td itemprop="teachingDiscipline">{esc(rng.choice(_SUBJECTS))}</td></tr>'
            for _ in range(rng.randint(8, 30))) + "</table>",
        "objects": _p("Школа располагает учебными кабинетами, спортивным залом, библиотекой, столовой на "
                      f"{rng.randint(40, 200)} посадочных мест. Вход оборудован пандусом."),
        "paid_edu": _p("Платные образовательные услуги не оказываются."),
        "budget": _p(f"Объём образовательной деятельности, финансовое обеспечение которой осуществляется за счёт "
                     f"бюджета: {rng.randint(9, 80)} млн руб."),
        "vacant": _p("Количество вакантных мест для приёма (перевода) обучающихся по каждой образовательной "
                     "программе размещено в таблице.") + "<table><tr><td>1 класс</td><td>"
                  f"{rng.randint(0, 12)}</td></tr></table>",
        "grants": _p("Стипендии не предусмотрены. Меры социальной поддержки: бесплатное горячее питание "
                     "обучающихся 1–4 классов и детей из многодетных семей."),
        "inter": _p("Международное сотрудничество не осуществляется."),
        "catering": f'<p>Сведения об организации питания и ежедневное меню: '
                    f'<a href="/food/">раздел «Питание»</a>.</p>',
        "document": _p("Предписания органов, осуществляющих государственный контроль (надзор) в сфере "
                       "образования: предписаний нет."),
    }
    for code, block in fill.items():
        key = f"sveden:{code}"
        if key in site.pages:
            site.pages[key].blocks.append(block)


@lru_cache(maxsize=64)
def _menu_xlsx(day: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Школа", "", "Отд./корп", "", "День", day])
    ws.append(["Прием пищи", "Раздел", "№ рец.", "Блюдо", "Выход, г", "Цена", "Калорийность"])
    dishes = [("Завтрак", "гор.блюдо", "Каша молочная овсяная", 200, 180),
              ("Завтрак", "гор.напиток", "Чай с сахаром", 200, 60),
              ("Завтрак", "хлеб", "Хлеб пшеничный", 40, 95),
              ("Обед", "1 блюдо", "Суп картофельный с горохом", 250, 140),
              ("Обед", "2 блюдо", "Котлета рубленая из птицы", 90, 210),
              ("Обед", "гарнир", "Макароны отварные", 150, 200)]
    for i, (meal, part, name, out, kcal) in enumerate(dishes):
        ws.append([meal, part, 100 + i, name, out, "", kcal])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _fill_food(site: Site, page) -> None:
    start = datetime.date(2025, 9, 1) + datetime.timedelta(days=7 * site.rng.randint(0, 8))
    links = []
    for i in range(site.rng.randint(4, 10)):
        day = start + datetime.timedelta(days=i + 2 * (i // 5))
        path = f"/food/{day.isoformat()}-sm.xlsx"
        site.add_route(path, _menu_xlsx(day.isoformat()), "xlsx", "application/vnd.openxmlformats-officedocument."
                       "spreadsheetml.sheet")
        links.append(f'<li><a href="{path}">{day.strftime("%d.%m.%Y")}-sm.xlsx</a></li>')
    site.add_route("/food/tm2025-sm.xlsx", _menu_xlsx("типовое"), "xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    links.append('<li><a href="/food/tm2025-sm.xlsx">tm2025-sm.xlsx</a> (типовое меню)</li>')
    page.blocks.append('<ul class="food-files">' + "".join(links) + "</ul>")


@lru_cache(maxsize=8)
def _jpeg(shade: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (160, 120), (shade, 120 + shade // 3, 200 - shade // 2)).save(buf, "JPEG", quality=60)
    return buf.getvalue()


def _fill_gallery(site: Site) -> None:
    imgs = []
    for i in range(site.rng.randint(3, 8)):
        path = f"/images/gallery/photo_{i + 1}.jpg"
        site.add_route(path, _jpeg(i * 25 % 200), "jpg", "image/jpeg")
        imgs.append(f'<a href="{path}"><img src="{path}" alt="Фото {i + 1}" width="160"></a>')
    site.pages["gallery"].blocks.append('<div class="gallery">' + "".join(imgs) + "</div>")


def _fill_news(site: Site, plan) -> None:
    rng = site.rng
    # Real school sites post news weekly or more and keep years of archive; the
    # archive is most of a site's pages (what a whole-site crawl pays for).
    count = rng.randint(30, 300)
    items = []
    day = datetime.date(2025, 11, 20)
    mentoring_at = rng.randrange(count) if plan.mentoring_news else -1
    for i in range(count):
        day -= datetime.timedelta(days=rng.randint(2, 12))
        if i == mentoring_at:
            title, text = rng.choice(_MENTORING_NEWS)
        else:
            choices = [n for n in _NEWS if n[1] == day.month] or list(_NEWS)
            title, _, text = rng.choice(choices)
        key = f"news:{i}"
        page = site.add_page(key, title, "news", slug=slugify(title), in_menu=False, iso=day.isoformat())
        page.blocks.append(_p(text))
        items.append(page)
    per_page = 10
    news = site.pages["news"]
    n_pages = (len(items) + per_page - 1) // per_page
    for n in range(1, n_pages + 1):
        chunk = items[(n - 1) * per_page:n * per_page]
        listing = '<div class="news-list">' + "".join(
            f'<div class="news-item"><span class="date">{p.date}</span> <a href="{esc(p.path)}">{esc(p.title)}</a>'
            f'</div>' for p in chunk) + "</div>"
        pager = '<div class="pagination">' + " ".join(
            f'<a href="{esc(site.url("news") if k == 1 else site.theme.news_page_path(k))}">{k}</a>'
            if k != n else f"<span>{k}</span>" for k in range(1, n_pages + 1)) + "</div>"
        if n == 1:
            news.blocks.append(listing + pager)
        else:
            extra = site.add_page(f"newslist:{n}", f"Новости — страница {n}", "news", in_menu=False,
                                  path=site.theme.news_page_path(n))
            extra.blocks.append(listing + pager)
    home = site.pages["home"]
    home.blocks.append("<h2>Новости</h2>" + "".join(
        f'<p><a href="{esc(p.path)}">{esc(p.title)}</a> <small>{p.date}</small></p>' for p in items[:5]))
