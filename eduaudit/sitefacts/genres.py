"""The words that open the title of a document, by genre: the one list of document genres.

A heading or a link that starts with one of them names a document rather than a section of
a site («Положение о наставничестве», «План мероприятий…», «Приказ № 45»). The crawler reads
link texts and page headings with it (``crawler.navigation``); the classifier's own heading
patterns (``audit_rules.lexicon.HEAD_PATTERNS``) are finer (what may stand before the genre
word, where it must end) and are checked against this list by the tests, so the two cannot
drift apart.
"""

from __future__ import annotations

import re

# Stems, lower case; "other" are documents of no mentoring genre that still are documents.
DOCUMENT_GENRES: dict[str, tuple[str, ...]] = {
    "order": ("приказ", "распоряжени", "постановлени"),
    "regulation": ("положени",),
    "plan": ("дорожн", "план"),
    "program": ("программ", "персонализированн", "индивидуальн"),
    "other": ("порядок", "отчет", "мониторинг", "анализ", "аналитическ", "справк", "протокол", "договор",
              "соглашени", "методические рекомендации", "памятк", "анкет", "форма"),
}

# A title that starts with a genre word, after an optional item number («3. Положение…»).
DOCUMENT_TITLE_RE = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:" + "|".join(stem for stems in DOCUMENT_GENRES.values() for stem in stems) + ")")
