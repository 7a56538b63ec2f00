"""Normalised values of the reconciled slots, and when two of them agree.

Every value becomes a closed range on a line (days for dates, minutes for durations, the
number for figures, a place/country pair for locations) so that compatibility is a question
about ranges, not about strings:

* **Dates** name the days of the event. A claim *supports* a hypothesis when its range
  contains the hypothesis: "3 April" supports "3 April"; "3 and 4 April", "April 2025" and
  "XXXX-04-03" (year unknown) support it too, because they are less precise wordings that the
  event on 3 April makes true. "4 and 5 April" does not: it names other days. Two spans that
  merely overlap ("3-4" and "4-5 April") name different days and disagree.
* **Durations** carry their approximation as a tolerance (constants below) and agree when
  their ranges overlap (in one dimension pairwise overlap means one common value exists).
* **Locations**: a city supports itself and the state it is in; two different cities, or
  two different states, disagree.
* **Figures** behave like exact durations: same measure and unit, ranges overlap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Mapping

# "environ 1h30" and "environ deux heures" must disagree (the issue's own example):
# 90*(1+t) < 120*(1-t) holds for t < 1/7 (~14%), so 15% would merge them. 10% keeps them apart
# and still lets "about 2 hours" (108-132 min) agree with "two hours" and with "1 h 55".
ABOUT_TOLERANCE = 0.10  # fraction of the stated amount
# Newspapers round even "exact" durations and figures ("deux heures" is rarely 120 min sharp).
EXACT_TOLERANCE = 0.05  # fraction of the stated amount
# "plusieurs heures" / "quelques jours": a plural vague amount means at least two of the unit
# (so "several hours" agrees with 2 h but not with 90 min) and less than the next unit up.
VAGUE_MIN_UNITS = 2
UNIT_MINUTES = {"S": 1 / 60, "MI": 1.0, "H": 60.0, "D": 24 * 60.0, "W": 7 * 24 * 60.0,
                "MO": 30.44 * 24 * 60, "Y": 365.25 * 24 * 60}  # mean month and year
VAGUE_MAX_MINUTES = {"S": 1.0, "MI": 60.0, "H": 24 * 60.0, "D": 31 * 24 * 60.0, "W": 52 * 7 * 24 * 60.0,
                     "MO": 12 * 30.44 * 24 * 60, "Y": 100 * 365.25 * 24 * 60}
# A year-less date ("XXXX-04-03") is compared on month and day inside this leap year.
YEARLESS = 2000

_DATE_PART = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$")
_DURATION_SHAPE = re.compile(r"^P([0-9.XYMWDH]*)(?:T([0-9.XHMS]*))?$")
_DURATION_TOKEN = re.compile(r"(\d+(?:\.\d+)?|X)([YMWDHS])")


@dataclass(frozen=True)
class Range:
    """A closed range ``[lo, hi]`` with a key: ranges with different keys never agree.

    ``key`` is the figure's (measure, unit), the location's country, or ``"yearless"`` /
    ``""`` for dates (a year-less date is projected onto :data:`YEARLESS`).
    """

    lo: float
    hi: float
    key: str = ""
    place: str | None = None  # locations: the place id; None for a whole state

    @property
    def width(self) -> float:
        return self.hi - self.lo


# ---------------------------------------------------------------- dates

def _part_bounds(text: str) -> tuple[date, date, bool] | None:
    m = _DATE_PART.match(text)
    if not m:
        return None
    year_s, month_s, day_s = m.groups()
    yearless = year_s == "XXXX"
    year = YEARLESS if yearless else int(year_s)
    try:
        if month_s is None or month_s == "XX":
            if yearless:
                return None  # "XXXX" alone says nothing
            return date(year, 1, 1), date(year, 12, 31), False
        month = int(month_s)
        if day_s is None or day_s == "XX":
            first = date(year, month, 1)
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - timedelta(days=1), yearless
        day = date(year, month, int(day_s))
        return day, day, yearless
    except ValueError:
        return None


def date_bounds(value: str) -> tuple[date, date, bool] | None:
    """``(first day, last day, year unknown)`` of a TimeML date or interval, or None when the
    value is not a calendar date we compare (weeks, seasons, malformed)."""
    parts = value.split("/")
    if len(parts) > 2:
        return None
    bounds = [_part_bounds(p) for p in parts]
    if any(b is None for b in bounds):
        return None
    first, last = bounds[0][0], bounds[-1][1]  # type: ignore[index]
    yearless = any(b[2] for b in bounds)  # type: ignore[index]
    if last < first:
        return None
    return first, last, yearless


def date_year(value: str) -> int | None:
    """The year a date value states, or None when it is year-less or unparsable."""
    b = date_bounds(value)
    return None if b is None or b[2] else b[0].year


def complete_year(value: str, year: int | None) -> str:
    """Replace ``XXXX`` by ``year`` (when known and the result is a real date)."""
    if year is None or "XXXX" not in value:
        return value
    done = value.replace("XXXX", f"{year:04d}")
    return done if date_bounds(done) is not None else value


def date_range(value: str) -> Range | None:
    b = date_bounds(value)
    if b is None:
        return None
    first, last, yearless = b
    if yearless:
        first, last = _project(first), _project(last)
    return Range(first.toordinal(), last.toordinal(), "yearless" if yearless else "")


def _project(d: date) -> date:
    return date(YEARLESS, d.month, d.day)


def date_display(value: str) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD/YYYY-MM-DD`` (the JSON contract); a month or a year
    becomes its first/last day. Year-less values keep ``XXXX``."""
    b = date_bounds(value)
    if b is None:
        return value
    first, last, yearless = b

    def show(d: date) -> str:
        return f"XXXX-{d.month:02d}-{d.day:02d}" if yearless else d.isoformat()

    return show(first) if first == last else f"{show(first)}/{show(last)}"


