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
from dataclasses import dataclass, field

from audit_rules.literals import LiteralScanner


@dataclass(frozen=True)
class Cue:
    """A phrase that votes for one label; ``cap`` limits how many hits count."""

    label: str
    pattern: re.Pattern[str]
    weight: float
    cap: int = 1
    # tries the pattern only where the words every match starts with occur (if it has such words)
    scanner: LiteralScanner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scanner", LiteralScanner(self.pattern))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """``pattern.finditer``, tried only where the pattern's first words occur."""
        return self.scanner.finditer(text, pos, endpos)


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
# A document's sample, as an advice site titles it: «Приказ о наставничестве: образец 2024 года», «Шаблон …».
SAMPLE_TITLE_RE = re.compile(r"\bобраз[еe]ц\b|\bобразцы\b|\bшаблон\w*")
# A module's heading in a programme of upbringing: «2.2.12. Модуль «Наставничество» (вариативный)».
MODULE_HEADING_RE = re.compile(r"(?m)^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\s*)?(?:(?:инвариантный|вариативный)\s+)?модуль\s+\"[^\"\n]{2,60}\"")
# A school's own name in a site's header: its form («МБОУ», «БОУ ТР ОО», «СОШ») or its kind with a number or name.
SCHOOL_NAME_RE = re.compile(r"\b(?:[мг]?[бка]?оу|мбдоу|мадоу|мкдоу|сош|оош|нош|сш|гимнази\w*|лице[йяю]\w*|детск\w+\s+сад\w*"
                            r"|колледж\w*|техникум\w*|школ[аы]\s*(?:№|\"))")
# The Year of the Teacher and Mentor (2023): a school's orders and plans of its celebrations name
# mentors in the Year's name only.
_YEAR_OF_MENTOR = r"\bгод\w*\s+педагога\s+и\s+наставника"
YEAR_OF_MENTOR_RE = re.compile(_YEAR_OF_MENTOR)
# ... and its own ceremony, as a page's headline reports it («Торжественная церемония закрытия Года
# педагога и наставника», «состоялось открытие Года педагога и наставника»): the Year itself is
# what the page is about, not a banner over other news.
YEAR_OF_MENTOR_EVENT_RE = re.compile(
    r"\b(?:открыти\w*|закрыти\w*|церемони\w*|итог\w*|праздник\w*|торжеств\w*)\b[^.!?\n]{0,60}?" + _YEAR_OF_MENTOR)
# Any word of education: a page that has none speaks of another field's mentoring. (Broader than
# EDUCATION_RE, which names institutions and staff: «наставничество в сфере образования» counts here.)
EDUCATION_WORD_RE = re.compile(r"образовани|педагог|учител|\bшкол|воспитател|обучающ|студент|детск\w+\s+сад")
# A reference service's article, wherever it is reprinted: dated as current («Актуально на 3 марта
# 2025»), selling its ready-made papers («Скачивайте готовый пакет документов», «Предлагаем
# подробную инструкцию»). An authority that stores it has not written it.
ADVICE_ARTICLE_RE = re.compile(
    r"\bактуально\s+на\s+\d{1,2}\s+[а-я]+\s+\d{4}|\bскачива?й?те\s+(?:готов|образ|шаблон|бланк|пакет)\w*"
    r"|\bпредлагаем\s+(?:\w+\s+){0,2}инструкци\w*")
# The byline of a publication on a teachers' portal («Автор: …» over «Организация: …», «Населенный
# пункт: …»): an author's article, not an organisation's document, whatever its words.
PUBLICATION_BYLINE_RE = re.compile(
    r"(?m)^\s*(?:Автор\w*|Разместил\w*)\s*:[^\n]*\n(?:[^\n]*\n){0,4}?\s*"
    r"(?:Организация|Населенн?ый пункт|Населённый пункт|Должность|Место работы|Учреждение|Опубликовано)\s*:"
    # (an excerpt that starts below the author's line keeps the two fields under it)
    r"|^\s*Организация\s*:[^\n]*\n\s*Насел[её]нн?ый пункт\s*:",
    re.IGNORECASE)
BYLINE_LINES = 15
# An entry of a list drawn with a bullet glyph («- •2. Содержание работы», «• Положение о …»): a
# file-sharing site's outline of the file, or a list item; never a letterhead's line.
OUTLINE_ENTRY_RE = re.compile(r"^\s*(?:[-–]\s*)?[•●▪◦]")
# A scholarly article (a journal's or an e-library's page): the journal's own labels («Научная
# статья на тему …», «УДК 37», an abstract over key words) or the article speaking of itself
# («В статье рассматривается …», «Авторы раскрывают …»). Its authors' schools are not its issuers,
# and a model it describes («целевая модель наставничества») is not a programme of theirs.
SCHOLARLY_ARTICLE_RE = re.compile(
    r"научн\w*\s+стать\w*|текст\s+научной|\bудк\b\s*[\d.]|"
    r"\bв\s+(?:данной\s+|настоящей\s+)?статье\s+(?:рассматрива|описыва|представлен|раскрыва|анализиру|обобщ|"
    r"изложен|предлага|показан)\w*|"
    r"\bстатья\s+(?:раскрывает|посвящена|описывает|рассматривает)|"
    r"\bавтор\w*\s+(?:раскрывают|представляют|рассматривают|описывают|предлагают|анализируют)|"
    r"аннотаци\w*[\s\S]{0,600}ключевые\s+слова|ключевые\s+слова[\s\S]{0,600}аннотаци"
    # a university course's lecture: «Курс лекций для студентов …», «Лекция 7. …», «Вопросы для самопроверки»
    r"|курс\s+лекций|(?m:^лекция\s+\d+\s*[.:])|вопросы\s+для\s+самопроверки")
SCHOLARLY_HEAD_LINES = 30
# Words every alternative above holds: a text's head with none of them is no article (checked
# first, as most texts are not, and the pattern's spans are slow to rule out).
SCHOLARLY_ARTICLE_WORDS = ("научн", "текст", "удк", "статье", "статья", "автор", "аннотаци", "ключевые",
                           "курс", "лекци", "вопросы")
YOUNG_STAFF_TITLE_RE = re.compile(
    r"молод\w*\s+(?:специалист|педагог|учител|воспитател|преподавател)\w*"
    r"|начинающ\w*\s+(?:педагог|учител|воспитател|преподавател)\w*")
# A regulation that assigns mentors: «порядок закрепления наставника», «наставник назначается».
MENTOR_ASSIGNMENT_RE = re.compile(
    r"закреп\w*\s+(?:[^\s.;]+\s+){0,2}наставник\w*|наставник\w*\s+(?:[^\s.;]+\s+){0,2}(?:назнача|закрепля|утвержда)\w*"
    r"|назнач\w*\s+(?:[^\s.;]+\s+){0,2}наставник\w*"
    # how mentors are chosen: «Кандидатуры педагогов-наставников рассматривает педагогический совет»
    r"|кандидатур\w*\s+(?:[^\s.;]+\s+){0,1}(?:[а-я]+-)?наставник\w*")
# A clause defining the mentor or the mentee («1.2. Наставник – опытный педагог, …», «Наставляемый –
# участник системы наставничества, …»): a regulation that defines them regulates mentoring.
MENTOR_DEFINITION_RE = re.compile(
    r"(?:^|[\s.;:])(?:наставник|наставляем\w*)\s*[–—-]\s*(?:это\s+)?"
    r"(?:опытн|педагог|учител|работник|сотрудник|участник|лиц|специалист|воспитател|преподавател)")
# A form of mentoring named by its pair in quotes («ученик – ученик», «учитель – ученик», «педагог –
# молодой специалист»): a regulation's clauses on its forms are about mentoring.
_FORM_ROLE = r"(?:ученик|студент|учащийся|работодатель|учитель|педагог|воспитатель|преподаватель|руководитель)"
MENTORING_FORM_PAIR_RE = re.compile(
    rf'"{_FORM_ROLE}\s*-\s*(?:молод\w+\s+|начинающ\w+\s+)?(?:{_FORM_ROLE}|специалист)"')
MENTORING_TITLE_RE = re.compile(r"наставни\w*|наставляем\w*|наставническ\w*")
# The same word with one letter misread by OCR («наставннчества», «настaвничества» folded already):
# read in titles only, where a word this long cannot be another by accident.
MENTORING_TITLE_OCR_RE = re.compile(r"наставн[а-яё]честв\w*|нас[а-яё]{2}вничеств\w*|наст[а-яё]вн[а-яё]честв\w*")

# --- Audience: the teacher system vs the students' target model --------------------------

