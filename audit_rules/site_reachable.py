"""site.reachable: the school's home page answered, and the robot could read the site."""

from audit_rules.base import BOTH_KINDS, ERROR, FAIL, PASS, WARN, Finding, Rule, SchoolEvidence
from eduaudit.sitefacts.reasons import is_unauditable, link_trap


class SiteReachableRule(Rule):
    id = "site.reachable"
    title = "Сайт доступен"
    checks = "Главная страница сайта из реестра открывается (с учётом переадресации)."
    what_to_do = ("Проверьте, что сайт работает и открывается по адресу из реестра; "
                  "если адрес сменился, сообщите новый адрес оператору.")
    basis = "Постановление Правительства РФ № 1802 от 20.10.2021"
    needs_site = False
    applies_to = BOTH_KINDS

    def judge(self, evidence: SchoolEvidence) -> Finding:
        site = evidence.site or {}
        reason = site.get("error") or ""
        if evidence.reachable:
            url, when = site.get("final_url", ""), site.get("fetched_at", "")
            # A problem of a site that still works (an expired certificate, an
            # endless calendar that ate the page budget) is worth a look, not a failure.
            # A long but finite news archive is no trap: only a crawl cut short by the
            # page budget or the depth limit is judged by the shape of its pages.
            warning = reason or (site.get("crawl_cut_short") and
                                 link_trap([p.get("url", "") for p in evidence.pages]))
            if warning:
                return Finding(self.id, WARN, url, warning, when, "Сайт открывается, но: " + warning)
            return Finding(self.id, PASS, url, f"HTTP {site.get('http_status')}", when, "Сайт открывается.")
        reason = reason or "сайт не был загружен"
        where = site.get("start_url") or evidence.school.get("url", "")
        if is_unauditable(reason):
            # The site may work for people; the robot could not read it.
            return Finding(self.id, ERROR, where, reason, site.get("fetched_at", ""),
                           "Не удалось проверить: " + reason)
        return Finding(self.id, FAIL, where, reason, site.get("fetched_at", ""), "Сайт недоступен: " + reason)


RULE = SiteReachableRule()