def date_supports(claim: Range, hypothesis: Range) -> bool:
    """A date claim supports a hypothesis when its days contain the hypothesis' days."""
    c, h = claim, hypothesis
    if c.key != h.key:  # one side year-less: compare month and day only
        c, h = _yearless(c), _yearless(h)
    return c.lo <= h.lo and h.hi <= c.hi


def _yearless(r: Range) -> Range:
    if r.key == "yearless":
        return r
    lo, hi = date.fromordinal(int(r.lo)), date.fromordinal(int(r.hi))
    if hi.year != lo.year:  # spans a new year: keep it whole in the projected year
        return Range(date(YEARLESS, 1, 1).toordinal(), date(YEARLESS, 12, 31).toordinal(), "yearless")
    return Range(_project(lo).toordinal(), _project(hi).toordinal(), "yearless")


# ---------------------------------------------------------------- durations

def duration_parts(value: str) -> list[tuple[str, str]] | None:
    """``[(amount, unit)]`` of an ISO 8601 / TimeML duration; units ``Y MO W D H MI S``.

    Lenient on purpose: ``PXH`` (no ``T``) is read as hours since days-and-above have no H;
    without ``T`` an ``M`` is months, after it minutes (ISO).
    """
    m = _DURATION_SHAPE.match(value)
    if not m:
        return None
    date_part, time_part = m.group(1) or "", m.group(2) or ""
    parts = []
    for text, in_time in ((date_part, False), (time_part, True)):
        pos = 0
        for tok in _DURATION_TOKEN.finditer(text):
            if tok.start() != pos:
                return None
            pos = tok.end()
            amount, unit = tok.groups()
            if unit == "M":
                unit = "MI" if in_time else "MO"
            parts.append((amount, unit))
        if pos != len(text):
            return None
    return parts or None


def duration_minutes(value: str, attrs: Mapping[str, object] | None = None) -> float | None:
    """Minutes stated by a duration (``PT90M``, ``PT1H30M``, ``P2D``), or the ``minutes``
    attribute when the extractor gave it; None for vague values (``PXH``) and bad input."""
    given = (attrs or {}).get("minutes")
    if isinstance(given, (int, float)) and not isinstance(given, bool) and given > 0:
        return float(given)
    parts = duration_parts(value)
    if not parts or any(amount == "X" for amount, _ in parts):
        return None
    total = sum(float(amount) * UNIT_MINUTES[unit] for amount, unit in parts)
    return total if total > 0 else None


def _vague_unit(value: str) -> str | None:
    """The unit of a vague duration (``PXH`` -> ``H``), the smallest one when several."""
    parts = duration_parts(value)
    if not parts:
        return None
    vague = [unit for amount, unit in parts if amount == "X"]
    return vague[-1] if vague else None


def duration_range(value: str, approx: str | None, attrs: Mapping[str, object] | None = None) -> Range | None:
    """The minutes a duration claim allows, with its approximation as a tolerance."""
    minutes = duration_minutes(value, attrs)
    if minutes is None:
        unit = _vague_unit(value)
        if unit is None:
            return None
        return Range(VAGUE_MIN_UNITS * UNIT_MINUTES[unit], VAGUE_MAX_MINUTES[unit])
    return amount_range(minutes, approx)


def amount_range(amount: float, approx: str | None, key: str = "") -> Range:
    """Range of a stated amount: exact and about get a symmetric tolerance, at_least and
    at_most are half-open (closed here at 0 and infinity)."""
    if approx == "about" or approx == "vague":
        t = ABOUT_TOLERANCE
    else:
        t = EXACT_TOLERANCE
    lo, hi = sorted((amount * (1 - t), amount * (1 + t)))
    if approx == "at_least":
        return Range(amount, math.inf, key)
    if approx == "at_most":
        return Range(min(0.0, amount), amount, key)
    return Range(lo, hi, key)


def overlap_supports(claim: Range, hypothesis: Range) -> bool:
    """Amounts agree when their ranges share a value."""
    return claim.key == hypothesis.key and claim.lo <= hypothesis.hi and hypothesis.lo <= claim.hi


# ---------------------------------------------------------------- locations

def location_range(value: str, attrs: Mapping[str, object]) -> Range | None:
    """A place (``place:<id>``) or a whole state (``state:<ISO2>``) as a Range keyed by country."""
    country = attrs.get("country")
    if value.startswith("state:"):
        return Range(0, 1, value.split(":", 1)[1].upper(), None)
    if value.startswith("place:"):
        return Range(0, 0, str(country).upper() if country else "", value)
    return None


def location_supports(claim: Range, hypothesis: Range) -> bool:
    """A state supports any place inside it; a place supports only itself."""
    if claim.place is not None:
        return claim.place == hypothesis.place
    return bool(claim.key) and claim.key == hypothesis.key
