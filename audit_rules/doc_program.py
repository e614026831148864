"""doc.program: at least one personalised mentoring programme for staff."""

from audit_rules.base import MentoringDocumentRule


class PersonalProgramRule(MentoringDocumentRule):
    id = "doc.program"
    title = "Персонализированная программа наставничества"
    checks = "На сайте размещена хотя бы одна персонализированная программа наставничества педагогического работника."
    what_to_do = ("Разработайте персонализированные программы наставничества для закреплённых пар "
                  "и разместите их (или их перечень) на сайте.")
    basis = "Методические рекомендации (письмо № АЗ-1128/08/657 от 21.12.2021)"
    doc_type = "program"
    missing_text = "Персонализированная программа наставничества педагогических работников не найдена."


RULE = PersonalProgramRule()
