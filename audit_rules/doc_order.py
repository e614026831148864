"""doc.order: a school order on mentoring (approving the regulation, pairs, curator)."""

from audit_rules.base import MentoringDocumentRule


class MentoringOrderRule(MentoringDocumentRule):
    id = "doc.order"
    title = "Приказ школы о наставничестве"
    checks = ("На сайте размещён приказ школы о системе наставничества: об утверждении положения, "
              "о закреплении наставнических пар или о назначении куратора.")
    what_to_do = ("Разместите на сайте приказ об утверждении положения о системе наставничества и приказ "
                  "о закреплении наставнических пар (групп).")
    basis = "Методические рекомендации (письмо № АЗ-1128/08/657 от 21.12.2021)"
    doc_type = "order"
    missing_text = "Приказ школы о наставничестве педагогических работников не найден."


RULE = MentoringOrderRule()
