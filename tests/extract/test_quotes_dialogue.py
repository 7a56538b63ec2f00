"""Quotes and speakers in exchanges, role words and unnamed speakers: hand-made French
sentences, one reading rule per test (blank spaCy pipeline, no gazetteer)."""

from __future__ import annotations

import spacy

from recoupe.extract import quotes
from recoupe.extract.context import ArticleContext
from recoupe.extract.packs import load_pack
from recoupe.records import Article, article_id

_NLP = spacy.blank("fr")
_PACK = load_pack("fr")


def run(text: str):
    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=_NLP(text), gazetteer=None, pack=_PACK)
    return quotes.extract(ctx)


def speakers(text: str) -> dict[str, str | None]:
    return {c.value: c.attrs["speaker_name"] for c in run(text)}


def test_quotes_dialogue_pronoun_goes_to_the_person_of_its_gender():
    text = ("La députée Fatou Diallo a interpellé le ministre des Transports, Paul Kaboré, sur "
            "l'état des routes. « Quand les travaux commenceront-ils enfin ? » a-t-elle demandé. "
            "« Avant la saison des pluies, sans faute », lui a répondu M. Kaboré.")
    got = speakers(text)
    assert got["Quand les travaux commenceront-ils enfin ?"] == "Fatou Diallo"
    assert got["Avant la saison des pluies, sans faute"] == "Paul Kaboré"


def test_quotes_honorific_gives_the_gender_of_a_name_seen_elsewhere():
    text = ("Awa Sanou et Issa Konaté ont débattu hier soir. Mme Sanou a ouvert le débat. "
            "« Les écoles rurales manquent de tout depuis trois ans », a-t-elle lancé.")
    assert speakers(text)["Les écoles rurales manquent de tout depuis trois ans"] == "Awa Sanou"


def test_quotes_compound_incise_inside_the_marks_cuts_the_quote_in_two():
    text = ("Le syndicaliste Ousmane Bah a longtemps hésité. « Nous ne reprendrons pas le travail, "
            "a-t-il fini par lâcher, tant que les salaires ne seront pas versés. »")
    claims = run(text)
    assert [c.value for c in claims] == ["Nous ne reprendrons pas le travail",
                                         "tant que les salaires ne seront pas versés."]
    assert {c.attrs["speaker_name"] for c in claims} == {"Ousmane Bah"}


def test_quotes_a_place_after_de_is_never_a_speaker():
    text = ("La chanteuse Awa Traoré a descendu le Niger de Tombouctou à Mopti pour son album. "
            "« Chaque village m'a donné une chanson nouvelle », raconte-t-elle.")
    assert speakers(text)["Chaque village m'a donné une chanson nouvelle"] == "Awa Traoré"


def test_quotes_a_role_word_synonym_finds_the_person_it_was_first_given_with():
    text = ("« Nous avons manqué de rigueur », a regretté l'entraîneur Karim Ouédraogo. "
            "Pour le capitaine Ali Sanou, l'équipe a surtout manqué de chance en fin de match. "
            "Le technicien a reconnu que la défense avait commis trop d'erreurs.")
    assert speakers(text)["la défense avait commis trop d'erreurs"] == "Karim Ouédraogo"


def test_quotes_role_subject_of_a_sentence_speaks_its_quote_without_speech_verb():
    text = ("Le ministre de la Santé, Paul Kaboré, a présenté la réforme. Pour la députée Awa "
            "Sanou, ce texte « oublie les hôpitaux de district ». "
            "Le ministre a défendu une réforme « nécessaire pour sauver nos hôpitaux publics ».")
    assert speakers(text)["nécessaire pour sauver nos hôpitaux publics"] == "Paul Kaboré"


def test_quotes_subject_after_a_fronted_complement_is_the_speaker():
    text = ("Dans un communiqué diffusé lundi, la Coordination des producteurs de coton « exige "
            "le paiement des arriérés de la dernière campagne ».")
    assert speakers(text)["exige le paiement des arriérés de la dernière campagne"] == \
        "Coordination des producteurs de coton"


def test_quotes_the_only_person_named_is_the_role_that_follows():
    text = ("Aïcha Camara : « Écrire, c'est tenir la mémoire debout »\n\n"
            "L'écrivaine guinéenne publie son troisième roman.\n\n"
            "Elle parle lentement. « Mon grand-père racontait les mêmes histoires chaque soir. »")
    assert speakers(text)["Mon grand-père racontait les mêmes histoires chaque soir."] == "Aïcha Camara"


def test_quotes_a_name_after_dite_is_not_a_quote():
    text = "Les villages de la zone dite « des trois rivières du grand nord » sont désertés."
    assert run(text) == []
