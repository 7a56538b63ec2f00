"""Grouping articles into events: vetoes, incremental ids, order independence, indexed candidates."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.events.grouping import Grouper, event_id, group

MARCH = ("Les ministres des Affaires étrangères du Mali, du Niger et du Burkina Faso ont rencontré "
         "Sergueï Lavrov le 3 mars 2025 à Moscou. Les discussions ont porté sur la sécurité, la lutte "
         "contre le terrorisme et la force unifiée de l'Alliance des États du Sahel.")
MARCH_OTHER_WORDS = ("Sergueï Lavrov a reçu le 3 mars 2025 à Moscou les chefs de la diplomatie de l'Alliance "
                     "des États du Sahel (Mali, Niger, Burkina Faso). Terrorisme, sécurité et force unifiée "
                     "étaient au menu de cette rencontre avec les ministres des Affaires étrangères.")
OCTOBER = ("Les ministres des Affaires étrangères du Mali, du Niger et du Burkina Faso ont rencontré "
           "Sergueï Lavrov le 14 octobre 2025 à Moscou. Les discussions ont porté sur la sécurité, la lutte "
           "contre le terrorisme et la force unifiée de l'Alliance des États du Sahel.")
FLOODS = ("De fortes pluies ont provoqué des inondations à Dakar le 2 septembre 2024. Des quartiers entiers "
          "ont été submergés et la protection civile a évacué des centaines de familles vers des écoles.")
FLOODS_2 = ("Inondations à Dakar le 2 septembre 2024 : après des pluies diluviennes, la protection civile "
            "a évacué des centaines de familles dont les quartiers ont été submergés, hébergées dans des écoles.")


def _partition(events):
    return sorted(tuple(sorted(e.articles)) for e in events)


def test_grouping_same_meeting_in_different_months_is_two_events(new_article, new_claim):
    march, october = new_article(MARCH), new_article(OCTOBER)
    claims = {march.id: (new_claim(march, "date", "2025-03-03", "3 mars 2025", about_event=True),),
              october.id: (new_claim(october, "date", "2025-10-14", "14 octobre 2025", about_event=True),)}
    events = group([march, october], claims, None)
    assert _partition(events) == sorted([(march.id,), (october.id,)])


def test_grouping_same_event_with_different_wording_is_one_event(new_article):
    a, b, c = new_article(MARCH), new_article(MARCH_OTHER_WORDS), new_article(FLOODS)
    events = group([a, b, c], {}, None)
    assert _partition(events) == sorted([tuple(sorted((a.id, b.id))), (c.id,)])


def test_grouping_date_claims_veto_a_merge(new_article, new_claim):
    # Same wording, but the extracted event dates are two months apart.
    a = new_article("Réunion des ministres de l'AES avec Sergueï Lavrov à Moscou sur la sécurité et la force unifiée.")
    b = new_article("Réunion des ministres de l'AES avec Sergueï Lavrov à Moscou sur la sécurité et la force unifiée !")
    claims = {a.id: (new_claim(a, "date", "2025-04-03", "Réunion", about_event=True),),
              b.id: (new_claim(b, "date", "2025-06-20", "Réunion", about_event=True),)}
    assert len(group([a, b], claims, None)) == 2
    claims[b.id] = (new_claim(b, "date", "2025-04-04", "Réunion", about_event=True),)
    assert len(group([a, b], claims, None)) == 1


def test_grouping_place_claims_veto_a_merge(new_article, new_claim):
    a = new_article("Les ministres de l'AES et Sergueï Lavrov se sont réunis pour parler de sécurité et d'énergie.")
    b = new_article("Les ministres de l'AES et Sergueï Lavrov se sont réunis pour parler de sécurité et d'énergie !")
    moscow = {a.id: (new_claim(a, "place", "place:524901", "réunis", role="event"),)}
    assert len(group([a, b], {**moscow, b.id: (new_claim(b, "place", "place:2253354", "réunis", role="event"),)}, None)) == 2
    # A country-level place does not contradict a city.
    assert len(group([a, b], {**moscow, b.id: (new_claim(b, "place", "state:RU", "réunis", role="event"),)}, None)) == 1


def test_grouping_incremental_add_keeps_ids_and_articles(new_article):
    a, b = new_article(MARCH), new_article(FLOODS)
    first = group([a, b], {}, None)
    c, d = new_article(MARCH_OTHER_WORDS), new_article(FLOODS_2)
    second = group([a, b, c, d], {}, None, previous=first)
    by_id = {e.id: e for e in second}
    for old in first:
        assert old.id in by_id
        assert set(old.articles) <= set(by_id[old.id].articles)
    assert by_id[event_id(a.id)].articles == (a.id, c.id)
    assert by_id[event_id(b.id)].articles == (b.id, d.id)
    assert _partition(second) == _partition(group([a, b, c, d], {}, None))


def test_grouping_event_title_and_kinds(new_article):
    a = new_article(MARCH, title="AES et Russie : rencontre à Moscou")
    (event,) = group([a], {}, None)
    assert event.title == "AES et Russie : rencontre à Moscou"
    assert event.kinds == {a.id: "report"}
    assert event.id == event_id(a.id)


_TEXTS = (MARCH, MARCH_OTHER_WORDS, OCTOBER, FLOODS, FLOODS_2)


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(_TEXTS))), st.lists(st.sampled_from(["2025-03-03", "2025-03-04", None]),
                                                     min_size=len(_TEXTS), max_size=len(_TEXTS)))
def test_grouping_order_of_input_does_not_change_the_partition(order, dates):
    from recoupe.records import Article, article_id

    articles = [Article(id=article_id(t), path="x", text=t, published=d, language="fr") for t, d in zip(_TEXTS, dates)]
    reference = _partition(group(articles, {}, None))
    shuffled = [articles[i] for i in order]
    events = group(shuffled, {}, None)
    assert _partition(events) == reference
    assert sorted(e.id for e in events) == sorted(e.id for e in group(articles, {}, None))


def _topic_text(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(rng.choice(vocab) for _ in range(60)) + "."


def test_grouping_candidates_come_from_the_index_not_all_events(new_article):
    rng = random.Random(7)
    articles = []
    for topic in range(40):
        # Each topic has its own invented vocabulary: no two topics share a word.
        vocab = [f"mot{topic}x{k}" for k in range(25)]
        articles.append(new_article(_topic_text(rng, vocab)))
    grouper = Grouper(None)
    events = grouper.run(articles, {})
    assert len(events) == 40
    assert grouper.comparisons == 0  # no shared key: nothing was ever scored
    stranger = new_article(_topic_text(rng, [f"autre{k}" for k in range(25)]) + " " + " ".join(f"mot3x{k}" for k in range(5)))
    grouper2 = Grouper(None)
    grouper2.run(articles + [stranger], {})
    # The newcomer shares words with one topic only: it is scored against that event, not all 40.
    assert grouper2.comparisons <= 2


def test_grouping_time_window_keeps_old_events_out(new_article):
    a = new_article(MARCH, published="2025-03-03")
    b = new_article(MARCH_OTHER_WORDS, published="2025-09-30")
    assert len(group([a, b], {}, None)) == 2
    b2 = new_article(MARCH_OTHER_WORDS, published="2025-03-04")
    assert len(group([a, b2], {}, None)) == 1


@pytest.mark.slow
def test_grouping_shared_corpus_is_one_event(encoder, corpus_articles):
    events = group(list(corpus_articles.values()), {}, encoder)
    assert len(events) == 1
    names = {a.id: n for n, a in corpus_articles.items()}
    assert sorted(names[i] for i in events[0].articles) == ["000", "001", "002", "003", "004"]
    assert events[0].kinds[corpus_articles["002"].id] == "preview"


FR_MEETING = ("Ankara, le 13 mars 2025 – Le ministre malien des Affaires étrangères Abdoulaye Diop et son homologue "
              "turc Hakan Fidan se sont entretenus jeudi au siège du ministère turc. Les deux ministres ont signé un "
              "accord de formation militaire et annoncé 200 bourses universitaires pour les étudiants maliens. "
              "Selon Abdoulaye Diop, la Türkiye est un partenaire qui respecte la souveraineté du Mali.")
EN_MEETING = ("ANKARA, March 13 (Sahel Wire) - Mali's foreign minister Abdoulaye Diop met his Turkish counterpart "
              "Hakan Fidan in Ankara on Thursday. The two ministers signed a military training agreement and "
              "announced 200 university scholarships for Malian students. Diop said Türkiye was a partner that "
              "respected Mali's sovereignty.")


@pytest.mark.slow
def test_grouping_french_and_english_reports_of_one_meeting_are_one_event(encoder, new_article, new_claim):
    fr = new_article(FR_MEETING, published="2025-03-13")
    en = new_article(EN_MEETING, published="2025-03-13", language="en")
    floods = new_article(FLOODS, published="2025-03-13")
    # The French article has what extraction gives (canonical actors, the event date); the
    # English one has nothing but its text (no English pack).
    claims = {fr.id: (new_claim(fr, "actor", "person:abdoulaye-diop", "Abdoulaye Diop"),
                      new_claim(fr, "actor", "person:hakan-fidan", "Hakan Fidan"),
                      new_claim(fr, "date", "2025-03-13", "13 mars 2025", about_event=True))}
    events = group([fr, en, floods], claims, encoder)
    assert _partition(events) == sorted([tuple(sorted((fr.id, en.id))), (floods.id,)])
