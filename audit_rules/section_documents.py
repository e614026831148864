"""section.documents: the «Документы» subsection of «Сведения об образовательной организации»."""

from __future__ import annotations

from parsel import Selector

from audit_rules.base import FAIL, PASS, Finding, Rule, SchoolEvidence, looked_at
from eduaudit.sitefacts.links import extract_links


class DocumentsSectionRule(Rule):
    id = "section.documents"
    title = "Подраздел «Документы» в разделе «Сведения об образовательной организации»"
    checks = ("На сайте есть специальный раздел «Сведения об образовательной организации» "
              "с подразделом «Документы».")
    what_to_do = ("Создайте в разделе «Сведения об образовательной организации» подраздел "
                  "«Документы» (рекомендуемый адрес /sveden/document) и разместите в нём документы.")
    basis = "Приказ Рособрнадзора № 1493 от 04.08.2023, п. 6, 9"

    def judge(self, evidence: SchoolEvidence) -> Finding:
        pages = evidence.pages_with_role("documents")
        if not pages:
            pages = self._listed_in_sveden(evidence)
        if pages:
            page = pages[0]
            return Finding(self.id, PASS, page["url"], page.get("heading") or page.get("title", ""),
                           page.get("fetched_at", ""), "Подраздел «Документы» найден.")
        url, text = looked_at(evidence)
        return Finding(self.id, FAIL, url, text, "",
                       "Подраздел «Документы» в разделе «Сведения об образовательной организации» не найден.")

    @staticmethod
    def _listed_in_sveden(evidence: SchoolEvidence) -> list[dict]:
        # A «Документы» page whose URL says nothing of «Сведения…» is still the
        # subsection when the «Сведения…» page links to it.
        candidates = {p["url"]: p for p in evidence.pages_with_role("document_list")}
        if not candidates:
            return []
        for sveden in evidence.pages_with_role("sveden"):
            html = evidence.read_blob(sveden["sha256"]).decode("utf-8", "replace")
            for link in extract_links(Selector(text=html), sveden["url"]):
                if link.url in candidates:
                    return [candidates[link.url]]
        return []


RULE = DocumentsSectionRule()
