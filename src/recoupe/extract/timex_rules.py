"""Handlers of the French temporal grammar for calendar dates (the times of day, durations
and sets are in :mod:`timex_times`): one function per rule family of
:mod:`recoupe.extract.timex_grammar`, turning a regex match into a TimeML type and value.

A handler returns ``None`` when the match is not a temporal expression after all (a count
"2000 personnes", a bare month with no calendar context, "un jour" meaning "some day").
Values that need an anchor and have none are written with X's (``XXXX-04-03``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Mapping

from recoupe.extract.packs.fr import timex_lexicon as lex
from recoupe.extract.timex_calendar import (
    add_months, complete_year, iso_week, shifted_value, valid_day,
    weekday_date, year_from_weekday,
)
from recoupe.extract.timex_grammar import NUMBER_WORDS

# A two-digit year is put in the anchor's century unless that puts it more than this many
# years after the anchor ("93" in a 2002 text is 1993; "05" is 2005).
TWO_DIGIT_YEAR_MARGIN = 10


@dataclass
class Env:
    """What handlers may read: the text, the anchor date, the tense of a clause, and the
    last day mentioned (for "le lendemain", "à 10 h"). One per :func:`tag` call."""

    text: str
    anchor: date | None
    today: date
    tense: Callable[[int], str | None]  # position -> "future" | "past" | None
    last_day: date | None = None
    last_year: tuple[int, int] | None = None  # (position, year) of the last explicit year
    parsed: bool = False  # True when ``tense`` reads a parse (reliable enough to move a date)


@dataclass(frozen=True)
class Found:
    """A handler's reading of one match; ``start``/``end`` override the match span."""

    type: str
    value: str
    approx: str = "exact"
    mod: str | None = None
    start: int | None = None
    end: int | None = None
    day: date | None = None  # the calendar day it denotes, when it denotes one
    attrs: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple[tuple[int, int, str], ...] = ()  # (start, end, value) of interval ends


def norm(s: str) -> str:
    return s.lower().replace("’", "'").strip()


def day_number(s: str) -> int:
    s = norm(s)
    if s == "premier":
        return 1
    return int(re.match(r"\d+", s).group())


def month_number(s: str) -> int:
    return lex.MONTHS[norm(s)]


def number(s: str) -> float | None:
    """Digits ("24", "30,4") or French number words ("vingt-quatre", "une")."""
    s = norm(s)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    s = re.sub(r"\s+", " ", s)
    return float(NUMBER_WORDS[s]) if s in NUMBER_WORDS else None


