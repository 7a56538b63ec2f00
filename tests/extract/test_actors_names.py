"""Actors: names the model splits or guesses wrong (hand-made texts)."""

from __future__ import annotations

import pytest

from recoupe.extract import actors
from recoupe.extract.context import ArticleContext
from recoupe.records import Article, article_id

pytestmark = pytest.mark.slow


def _claims(resources, text: str, **meta):
    article = Article(id=article_id(text), path="mem.txt", text=text, language="fr", **meta)
    ctx = ArticleContext(article=article, doc=resources.nlps["fr"](text), gazetteer=resources.gazetteer,
                         pack=resources.packs["fr"])
    return actors.extract(ctx)


def _persons(claims) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in claims:
        if c.attrs["kind"] == "person":
            out.setdefault(c.value, set()).add(c.evidence.text)
    return out


def test_actors_given_names_left_out_by_the_model_join_the_name(resources):
    text = ("La délégation comprenait le Burkinabè Amadou Rasmané KONSEIGA et la Nigérienne "
            "Mariama Issoufou DANDA. M. Konseiga a parlé le premier.")
    ids = set(_persons(_claims(resources, text)))
    assert ids == {"person:amadou-rasmane-konseiga", "person:mariama-issoufou-danda"}


def test_actors_shorter_forms_join_the_longest_name_of_the_article(resources):
    text = ("Le ministre Yacouba Salif Kaboré a reçu son homologue. Plus tard, Salif Kaboré a rappelé "
            "les engagements, et M. Kaboré a conclu.")
    assert set(_persons(_claims(resources, text))) == {"person:yacouba-salif-kabore"}


def test_actors_family_name_written_first_joins_the_full_name(resources):
    text = ("L'ambassadeur, S.E.M. ZHANG Weiming, a signé l'accord. M. Zhang a ajouté que les "
            "travaux commenceront en mai.")
    assert set(_persons(_claims(resources, text))) == {"person:zhang-weiming"}


def test_actors_a_known_place_and_its_inhabitants_are_not_persons(resources):
    text = ("La centrale de Kollo alimentera Niamey. Les Niaméens attendent la fin des coupures, "
            "a déclaré le ministre Issaka Moussa.")
    persons = _persons(_claims(resources, text))
    assert all("Kollo" not in s and "Niaméens" not in s for v in persons.values() for s in v)


def test_actors_a_town_that_is_also_a_surname_stays_a_person(resources):
    text = "Le ministre Issaka DJIBO a signé. Pour Djibo, le projet est prioritaire."
    assert _persons(_claims(resources, text)) == {"person:issaka-djibo": {"Issaka DJIBO", "Djibo"}}


def test_actors_the_outlet_reporting_is_not_an_actor(resources):
    text = ("Les ministres se rendront à Dakar, a appris Sahel Matin de sources diplomatiques.\n\n"
            "Sahel Matin\n\nLe Courrier du Fleuve a publié la liste.")
    values = {c.value for c in _claims(resources, text, outlet="Le Courrier du Fleuve")}
    assert not any("sahel-matin" in v or "courrier" in v for v in values)


def test_actors_a_ministers_portfolio_is_not_an_organisation(resources):
    text = "Une réunion des ministres de l'Énergie de la Confédération est prévue à Ouagadougou."
    assert not any("energie" in c.value for c in _claims(resources, text))


def test_actors_a_firm_tagged_as_a_person_is_an_organisation(resources):
    text = "Les travaux seront confiés à Sahel-Atlas Power Engineering, selon le ministre."
    kinds = {c.value: c.attrs["kind"] for c in _claims(resources, text)}
    assert all(k != "person" for v, k in kinds.items() if "engineering" in v)