# The recommendations on teachers' mentoring (letter of 21.12.2021 № АЗ-1128/08); a cut excerpt or
# a scan may keep only its date and the first letters of its number («от 21.12.2021 г. № АЗ – 11…»).
AZ_LETTER = r"\b[аa][з3]\s*-\s*1128\b|\b21\.12\.2021\s*(?:г\.?\s*)?(?:№|n)\s*[аa][з3]\b"
TEACHER_CUES: tuple[Cue, ...] = (
    _cue("teachers", r"\b3273\s*-?\s*[рp]\b", 4.0),
    _cue("teachers", AZ_LETTER, 4.0),
    _cue("teachers", r"наставничеств\w*\s+(?:[^\s.;]+\s+){0,2}педагогическ\w*\s+работник\w*", 4.0, 3),
    _cue("teachers", r"наставничеств\w*\s+(?:в отношении\s+|для\s+)?(?:педагог(?:ов|ам|ами)|учител(?:ей|ям))\b", 3.0, 2),
    _cue("teachers", r"наставничеств\w*\s+(?:в отношении\s+|для\s+|среди\s+)?(?:работник|сотрудник|молод\w+\s+специалист)\w*", 3.0, 2),
    _cue("teachers", r"педагогическ\w*\s+работник\w*", 0.5, 6),
    _cue("teachers", r"персонализированн\w*\)?\s+программ\w*", 3.0, 2),
    # The mentee field of one pair's programme names a staff position («Наставляемый: …, учитель физики»).
    _cue("teachers", r"(?m)^(?:ф\.?\s?и\.?\s?о\.?\s+)?наставляем\w*\s*(?:[:|\t]|-\s)[^\n]{0,80}"
                     r"\b(?:учител|педагог|воспитател|преподавател|специалист|работник)\w*", 2.0, 1),
    _cue("teachers", r"\bмолод\w*\s+(?:специалист|педагог|учител|воспитател|преподавател)\w*", 2.0, 3),
    _cue("teachers", r"\bкуратор\w*", 1.0, 2),
    _cue("teachers", r"наставническ\w+\s+пар\w*", 1.0, 1),
    _cue("teachers", r"\bпедагог\s*-\s*(?:молод\w*\s+)?(?:педагог|специалист)\w*\b", 2.0, 2),
    _cue("teachers", r"\bруководител\w*\s*-\s*(?:педагог|учитель)\b", 2.0, 1),
    _cue("teachers", r"\bучитель\s*-\s*(?:молод\w*\s+)?учитель\b", 1.0, 1),
    _cue("teachers", r"\bвоспитатель\s*-\s*(?:молод\w*\s+)?воспитатель\b", 2.0, 1),
    _cue("teachers", r"национальн\w*\s+систем\w*\s+(?:профессионального|учительского)\s+роста", 3.0, 1),
    _cue("teachers", r"стаж\w*[^.;]{0,40}(?:до|менее|не более)\s*(?:3|тр[её]х)\s*лет|в возрасте до\s*35\s*лет", 2.0, 1),
    _cue("teachers", r"\bвновь\s+(?:принят|прибывш|назначенн)\w*|\bвпервые\s+(?:принят|пришедш|поступивш)\w*\s+на\s+работу", 2.0, 2),
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
    # a mentor assigned to a pupil («Наставник закрепляется за обучающимся решением Совета профилактики»)
    _cue("students", r"закрепля\w+\s+за\s+(?:каждым\s+)?(?:обучающ|учащ|студент|воспитанник|учеником|школьник)\w*", 2.0, 1),
    _cue("students", r"\bобучающ\w*", 0.4, 10),
    _cue("students", r"\b(?:учащ\w+|школьник\w*|ученик\w*)\b", 0.3, 8),
    _cue("students", r"профориентац\w*|профессиональн\w*\s+ориентац\w*|\bпрофессиональн\w*\s+самоопределени\w*", 0.5, 2),
    _cue("students", r"в возрасте от\s*\d{1,2}\s*(?:до\s*\d{1,2}\s*)?лет", 1.0, 1),
    # a minor mentee takes part with the parents' consent (a teacher «работает с родителями»)
    _cue("students", r"(?:согласи\w*|разрешени\w*)\s+(?:[^\s.;]+\s+){0,2}?родител\w*", 2.0, 1),
)

# A scope that names both groups in one breath: «наставничество педагогов и обучающихся»,
# «как в отношении педагогических работников …, так и в отношении обучающихся».
_STAFF = r"(?:педагог\w*(?:\s+работник\w*)?|учител\w*|работник\w*|сотрудник\w*)"
_PUPILS = r"(?:обучающ\w*|учащ\w*|учени\w*|школьник\w*|студент\w*)"
# «как в отношении молодых и вновь принятых педагогов, так и в отношении обучающихся»,
# «наставляемым может быть как обучающийся, так и педагогический работник»: a few words may
# stand before each side, and the two sides must be staff and pupils, not two names for staff.
_AS_FOR = r"как\s+(?:в\s+отношении\s+)?(?:[^\s.;,]+\s+){0,4}?"
_SO_FOR = r"так\s+и\s+(?:в\s+отношении\s+)?(?:[^\s.;,]+\s+){0,4}?"
BOTH_SCOPE_RE = LiteralScanner(re.compile(
    rf"наставничеств\w*\s+(?:[^\s.;]+\s+){{0,2}}?(?:{_STAFF}\s+и\s+{_PUPILS}|{_PUPILS}\s+и\s+{_STAFF})\b"
    rf"|{_AS_FOR}{_STAFF}[^.;]{{0,120}}?{_SO_FOR}{_PUPILS}|{_AS_FOR}{_PUPILS}[^.;]{{0,120}}?{_SO_FOR}{_STAFF}"))

# The quoted or bracketed title right after a cited act's number: «№ 3273-р "Об утверждении …"»,
# «№ 3273-р (основные принципы …)»; group 1 is the title.
# The space before the title keeps a closing quote («СШ № 5»») from opening one.
CITED_TITLE_RE = re.compile(r"№\s*[\w./-]*\d[\w./-]*(?:\s+г\.)?,?\s+(\"[^\"]{5,300}\"|\([^()]{5,300}\))")

# Phrases only a document of the teachers' system uses in its own words (not in a cited act's title),
# and the phrases by which a document declares it implements the students' target model (Р-145).
# That model has an «учитель – учитель» form and admits young teachers as mentees, so teacher words
# in such a document do not make it a teachers' document unless it also speaks of the teachers' system.
TEACHER_SYSTEM_RE = re.compile(
    AZ_LETTER + r"|персонализированн\w*\)?\s+программ\w*"
    r"|наставничеств\w*\s+(?:[^\s.;]+\s+){0,2}педагогическ\w*\s+работник\w*"
    r"|наставничеств\w*\s+(?:в отношении\s+|для\s+|среди\s+)?(?:педагог(?:ов|ам|ами)|учител(?:ей|ям)|работник\w*|"
    r"сотрудник\w*|молод\w+\s+специалист\w*)\b|\bпедагог\s*-\s*(?:молод\w*\s+)?(?:педагог|специалист)\w*\b")
# A form of mentoring between members of staff, named as a pair. The students' model lists
# «учитель – учитель» among its forms, and a document that names it (or a kindergarten's
# «воспитатель – воспитатель») covers staff, whatever model it was built on.
STAFF_FORM_RE = LiteralScanner(re.compile(
    r"\b(?:учитель|воспитатель|педагог|преподаватель|руководитель)\s*-\s*(?:молод\w*\s+)?"
    r"(?:учитель|воспитатель|педагог|преподаватель|специалист)\b"))
# Mentoring under the Labour Code's article on it (351.8, in force from 2025) is mentoring of
# employees: the Code cited with an article («Трудовым кодексом РФ (ст. 351.8 …)», misprints of
# the number included). The Code alone in the list of acts a regulation follows is not:
# students' regulations name it too, for their mentors who are staff.
LABOUR_CODE_RE = LiteralScanner(re.compile(r"трудов\w+\s+кодекс\w*[^.;]{0,40}?\bст(?:ать\w*|\.)?\s*\d{3}|\bстать\w*\s+351\b|\b351\.8\b"))
# A glossary's definition of the mentee says whose mentoring the act is: «Наставляемый –
# обучающийся 5–11 классов …», «Наставляемый – педагогический работник, молодой специалист …»
# (a teacher defined as the mentor mentors pupils, not staff).
MENTEE_DEFINITION_RE = re.compile(
    r"(?:^|(?<=[\s.;:]))(?:наставляем(?:ый|ые|ая)\s*(?:\([^)\n]{0,40}\)\s*)?-"
    # «Наставляемым в форме «педагог – студент» является студент колледжа …»
    r"|наставляем(?:ым|ыми)\s+(?:[^.;\n]{0,50}?\s)?(?:является|являются|выступает|выступают|может\s+быть|могут\s+быть))"
    r"\s*(?P<what>[^.;]{3,200})", re.MULTILINE)     # (the definition runs on to its full stop)
MENTEE_DEFINITIONS = LiteralScanner(MENTEE_DEFINITION_RE)
# A regulation that says whom it does not cover: «Его действие не распространяется на
# наставничество среди обучающихся …» speaks of staff, whatever words of pupils it uses there.
EXCLUDES_PUPILS_RE = re.compile(
    r"не\s+распространя\w+\s+на\s+[^.;]{0,80}?(?:обучающ|учащ|студент|дет(?:ей|и)\b|воспитанник)\w*[^.;]{0,80}")
# What a definition of the mentee names: staff, or pupils and students.
MENTEE_STAFF_RE = re.compile(
    # (the noun only: «студент педагогического колледжа» is a student, «педагог-психолог» a mentor's title)
    r"педагогическ\w+\s+работник\w*|\bпедагог(?:а|у|ом|е|и|ов|ам|ами|ах)?\b(?!-)|\bучител\w*|\bвоспитател\w*|\bпреподавател\w*"
    r"|молод\w+\s+специалист\w*|\bсотрудник\w*|\bработник\w*")
MENTEE_PUPIL_RE = re.compile(r"\bобучающ\w*|\bучени\w*|\bучащ\w*|\bстудент\w*|\bвоспитанник\w*|\bдет(?:и|ей)\b|\bребен\w*")
# A form of mentoring whose mentee is a pupil or a student («ученик – ученик», «учитель – ученик»).
STUDENT_FORM_RE = re.compile(
    r"\b(?:ученик|студент|работодатель|учащийся|учитель|педагог|преподаватель|наставник)\s*-\s*"
    r"(?:ученик|студент|учащийся|обучающийся)\b")
STUDENT_MODEL_RE = re.compile(
    r"\b[рp]\s*-\s*145\b|(?:целев\w*\s+модел\w*|методологи\w*)\s+(?:\(\s*целев\w*\s+модел\w*\s*\)\s+)?"
    r"наставничеств\w*\s+(?:[^\s.;]+\s+){0,4}?(?:обучающ|учащ)\w*")

# --- Kinds of documents ----------------------------------------------------------------------

# A heading line names the document's kind.  Genres: order, regulation, plan, program, other.
HEAD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("order", re.compile(r"^(?:выписк[аи] из\s+(?:приказа|распоряжения|постановления)|приказ|распоряжение|постановление)"
                         r"(?=$|[\s№:.,])")),
    ("regulation", re.compile(r"^(?:(?:примерн|типов|нов)\w+\s+)?положение(?=$|[\s:.,])")),
    ("plan", re.compile(r"^(?:дорожная карта|комплекс мер\b|сетевой график"
                        r"|(?:[а-я]+(?:ый|ий|ой|ая|ое|ые)\s+){0,2}план(?:-график)?(?=$|[\s:.,]))")),
    # «Индивидуальная (персонализированная) программа», «Персонализированная программа»
    ("program", re.compile(r"^(?:[а-я]+(?:ая|яя)\s+(?:\([а-я\s,-]+\)\s+)?){0,2}программа(?=$|[\s:.,])"
                           r"|^целевая модель\b")),
    ("other", re.compile(
        r"^(?:устав|отч[её]т|мониторинг|анализ|аналитическ\w+\s+справк\w*|справка|информаци\w+|методические рекомендации"
        r"|концепци\w+|порядок|правила|(?:должностн\w+\s+)?инструкци\w+|регламент|протокол|(?:коллективн\w+\s+|трудов\w+\s+)?договор"
        r"|соглашение|согласие|заявление|анкета"
        r"|характеристик\w+|памятк\w+|карта\s+(?:наблюдени|оценк)|лист\s|перечень|список|график|расписание"
        r"|письмо|извлечение из|выдержк\w+ из)\b")),
)
# Words right after a genre word that show the line is a sentence, not a heading.
HEAD_SENTENCE_RE = re.compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:\w+(?:ется|ются|ится|ятся|ывает|ивает|ает|яет|ует|лся|лась|лось|лись)|вступает|действует|является"
    r"|показал\w*|выявил\w*|проведен\w*|проводил\w*"
    r"|разработан\w*|составлен\w*|утвержден\w*|согласован\w*|принят\w*|рассчитан\w*|направлен\w*|адресован\w*|предназначен\w*"
    r"|может|должн\w*|включает|содержит|предусматривает|размещ\w+)\b"
    # A glossary entry «Целевая модель наставничества — система условий …»; not a compound role
    # («План работы учителя – наставника … с молодым специалистом …»).
    r"|^[^-:]{3,80}\s-\s(?!(?:наставник|психолог|логопед|дефектолог|организатор)\w*\b)[а-я][^\n]{20,}\.$")

