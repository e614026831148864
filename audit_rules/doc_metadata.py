"""Structure of a Russian official document: approval blocks, heading, title, date and number.

Typical layouts handled::

    ПРИНЯТО                              УТВЕРЖДЕНО
    на заседании педагогического совета приказом директора
    протокол № 1 от 29.08.2024           от 30.08.2024 № 112-од
    ПОЛОЖЕНИЕ
    о системе наставничества педагогических работников …

    Муниципальное бюджетное общеобразовательное учреждение …
    ПРИКАЗ
    30.08.2024                                              № 112-од
    Об утверждении положения о системе наставничества …
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from audit_rules import lexicon
from audit_rules.morphology import can_be_genitive
from audit_rules.text_features import Prepared

# Headings are searched only near the top; later headings are annexes («contains»).
MAIN_HEAD_LINES = 30


@dataclass
class Head:
    index: int        # line index
    genre: str        # order | regulation | plan | program | other
    line: str         # the heading line as written (cleaned)


@dataclass
class TitleInfo:
    title: str | None
    first: int | None     # first line of the title (or order subject)
    last: int | None
    date: str | None
    number: str | None
    date_evidence: str | None


# ---------------------------------------------------------------------------------------------
# approval blocks

_BLOCKISH_RE = re.compile(
    r"протокол|приказ|распоряжени|постановлени|директор|заведующ|председател|совет|заседани|_{3,}|№|\bот\b|\d{4}"
    r"|подпись|м\.п\.|[а-я]\.\s?[а-я]\.|мнени|профсоюз|школ|мбоу|маоу|мкоу|моу|сош|сш|учреждени|начальник|управлени|отдел"
    r"|комитет|министр|утвержд|принят|согласован|рассмотрен|к приказу|к положению|\bг\.|администрац|област|район|округ"
    r"|город|муниципальн|образовани")


def approval_block_lines(prep: Prepared) -> set[int]:
    """Indices of lines belonging to ПРИНЯТО/УТВЕРЖДЕНО/СОГЛАСОВАНО/Приложение blocks."""
    marked: set[int] = set()
    in_block, since = False, 0
    for i, raw in enumerate(prep.lines):
        line = _match_line(prep, i)
        if lexicon.APPROVAL_OPENER_RE.match(line) and len(line) < 200:
            in_block, since = True, 0
            marked.add(i)
            continue
        if not in_block:
            continue
        since += 1
        if since <= 2 and _BLOCK_ACT_WORD_RE.match(line):
            # «УТВЕРЖДЕНО» / «Приказ» / «отдела образования …» / «15.06.2016 № 152»: the act that
            # approved it, its name wrapped below; not an order's heading
            marked.add(i)
            continue
        if " | " in raw and len(line) < 200:
            # the two columns of a block, a converter's table cells side by side: «Протокол N 2 |
            # /подпись/ Е.А. Сорокина» is the council's reference beside the director's signature
            marked.add(i)
            continue
        head = _head_genre(line)
        has_ref = bool(_DATE_NUM_HINT_RE.search(line))
        # A title line ends the block; «Приказ от 30.08.2024 № 112» inside it is a reference,
        # but a «№» inside a school name («Положение о … МБОУ «СШ № 4»») is not.
        title_line = head in ("regulation", "plan", "program") or (head is not None and not has_ref)
        if since > 8 or len(line) > 140 or title_line:
            in_block = False
            continue
        if _BLOCKISH_RE.search(line) or len(line) < 40:
            marked.add(i)
        else:
            in_block = False
    marked |= _references_over_a_title(prep, marked)
    return marked


_BLOCK_ACT_WORD_RE = re.compile(r"^(?:приказ(?:ом)?|распоряжени(?:е|ем)|постановлени(?:е|ем)|решени(?:е|ем))\s*:?\s*$")
_REFERENCE_LINE_RE = re.compile(
    r"^(?:приказ|распоряжени|постановлени|протокол)\w*\s*(?:№|n)\s*\S+\s+от\s+\S+"
    r"|^(?:приказ|распоряжени|постановлени|протокол)\w*\s+от\s+\S+(?:\s+\S+){0,3}?\s*(?:№|n)\s*\S+"
    # a bare number, «Протокол № 3», «приказ № 350/1», the date left on a line of its own or lost
    r"|^(?:приказ|протокол)\w*\s*(?:№|n)\s*[\w/.-]+\s*$"
    # ... or the word alone, its number and date set beside it in another column
    r"|^протокол\s*(?:№\s*)?$"
    # ... or dated with no number: «Протокол от 28.08.2018 г.»
    r"|^(?:приказ|протокол)\w*\s+от\s+[\d.\s]{6,12}(?:г\.?|года)?\s*$"
    # ... or left blank on a form: «Протокол № __ «___» ______20___г.»
    r"|^(?:приказ|протокол)\w*\s*(?:№|n)\s*_+[\s_\"«».\d]*(?:г\.?|года)?\s*$")
# Lines a form leaves between an approval block's parts: a signature's blank, a caption under a
# blank («(дата)», «(подпись)», «(орган, с которым согласован документ)»).
_FORM_FILLER_RE = re.compile(r"^[\s_.]*_{3,}[^\n]{0,40}$|^\([^()]{2,60}\)$")


def _references_over_a_title(prep: Prepared, marked: set[int]) -> set[int]:
    """«Приказ № 5 от 19.01.2024» right above «Положение о …» or another approval block: part of
    the blocks.

    An excerpt that lost «УТВЕРЖДЕНО» keeps the reference; an order's own heading is followed
    by its date or subject («О …»), never by another document's heading.
    """
    found: set[int] = set()
    n = len(prep.lines)

    def past_fillers(j: int) -> int:
        while j < n and j not in marked and j not in found and _FORM_FILLER_RE.match(_match_line(prep, j)):
            j += 1
        return j

    def above_title(j: int) -> bool:
        # (or above the rest of the blocks: «Педагогическим советом» / «Протокол от … № 1» /
        # «Утверждаю» of an excerpt that lost its «Принято»)
        j = past_fillers(j)
        return j < n and (j in found or j in marked
                          or _head_genre(_match_line(prep, j)) in ("regulation", "plan", "program"))

    # Bottom up, so that «Протокол № 16 от …» / «Приказ от … № 597» / «Положение …» is one block.
    for i in range(n - 2, -1, -1):
        if i in marked or len(prep.lines[i]) > 80:
            continue
        line = _match_line(prep, i)
        if _REFERENCE_LINE_RE.match(line) and above_title(i + 1):
            found |= set(range(i, past_fillers(i + 1)))
        elif (_DATE_ONLY_LINE_RE.match(_match_line(prep, i + 1))
              and _REFERENCE_LINE_RE.match(line + " " + _match_line(prep, i + 1)) and above_title(i + 2)):
            found |= set(range(i, past_fillers(i + 2)))     # «протокол № 5» / «от «31» августа 2020»
    return found


_DATE_ONLY_LINE_RE = re.compile(r"^от\s+\S+(?:\s+\S+){0,3}$")


_DATE_NUM_HINT_RE = re.compile(r"№|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\bот\s")


def _match_line(prep: Prepared, i: int) -> str:
    start = prep.line_starts[i]
    return prep.match[start:start + len(prep.lines[i])]


# ---------------------------------------------------------------------------------------------
# headings

def _head_genre(match_line: str, caps: bool = False) -> str | None:
    if "|" in match_line and _MENU_LINE_RE.match(match_line):
        return None     # «Информация о документе | Текст | Оглавление»: a menu or a table's header row
    if caps and len(match_line) > 160:
        # A heading in capitals that a flattened layer ran on into the next lines.
        match_line = match_line[:160]
    if len(match_line) > 280:
        return None
    for genre, pattern in lexicon.HEAD_PATTERNS:
        m = pattern.match(match_line)
        if m:
            if lexicon.HEAD_SENTENCE_RE.match(match_line) and not _is_caps_word(match_line):
                return None
            # «План работы школы … Ответственный: …» sentences are long; headings are short.
            if genre != "order" and len(match_line) > 160 and match_line.rstrip().endswith("."):
                return None
            return genre
    return None


# Three or more short items between bars: a site's menu or a table's header row, never a title.
_MENU_LINE_RE = re.compile(r"^[^|\n]{1,40}(?:\|[^|\n]{1,40}){2,}$")


def _is_caps_word(line: str) -> bool:
    first = line.split()[0] if line.split() else ""
    return first.isupper()


# A file card's name stands first, below at most a few lines of the site's chrome («Решаем вместе»,
# «Версия для слабовидящих», breadcrumbs).
CARD_LINES = 6
_CARD_NUMBER_RE = re.compile(r"^\d{1,3}(?:[._)]\s*|\s+)(?=[А-ЯЁA-Z])")
# A site that numbers its cards by section («4.17 Положение о …»); not below a numbered line, which
# makes it a clause of the document's own section («2. Организационный этап» / «2.1 Приказ о …»).
_SECTION_CARD_NUMBER_RE = re.compile(r"^\d{1,3}\.\d{1,3}\s+(?=[А-ЯЁ])")
# ... and the file's name stands as the card's title with what file names carry after the words:
# «ПОЛОЖЕНИЕ О СИСТЕМЕ НАСТАВНИЧЕСТВА_7 (pdf.io) (1)», «Положение_о_наставничестве_2023.docx».
_FILE_NAME_TAIL_RE = re.compile(
    r"(?:_\d{1,4})?(?:\s*\((?:pdf\.io|\d{1,2})\))*(?:\.(?:pdf|docx?|rtf|odt))?\s*$", re.IGNORECASE)
_FILE_NAME_MARK_RE = re.compile(r"(?<=[^\W_])_(?=[^\W_])|\(pdf\.io\)|\.(?:pdf|docx?|rtf|odt)\s*$", re.IGNORECASE)


_FILE_FIELD_RE = re.compile(r"^Файл:\s*(?=\S)")


def card_file_name(prep: Prepared) -> str | None:
    """A file's name at the top of the text that is no heading: a card's transliterated name
    («polozhenie_o_nastavnichestve.pdf»), or a file-sharing preview's «Файл: …», whose name may
    belie the content (a programme saved as «Протокол 2 ….docx»). It votes as a link's name would.

    (Cleaning may have folded a lone «o» of a transliterated name into Cyrillic: it is mostly Latin.)
    """
    for line in prep.lines[:CARD_LINES]:
        name = line.strip()
        field = _FILE_FIELD_RE.match(name)
        if field:
            return name[field.end():]
        letters = [ch for ch in name if ch.isalpha()]
        if _FILE_NAME_MARK_RE.search(name) and " " not in name and letters and \
                sum("a" <= ch.lower() <= "z" for ch in letters) >= 0.8 * len(letters):
            return name
    return None


def _file_name_as_title(line: str) -> str:
    """A file's name read as a title: its words without the underscores and the tail."""
    if not _FILE_NAME_MARK_RE.search(line):
        return line
    line = line[:_FILE_NAME_TAIL_RE.search(line).start()]
    return re.sub(r"(?<=[^\W_])_(?=[^\W_])", " ", line)


