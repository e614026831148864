"""doc.signed: the school's mentoring regulation and orders show evidence of a signature.

Evidence is what extraction stored: a signed signature field inside a PDF, a detached
signature file beside the document, or the visible stamp of an electronic signature.
Verdicts:

* pass — every regulation and order of the school on mentoring carries such evidence;
* warn — some or all of them carry none (a scan of a paper signature is not recognised,
  so a person decides);
* fail — the school published no mentoring regulation or order to look at;
* error — the site could not be loaded.
"""

from __future__ import annotations

from audit_rules.base import (FAIL, OWN_ISSUERS, PASS, WARN, ClassifiedDocument, Finding, Rule,
                              SchoolEvidence, looked_at)

SIGNATURE_RU = {"pdf-signature": "электронная подпись в PDF", "detached": "файл открепленной подписи",
                "stamp": "отметка об электронной подписи"}


def _counts(doc: ClassifiedDocument) -> bool:
    return ((doc.is_type("regulation") or doc.is_type("order")) and doc.about_mentoring
            and doc.issuer in OWN_ISSUERS and doc.audience != "students")


class DocumentSignedRule(Rule):
    id = "doc.signed"
    title = "Положение и приказы о наставничестве подписаны"
    checks = ("На положении и приказах школы о наставничестве есть признаки подписи: электронная подпись "
              "в файле, файл открепленной подписи или отметка об электронной подписи.")
    what_to_do = ("Разместите положение и приказы о наставничестве, подписанные электронной подписью "
                  "руководителя (или с файлом открепленной подписи).")
    basis = ("Приказ Рособрнадзора № 1493 от 04.08.2023 (документы размещаются подписанными простой или "
             "усиленной квалифицированной электронной подписью)")

    def judge(self, evidence: SchoolEvidence) -> Finding:
        docs = [d for d in evidence.documents if _counts(d)]
        if not docs:
            url, text = looked_at(evidence)
            return Finding(self.id, FAIL, url, text, "",
                           "Положение и приказы школы о наставничестве не найдены; подпись проверить не на чем.")
        signed = [d for d in docs if d.signature]
        unsigned = [d for d in docs if not d.signature]
        if unsigned:
            doc = unsigned[0]
            detail = (f"Нет признаков подписи у документов ({len(unsigned)} из {len(docs)}): "
                      + "; ".join(d.name for d in unsigned) + ".")
            return Finding(self.id, WARN, doc.url, f"{doc.name} — признаков подписи нет", doc.fetched_at,
                           detail)
        doc = signed[0]
        proof = SIGNATURE_RU.get(doc.signature, doc.signature)
        if doc.signature_evidence:
            proof += ": " + "; ".join(doc.signature_evidence[:3])
        return Finding(self.id, PASS, doc.url, f"{doc.name} — {proof}", doc.fetched_at,
                       f"Все документы ({len(docs)}) подписаны.")


RULE = DocumentSignedRule()