_MONTH = r"(?:сентябр|октябр|ноябр|декабр|январ|феврал|март|апрел|ма[йя]|июн|июл|август)[а-я]*"
_TERM = (rf"(?:{_MONTH}|ежемесячно|ежеквартально|еженедельно|постоянно|в течение (?:учебного )?года"
         r"|до \d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
         rf"|до \d{{1,2}}\s+{_MONTH})")
# ... and the terms a table's cell may hold that a regulation's clause also says in its sentences
# («отчёт … по итогам учебного года», «ежегодно»): terms only in a cell of their own.
_CELL_TERM = (rf"(?:{_TERM}|ежечетвертно|ежегодно|в течение (?:учебного )?(?:четверти|полугодия)|по мере необходимости"
              r"|по итогам (?:учебного )?(?:года|четверти|полугодия)|(?:[ivx]{1,3}|[1-4])(?:-?[йе])? (?:квартал|полугоди|четверт)\w*)")
# The list of pairs an order fixes, under its annex line («Приложение № 1 к приказу …»): «Состав
# наставнических пар на 2024/2025 учебный год» (or the table's «Наставник» and «Наставляемый» heads).
PAIRS_ROSTER_RE = re.compile(
    r"(?m)^\s*(?:состав|списо?к|перечень|закреплени\w*)\s+(?:[а-я]+\s+)?(?:наставническ\w+\s+(?:пар|групп)|наставник\w*)"
    r"|^\s*наставник\w*(?:\s*\([^)\n]{0,30}\))?\s*\n\s*наставляем\w*")
# An annex's line naming the document it is annexed to («Приложение 1 / к Программе наставничества …»):
# the text above it, in the same file, is that document's.
ANNEX_TO_PARENT_RE = re.compile(
    r"(?m)^приложени\w*\s*(?:№\s*)?\d*\s*\n?\s*к\s+(?P<kind>программ|положени|приказ|распоряжени|дорожн\w+\s+карт|план)\w*")
# An order's last point: who controls its execution («Контроль за исполнением настоящего приказа
# оставляю за собой»).
ORDER_CONTROL_RE = re.compile(r"\bконтроль\s+(?:за|над)\s+исполнением\s+(?:настоящего\s+|данного\s+)?приказа")
ANNEX_PARENT_GENRES = {"программ": "program", "положени": "regulation", "приказ": "order", "распоряжени": "order"}
# A further-training course's programme («Дополнительная профессиональная программа повышения
# квалификации», «Программа курсов повышения квалификации»): a course for mentors, no school's programme.
COURSE_PROGRAMME_RE = re.compile(
    r"профессиональн\w+\s+программ\w*|программ\w*\s+(?:курсов\s+)?(?:повышения\s+квалификации|профессиональной\s+переподготовки)")
# A course sold on its page («Цена 1493 руб.», «Записаться на курс», «Стоимость обучения»): a
# company's offer, whatever name of an institute it takes; the region's own institute is paid by
# the region.
PAID_COURSE_RE = re.compile(r"\bцена\s*:?\s*\d|\bзаписаться\s+на\s+курс|\bстоимость\s+обучения|\bпервоначальн\w+\s+взнос")
# A programme naming itself as a defined term, mid-sentence and capitalised («реализации Программы»,
# «куратор Программы»); «Программа наставничества» may be any document's citation of it.
PROGRAMME_SELF_NAME_RE = re.compile(r"(?<=[а-яё,;:)»] )Программ(?:а|ы|е|у|ой|ою)\b(?!\s+наставничеств)")
# A table's term cell alone on its line, as a table's text layer gives it («Май», «Март–апрель»,
# «сентябрь 2022», «в течение года»).
TERM_CELL_RE = re.compile(rf"^\s*{_CELL_TERM}(?:\s*-\s*{_MONTH})?(?:\s+\d{{4}}(?:\s*г\.?)?)?\s*$")

# The staff's acknowledgement sheet at a document's end, naming the document: «Лист ознакомления с
# Положением о …».
_ACKNOWLEDGES = r"\bлист\w*\s+ознакомлени\w*\s+(?:работников\s+|педагогов\s+)?с\s+"
ACKNOWLEDGES_DOCUMENT_RE = re.compile(_ACKNOWLEDGES + r"(?:положени|приказ|программ|дорожн\w+\s+карт|план)\w*")

# Body phrases typical of each genre; they decide the genre when there is no heading (excerpts,
# texts cut from their title).  Only what a document says about itself («настоящее положение»)
# or how it is built (numbered clauses, a «Срок | Ответственный» table, «ПРИКАЗЫВАЮ») votes: a
# regulation that mentions «дорожная карта» or «персонализированная программа» is still a regulation.
GENRE_BODY_CUES: tuple[Cue, ...] = (
    _cue("regulation", r"настоящ\w+\s+положени\w*", 2.0, 3),
    # The staff's acknowledgement sheet at a document's end names it: «Лист ознакомления с Положением о …».
    _cue("regulation", _ACKNOWLEDGES + r"положени\w*", 3.0, 1),
    _cue("order", _ACKNOWLEDGES + r"приказ\w*", 3.0, 1),
    _cue("regulation", r"\bобщие\s?положения\b", 2.0),     # OCR glues them: «Общиеположения»
    _cue("regulation", r"\bположени[ея]\)?\s+(?:[^\s.;]+\s+){0,5}?(?:определяет|регламентирует|устанавливает|регулирует"
                       r"|разработан\w*|вступает\s+в\s+силу)", 1.5),
    _cue("regulation", r"(?m)^(?:(?:раздел\s+)?[ivxl\d]+\.?\s*)?(?:термины\s+и\s+определения|(?:основные\s+)?понятия"
                       r"(?:\s+и\s+(?:термины|определения))?|заключительные\s+положения|права\s+и\s+обязанности\b)", 2.0, 2),
    _cue("regulation", r"прав\w*\s+и\s+обязанност\w*\s+(?:наставник|наставляем|куратор)\w*", 2.0),
    # A numbered section named as a regulation names its parts: «3. Организационные основы
    # наставничества», «4. Порядок закрепления наставника», «5. Функции куратора».
    _cue("regulation", r"(?m)(?:^|(?<=[\s.;:]))(?:[ivx]{1,4}|\d{1,2})\.\s*(?:организационн\w+\s+основ|порядок\s+(?:организаци|закреплени"
                       r"|назначени|работы|осуществлени)|функци\w*\s+(?:наставник|куратор|руководител)|ответственность\s+(?:наставник|сторон))", 1.0, 2),
    # An excerpt that starts after its subject keeps the verb's gender: «…) разработано в
    # соответствии с …» is a Положение's (a programme's or road map's is «разработана»).
    _cue("regulation", r"(?:^|(?<=[)»\s]))разработано\s+в\s+соответствии\b", 1.5),
    # The glossary of a regulation: «Наставляемый – участник …», «Куратор – сотрудник …».
    _cue("regulation", r"\b(?:наставник|наставляемый|куратор|наставничество|молодой\s+специалист)\s+-\s+(?:[^\s.;]+\s+){0,3}?"
                       r"(?:педагог|лицо|участник|работник|сотрудник|специалист|форма|систем|обучающ|универсальн|процесс"
                       r"|учител|воспитател|преподавател)\w*", 1.0, 3),
    _cue("regulation", r"\b(?:наставник|наставляем|куратор)\w*\s+(?:имеет право|имеют право|обязан\w*)\b", 1.0, 2),
    # The normative present («назначается приказом»).
    _cue("regulation", r"\b(?:назначается|назначаются|утверждается|осуществляется|устанавливается|производится"
                       r"|закрепляется|прекращается|вносятся)\b", 0.4, 5),
    _cue("order", r"\bприказываю\b|\bобязываю\b|\bпостановляю\b", 5.0),
    _cue("order", r"контрол\w*\s+(?:за\s+)?исполнени\w*\s+(?:настоящего\s+)?(?:приказа|распоряжения)", 3.0),
    _cue("order", r"с приказом ознакомлен\w*", 3.0),
    # ... and open on the verbs only an order's points do: «2. Закрепить наставников за …», «1. Назначить куратором …»
    _cue("order", r"(?m)^\d{1,2}\.\s+(?:закрепить|назначить|утвердить|возложить|создать|определить)\b", 2.0, 2),
    # An order's operative points give tasks to people in the dative, with the infinitive: «5.
    # Председателям ПЦК включить …», «6. Наставникам вести журнал …», «4. Методисту …: 4.1. … организовать».
    _cue("order", r"(?m)^\d{1,2}\.\s+[а-яё]+(?:ам|ям|ому|ему|у|ю)\s[^\n]{0,80}?(?:\n\d{1,2}\.\d{1,2}\.\s[^\n]{0,40}?)?"
                  r"\b(?:организовать|обеспечить|провести|представить|представлять|вести|включить|разработать|назначить"
                  r"|закрепить|осуществлять|довести|подготовить|разместить)\b", 1.0, 4),
    _cue("plan", r"настоящ\w+\s+(?:дорожн\w+\s+карт\w*|план\w*)", 3.0),
    _cue("plan", r"\bсрок\w*(?:\s+(?:исполнения|реализации|проведения))?\s*\n?[^\n]{0,40}ответственн\w*", 2.0),
    _cue("plan", r"план\w*\s+мероприятий", 0.5),
    _cue("plan", r"\bмероприяти[ея]\b", 0.3, 5),
    _cue("program", r"настоящ\w+\s+программ\w*", 3.0),
    _cue("program", r"\bцел[ьи](?:\s+и\s+задачи)?\s+программы\b", 1.5),
    _cue("program", r"\bзадачи программы\b", 1.0),
    _cue("program", r"(?:ожидаемые|планируемые)\s+результаты", 1.0),
    _cue("program", r"(?m)^наставляем(?:ый|ая|ые)\s*(?:\([^)\n]{0,20}\)\s*)?[:|\t]", 1.5),
    _cue("program", r"этап\w*\s+реализации\s+программ\w*", 1.5),
    # How a programme describes itself mid-text: its length, its form and role model.
    _cue("program", r"\bпрограмм\w*\s+рассчитан\w*\s+на\b", 2.0),
    # a programme naming itself by its name and what it is for: «Программа «Новый коллега» адресована …»
    _cue("program", r"\bпрограмма\s+\"[^\"\n]{2,60}\"\s+(?:адресована|направлена|рассчитана|предназначена|ориентирована)\b", 3.0),
    _cue("program", r"\bпрограмм\w*\s+реализуется\s+(?:в\s+течение|на\s+протяжении|с\s+\d|в\s+\d|\d)", 2.0),
    _cue("program", r"(?m)^(?:форма|ролев\w+\s+модель)\s+наставничества\s*:|\bролев\w+\s+модель\s*:", 1.5, 2),
    # A programme's passport (its summary table) and the mechanism of carrying it out are its own
    # sections: «Паспорт программы наставничества …», «Механизм реализации программы».
    _cue("program", r"\bпаспорт\w*\s+(?:[а-я]+\s+){0,2}?программ\w*", 3.0, 1),
    # An explanatory note opens a programme (a regulation or an order has none).
    # (numbered as its first section: «1. Пояснительная записка», «I.Пояснительная записка»)
    _cue("program", r"(?m)^\s*(?:(?:\d{1,2}|[ivx]{1,4})\.\s*)?пояснительная записка\s*$", 3.0, 1),
    _cue("program", r"\bмеханизм\w*\s+реализации\s+(?:[а-я]+\s+){0,2}?программ\w*", 1.5, 1),
    # A numbered section heading naming the programme's own part: «4. Ожидаемые результаты
    # реализации программы», «Раздел 2. Механизм реализации программы» (a regulation's sections on
    # programmes name which: «… персонализированной программы наставничества»).
    # (results are the programme's own even with its kind named: «… реализации персонализированной программы»)
    _cue("program", r"(?m)^(?:раздел\s+)?(?:[ivx]{1,4}|\d{1,2})\.\s*(?:ожидаемые|планируемые)\s+результаты\s+(?:реализации\s+)?"
                    r"[а-я]+(?:ой|ей)\s+программы\s*$", 2.0, 1),
    _cue("program", r"(?m)^(?:раздел\s+)?(?:[ivx]{1,4}|\d{1,2})\.\s*(?:(?:ожидаемые|планируемые)\s+результаты|механизм\w*"
                    r"|(?:формы\s+и\s+)?этапы|формы(?:\s+и\s+методы)?|сроки?|цел[ьи](?:\s+и\s+задачи)?|задачи|содержание|ресурсное\s+обеспечение|участники"
                    r"|мониторинг|оценка\s+эффективности|критерии\s+(?:оценки\s+)?эффективности)\s+(?:реализации\s+)?программы"
                    # (the programme's own name may follow: «4. Этапы реализации программы «Педагог – ученик»»)
                    r"(?:\s+\"[^\"\n]{2,60}\")?\s*$", 2.0, 2),
    _cue("other", r"настоящ\w+\s+устав\w*", 4.0),
    # A collective agreement's parties: «Работодатель обязуется», «Профсоюзный комитет», «Стороны договорились».
    _cue("other", r"\bработодатель\s+обязуется|\bпрофсоюзн\w+\s+комитет\w*|\bстороны\s+договорились", 2.0, 2),
)
# Structure that the weaker body decision needs (see classifier._genre_from_body).
CLAUSE_CUES: tuple[Cue, ...] = (
    # Clause numbering «3.1.», «3.1.2.»: the hallmark of a local normative act.
    # A flattened text layer keeps the numbers inside the line («… кадрового ядра. 2.2. Задачи …»).
    # So does a number glued to its clause («3.1.Кандидатура наставника …»), as typed or OCR'd.
    _cue("regulation", r"(?m)(?:^|(?<=[\s;:]))\d{1,2}\.\d{1,2}\.(?:\d{1,2}\.?)?(?:\s|(?=[а-яё]))", 0.25, 8),
)
# Who a road map's row names as responsible: «куратор», «заместитель директора по УВР», «руководители ШМО».
_ROLE = (r"(?:куратор\w*|директор\w*|заместител\w*(?:\s+директора)?|зам\.?\s*(?:директора|дир\.?)|заведующ\w*"
         r"|старш\w+\s+(?:воспитател|методист)\w*|классн\w+\s+руководител\w*|руководител\w+|педагог\w*-психолог\w*"
         r"|наставник\w*|методист\w*|администраци\w*|социальн\w+\s+педагог\w*|учител\w*-предметник\w*|советник\w*)")
