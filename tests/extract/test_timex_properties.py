"""Properties of the temporal tagger that must hold on any input (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.extract.timex import tag

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")

# Text made of French calendar words, digits and punctuation: where bugs would hide.
PIECES = st.sampled_from([
    "le", "ce", "les", "et", "au", "du", "entre", "à", "vers", "près de", "plus de", "environ",
    "hier", "demain", "aujourd'hui", "jeudi", "dernier", "prochain", "semaine", "mois", "an",
    "ans", "heures", "h", "minutes", "jours", "plusieurs", "deux", "trois", "vingt", "1er", "3",
    "30", "2025", "1999", "03/04/2025", "1h30", "10 h 45", ",", ".", "\n", "«", "»", "l'",
    "années", "60", "fin", "début", "il y a", "dans", *MONTHS,
])


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)))
def test_timex_any_written_date_normalises_to_itself(d):
    text = f"La rencontre a eu lieu le {d.day} {MONTHS[d.month - 1]} {d.year} à Moscou."
    found = tag(text, None)
    assert [t.value for t in found] == [d.isoformat()]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_timex_hours_and_minutes_give_their_length_in_minutes(hours, minutes):
    text = f"Après environ {hours}h{minutes:02d} d'échanges, les parties ont conclu."
    found = tag(text, date(2025, 4, 3))
    assert len(found) == 1
    assert found[0].type == "DURATION"
    assert found[0].attrs["minutes"] == hours * 60 + minutes


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=25), st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 1, 1)))
def test_timex_spans_are_exact_on_calendar_word_salad(pieces, anchor):
    text = " ".join(pieces)
    for t in tag(text, anchor):
        assert t.text == text[t.start:t.end]
        assert t.text == t.text.strip()
        for p in t.parts:
            assert p.text == text[p.start:p.end]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_timex_never_crashes_on_arbitrary_text(text, anchor):
    for t in tag(text, anchor):
        assert t.text == text[t.start:t.end]
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


FILLER = st.sampled_from(["la", "réunion", "des", "ministres", "a", "porté", "sur", "coopération",
                          "Moscou", "qui", "s'est", "tenue", "avec", "officiels", "dans", "capitale"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, FILLER, FILLER, FILLER), max_size=120))
def test_timex_windowed_scan_finds_what_a_whole_text_scan_finds(words):
    from recoupe.extract.timex import RULES, _candidates

    text = " ".join(words)
    whole = {(m.start(), m.end(), r.name) for r in RULES for m in r.pattern.finditer(text) if m.end() > m.start()}
    assert {(c.start, c.end, c.rule.name) for c in _candidates(text)} == whole
