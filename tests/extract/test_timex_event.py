"""Which dates and durations are the event's own (hand-made sentences, no parse)."""

from __future__ import annotations

import pytest

from recoupe.extract.timex_event import date_about_event, duration_about_event, duration_relation


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize("text, words", [
    ("Les pourparlers ont duré près de trois heures.", "près de trois heures"),
    ("Pendant environ deux heures, les délégations ont poursuivi leurs discussions.", "environ deux heures"),
    ("Après environ 1h30 d'échanges, les ministres ont signé.", "environ 1h30"),
    ("Au bout de quatre heures de négociations, un accord a été trouvé.", "quatre heures"),
    ("La rencontre devrait durer une demi-journée.", "une demi-journée"),
    ("Les consultations se sont prolongées pendant plus de trois heures.", "plus de trois heures"),
])
def test_timex_event_length_needs_a_lasting_verb_or_an_extent(text, words):
    assert duration_about_event(text, *_at(text, words))


@pytest.mark.parametrize("text, words, relation", [
    ("Selon le ministre, nos échanges ont été multipliés par quatre en dix ans lors de nos réunions.",
     "dix ans", "span"),
    ("Deux ans après leur premier sommet à Dakar, les chefs d'État se retrouvent.", "Deux ans", "offset"),
    ("La rencontre intervient six mois avant la conférence de Lomé.", "six mois", "offset"),
    ("Le pays, qui multiplie les visites depuis douze ans, reçoit la délégation.", "douze ans", "span"),
    ("Le plan adopté lors de la réunion prévoit 300 millions sur quatre ans.", "quatre ans", "span"),
    ("Il y a deux ans, une première réunion avait échoué.", "deux ans", "span"),
])
def test_timex_event_trends_offsets_and_spans_are_not_the_events_length(text, words, relation):
    start, end = _at(text, words)
    assert duration_relation(text, start, end) == relation
    assert not duration_about_event(text, start, end)


def test_timex_event_ambiguous_works_last_hours_not_months():
    site = "Les travaux commenceront en mai et dureront 30 mois."
    assert not duration_about_event(site, *_at(site, "30 mois"), minutes=30 * 43830.0)
    session = "Les travaux ont duré trois heures."
    assert duration_about_event(session, *_at(session, "trois heures"), minutes=180.0)
    wrapped = "Les travaux, ouverts en fin de matinée, ont duré cinq heures."
    assert duration_about_event(wrapped, *_at(wrapped, "cinq heures"), minutes=300.0)


@pytest.mark.parametrize("text, words, value", [
    ("Le communiqué de la réunion vise un milliard de dollars d'ici 2027, contre 640 millions en 2024.",
     "2024", "2024"),
    ("Le communiqué de la réunion vise un milliard de dollars d'ici 2027.", "2027", "2027"),
    ("Les ministres réunis ce lundi veulent former 300 soldats d'ici le 30 juin.", "le 30 juin", "2025-06-30"),
    ("Un comité issu de la session devra se réunir avant la fin du mois de mai 2025.",
     "la fin du mois de mai 2025", "2025-05"),
])
def test_timex_event_deadlines_and_bare_years_are_not_the_events_date(text, words, value):
    assert not date_about_event(text, *_at(text, words), value)


@pytest.mark.parametrize("text, words, value", [
    ("Les ministres ont tenu ce lundi leur première réunion.", "ce lundi", "2025-03-10"),
    ("Hier mardi, dans la capitale, les deux chefs de la diplomatie ont rencontré la presse.",
     "Hier mardi", "2025-03-11"),
    ("Ils ont été reçus ce vendredi 14 mars par le ministre.", "ce vendredi 14 mars", "2025-03-14"),
])
def test_timex_event_a_date_in_the_meetings_clause_is_the_events(text, words, value):
    assert date_about_event(text, *_at(text, words), value)


def _date_claims(text: str, published: str):
    from recoupe.extract import timex
    from recoupe.extract.context import ArticleContext
    from recoupe.records import Article, article_id

    article = Article(id=article_id(text), path="mem.txt", text=text, language="fr", published=published)
    ctx = ArticleContext(article=article, doc=None, gazetteer=None, pack=None)
    return [c for c in timex.extract(ctx) if c.slot == "date"]


def test_timex_event_a_report_moves_a_planned_meeting_date_to_a_later_occurrence():
    text = ("Les ministres se sont réunis hier mercredi à Niamey. Une réunion des experts est "
            "prévue la semaine prochaine à Dakar.")
    by_text = {c.evidence.text: c for c in _date_claims(text, "2025-04-03")}
    assert by_text["hier mercredi"].attrs["about_event"] and not by_text["hier mercredi"].planned
    later = by_text["la semaine prochaine"]
    assert later.planned and not later.attrs["about_event"] and later.attrs["next_event"]


def test_timex_event_a_preview_keeps_its_planned_date_as_the_events():
    text = "Les ministres se réuniront jeudi prochain à Niamey pour leur première réunion."
    [claim] = _date_claims(text, "2025-04-01")
    assert claim.planned and claim.attrs["about_event"] and "next_event" not in claim.attrs
