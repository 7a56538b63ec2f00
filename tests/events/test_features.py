"""The light path's date reader and the TimeML parser used by grouping."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from recoupe.events.features import DateSpan, dates_compatible, light_dates, parse_timex, places_compatible

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@given(DAYS)
def test_features_light_dates_read_english_and_french_forms(day):
    expected = DateSpan(day.toordinal(), day.toordinal(), True)
    english = f"Officials met on {EN_MONTHS[day.month - 1]} {day.day}, {day.year} in the capital."
    french = f"Les ministres se sont réunis le {day.day} {FR_MONTHS[day.month - 1]} {day.year} à Niamey."
    assert expected in light_dates(english)
    assert expected in light_dates(french)


@given(DAYS, st.integers(min_value=0, max_value=3))
def test_features_timex_interval_round_trip(day, length):
    end = day + dt.timedelta(days=length)
    span = parse_timex(f"{day.isoformat()}/{end.isoformat()}")
    assert span == DateSpan(day.toordinal(), end.toordinal(), True)


def test_features_french_interval_and_yearless_dates():
    (span,) = light_dates("Visite officielle à Moscou les 3 et 4 avril 2025.")
    assert (dt.date.fromordinal(span.start), dt.date.fromordinal(span.end)) == (dt.date(2025, 4, 3), dt.date(2025, 4, 4))
    (yearless,) = light_dates("Réunion le 3 avril à Moscou.")
    assert not yearless.year_known
    assert light_dates("Réunion le 3 avril à Moscou.", published="2025-04-02")[0].year_known


def test_features_date_compatibility_tolerates_days_not_months():
    april3 = [parse_timex("2025-04-03")]
    assert dates_compatible(april3, [parse_timex("2025-04-04/2025-04-05")], 3)
    assert dates_compatible(april3, [parse_timex("XXXX-04-05")], 3)
    assert not dates_compatible(april3, [parse_timex("2025-06-03")], 3)
    assert dates_compatible(april3, [], 3)


def test_features_place_levels():
    moscow, sochi = frozenset({"place:524901"}), frozenset({"place:491422"})
    assert not places_compatible(moscow, sochi)
    assert places_compatible(moscow, frozenset({"state:RU"}))
    assert places_compatible(moscow, frozenset())


def test_features_years_are_the_lead_the_publication_and_repeated_ones(new_article):
    from recoupe.events.features import LEAD_CHARS, article_features

    body = " ".join(["The champion defended his title in a packed arena."] * (LEAD_CHARS // 40))
    text = ("Klitschko keeps his belts, 2008. " + body + " He first won it in 1999. "
            "A rematch could come in 2010, and promoters already sell the 2010 dates.")
    years = article_features(new_article(text, published="2009-03-02", language="en"), ()).years
    assert years == frozenset({2008, 2009, 2010})


def test_features_names_match_across_accents_and_languages(new_article):
    from recoupe.events.features import article_features

    fr = article_features(new_article("Le ministre burkinabè Salif Désiré Ouédraogo était à Ankara jeudi."), ())
    en = article_features(new_article("Burkina Faso's minister Salif Desire Ouedraogo was in Ankara.", language="en"), ())
    assert {"n:ouedraogo", "n:desire", "n:ankara"} <= fr.keys & en.keys
