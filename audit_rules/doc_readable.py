"""doc.readable: the school's mentoring documents carry a text layer.

The federal site requirements ask for documents whose text can be searched and copied.
Verdicts:

* pass — every mentoring document of the school has a text layer (HTML pages always do);
* warn — some are scans: their text was only recovered by OCR of page images;
* fail — a document's text cannot be read at all (a damaged file, or a scan in which
  nothing could be recognised), or no mentoring document of the school was found;
* error — the site could not be loaded.
"""

from __future__ import annotations

from audit_rules.base import (FAIL, OWN_ISSUERS, PASS, WARN, ClassifiedDocument, Finding, Rule,
                              SchoolEvidence, looked_at)

# Extraction outcomes that leave no text to read; "unsupported" is left out: a format we
# cannot parse (a spreadsheet, say) may still be perfectly readable to people.
UNREADABLE = ("failed", "empty")


def is_scan(doc: ClassifiedDocument) -> bool:
    return doc.source == "file" and (doc.ocr_used or doc.extraction_format == "image")


class DocumentReadableRule(Rule):
    id = "doc.readable"
    title = "Документы о наставничестве доступны как текст (не только сканы)"
    checks = ("Документы школы о наставничестве размещены с текстовым слоем: текст можно найти поиском и "
              "скопировать; скан без текстового слоя — замечание.")
    what_to_do = ("Разместите документы в формате с текстовым слоем (PDF, сохранённый из текстового редактора, "
                  "DOCX или ODT); если нужен скан с подписью, добавьте рядом текстовую версию или распознайте "
                  "скан. Замените повреждённые файлы.")
    basis = ("Приказ Рособрнадзора № 1493 от 04.08.2023 (требования к структуре официального сайта и формату "
             "представления информации: документы с возможностью поиска и копирования фрагментов текста)")

    def judge(self, evidence: SchoolEvidence) -> Finding:
        docs = [d for d in evidence.documents if d.about_mentoring and d.issuer in OWN_ISSUERS]
        if not docs:
            url, text = looked_at(evidence)
            return Finding(self.id, FAIL, url, text, "",
                           "Документы школы о наставничестве не найдены; проверять текстовый слой не на чем.")
        broken = [d for d in docs if d.source == "file" and d.extraction_status in UNREADABLE]
        if broken:
            doc = broken[0]
            return Finding(self.id, FAIL, doc.url, f"{doc.name} — текст не читается",
                           doc.fetched_at,
                           f"Текст документа не удалось прочитать (файл повреждён или скан без распознаваемого "
                           f"текста): {', '.join(d.url for d in broken)}.")
        scans = [d for d in docs if is_scan(d)]
        if scans:
            doc = scans[0]
            return Finding(self.id, WARN, doc.url, f"{doc.name} — скан, текст получен распознаванием (OCR)",
                           doc.fetched_at,
                           f"Размещены сканы без текстового слоя ({len(scans)} из {len(docs)}): "
                           + ", ".join(d.url for d in scans) + ".")
        doc = docs[0]
        return Finding(self.id, PASS, doc.url, f"{doc.name} — текстовый слой есть", doc.fetched_at,
                       f"Все документы о наставничестве ({len(docs)}) содержат текстовый слой.")


RULE = DocumentReadableRule()
