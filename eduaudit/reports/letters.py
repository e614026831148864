"""letters/<municipality>.docx and .txt: a letter to each municipal coordinator.

One letter per municipality, in plain Russian: the deadline, a short list per
school of what is missing (with links to what was found and where we looked),
the education authority's own gaps, and whom to ask. The .txt holds the same
text for an e-mail. Every figure comes from eduaudit.reports.figures and every
number agrees with its noun through eduaudit.reports.russian.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from audit_rules.base import ERROR, PASS, WARN
from eduaudit.reports import figures
from eduaudit.reports.data import RunData, safe_url
from eduaudit.reports.names import UniqueNames, file_stem
from eduaudit.reports.russian import count, moscow_time, plain

KEY_RULE = "doc.regulation"
# Rules whose «выполнено» points at a document worth linking under «Уже размещено».
DOCUMENT_RULES = ("doc.regulation", "doc.order", "doc.roadmap", "doc.program", "mun.regulation", "mun.plan")
# Days from the run to the answer when no --deadline is given.
DEFAULT_DAYS = 14
DEFAULT_CONTACT = ("По вопросам о результатах проверки обращайтесь к региональному оператору мониторинга. "
                   "Если документ размещён, а проверка его не нашла, пришлите ссылку на него: школу проверят "
                   "повторно.")


def parse_deadline(text: str) -> dt.date:
    """«10.12.2026» (or «2026-12-10») as a date; ValueError otherwise."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"срок «{text}» не похож на дату ДД.ММ.ГГГГ")


def default_deadline(data: RunData) -> dt.date:
    """Two weeks after the day (Moscow time) the run finished."""
    day = moscow_time(data.run.get("finished_at") or data.run.get("started_at"), with_time=False)
    try:
        start = dt.datetime.strptime(day, "%d.%m.%Y").date()
    except ValueError:
        start = dt.date.today()
    return start + dt.timedelta(days=DEFAULT_DAYS)


@dataclass(frozen=True)
class Item:
    """One line of a list: what is missing or doubtful, and the link to look at."""

    text: str
    url: str = ""
    url_label: str = ""


@dataclass
class Entry:
    """A school (or the authority) and its lines."""

    name: str
    site: str
    missing: list[Item] = field(default_factory=list)
    found: list[Item] = field(default_factory=list)


@dataclass
class Letter:
    municipality: str
    deadline: dt.date
    run_id: int
    checked_at: str
    paragraphs: list[str]
    schools: list[Entry]
    complete: list[str]            # short names of the schools with nothing missing
    authorities: list[Entry]       # the authority's own gaps (entries with nothing missing are kept)
    authority_note: str
    contact: str
    coordinator: Item | None = None   # who answers the schools, as the authority's site names them

    def whom_to_ask(self) -> list[Item]:
        return ([self.coordinator] if self.coordinator else []) + [Item(self.contact)]

    @property
    def deadline_text(self) -> str:
        return self.deadline.strftime("%d.%m.%Y")


def first_sentence(text: str) -> str:
    """The first sentence, without its full stop: a letter lists, the gap file explains."""
    head = re.split(r"(?<=[а-яёa-z0-9)»]{3}[.!?])\s+(?=[А-ЯЁA-Z])", text.strip(), maxsplit=1)[0]
    return head.rstrip(".")


def _item(rule, finding: dict) -> Item:
    """«Положение …: не найдено», with the page where we looked or the document we doubt."""
    url = safe_url(finding.get("evidence_url"))
    if finding["status"] == WARN:
        detail = first_sentence(plain(finding.get("detail")))
        text = f"{rule.title}: требует проверки" + (f" ({detail})" if detail else "")
        return Item(text, url, "что найдено")
    return Item(f"{rule.title}: не найдено", url, "где искали")


def _entry(row: dict, rules: list, unchecked: set[str]) -> Entry:
    entry = Entry(row["short_name"], safe_url(row["url"]) or row["url"])
    if row["school_id"] in unchecked:
        reach = row["findings"].get("site.reachable") or {}
        reason = plain(reach.get("evidence_text")).rstrip(".")
        entry.missing.append(Item("Сайт не удалось проверить" + (f" ({reason})" if reason else "")
                                  + ": проверьте, что он открывается по адресу из реестра", entry.site, "адрес"))
        return entry
    for rule in rules:
        finding = row["findings"].get(rule.id)
        if finding is None:
            continue
        if finding["status"] == PASS:
            url = safe_url(finding.get("evidence_url"))
            if rule.id in DOCUMENT_RULES and url:
                entry.found.append(Item(rule.title, url, "ссылка"))
        elif finding["status"] == ERROR:
            entry.missing.append(Item(f"{rule.title}: не удалось проверить", safe_url(finding.get("evidence_url")),
                                      "где искали"))
        else:
            entry.missing.append(_item(rule, finding))
    return entry


