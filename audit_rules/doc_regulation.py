"""doc.regulation: the school's regulation on the mentoring system for pedagogical staff."""

from __future__ import annotations

from audit_rules.base import (OWN_ISSUERS, WARN, Finding, MentoringDocumentRule, SchoolEvidence,
                              best)


class MentoringRegulationRule(MentoringDocumentRule):
    id = "doc.regulation"
    title = "Положение о системе наставничества педагогических работников"
    checks = ("На сайте размещено положение школы о системе наставничества педагогических работников "
              "(или положение о наставничестве, охватывающее и педагогов, и обучающихся).")
    what_to_do = ("Разработайте и утвердите положение о системе наставничества педагогических работников "
                  "и разместите его на сайте (раздел «Документы» или страница «Наставничество»).")
    basis = ("Распоряжение Правительства РФ № 3273-р от 31.12.2019; письмо Минпросвещения России и "
             "Профсоюза № АЗ-1128/08/657 от 21.12.2021")
    doc_type = "regulation"
    missing_text = "Положение о системе наставничества педагогических работников не найдено."

    def judge(self, evidence: SchoolEvidence) -> Finding:
        finding = super().judge(evidence)
        if finding.status != "fail":
            return finding
        regulations = [d for d in evidence.documents if d.is_type("regulation") and d.about_mentoring
                       and d.issuer in OWN_ISSUERS]
        students = [d for d in regulations if d.audience == "students"]
        unclear = [d for d in regulations if d.audience == "unknown"]
        if unclear:
            doc = best(unclear)
            return Finding(self.id, WARN, doc.url, doc.quote(), doc.fetched_at,
                           "Найдено положение о наставничестве, но не удалось определить, что оно "
                           "относится к педагогическим работникам; нужна проверка специалиста.")
        if students:
            doc = best(students)
            return Finding(self.id, WARN, doc.url, doc.quote(), doc.fetched_at,
                           "Найдено только положение о наставничестве обучающихся (целевая модель, "
                           "распоряжение Минпросвещения Р-145); положение о системе наставничества "
                           "педагогических работников не найдено.")
        return finding


RULE = MentoringRegulationRule()
