"""Municipality names of Smolensk oblast and their normalisation.

Since the 2024 reform the same district appears in registries both as
«Вяземский район» and «Вяземский муниципальный округ»; reports must count
them as one municipality. The key of a municipality is its stem
(«вяземский»); the two city okrugs keep the city name («город смоленск»).
"""

from __future__ import annotations

import re

DISTRICT_STEMS: tuple[str, ...] = (
    "Велижский", "Вяземский", "Гагаринский", "Глинковский", "Демидовский",
    "Дорогобужский", "Духовщинский", "Ельнинский", "Ершичский", "Кардымовский",
    "Краснинский", "Монастырщинский", "Новодугинский", "Починковский",
    "Рославльский", "Руднянский", "Сафоновский", "Смоленский", "Сычевский",
    "Темкинский", "Угранский", "Хиславичский", "Холм-Жирковский", "Шумячский",
    "Ярцевский",
)
CITY_OKRUGS: tuple[str, ...] = ("город Смоленск", "город Десногорск")

# Words that only say what kind of municipality it is, not which one.
_KIND_WORDS = re.compile(
    r"\b(муниципальн\w*\s+(?:округ|район|образовани\w*)|район\w*|округ\w*|"
    r"городской\s+округ|мо|смоленской\s+области|смоленская\s+область)\b"
)
_CITY_PREFIX = re.compile(r"^(?:город|г\.|г)\s*")


def _fold(text: str) -> str:
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[«»\"'“”„]", " ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip(" ,.")


_KNOWN: dict[str, str] = {_fold(s): s for s in DISTRICT_STEMS}
_CITIES: dict[str, str] = {_fold(c.split()[1]): c for c in CITY_OKRUGS}


def municipality_key(name: str) -> str:
    """Return the key under which a municipality name is counted.

    >>> municipality_key("Вяземский муниципальный округ") == municipality_key("Вяземский район")
    True
    >>> municipality_key("г. Смоленск") == municipality_key("город Смоленск") != municipality_key("Смоленский район")
    True
    """
    folded = _fold(name)
    city = _CITY_PREFIX.sub("", folded) if _CITY_PREFIX.match(folded) else folded
    if city in _CITIES:
        return "город " + city
    stem = _fold(_KIND_WORDS.sub(" ", folded))
    if stem in _KNOWN:
        return stem
    # A municipality outside the known list (another region, a typo) is kept
    # as its own key rather than dropped or merged into a wrong one.
    return stem or folded


def is_known(name: str) -> bool:
    key = municipality_key(name)
    return key in _KNOWN or key.removeprefix("город ") in _CITIES


def display_name(key: str) -> str:
    """A readable name for a key: «Вяземский район», «город Смоленск»."""
    if key.startswith("город "):
        city = key.removeprefix("город ")
        return _CITIES.get(city, "город " + city.title())
    if key in _KNOWN:
        return f"{_KNOWN[key]} район"
    return key