def build_letter(data: RunData, municipality: str, deadline: dt.date, contact: str = "") -> Letter:
    unchecked = figures.unchecked_schools(data.findings[data.findings["municipality"] == municipality])
    entries = [_entry(row, data.rules, unchecked) for row in data.school_rows(municipality)]
    schools = [e for e in entries if e.missing]
    complete = [e.name for e in entries if not e.missing]
    authorities: list[Entry] = []
    if len(data.authority_findings):
        frame = data.authority_findings[data.authority_findings["municipality"] == municipality]
        gone = figures.unchecked_schools(frame)
        authorities = [_entry(row, data.authority_rules, gone)
                       for row in data.school_rows(municipality, frame=data.authority_findings)]

    total = data.school_count(municipality)
    checked_at = moscow_time(data.run.get("finished_at") or data.run.get("started_at"), with_time=False)
    paragraphs = [
        f"По итогам автоматической проверки № {data.run_id} от {checked_at} просмотрены официальные сайты "
        f"{count(total, 'школа', 'gent')} муниципального образования «{municipality}»: раздел «Сведения об "
        "образовательной организации», подраздел «Документы», страница о наставничестве и размещённые там файлы.",
    ]
    if KEY_RULE in data.rule_by_id:
        key = data.share(KEY_RULE, municipality)
        paragraphs.append(f"Положение о системе наставничества размещено: {key.text()}.")
    if schools:
        paragraphs.append(
            f"Не всё найдено на сайтах {count(len(schools), 'школа', 'gent')}. Просим до {deadline:%d.%m.%Y} "
            "разместить недостающие документы на сайтах школ (или сообщить, где они уже размещены) и ответить "
            "на это письмо. Ниже по каждой школе — чего не хватает; по ссылкам — что найдено и где искали.")
    else:
        paragraphs.append("На сайтах всех школ найдено всё, что проверялось. Спасибо!")
    if not authorities:
        authority_note = "Орган управления образованием в реестре не указан, его сайт не проверялся."
    elif any(a.missing for a in authorities):
        authority_note = (f"Просим до {deadline:%d.%m.%Y} разместить и документы органа управления "
                          "образованием:")
    else:
        authority_note = "На сайте органа управления образованием найдено всё, что проверялось."
    return Letter(municipality, deadline, data.run_id, checked_at, paragraphs, schools, complete, authorities,
                  authority_note, contact or DEFAULT_CONTACT, _coordinator(data, municipality))


COORDINATOR_RULE = "mun.coordinator"


def _coordinator(data: RunData, municipality: str) -> Item | None:
    """Schools ask the municipal coordinator: named on the authority's site, or a note that nobody is."""
    if not len(data.authority_findings):
        return None
    frame = data.authority_findings
    rows = frame[(frame["municipality"] == municipality) & (frame["rule_id"] == COORDINATOR_RULE)]
    if rows.empty or rows.iloc[0]["status"] == ERROR:
        return None
    finding = rows.iloc[0]
    if finding["status"] == PASS:
        named = plain(finding["detail"]).rstrip(".")
        return Item(f"Вопросы школ о документах — к муниципальному координатору. {named}",
                    safe_url(finding["evidence_url"]), "где указан")
    return Item("Муниципальный координатор на сайте органа управления образованием не назван: укажите его на "
                "странице «Наставничество», чтобы школы знали, к кому обращаться.")


TITLE = "О размещении документов системы наставничества педагогических работников"


