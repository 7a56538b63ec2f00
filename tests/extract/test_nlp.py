"""The spaCy pipeline: gazetteer ruler and the fixer of the French model's known mistakes."""

from __future__ import annotations

import pytest

from recoupe.extract.nlp import FIXER

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(resources):
    return resources.nlps["fr"]


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_nlp_pipeline_has_ruler_before_ner_and_fixer_last(nlp):
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner") and names[-1] == FIXER
    assert "parser" in names and "morphologizer" in names  # timex and quotes need them


@pytest.mark.parametrize("text,name", [
    ("Selon SEM Abdoulaye DIOP, la coopération progresse.", "Abdoulaye DIOP"),
    ("Le Capitaine Ibrahim TRAORE a reçu la délégation.", "Ibrahim TRAORE"),
    ("Le Général d’Armée Assimi GOITA a salué les efforts.", "Assimi GOITA"),
    ("Hier, SEM Moussa KONATE a rencontré ses homologues.", "Moussa KONATE"),
    ("Le Colonel-major Ousmane DEMBELE a inspecté les troupes.", "Ousmane DEMBELE"),
])
def test_nlp_title_then_caps_name_is_a_person(nlp, text, name):
    ents = _ents(nlp, text)
    assert (name, "PER") in ents
    assert not any(label in ("ORG", "LOC") and name in t for t, label in ents)


def test_nlp_title_alone_is_not_an_entity(nlp):
    texts = [t for t, _ in _ents(nlp, "Leurs Excellences Vladimir POUTINE et SEM Sergueï LAVROV.")]
    assert "Excellences" not in texts and "SEM" not in texts
    assert "Vladimir POUTINE" in texts and "Sergueï LAVROV" in texts


def test_nlp_entity_does_not_cross_a_line_break(nlp):
    doc = nlp("La visite a eu lieu à Bamako\nConfédération des États du Sahel et Russie")
    assert all("\n" not in e.text for e in doc.ents)


def test_nlp_elision_and_line_start_words_are_not_entities(nlp):
    doc = nlp("Suivez-nous sur Facebook pour ne rien rater.\nLaisser un commentaire\n"
              "Principal objectif de cette rencontre, renforcer la coopération avec le Mali.\n"
              "Il a dit qu’ il s’agira de travailler.")
    texts = [e.text for e in doc.ents]
    for junk in ("Suivez", "Suivez-nous", "Laisser", "Principal", "qu’", "qu’ il"):
        assert junk not in texts
    assert "Mali" in texts


def test_nlp_ruler_gives_gazetteer_ids(nlp):
    doc = nlp("La Confédération des Etats du Sahel et la Fédération de Russie se sont réunies à Moscou.")
    ids = {e.text: e.ent_id_ for e in doc.ents}
    assert ids["Confédération des Etats du Sahel"] == "org:aes"
    assert ids["Fédération de Russie"] == "state:RU"
    assert ids["Moscou"] == "place:524901"


def test_nlp_acronym_aliases_need_their_case(nlp):
    doc = nlp("Il a parlé à un ami au marché, puis au siège de l'UA.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("UA", "org:african-union")]


def test_nlp_country_name_in_lower_case_is_not_a_state(nlp):
    doc = nlp("Le fromage suisse et la Suisse.")
    assert [e.text for e in doc.ents if e.ent_id_ == "state:CH"] == ["Suisse"]


def test_nlp_lower_case_common_noun_is_not_a_place(nlp):
    doc = nlp("La réunion s'est tenue hier, loin de la Réunion.")
    found = [e for e in doc.ents if e.ent_id_ == "state:RE"]
    assert len(found) == 1 and found[0].text.endswith("Réunion") and found[0].start_char > 20


def test_nlp_hyphenated_surname_stays_whole(nlp):
    ents = _ents(nlp, "La ministre Kadiatou Sangaré-Diallo a présidé la cérémonie.")
    assert ("Kadiatou Sangaré-Diallo", "PER") in ents