# A short label that introduces what follows: «План мероприятий:», «Программа:».
_SECTION_LABEL_RE = re.compile(r"^\s*\S+(?:\s+\S+){0,2}\s*:\s*$")


# A table of contents: entries led to their page numbers by dots («3.2. Этапы реализации
# программы………… 9»).
# (five dots, two ellipses or three with dots between; each alternative opens on its literal, so
# the engine skips to the dots instead of trying every character)
_LEADER_RE = re.compile(r"\.(?:\s?\.){4}|……|…\s?\.?…\s?\.?…")
_CONTENTS_ENTRIES = 3
_CONTENTS_SPAN = 60


def contents_lines(prep: Prepared) -> set[int]:
    """Lines of a table of contents: from its first dotted entry to its last.

    Its entries name the document's own sections and annexes («Анкета для наставника»), so none
    of them is the document's heading; what they say of the document still counts.
    """
    listed = _listed_contents(prep)
    # (a text with no leader at all, across its lines, has none in any line: most texts)
    dotted = [i for i, line in enumerate(prep.lines) if _LEADER_RE.search(line)] if _LEADER_RE.search(prep.text) else []
    if len(dotted) < _CONTENTS_ENTRIES:
        return listed
    first, last = dotted[0], dotted[-1]
    if last - first > _CONTENTS_SPAN:
        return set(dotted) | listed
    return set(range(first, last + 2)) | listed  # the entry wrapped below the last leader


