"""Shared pieces of the demo documents: the data model, people, dates, approval blocks.

Conventions of ``DocumentSpec.paragraphs`` that every renderer relies on:

* a paragraph may contain ``"\\n"``: hard line breaks inside one block (approval blocks, signatures);
* a paragraph containing ``"\\t"`` is a table row, its cells separated by tabs; consecutive rows
  form one table. A table whose first cell starts with an approval word (ПРИНЯТО, УТВЕРЖДЕНО, …)
  is a layout table (drawn without borders);
* the first paragraph equal to ``DocumentSpec.title`` is the title.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

BLANK = "_______________________"


@dataclass(frozen=True)
class SchoolInfo:
    full_name: str
    short_name: str
    municipality: str
    locality: str
    director: str
    authority: str


@dataclass
class DocumentSpec:
    kind: str
    title: str
    paragraphs: list[str]
    issuer: str
    audience: str
    date: datetime.date | None
    number: str | None
    academic_year: str | None
    signature_stamp: str | None

    @property
    def text(self) -> str:
        """Plain text in reading order (table cells separated by tabs)."""
        return "\n".join(self.paragraphs)


# First words of a table row that is page layout (signatures, approval marks), not a bordered table.
LAYOUT_ROW_STARTS = ("Директор", "Министр", "Работодатель", "Наставник", "Куратор")
APPROVAL_WORDS = ("ПРИНЯТ", "УТВЕРЖД", "СОГЛАСОВАН", "Принят", "Утвержд", "Согласован", "РАССМОТРЕН",
                  "Рассмотрен", "Приложение", "ПРИЛОЖЕНИЕ", "Учтено мнение")

MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь")

# --- people -------------------------------------------------------------------------------

_SURNAMES = (
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Васильев", "Соколов", "Михайлов", "Новиков",
    "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
    "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров",
    "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев",
    "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
    "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
    "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов",
    "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов",
    "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев",
    "Пестов", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов",
    "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв", "Быков",
    "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв",
    "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
    "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов",
    "Никифоров", "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов",
    "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов",
    "Анисимов", "Ерёмин", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин",
)
_MALE = ("Александр", "Алексей", "Андрей", "Владимир", "Дмитрий", "Евгений", "Игорь", "Михаил",
         "Николай", "Олег", "Павел", "Сергей", "Юрий", "Виктор", "Иван", "Максим", "Роман",
         "Константин", "Геннадий", "Валерий", "Артём", "Денис", "Вадим", "Григорий")
_FEMALE = ("Анна", "Елена", "Ирина", "Наталья", "Ольга", "Светлана", "Татьяна", "Юлия", "Марина",
           "Екатерина", "Людмила", "Галина", "Оксана", "Валентина", "Мария", "Дарья", "Ксения",
           "Алина", "Виктория", "Полина", "Надежда", "Лариса", "Нина", "Вера", "Любовь",
           "Анастасия", "Жанна", "Кристина", "Евгения", "Софья")
_FATHERS = (("Александр", "Александрович", "Александровна"), ("Алексей", "Алексеевич", "Алексеевна"),
            ("Андрей", "Андреевич", "Андреевна"), ("Владимир", "Владимирович", "Владимировна"),
            ("Дмитрий", "Дмитриевич", "Дмитриевна"), ("Евгений", "Евгеньевич", "Евгеньевна"),
            ("Иван", "Иванович", "Ивановна"), ("Михаил", "Михайлович", "Михайловна"),
            ("Николай", "Николаевич", "Николаевна"), ("Павел", "Павлович", "Павловна"),
            ("Сергей", "Сергеевич", "Сергеевна"), ("Юрий", "Юрьевич", "Юрьевна"),
            ("Виктор", "Викторович", "Викторовна"), ("Анатолий", "Анатольевич", "Анатольевна"),
            ("Василий", "Васильевич", "Васильевна"), ("Геннадий", "Геннадьевич", "Геннадьевна"),
            ("Олег", "Олегович", "Олеговна"), ("Петр", "Петрович", "Петровна"),
            ("Валерий", "Валерьевич", "Валерьевна"), ("Игорь", "Игоревич", "Игоревна"),
            ("Борис", "Борисович", "Борисовна"), ("Григорий", "Григорьевич", "Григорьевна"))

SUBJECT_TEACHERS = (
    "учитель математики", "учитель русского языка и литературы", "учитель начальных классов",
    "учитель английского языка", "учитель истории и обществознания", "учитель физической культуры",
    "учитель химии и биологии", "учитель информатики", "учитель географии", "учитель физики",
    "учитель музыки", "учитель технологии", "учитель изобразительного искусства",
    "учитель немецкого языка", "учитель биологии", "учитель ОБЗР", "педагог-психолог",
    "социальный педагог", "учитель-логопед", "педагог дополнительного образования",
    "педагог-организатор", "советник директора по воспитанию",
)


@dataclass(frozen=True)
class Person:
    surname: str
    first: str
    patronymic: str

    @property
    def full(self) -> str:
        return f"{self.surname} {self.first} {self.patronymic}"

    @property
    def initials_after(self) -> str:
        return f"{self.surname} {self.first[0]}. {self.patronymic[0]}."

    @property
    def initials_before(self) -> str:
        return f"{self.first[0]}. {self.patronymic[0]}. {self.surname}"

    def styled(self, style: int) -> str:
        return (self.full, self.initials_after, self.initials_before)[style % 3]

    def accusative(self) -> "Person":
        """The person as the object of «назначить …» (Петрова → Петрову, Иванов → Иванова)."""
        return Person(_acc(self.surname), _acc(self.first), _acc(self.patronymic))


def _acc(word: str) -> str:
    if word == "Павел":
        return "Павла"
    if word.endswith("ья"):
        return word[:-1] + "ю"
    if word.endswith("а"):
        return word[:-1] + "у"
    if word.endswith("я"):
        return word[:-1] + "ю"
    if word.endswith("й"):
        return word[:-1] + "я"
    if word.endswith(("ов", "ев", "ёв", "ин", "ын", "ич")) or word in _MALE or word[-1] in "бвгджзклмнпрстфхцчшщ":
        return word + "а"
    return word


def make_person(rng: random.Random, female_share: float = 0.8) -> Person:
    female = rng.random() < female_share
    surname = rng.choice(_SURNAMES)
    if female:
        surname = surname + "а"
    father = rng.choice(_FATHERS)
    first = rng.choice(_FEMALE if female else _MALE)
    return Person(surname, first, father[2] if female else father[1])


def make_people(rng: random.Random, n: int, female_share: float = 0.8) -> list[Person]:
    seen: set[str] = set()
    out: list[Person] = []
    while len(out) < n:
        p = make_person(rng, female_share)
        if p.surname not in seen:
            seen.add(p.surname)
            out.append(p)
    return out


def director_full_name(initials_name: str, rng: random.Random) -> str:
    """«И. П. Петрова» → «Петрова Ирина Павловна» (first name and patronymic matching the initials)."""
    parts = initials_name.replace(".", ". ").split()
    letters = [p[0] for p in parts if p.endswith(".")]
    surnames = [p for p in parts if not p.endswith(".")]
    if len(letters) < 2 or not surnames:
        return initials_name
    surname = surnames[-1]
    female = surname.endswith(("а", "я"))
    names = [n for n in (_FEMALE if female else _MALE) if n[0] == letters[0]]
    fathers = [f[2] if female else f[1] for f in _FATHERS if f[0][0] == letters[1]]
    first = rng.choice(names) if names else letters[0] + "."
    patr = rng.choice(fathers) if fathers else letters[1] + "."
    return f"{surname} {first} {patr}"


# --- dates and numbers --------------------------------------------------------------------

def fmt_date(d: datetime.date, style: int) -> str:
    style %= 4
    if style == 0:
        return d.strftime("%d.%m.%Y")
    if style == 1:
        return f"«{d.day:02d}» {MONTHS_GEN[d.month - 1]} {d.year} г."
    if style == 2:
        return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} года"
    return f"{d.day:02d}.{d.month:02d}.{d.year} г."


def date_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    span = (end - start).days
    d = start + datetime.timedelta(days=rng.randint(0, max(span, 0)))
    if d.weekday() >= 5:  # orders are signed on working days
        d -= datetime.timedelta(days=d.weekday() - 4)
    return d


def order_number(rng: random.Random, d: datetime.date) -> str:
    n = rng.randint(40, 160) if d.month in (8, 9) else rng.randint(5, 320)
    return rng.choice((f"{n}-од", f"{n}-ОД", f"{n}", f"{n}/01-07", f"01-10/{n}", f"{n}-о", f"{n}/1"))


# --- school context -------------------------------------------------------------------------

_ADJ_CASES = {"gen": ("ого", "ой"), "prep": ("ом", "ой"), "dat": ("ому", "ой")}
_NOUN_CASES = {"gen": {"учреждение": "учреждения", "организация": "организации", "школа": "школы"},
               "prep": {"учреждение": "учреждении", "организация": "организации", "школа": "школе"},
               "dat": {"учреждение": "учреждению", "организация": "организации", "школа": "школе"}}


def decline_org(full_name: str, case: str) -> str:
    """Decline the descriptive head of an organisation name («Муниципальное бюджетное … учреждение»).

    The part in quotes and everything after it stay as they are, as in real documents.
    """
    head, sep, tail = full_name.partition("«")
    words = head.split()
    out = []
    for w in words:
        low = w.lower()
        if low in _NOUN_CASES[case]:
            out.append(_NOUN_CASES[case][low])
        elif low.endswith("ое"):
            out.append(low[:-2] + _ADJ_CASES[case][0])
        elif low.endswith("ая"):
            out.append(low[:-2] + _ADJ_CASES[case][1])
        else:
            out.append(w if w[:1].isupper() and len(w) > 1 and w[1:2].isupper() else low)
    text = " ".join(out)
    return (text + " " + sep + tail).strip() if sep else text


class Ctx:
    """Everything a text builder needs: the school, the random source, the year, blanks."""

    def __init__(self, school: SchoolInfo, rng: random.Random, year: int, blank: bool):
        self.school = school
        self.rng = rng
        self.year = year
        self.blank = blank
        self.date_style = rng.choice((0, 0, 0, 1, 2, 3))
        self.person_style = rng.choice((0, 1, 1, 2, 2))

    # names
    @property
    def short(self) -> str:
        return BLANK if self.blank else self.school.short_name

    @property
    def full(self) -> str:
        return BLANK + "_" * 20 if self.blank else self.school.full_name

    def full_case(self, case: str) -> str:
        return BLANK + "_" * 20 if self.blank else decline_org(self.school.full_name, case)

    def org_prep(self) -> str:
        """The school after «в»: short or declined full name."""
        if self.blank:
            return BLANK
        return self.rng.choice((self.school.short_name, self.school.short_name, self.full_case("prep")))

    def org_gen(self) -> str:
        if self.blank:
            return BLANK
        return self.rng.choice((self.school.short_name, self.school.short_name, self.full_case("gen")))

    @property
    def locality(self) -> str:
        return "_____________" if self.blank else self.school.locality

    @property
    def director(self) -> str:
        return "_______________" if self.blank else self.school.director

    @property
    def academic_year(self) -> str:
        return f"{self.year}/{self.year + 1}"

    def academic_year_styled(self) -> str:
        return self.rng.choice((f"{self.year}/{self.year + 1}", f"{self.year}/{self.year + 1}",
                                f"{self.year}-{self.year + 1}", f"{self.year}–{self.year + 1}"))

    def date(self, d: datetime.date) -> str:
        return fmt_date(d, self.date_style)

    def person(self, p: Person) -> str:
        return p.styled(self.person_style)

    def pick(self, *options):
        return self.rng.choice(options)

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    def start_date(self, early: bool = True) -> datetime.date:
        """A signing date at the start of the academic year."""
        y = self.year
        if early:
            return date_between(self.rng, datetime.date(y, 8, 25), datetime.date(y, 9, 15))
        return date_between(self.rng, datetime.date(y, 8, 25), datetime.date(y, 12, 28))


# --- approval blocks ----------------------------------------------------------------------

def accepted_block(ctx: Ctx, d: datetime.date) -> str:
    proto = ctx.rng.randint(1, 2) if d.month in (8, 9) else ctx.rng.randint(2, 7)
    body = ctx.pick(
        f"ПРИНЯТО\nна заседании педагогического совета\nпротокол № {proto} от {ctx.date(d)}",
        f"ПРИНЯТО\nпедагогическим советом\n{ctx.short}\n(протокол от {ctx.date(d)} № {proto})",
        f"РАССМОТРЕНО\nна педагогическом совете\nПротокол № {proto}\nот {ctx.date(d)}",
        f"Принято\nна педагогическом совете школы\nпротокол № {proto} от {ctx.date(d)}",
    )
    return body


def approved_block(ctx: Ctx, d: datetime.date, number: str) -> str:
    return ctx.pick(
        f"УТВЕРЖДЕНО\nприказом директора\n{ctx.short}\nот {ctx.date(d)} № {number}",
        f"УТВЕРЖДАЮ\nДиректор {ctx.short}\n____________ {ctx.director}\nПриказ № {number} от {ctx.date(d)}",
        f"УТВЕРЖДЕНО\nприказом от {ctx.date(d)} № {number}",
        f"Утверждено\nприказом по школе\n№ {number} от {ctx.date(d)}",
        f"УТВЕРЖДАЮ\nДиректор школы\n_____________/{ctx.director}/\n{fmt_date(d, 1)}",
    )


def agreed_block(ctx: Ctx, d: datetime.date) -> str:
    proto = ctx.rng.randint(1, 3)
    return ctx.pick(
        f"СОГЛАСОВАНО\nс Управляющим советом\nпротокол № {proto} от {ctx.date(d)}",
        f"СОГЛАСОВАНО\nПредседатель первичной\nпрофсоюзной организации\n__________ {ctx.person(make_person(ctx.rng))}",
        f"СОГЛАСОВАНО\nс Советом родителей\n(протокол от {ctx.date(d)} № {proto})",
        f"Учтено мнение\nСовета обучающихся\nпротокол № {proto} от {ctx.date(d)}",
    )


def approval_blocks(ctx: Ctx, d: datetime.date, number: str, *, council: bool = True) -> list[str]:
    """The approval marks at the top of a local act, in one of several layouts."""
    before = d - datetime.timedelta(days=ctx.rng.randint(0, 3))
    layout = ctx.rng.randrange(6)
    if layout == 0 and council:
        return [accepted_block(ctx, before) + "\t" + approved_block(ctx, d, number)]
    if layout == 1 and council:
        return [accepted_block(ctx, before), approved_block(ctx, d, number)]
    if layout == 2 and council:
        return [accepted_block(ctx, before) + "\t" + agreed_block(ctx, before) + "\t"
                + approved_block(ctx, d, number)]
    if layout == 3:
        return [approved_block(ctx, d, number)]
    if layout == 4:
        return [f"Утверждено приказом директора {ctx.short} от {ctx.date(d)} № {number}"]
    return [f"Приложение\nк приказу {ctx.short}\nот {ctx.date(d)} № {number}"]


def director_signature(ctx: Ctx) -> str:
    return ctx.pick(
        f"Директор\t____________ {ctx.director}",
        f"Директор школы ______________ {ctx.director}",
        f"Директор {ctx.short}\n_______________ {ctx.director}",
        f"Директор                                      {ctx.director}",
    )


def signature_stamp(ctx: Ctx, d: datetime.date) -> str:
    owner = director_full_name(ctx.school.director, ctx.rng)
    serial = "".join(ctx.rng.choice("0123456789ABCDEF") for _ in range(32))
    valid_from = d - datetime.timedelta(days=ctx.rng.randint(30, 300))
    valid_to = valid_from + datetime.timedelta(days=365 + ctx.rng.randint(0, 90))
    signed = d + datetime.timedelta(days=ctx.rng.randint(0, 400))
    return ctx.pick(
        f"ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат: {serial}\nВладелец: {owner}\n"
        f"Действителен с {valid_from:%d.%m.%Y} до {valid_to:%d.%m.%Y}",
        f"Подписан: {owner}\nDN: C=RU, O={ctx.school.short_name}, CN={owner}, T=Директор\n"
        f"Основание: я подтверждаю этот документ своей удостоверяющей подписью\n"
        f"Дата: {signed:%Y-%m-%d} {ctx.rng.randint(8, 18):02d}:{ctx.rng.randint(0, 59):02d}",
        f"Подписано цифровой подписью: {owner}\nДата: {signed:%Y.%m.%d} "
        f"{ctx.rng.randint(8, 18):02d}:{ctx.rng.randint(0, 59):02d}:{ctx.rng.randint(0, 59):02d} +03'00'",
    )


# --- numbered text ------------------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")


class Writer:
    """Collects paragraphs of a numbered local act in one consistent style."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.paras: list[str] = []
        self.sec = 0
        self.cl = 0
        self.heading_style = ctx.rng.randrange(4)
        self.clause_dot = ctx.pick(".", ".", "")
        self.bullet = ctx.pick("– ", "- ", "• ", "", "num")

    def add(self, *paras: str) -> None:
        self.paras.extend(paras)

    def heading(self, text: str) -> None:
        self.sec += 1
        self.cl = 0
        n = self.sec
        st = self.heading_style
        if st == 0:
            self.paras.append(f"{n}. {text}")
        elif st == 1:
            self.paras.append(f"{_ROMAN[n - 1]}. {text.upper()}")
        elif st == 2:
            self.paras.append(f"Раздел {n}. {text}")
        else:
            self.paras.append(f"{n}. {text.upper()}")

    def clause(self, text: str) -> None:
        self.cl += 1
        self.paras.append(f"{self.sec}.{self.cl}{self.clause_dot} {text}")

    def clauses(self, *texts: str) -> None:
        for t in texts:
            self.clause(t)

    def items(self, items: list[str] | tuple[str, ...], last: str = ".") -> None:
        n = len(items)
        for i, it in enumerate(items):
            end = last if i == n - 1 else ";"
            if self.bullet == "num":
                self.paras.append(f"{i + 1}) {it}{end}")
            else:
                self.paras.append(f"{self.bullet}{it}{end}")

    def clause_with_items(self, lead: str, items, shuffle: bool = True) -> None:
        items = list(items)
        if shuffle:
            self.ctx.rng.shuffle(items)
        self.clause(lead)
        self.items(items)


def sample(ctx: Ctx, items, k_min: int, k_max: int | None = None) -> list:
    """A random subset in the original order (keeps logical order of steps)."""
    items = list(items)
    k_max = len(items) if k_max is None else min(k_max, len(items))
    k = ctx.rng.randint(min(k_min, k_max), k_max)
    idx = sorted(ctx.rng.sample(range(len(items)), k))
    return [items[i] for i in idx]


_AUTHORITY_HEADS = {"Управление": "Управления", "Отдел": "Отдела", "Комитет": "Комитета",
                    "Департамент": "Департамента", "Министерство": "Министерства"}


def authority_gen(authority: str) -> str:
    """«Управление образования …» → «Управления образования …» (after «приказом»)."""
    head, _, rest = authority.partition(" ")
    return f"{_AUTHORITY_HEADS.get(head, head)} {rest}".strip()
