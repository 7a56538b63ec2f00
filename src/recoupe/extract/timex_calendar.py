"""Calendar arithmetic of the temporal tagger: completing partial dates from an anchor,
resolving weekdays, shifting by units, and writing TimeML values. Pure functions."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Direction = Literal["nearest", "past", "future", "this"]

# How far back we look for a year whose calendar fits "jeudi 3 avril" when no anchor is
# known: a weekday/day/month triple repeats within 28 years (one Gregorian solar cycle).
WEEKDAY_YEAR_SPAN = 28


def valid_day(year: int, month: int, day: int) -> bool:
    """True when year-month-day exists in the Gregorian calendar."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def complete_year(month: int, day: int | None, anchor: date, direction: Direction = "nearest") -> int:
    """The year that puts ``day month`` closest to ``anchor`` (or the last one before it /
    the first one after it, for "le 8 mars dernier" / "le 13 avril prochain")."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = day or 15  # a month alone is compared by its middle
        if not valid_day(year, month, d):
            d = calendar.monthrange(year, month)[1]
        candidates.append((year, date(year, month, d)))
    nearest = min(candidates, key=lambda c: (abs((c[1] - anchor).days), -c[0]))[0]
    if day is None:
        # A month alone: the anchor's own month is both "this" month and the nearest.
        here = (anchor.year, anchor.month)
        if direction == "past" and (nearest, month) > here:
            return max(y for y, _ in candidates if (y, month) <= here)
        if direction == "future" and (nearest, month) < here:
            return min(y for y, _ in candidates if (y, month) >= here)
        return nearest
    if direction == "past" and date(nearest, month, min(day, 28)) > anchor:
        return max(y for y, d in candidates if d <= anchor)
    if direction == "future" and date(nearest, month, min(day, 28)) < anchor:
        return min(y for y, d in candidates if d >= anchor)
    return nearest


def year_from_weekday(weekday: int, month: int, day: int, reference: date) -> int | None:
    """The most recent year, at or before ``reference.year + 1``, where ``day month`` falls on
    ``weekday`` (Monday = 0); None when the day never exists (31 February)."""
    for year in range(reference.year + 1, reference.year + 1 - WEEKDAY_YEAR_SPAN, -1):
        if valid_day(year, month, day) and date(year, month, day).weekday() == weekday:
            return year
    return None


def weekday_date(weekday: int, anchor: date, direction: Direction) -> date:
    """The date of ``weekday`` relative to ``anchor``: the closest one ("ce jeudi", or a
    bare weekday in a clause of unknown tense), the last one before ("jeudi dernier", past
    tense) or the next one after ("jeudi prochain", future tense)."""
    delta = weekday - anchor.weekday()
    if direction == "past":
        return anchor + timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    if direction == "future":
        return anchor + timedelta(days=(delta % 7) or 7)
    # nearest (and "this"): -3..+3 days
    delta = ((delta + 3) % 7) - 3
    return anchor + timedelta(days=delta)


def iso_week(d: date) -> str:
    """TimeML week value of ``d``: ``2025-W15``."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(d: date, months: int) -> tuple[int, int]:
    """(year, month) of the month ``months`` after the month of ``d``."""
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


def shifted_value(anchor: date, amount: int, unit: str) -> str:
    """TimeML value of ``anchor`` shifted by ``amount`` units, written at the unit's
    granularity: days and weeks give a day, months a month, years a year."""
    if unit == "D":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit == "W":
        return (anchor + timedelta(weeks=amount)).isoformat()
    if unit == "M":
        year, month = add_months(anchor, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{anchor.year + 10 * amount:04d}"
    raise ValueError(f"cannot shift by unit {unit!r}")


def _number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}".rstrip("0").rstrip(".")


def duration_value(amount: float | None, letter: str, is_time: bool) -> str:
    """ISO 8601 / TimeML duration: ``PT2H``, ``PT90M`` (hours with a fraction become
    minutes), ``P3D``, ``PXH`` when ``amount`` is None (a vague "plusieurs heures")."""
    # Composite units are rewritten as a multiple of a plain one.
    factor = {"M6": ("M", 6), "Q": ("M", 3), "DE": ("Y", 10), "CE": ("Y", 100)}
    if letter in factor:
        letter, k = factor[letter]
        amount = None if amount is None else amount * k
    prefix = "PT" if is_time else "P"
    if amount is None:
        # Vague lengths: "plusieurs heures" -> PXH; minutes keep the T so that PTXM is not
        # read as "some months" (PXM).
        return f"PTX{letter}" if letter in ("M", "S") and is_time else f"PX{letter}"
    if not float(amount).is_integer():
        # 1.5 hours -> 90 minutes; half a day -> 12 hours; 0.5 year -> 6 months.
        smaller = {("H", True): ("M", 60, True), ("M", True): ("S", 60, True),
                   ("D", False): ("H", 24, True), ("W", False): ("D", 7, False),
                   ("M", False): ("D", 30, False), ("Y", False): ("M", 12, False)}
        if (letter, is_time) in smaller:
            new, k, new_time = smaller[(letter, is_time)]
            if float(amount * k).is_integer():
                return duration_value(amount * k, new, new_time)
    return f"{prefix}{_number(amount)}{letter}"
