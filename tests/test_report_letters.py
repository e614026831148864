"""letters/<МО>.docx and .txt: the letters to municipal coordinators, written by `eduaudit report` and read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from audit_rules.base import PASS
from eduaudit.reports import figures
from eduaudit.reports.commands import report_command
from eduaudit.reports.data import load_run, safe_url
from eduaudit.reports.letters import build_letter, parse_deadline, write_letter_docx, write_letters
from eduaudit.reports.names import file_stem
from eduaudit.reports.russian import count, moscow_time
from eduaudit.store import Store


@pytest.fixture(scope="module")
def letters(audited_region, tmp_path_factory):
    store = Store(audited_region.db)
    out = tmp_path_factory.mktemp("letters")
    result = CliRunner().invoke(report_command, ["--db", str(store.path), "--reports-dir", str(out), "--no-compare",
                                                 "--deadline", "10.12.2026",
                                                 "--contact", "Иванова Анна Петровна, тел. 8 (4812) 00-00-00"])
    assert result.exit_code == 0, result.output
    return out / "letters", load_run(store, store.latest_run())


def with_gaps(rows: list[dict]) -> dict[str, list[str]]:
    """short name → titles of its rules that are not «выполнено»."""
    return {r["short_name"]: [f["rule_title"] for f in r["findings"].values() if f["status"] != PASS] for r in rows}


def read_docx(path: Path) -> tuple[list[str], list[str]]:
    document = Document(path)
    paragraphs = [p.text for p in document.paragraphs]
    links = [h.url for p in document.paragraphs for h in p.hyperlinks]
    return paragraphs, links


def pick(data) -> str:
    """A municipality where schools lack something and the authority lacks something of its own."""
    for municipality in data.municipalities:
        schools = with_gaps(data.school_rows(municipality))
        authority = with_gaps(data.school_rows(municipality, frame=data.authority_findings))
        if any(schools.values()) and any(authority.values()):
            return municipality
    raise AssertionError("the test region has no municipality with both kinds of gaps")


def test_one_letter_per_municipality_docx_and_txt(letters):
    folder, data = letters
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{file_stem(m)}.{ext}" for m in data.municipalities for ext in ("docx", "txt"))


def test_letter_lists_each_school_gap_with_links_and_the_authority_gaps(letters):
    folder, data = letters
    municipality = pick(data)
    paragraphs, links = read_docx(folder / f"{file_stem(municipality)}.docx")
    text = "\n".join(paragraphs)
    assert paragraphs[0].endswith(municipality)
    assert "Срок ответа: 10.12.2026" in text and "Просим до 10.12.2026 разместить" in text
    total = data.school_count(municipality)
    assert f"официальные сайты {count(total, 'школа', 'gent')} муниципального образования «{municipality}»" in text
    key = data.share("doc.regulation", municipality)
    assert f"Положение о системе наставничества размещено: {key.text()}." in text

    schools_part, rest = text.split("Документы органа управления образованием", 1)
    unchecked = figures.unchecked_schools(data.findings[data.findings["municipality"] == municipality])
    for row in data.school_rows(municipality):
        gaps = [f for f in row["findings"].values() if f["status"] != PASS]
        if not gaps:
            assert f"\n{row['short_name']} — сайт" not in schools_part
            assert row["short_name"] in schools_part.split("Всё найдено", 1)[1]
            continue
        block = schools_part.split(f"\n{row['short_name']} — сайт", 1)[1].split(" — сайт", 1)[0]
        if row["school_id"] in unchecked:
            assert "Сайт не удалось проверить" in block
            continue
        for f in gaps:
            assert f["rule_title"] + ":" in block, (row["short_name"], f["rule_title"])
            if safe_url(f["evidence_url"]):
                assert f["evidence_url"] in links
        found = [f for f in row["findings"].values() if f["status"] == PASS and f["rule_id"] == "doc.regulation"]
        for f in found:
            assert f["evidence_url"] in links  # a link to what was found

    authority_part, contact = rest.split("К кому обращаться", 1)
    for row in data.school_rows(municipality, frame=data.authority_findings):
        for f in row["findings"].values():
            if f["status"] not in (PASS, "error"):
                assert f"{f['rule_title']}:" in authority_part
    assert "Иванова Анна Петровна, тел. 8 (4812) 00-00-00" in contact


def test_whom_to_ask_names_where_the_coordinator_is_found(letters):
    folder, data = letters
    seen = set()
    for municipality in data.municipalities:
        contact = Document(folder / f"{file_stem(municipality)}.docx").paragraphs
        texts = [p.text for p in contact]
        tail = contact[texts.index("К кому обращаться") + 1:]
        links = [h.url for p in tail for h in p.hyperlinks]
        text = "\n".join(p.text for p in tail)
        rows = data.authority_findings[(data.authority_findings["municipality"] == municipality)
                                       & (data.authority_findings["rule_id"] == "mun.coordinator")]
        status = rows.iloc[0]["status"] if len(rows) else None
        seen.add(status)
        if status == PASS:
            assert "к муниципальному координатору" in text and rows.iloc[0]["evidence_url"] in links
        elif status in ("warn", "fail"):
            assert "Муниципальный координатор на сайте органа управления образованием не назван" in text
        else:
            assert "координатор" not in text
        assert text.endswith("Иванова Анна Петровна, тел. 8 (4812) 00-00-00")
    assert {PASS, "warn"} <= seen


def test_txt_is_the_same_letter(letters):
    folder, data = letters
    municipality = pick(data)
    paragraphs, links = read_docx(folder / f"{file_stem(municipality)}.docx")
    text = (folder / f"{file_stem(municipality)}.txt").read_text(encoding="utf-8")
    for paragraph in paragraphs[1:]:
        for line in paragraph.split("\n"):
            head = line.split(" — ")[0].strip()
            assert head in text, head
    assert all(url in text for url in links)


def test_a_letter_without_gaps_says_so(letters, tmp_path):
    """Every school of a municipality fixed everything: the letter thanks them and lists nothing."""
    _, data = letters
    municipality = pick(data)
    fixed = data.findings.copy()
    fixed.loc[fixed["municipality"] == municipality, "status"] = PASS
    path = write_letter_docx(build_letter(replace(data, findings=fixed), municipality, dt.date(2026, 12, 10)),
                             tmp_path / "letter.docx")
    paragraphs, _ = read_docx(path)
    assert "На сайтах всех школ найдено всё, что проверялось. Спасибо!" in paragraphs
    assert "Чего не хватает на сайтах школ" not in paragraphs
    names = [r["short_name"] for r in data.school_rows(municipality)]
    assert f"Всё найдено ({count(len(names), 'школа')}): " + "; ".join(names) + "." in paragraphs


def test_deadline_must_be_a_date(audited_region, tmp_path):
    result = CliRunner().invoke(report_command, ["--db", str(audited_region.db), "--reports-dir", str(tmp_path),
                                                 "--deadline", "к пятнице"])
    assert result.exit_code == 2 and "ДД.ММ.ГГГГ" in result.output
    assert not (tmp_path / "letters").exists()


def test_without_a_deadline_the_answer_is_due_in_two_weeks(letters, tmp_path):
    _, data = letters
    written = write_letters(data, tmp_path)
    finished = dt.datetime.strptime(moscow_time(data.run["finished_at"], with_time=False), "%d.%m.%Y").date()
    due = (finished + dt.timedelta(days=14)).strftime("%d.%m.%Y")
    docx, txt = written[data.municipalities[0]]
    assert f"Срок ответа: {due}" in [p.text for p in Document(docx).paragraphs]
    assert f"Срок ответа: {due}" in txt.read_text(encoding="utf-8").splitlines()
    assert parse_deadline("2026-12-10") == parse_deadline("10.12.2026") == dt.date(2026, 12, 10)


def test_each_missing_document_is_a_bullet_of_the_templates_list_style(letters):
    folder, data = letters
    document = Document(folder / f"{file_stem(pick(data))}.docx")
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets, "the letter lists no gap as a bullet"
    titles = tuple(f"{r.title}:" for r in data.rule_by_id.values())
    # every bullet names a rule that is not met; no other paragraph is a bullet
    assert all(p.text.startswith(titles) for p in bullets)