_CONTENTS_HEAD_RE = re.compile(r"^\s*(?:содержание|оглавление)\s*:?\s*$", re.IGNORECASE)
_NUMBERED_ENTRY_RE = re.compile(r"^\s*(\d{1,2})(?:\.\d{1,2})*[.)]?\s+\S")


def _listed_contents(prep: Prepared) -> set[int]:
    """The numbered entries under «Содержание:» with no page numbers led by dots: they name the
    file's parts, perhaps other documents of a collection, and none is its heading."""
    found: set[int] = set()
    if "содержание" not in prep.match and "оглавление" not in prep.match:
        return found
    for i, line in enumerate(prep.lines):
        if not _CONTENTS_HEAD_RE.match(line):
            continue
        j, last = i + 1, 0
        while j < len(prep.lines) and len(prep.lines[j]) < 160 and not prep.lines[j].rstrip().endswith("."):
            entry = _NUMBERED_ENTRY_RE.match(prep.lines[j])
            if entry:
                number = int(entry.group(1))
                if number < last:
                    break       # the numbering starts again: the text itself
                last = number
            elif not (j - 1 in found and prep.lines[j][:1].islower()):
                break           # (an entry wrapped onto the next line goes on in lower case)
            found.add(j)
            j += 1
    return found


_LEADING_NUMBER_RE = re.compile(r"\s*(\d{1,2})[._)]")


def _continues_numbering(prep: Prepared, i: int) -> bool:
    """Whether line ``i`` is an entry of a numbered list: its number follows one that opens an
    earlier line («3.» below «2.»), or the next line opens with the number after it («1.» over «2.»)."""
    m = _LEADING_NUMBER_RE.match(prep.lines[i])
    if not m or m.group(1) == "0":
        return False
    after = f"{int(m.group(1)) + 1}"
    if i + 1 < len(prep.lines) and re.match(rf"\s*{after}[._)]\s", prep.lines[i + 1]):
        return True
    if m.group(1) == "1":
        return False
    before = f"{int(m.group(1)) - 1}"
    return any(re.match(rf"\s*{before}[._)]\s", prep.lines[j]) for j in range(i))


def _opens_own_subclauses(prep: Prepared, i: int) -> bool:
    """Whether line ``i`` opens with a number («4.») that the next lines go on under («4.1 …»)."""
    m = _LEADING_NUMBER_RE.match(prep.lines[i])
    if not m or m.group(0)[-1] != "." or m.group(1) in ("0", "1"):
        return False
    below = re.compile(rf"\s*{m.group(1)}\.1(?!\d)")
    return any(below.match(prep.lines[j]) for j in range(i + 1, min(len(prep.lines), i + 4)))


_BLOCK_REFERENCE_RE = re.compile(r"(?:протокол\w*|приказ\w*)\s+(?:от\s+\S*\d|№|n\S?\s*\d)")
SENTENCE_WORDS = 8     # words of a line ending in a full stop that make it a sentence, not a title


def find_heads(prep: Prepared, blocks: set[int], listed: set[int] | None = None) -> list[Head]:
    """Heading lines, leaving out approval blocks, a table of contents and lines of a list of
    document titles."""
    if listed is None:
        listed = listed_title_lines(prep, blocks)
    contents = contents_lines(prep)
    heads: list[Head] = []
    for i, line in enumerate(prep.lines):
        if i in blocks or i in listed or i in contents:
            continue
        match_line = _match_line(prep, i)
        if i < CARD_LINES:
            # The site's own numbering of its file cards stands before a title: «26. Положение о…»,
            # «35_ПОЛОЖЕНИЕ О СИСТЕМЕ НАСТАВНИЧЕСТВА (pdf.io)».
            sectioned = not any(re.match(r"\d{1,2}\.", prep.lines[j]) for j in range(i))
            # (below a sub-clause, «2.2.Задачи:», «3. Порядок закрепления наставника» is a section)
            in_clauses = any(re.match(r"\d{1,2}\.\d{1,2}", prep.lines[j]) for j in range(i))
            # (nor below «1. …», «2. …» or over «2. …»: «3. План мероприятий» goes on a list)
            # (nor over its own sub-numbered rows: «4. Информационное сопровождение» / «4.1 | …»)
            card = (_CARD_NUMBER_RE.match(line) if not in_clauses and not _continues_numbering(prep, i)
                    and not _opens_own_subclauses(prep, i) else None) \
                or (_SECTION_CARD_NUMBER_RE.match(line) if sectioned else None)
            if card:
                match_line, line = match_line[card.end():], line[card.end():]
            match_line, line = _file_name_as_title(match_line), _file_name_as_title(line)
        genre = _head_genre(match_line, _is_caps_word(line) and _is_caps_word(" ".join(line.split()[1:2])))
        if genre is None:
            continue
        if _SECTION_LABEL_RE.match(line) and not _is_caps_word(line.split()[0]):
            # «План мероприятий:» introduces a programme's table; a title ends with no colon (OCR's
            # stray colon after a heading in capitals, «ПРИКАЗ :», leaves it a heading)
            continue
        # A real heading is either written in capitals or reads like a title, not mid-paragraph.
        if not _looks_like_heading(prep, i, blocks):
            continue
        if i + 1 < len(prep.lines) and prep.lines[i + 1][:1].islower() and not _is_caps_word(line):
            # A sentence wrapped after its subject: «Целевая модель наставничества» / «внедряется …».
            if lexicon.HEAD_SENTENCE_RE.match(_match_line(prep, i) + " " + _match_line(prep, i + 1)):
                continue
        if line[:1].islower() and _BLOCK_REFERENCE_RE.match(match_line):
            continue     # «протокол от 25.08.2022 № 1 приказ от …»: an approval block's line, cut from its opener
        if line.rstrip().endswith(".") and len(line.split()) >= SENTENCE_WORDS \
                and lexicon.HEAD_SENTENCE_RE.match(_match_line(prep, i)):
            continue     # the same sentence on one line: «Программа «…» адресована педагогам, …».
        heads.append(Head(i, genre, line))
    return heads


