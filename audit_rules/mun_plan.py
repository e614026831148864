"""mun.plan: the municipal plan (road map) for the teacher-mentoring system, on the authority's site."""

from audit_rules import academic_years
from audit_rules.base import ClassifiedDocument
from audit_rules.municipal import MunicipalDocumentRule


class MunicipalPlanRule(MunicipalDocumentRule):
    id = "mun.plan"
    title = "Муниципальный план (дорожная карта) по внедрению системы наставничества"
    checks = ("На сайте органа управления образованием размещён утверждённый им план мероприятий (дорожная "
              "карта) по реализации системы наставничества педагогических работников в образовательных "
              "организациях муниципалитета.")
    what_to_do = ("Утвердите муниципальный план мероприятий (дорожную карту) по реализации системы наставничества "
                  "педагогических работников на учебный год и разместите его на сайте органа управления "
                  "образованием.")
    basis = ("Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества "
             "педагогических работников (письмо № АЗ-1128/08/657 от 21.12.2021); региональное положение о "
             "системе наставничества педагогических работников (муниципальные дорожные карты)")
    doc_type = "roadmap"
    name_ru = "муниципальный план (дорожная карта)"

    def describe(self, doc: ClassifiedDocument) -> str:
        # The year is reported, not judged: whether an older municipal plan still runs is the
        # operator's call, and a verdict must not change with the date the rules run on.
        year, how = academic_years.of_document(doc)
        return f" ({how})" if year is not None else " (учебный год не указан)"


RULE = MunicipalPlanRule()
