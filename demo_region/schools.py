"""The schools of the demo region: 27 municipalities of Smolensk oblast and their registry rows.

Names follow the real naming habits of the oblast: numbered schools in towns
(«Средняя школа № 5» г. Смоленска, СОШ № 1 г. Ярцево), village schools named
after the village (Исаковская СОШ, Михновская средняя школа), a few gymnasiums
and lyceums in the larger towns.  Nothing here renders files; listing 340
schools is instantaneous so tests can check the whole list.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

# (stem, centre name, centre genitive, centre slug, weight, centre has numbered schools,
#  (village adjective, locality) pairs that are typical of the district)
_DISTRICTS: tuple[tuple[str, str, str, str, int, bool, tuple[tuple[str, str], ...]], ...] = (
    ("Велижский", "Велиж", "Велижа", "velizh", 6, True,
     (("Беляевская", "д. Беляево"), ("Крутовская", "д. Крутое"), ("Заозерская", "д. Заозерье"))),
    ("Вяземский", "Вязьма", "Вязьмы", "vyazma", 25, True,
     (("Исаковская", "с. Исаково"), ("Семлевская", "с. Семлево"), ("Хмелитская", "д. Хмелита"),
      ("Андрейковская", "с. Андрейково"), ("Кайдаковская", "д. Кайдаково"),
      ("Степаниковская", "д. Степаники"), ("Новосельская", "д. Новое Село"),
      ("Царево-Займищенская", "с. Царево-Займище"), ("Тумановская", "с. Туманово"))),
    ("Гагаринский", "Гагарин", "Гагарина", "gagarin", 20, True,
     (("Никольская", "с. Никольское"), ("Серго-Ивановская", "д. Серго-Ивановское"),
      ("Токаревская", "с. Токарево"), ("Баскаковская", "с. Баскаково"), ("Пречистенская", "с. Пречистое"))),
    ("Глинковский", "Глинка", "Глинки", "glinka", 5, False,
     (("Доброминская", "с. Доброминка"), ("Болтутинская", "д. Болтутино"))),
    ("Демидовский", "Демидов", "Демидова", "demidov", 8, True,
     (("Пржевальская", "пос. Пржевальское"), ("Закрутская", "д. Закрутое"), ("Карцевская", "д. Карцево"))),
    ("Дорогобужский", "Дорогобуж", "Дорогобужа", "dorogobuzh", 12, True,
     (("Верхнеднепровская", "пос. Верхнеднепровский"), ("Алексинская", "с. Алексино"),
      ("Усвятская", "д. Усвятье"), ("Фрунзенская", "д. Ушаково"))),
    ("Духовщинский", "Духовщина", "Духовщины", "duhovschina", 9, True,
     (("Озерненская", "пос. Озерный"), ("Пречистенская", "с. Пречистое"), ("Булгаковская", "д. Булгаково"))),
    ("Ельнинский", "Ельня", "Ельни", "elnya", 8, True,
     (("Коробецкая", "д. Коробец"), ("Леонидовская", "д. Леонидово"), ("Павловская", "д. Павлово"))),
    ("Ершичский", "Ершичи", "Ершичей", "ershichi", 6, False,
     (("Руханская", "д. Рухань"), ("Кузьмичская", "д. Кузьмичи"))),
    ("Кардымовский", "Кардымово", "Кардымово", "kardymovo", 8, False,
     (("Шокинская", "д. Шокино"), ("Тюшинская", "д. Тюшино"), ("Каменская", "д. Каменка"))),
    ("Краснинский", "Красный", "Красного", "krasny", 8, False,
     (("Гусинская", "д. Гусино"), ("Мерлинская", "д. Мерлино"), ("Волковская", "д. Волково"))),
    ("Монастырщинский", "Монастырщина", "Монастырщины", "monastyrschina", 7, False,
     (("Татарская", "д. Татарск"), ("Любавичская", "д. Любавичи"))),
    ("Новодугинский", "Новодугино", "Новодугино", "novodugino", 7, False,
     (("Высоковская", "с. Высокое"), ("Днепровская", "с. Днепровское"))),
    ("Починковский", "Починок", "Починка", "pochinok", 14, True,
     (("Стодолищенская", "пос. Стодолище"), ("Лосненская", "д. Лосня"), ("Шаталовская", "д. Шаталово"),
      ("Мурыгинская", "д. Мурыгино"), ("Прудковская", "д. Прудки"))),
    ("Рославльский", "Рославль", "Рославля", "roslavl", 23, True,
     (("Екимовичская", "д. Екимовичи"), ("Остерская", "д. Остер"), ("Пригорьевская", "с. Пригорье"),
      ("Перенская", "д. Перенка"), ("Астапковичская", "д. Астапковичи"), ("Кирилловская", "д. Кирилловка"))),
    ("Руднянский", "Рудня", "Рудни", "rudnya", 12, True,
     (("Понизовская", "д. Понизовье"), ("Любавичская", "д. Любавичи"), ("Голынковская", "пос. Голынки"))),
    ("Сафоновский", "Сафоново", "Сафонова", "safonovo", 21, True,
     (("Вадинская", "с. Вадино"), ("Богдановская", "д. Богдановщина"), ("Издешковская", "с. Издешково"),
      ("Дроздовская", "д. Дроздово"), ("Барановская", "д. Бараново"))),
    ("Смоленский", "Смоленск", "Смоленска", "smolray", 24, False,
     (("Печерская", "с. Печерск"), ("Катынская", "с. Катынь"), ("Пригорская", "с. Пригорское"),
      ("Талашкинская", "с. Талашкино"), ("Касплянская", "с. Каспля"), ("Кощинская", "д. Кощино"),
      ("Михновская", "д. Михновка"), ("Павловская", "д. Павлово"), ("Стабенская", "д. Стабна"),
      ("Козинская", "д. Козино"), ("Хохловская", "д. Хохлово"), ("Сметанинская", "д. Сметанино"))),
    ("Сычевский", "Сычевка", "Сычевки", "sychevka", 8, True,
     (("Дугинская", "д. Дугино"), ("Субботниковская", "д. Субботники"))),
    ("Темкинский", "Темкино", "Темкино", "temkino", 5, False,
     (("Батюшковская", "д. Батюшково"), ("Власовская", "д. Власово"))),
    ("Угранский", "Угра", "Угры", "ugra", 8, False,
     (("Знаменская", "с. Знаменка"), ("Всходская", "с. Всходы"), ("Вешковская", "д. Вешки"))),
    ("Хиславичский", "Хиславичи", "Хиславичей", "hislavichi", 7, False,
     (("Городищенская", "д. Городище"), ("Печерская", "д. Печерская Буда"))),
    ("Холм-Жирковский", "Холм-Жирковский", "Холм-Жирковского", "holm-zhirkovsky", 8, False,
     (("Игоревская", "с. Игоревская"), ("Тупиковская", "с. Тупик"), ("Нахимовская", "с. Нахимовское"))),
    ("Шумячский", "Шумячи", "Шумячей", "shumyachi", 7, False,
     (("Первомайская", "пос. Первомайский"), ("Руссковская", "д. Руссковка"))),
    ("Ярцевский", "Ярцево", "Ярцева", "yartsevo", 21, True,
     (("Капыревщинская", "д. Капыревщина"), ("Суетовская", "д. Суетово"), ("Миткинская", "д. Миткино"),
      ("Засижьевская", "д. Засижье"), ("Репинская", "д. Репино"))),
)
_CITIES: tuple[tuple[str, str, str, int], ...] = (
    # (display name, genitive, slug, weight)
    ("город Смоленск", "Смоленска", "smolensk", 45),
    ("город Десногорск", "Десногорска", "desnogorsk", 5),
)

# Village names that recur all over central Russia; used once a district's own list runs out.
_COMMON_VILLAGES: tuple[tuple[str, str], ...] = (
    ("Никольская", "с. Никольское"), ("Покровская", "с. Покровское"), ("Ивановская", "д. Ивановка"),
    ("Михайловская", "д. Михайловка"), ("Новоселковская", "д. Новоселки"), ("Березкинская", "д. Березки"),
    ("Соколовская", "д. Соколово"), ("Петровская", "д. Петрово"), ("Знаменская", "с. Знаменка"),
    ("Успенская", "с. Успенское"), ("Каменская", "д. Каменка"), ("Боровская", "д. Боровая"),
    ("Заборьевская", "д. Заборье"), ("Лесновская", "д. Лесное"), ("Дубровская", "д. Дуброво"),
    ("Ракитнянская", "д. Ракитня"), ("Городнянская", "д. Городня"), ("Слободская", "д. Слобода"),
    ("Луговская", "д. Луги"), ("Криволесская", "д. Криволесье"), ("Высоковская", "д. Высокое"),
    ("Шиловская", "д. Шилово"), ("Липовская", "д. Липки"), ("Глушковская", "д. Глушково"),
)

_SURNAMES_M = ("Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов",
               "Новиков", "Морозов", "Волков", "Алексеев", "Егоров", "Павлов", "Степанов", "Никитин",
               "Орлов", "Андреев", "Макаров", "Захаров", "Зайцев", "Соловьев", "Борисов", "Яковлев",
               "Григорьев", "Романов", "Воробьев", "Сергеев", "Фролов", "Александров", "Гусев", "Титов")
_NAMES_M = ("Александр", "Сергей", "Андрей", "Владимир", "Николай", "Игорь", "Дмитрий", "Михаил", "Юрий")
_NAMES_F = ("Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Галина", "Марина", "Людмила",
            "Анна", "Надежда", "Валентина", "Юлия", "Оксана", "Лариса")
_PATRONYMIC_ROOTS = ("Александров", "Сергеев", "Николаев", "Владимиров", "Викторов", "Анатольев",
                     "Михайлов", "Петров", "Иванов", "Геннадьев", "Юрьев", "Васильев")

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}


def translit(text: str) -> str:
    """Russian → Latin the way CMS slug generators do it (Gosweb, WordPress plugins)."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _TRANSLIT:
            lat = _TRANSLIT[low]
            out.append(lat.capitalize() if ch != low and lat else lat)
        else:
            out.append(ch)
    return "".join(out)


