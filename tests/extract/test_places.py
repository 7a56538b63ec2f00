"""Places of the event: geocoded, event vs dateline, planned from the verb's tense."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.extract import places
from recoupe.extract.context import ArticleContext
from recoupe.records import Article, article_id

pytestmark = pytest.mark.slow


def _ctx(resources, text: str, **meta) -> ArticleContext:
    article = Article(id=article_id(text), path="mem.txt", text=text, language="fr", **meta)
    return ArticleContext(article=article, doc=resources.nlps["fr"](text), gazetteer=resources.gazetteer,
                          pack=resources.packs["fr"])


def _places(resources, text: str, **meta):
    return places.extract(_ctx(resources, text, **meta))


def test_places_meeting_place_is_geocoded(resources):
    [claim] = _places(resources, "Les ministres ont tenu une réunion à Moscou ce jeudi.")
    assert claim.value == "place:524901" and claim.evidence.text == "Moscou"
    assert claim.attrs["name"] == "Moscow" and claim.attrs["country"] == "RU"
    assert claim.attrs["role"] == "event" and not claim.planned
    assert round(claim.attrs["lat"]) == 56 and round(claim.attrs["lon"]) == 38


def test_places_country_after_en_is_a_state_place(resources):
    [claim] = _places(resources, "La première réunion s'est tenue en Russie les 4 et 5 avril.")
    assert claim.value == "state:RU" and claim.attrs["country"] == "RU"


def test_places_place_without_meeting_word_is_not_the_event(resources):
    assert _places(resources, "Il est né à Bamako et vit à Dakar depuis dix ans.") == []


def test_places_dative_a_before_a_country_is_not_a_place(resources):
    assert _places(resources, "Ils ont exprimé leur gratitude à la Russie pour cette rencontre.") == []


@pytest.mark.parametrize("text", [
    "Les ministres effectueront une visite officielle à Niamey la semaine prochaine.",
    "La prochaine réunion se tiendra à Ouagadougou.",
    "Le sommet devrait se tenir à Bamako en juin.",
    "Nous tiendrons des rencontres périodiques à Moscou.",
])
def test_places_future_or_conditional_is_planned(resources, text):
    [claim] = _places(resources, text)
    assert claim.planned


def test_places_dateline_line_is_found(resources):
    claims = _places(resources, "Titre de l'article\n\nBamako, le 12 mars 2025\n\nLe gouvernement a parlé.")
    assert [(c.value, c.attrs["role"], c.attrs["name"]) for c in claims] == [("place:2460596", "dateline", "Bamako")]


def test_places_declared_dateline_place_is_used(resources):
    claims = _places(resources, "NIAMEY - Le gouvernement a publié un communiqué.", dateline_place="NIAMEY")
    assert [(c.value, c.attrs["role"]) for c in claims] == [("place:2440485", "dateline")]


def test_places_corpus_moscow_is_where_the_meeting_happened(resources, shared_corpus: Path):
    found = {}
    for path in sorted(shared_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ctx = _ctx(resources, text)
        claims = places.extract(ctx)
        for c in claims:
            assert text[c.evidence.start:c.evidence.end] == c.evidence.text
        found[path.name[:3]] = claims
    for name in ("000", "001", "003", "004"):  # the reports that say "à Moscou"
        assert any(c.value == "place:524901" and c.attrs["role"] == "event" and not c.planned
                   for c in found[name]), name
    # 002 was written before the meeting: "effectueront une visite officielle à Moscou".
    assert any(c.value == "place:524901" and c.planned for c in found["002"])
    assert all(c.attrs["country"] == "RU" for cl in found.values() for c in cl)


def _roles(claims):
    return [(c.evidence.text, c.attrs["role"], c.planned, c.attrs.get("next_event")) for c in claims]


def test_places_past_meeting_named_in_a_later_article_is_another_event(resources):
    text = ("Deux mois après leur premier sommet à Dakar, les chefs d'État se sont réunis ce lundi "
            "à Abidjan pour leur deuxième sommet.")
    roles = _roles(_places(resources, text))
    assert ("Dakar", "other_event", False, False) in roles
    assert ("Abidjan", "event", False, None) in roles


def test_places_next_session_is_planned_and_marked_next(resources):
    text = ("Les ministres se sont réunis jeudi à Lomé. Ils ont indiqué que la prochaine session "
            "se tiendra à Cotonou.")
    roles = _roles(_places(resources, text))
    assert ("Lomé", "event", False, None) in roles
    assert ("Cotonou", "other_event", True, True) in roles


def test_places_higher_ordinal_than_the_articles_is_the_next_session(resources):
    text = ("La première session des consultations s'est tenue ce mardi à Dakar. "
            "La deuxième session aura lieu à Conakry.")
    roles = _roles(_places(resources, text))
    assert ("Dakar", "event", False, None) in roles
    assert ("Conakry", "other_event", True, True) in roles


@pytest.mark.parametrize("text, place", [
    ("Les délégations se sont rencontrées mardi. Une mission technique est attendue à Kano pour étudier le projet.",
     "Kano"),
    ("Les ministres ont tenu leur réunion lundi. Une mission d'experts doit se rendre à Tahoua.", "Tahoua"),
])
def test_places_what_a_report_announces_for_later_is_planned_and_next(resources, text, place):
    roles = _roles(_places(resources, text))
    assert (place, "other_event", True, True) in roles


def test_places_a_preview_keeps_its_planned_meeting_as_the_event(resources):
    text = "Les ministres effectueront une visite officielle à Niamey la semaine prochaine."
    assert _roles(_places(resources, text)) == [("Niamey", "event", True, None)]
    headed = "Un sommet stratégique à Niamey\n\n" + text  # a heading reports nothing done
    assert ("Niamey", "event", True, None) in _roles(_places(resources, headed))


def test_places_a_place_in_a_persons_title_is_not_the_event(resources):
    text = "L'ambassadeur de Chine au Niger et le ministre ont signé l'accord ce mercredi."
    assert [c for c in _places(resources, text) if c.evidence.text == "Niger"] == []


def test_places_a_breakdown_of_a_count_is_not_the_event_place(resources):
    text = ("Les ministres se sont réunis à Niamey. La partie turque formera 200 ingénieurs, "
            "dont 80 en Turquie, lors de sessions de travail.")
    found = [(c.evidence.text, c.attrs["role"]) for c in _places(resources, text)]
    assert ("Niamey", "event") in found
    assert all(t != "Turquie" for t, _ in found)
    # A date or a year right before the place is no count: "le 3 avril 2025 à Moscou" stays.
    [claim] = _places(resources, "La réunion s'est tenue le 3 avril 2025 à Moscou.")
    assert claim.evidence.text == "Moscou" and claim.attrs["role"] == "event"
