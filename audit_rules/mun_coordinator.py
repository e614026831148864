"""mun.coordinator: the authority names its municipal coordinator (curator) of teacher mentoring.

Verdicts:

* pass — a person is named as municipal coordinator or curator of mentoring, in one of the
  authority's own mentoring documents (an order, the plan, the regulation) or on its pages;
* warn — the documents or pages provide for the role («назначает муниципального координатора»)
  but name nobody: the appointment may exist on paper only; a person checks;
* fail — the coordinator is not mentioned at all;
* error — the site could not be loaded.
"""

from __future__ import annotations

from audit_rules.base import FAIL, MUNICIPALITY, PASS, WARN, Finding, Rule, SchoolEvidence, looked_at
from audit_rules.municipal import coordinator_mentions, page_text

# A school's order names the school's curator; a region's order, regional staff.
SOURCE_ISSUERS = ("municipal", "unknown")


class MunicipalCoordinatorRule(Rule):
    id = "mun.coordinator"
    title = "Муниципальный координатор системы наставничества назначен"
    checks = ("В документах или на страницах сайта органа управления образованием назван (по фамилии) "
              "муниципальный координатор (куратор) системы наставничества педагогических работников.")
    what_to_do = ("Назначьте приказом муниципального координатора системы наставничества педагогических "
                  "работников и укажите на странице «Наставничество» его фамилию, имя, отчество и контакты.")
    basis = ("Методические рекомендации (письмо № АЗ-1128/08/657 от 21.12.2021); региональное положение о "
             "системе наставничества педагогических работников (муниципальный координатор)")
    applies_to = frozenset({MUNICIPALITY})

    def judge(self, evidence: SchoolEvidence) -> Finding:
        unnamed: list[tuple[str, str, str]] = []
        for doc in evidence.documents:
            if not doc.about_mentoring or doc.issuer not in SOURCE_ISSUERS or doc.source != "file":
                continue
            named, roles = coordinator_mentions(evidence.read_text(doc.sha256), mentoring_context=True)
            if named:
                person, quote = named[0]
                return Finding(self.id, PASS, doc.url, quote, doc.fetched_at,
                               # the name in quotes, as the document declines it («назначить Степанову Л. В.»)
                               f"Муниципальный координатор назван в документе «{doc.name}»: «{person}» (так в тексте).")
            unnamed += [(doc.url, q, doc.fetched_at) for q in roles]
        for page in evidence.pages:
            about = page.get("role") in ("mentoring", "mentoring_document")
            named, roles = coordinator_mentions(page_text(evidence, page), mentoring_context=about)
            if named:
                person, quote = named[0]
                return Finding(self.id, PASS, page["url"], quote, page.get("fetched_at", ""),
                               f"Муниципальный координатор назван на странице сайта: «{person}» (так в тексте).")
            unnamed += [(page["url"], q, page.get("fetched_at", "")) for q in roles]
        if unnamed:
            url, quote, fetched = unnamed[0]
            return Finding(self.id, WARN, url, quote, fetched,
                           "Роль муниципального координатора (куратора) наставничества упоминается, но сам "
                           "координатор не назван: приказ о назначении не найден.")
        url, text = looked_at(evidence)
        return Finding(self.id, FAIL, url, text, "",
                       "Муниципальный координатор системы наставничества не назван ни в документах, ни на "
                       "страницах сайта.")


RULE = MunicipalCoordinatorRule()