# A link to a file on a web page: «… .docx», «(pdf, 521 КБ)», «Скачать».
_ATTACHMENT_RE = re.compile(
    r"\.(?:pdf|docx?|rtf|odt|ods|xlsx?|pptx?|zip|rar|jpe?g|png)\b"
    r"|\(\s*(?:pdf|docx?|rtf|odt|xlsx?|zip)\b"
    r"|\b\d+(?:[.,]\d+)?\s*(?:кб|мб|kb|mb|килобайт\w*|мегабайт\w*)\b"
    r"|(?:скачать|открыть|просмотреть|смотреть|загрузить|подробнее)\s*(?:\(|$)")


_DOWNLOAD_BUTTON_RE = re.compile(r"^\W*(?:скачать|открыть|просмотреть|смотреть|загрузить|подробнее|файл|документ)\b")


def listed_title_lines(prep: Prepared, blocks: set[int]) -> set[int]:
    """Lines that name documents in a list of links (a web page, a list of enclosures).

    A page that lists «Положение о …», «Приказ о …», «Дорожная карта …» is not itself any of
    them: such lines carry a file marker («.docx», «(pdf, 89 КБ)», «Скачать») or stand in a
    run of title lines of different kinds, which a document's own heading never does.
    """
    n = len(prep.lines)
    genres: list[str | None] = []
    for i in range(n):
        genres.append(None if i in blocks else _head_genre(_match_line(prep, i)))
    # A line opening with the same three words as its neighbour's title is one more entry of the
    # same list, whatever follows them («Индивидуальная программа наставничества Кочетова Н.С. -
    # Иванова Н.С.» reads as a sentence by its dash).
    openers = [" ".join(_match_line(prep, i).split()[:3]) for i in range(n)]
    for i in range(n):
        if genres[i] is None and i not in blocks and len(openers[i].split()) == 3:
            near = [k for k in (i - 1, i + 1) if 0 <= k < n and genres[k] is not None and openers[k] == openers[i]]
            if near:
                genres[i] = genres[near[0]]
    # A short line with a file's mark («Персонализированные программы наставничества .docx») is a
    # link among the others, whatever its words: it keeps a run of titles going.
    # (a download button under a document's own title, «[ Скачать с сервера (50.4 Kb) ]», names no
    # other document)
    for i in range(n):
        if genres[i] is None and i not in blocks and len(prep.lines[i]) < 160:
            line = _match_line(prep, i)
            if _ATTACHMENT_RE.search(line) and not _DOWNLOAD_BUTTON_RE.match(line):
                genres[i] = "link"
    listed: set[int] = set()
    for i in range(n):
        if genres[i] is None:
            continue
        m = _match_line(prep, i)
        nxt = _match_line(prep, i + 1) if i + 1 < n else ""
        # The marker may sit on a wrapped continuation line («… о системе\nнаставничества .docx»).
        wrapped = bool(nxt) and genres[i + 1] is None and prep.lines[i + 1][:1].islower()
        if _ATTACHMENT_RE.search(m) or (wrapped and _ATTACHMENT_RE.search(nxt)):
            if i < CARD_LINES and _FILE_NAME_MARK_RE.search(prep.lines[i]) and not any(genres[:i] + genres[i + 1:i + 3]):
                # A file card's page opens with the file's name above the file's text
                # («ПОЛОЖЕНИЕ О СИСТЕМЕ НАСТАВНИЧЕСТВА_7 (pdf.io) (1)»): that is its title.
                continue
            listed.add(i)
    # Runs of adjacent title lines: «Положение о …» / «Приказ о …» / «План …».
    i = 0
    while i < n:
        if genres[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < n and (genres[j + 1] is not None
                             or (prep.lines[j + 1][:1].islower() and j + 2 < n and genres[j + 2] is not None)):
            j += 1
        run = [k for k in range(i, j + 1) if genres[k] is not None]
        kinds = {genres[k] for k in run}
        sentence_case = [k for k in run if not _is_caps_word(prep.lines[k])]
        marked = any(k in listed for k in run)
        if len(sentence_case) >= 2 and (len(run) >= 3 or (len(kinds) >= 2 and marked)):
            listed.update(range(i, j + 1))
        i = j + 1
    return listed


# Running text: ten or more words ending with a full stop, with a finite verb («действует»,
# «помогает», «закреплен») or a copula dash («Наставничество — технология …»).  A letterhead or an
# address («… г. Рославля.», «ул. Ленина, д. 5.») may be as long and end the same way, but has neither.
_SENTENCE_END_RE = re.compile(r"(?<=[\w\")][.!?])(?:\s+|$)")
_ABBREVIATION_END_RE = re.compile(r"(?:^|\s)(?:г|д|ул|обл|пос|с|п|им|тел|стр|корп|т\.д|т\.п|др)\.\s*$"
                                  # a signature's initials, «___ Н.С.» before the surname
                                  r"|(?:^|[\s._])[а-яё]\.[а-яё]\.\s*$")
_FINITE_VERB_RE = re.compile(
    r"\b(?!(?:совет|комитет|бюджет|предмет|кабинет|филиал|материал|персонал|портал|интернат|кандидат"
    r"|депутат|аппарат|результат|формат|автомат|отдел|раздел|подраздел|предел|пробел|удел)\b)"
    r"[а-я]{3,}(?:ется|ются|ится|ятся|ает|яет|ует|еет|ит|ят|ют|ет|ал|ала|али|ило|ила|или|ел|ен|ена|ены|ено)\b"
    r"|\s-\s")


def _is_prose(chunk: str) -> bool:
    """Whether ``chunk`` holds a finished sentence of running text."""
    pieces = _SENTENCE_END_RE.split(chunk)
    finished = pieces[:-1] if pieces and pieces[-1].strip() else pieces
    for piece in finished:
        piece = piece.strip()
        if (len(piece.split()) >= 10 and piece.endswith((".", "!", "?"))
                and not _ABBREVIATION_END_RE.search(piece) and _FINITE_VERB_RE.search(piece)):
            return True
    return False


def prose_before(prep: Prepared, index: int, blocks: set[int]) -> bool:
    """Whether running text comes before line ``index`` (an excerpt, a web page's intro)."""
    chunk: list[str] = []
    # A file-sharing site's outline of the file («- •1. Общие положения», one entry a line) may
    # stand above the text: its entries are the file's section titles, not running text.
    outline = 0
    while outline < index and lexicon.OUTLINE_ENTRY_RE.match(prep.lines[outline]):
        outline += 1
    for j in range(outline, index):
        line = _match_line(prep, j)
        if j in blocks or lexicon.SIGNATURE_STAMP_RE.search(line) or lexicon.LEGAL_PORTAL_RE.search(line) \
                or _is_site_chrome(prep.lines[j]):
            # Approval blocks, e-signature stamps («Документ подписан электронной подписью …»), a
            # legal portal's banner above the act it shows and a site's name and menu are not the
            # document's text.
            chunk = []
            continue
        chunk.append(line)
        if _is_prose(" ".join(chunk)):
            return True
        if line.rstrip().endswith((".", "!", "?")):
            chunk = []
    return False


_SITE_NAME_RE = re.compile(r"\b[\w-]+\.(?:ru|рф|su|com|org|net|info)\b", re.IGNORECASE)


# A file-sharing site's preview: the file's fields and its notice on copyright above the file's text.
_PREVIEW_FIELD_RE = re.compile(r"^\s*(?:файл|вуз|категория|дисциплина|добавлен|просмотров|скачиваний|размер)\s*:"
                               r"|нарушает\s+ваши\s+авторские\s+права", re.IGNORECASE)


def _is_site_chrome(line: str) -> bool:
    """A site's name («kopilkaurokov.ru - сайт для учителей»), a menu run into one line («Создайте
    Ваш сайт учителя Курсы ПК и ППК Видеоуроки Олимпиады Вебинары»: most words capitalised, no
    sentence's end), or a file-sharing site's preview fields («ВУЗ: Не указан», «Просмотров: 31»)."""
    if (_SITE_NAME_RE.search(line) and len(line) < 120) or _PREVIEW_FIELD_RE.search(line):
        return True
    words = re.findall(r"[А-ЯЁA-Zа-яёa-z]+", line)
    if len(words) < 6 or line.rstrip().endswith((".", "!", "?", ":", ";", ",")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


# A genre word alone, perhaps with its date and number: «Приказ», «ПРИКАЗ № 129/01-07 от 25.08.2023».
_BARE_GENRE_LINE_RE = re.compile(
    r"^(?:приказ|распоряжение|постановление|положение)\s*(?:(?:от|№|n)\s*[\w./ -]*)?[.:]?\s*$")


_ENDS_WITH_TOWN_RE = re.compile(r"\b(?:г|с|п|пгт|д)\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")


def _looks_like_heading(prep: Prepared, i: int, blocks: set[int]) -> bool:
    line = prep.lines[i]
    first_word = line.split()[0]
    if first_word.isupper() and len(first_word) > 2:
        return True
    if first_word[:1].isupper() and _BARE_GENRE_LINE_RE.match(_match_line(prep, i)):
        # «Приказ» alone on its line under a letterhead whose last line ends in lower case
        # («…основная общеобразовательная школа»): no sentence wraps onto a bare genre word.
        return True
    if i > 0 and i - 1 not in blocks and not _is_site_chrome(prep.lines[i - 1]):
        prev = prep.lines[i - 1].rstrip()
        # A line continuing a sentence of the previous line is not a heading.
        if prev and (prev[-1].islower() or prev[-1] in ",-–") and len(prev) > 60 and not _ENDS_WITH_TOWN_RE.search(prev):
            return False   # (a letterhead may end with its town: «… «Средняя школа № 2» г. Демидова»)
        if prev and (prev[-1].islower() or prev[-1] in ",-–:") and line[:1].islower() \
                and not _BARE_GENRE_LINE_RE.match(_match_line(prep, i)):
            # a narrow column wraps a sentence at any length: «… портале правовой» / «информации" и …»
            # (also after its colon: «… в школе:» / «программа, особенности и план обучения»)
            # (an OCR'd heading word alone, «прикАз», stays a heading)
            return False
    # Titles of plans run long («Дорожная карта (план мероприятий) по реализации … на 2023-2024
    # учебный год»); a line that long ending with a full stop is a sentence.
    return len(line) <= 160 or (len(line) <= 280 and not line.rstrip().endswith("."))


def main_head(heads: list[Head], prep: Prepared | None = None, blocks: set[int] | None = None) -> Head | None:
    """The document's own heading: the first one near the top with no running text above it."""
    for head in heads:
        if head.index >= MAIN_HEAD_LINES:
            break
        if prep is not None and prose_before(prep, head.index, blocks or set()):
            # Text already started: this is an annex or a section of an excerpt, not the title.
            break
        if prep is not None and (
                sum(1 for j in range(head.index) if _ROW_NUMBER_LINE_RE.match(prep.lines[j])) >= 2
                or (head.index >= 2 and _ROW_NUMBER_LINE_RE.match(prep.lines[head.index - 1])
                    and "." not in prep.lines[head.index - 1].strip()[:-1])
                or _below_term_cells(prep, head.index)):
            # Below a table's numbered rows, each cell on a line of its own («4.» / «Мониторинг
            # реализации программ» / «май»), or by sub-numbered rows («1.2» / «Назначение
            # куратора» / «директор» / «приказ»): a cell, not the title. (A page's number stands
            # alone at the top, so one number counts only when a cell is above it; a lone «2.4.»
            # is as likely a flattened table of contents' entry.)
            break
        return head
    return None


TERM_CELL_REACH = 3     # cells of a row: the term, who is responsible, what comes of it


def _below_term_cells(prep: Prepared, i: int) -> bool:
    """A few cells under a table's term cell, with another term or a row's number above it
    («Апрель» / «…» / «Май» / «Отчет молодого специалиста о работе за год»; «1» / «Закрепление
    пар» / «сентябрь» / «директор» / «приказ»): one of the row's cells, not a title."""
    if i > 0 and _ROW_NUMBER_LINE_RE.match(prep.lines[i - 1]) \
            and any(lexicon.TERM_CELL_RE.match(_match_line(prep, j)) for j in range(i + 1, min(len(prep.lines), i + 3))):
        return True     # a cut table's first row: its number, this cell, then its term («5.2» / «Мониторинг …» / «апрель 2025»)
    for k in range(max(0, i - TERM_CELL_REACH), i):
        if lexicon.TERM_CELL_RE.match(_match_line(prep, k)):
            # (a table cut above its first row: the next row's term cell follows instead)
            return any(lexicon.TERM_CELL_RE.match(_match_line(prep, j)) or _ROW_NUMBER_LINE_RE.match(prep.lines[j])
                       for j in range(k)) \
                or any(lexicon.TERM_CELL_RE.match(_match_line(prep, j))
                       for j in range(i + 1, min(len(prep.lines), k + 2 * TERM_CELL_REACH + 2)))
    return False


_ROW_NUMBER_LINE_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?\.?\s*$")


# ---------------------------------------------------------------------------------------------
# title

def _title_line_span(prep: Prepared, head: Head, blocks: set[int]) -> tuple[int, int]:
    """Lines of the title for a non-order heading, joining «ПОЛОЖЕНИЕ» / «о системе …» splits."""
    if head.index < CARD_LINES and _FILE_NAME_MARK_RE.search(prep.lines[head.index]):
        # A file card's name is whole on its line; below it the file's text may start anywhere
        # («35_ПОЛОЖЕНИЕ … (pdf.io)» over «педагогических работников образовательных организаций города»).
        return head.index, head.index
    last = head.index
    total = len(prep.lines[head.index])
    head_m = _match_line(prep, head.index)
    bare_head = len(head_m.split()) <= 2
    for j in range(head.index + 1, min(len(prep.lines), head.index + 6)):
        if j in blocks:
            break
        line = prep.lines[j]
        m = _match_line(prep, j)
        prev = prep.lines[j - 1]
        # (a report's or plan's subject runs long on the line below its kind: «Аналитическая справка»
        # / «по результатам регионального этапа мониторинга … в 2022 году»)
        subject_below = j == head.index + 1 and re.match(r"^(?:о|об|по|на)\s", m) and not line.rstrip().endswith(".")
        if len(line) > (280 if subject_below else 200) or total + len(line) > 320 + (80 if subject_below else 0):
            break
        if lexicon.SECTION_START_RE.match(m) or lexicon.DATE_OR_PLACE_LINE_RE.match(m):
            break
        if prev.rstrip().endswith((".", ":", ";")):
            break
        if _TERM_ENDS_TITLE_RE.search(_match_line(prep, j - 1)) and j - 1 > head.index:
            break   # «… на 2023-2024 учебный год» ends a title; below it a table's header begins
        if _head_genre(m) is not None and line.split()[0].isupper() and not bare_head:
            break
        # «Дополнительная профессиональная программа» / «(повышение квалификации)» / «Реализация
        # модели наставничества …»: a kind with no subject yet is followed by the document's name,
        # which may have a subtitle after a colon («Наставник молодого учителя: формы …»).
        named_next = (j == last + 1 and _NAMELESS_KIND_RE.match(" ".join(
            _match_line(prep, i) for i in range(head.index, j))) is not None)
        label = _LABEL_LINE_RE.match(line)
        if label and not (named_next and line[label.end():].lstrip()[:1].islower()):
            break
        caps_run = prev.isupper() and line.isupper()
        starts_lower = line[0].islower()
        if not (caps_run or starts_lower or named_next or _wrapped_title(prep, j)
                or (bare_head and j == head.index + 1 and re.match(r"^(?:о|об|по|для)\s", m))
                or _genitive_continuation(prep, j)):
            break
        last = j
        total += len(line)
        bare_head = False
    return head.index, last


_TERM_ENDS_TITLE_RE = re.compile(r"\bна\s+(?:[\d\s/–-]*\s*)?(?:учебн\w+\s+)?год[ыа]?\s*$|\bна\s+[\d\s/–-]+\s*(?:гг?\.?|годы)\s*$")
_GENITIVE_LINE_CHARS = 80
# A document's kind in at most three words and an optional parenthesised form, naming no subject.
_NAMELESS_KIND_RE = re.compile(
    r"^(?:[а-я-]+\s+){0,3}(?:программа|положение|план)(?:\s*\([^)]{3,60}\))?\s*$")


def _genitive_continuation(prep: Prepared, j: int) -> bool:
    """Whether line ``j`` goes on with the title in the genitive: «План работы» / «Отдела образования
    Администрации» / «Угранского района». A short line, not a sentence, whose first word can be a
    genitive noun or adjective; a new heading would start in the nominative.
    """
    line = prep.lines[j]
    words = re.findall(r"[А-ЯЁа-яё]+", line)
    if not words or len(line) > _GENITIVE_LINE_CHARS or line.rstrip().endswith((".", ":", ";")):
        return False
    if not line.lstrip()[:1].isupper() or _FINITE_VERB_RE.search(_match_line(prep, j)):
        return False
    return can_be_genitive(words[0])


def _wrapped_title(prep: Prepared, j: int) -> bool:
    """Whether line ``j`` continues a title wrapped on the line before it.

    Besides an institution's name, a title wraps before a capitalised document name in an
    oblique case («… по реализации» / «Положения о системе …») — a new heading would be in the
    nominative — and after a dangling preposition or conjunction («… по», «… и»).
    """
    m = _match_line(prep, j)
    return bool(lexicon.TITLE_CONTINUATION_RE.match(m) or lexicon.OBLIQUE_DOC_NAME_RE.match(m)
                or lexicon.DANGLING_END_RE.search(_match_line(prep, j - 1)))


# «Наставник: …», «Цель программы: …» — a labelled field, not part of the title.
_LABEL_LINE_RE = re.compile(r"^[^\s:«\"]+(?:\s+[^\s:«\"]+){0,2}\s*:")
# The subject may be set in quotes («"Об утверждении положения о наставничестве"»).
_ORDER_SUBJECT_RE = re.compile(r"^\"?\s?(?:о|об|по)\s")
_ORDER_BODY_START_RE = re.compile(
    r"^(?:в соответствии|на основании|в целях|во исполнение|руководствуясь|с целью|приказываю|постановляю|обязываю|\d+\.\s)")
_INLINE_SUBJECT_RE = re.compile(
    r"\s\"?\s?(?:о|об)\s+(?:утверждени|организаци|закреплени|назначени|внедрени|создани|реализаци|проведени)")


def _order_subject_span(prep: Prepared, head: Head, blocks: set[int]) -> tuple[int, int] | None:
    """Lines of an order's subject («Об утверждении положения о …»)."""
    start = None
    # «ПРИКАЗ № 5 Об утверждении …», «Приказ №2 от 09.01.2023 «Об утверждении …»» on one line
    if _INLINE_SUBJECT_RE.search(_match_line(prep, head.index)):
        start = head.index
    for j in range(head.index + 1, min(len(prep.lines), head.index + 9)):
        if start is not None:
            break
        m = _match_line(prep, j)
        if _ORDER_BODY_START_RE.match(m):
            return None
        if _ORDER_SUBJECT_RE.match(m):
            start = j
    if start is None:
        m = _match_line(prep, head.index)
        if re.search(r"\s(?:о|об)\s+\w+", m) and len(m) < 200:
            start = head.index
        else:
            return None
    last = start
    for j in range(start + 1, min(len(prep.lines), start + 4)):
        m = _match_line(prep, j)
        line = prep.lines[j]
        prev = prep.lines[j - 1].rstrip()
        if _ORDER_BODY_START_RE.match(m) or prev.endswith((".", ":", ";")) or len(line) > 150:
            break
        if not (line[0].islower() or (prev.isupper() and line.isupper()) or _wrapped_title(prep, j)):
            break
        last = j
    return start, last


def _subject_text(prep: Prepared, start: int, end: int, head: Head) -> str:
    text = " ".join(prep.lines[start:end + 1])
    if start == head.index:
        # Cut the heading word and its number/date: keep «Об …» onwards.
        m = re.search(r"\b(?:О|Об|ОБ|о|об)\s", text)
        if m:
            text = text[m.start():]
    return text


_KEEP_CAPS = {
    "МБОУ", "МАОУ", "МКОУ", "МОУ", "ГБОУ", "ОГБОУ", "МБДОУ", "МАДОУ", "МКДОУ", "МДОУ", "СОШ", "СШ", "ООШ", "НОШ",
    "ОО", "ОУ", "ДОУ", "МБУ", "ДО", "РФ", "СОИРО", "ЦНППМ", "ФГОС", "ВСОКО", "ДПО", "ГАУ", "МО", "НОО", "ООО",
    "СОО", "ОВЗ", "ГИА", "ЕГЭ", "ОГЭ", "ВПР", "ИКТ", "ЦОС", "ДОД", "ЦДО", "ГБУ", "ИРО",
}


TITLE_CHARS = 240


def tidy_title(text: str) -> str:
    """Collapse spaces; turn an all-capitals title into normal sentence case; cut a run-on at a word."""
    text = " ".join(_file_name_as_title(text).split())
    text = _CARD_NUMBER_RE.sub("", _SECTION_CARD_NUMBER_RE.sub("", text)).strip(" .,;:-")
    if len(text) > TITLE_CHARS:
        # a flattened layer runs the title on into the contents or the first clause
        text = text[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" .,;:-") + " …"
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return text
    upper_share = sum(ch.isupper() for ch in letters) / len(letters)
    if upper_share < 0.8:
        # «ПЛАН МЕРОПРИЯТИЙ по …», «Дорожная КАРТА …»: only the heading words are in capitals.
        words = text.split(" ")
        for i, word in enumerate(words):
            core = word.strip("«»\"().,;:")
            # a one-letter preposition («ПЛАН РАБОТЫ НАСТАВНИКА С МОЛОДЫМ …») is part of the capitals
            if not (core.isupper() and (len(core) > 1 or core in "ВСОКУИА")) or core in _KEEP_CAPS:
                if i > 0:
                    break
                continue
            words[i] = word.capitalize() if i == 0 else word.lower()
        return " ".join(words)
    out, in_quotes = [], False
    for i, word in enumerate(text.split(" ")):
        core = word.strip("«»\"()№.,;:")
        keep = core in _KEEP_CAPS or in_quotes or any(ch.isdigit() for ch in core)
        # A word already in normal case («г. Вязьмы» after a capitals heading) is left as written.
        keep = keep or (len(core) > 1 and not core.isupper() and core[:1].isupper() and i > 0)
        if word.startswith(("«", '"')):
            in_quotes = True
            keep = True
        if not keep:
            word = word.lower() if i else word.capitalize()
        if word.endswith(("»", '"')) or word.rstrip(".,;:").endswith(("»", '"')):
            in_quotes = False
        out.append(word)
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# date and number

_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
NUM_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?((?:19|20)\d{2}|\d{2})(?![\d])")
_TEXT_DATE_RE = re.compile(
    r"(?<!\d)\"?\s?(\d{1,2})\s?\"?\s+(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?"
    r"|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])\s+((?:19|20)\d{2})")
# «№», and how OCR reads it: «NЬ 17», «J\Ъ 94», «Ns 3», «}lЪ 3».
_NUMBER_RE = re.compile(
    r"(?:№|(?<![a-zа-я])(?:n[oо]?\.?|n[ьъs]|j\\?[ъьф]|\}l[ъь])(?=\s?\d))\s*([0-9a-zа-я][0-9a-zа-я/\\.\-]*)"
    r"((?:\s?-\s?[a-zа-я]{1,4})(?![a-zа-я0-9]))?")
_NUMBER_OWNER_RE = re.compile(
    r"(?:сш|сош|оош|нош|школ\w*|гимнази\w*|лице\w*|сад\w*|доу|дс|учреждени\w*|кабинет\w*|корпус\w*|дом\w*|класс\w*"
    r"|групп\w*|пункт\w*|п\.|приложени\w*|форм\w*|квартир\w*|участк\w*)\s*\"?\s*$")
_KIND_RE = re.compile(r"протокол\w*|приказ\w*|распоряжени\w*|постановлени\w*|письм\w*")


@dataclass
class _Ref:
    pos: int          # position in prep.match
    kind: str         # "date" | "number"
    value: str
    end: int


def _iso(day: int, month: int, year: int) -> str | None:
    if year < 100:
        year += 2000
    if not 1990 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _refs_in(prep: Prepared, start: int, end: int) -> list[_Ref]:
    text = prep.match
    refs: list[_Ref] = []
    for m in NUM_DATE_RE.finditer(text, start, end):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            refs.append(_Ref(m.start(), "date", iso, m.end()))
    for m in _TEXT_DATE_RE.finditer(text, start, end):
        month = next(v for k, v in _MONTHS.items() if m.group(2).startswith(k))
        iso = _iso(int(m.group(1)), month, int(m.group(3)))
        if iso:
            refs.append(_Ref(m.start(), "date", iso, m.end()))
    for m in _NUMBER_RE.finditer(text, start, end):
        before = text[max(start, m.start() - 25):m.start()]
        if _NUMBER_OWNER_RE.search(before):
            continue
        raw_start, raw_end = m.start(1), m.end(2) if m.group(2) else m.end(1)
        value = re.sub(r"\s", "", prep.text[raw_start:raw_end]).rstrip(".-/\\")
        if not any(ch.isdigit() for ch in value) or NUM_DATE_RE.fullmatch(value):
            continue
        refs.append(_Ref(m.start(), "number", value, raw_end))
    refs.sort(key=lambda r: r.pos)
    return refs


def _kind_before(prep: Prepared, pos: int, floor: int) -> str | None:
    """The act a date/number belongs to: the nearest «протокол»/«приказ» word before it."""
    best = None
    for m in _KIND_RE.finditer(prep.match, floor, pos):
        best = m.group(0)
    if best is None:
        return None
    return "protocol" if best.startswith("протокол") else ("letter" if best.startswith("письм") else "order")


def _pick(refs: list[_Ref]) -> tuple[str | None, str | None, int | None, int | None]:
    date = next((r for r in refs if r.kind == "date"), None)
    number = next((r for r in refs if r.kind == "number"), None)
    lo = min((r.pos for r in (date, number) if r), default=None)
    hi = max((r.end for r in (date, number) if r), default=None)
    return (date.value if date else None, number.value if number else None, lo, hi)


def order_date_number(prep: Prepared, head: Head, blocks: set[int], stop: int | None):
    """Date/number printed next to an order's heading."""
    below = []
    for j in range(head.index + 1, min(len(prep.lines), head.index + 5)):
        if (stop is not None and j >= stop) or lexicon.PREAMBLE_RE.match(_match_line(prep, j)):
            break   # «В соответствии с распоряжением … № Р-145»: the acts it follows, not its own number
        below.append(j)
    window = [head.index] + below + [head.index - 1, head.index - 2]
    refs: list[_Ref] = []
    for j in window:
        if j < 0 or j in blocks:
            continue
        s, e = prep.span_of_lines(j, j)
        refs.extend(r for r in _refs_in(prep, s, e) if _kind_before(prep, r.pos, s) in (None, "order"))
    return _pick(refs)


def approval_date_number(prep: Prepared, blocks: set[int], before: int | None):
    """Date/number of the approving order from approval blocks above the title.

    Falls back to the date of a council protocol (number left empty: it is not an order number).
    """
    lines = sorted(i for i in blocks if before is None or i < before)
    if not lines:
        return (None, None, None, None)
    order_refs: list[_Ref] = []
    protocol_refs: list[_Ref] = []
    signed_refs: list[_Ref] = []       # «УТВЕРЖДАЮ Директор ___ 30.08.2024»: no act named
    floor = prep.line_starts[lines[0]]
    block_text = ""
    for i in lines:
        s, e = prep.span_of_lines(i, i)
        if lexicon.APPROVAL_OPENER_RE.match(_match_line(prep, i)):
            floor = s
        block_text += " " + _match_line(prep, i)
        for r in _refs_in(prep, s, e):
            kind = _kind_before(prep, r.pos, floor)
            if kind == "order":
                order_refs.append(r)
            elif kind == "protocol":
                protocol_refs.append(r)
            elif kind is None:
                signed_refs.append(r)
    if order_refs:
        return _pick(order_refs)
    if "приказ" in block_text and sum(r.kind == "date" for r in protocol_refs) >= 2:
        # Two columns merged into one line («протокол № 1 от 29.08 … от 31.08 № 118»): the
        # approving order (УТВЕРЖДЕНО, right column) comes after the council protocol (ПРИНЯТО).
        dates = [r for r in protocol_refs if r.kind == "date"]
        numbers = [r for r in protocol_refs if r.kind == "number"]
        tail = [dates[-1]] + ([numbers[-1]] if len(numbers) >= 2 and numbers[-1].pos > dates[0].pos else [])
        return _pick(tail)
    if any(r.kind == "date" for r in signed_refs):
        date, _, lo, hi = _pick([r for r in signed_refs if r.kind == "date"])
        return (date, None, lo, hi)
    date, _, lo, hi = _pick([r for r in protocol_refs if r.kind == "date"])
    return (date, None, lo, hi)


# Letters, like orders, carry «от … № …» under the heading and a subject line «О направлении …».
_LETTER_HEAD_RE = re.compile(r"^письмо\b")


def _has_subject_line(prep: Prepared, head: Head) -> bool:
    return head.genre == "order" or bool(_LETTER_HEAD_RE.match(_match_line(prep, head.index)))


def head_title(prep: Prepared, head: Head, blocks: set[int]) -> tuple[str | None, int, int, tuple[int, int] | None]:
    """(title, first line, last line, order subject span) for a heading."""
    span = _order_subject_span(prep, head, blocks) if _has_subject_line(prep, head) else None
    if head.genre == "order" or span:
        title = tidy_title(_subject_text(prep, span[0], span[1], head)) if span else None
        first, last = (span if span else (head.index, head.index))
        first = min(first, head.index)
    else:
        span = None
        first, last = _title_line_span(prep, head, blocks)
        title = tidy_title(" ".join(prep.lines[first:last + 1]))
    if title is not None and len(title) < 4:
        title = None
    return title, first, last, span


def extract_title_info(prep: Prepared, head: Head | None, blocks: set[int]) -> TitleInfo:
    if head is None:
        date, number, lo, hi = approval_date_number(prep, blocks, MAIN_HEAD_LINES)
        ev = prep.quote(lo, hi) if lo is not None else None
        return TitleInfo(None, None, None, date, number, ev)
    title, first, last, span = head_title(prep, head, blocks)
    if _has_subject_line(prep, head):
        date, number, lo, hi = order_date_number(prep, head, blocks, span[0] if span else None)
    else:
        date, number, lo, hi = approval_date_number(prep, blocks, head.index)
        if date is None and number is None:
            # «Приложение к приказу …» or an approval block placed after the title.
            date, number, lo, hi = approval_date_number(prep, blocks, min(len(prep.lines), last + 12))
    ev = prep.quote(lo, hi) if lo is not None else None
    return TitleInfo(title, first, last, date, number, ev)


def all_dates_numbers(prep: Prepared, start: int, end: int) -> list[tuple[str, str]]:
    """(kind, value) pairs in a span; used by tests and diagnostics."""
    return [(r.kind, r.value) for r in _refs_in(prep, start, end)]
