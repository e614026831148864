"""doc.roadmap: the school's own road map (plan of measures) for teacher mentoring."""

from audit_rules.base import MentoringDocumentRule


class MentoringRoadmapRule(MentoringDocumentRule):
    id = "doc.roadmap"
    title = "Дорожная карта (план мероприятий) по реализации системы наставничества"
    checks = ("На сайте размещена дорожная карта (план мероприятий) школы по реализации положения о "
              "системе наставничества педагогических работников; муниципальный план не засчитывается.")
    what_to_do = ("Утвердите дорожную карту (план мероприятий) по реализации положения о системе "
                  "наставничества педагогических работников на текущий учебный год и разместите её на сайте.")
    basis = "Методические рекомендации (письмо № АЗ-1128/08/657 от 21.12.2021)"
    doc_type = "roadmap"
    missing_text = "Дорожная карта (план мероприятий) школы по наставничеству не найдена."


RULE = MentoringRoadmapRule()
