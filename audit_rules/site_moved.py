"""site.moved: the registry address still leads to the school's site, not to a new host."""

from __future__ import annotations

from audit_rules.base import BOTH_KINDS, PASS, WARN, Finding, Rule, SchoolEvidence
from eduaudit.sitefacts.links import host_of


class SiteMovedRule(Rule):
    id = "site.moved"
    title = "Адрес сайта в реестре актуален"
    checks = ("Адрес сайта из реестра открывает сайт школы без переадресации на другой домен "
              "(например, после переезда на платформу Госвеб).")
    what_to_do = "Обновите адрес сайта в реестре: укажите новый адрес, на который ведёт переадресация."
    basis = "Ведение реестра сайтов образовательных организаций региональным оператором"
    applies_to = BOTH_KINDS

    def judge(self, evidence: SchoolEvidence) -> Finding:
        site = evidence.site or {}
        start, final = site.get("start_url") or evidence.school.get("url", ""), site.get("final_url", "")
        if final and host_of(final, drop_www=True) != host_of(start, drop_www=True):
            return Finding(self.id, WARN, final, f"{start} → {final}", site.get("fetched_at", ""),
                           f"Сайт переехал: адрес из реестра переадресует на {final}. Обновите реестр.")
        return Finding(self.id, PASS, final or start, "переадресации на другой домен нет",
                       site.get("fetched_at", ""), "Адрес в реестре актуален.")


RULE = SiteMovedRule()
