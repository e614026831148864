"""doc.freshness: the school's roadmap and personalised programmes are for this or last academic year.

Verdicts, as a methodologist reads them:

* pass — every kind of plan the school published (roadmap, personalised programmes) has at
  least one document for the current academic year of the run or the one before it (a plan
  for 2025/2026 still counts in autumn 2026: the new one is often approved late);
* warn — the plans are there but are all older, or name no year and carry no date: the
  system may have stopped working, or the documents are simply not updated; a person checks;
* fail — neither a roadmap nor a personalised programme of the school was found, so nothing
  shows the mentoring system works this year (doc.roadmap and doc.program say which is missing);
* error — the site could not be loaded.
"""

from __future__ import annotations

from audit_rules import academic_years
from audit_rules.base import (FAIL, OWN_ISSUERS, PASS, WARN, ClassifiedDocument, Finding, Rule,
                              SchoolEvidence, looked_at)

KINDS = (("roadmap", "дорожная карта"), ("program", "персонализированная программа"))


def _counts(doc: ClassifiedDocument, doc_type: str) -> bool:
    return (doc.is_type(doc_type) and doc.about_mentoring and doc.issuer in OWN_ISSUERS
            and doc.audience in ("teachers", "both"))


class DocumentFreshnessRule(Rule):
    id = "doc.freshness"
    title = "Дорожная карта и программы наставничества актуальны"
    checks = ("Дорожная карта (план мероприятий) и персонализированные программы наставничества школы "
              "составлены на текущий или прошлый учебный год (учебный год — с сентября по август).")
    what_to_do = ("Утвердите дорожную карту и персонализированные программы наставничества на текущий "
                  "учебный год (укажите его в названии: «на 2026/2027 учебный год») и замените на сайте "
                  "устаревшие документы.")
    basis = ("Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества "
             "педагогических работников (письмо Минпросвещения России № АЗ-1128/08 от 21.12.2021): "
             "дорожная карта и программы утверждаются на учебный год")

    def judge(self, evidence: SchoolEvidence) -> Finding:
        now = academic_years.current(evidence)
        accepted = f"{academic_years.label(now)} или {academic_years.label(now - 1)}"
        fresh: list[tuple[ClassifiedDocument, str]] = []
        stale: list[tuple[str, ClassifiedDocument, int | None, str]] = []
        for doc_type, kind_ru in KINDS:
            docs = [d for d in evidence.documents if _counts(d, doc_type)]
            if not docs:
                continue
            dated = [(d, *academic_years.of_document(d)) for d in docs]
            current_docs = [(d, how) for d, year, how in dated if year is not None and year >= now - 1]
            if current_docs:
                fresh.append(max(current_docs, key=lambda item: (item[0].confidence, item[0].source == "file")))
                continue
            # The newest dated document is the one to show; an undated one only when none is dated.
            doc, year, how = max(dated, key=lambda item: (item[1] is not None, item[1] or 0, item[0].confidence))
            stale.append((kind_ru, doc, year, how))
        if not fresh and not stale:
            url, text = looked_at(evidence)
            return Finding(self.id, FAIL, url, text, "",
                           "Не найдены ни дорожная карта, ни персонализированные программы наставничества "
                           f"школы: нечем подтвердить работу системы наставничества в {accepted} учебном году.")
        if stale:
            kind_ru, doc, year, how = stale[0]
            if year is None:
                reason = (f"{kind_ru.capitalize()} «{doc.name}»: не указан учебный год и не определена "
                          "дата утверждения; проверьте актуальность вручную.")
                text = doc.quote()
            else:
                reason = (f"{kind_ru.capitalize()} «{doc.name}» относится к {academic_years.label(year)} "
                          f"учебному году ({how}); на {accepted} учебный год документ не найден.")
                text = f"{doc.name} — {how}"
            others = [k for k, *_ in stale[1:]]
            if others:
                reason += " Также устарели: " + ", ".join(others) + "."
            return Finding(self.id, WARN, doc.url, text, doc.fetched_at, reason)
        doc, how = fresh[0]
        names = "; ".join(f"{d.name} ({h})" for d, h in fresh)
        return Finding(self.id, PASS, doc.url, f"{doc.name} — {how}", doc.fetched_at,
                       f"Документы актуальны: {names}.")


RULE = DocumentFreshnessRule()
