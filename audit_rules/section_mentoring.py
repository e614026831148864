"""section.mentoring: a page dedicated to mentoring exists on the site."""

from audit_rules.base import BOTH_KINDS, FAIL, PASS, Finding, Rule, SchoolEvidence, looked_at


class MentoringSectionRule(Rule):
    id = "section.mentoring"
    title = "Страница «Наставничество» на сайте"
    checks = "На сайте есть страница (раздел), посвящённая наставничеству."
    what_to_do = ("Создайте страницу «Наставничество» (например, в разделе «Педагогам и сотрудникам») "
                  "и разместите на ней документы системы наставничества педагогических работников.")
    basis = ("Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества "
             "педагогических работников (письмо Минпросвещения России № АЗ-1128/08 от 21.12.2021)")
    # Authorities keep a «Наставничество» page for their schools as well.
    applies_to = BOTH_KINDS

    def judge(self, evidence: SchoolEvidence) -> Finding:
        pages = evidence.pages_with_role("mentoring")
        if pages:
            page = min(pages, key=lambda p: (p.get("depth", 0), len(p["url"])))
            return Finding(self.id, PASS, page["url"], page.get("heading") or page.get("title", ""),
                           page.get("fetched_at", ""), "Страница о наставничестве найдена.")
        url, text = looked_at(evidence)
        return Finding(self.id, FAIL, url, text, "", "Страница о наставничестве не найдена.")


RULE = MentoringSectionRule()