TABLE_ROW_CUES: tuple[Cue, ...] = (
    # Rows of an activity table: a numbered row («4», «4.1») with a term cell («сентябрь», «до 15.09», «ежемесячно»;
    # tabs and bars are already spaces), or the term alone on its line when each cell became a line.
    # (an act's own date, «Распоряжение … от 31.12.2019 № 3273-р», is no term: a list of acts is no plan)
    _cue("plan", rf"(?m)^\d{{1,2}}(?:\.\d{{1,2}})?[.)]?\s[^\n]*\b(?<!\bот ){_TERM}", 0.5, 6),
    # ... or a row whose cells a converter set between bars, the term first: «| Октябрь | Знакомство с … |»
    _cue("plan", rf"(?m)^\|?\s*{_CELL_TERM}(?:\s+20\d\d)?\s*\|", 0.5, 6),
    # («октябрь 2025 - март 2026»: a span whose ends both carry their year)
    _cue("plan", rf"(?m)^{_CELL_TERM}(?:\s+20\d\d\s*(?:г\.?|года)?)?(?:\s*[-,]\s*{_TERM})?(?:\s+(?:20\d\d|\d{{2}})\s*(?:г\.?|года)?)?\s*$", 0.5, 6),
    # ... or a row laid out by months, the month's name opening its line: «Февраль Организация контроля
    # знаний …», «Октябрь – «Как построить урок …»» (the nominative: «мая 2021 г. № 5» goes on a date)
    _cue("plan", r"(?m)^(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
                 r"(?:\s+20\d\d\s*(?:г\.?|года)?)?\s*[-:]?\s+[а-яё\"]", 0.5, 6),
    # ... or a row's last two cells on one line, the term and who is responsible for it («… ноябрь 2021
    # куратор, классные руководители», «… по мере необходимости директор»)
    _cue("plan", rf"(?m)\b{_CELL_TERM}(?:\s+20\d\d\s*(?:г\.?|года)?)?[\s|]+{_ROLE}(?:\s+(?:по\s+)?[а-яё]+)?"
                 rf"(?:\s+[а-яё-]+\s+[а-яё]\.\s*[а-яё]\.?)?(?:\s*,\s*{_ROLE}(?:\s+(?:по\s+)?[а-яё]+)?)*\s*$", 0.5, 6),
)
GENRE_BODY_CUES = GENRE_BODY_CUES + CLAUSE_CUES + TABLE_ROW_CUES

# An order body that acts on mentoring even when its subject line is broader.
# Gap inside a sentence: anything but «.» and «;», except the dots of initials («Петрову Н.Н.»).
# (a point's own number, «… Мухина В.А. 3. Руководителями …», ends the sentence: letters only)
_GAP = r"(?:[^.;]|(?<=\b[^\W\d_])\.)"

ORDER_ACTION_CUES: tuple[Cue, ...] = (
    _cue("order", rf"закрепить\s{_GAP}{{0,120}}наставник\w*", 3.0),
    _cue("order", rf"(?:закрепить|сформировать|утвердить)\s{_GAP}{{0,40}}наставническ\w+\s+(?:пар|групп)\w*", 3.0),
    # (a movement's branch's «куратором (наставником) первичного отделения»: the gloss names no
    # mentor of a person)
    _cue("order", rf"назначить\s{_GAP}{{0,120}}(?:(?<!\()наставник\w*|куратор[а-яё]*(?![а-яё]|\s*\())", 3.0),
    _cue("order", rf"утвердить\s{_GAP}{{0,40}}положени\w*\s{_GAP}{{0,60}}наставничеств\w*", 3.0),
    # «Утвердить Положение о районном Совете наставников молодых педагогов»: mentors' council
    _cue("order", rf"утвердить\s{_GAP}{{0,40}}положени\w*\s{_GAP}{{0,40}}совет\w*\s+наставник\w*", 3.0),
    _cue("order", rf"утвердить\s{_GAP}{{0,60}}(?:дорожн\w+\s+карт\w*|план\w*\s+мероприятий|программ\w*){_GAP}{{0,80}}наставничеств\w*", 3.0),
    _cue("order", rf"(?:организовать|внедрить)\s{_GAP}{{0,40}}наставничеств\w*", 2.0),
)

# Titles of plans and programmes for one mentee (the personalised programme).  Singular forms
# only: «План работы с молодым специалистом» is one mentee's programme («План работы с молодыми
# специалистами», the school's work with all of them, is the school's road map: see
# classifier._mentoring_doc_type).
INDIVIDUAL_RE = re.compile(
    r"персонализированн\w*|индивидуальн\w*"
    r"|молод(?:ой|ого|ому|ым)\s+(?:специалист(?:а|у|ом)?|педагог(?:а|у|ом)?|учител(?:я|ю|ем))\b"
    r"|наставляем(?:ого|ому)\b|с\s+наставляемым\b"
    # one mentor's work plan («План работы учителя – наставника …»), not the mentors' («наставников»)
    r"|\bработы\s+(?:[а-я]+\s*-\s*)?наставника\b"
    # one pair's plan («План работы наставнической пары»), not the pairs' («… наставнических пар»)
    r"|наставнической\s+пары\b")
# Rows of a plan that speak of one mentee («Посещение уроков молодого специалиста», «анализ урока
# наставляемого») or of many («Формирование базы наставников», «… молодых педагогов»): an untitled
# plan of the first kind is one pair's, of the second the school's.
ONE_MENTEE_RE = re.compile(
    r"\bмолод(?:ой|ого|ому|ым)\s+(?:специалист(?:а|у|ом)?|педагог(?:а|у|ом)?|учител(?:я|ю|ем)|воспитател(?:я|ю|ем))\b"
    r"|\bнаставляем(?:ого|ому|ый|ая|ой)\b"
    # («Посещение уроков наставника», «собеседование с наставником»: the one mentor of the pair)
    r"|\bнаставник(?:а|ом|у)\b")
