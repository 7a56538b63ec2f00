"""Commitments: who commits to what, with the actor resolved."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy

from recoupe.extract import commitments
from recoupe.extract.context import ArticleContext
from recoupe.extract.packs import LanguagePack
from recoupe.records import Article, Claim, Entity, Evidence, article_id

RU = Entity("state:RU", "state", "Russia", ("Russie",), country="RU")
ML = Entity("state:ML", "state", "Mali", ("Mali",), country="ML")
AES = Entity("org:aes", "org", "AES", ("AES",))
LAVROV = Entity("person:sergei-lavrov", "person", "Sergei Lavrov", ("Lavrov",), country="RU")


@dataclass
class FakeGazetteer:
    """The two look-ups commitments uses, over four entities."""

    def resolve(self, surface, kinds=None):
        key = surface.lower().replace("’", "'")
        for prefix in ("la ", "le ", "l'"):
            key = key.removeprefix(prefix)
        for e in (RU, ML, AES, LAVROV):
            if key in {a.lower() for a in e.aliases} and (kinds is None or e.kind in kinds):
                return e
        return None

    def demonym(self, word):
        return {"russe": RU, "malienne": ML, "malien": ML}.get(word.lower())

    def get(self, entity_id):
        return {e.id: e for e in (RU, ML, AES, LAVROV)}.get(entity_id)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def _claims(text: str, nlp, actors=()):
    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=nlp(text), gazetteer=FakeGazetteer(),
                         pack=LanguagePack("fr", "fr_core_news_md"))
    for surface, entity in actors:  # actor claims as the actors extractor would give them
        start = text.index(surface)
        ctx.claims.append(Claim("actor", entity.id, Evidence(article.id, start, start + len(surface), surface, "t"),
                                attrs={"name": entity.name, "kind": entity.kind, "surface": surface}))
    return commitments.extract(ctx)


def test_commitments_engage_gives_actor_and_action(blank):
    text = "À l’issue des discussions, la Russie s’est engagée à former et équiper la force conjointe de l’AES dans le cadre de la lutte contre le terrorisme."
    (c,) = _claims(text, blank)
    assert c.value == "former et équiper la force conjointe de l'AES"
    assert c.attrs["actor"] == "state:RU" and c.attrs["actor_text"] == "la Russie"
    assert c.attrs["rule"] == "engage" and c.attrs["planned"] is True
    assert c.evidence.text == "la Russie s’est engagée à former et équiper la force conjointe de l’AES"
    assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    assert c.planned is False


def test_commitments_partie_with_a_demonym_is_the_state(blank):
    (c,) = _claims("A ce titre, la partie russe a exprimé sa disponibilité à apporter l’assistance technique nécessaire.", blank)
    assert (c.value, c.attrs["actor"], c.attrs["rule"]) == ("apporter l'assistance technique nécessaire", "state:RU", "availability")


def test_commitments_les_parties_are_every_party_and_elles_points_back(blank):
    text = ("Les Parties sont convenues du renforcement des capacités opérationnelles de la Force unifiée. "
            "Elles ont également exprimé leur engagement pour intensifier la lutte contre le terrorisme.")
    first, second = _claims(text, blank)
    assert first.value == "renforcement des capacités opérationnelles de la Force unifiée"
    assert first.attrs["actor"] == commitments.PARTIES
    assert second.value == "intensifier la lutte contre le terrorisme"
    assert second.attrs["actor"] == commitments.PARTIES and second.attrs["actor_text"] == "Elles"


@pytest.mark.parametrize("text, action, rule", [
    ("Le Mali est prêt à accueillir le prochain sommet.", "accueillir le prochain sommet", "ready"),
    ("Le Mali promet de livrer du coton.", "livrer du coton", "promise"),
    ("Le Mali a décidé de rouvrir sa frontière.", "rouvrir sa frontière", "decide"),
    ("Le Mali a réitéré son soutien à la transition.", "soutien à la transition", "support"),
    ("Les trois pays s’engagent à mutualiser leurs moyens.", "mutualiser leurs moyens", "engage"),
])
def test_commitments_triggers(blank, text, action, rule):
    (c,) = _claims(text, blank)
    assert (c.value, c.attrs["rule"]) == (action, rule)


def test_commitments_expected_commitment_is_planned(blank):
    (c,) = _claims("Le Mali devrait s’engager à rouvrir sa frontière.", blank)
    assert c.planned is True and c.value == "rouvrir sa frontière"


def test_commitments_actor_comes_from_actor_claims(blank):
    text = "L’Alliance des États du Sahel s’engage à créer une banque."
    (c,) = _claims(text, blank, actors=[("Alliance des États du Sahel", AES)])
    assert c.attrs["actor"] == "org:aes"


def test_commitments_son_pays_is_the_country_of_the_person(blank):
    text = "Selon Sergueï Lavrov, son pays est prêt à contribuer à la Force unifiée."
    (c,) = _claims(text, blank, actors=[("Sergueï Lavrov", LAVROV)])
    assert c.attrs["actor"] == "state:RU" and c.attrs["actor_text"] == "son pays"


def test_commitments_no_trigger_no_claim(blank):
    assert _claims("L’AES souhaite bénéficier d’un soutien russe. Le format se renforcera.", blank) == []


@pytest.mark.slow
def test_commitments_future_tense_of_a_named_actor(resources):
    text = "Il a précisé que la Russie formera et équipera la force conjointe de l’AES dans le cadre de la lutte."
    (c,) = _claims(text, resources.nlps["fr"])
    assert (c.value, c.attrs["actor"], c.attrs["rule"]) == ("former et équiper la force conjointe de l'AES", "state:RU", "future")


@pytest.mark.parametrize("text", [
    "La Russie ne s’est pas engagée à livrer des armes.",
    "Le Mali n’est pas prêt à revenir dans la CEDEAO.",
    "Le Niger s’est engagé dans une guerre contre les groupes armés.",
])
def test_commitments_negations_and_other_senses_are_not_commitments(blank, text):
    assert _claims(text, blank) == []


def test_commitments_owner_of_a_will_commits(blank):
    (c,) = _claims("J’ai réaffirmé la volonté de la Russie d’aider les pays de l’AES.", blank)
    assert (c.value, c.attrs["actor"], c.attrs["actor_text"]) == ("aider les pays de l'AES", "state:RU", "la Russie")
