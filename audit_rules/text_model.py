"""The statistical half of the classifier: a linear model over lemmas of the text.

The rules in :mod:`audit_rules.classifier` read a document's structure (heading, approval block,
letterhead); they are sure when the structure is there and blind when it is not: an excerpt
that starts mid-document, a flattened PDF text layer, an OCR'd scan. The model reads only which
words occur, so it is the second opinion for exactly those texts.

Features are lemmas (``pymorphy3``) and pairs of adjacent lemmas, weighted by tf-idf; the model
is a multinomial logistic regression trained by ``scripts/train_text_model.py`` on real and
synthetic texts and stored as JSON (vocabulary, idf, one weight per class and feature): small,
diffable, and read without scikit-learn. Each prediction carries the features that pushed it
most, so ``classify`` and ``explain`` can say why.
"""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from audit_rules.morphology import analyzer
from audit_rules.text_features import clean_text

MODEL_PATH = Path(__file__).resolve().parent / "models" / "audit_text_model.json"

# The audit classes the model predicts (scripts/classifier_accuracy.py AUDIT_CLASSES).
AUDIT_CLASSES = ("staff_regulation", "students_regulation", "programme", "roadmap", "order", "other",
                 "external")

# Words, and the legal-act numbers that tell the two mentoring models apart («Р-145», «3273-р»,
# «АЗ-1128/08», «МР-42/02»): a number glued to letters by a hyphen or slash is one token.
_TOKEN_RE = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z0-9]+)*|\d+(?:-[а-яё]+)+|[а-яёa-z]+-?\d+(?:/\d+)*")
_CYRILLIC_WORD_RE = re.compile(r"^[а-яё]+$")
# Words too common in every class to carry a vote; kept short on purpose (the idf does the rest).
_STOP = frozenset("и в во на с со к по о об от до за из у для не а но или же ли то как что это".split())


# People's names and place names are never features: a model must not learn a school, a person
# or a town (the real texts it learns from come from a few dozen of them). The country stays.
# Words the dictionary does not know are mostly the same: a village's adjective («михновский»), a
# school's own abbreviation; of those only the kinds of institution and the usual abbreviations stay.
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox"})
_COUNTRY = frozenset({"россия", "рф"})
GENERIC_ABBREVIATIONS = frozenset(
    "мбоу маоу мкоу моу гбоу огбоу гау мку мадоу мбдоу мкдоу мдоу доу доо дпо оо оу оош сош сш нош обу овз огрн инн "
    "увр вр фгос фоп цнппм всоко гис ддт цдо шмо".split())


@functools.lru_cache(maxsize=300_000)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word ("" for a name); the word itself when it is not a plain Cyrillic word."""
    if not _CYRILLIC_WORD_RE.match(word):
        return word
    morph = analyzer()
    if len(word) < 3:
        return word if word in GENERIC_ABBREVIATIONS or morph.word_is_known(word) else ""
    parsed = morph.parse(word)[0]
    form = parsed.normal_form.replace("ё", "е")
    if _PROPER & parsed.tag.grammemes and form not in _COUNTRY:
        return ""
    if not morph.word_is_known(word):
        if len(word) <= 5 and word not in GENERIC_ABBREVIATIONS:
            return ""       # a particular school's abbreviation, or an OCR splinter
        if form.endswith(("ский", "цкий")):
            return ""       # an adjective made of a place's name
    return form


def lemmas(text: str, *, cleaned: bool = False) -> list[str]:
    """The text's words as lemmas, after the shared normalisation (look-alike letters, hyphenation).

    `cleaned`: the text has been through `clean_text` already (the classifier's prepared text).
    """
    low = (text if cleaned else clean_text(text)).lower().replace("ё", "е")
    out = (lemma(w) for w in _TOKEN_RE.findall(low) if w not in _STOP and len(w) > 1)
    return [w for w in out if w]


def features(text: str, *, cleaned: bool = False) -> list[str]:
    """Lemmas and pairs of adjacent lemmas: the model's features, in text order."""
    words = lemmas(text, cleaned=cleaned)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class Prediction:
    audit_class: str
    probability: float
    probabilities: dict[str, float]
    deciding: list[str]         # the features that pushed most towards the predicted class
    known_features: int         # how many distinct features of the text the model knows

    def reason(self) -> str:
        shown = ", ".join(f"«{f}»" for f in self.deciding[:5])
        return f"модель по словам текста: {self.probability:.2f}" + (f" (решили: {shown})" if shown else "")


class TextModel:
    """A trained linear model read from its JSON file."""

    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.vocabulary: dict[str, int] = data["vocabulary"]
        self.idf: list[float] = data["idf"]
        self.coef: list[list[float]] = data["coef"]
        self.intercept: list[float] = data["intercept"]
        self.meta: dict = data.get("meta", {})
        if not (len(self.coef) == len(self.intercept) == len(self.classes)):
            raise ValueError("model file: classes, weights and intercepts disagree")
        if any(len(row) != len(self.idf) for row in self.coef):
            raise ValueError("model file: a weight row does not match the vocabulary")

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "TextModel":
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    def vector(self, text: str, *, cleaned: bool = False) -> dict[int, float]:
        """Sparse tf-idf vector (sublinear tf, l2-normalised), as scikit-learn's TfidfVectorizer makes it."""
        counts: dict[int, int] = {}
        for feat in features(text, cleaned=cleaned):
            j = self.vocabulary.get(feat)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        weights = {j: (1.0 + math.log(n)) * self.idf[j] for j, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {j: w / norm for j, w in weights.items()} if norm else {}

    def predict(self, text: str, top: int = 6, *, cleaned: bool = False) -> Prediction:
        x = self.vector(text, cleaned=cleaned)
        scores = [b + sum(row[j] * v for j, v in x.items()) for row, b in zip(self.coef, self.intercept)]
        peak = max(scores)
        exps = [math.exp(s - peak) for s in scores]
        total = sum(exps)
        probs = {c: e / total for c, e in zip(self.classes, exps)}
        best = max(range(len(self.classes)), key=lambda k: scores[k])
        inverse = self._inverse()
        pushes = sorted(((self.coef[best][j] * v, j) for j, v in x.items()), reverse=True)
        deciding = [inverse[j] for push, j in pushes[:top] if push > 0]
        return Prediction(self.classes[best], probs[self.classes[best]], probs, deciding, len(x))

    @functools.cache
    def _inverse(self) -> dict[int, str]:
        return {j: f for f, j in self.vocabulary.items()}


@functools.lru_cache(maxsize=1)
def default_model() -> TextModel | None:
    """The model shipped with the package, or None when its file is absent (then the rules decide alone)."""
    return TextModel.load() if MODEL_PATH.exists() else None
