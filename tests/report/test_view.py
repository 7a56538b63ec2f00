"""How values read in the dossier."""

from __future__ import annotations

from recoupe.report.view import show_date, show_duration, show_location, show_minutes


def test_view_dates_read_like_a_newspaper():
    assert show_date("2025-04-03") == "3 April 2025"
    assert show_date("2025-04-03/2025-04-04") == "3–4 April 2025"
    assert show_date("2025-03-30/2025-04-02") == "30 March 2025 – 2 April 2025"
    assert show_date("2025-04") == "April 2025"
    assert show_date("2026") == "2026"
    assert show_date("XXXX-04-03") == "3 April"
    assert show_date(None) == "unknown"


def test_view_durations_use_the_reporters_unit():
    assert show_minutes(45) == "45 min"
    assert show_minutes(90) == "1 h 30"
    assert show_minutes(3 * 24 * 60) == "3 days"
    assert show_minutes(5 * 365.25 * 24 * 60) == "5 years"
    assert show_duration("PT2H", {"approx": "about"}) == "about 2 h"
    assert show_duration("PXH", {"approx": "vague"}) == "several hours"
    assert show_duration("PT1H", {"approx": "at_least"}) == "at least 1 h"


def test_view_location_names_the_country():
    assert show_location("place:524901", {"name": "Moscow", "country": "RU"}) == "Moscow (RU)"
    assert show_location("state:RU", {"name": "Russia", "country": "RU"}) == "Russia (RU)"