MANY_MENTEES_RE = re.compile(
    r"\bмолод\w*\s+(?:специалист(?:ов|ам|ами|ы)|педагог(?:ов|ам|ами|и)|учител(?:ей|ям|ями)|воспитател(?:ей|ям|ями))\b"
    r"|\bнаставляемых\b|\bнаставник(?:и|ов|ами|ам)\b|\bнаставническ\w+\s+пар\b")
# The header of one pair's programme: «Наставник: Иванова А.А. …», «Наставляемый | Петров …»,
# «Ф.И.О. наставника Белова Г.А.».  Matched on the original text: the value must be a name (a
# capitalised word or initials), which a table cell «наставники | в течение года» is not.
_PAIR_VALUE = r"(?:\([^)\n]{0,30}\)\s*)?(?::\s*|\|\s*|[-–—]\s+|\s+)(?:[А-ЯЁ][а-яё]+\b|[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
_FIO = r"(?:[ФF]\.?\s?[ИI]\.?\s?[ОO]\.?\s+)?"
PAIR_FIELD_RES = (
    re.compile(rf"(?m)^{_FIO}[Нн]аставник(?:а)?\s*{_PAIR_VALUE}"),
    re.compile(rf"(?m)^{_FIO}(?:[Нн]аставляем(?:ый|ая|ого|ой)|[Мм]олод(?:ой|ого)\s+(?:специалист|педагог)а?"
               rf"|[Сс]таж[её]р)\s*{_PAIR_VALUE}"),
)
# The same pair signing a plan at its end, each on a line of their own: «Наставник ______ Ковалев П.А.».
PAIR_SIGNATURE_RES = (
    # (the name in brackets or between slashes: «Наставник ______ / Горбатенко Л.М. /»)
    re.compile(r"(?m)^[Нн]аставник\s*:?\s*_{3,}\s*[(/]?\s*[А-ЯЁ]"),
    re.compile(r"(?m)^(?:[Нн]аставляем(?:ый|ая)|[Мм]олодой\s+(?:специалист|педагог))\s*:?\s*_{3,}\s*[(/]?\s*[А-ЯЁ]"),
)
# Documents about the mentoring system that are still "other": reports, monitoring, contests.
REPORT_TITLE_RE = re.compile(r"\b(?:отч[её]т|мониторинг|анализ|справк|итог|результат\w*\s+реализации)\w*")
# Words of a company's mentoring: a regulation for «новых сотрудников» of an ООО with no school,
# teacher or pupil in it is not an education document.
COMPANY_RE = re.compile(r"\b(?:ооо|зао|оао|пао|ао)\b|компани\w*|предприяти\w*|персонал\w*|корпоративн\w*|генеральн\w+\s+директор\w*"
                        r"|испытательн\w+\s+срок\w*")
MENTORS_COURSE_RE = re.compile(r"\bшкол\w*\s+наставник\w*")
# Mentoring outside education: civil and municipal servants, companies. Their regulations and
# resolutions look like a school's and are about mentoring, but no school must publish them.
OUTSIDE_EDUCATION_RE = LiteralScanner(re.compile(
    r"(?:гражданск|муниципальн)\w*\s+(?:служб|служащ)\w*|государственн\w*\s+служб\w*"
    r"|\bкорпоративн\w*\s+наставничеств\w*|наставничеств\w*\s+на\s+предприяти\w*"
    # hospitals: mentoring of nurses and doctors
    r"|медицинск\w+\s+(?:сест[её]?р\w*|персонал\w*|работник\w*|организаци\w*)|\bбольниц\w*|\bполиклиник\w*|\bг?б?а?уз\b"
    # the police, customs, the armed forces: mentoring of officers has its own acts
    r"|орган\w*\s+внутренних\s+дел|\bполици\w*|таможенн\w+\s+орган\w*|вооруженн\w+\s+сил\w*|военнослужащ\w*"
    # juveniles in the care of the prevention system: social mentoring, not a school's
    r"|профилактик\w+\s+безнадзорност\w*|индивидуальн\w+\s+профилактическ\w+\s+работ\w*"))
# An act on mentoring inside a body of the state («Об организации наставничества в Министерстве по
# делам национальностей …», «… в Администрации района»): its own civil servants are mentored.
MENTORING_IN_A_BODY_RE = re.compile(
    r"наставничеств\w*\s+в\s+(?:министерств|администраци|аппарат|департамент|агентств|инспекци|"
    r"управлени\w*\s+(?!образовани)|комитет\w*\s+(?!(?:по\s+)?образовани)"
    r"|орган\w*\s+(?:исполнительн|государственн)\w+\s+власти)")
# An annex names the act it belongs to above its own title («Приложение N 3 / к Положению о
# наставничестве в Комитете …»): whose mentoring that act is, the annex's is too.
ANNEX_OF_ACT_RE = re.compile(r"приложени\w*[^\n]{0,40}?\n?[^\n]{0,10}?\bк\s+(?:положени|порядк|приказ)\w*[\s\S]{0,160}")
# Another state's acts: mentoring under the law of Kazakhstan, Belarus… is outside a Russian audit,
# however much it reads like ours (Russia's own republics are «Республика Татарстан», «Республики Коми»).
FOREIGN_STATE_RE = re.compile(
    r"республик\w*\s+(?:казахстан|беларусь|узбекистан|таджикистан|армени\w*|азербайджан|молдов\w*)"
    r"|кыргызск\w+\s+республик\w*|туркменистан\w*|қазақстан\w*")
RUSSIAN_STATE_RE = re.compile(r"российской\s+федерации|\bрф\b|минпросвещения\s+росси|субъект\w*\s+российской")
EDUCATION_RE = re.compile(
    r"образовательн\w*\s+(?:организаци|учреждени)\w*|\bшкол\w*|педагог\w*|учител\w*|обучающ\w*|воспитател\w*"
    r"|детск\w+\s+сад\w*|\bмб(?:д)?оу\b"
    # colleges and technikums are schools too, named by their form («ГБПОУ», «ГАПОУ»), and their
    # lecturers (a factory's «выпускники колледжей» are its new workers, not a college's)
    r"|преподавател\w*|\bг[аб]?поу\b|профессиональн\w+\s+образовательн\w+\s+(?:организаци|учреждени)\w*")
# The banner and edit notes of a legal portal (Гарант, Кодекс, Консультант) around a copied act.
LEGAL_PORTAL_RE = LiteralScanner(re.compile(
    r"актуальн\w+\s+версию\s+документа|интернет-верси\w+\s+системы\s+гарант|\bсистем\w+\s+гарант\b"
    r"|\(с изменениями на \d|\(в ред(?:\.|акции)\s+(?:постановлени|приказ|распоряжени|закон)"
    r"|нумерация пунктов приводится|информационно-правов\w+\s+(?:систем|портал)|консультантплюс|\bкодекс:\s"
    r"|электронн\w+\s+фонд\w*\s+правов\w+|подготовлена\s+ао\s+\"кодекс\""))
# Titles that name where a text comes from but not what it is about.
TOPICLESS_TITLE_RE = re.compile(r"^(?:письмо|(?:извлечени\w*|выписк\w*|выдержк\w*)\s+из)\b(?![\s\S]*наставни)")
TEMPLATE_TITLE_RE = re.compile(r"\b(?:форма|образец|шаблон|примерн\w+|макет)\b")

# --- Approval blocks and headers -------------------------------------------------------------

APPROVAL_OPENER_RE = re.compile(
    r"^(?:принят[оаы]?|утвержд[её]н[оаы]?|утверждаю|утверждена|согласован[оаы]?|согласовываю|рассмотрен[оаы]?"
    r"|одобрен[оаы]?|введен[оаы]?\s+в\s+действие|учтено\s+мнение|с\s+учетом\s+мнения|приложение)(?![а-я])"
    # OCR can garble «Приложение № 1 к приказу» beyond repair («Пршtосгсение М 1 к прuказу»): a
    # word, a number and «к приказу» still open an annex's block.
    r"|^\S{6,16}\s+(?:№|м|n\S?|j\S{0,2})\s*\d{1,2}\s+к\s+пр\S{0,2}ка[з3]\w*")
SECTION_START_RE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s|[ivxl]+\.\s|глава\s|раздел\s|общие положения|пояснительная записка|содержание|введение"
    r"|паспорт\b|в соответствии|на основании|в целях|во исполнение|настоящ)")
DATE_OR_PLACE_LINE_RE = re.compile(
    r"^(?:от\s|№|n\s?\d|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\"?\d{1,2}\"?\s+[а-я]+\s+\d{4}|г\.\s|город\s|пос\.|с\.\s|д\.\s|\"?_{2,})")
# Capitalised lines that still continue a title: the institution's name or a quoted name.
TITLE_CONTINUATION_RE = re.compile(
    r"^(?:\"|\(|(?:мбоу|маоу|мкоу|моу|гбоу|огбоу|мбдоу|мадоу|мкдоу|сош|сш|оош)\b|муниципальн|государственн"
    r"|(?:обще)?образовательн\w+\s+(?:учреждени|организаци))")

# A document named inside a title in an oblique case («по реализации Положения о …», «к Программе …»).
OBLIQUE_DOC_NAME_RE = re.compile(
    r"^(?:положени(?:я|ю|ем|и)|программ(?:ы|е|ой|у)|план(?:а|у|ом)|концепци(?:и|ей)|стратеги(?:и|ей)|порядк(?:а|у|ом)"
    r"|дорожн(?:ой|ую)\s+карт|методическ(?:их|им)\s+рекомендаци|целев(?:ой|ую)\s+модел)\w*\b")
# A line that stops on a preposition or conjunction goes on in the next one.
DANGLING_END_RE = re.compile(r"(?:^|\s)(?:о|об|по|в|во|на|для|и|с|со|к|ко|от|до|за|из|при|между|или|а также)\s*$")

# --- Issuer ------------------------------------------------------------------------------------

# Further-training bodies (institutes, centres and houses of teachers' professional development,
# methodical centres and services) serve a whole territory's schools: a state one is the region's,
# a municipal one the municipality's. Their legal names look like a school's («ГБОУ ДПО …»), so
# they are tried first.
_REGIONAL_TRAINING_BODY = (
    r"\bг\w{1,3}\s*дпо\b|\bгосударственн\w+\s+(?:бюджетн\w+\s+|автономн\w+\s+)?(?:образовательн\w+\s+)?учреждени\w*\s+"
    r"дополнительного\s+профессионального\s+образования"
    r"|институт\w*\s+(?:повышения\s+квалификации|развития\s+образования)|\bр?ипк\b|\bиро\b|\bцнппм\b"
    r"|центр\w*\s+непрерывного\s+повышения\s+профессионального\s+мастерства")