def slugify(text: str, sep: str = "-", max_words: int = 8) -> str:
    words = "".join(c if c.isalnum() else " " for c in translit(text.lower())).split()
    return sep.join(words[:max_words])


@dataclass(frozen=True)
class Municipality:
    key: str             # «Вяземский» or «город Смоленск»
    is_city: bool
    centre: str          # town or village name of the centre
    centre_genitive: str
    slug: str            # Latin, used in host names: vyazma, smolensk
    weight: int
    numbered_centre: bool
    villages: tuple[tuple[str, str], ...]

    def display(self) -> str:
        return self.key if self.is_city else f"{self.key} район"

    def registry_forms(self) -> tuple[str, ...]:
        """Both spellings seen in registries since the 2024 reform."""
        if self.is_city:
            return (self.key,)
        return (f"{self.key} район", f"{self.key} муниципальный округ")

    def authority(self) -> str:
        if self.key == "город Смоленск":
            return "Управление образования и молодежной политики Администрации города Смоленска"
        if self.is_city:
            return "Комитет по образованию Администрации муниципального образования «город Десногорск» Смоленской области"
        return f"Отдел образования Администрации муниципального образования «{self.key} район» Смоленской области"


MUNICIPALITIES: tuple[Municipality, ...] = tuple(
    [Municipality(name, True, name.split()[1], gen, slug, w, True, ()) for name, gen, slug, w in _CITIES]
    + [Municipality(stem, False, centre, gen, slug, w, numbered, villages)
       for stem, centre, gen, slug, w, numbered, villages in _DISTRICTS]
)


