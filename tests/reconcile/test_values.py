"""Compatibility rules between normalised values."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recoupe.reconcile import values as V


def date_agrees(claim: str, hypothesis: str) -> bool:
    return V.date_supports(V.date_range(claim), V.date_range(hypothesis))


def duration_agrees(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return V.overlap_supports(V.duration_range(a[0], a[1]), V.duration_range(b[0], b[1]))


def test_values_day_inside_two_day_span_is_compatible():
    assert date_agrees("2025-04-03/2025-04-04", "2025-04-03")


def test_values_day_outside_span_disagrees():
    assert not date_agrees("2025-04-04/2025-04-05", "2025-04-03")
    assert not date_agrees("2025-04-03", "2025-04-04/2025-04-05")


def test_values_overlapping_spans_name_different_days():
    assert not date_agrees("2025-04-03/2025-04-04", "2025-04-04/2025-04-05")


def test_values_yearless_and_month_dates_support_the_day():
    assert date_agrees("XXXX-04-03", "2025-04-03")
    assert date_agrees("2025-04", "2025-04-03")
    assert not date_agrees("XXXX-04-04", "2025-04-03")
    assert not date_agrees("2024-04-03", "2025-04-03")


def test_values_complete_year_fills_only_unknown_years():
    assert V.complete_year("XXXX-04-03", 2025) == "2025-04-03"
    assert V.complete_year("2024-04-03", 2025) == "2024-04-03"
    assert V.complete_year("XXXX-02-29", 2025) == "XXXX-02-29"  # no such day in 2025


def test_values_date_display_follows_the_contract():
    assert V.date_display("2025-04-03") == "2025-04-03"
    assert V.date_display("2025-04-03/2025-04-04") == "2025-04-03/2025-04-04"
    assert V.date_display("2025-04") == "2025-04-01/2025-04-30"
    assert V.date_bounds("2025-13-01") is None and V.date_bounds("not a date") is None


def test_values_about_two_hours_agrees_with_two_hours():
    assert duration_agrees(("PT2H", "about"), ("PT120M", "exact"))


def test_values_about_ninety_minutes_and_about_two_hours_disagree():
    assert not duration_agrees(("PT90M", "about"), ("PT2H", "about"))
    assert duration_agrees(("PT1H30M", "exact"), ("PT90M", "about"))


def test_values_several_hours_agrees_with_two_hours_not_ninety_minutes():
    assert duration_agrees(("PXH", "vague"), ("PT2H", "about"))
    assert not duration_agrees(("PXH", "vague"), ("PT90M", "about"))


def test_values_at_least_and_at_most_are_half_open():
    assert duration_agrees(("PT1H", "at_least"), ("PT3H", "exact"))
    assert not duration_agrees(("PT3H", "at_least"), ("PT2H", "exact"))
    assert duration_agrees(("PT2H", "at_most"), ("PT90M", "exact"))


def test_values_location_state_supports_its_city_not_another_country():
    moscow = V.location_range("place:524901", {"country": "RU"})
    petersburg = V.location_range("place:498817", {"country": "RU"})
    russia = V.location_range("state:RU", {})
    mali = V.location_range("state:ML", {})
    assert V.location_supports(russia, moscow)
    assert not V.location_supports(moscow, petersburg)
    assert not V.location_supports(mali, moscow)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 40))
def test_values_span_supports_every_day_inside_it(start, days):
    end = start + timedelta(days=days)
    span = f"{start.isoformat()}/{end.isoformat()}"
    inside = start + timedelta(days=days // 2)
    assert date_agrees(span, inside.isoformat())
    assert not date_agrees(span, (end + timedelta(days=1)).isoformat())
    assert V.date_display(span) == (start.isoformat() if days == 0 else span)


@given(st.integers(0, 99), st.integers(0, 59), st.sampled_from(["exact", "about"]))
def test_values_duration_minutes_round_trip(hours, minutes, approx):
    total = hours * 60 + minutes
    value = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if total == 0:
        assert V.duration_minutes(value) is None
        return
    assert V.duration_minutes(value) == total
    r = V.duration_range(value, approx)
    assert r.lo <= total <= r.hi


@given(st.text(max_size=12))
def test_values_parsers_never_raise_on_garbage(text):
    V.date_bounds(text)
    V.duration_minutes(text)
    V.duration_range(text, "about")