_MUNICIPAL_TRAINING_BODY = (
    r"\bм\w{1,3}\s*дпо\b|\bмуниципальн\w+\s+(?:бюджетн\w+\s+|автономн\w+\s+|казенн\w+\s+)?(?:образовательн\w+\s+)?учреждени\w*\s+"
    r"дополнительного\s+профессионального\s+образования"
    r"|(?:муниципальн|городск|районн|информационн|научн|инновационн)\w*[\s-]*методическ\w+\s+(?:центр|служб|кабинет)\w*"
    r"|\bдом\w*\s+учителя\b|центр\w*\s+развития\s+образования|\b(?:имц|гмц|ммц|цро)\b")

# An order's or act's preamble: the acts it follows, never its letterhead nor its own number.
PREAMBLE_RE = re.compile(r"(?:в соответствии|на основании|во исполнение|в целях)\b")
TRAINING_BODY_RE = re.compile(_REGIONAL_TRAINING_BODY + "|" + _MUNICIPAL_TRAINING_BODY)

ORG_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("regional", re.compile(_REGIONAL_TRAINING_BODY)),
    ("municipal", re.compile(_MUNICIPAL_TRAINING_BODY)),
    ("school", re.compile(
        # one institution's name: «… учреждение», «… организации»; «… организациях» are many
        r"(?:общеобразовательн\w*|образовательн\w*|дошкольн\w*)\s+(?:бюджетн\w+\s+|автономн\w+\s+|казенн\w+\s+)?"
        r"(?:учреждени|организаци)(?!й|ях|ям|ями)\w*"
        r"|\b(?:мбоу|маоу|мкоу|моу|гбоу|огбоу|гоу|мбдоу|мадоу|мкдоу|мдоу|мбоудо|мбудо|мбу до|мау до|чоу|ано|оу)\b"
        r"|\b(?:сош|сш|оош|нош|дшк)\b|\bшкол[аыеу]\b|\bгимнази[яи]\b|\bлице[йя]\b|\bдетск\w+\s+сад\w*|\bцентр образования\b"
        # institutions of additional education for children publish their own acts as schools do
        r"|\b(?:дом|центр|дворец)\w*\s+(?:детского\s+(?:\(юношеского\)\s+|и\s+юношеского\s+)?)?(?:технического\s+)?творчества\b"
        r"|\bстанци\w+\s+юных\b|\b(?:ддт|цдт|цдо|дюсш|сдюшор|дши|цвр|дюц|ппмс|эбц)\b|\bцентр\w*\s+дополнительного\s+образования\b"
        # (for children: «… дополнительного профессионального образования» is a further-training body)
        r"|\bучреждени\w*\s+дополнительного\s+образования\b|\bм[бак]у\s*до\b|\bм[бак]о?удо\b"
        r"|\bцентр\w*\s+внешкольной\s+работы\b|\bдетско-юношеск\w+\s+(?:центр|клуб)\w*|\bэколого-биологическ\w+\s+центр\w*"
        r"|\bцентр\w*\s+психолого-педагогическ\w+|\bдетск\w+\s+дом\w*\b|\bколледж\w*|\bтехникум\w*|\bучилищ\w*")),
    ("federal", re.compile(
        r"правительств\w*\s+российской\s+федерации|министерств\w*\s+просвещения|минпросвещения|"
        r"общероссийск\w*\s+профсоюз\w*\s+образования|министерств\w*\s+образования\s+и\s+науки\s+российской")),
    ("regional", re.compile(
        # «МОН», «Минобразования Чувашии»: a region's ministry by its short name
        r"\bмон\b|\bмоин\b|\bминобр\w*\b(?!\s+росси)|"
        r"министерств\w*\s+(?:общего\s+и\s+профессионального\s+)?образовани\w*(?:\s+и\s+науки)?\s+(?:[\w-]+\s+)?(?:области|края|республики)"
        r"|министерств\w*\s+образовани\w*(?:\s+и\s+науки)?\s+республики"
        r"|департамент\w*\s+[\w-]+\s+(?:области|края)\s+по\s+образованию"
        r"|департамент\w*\s+образовани\w*(?:\s+и\s+науки)?\s+[\w-]+\s+(?:области|края)"
        r"|\bсоиро\b|правительств\w*\s+(?:[\w-]+\s+){0,2}(?:области|края|республики)")),
    ("municipal", re.compile(
        r"(?:управлени\w*|отдел\w*|комитет\w*|департамент\w*)\s+(?:по\s+)?(?:делам\s+)?образовани\w*"
        r"|администраци\w*\s+(?:муниципальн|город|[\w-]+\s+(?:района|округа|муниципальн))"
        r"|муниципальн\w+\s+(?:округ|район|образовани)\w*")),
)

# The issuer named in an order's own heading: «Приказ Министерства образования …», «Приказ МОН_…».
# The issuer's name stands between the genre word and the date, number or subject («Приказ
# Министерства образования … от 10.02.2022 № 112 О …»); a subject's words («О реализации проекта
# "Школа наставничества"») name nobody.
ORDER_HEAD_ISSUER_RE = re.compile(r"^(?:выписк[аи] из\s+)?(?:приказ|распоряжени|постановлени)\w*[\s_]+"
                                  r"((?:(?!\bот\s+\d|\bот\s+\"|№|\bn\s*\d|\bоб?\s)[^\n]){3,120})")
# Approval-block wording names the approver.
APPROVER_CUES: tuple[Cue, ...] = (
    _cue("school", r"педагогическ\w*\s+совет\w*|управляющ\w*\s+совет\w*|совет\w*\s+(?:школы|учреждения)", 4.0),
    _cue("school", r"(?:приказом|приказу|распоряжением)\s+(?:по\s+)?(?:директора|школе|школы|учреждению|мбоу|маоу|мкоу|моу|оу|оо)\b", 4.0),
    _cue("school", r"\bдиректор\w*\b", 3.0),
    _cue("municipal", r"(?:начальник\w*|приказ(?:ом|у)?|распоряжени(?:ем|е)|письм\w*)\s+(?:[^\s.;]+\s+){0,2}(?:управлени|отдел|комитет)\w*\s+(?:по\s+)?образовани", 5.0),
    _cue("municipal", r"(?:глав\w+|постановлением|распоряжением)\s+администраци\w*", 4.0),
    _cue("regional", r"(?:приказом|приказу|министр\w*)\s+(?:министерств\w*|департамент\w*)\s+[^.;]{0,40}(?:области|края|республики)", 5.0),
    # «Утверждено решением научно-методического совета ГБОУ ДПО …»: a further-training body's own act
    _cue("regional", r"(?:решением|приказом|советом)\s+[^.;]{0,60}?(?:" + _REGIONAL_TRAINING_BODY + ")", 5.0),
    _cue("municipal", r"(?:решением|приказом|советом)\s+[^.;]{0,60}?(?:" + _MUNICIPAL_TRAINING_BODY + ")", 5.0),
)

NAMED_INSTITUTION = r"\b(?:учреждени[еяюи]|мбоу|маоу|мкоу|моу|гбоу|огбоу|мбдоу|мадоу|мкдоу|сош|сш|оош)\s+\""
NAMED_INSTITUTION_RE = re.compile(NAMED_INSTITUTION)
# The word right before an event's quoted name: «конкурс «Современная школа …»», «проект «Школа наставничества»».
NAMED_EVENT_BEFORE_QUOTE_RE = re.compile(
    r"(?:конкурс|фестивал|форум|сл[её]т|проект|акци|марафон|смотр|чемпионат|программ|клуб|сообществ)\w*\s*$")
INSTITUTION_NAME_RE = LiteralScanner(re.compile(r'\b(?:мбоу|маоу|мкоу|моу|гбоу|мбдоу|мадоу|мкдоу|мдоу|мбу\s*до|мбоу\s*до|мау\s*до)\s*("[^"\n]{3,80}"|№\s*\d+)'))
# A count of institutions («из 17 общеобразовательных организаций района», «в 6 ОО», «22 школ и 9
# детских садов»): a territory's report; a school never counts schools.
_COUNT = r"(?:\d{1,3}|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|одиннадцати|двенадцати)"
# (of a municipality: «13 школ Республики» may be a contest's entrants on anyone's page)
_MUNICIPAL_SCOPES = ("района", "округа", "города", "муниципалитета", "муниципального образования", "поселения")
MUNICIPAL_SCOPE_WORDS = tuple(scope.split()[0] for scope in _MUNICIPAL_SCOPES)
INSTITUTION_COUNT_RE = re.compile(
    rf"\b{_COUNT}\s+(?:(?:обще)?образовательн\w+\s+(?:организаци|учреждени)\w*|школ(?:ы|ах|ам|ами)?\b|детск\w+\s+сад\w*"
    r"|(?:оо|оу|доу)\b)(?:\s+и\s+\d{1,3}\s+[а-я]+\s+[а-я]+)?\s+(?:[^\s.;]+\s+){0,2}?"
    r"(?:" + "|".join(scope.replace(" ", r"\s+") for scope in _MUNICIPAL_SCOPES) + r")\b")
NUMBER_LIST_RE = re.compile(r"№\s*\d+(?:\s*,\s*(?:№\s*)?\d+){2,}")
INSTITUTION_BEFORE_NUMBERS_RE = re.compile(r"\b(?:оу|оо|доу|сош|школ\w*|гимнази\w*|детск\w+\s+сад\w*)\s*$")
# A territory named in a title («План работы Школы лидеров образования города Смоленска», «… в
# Шегарском районе»), and the names that make a title a single institution's.
TITLE_CITY_RE = re.compile(r"\b(?:города|г\.)\s*[а-я-]{3,}|\b[а-я-]+(?:ского|цкого)\s+(?:района|округа|муниципальн\w+\s+(?:района|округа))"
                           r"|\b[а-я-]+(?:ском|цком)\s+(?:районе|округе)")
PLACE_OF_ISSUE_RE = re.compile(r"(?m)(?:^|(?<=\d)\s+)(?:г\.|город|с\.|село|пгт\.?|пос\.|п\.|ст-ца|станица|д\.)\s*[а-яё-]{3,}(?:\s+[а-яё-]+)?\s*$")
TITLE_REGION_RE = re.compile(r"\b[а-я-]+(?:ской|цкой)\s+области|\b[а-я-]+(?:ского|цкого)\s+края|\bреспублики\s+[а-я-]+")
# A title's event named with its level: «Положение о региональном конкурсе …», «… муниципального
# этапа …». Contests, forums and councils of a territory are its authority's to organise.
_TERRITORY_EVENT = (r"\s+(?:[^\s.;]+\s+)?(?:конкурс|фестивал|форум|этап|сл[её]т|семинар|совет"
                    r"|школ\w*\s+(?:молод|начинающ)\w+\s+(?:педагог|учител|специалист|воспитател))\w*")
