"""summary.md: the region paragraph the operator pastes into the report to the ministry."""

from __future__ import annotations

from pathlib import Path

from eduaudit.diff import RunDiff
from eduaudit.reports.data import RunData
from eduaudit.reports.figures import Share
from eduaudit.reports.russian import count, moscow_time, of_checked

# How far below the region's share a municipality must be to be named as lagging, percentage points.
LAG_POINTS = 10.0
KEY_RULE = "doc.regulation"

# Phrases for the paragraph; «ОО» (образовательная организация) does not decline.
# {n}: schools that meet the rule, {of}: «из 28 проверенных», {p}: «71 %».
PHRASES = {
    "doc.regulation": "Положения о системе наставничества педагогических работников размещены на сайтах {n} {of} ОО ({p})",
    "doc.roadmap": "дорожные карты (планы мероприятий) по реализации системы наставничества — на сайтах {n} {of} ОО ({p})",
    "doc.order": "приказы о системе наставничества — {n} {of} ОО ({p})",
    "doc.program": "персонализированные программы наставничества — {n} {of} ОО ({p})",
    "section.documents": "подраздел «Документы» в разделе «Сведения об образовательной организации» есть на сайтах {n} {of} ОО ({p})",
    "section.mentoring": "страница «Наставничество» — на сайтах {n} {of} ОО ({p})",
}
DOCUMENT_RULES = ("doc.regulation", "doc.roadmap", "doc.order", "doc.program")


def phrase(share: Share) -> str:
    template = PHRASES.get(share.rule_id, share.title + ": {n} {of} ОО ({p})")
    return template.format(n=share.passed, of=of_checked(share.checked), p=share.percent_text)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|")


def lagging(data: RunData, rule_id: str = KEY_RULE) -> list[tuple[str, Share]]:
    """Municipalities whose share for the rule is at least LAG_POINTS below the region's, worst first."""
    if rule_id not in data.rule_by_id:
        return []
    region = data.share(rule_id).percent
    rows = [(m, data.share(rule_id, m)) for m in data.municipalities]
    if region is None:
        return []
    rows = [(m, s) for m, s in rows if s.percent is not None and s.percent <= region - LAG_POINTS]
    return sorted(rows, key=lambda item: (item[1].percent, item[0]))


def summary_text(data: RunData, diff: RunDiff | None = None) -> str:
    shares = {s.rule_id: s for s in data.shares()}
    total = data.school_count()
    date = moscow_time(data.run.get("finished_at") or data.run.get("started_at"), with_time=False)
    lines = [f"# Размещение документов системы наставничества на сайтах ОО — итоги проверки {date}", ""]
    intro = (f"Проверены официальные сайты {total} ОО из "
             f"{count(len(data.municipalities), 'муниципалитет', 'gent')}")
    reach = shares.get("site.reachable")
    if reach:
        intro += f"; при проверке открылись сайты {reach.passed} ОО ({reach.percent_text})"
    unchecked = data.unchecked_count()
    if unchecked:
        intro += (f", сайты {unchecked} ОО проверить не удалось: они не входят в проценты, "
                  f"доли ниже считаются от проверенных")
    lines.append(intro + ".")
    lines.append("")
    documents = [phrase(shares[r]) for r in DOCUMENT_RULES if r in shares]
    others = [phrase(s) for rid, s in shares.items() if rid not in DOCUMENT_RULES and rid != "site.reachable"]
    sentences = [_sentence(", ".join(group)) for group in (documents, others) if group]
    lines.append(" ".join(sentences))
    lines.append("")
    behind = lagging(data)
    if behind:
        region = shares[KEY_RULE]
        items = [f"{m} ({s.text()})" for m, s in behind]
        lines.append(f"Отстают от среднего по области ({region.percent_text}) по размещению положений: "
                     + "; ".join(items) + ".")
    elif KEY_RULE in shares:
        lines.append("Муниципальных образований, заметно отстающих от среднего по области по размещению "
                     "положений, нет.")
    if diff is not None:
        c = diff.counts()
        text = (f"С прошлой проверки (запуск {diff.run_a}): исправлено {c['fixed']}, "
                f"новых пробелов {c['new_gap']}")
        if c["structure_alerts"]:
            text += (f"; на сайтах {c['structure_alerts']} ОО изменилась структура — их результаты "
                     f"нужно проверить вручную")
        lines.append("")
        lines.append(text + ".")
    lines += ["", "Доля считается от ОО, сайты которых удалось проверить: «выполнено из проверенных (%)».", "",
              "| Муниципальное образование | ОО | Не удалось проверить | "
              + " | ".join(r.title for r in data.rules) + " |",
              "|---|---:|---:|" + "---:|" * len(data.rules)]
    for municipality in data.municipalities + [None]:
        label = _cell(municipality) if municipality else "**Итого по области**"
        cells = [f"{s.passed} из {s.checked} ({s.percent_text})" for s in data.shares(municipality)]
        lines.append(f"| {label} | {data.school_count(municipality)} | {data.unchecked_count(municipality)} | "
                     + " | ".join(cells) + " |")
    lines.append("")
    lines.append(f"_Запуск {data.run_id}, версия правил {data.run.get('ruleset_version') or '—'}._")
    return "\n".join(lines) + "\n"


def write_summary(data: RunData, path: str | Path, diff: RunDiff | None = None) -> Path:
    path = Path(path)
    path.write_text(summary_text(data, diff), encoding="utf-8")
    return path