def letter_text(letter: Letter) -> str:
    """The letter as plain text, for the body of an e-mail."""
    lines = [f"Муниципальному координатору системы наставничества: {letter.municipality}", "",
             TITLE, f"Срок ответа: {letter.deadline_text}", ""]
    for paragraph in letter.paragraphs:
        lines += [paragraph, ""]

    def entry_lines(entry: Entry) -> list[str]:
        out = [f"{entry.name} ({entry.site})"]
        out += [f"  - {i.text}" + (f": {i.url}" if i.url else "") for i in entry.missing]
        if entry.found:
            out.append("  Уже размещено: " + "; ".join(f"{i.text}: {i.url}" for i in entry.found))
        return out + [""]

    if letter.schools:
        lines += ["Чего не хватает на сайтах школ", ""]
        for entry in letter.schools:
            lines += entry_lines(entry)
    if letter.complete:
        lines += [f"Всё найдено ({count(len(letter.complete), 'школа')}): " + "; ".join(letter.complete) + ".", ""]
    lines += ["Документы органа управления образованием", "", letter.authority_note, ""]
    for entry in letter.authorities:
        if entry.missing:
            lines += entry_lines(entry)
    lines += ["К кому обращаться", ""]
    for item in letter.whom_to_ask():
        lines += [item.text + (f" ({item.url_label}: {item.url})" if item.url else ""), ""]
    return "\n".join(lines)


def _hyperlink(paragraph, url: str, text: str) -> None:
    """A clickable link (python-docx reads hyperlinks but has no call to add one)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1A5FB4")
    props.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def _entry_docx(document, entry: Entry, bullet_style: str) -> None:
    head = document.add_paragraph()
    head.paragraph_format.space_before = Pt(6)
    head.paragraph_format.keep_with_next = True
    head.add_run(entry.name).bold = True
    if entry.site:
        head.add_run(" — сайт ")
        if safe_url(entry.site):
            _hyperlink(head, entry.site, entry.site)
        else:
            head.add_run(entry.site)
    for item in entry.missing:
        line = document.add_paragraph()
        # python-docx looks a style up by its name among all of the template's styles for
        # every paragraph; the id, looked up once, is set directly, as Word stores it.
        line._p.get_or_add_pPr().style = bullet_style
        line.add_run(item.text)
        if item.url:
            line.add_run(f" — {item.url_label}: ")
            _hyperlink(line, item.url, item.url)
    if entry.found:
        line = document.add_paragraph()
        line.add_run("Уже размещено: ").italic = True
        for k, item in enumerate(entry.found):
            if k:
                line.add_run("; ")
            line.add_run(f"{item.text} — ")
            _hyperlink(line, item.url, item.url)


def write_letter_docx(letter: Letter, path: str | Path) -> Path:
    path = Path(path)
    document = Document()
    section = document.sections[0]
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)
    bullet_style = document.styles["List Bullet"].style_id

    to = document.add_paragraph()
    to.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    to.add_run(f"Муниципальному координатору\nсистемы наставничества\n{letter.municipality}")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(TITLE).bold = True
    deadline = document.add_paragraph()
    run = deadline.add_run(f"Срок ответа: {letter.deadline_text}")
    run.bold = True
    run.font.color.rgb = RGBColor(0xA0, 0x10, 0x10)
    for text in letter.paragraphs:
        document.add_paragraph(text)
    if letter.schools:
        document.add_heading("Чего не хватает на сайтах школ", level=2)
        for entry in letter.schools:
            _entry_docx(document, entry, bullet_style)
    if letter.complete:
        document.add_paragraph(f"Всё найдено ({count(len(letter.complete), 'школа')}): "
                               + "; ".join(letter.complete) + ".")
    document.add_heading("Документы органа управления образованием", level=2)
    document.add_paragraph(letter.authority_note)
    for entry in letter.authorities:
        if entry.missing:
            _entry_docx(document, entry, bullet_style)
    document.add_heading("К кому обращаться", level=2)
    for item in letter.whom_to_ask():
        paragraph = document.add_paragraph(item.text)
        if item.url:
            paragraph.add_run(f" ({item.url_label}: ")
            _hyperlink(paragraph, item.url, item.url)
            paragraph.add_run(")")
    document.save(path)
    return path


def write_letters(data: RunData, out_dir: str | Path, deadline: dt.date | None = None,
                  contact: str = "") -> dict[str, tuple[Path, Path]]:
    """One .docx and one .txt per municipality; municipality → (docx, txt)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    deadline = deadline or default_deadline(data)
    stems = UniqueNames()
    written = {}
    for municipality in data.municipalities:
        letter = build_letter(data, municipality, deadline, contact)
        stem = stems.take(file_stem(municipality))
        docx_path = write_letter_docx(letter, out_dir / f"{stem}.docx")
        txt_path = out_dir / f"{stem}.txt"
        txt_path.write_text(letter_text(letter), encoding="utf-8")
        written[municipality] = (docx_path, txt_path)
    return written