TITLE_REGION_EVENT_RE = re.compile(r"\b(?:региональн|областн|краев|республиканск)\w*" + _TERRITORY_EVENT)
TITLE_CITY_EVENT_RE = re.compile(r"\b(?:муниципальн|районн|городск|окружн)\w*" + _TERRITORY_EVENT)
# A title's mentoring system named with its level: «Положение о муниципальной системе (целевой
# модели) наставничества …», «Региональная модель наставничества»: a territory's system is its
# authority's to set up; a school's is the school's, with no level named.
_TERRITORY_SYSTEM = r"\s+(?:систем|модел)\w*\s+(?:\([^)]{0,40}\)\s+)?наставничеств"
TITLE_REGION_SYSTEM_RE = re.compile(r"\b(?:региональн|областн|краев|республиканск)\w*" + _TERRITORY_SYSTEM)
TITLE_CITY_SYSTEM_RE = re.compile(r"\b(?:муниципальн|районн|городск|окружн)\w*" + _TERRITORY_SYSTEM)
ONE_INSTITUTION_RE = re.compile(
    r"\b(?:учреждени[еяюи]|мбоу|маоу|мкоу|моу|гбоу|огбоу|мбдоу|мадоу|мкдоу|мдоу|сош|сш|оош|нош|оо|оу|доу|до|цдо|ддт)\b"
    r"|школ\w*\s*№|(?:гимнази|лице|детск\w+\s+сад|центр\w*|дом\w*)\w*\s*(?:№|\")|№\s*\d")
ISSUER_BODY_CUES: tuple[Cue, ...] = (
    # («в школах района» are many schools: the territory's)
    _cue("school", r"\b(?:в|во|педагог\w*|работник\w*|директор\w*|коллектив\w*|педагогов)\s+(?:школ(?!ах|ами?\b)\w*|мбоу|маоу|мкоу|моу|оу|оо|гимнази\w*|лице\w*)\b", 1.0, 4),
    _cue("school", r"директор\w*\s+школы|с приказом ознакомлен\w*", 2.0, 2),
    # One named institution («… учреждения «Средняя школа № 12»», «в МБОУ «СШ № 7»»), strong in a title.
    _cue("school", NAMED_INSTITUTION, 2.0, 1),
    _cue("school", r"\bметодическ\w+\s+объединени\w*|\bшмо\b", 0.5, 2),
    _cue("municipal", r"муниципальн\w+\s+систем\w*\s+наставничеств\w*", 2.0, 2),
    # (plural: «в образовательной организации города Смоленска» is the one school)
    _cue("municipal", rf"(?:в|во|для|из|руководител\w*)\s+(?:{_COUNT}\s+)?(?:подведомственн\w+\s+)?(?:обще)?образовательных\s+(?:организаци|учреждени)(?:й|ях|ям|и)\s+"
                      r"(?:[^\s.;]+\s+){0,3}(?:района|округа|города|муниципальн\w+)", 2.0, 3),
    _cue("municipal", r"руководител\w*\s+(?:(?:подведомственн|муниципальн)\w+\s+)?(?:обще)?образовательных\s+(?:организаций|учреждений)", 2.0, 2),
    _cue("municipal", r"муниципальн\w+\s+координатор\w*|подведомственн\w+", 1.5, 2),
    # a plan's executors: the heads of a territory's schools, a department's specialist
    _cue("municipal", r"руководител(?:и|ям|ями)\s+(?:оо|оу|оуо)\b"
                      r"|специалист\w*\s+(?:[^\s.;]+\s+)?(?:управлени|комитет|отдел)\w*\s+(?:по\s+)?образовани", 2.0, 2),
    _cue("regional", r"региональн\w+\s+(?:систем\w*|координатор\w*|модел\w*)\s+(?:наставничеств|[^.;]{0,30}наставничеств)", 2.0, 2),
    # a region's act instructs or names as executors the municipalities' authorities: «рекомендовать
    # органам местного самоуправления», «органы местного самоуправления, осуществляющие управление
    # в сфере образования» (the bare phrase, cited from a federal law, names nobody's act)
    _cue("regional", r"органам?\w*\s+местного\s+самоуправления|муниципальн\w+\s+орган\w*\s+управления\s+образованием"
                     r"|орган\w*\s+местного\s+самоуправления,?\s+осуществляющ\w+\s+управление\s+в\s+сфере\s+образования",
         2.0, 2),
)

# A page that speaks for a territory's education system rather than one school: the bodies that
# run it, and events, bodies and institutions of a whole town, district or region («городской
# флешмоб», «Совет наставников … города», «школы и детские сады района»). A body's name alone proves
# nothing (a school cites its department's orders); events and institutions of a territory, and a
# page that never speaks of its own school («в нашей школе», «МБОУ …»), do.
AUTHORITY_BODY_RE = re.compile(
    r"(?:управлени|комитет|отдел|департамент|министерств)\w*\s+(?:[^\s.;]+\s+){0,2}(?:образовани|просвещени)\w*"
    r"|" + _REGIONAL_TRAINING_BODY + "|" + _MUNICIPAL_TRAINING_BODY)
# Who publishes the page, in its own words: the copyright line of an authority's or a methodical
# centre's site («© Администрация … района», «© Управление образования …»), or a body announcing
# in its own voice («Комитет образования … информирует»). A media outlet's footer names the outlet.
_HEADS_OF_SCHOOLS = r"(?:оо|оу|доу|(?:обще)?образовательных\s+(?:организаций|учреждений))\b"
_EDUCATION_AUTHORITY = (r"(?:администраци\w*|(?:управлени|комитет|отдел|департамент|министерств)\w*\s+(?:[^\s.;]+\s+){0,2}"
                        r"(?:образовани|просвещени)\w*|" + _REGIONAL_TRAINING_BODY + "|" + _MUNICIPAL_TRAINING_BODY + ")")
PUBLISHER_AUTHORITY_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2}\s*)?(?:г\.?\s*)?)?[«\"]?"
    # (a municipal institution named by its form: «© МКУ «Методический центр» … района»)
    r"(?:м[кба]?у\s*\"?\s*методическ\w+\s+(?:центр|кабинет|служб)\w*|" + _EDUCATION_AUTHORITY + ")"
    + r"[^\n]{0,120}"
    # (a body's name may hold an honorific «им. А.М. Топорова»: its dots end no sentence; a
    # narrow column may wrap the sentence)
    r"|" + _EDUCATION_AUTHORITY + r"(?:[^.;]|(?<=\bим)\.|(?<=\b\w)\.){0,120}?\s"
    r"(?:информирует|сообщает|напоминает|объявляет|публикует|приглашает)\b"
    # a body speaking of itself («методист нашего центра», «специалисты нашего управления») or
    # addressing the heads of a territory's schools («Вниманию руководителей … общеобразовательных организаций!»)
    r"|\bнаш(?:его|ем|им|ему)?\s+(?:[а-я]+\s+)?(?:центр|управлени|отдел|комитет|департамент|институт)\w*"
    r"|\bвниманию\s+руководител\w+[^.!\n]{0,80}?(?:образовательных|общеобразовательных)\s+(?:организаций|учреждений)"

    # the site's own name in its header: «Официальный сайт Керченского городского совета»
    r"|официальн\w+\s+сайт\w*\s+(?:" + _EDUCATION_AUTHORITY
    + r"|[а-я-]+(?:ого|его)\s+(?:городского|районного|муниципального)\s+(?:совета|собрания)|(?:городской|районной)\s+думы)")
# ... or asking the heads of schools to act: «Просим руководителей ОО обеспечить …», «рекомендовать
# руководителям образовательных организаций …», «Руководителям ОО … рекомендовано …» (apart, and
# only where the heads are named: each alternative of a pattern is tried at every position)
ASKS_HEADS_OF_SCHOOLS_RE = re.compile(
    r"\b(?:просим|рекомендовать|рекомендуем|поручить|обязать)\s+руководител\w+\s+" + _HEADS_OF_SCHOOLS
    + r"|\bруководител(?:ям|и)\s+" + _HEADS_OF_SCHOOLS + r"[^.\n]{0,80}?\bрекомендовано\b")
# A contest for the staff of many institutions: a school holds its contests among its own staff.
_CONTEST_FOR_INSTITUTIONS = (r"конкурс\w*\s+(?:[^\s.;]+\s+){0,3}?(?:педагог|работник)\w*\s+(?:[^\s.;]+\s+)?"
                             r"образовательных\s+(?:организаций|учреждений)")
TERRITORY_WIDE_RE = re.compile(
    r"(?:городск|районн|муниципальн|региональн|краев|областн|окружн)\w+\s+(?:[^\s.;]+\s+)?"
    r"(?:[а-я]+-)?(?:флешмоб|совет|конкурс|этап|семинар|форум|проект|сообществ|слет|слёт|акци|фестивал|методическ\w+\s+объединени)\w*"
    r"|(?:образовательн\w+\s+(?:организаци|учреждени)\w*|школ(?:ы|ах|ам|ами)|детск\w+\s+сад\w*)\s+(?:[^\s.;]+\s+){0,2}"
    r"(?:города|района|округа|края|области|республики)\b"
    r"|" + _CONTEST_FOR_INSTITUTIONS)
CONTEST_FOR_INSTITUTIONS_RE = re.compile(_CONTEST_FOR_INSTITUTIONS)
# Who founded or organises a contest, in its regulation's or announcement's own words.
EVENT_FOUNDERS_RE = re.compile(
    r"(?:учредител|организатор)\w*\s+(?:и\s+организатор\w*\s+)?(?:конкурс|фестивал|сл[её]т|форум|чемпионат)\w*\s+"
    r"(?:является|являются|выступа\w+)\s+(?P<who>[^.;]{5,160})")