@dataclass
class School:
    school_id: str
    name: str            # full official name
    short_name: str
    municipality: str    # Municipality.key
    registry_municipality: str
    inn: str
    kind: str            # средняя школа / основная школа / гимназия / лицей
    locality: str
    director: str
    authority: str
    slug: str            # Latin base for host names, e.g. sh5-smolensk, sh-isakovskaya
    town_slug: str

    def to_dict(self) -> dict:
        return asdict(self)


def allocate(n_schools: int) -> dict[str, int]:
    """Schools per municipality, proportional to weight, at least one each when n allows."""
    total = sum(m.weight for m in MUNICIPALITIES)
    base = {m.key: 0 for m in MUNICIPALITIES}
    if n_schools >= len(MUNICIPALITIES):
        for m in MUNICIPALITIES:
            base[m.key] = 1
    rest = n_schools - sum(base.values())
    quotas = {m.key: rest * m.weight / total for m in MUNICIPALITIES}
    for key, q in quotas.items():
        base[key] += int(q)
    left = n_schools - sum(base.values())
    by_remainder = sorted(MUNICIPALITIES, key=lambda m: (-(quotas[m.key] - int(quotas[m.key])), m.key))
    for m in by_remainder[:left]:
        base[m.key] += 1
    return base


def inn_for(rng: random.Random) -> str:
    """A 10-digit legal-entity INN of tax region 67 (Smolensk) with a valid check digit."""
    digits = [6, 7, 3, rng.randint(0, 2)] + [rng.randint(0, 9) for _ in range(5)]
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    check = sum(d * w for d, w in zip(digits, weights)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def person(rng: random.Random) -> str:
    surname = rng.choice(_SURNAMES_M)
    root = rng.choice(_PATRONYMIC_ROOTS)
    if rng.random() < 0.7:
        return f"{surname}а {rng.choice(_NAMES_F)} {root}на"
    return f"{surname} {rng.choice(_NAMES_M)} {root}ич"


def _town_school(m: Municipality, number: int, rng: random.Random, used: set[str]) -> tuple[str, str, str, str]:
    """(full name, short name, kind, slug) of a numbered school in a town."""
    gen = m.centre_genitive
    roll = rng.random()
    if m.key == "город Смоленск" and number in (1, 4) and "gimn%d" % number not in used:
        used.add("gimn%d" % number)
        return (f"Муниципальное бюджетное общеобразовательное учреждение «Гимназия № {number}» города {gen}",
                f"МБОУ «Гимназия № {number}» г. {gen}", "гимназия", f"gimn{number}-{m.slug}")
    if m.key == "город Смоленск" and number == 2 and "lic1" not in used:
        used.add("lic1")
        return ("Муниципальное бюджетное общеобразовательное учреждение «Лицей № 1» города Смоленска",
                "МБОУ «Лицей № 1» г. Смоленска", "лицей", f"lic1-{m.slug}")
    if roll < 0.08 and m.weight >= 20 and f"gimn-{m.slug}" not in used:
        used.add(f"gimn-{m.slug}")
        return (f"Муниципальное бюджетное общеобразовательное учреждение «Гимназия» города {gen}",
                f"МБОУ «Гимназия» г. {gen}", "гимназия", f"gimn-{m.slug}")
    if roll < 0.12:
        return (f"Муниципальное бюджетное общеобразовательное учреждение «Основная школа № {number}» города {gen}",
                f"МБОУ «ОШ № {number}» г. {gen}", "основная школа", f"osh{number}-{m.slug}")
    if roll < 0.55:
        return (f"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № {number}» города {gen}",
                f"МБОУ «СШ № {number}» г. {gen}", "средняя школа", f"sh{number}-{m.slug}")
    return (f"Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № {number} "
            f"города {gen}",
            f"МБОУ СОШ № {number} г. {gen}", "средняя школа", f"sh{number}-{m.slug}")


def _village_school(adj: str, rng: random.Random) -> tuple[str, str, str]:
    roll = rng.random()
    if roll < 0.3:
        return (f"Муниципальное бюджетное общеобразовательное учреждение {adj} основная общеобразовательная школа",
                f"МБОУ {adj} ООШ", "основная школа")
    if roll < 0.65:
        return (f"Муниципальное бюджетное общеобразовательное учреждение {adj} средняя общеобразовательная школа",
                f"МБОУ {adj} СОШ", "средняя школа")
    return (f"Муниципальное бюджетное общеобразовательное учреждение «{adj} средняя школа»",
            f"МБОУ «{adj} СШ»", "средняя школа")


def build_schools(seed: int = 66, n_schools: int = 340) -> list[School]:
    """The registry of the demo region: deterministic for a seed, spread over all 27 municipalities."""
    rng = random.Random(f"{seed}:schools")
    counts = allocate(n_schools)
    schools: list[School] = []
    used_slugs: set[str] = set()
    used_inn: set[str] = set()
    for m in MUNICIPALITIES:
        count = counts[m.key]
        if not count:
            continue
        if m.is_city:
            in_centre = count
        elif m.numbered_centre:
            in_centre = max(1, round(count * rng.uniform(0.3, 0.45)))
        elif m.key == "Смоленский":
            in_centre = 0  # the district is administered from Smolensk city; all its schools are rural
        else:
            in_centre = 1
        in_centre = min(in_centre, count)
        villages = list(m.villages)
        extra = [v for v in _COMMON_VILLAGES if v[0] not in {a for a, _ in villages}]
        rng.shuffle(extra)
        villages += extra
        used_local: set[str] = set()
        numbers = sorted(rng.sample(range(1, max(int(in_centre * 1.3) + 2, 4) + 1), in_centre)) if m.numbered_centre else []
        for i in range(count):
            if i < in_centre and m.numbered_centre:
                full, short, kind, slug = _town_school(m, numbers[i], rng, used_local)
                locality = f"г. {m.centre}"
            elif i < in_centre:
                adj = _centre_adjective(m)
                full, short, kind = _village_school(adj, rng)
                if "ООШ" in short:  # the district centre keeps a secondary school
                    full = full.replace("основная", "средняя")
                    short = short.replace("ООШ", "СОШ")
                    kind = "средняя школа"
                slug = f"sh-{slugify(adj)}"
                locality = ("пгт " if m.key in ("Кардымовский", "Холм-Жирковский") else "с. ") + m.centre
            else:
                adj, locality = villages[(i - in_centre) % len(villages)]
                full, short, kind = _village_school(adj, rng)
                slug = f"sh-{slugify(adj)}"
            if slug in used_slugs:  # the same village name in two districts: Gosweb adds the district
                slug = f"{slug}-{m.slug}"
            base_slug, k = slug, 2
            while slug in used_slugs:
                slug = f"{base_slug}{k}"
                k += 1
            used_slugs.add(slug)
            inn = inn_for(rng)
            while inn in used_inn:
                inn = inn_for(rng)
            used_inn.add(inn)
            schools.append(School(
                school_id=f"sch{len(schools) + 1:03d}",
                name=full, short_name=short, municipality=m.key,
                registry_municipality=rng.choice(m.registry_forms()),
                inn=inn, kind=kind, locality=locality, director=person(rng),
                authority=m.authority(), slug=slug, town_slug=m.slug,
            ))
    return schools


def _centre_adjective(m: Municipality) -> str:
    special = {"Красный": "Краснинская", "Угра": "Угранская", "Холм-Жирковский": "Холм-Жирковская",
               "Ершичи": "Ершичская", "Шумячи": "Шумячская", "Хиславичи": "Хиславичская",
               "Глинка": "Глинковская", "Темкино": "Темкинская", "Кардымово": "Кардымовская",
               "Новодугино": "Новодугинская", "Монастырщина": "Монастырщинская"}
    return special.get(m.centre, m.key[:-2] + "ая")


def municipality_by_key(key: str) -> Municipality:
    for m in MUNICIPALITIES:
        if m.key == key:
            return m
    raise KeyError(key)
