"""The classifier's text model: read from its JSON file, explainable, and trained reproducibly from the data."""
from __future__ import annotations

import json

import pytest

from audit_rules.text_model import GENERIC_ABBREVIATIONS, MODEL_PATH, TextModel, features, lemmas
from tests.helpers.scriptkit import load_script



@pytest.fixture(scope="module")
def model() -> TextModel:
    return TextModel.load()


def test_lemmas_fold_ocr_look_alikes_and_word_forms():
    # «наставнuчества» has a Latin «u» inside a Cyrillic word; the lemma is the same as the clean word's.
    assert lemmas("Положение о системе наставнuчества педагогических работников") == \
        ["положение", "система", "наставничество", "педагогический", "работник"]
    assert "р-145" in lemmas("распоряжение № Р-145") and "3273-р" in lemmas("от 31.12.2019 № 3273-р")
    assert "система наставничество" in features("о системе наставничества")


def test_model_file_is_small_and_consistent(model):
    assert MODEL_PATH.stat().st_size < 600_000
    assert set(model.classes) == {"staff_regulation", "students_regulation", "programme", "roadmap",
                                  "order", "other", "external"}
    assert len(model.vocabulary) == len(model.idf) == model.meta["features"]


def test_prediction_names_the_words_that_decided(model):
    p = model.predict("Положение о системе наставничества педагогических работников. Наставник назначается "
                      "приказом директора для молодого специалиста со стажем до трёх лет.")
    assert p.audit_class == "staff_regulation"
    assert abs(sum(p.probabilities.values()) - 1.0) < 1e-9
    assert p.deciding and all(f in p.reason() for f in p.deciding[:3])
    assert p.known_features >= 10


def test_an_unknown_text_has_no_features(model):
    assert model.predict("lorem ipsum dolor").known_features == 0


def test_a_broken_model_file_is_refused(tmp_path):
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["coef"] = data["coef"][:-1]
    with pytest.raises(ValueError, match="disagree"):
        TextModel(data)


def test_the_shipped_model_is_the_one_the_script_trains_from_todays_data(tmp_path, model):
    train = load_script("train_text_model")
    out = tmp_path / "model.json"
    assert train.main(["--out", str(out)]) == 0
    fresh = TextModel.load(out)
    # Same inputs (the corpus, its labels and the real dev half): retrain and commit the model
    # whenever they change.
    assert fresh.meta["inputs_sha256"] == model.meta["inputs_sha256"]
    assert fresh.classes == model.classes
    shared = set(fresh.vocabulary) & set(model.vocabulary)
    assert len(shared) >= 0.99 * len(model.vocabulary)
    acc = load_script("classifier_accuracy")
    for text, _, _ in train.real_examples(acc.DEFAULT_REAL)[:30]:
        assert fresh.predict(text).audit_class == model.predict(text).audit_class


def test_no_feature_names_a_person_or_a_place(model):
    assert lemmas("Директор Иванова Мария Петровна, г. Смоленск, Российская Федерация") == \
        ["директор", "российский", "федерация"]
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    for feature in model.vocabulary:
        for word in feature.split():
            tag = morph.parse(word)[0].tag
            assert not ({"Name", "Surn", "Patr"} & tag.grammemes), feature
            if word.isalpha() and "а" <= word[0] <= "я" and not morph.word_is_known(word):
                # unknown to the dictionary: a kind of institution, never a place's adjective
                assert len(word) > 5 or word in GENERIC_ABBREVIATIONS, feature
                assert not word.endswith(("ский", "цкий")), feature
    assert lemmas("МБОУ «Михновская СШ», ГБОУ «ЕШИ № 6»") == ["мбоу", "сш", "гбоу"]
