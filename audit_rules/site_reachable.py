"""site.reachable: the school's home page answered."""

from audit_rules.base import FAIL, PASS, Finding, Rule, SchoolEvidence


class SiteReachableRule(Rule):
    id = "site.reachable"
    title = "Сайт доступен"
    checks = "Главная страница сайта из реестра открывается (с учётом переадресации)."
    what_to_do = ("Проверьте, что сайт работает и открывается по адресу из реестра; "
                  "если адрес сменился, сообщите новый адрес оператору.")
    basis = "Постановление Правительства РФ № 1802 от 20.10.2021"
    needs_site = False

    def judge(self, evidence: SchoolEvidence) -> Finding:
        site = evidence.site or {}
        if evidence.reachable:
            return Finding(self.id, PASS, site.get("final_url", ""),
                           f"HTTP {site.get('http_status')}", site.get("fetched_at", ""),
                           "Сайт открывается.")
        reason = site.get("error") or "сайт не был загружен"
        return Finding(self.id, FAIL, site.get("start_url") or evidence.school.get("url", ""),
                       reason, site.get("fetched_at", ""), "Сайт недоступен: " + reason)


RULE = SiteReachableRule()