def full_year(s: str, env: Env) -> int:
    """A 4-digit year, or a 2-digit one put in the century that keeps it near the anchor."""
    digits = re.sub(r"\D", "", s)
    if len(digits) == 4:
        return int(digits)
    ref = (env.anchor or env.today).year
    y = (ref // 100) * 100 + int(digits)
    return y - 100 if y > ref + TWO_DIGIT_YEAR_MARGIN else y


def direction_of(rel: str | None) -> str:
    rel = norm(rel or "")
    if rel in lex.PAST_MARKERS or rel in ("précédent", "précédente"):
        return "past"
    if rel in lex.NEXT_MARKERS or rel in ("suivant", "suivante"):
        return "future"
    return "nearest"


def boundary_mod(b: str | None) -> str | None:
    if not b:
        return None
    word = re.sub(r"^(?:au|en)\s+", "", norm(b)).split()[0].rstrip("-")
    return lex.BOUNDARY_WORDS.get(word, lex.BOUNDARY_WORDS.get(word[:2]))


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not re.search(r"[.!?]\s|\n", text[min(a, b):max(a, b)])


# ---------------------------------------------------------------- calendar dates

def _day_found(env: Env, y: int, mo: int, d: int, wd: str | None, rule_attrs: dict | None = None,
               **kw: Any) -> Found | None:
    if not valid_day(y, mo, d):
        return None
    day = date(y, mo, d)
    attrs = dict(rule_attrs or {})
    if wd and lex.WEEKDAYS[norm(wd)] != day.weekday():
        # "jeudi 3 avril 2025" that is not a Thursday: keep the written date, flag it.
        attrs["weekday_mismatch"] = True
        attrs["weekday"] = norm(wd)
    return Found("DATE", day.isoformat(), day=day, attrs=attrs, **kw)


def date_full(m: re.Match, env: Env) -> Found | None:
    return _day_found(env, full_year(m["y"], env), month_number(m["m"]), day_number(m["d"]), m["wd"])


def date_numeric(m: re.Match, env: Env) -> Found | None:
    d, mo = int(m["d"]), int(m["m"])
    if m["sep"] == "." and len(m["y"]) == 2:
        return None  # "3.4.25" is more often a version or a score than a date
    return _day_found(env, full_year(m["y"], env), mo, d, m["wd"])


def date_iso(m: re.Match, env: Env) -> Found | None:
    return _day_found(env, int(m["y"]), int(m["m"]), int(m["d"]), None)


def _partial_year(env: Env, mo: int, d: int, wd: str | None, direction: str) -> tuple[int | None, str]:
    """Year of a day-month without year, and how it was chosen."""
    if env.anchor is not None:
        return complete_year(mo, d, env.anchor, direction), "anchor"
    if wd:
        return year_from_weekday(lex.WEEKDAYS[norm(wd)], mo, d, env.today), "weekday"
    return None, "unknown"


# A deadline set in the past still points forward ("a donné jusqu'au 30 juin").
_DEADLINE = re.compile(r"(?:jusqu['’](?:au|à)|d['’]ici(?:\s+(?:le|au|à))?|avant\s+le|au\s+plus\s+tard\s+le)\s*$",
                       re.IGNORECASE)


def _tensed(env: Env, pos: int, rel: str | None) -> str:
    """Direction of a partial date: its own "dernier"/"prochain", else the clause's tense
    (a past clause puts "le 21 juin" before the anchor), else the nearest."""
    direction = direction_of(rel)
    if direction == "nearest" and env.anchor is not None:
        if re.search(r"\bdepuis\s*$", env.text[max(0, pos - 10):pos], re.IGNORECASE):
            return "past"
        if not _DEADLINE.search(env.text[max(0, pos - 16):pos]):
            # A parse says which verb governs the date; verb endings alone are trusted only
            # for the past (a compound past is unmistakable, a nearby "devrait" is not).
            tense = env.tense(pos)
            if tense == "past" or (tense == "future" and env.parsed):
                return tense
    return direction


def date_day_month(m: re.Match, env: Env) -> Found | None:
    d, mo = day_number(m["d"]), month_number(m["m"])
    if not valid_day(2000, mo, d):  # 2000 is a leap year: 29 February is allowed
        return None
    year, how = _partial_year(env, mo, d, m["wd"], _tensed(env, m.start(), m["rel"]))
    if year is None:
        return Found("DATE", f"XXXX-{mo:02d}-{d:02d}", attrs={"year": how})
    found = _day_found(env, year, mo, d, m["wd"], {"year": how})
    if found is None and how == "anchor":  # 29 February in a common year
        return Found("DATE", f"XXXX-{mo:02d}-{d:02d}", attrs={"year": "unknown"})
    return found


def interval_days(m: re.Match, env: Env) -> Found | None:
    d1, d2 = day_number(m["d1"]), day_number(m["d2"])
    mo2 = month_number(m["m2"])
    mo1 = month_number(m["m1"]) if m["m1"] else mo2
    if norm(m["det"] or "") == "le" and norm(m["conj"]) != "et":
        return None  # "le 3 au 5" is not French; "le 1er et le 2 avril" is
    if m["mid"] and (norm(m["conj"]) != "et" or m["m1"]):
        return None  # a list of days is "les 12, 13 et 14 mars", nothing else
    if norm(m["conj"]) in ("au", "à") and not m["det"] and not m["m1"]:
        return None  # "3 à 4 mai" without "du"/"entre" is more often a count range
    if m["y2"] or m["y1"]:
        y2 = full_year(m["y2"] or m["y1"], env)
        y1 = full_year(m["y1"], env) if m["y1"] else (y2 if (mo1, d1) <= (mo2, d2) else y2 - 1)
    else:
        y1, how = _partial_year(env, mo1, d1, None, direction_of(m["rel"]))
        if y1 is None:
            v1, v2 = f"XXXX-{mo1:02d}-{d1:02d}", f"XXXX-{mo2:02d}-{d2:02d}"
            return _interval(m, v1, v2, None)
        y2 = y1 if (mo1, d1) <= (mo2, d2) else y1 + 1
    if not (valid_day(y1, mo1, d1) and valid_day(y2, mo2, d2)):
        return None
    a, b = date(y1, mo1, d1), date(y2, mo2, d2)
    if b < a:
        return None
    return _interval(m, a.isoformat(), b.isoformat(), a)


def _interval(m: re.Match, v1: str, v2: str, first: date | None) -> Found:
    text = m.string
    det = norm(m["det"] or "")
    s1 = m.start("wd1") if m["wd1"] else m.start("d1")
    if det in ("les", "le"):
        s1 = m.start("det")
    elif det.startswith("entre"):
        s1 = m.start("det") + re.search(r"\bles?\b", m["det"]).start()
    if m["mid"]:
        # "les 12, 13 et 14 mars": the list is one interval; its middle days are parts too.
        e1 = m.end("d1")
        middle = tuple((m.start("mid") + x.start(), m.start("mid") + x.end(),
                        _same_month(v2, int(re.match(r"\d+", x.group()).group())))
                       for x in re.finditer(r"\d+(?:er)?", m["mid"]))
    else:
        e1 = max(m.end(g) for g in ("d1", "m1", "y1") if m.group(g))
        middle = ()
    s2 = m.start("wd2") if m["wd2"] else m.start("d2")
    before = text[m.end("conj"):s2]
    if re.search(r"\ble\s*$", before):
        s2 = m.end("conj") + re.search(r"\ble\s*$", before).start()
    return Found("DATE", f"{v1}/{v2}", day=first, parts=((s1, e1, v1),) + middle + ((s2, m.end(), v2),))


def _same_month(value: str, day: int) -> str:
    return f"{value[:8]}{day:02d}"


def month_year(m: re.Match, env: Env) -> Found | None:
    y, mo = full_year(m["y"], env), month_number(m["m"])
    env.last_year = (m.start("y"), y)
    return Found("DATE", f"{y:04d}-{mo:02d}", mod=boundary_mod(m["b"]))


# A bare month is a date only in a calendar context: after one of these words, or with a
# boundary / "dernier" / "le mois de". Otherwise "mars" may be the planet, "mai" a name.
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:en|depuis|de|dès|jusqu['’]en|avant|après|pour|fin|début|courant|entre|et|ou|à|au|mi)"
    r"|\bd['’]|[-–])\s*$", re.IGNORECASE)


def month(m: re.Match, env: Env) -> Found | None:
    word = m["m"]
    if word[0].isupper() and m.start("m") > 0 and not re.search(r"(?:^|[.!?:\n])\s*$", env.text[:m.start("m")]):
        return None  # "Mars" in mid-sentence is the planet or a name
    if not (m["b"] or m["mois"] or m["rel"] or _MONTH_CONTEXT.search(env.text[max(0, m.start() - 12):m.start()])):
        return None
    mo = month_number(word)
    mod = boundary_mod(m["b"])
    if env.last_year and _same_sentence(env.text, env.last_year[0], m.start()) and not m["rel"]:
        return Found("DATE", f"{env.last_year[1]:04d}-{mo:02d}", mod=mod)
    if env.anchor is None:
        return Found("DATE", f"XXXX-{mo:02d}", mod=mod)
    year = complete_year(mo, None, env.anchor, _tensed(env, m.start(), m["rel"]))
    return Found("DATE", f"{year:04d}-{mo:02d}", mod=mod)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def century(m: re.Match, env: Env) -> Found | None:
    n = _roman(m["r"].upper())
    if not 1 <= n <= 21:
        return None
    return Found("DATE", f"{n - 1:02d}XX", mod=boundary_mod(m["b"]))


_DECADE_WORDS = {"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6,
                 "soixante-dix": 7, "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9}


def decade(m: re.Match, env: Env) -> Found | None:
    if m.groupdict().get("w"):
        return Found("DATE", f"19{_DECADE_WORDS[norm(m['w'])]}X", mod=boundary_mod(m["b"]))
    dd = int(m["dd"])
    century_ = m["c"] or ("20" if dd == 0 or (dd <= 20 and (env.anchor or env.today).year >= 2010 + dd) else "19")
    return Found("DATE", f"{century_}{dd // 10}X", mod=boundary_mod(m["b"]))


# A 4-digit number is a count, not a year, before these words or after these quantifiers.
_COUNT_AFTER = re.compile(
    r"^\s*(?:%|€|\$|euros?|francs?|dollars?|fcfa|f\b|mf\b|km|kilomètres?|mètres?|m\b|m²|tonnes?|"
    r"habitants|personnes|soldats|militaires|morts|victimes|blessés|hommes|femmes|enfants|élèves|"
    r"étudiants|emplois|postes|logements|véhicules|voix|exemplaires|spectateurs|participants|"
    r"membres|agents|salariés|combattants|réfugiés|déplacés|dossiers|cas|points|ans|heures|jours|"
    r"kg|litres|barils|ha|hectares|mw|mégawatts|\d)", re.IGNORECASE)
_COUNT_BEFORE = re.compile(
    r"(?:\b(?:plus\s+de|moins\s+de|près\s+de|environ|quelque|les|des|ces|aux|sur|numéro|n°|"
    r"chiffre\s+de|total\s+de|nombre\s+de)|\d[.,]?)\s*$", re.IGNORECASE)


def year(m: re.Match, env: Env) -> Found | None:
    y = int(m["y"])
    text = env.text
    if not (m["b"] or m["lan"]):
        if _COUNT_AFTER.match(text[m.end():m.end() + 16]) or _COUNT_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
            return None
        if y < 1900 and not re.search(r"\b(?:en|depuis|de|dès|vers|jusqu['’]en|avant|après)\s*$",
                                      text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
            return None
    env.last_year = (m.start("y"), y)
    return Found("DATE", f"{y:04d}", mod=boundary_mod(m["b"]))


def year2(m: re.Match, env: Env) -> Found | None:
    y = full_year(m["y"], env)
    env.last_year = (m.start("y"), y)
    return Found("DATE", f"{y:04d}")


def year_rel(m: re.Match, env: Env) -> Found | None:
    if m["b"] and not re.match(r"la\s", m.group(), re.IGNORECASE) and not re.search(
            r"\b(?:en|d['’]ici|avant|dès)\s*$", env.text[max(0, m.start() - 8):m.start()], re.IGNORECASE):
        return None  # "une fête de fin d'année" is a kind of party, not a date
    if m["cette"]:
        shift, mod = 0, None
    elif m["b"]:
        shift, mod = {"past": -1, "future": 1}.get(direction_of(m["rel2"]), 0), boundary_mod(m["b"])
    else:
        shift, mod = {"past": -1, "future": 1}.get(direction_of(m["rel"]), 0), None
    if env.anchor is None:
        return Found("DATE", "XXXX", mod=mod)
    return Found("DATE", f"{env.anchor.year + shift:04d}", mod=mod)


def week(m: re.Match, env: Env) -> Found | None:
    det, w = norm(m["cette"]), norm(m["w"])
    rel = direction_of(m["rel"])
    weekend = w != "semaine"
    if weekend != (det in ("ce", "le")):
        return None  # "la week-end", "ce semaine": not French
    if m["rel0"]:  # "la même semaine": the week of the last day mentioned
        base = env.last_day or env.anchor
        if base is None:
            return None
        return Found("DATE", iso_week(base) + ("-WE" if weekend else ""))
    if det in ("la", "le") and rel == "nearest":
        return None  # "la semaine" alone is generic
    if env.anchor is None:
        return Found("DATE", "XXXX-WXX" + ("-WE" if weekend else ""))
    shift = {"past": -7, "future": 7}.get(rel, 0)
    if weekend:
        # "ce week-end": the nearest Saturday-Sunday; past/next ones shift by a week.
        sat = weekday_date(5, env.anchor, "nearest")
        sun = weekday_date(6, env.anchor, "nearest")
        base = min((sat, sun), key=lambda d: abs((d - env.anchor).days))
        return Found("DATE", iso_week(base + timedelta(days=shift)) + "-WE")
    return Found("DATE", iso_week(env.anchor + timedelta(days=shift)))


def month_rel(m: re.Match, env: Env) -> Found | None:
    shift = {"past": -1, "future": 1}.get(direction_of(m["rel"] or m["rel2"]), 0)
    mod = boundary_mod(m["b"])
    if env.anchor is None:
        return Found("DATE", "XXXX-XX", mod=mod)
    y, mo = add_months(env.anchor, shift)
    return Found("DATE", f"{y:04d}-{mo:02d}", mod=mod)


def season(m: re.Match, env: Env) -> Found | None:
    code = lex.SEASONS[norm(m["s"])]
    start = m.start("det") if m["det"] else m.start("s")
    if m["y"]:
        return Found("DATE", f"{int(m['y']):04d}-{code}", start=start)
    if not m["det"] or env.anchor is None:
        return Found("DATE", f"XXXX-{code}", start=start)  # "en été": any summer
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = env.anchor.year
    rel = direction_of(m["rel"])
    if rel == "past" and env.anchor.month <= first_month + 2:
        y -= 1
    elif rel == "future" and env.anchor.month >= first_month:
        y += 1
    return Found("DATE", f"{y:04d}-{code}", start=start)


_OFFSET_UNITS = {"jour": "D", "jours": "D", "semaine": "W", "semaines": "W", "mois": "M",
                 "an": "Y", "ans": "Y", "année": "Y", "années": "Y"}


def offset(m: re.Match, env: Env) -> Found | None:
    n = 1.0 if norm(m["n"]) in ("un", "une") else number(m["n"])
    if n is None or not n.is_integer():
        return None
    sign = 1 if norm(m["dir"]) == "dans" else -1
    if sign > 0 and re.match(r"\s*(?:de|d['’])\s", env.text[m.end():m.end() + 4]):
        return None  # "dans un jour de grande forme"
    unit = _OFFSET_UNITS[norm(m["u"])]
    if env.anchor is None:
        return Found("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX"}.get(unit, "XXXX"))
    value = shifted_value(env.anchor, sign * int(n), unit)
    day = date.fromisoformat(value) if len(value) == 10 else None
    return Found("DATE", value, day=day)
