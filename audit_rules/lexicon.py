"""Weighted cue phrases for the mentoring-document classifier.

Every pattern runs on the *match* form of a text (lower case, ё→е, every dash
folded to "-", every quote mark folded to '"'; see ``text_features.to_match``).
Russian inflection is handled with stems (``наставничеств\\w*``) rather than a
morphological analyser, so the module has no dependencies and works offline.
Gaps between words use ``[^.;]`` runs so a phrase may wrap across PDF lines
but not across sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """A phrase that votes for one label; ``cap`` limits how many hits count."""

    label: str
    pattern: re.Pattern[str]
    weight: float
    cap: int = 1


def _cue(label: str, pattern: str, weight: float, cap: int = 1) -> Cue:
    return Cue(label, re.compile(pattern), weight, cap)


# --- Is the text about mentoring at all -------------------------------------------------

MENTORING_CUES: tuple[Cue, ...] = (
    _cue("mentoring", r"наставничеств\w*", 2.0, 12),
    _cue("mentoring", r"наставляем\w*", 1.5, 8),
    _cue("mentoring", r"наставническ\w*", 1.5, 6),
    _cue("mentoring", r"(?<!день )(?<!дня )(?<!дню )\bнаставник\w*", 1.0, 10),
)
# A celebration or contest mentions mentors without being about the mentoring system.
MENTORING_EVENT_RE = re.compile(
    r"(?:день|дня|дню|днем)\s+наставника|конкурс\w*[^.;]{0,60}наставник\w*|"
    r"(?:смотр|фестивал|чемпионат)\w*[^.;]{0,40}наставни\w*")
MENTORING_TITLE_RE = re.compile(r"наставни\w*|наставляем\w*|наставническ\w*")

# --- Audience: the teacher system vs the students' target model --------------------------

TEACHER_CUES: tuple[Cue, ...] = (
    _cue("teachers", r"\b3273\s*-?\s*[рp]\b", 4.0),
    _cue("teachers", r"\b[аa][з3]\s*-\s*1128\b", 4.0),
    _cue("teachers", r"наставничеств\w*\s+(?:[^\s.;]+\s+){0,2}педагогическ\w*\s+работник\w*", 4.0, 3),
    _cue("teachers", r"наставничеств\w*\s+(?:в отношении\s+|для\s+)?(?:педагог(?:ов|ам|ами)|учител(?:ей|ям))\b", 3.0, 2),
    _cue("teachers", r"наставничеств\w*\s+(?:в отношении\s+|для\s+|среди\s+)?(?:работник|сотрудник|молод\w+\s+специалист)\w*", 3.0, 2),
    _cue("teachers", r"педагогическ\w*\s+работник\w*", 0.5, 6),
    _cue("teachers", r"персонализированн\w*\s+программ\w*", 3.0, 2),
    _cue("teachers", r"\bмолод\w*\s+(?:специалист|педагог|учител)\w*", 2.0, 3),
    _cue("teachers", r"\bкуратор\w*", 1.0, 2),
    _cue("teachers", r"\bпедагог\s*-\s*(?:молод\w*\s+)?(?:педагог|специалист)\w*\b", 2.0, 2),
    _cue("teachers", r"\bруководител\w*\s*-\s*(?:педагог|учитель)\b", 2.0, 1),
    _cue("teachers", r"\bучитель\s*-\s*(?:молод\w*\s+)?учитель\b", 1.0, 1),
    _cue("teachers", r"национальн\w*\s+систем\w*\s+(?:профессионального|учительского)\s+роста", 3.0, 1),
    _cue("teachers", r"стаж\w*[^.;]{0,40}(?:до|менее|не более)\s*(?:3|тр[её]х)\s*лет|в возрасте до\s*35\s*лет", 2.0, 1),
    _cue("teachers", r"\bвновь\s+(?:принят|прибывш|назначенн)\w*", 2.0, 2),
    _cue("teachers", r"(?:профессиональн|должностн)\w*\s+(?:и\s+\w+\s+)?адаптаци\w*"
                     r"|адаптаци\w*\s+(?:[^\s.;]+\s+){0,3}(?:в|к)\s+(?:должност|коллектив|професси|условиям труда)\w*", 1.5, 2),
    _cue("teachers", r"профессиональн\w*\s+(?:рост\w*|развити\w*|мастерств\w*|компетенц\w*)\s+(?:[^\s.;]+\s+)?педагог\w*", 1.0, 2),
    _cue("teachers", r"\bцнппм\b|непрерывного повышения профессионального мастерства", 1.0, 1),
)

STUDENT_CUES: tuple[Cue, ...] = (
    _cue("students", r"\b[рp]\s*-\s*145\b", 4.0),
    _cue("students", r"\b[мm][рp]\s*-\s*42\s*/\s*02\b", 4.0),
    _cue("students", r"(?:целев\w*\s+модел\w*|методологи\w*)\s+(?:\(\s*целев\w*\s+модел\w*\s*\)\s+)?"
                     r"наставничеств\w*\s+(?:[^\s.;]+\s+){0,4}?(?:обучающ|учащ)\w*", 5.0, 1),
    _cue("students", r"наставничеств\w*\s+(?:для\s+|в отношении\s+|среди\s+)?(?:обучающ|учащ|школьник|детей|студент)\w*", 3.0, 2),
    _cue("students", r"\b(?:ученик|студент|работодатель|учащийся)\s*-\s*(?:ученик|студент|учащийся)\b", 3.0, 3),
    _cue("students", r"успех\w* кажд\w+ реб[её]нка|\"современная школа\"|\"молодые профессионалы\"|\"школа наставничества\"", 2.0, 3),
    _cue("students", r"наставляем\w*[^.;]{0,80}\"?обучающ\w*", 1.5, 2),
    _cue("students", r"\bобучающ\w*", 0.4, 10),
    _cue("students", r"\b(?:учащ\w+|школьник\w*|ученик\w*)\b", 0.3, 8),
    _cue("students", r"профориентац\w*|профессиональн\w*\s+ориентац\w*|\bпрофессиональн\w*\s+самоопределени\w*", 0.5, 2),
    _cue("students", r"в возрасте от\s*\d{1,2}\s*(?:до\s*\d{1,2}\s*)?лет", 1.0, 1),
)

# --- Kinds of documents ----------------------------------------------------------------------

# A heading line names the document's kind.  Genres: order, regulation, plan, program, other.
HEAD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("order", re.compile(r"^(?:выписка из\s+)?(?:приказ|распоряжение|постановление)(?=$|[\s№:.,])")),
    ("regulation", re.compile(r"^(?:(?:примерн|типов|нов)\w+\s+)?положение(?=$|[\s:.,])")),
    ("plan", re.compile(r"^(?:дорожная карта|комплекс мер\b|сетевой график"
                        r"|(?:[а-я]+(?:ый|ий|ой|ая|ое|ые)\s+){0,2}план(?=$|[\s:.,]))")),
    ("program", re.compile(r"^(?:(?:персонализированн|индивидуальн|комплексн|рабоч|дополнительн)\w+\s+)?программа(?=$|[\s:.,])"
                           r"|^целевая модель\b")),
    ("other", re.compile(
        r"^(?:устав|отч[её]т|мониторинг|анализ|аналитическ\w+\s+справк|справка|информаци\w+|методические рекомендации"
        r"|концепци\w+|порядок|правила|инструкци\w+|регламент|протокол|договор|соглашение|согласие|заявление|анкета"
        r"|характеристик\w+|памятк\w+|карта\s+(?:наблюдени|оценк)|лист\s|перечень|список|график|расписание)\b")),
)
# Words right after a genre word that show the line is a sentence, not a heading.
HEAD_SENTENCE_RE = re.compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:\w+(?:ется|ются|ится|ятся|ывает|ивает|ает|яет|ует)|вступает|действует|является"
    r"|разработан\w*|составлен\w*|утвержден\w*|согласован\w*|принят\w*|рассчитан\w*|направлен\w*"
    r"|может|должн\w*|включает|содержит|предусматривает|размещ\w+)\b")

# Body phrases typical of each genre; they decide the genre when there is no heading (excerpts).
GENRE_BODY_CUES: tuple[Cue, ...] = (
    _cue("regulation", r"настоящ\w+\s+положени\w*", 2.0, 3),
    _cue("regulation", r"\bобщие положения\b", 2.0),
    _cue("regulation", r"положение\s+(?:определяет|регламентирует|устанавливает|регулирует)", 1.5),
    _cue("regulation", r"прав\w*\s+и\s+обязанност\w*\s+(?:наставник|наставляем|куратор)\w*", 2.0),
    _cue("regulation", r"\b(?:наставник|куратор)\w*\s+(?:имеет право|обязан)\b", 1.0, 2),
    _cue("order", r"\bприказываю\b|\bобязываю\b|\bпостановляю\b", 5.0),
    _cue("order", r"контрол\w*\s+(?:за\s+)?исполнени\w*\s+(?:настоящего\s+)?(?:приказа|распоряжения)", 3.0),
    _cue("order", r"с приказом ознакомлен\w*", 3.0),
    _cue("plan", r"дорожн\w+\s+карт\w*", 3.0),
    _cue("plan", r"план\w*\s+мероприятий", 2.0),
    _cue("plan", r"\bсрок\w*(?:\s+(?:исполнения|реализации|проведения))?\s*\n?[^\n]{0,40}ответственн\w*", 2.0),
    _cue("plan", r"\bмероприяти[ея]\b", 0.3, 5),
    _cue("program", r"персонализированн\w*\s+программ\w*", 3.0),
    _cue("program", r"\bцел[ьи]\s+программы\b", 1.5),
    _cue("program", r"\bзадачи программы\b", 1.0),
    _cue("program", r"(?:ожидаемые|планируемые)\s+результаты", 1.0),
    _cue("program", r"\bнаставляем\w*\s*\(?[^\n:]{0,20}:\s", 1.5),
    _cue("program", r"этап\w*\s+реализации\s+программ\w*", 1.5),
    _cue("other", r"настоящ\w+\s+устав\w*", 4.0),
)

# An order body that acts on mentoring even when its subject line is broader.
# Gap inside a sentence: anything but «.» and «;», except the dots of initials («Петрову Н.Н.»).
_GAP = r"(?:[^.;]|(?<=\b\w)\.)"

ORDER_ACTION_CUES: tuple[Cue, ...] = (
    _cue("order", rf"закрепить\s{_GAP}{{0,120}}наставник\w*", 3.0),
    _cue("order", rf"(?:закрепить|сформировать|утвердить)\s{_GAP}{{0,40}}наставническ\w+\s+(?:пар|групп)\w*", 3.0),
    _cue("order", rf"назначить\s{_GAP}{{0,120}}(?:наставник\w*|куратор\w*)", 3.0),
    _cue("order", rf"утвердить\s{_GAP}{{0,40}}положени\w*\s{_GAP}{{0,60}}наставничеств\w*", 3.0),
    _cue("order", rf"утвердить\s{_GAP}{{0,60}}(?:дорожн\w+\s+карт\w*|план\w*\s+мероприятий|программ\w*){_GAP}{{0,80}}наставничеств\w*", 3.0),
    _cue("order", rf"(?:организовать|внедрить)\s{_GAP}{{0,40}}наставничеств\w*", 2.0),
)

# Titles of plans and programmes for one mentee (the personalised programme).
INDIVIDUAL_RE = re.compile(
    r"персонализированн\w*|индивидуальн\w*|наставника\s+с\s|молод\w+\s+(?:специалист|педагог|учител)\w*|наставляем\w*")
# Documents about the mentoring system that are still "other": reports, monitoring, contests.
REPORT_TITLE_RE = re.compile(r"\b(?:отч[её]т|мониторинг|анализ|справк|итог|результат\w*\s+реализации)\w*")
TEMPLATE_TITLE_RE = re.compile(r"\b(?:форма|образец|шаблон|примерн\w+|макет)\b")

# --- Approval blocks and headers -------------------------------------------------------------

APPROVAL_OPENER_RE = re.compile(
    r"^(?:принят[оаы]?|утвержд[её]н[оаы]?|утверждаю|утверждена|согласован[оаы]?|согласовываю|рассмотрен[оаы]?"
    r"|одобрен[оаы]?|введен[оаы]?\s+в\s+действие|учтено\s+мнение|с\s+учетом\s+мнения|приложение)(?![а-я])")
SECTION_START_RE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s|[ivxl]+\.\s|глава\s|раздел\s|общие положения|пояснительная записка|содержание|введение"
    r"|паспорт\b|в соответствии|на основании|в целях|во исполнение|настоящ)")
DATE_OR_PLACE_LINE_RE = re.compile(
    r"^(?:от\s|№|n\s?\d|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\"?\d{1,2}\"?\s+[а-я]+\s+\d{4}|г\.\s|город\s|пос\.|с\.\s|д\.\s|\"?_{2,})")
# Capitalised lines that still continue a title: the institution's name or a quoted name.
TITLE_CONTINUATION_RE = re.compile(
    r"^(?:\"|\(|(?:мбоу|маоу|мкоу|моу|гбоу|огбоу|мбдоу|мадоу|мкдоу|сош|сш|оош)\b|муниципальн|государственн"
    r"|(?:обще)?образовательн\w+\s+(?:учреждени|организаци))")

# --- Issuer ------------------------------------------------------------------------------------

ORG_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("school", re.compile(
        r"(?:общеобразовательн\w*|образовательн\w*|дошкольн\w*)\s+(?:бюджетн\w+\s+|автономн\w+\s+|казенн\w+\s+)?(?:учреждени|организаци)\w*"
        r"|\b(?:мбоу|маоу|мкоу|моу|гбоу|огбоу|гоу|мбдоу|мадоу|мкдоу|мдоу|мбоудо|мбудо|мбу до|мау до|чоу|ано|оу)\b"
        r"|\b(?:сош|сш|оош|нош|дшк)\b|\bшкол[аыеу]\b|\bгимнази[яи]\b|\bлице[йя]\b|\bдетск\w+\s+сад\w*|\bцентр образования\b")),
    ("federal", re.compile(
        r"правительств\w*\s+российской\s+федерации|министерств\w*\s+просвещения|минпросвещения|"
        r"общероссийск\w*\s+профсоюз\w*\s+образования|министерств\w*\s+образования\s+и\s+науки\s+российской")),
    ("regional", re.compile(
        r"министерств\w*\s+(?:общего\s+и\s+профессионального\s+)?образовани\w*(?:\s+и\s+науки)?\s+(?:[\w-]+\s+)?(?:области|края|республики)"
        r"|министерств\w*\s+образовани\w*(?:\s+и\s+науки)?\s+республики"
        r"|департамент\w*\s+[\w-]+\s+(?:области|края)\s+по\s+образованию"
        r"|департамент\w*\s+образовани\w*(?:\s+и\s+науки)?\s+[\w-]+\s+(?:области|края)"
        r"|\bсоиро\b|институт\w*\s+развития\s+образования|\bиро\b")),
    ("municipal", re.compile(
        r"(?:управлени\w*|отдел\w*|комитет\w*|департамент\w*)\s+(?:по\s+)?(?:делам\s+)?образовани\w*"
        r"|администраци\w*\s+(?:муниципальн|город|[\w-]+\s+(?:района|округа|муниципальн))"
        r"|муниципальн\w+\s+(?:округ|район|образовани)\w*")),
)

# Approval-block wording names the approver.
APPROVER_CUES: tuple[Cue, ...] = (
    _cue("school", r"педагогическ\w*\s+совет\w*|управляющ\w*\s+совет\w*|совет\w*\s+(?:школы|учреждения)", 4.0),
    _cue("school", r"(?:приказом|приказу|распоряжением)\s+(?:по\s+)?(?:директора|школе|школы|учреждению|мбоу|маоу|мкоу|моу|оу|оо)\b", 4.0),
    _cue("school", r"\bдиректор\w*\b", 3.0),
    _cue("municipal", r"(?:начальник\w*|приказом|приказу|распоряжением)\s+(?:[^\s.;]+\s+){0,2}(?:управлени|отдел|комитет)\w*\s+(?:по\s+)?образовани", 5.0),
    _cue("municipal", r"(?:глав\w+|постановлением|распоряжением)\s+администраци\w*", 4.0),
    _cue("regional", r"(?:приказом|приказу|министр\w*)\s+(?:министерств\w*|департамент\w*)\s+[^.;]{0,40}(?:области|края|республики)", 5.0),
)

ISSUER_BODY_CUES: tuple[Cue, ...] = (
    _cue("school", r"\b(?:в|во|педагог\w*|работник\w*|директор\w*|коллектив\w*|педагогов)\s+(?:школ\w*|мбоу|маоу|мкоу|моу|оу|оо|гимнази\w*|лице\w*)\b", 1.0, 4),
    _cue("school", r"директор\w*\s+школы|с приказом ознакомлен\w*", 2.0, 2),
    # One named institution («… учреждения «Средняя школа № 12»», «в МБОУ «СШ № 7»»), strong in a title.
    _cue("school", r"\b(?:учреждени[еяюи]|мбоу|маоу|мкоу|моу|гбоу|огбоу|мбдоу|мадоу|мкдоу|сош|сш|оош)\s+\"", 2.0, 1),
    _cue("school", r"\bметодическ\w+\s+объединени\w*|\bшмо\b", 0.5, 2),
    _cue("municipal", r"муниципальн\w+\s+систем\w*\s+наставничеств\w*", 2.0, 2),
    _cue("municipal", r"(?:в|во|для|руководител\w*)\s+(?:подведомственн\w+\s+)?(?:обще)?образовательн\w+\s+(?:организаци|учреждени)(?:й|ях|ям|и)\s+"
                      r"(?:[^\s.;]+\s+){0,3}(?:района|округа|города|муниципальн\w+)", 2.0, 3),
    _cue("municipal", r"руководител\w*\s+(?:подведомственн\w+\s+)?(?:обще)?образовательн\w+\s+(?:организаций|учреждений)", 2.0, 2),
    _cue("municipal", r"муниципальн\w+\s+координатор\w*|подведомственн\w+", 1.5, 2),
    _cue("regional", r"региональн\w+\s+(?:систем\w*|координатор\w*|модел\w*)\s+(?:наставничеств|[^.;]{0,30}наставничеств)", 2.0, 2),
    _cue("regional", r"органам?\w*\s+местного\s+самоуправления|муниципальн\w+\s+орган\w*\s+управления\s+образованием", 2.0, 2),
)

# Numbers of the federal acts themselves: a document carrying one of these as its own number is federal.
FEDERAL_OWN_NUMBER_RE = re.compile(r"^(?:[рp]-145|3273-[рp]|[аa][з3]-1128.*|[мm][рp]-42/02)$", re.IGNORECASE)

# Electronic-signature stamps printed on signed PDFs: not the letterhead.
SIGNATURE_STAMP_RE = re.compile(r"подписан\w*|\bdn\s*:|сертификат|владелец|действителен|электронн\w+\s+подпис")

# --- Weak signals: link texts, page titles and file names ----------------------------------

# Genre words in a link text or Cyrillic file name; the first that matches wins.
WEAK_GENRE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("other", re.compile(r"\b(?:отч[её]т|мониторинг|анализ|справк|устав)\w*")),
    ("order", re.compile(r"\b(?:приказ|распоряжени|выписк)\w*")),
    ("regulation", re.compile(r"\bположени\w*")),
    ("plan", re.compile(r"\bдорожн\w*\s+карт\w*|\bплан\w*")),
    ("program", re.compile(r"\bпрограмм\w*")),
)

# --- Weak signals: transliterated file names -------------------------------------------------

TRANSLIT_CUES: tuple[Cue, ...] = (
    _cue("mentoring", r"nastavni|nastavlyaem|nastavljaem|mentor", 3.0),
    _cue("regulation", r"polozh|polojen|polozen", 3.0),
    _cue("order", r"prikaz|rasporyazh|rasporjazh|vypiska", 3.0),
    _cue("plan", r"doroj|dorozh|karta|plan", 3.0),
    _cue("program", r"program", 3.0),
    _cue("individual", r"personaliz|individ|molod", 1.0),
    _cue("teachers", r"pedagog|rabotnik|uchitel|molod\w*.?spec|kurator|sotrudnik", 2.0),
    _cue("students", r"obuchayu|obuchaju|obuchau|uchenik|uchasch|uchash|r.?145|detej|detei", 2.0),
    _cue("report", r"otchet|otchjot|monitoring|analiz|spravka|ustav", 3.0),
)