# A media outlet's report on an authority's event: it attributes what it says to the body («сообщили
# в министерстве образования», «по данным пресс-службы»), credits its photos to a press office or
# speaks as a newsroom («Отметим, что …»). The body's own page speaks for itself.
MEDIA_REPORT_RE = LiteralScanner(re.compile(
    r"\b(?:сообщили|рассказали|уточнили|пояснили)\s+в\s+(?:[^\s.;]+\s+){0,2}?"
    r"(?:министерств|управлени|департамент|комитет|администраци|пресс-служб)\w*"
    r"|\b(?:как\s+сообща|сообща)(?:ет|ют)\s+пресс-служб\w*|(?<=по )данным\s+пресс-служб\w*"
    r"|\bфото\s*:\s*пресс-служб\w*|\bотметим,\s+что\b|\bчитайте\s+также\b"
    # an interview's lead and its teller («Об этом наша беседа с …», «рассказала нашему корреспонденту»)
    r"|\bнаш(?:а|ей|у)\s+бесед\w*\s+с\b|\bрассказал\w*\s+(?:нашему\s+)?корреспондент\w*"))
OWN_SCHOOL_VOICE_RE = LiteralScanner(re.compile(
    r"\bнаш\w*\s+(?:школ|гимнази|лице|детск|сад|учреждени|организаци|коллектив|педагог|учител|воспитател)\w*"
    r"|\bв\s+нашей\b"
    # a teacher's own page speaks in the first person: «Мои наставляемые», «являюсь наставником»
    # (not a quoted title: a contest's video «Мой наставляемый»)
    r"|\bмо(?<!\"мо)(?:и|я|й|е)\s+(?:наставляем|публикаци|достижени|ученик|воспитанник|педагогическ)\w*|\bявляюсь\s+наставник\w*"))
AUTHORITY_REGION_RE = re.compile(r"\b(?:области|края|республики|региона|областн\w+|краев\w+|региональн\w+)\b")
AUTHORITY_LOCAL_RE = re.compile(r"\b(?:района|округа|города|районн\w+|городск\w+|муниципальн\w+)\b")

# The scope of a regional or municipal act in its own title: the staff or organisations of a whole
# territory («… педагогических работников образовательных организаций Пермского края»). Read in the
# title only: in the body the same words are usually the cited regional act's title.
SELF_DESCRIPTION_RE = re.compile(
    r"настоящ\w+\s+(?:положени|порядок|приказ|распоряжени|постановлени|программ|план)\w*[^.;]{0,300}")
# A document naming its own subject where the excerpt has lost its title: «Настоящее Положение об
# организации наставничества молодых специалистов …».
# «Приложение 1 к методическим рекомендациям»: a model document sent out with recommendations.
RECOMMENDATIONS_ANNEX_RE = re.compile(r"приложени\w*\s*(?:№\s*)?\d*\s*к\s+методическим\s+рекомендациям")
# A numbered section heading that names another body as the act's subject: «3. Основные направления
# деятельности методического объединения», «4. Права аттестационной комиссии».
OTHER_SUBJECT_SECTION_RE = re.compile(
    r"(?m)^(?:[ivx]{1,4}|\d{1,2})\.\s+[^\n.;:]{0,60}\b(?:методическ\w+\s+(?:объединени|совет|служб)|аттестационн\w+\s+комисси"
    r"|педагогическ\w+\s+совет|\bмо\b|\bшмо\b|комисси\w+\s+по)\w*[^\n.;:]{0,40}$")
# A numbered section heading that names mentoring: «3. Организационные основы наставничества».
MENTORING_SECTION_HEADING_RE = re.compile(r"^(?:[ivx]{1,4}|\d{1,2})\.\s+[^\n.;:]{0,60}\bнаставни\w*[^\n.;:]{0,40}$")
SELF_TOPIC_MENTORING_RE = re.compile(
    r"(?:настоящ\w+|\bлист\w*\s+ознакомлени\w*\s+с)\s+(?:положени|программ|план|дорожн\w+\s+карт|приказ)\w*\s+(?:о|об|по)\s"
    r"[^.;]{0,100}?наставни\w*")
# What an order approves, when it is for a whole territory: «1. Утвердить Положение о наставничестве
# для педагогических работников образовательных организаций … в Алтайском крае».
_APPROVES = r"\bутвердить\s+(?:прилагаем\w+\s+)?(?:положени|порядок|программ|план|дорожн)\w*[^.;]{0,300}?"
APPROVES_FOR_REGION_RE = LiteralScanner(re.compile(
    _APPROVES + r"(?P<place>\bв\s+(?:[а-я-]+(?:ской|цкой)\s+области|[а-я-]+(?:ском|цком)\s+крае|республике\s+[а-я-]+)"
    r"|(?:организаци|учреждени|работник)\w*\s+(?:[^\s.;]+\s+){0,2}?(?:[а-я-]+(?:ской|цкой)\s+области|[а-я-]+(?:ского|цкого)\s+края"
    r"|республики\s+[а-я-]+))\b"))
APPROVES_FOR_MUNICIPALITY_RE = LiteralScanner(re.compile(
    _APPROVES + r"(?P<place>\b(?:в|на территории)\s+(?:[а-я-]+(?:ском|цком)\s+(?:районе|округе|муниципальном)|город\w*\s+[а-я-]{3,}))"))
# (plural: «работников образовательной организации города Смоленска» is one school in a city)
TERRITORY_SCOPE_CUES: tuple[Cue, ...] = (
    _cue("regional", r"(?:работник\w*|педагог\w*|организаци\w*|учреждени\w*)\s+(?:в\s+)?(?:государственн\w+\s+|муниципальн\w+\s+|и\s+)*"
                     r"(?:обще)?образовательных\s+(?:организаци|учреждени)\w*\s+(?:[^\s.;]+\s+){0,2}(?:области|края|республики)\b", 2.0, 2),
    _cue("municipal", r"(?:работник\w*|педагог\w*)\s+(?:в\s+)?(?:муниципальн\w+\s+)?(?:обще)?образовательных\s+(?:организаци|учреждени)\w*\s+"
                      r"(?:[^\s.;]+\s+){0,3}(?:района|округа|города)\b", 2.0, 2),
)

# Where a title says the text came from or who sent/approved it: «Извлечение из методических
# рекомендаций Минпросвещения России», «(направлены письмом … от 21.12.2021 № АЗ-1128/08/657)».
# Only forms that agree with the document itself count: «утверждены приказом …» is about this
# text, «…целевой модели, утвержденной распоряжением …» is about the model it implements.
PROVENANCE_RE = re.compile(
    r"(?m)^(?:извлечени\w*|выписк\w*|выдержк\w*)\s+из\s+[^.;]{0,100}"
    # «Из анализа работы методического отдела … (План работы управления образования … города …)»
    r"|^из\s+(?:анализ\w*|отчет\w*|доклад\w*|плана?\b)[^;]{0,200}?(?:управлени|комитет|отдел|департамент|министерств)\w*"
    r"\s+(?:[^\s.;]+\s+){0,2}(?:образовани|просвещени)\w*"
    r"|\(\s*(?:направлен|утвержден|одобрен|рекомендован|разработан)(?:[аоы]|н(?:ая|ое|ый|ые))?\s+"
    r"(?:[^\s.;]+\s+){0,2}?(?:приказом|письмом|распоряжением|постановлением|решением)\s+[^);]{0,100}")

# Signs of a blank form or a model sent out to be filled in by each school.
TEMPLATE_PLACEHOLDER_RE = re.compile(
    r"\(\s*(?:полное\s+|краткое\s+|сокращенное\s+)?(?:наименование|название)\s+(?:[^\s)]+\s+){0,3}?"
    r"(?:оо|оу|доу|оо/оу|организаци\w*|учреждени\w*|школ\w*)\s*\)"
    # ... or in quotes where the name would stand: «реализуемые в «наименование образовательной организации»»
    r"|\"\s*(?:полное\s+|краткое\s+|сокращенное\s+)?(?:наименование|название)\s+(?:[^\s\"]+\s+){0,3}?"
    r"(?:оо|оу|доу|организаци\w*|учреждени\w*|школ\w*)\s*\"")
# A blank where the school's name belongs («… педагогических работников ________,», «в ________»),
# and a table of pairs left blank («________ | ______ | ________»): a model for schools to fill in.
BLANK_NAME_RE = LiteralScanner(re.compile(r"(?:работников|наставничеств\w*|учреждени\w*|организаци\w*|\bв|\bво)\s+_{5,}\s*(?:[,.;)]|$)"))
BLANK_ROW_RE = re.compile(r"^\s*_{3,}\s*(?:\|\s*_{2,}\s*){2,}\|?\s*$")
TEMPLATE_HEAD_RE = re.compile(r"^(?:примерн\w+|типов\w+|модельн\w+|шаблон|образец|макет)\b|^форма(?:\s+№?\s*\d+|\s*$)")
BLANK_LINE_RE = re.compile(r"^[\s_.,«»\"]*_{6,}[\s_.,«»\"]*$")
BLANK_ORDER_REF_RE = re.compile(r"№\s*_{2,}[^\n]{0,12}от\s*\"?\s*_{2,}|от\s*\"?\s*_{2,}\"?\s*_{3,}[^\n]{0,20}№\s*_{2,}")
# A charter is the institution's own document even though its founder approves it.
CHARTER_HEAD_RE = re.compile(r"^устав\b")

# Numbers of the federal acts themselves: a document carrying one of these as its own number is federal.
FEDERAL_OWN_NUMBER_RE = re.compile(r"^(?:[рp]-145|3273-[рp]|[аa][з3]-1128.*|[мm][рp]-42/02)$", re.IGNORECASE)

# The annex line of a federal act itself: «Приложение к письму … от 21.12.2021 № АЗ-1128/08/657»,
# «Приложение к распоряжению … № Р-145».
FEDERAL_ANNEX_RE = re.compile(
    r"приложени\w*\s+(?:№\s*\d+\s+)?к\s+(?:письму|распоряжению|приказу)\b[^;]{0,200}?"
    r"(?:№|n)\s*(?:[рp]\s*-\s*145|3273\s*-\s*[рp]|[аa][з3]\s*-\s*1128|[мm][рp]\s*-\s*42\s*/\s*02)\b")
# Electronic-signature stamps printed on signed PDFs: not the letterhead.
# A line citing a federal act by its date («Указ Президента Российской Федерации от 27.06.2022 № 401»,
# «Совместным письмом Минпросвещения России … от 21.12.2021 …»): a list of the acts behind a page or
# an article, not a letterhead; the federal body issued the act cited, not this text.
CITED_FEDERAL_ACT_LINE_RE = re.compile(
    r"\b(?:указ|распоряжени|приказ|постановлени|письм|закон)\w*\b[^\n]{0,160}?\bот\s+\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|\s+[а-я]+\s+\d{4})")
FEDERAL_BODY_RE = re.compile(r"президент\w*|правительств\w*\s+(?:российской|рф)|министерств\w*\s+просвещения|минпросвещения")
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
