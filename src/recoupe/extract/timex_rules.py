"""Handlers of the French temporal grammar: one function per rule family of
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
    add_months, complete_year, duration_value, iso_week, shifted_value, valid_day,
    weekday_date, year_from_weekday,
)
from recoupe.extract.timex_grammar import NUMBER_WORDS, UNIT_NAMES

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


def _key(s: str) -> str:
    return s.lower().replace("’", "'").strip()


def day_number(s: str) -> int:
    s = _key(s)
    if s == "premier":
        return 1
    return int(re.match(r"\d+", s).group())


def month_number(s: str) -> int:
    return lex.MONTHS[_key(s)]


def number(s: str) -> float | None:
    """Digits ("24", "30,4") or French number words ("vingt-quatre", "une")."""
    s = _key(s)
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


def _direction(rel: str | None) -> str:
    rel = _key(rel or "")
    if rel in lex.PAST_MARKERS or rel in ("précédent", "précédente"):
        return "past"
    if rel in lex.NEXT_MARKERS or rel in ("suivant", "suivante"):
        return "future"
    return "nearest"


def _bound(b: str | None) -> str | None:
    if not b:
        return None
    word = re.sub(r"^(?:au|en)\s+", "", _key(b)).split()[0].rstrip("-")
    return lex.BOUNDARY_WORDS.get(word, lex.BOUNDARY_WORDS.get(word[:2]))


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not re.search(r"[.!?]\s|\n", text[min(a, b):max(a, b)])


def _start(m: re.Match, group: str) -> int:
    return m.start(group) if m.group(group) else m.start()


# ---------------------------------------------------------------- calendar dates

def _day_found(env: Env, y: int, mo: int, d: int, wd: str | None, rule_attrs: dict | None = None,
               **kw: Any) -> Found | None:
    if not valid_day(y, mo, d):
        return None
    day = date(y, mo, d)
    attrs = dict(rule_attrs or {})
    if wd and lex.WEEKDAYS[_key(wd)] != day.weekday():
        # "jeudi 3 avril 2025" that is not a Thursday: keep the written date, flag it.
        attrs["weekday_mismatch"] = True
        attrs["weekday"] = _key(wd)
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
        return year_from_weekday(lex.WEEKDAYS[_key(wd)], mo, d, env.today), "weekday"
    return None, "unknown"


# A deadline set in the past still points forward ("a donné jusqu'au 30 juin").
_DEADLINE = re.compile(r"(?:jusqu['’](?:au|à)|d['’]ici(?:\s+(?:le|au|à))?|avant\s+le|au\s+plus\s+tard\s+le)\s*$",
                       re.IGNORECASE)


def _tensed(env: Env, pos: int, rel: str | None) -> str:
    """Direction of a partial date: its own "dernier"/"prochain", else the clause's tense
    (a past clause puts "le 21 juin" before the anchor), else the nearest."""
    direction = _direction(rel)
    if direction == "nearest" and env.anchor is not None:
        if re.search(r"\bdepuis\s*$", env.text[max(0, pos - 10):pos], re.IGNORECASE):
            return "past"
        if env.parsed and not _DEADLINE.search(env.text[max(0, pos - 16):pos]):
            tense = env.tense(pos)
            if tense in ("past", "future"):
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
    if m["mid"] and (_key(m["conj"]) != "et" or m["m1"]):
        return None  # a list of days is "les 12, 13 et 14 mars", nothing else
    if _key(m["conj"]) in ("au", "à") and not m["det"] and not m["m1"]:
        return None  # "3 à 4 mai" without "du"/"entre" is more often a count range
    if m["y2"] or m["y1"]:
        y2 = full_year(m["y2"] or m["y1"], env)
        y1 = full_year(m["y1"], env) if m["y1"] else (y2 if (mo1, d1) <= (mo2, d2) else y2 - 1)
    else:
        y1, how = _partial_year(env, mo1, d1, None, _direction(m["rel"]))
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
    det = _key(m["det"] or "")
    s1 = m.start("d1")
    if det == "les":
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
    s2 = m.start("d2")
    before = text[m.end("conj"):s2]
    if re.search(r"\ble\s*$", before):
        s2 = m.end("conj") + re.search(r"\ble\s*$", before).start()
    return Found("DATE", f"{v1}/{v2}", day=first, parts=((s1, e1, v1),) + middle + ((s2, m.end(), v2),))


def _same_month(value: str, day: int) -> str:
    return f"{value[:8]}{day:02d}"


def month_year(m: re.Match, env: Env) -> Found | None:
    y, mo = full_year(m["y"], env), month_number(m["m"])
    env.last_year = (m.start("y"), y)
    return Found("DATE", f"{y:04d}-{mo:02d}", mod=_bound(m["b"]))


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
    mod = _bound(m["b"])
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
    return Found("DATE", f"{n - 1:02d}XX", mod=_bound(m["b"]))


_DECADE_WORDS = {"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6,
                 "soixante-dix": 7, "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9}


def decade(m: re.Match, env: Env) -> Found | None:
    if m.groupdict().get("w"):
        return Found("DATE", f"19{_DECADE_WORDS[_key(m['w'])]}X", mod=_bound(m["b"]))
    dd = int(m["dd"])
    century_ = m["c"] or ("20" if dd == 0 or (dd <= 20 and (env.anchor or env.today).year >= 2010 + dd) else "19")
    return Found("DATE", f"{century_}{dd // 10}X", mod=_bound(m["b"]))


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
    return Found("DATE", f"{y:04d}", mod=_bound(m["b"]))


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
        shift, mod = {"past": -1, "future": 1}.get(_direction(m["rel2"]), 0), _bound(m["b"])
    else:
        shift, mod = {"past": -1, "future": 1}.get(_direction(m["rel"]), 0), None
    if env.anchor is None:
        return Found("DATE", "XXXX", mod=mod)
    return Found("DATE", f"{env.anchor.year + shift:04d}", mod=mod)


def week(m: re.Match, env: Env) -> Found | None:
    det, w = _key(m["cette"]), _key(m["w"])
    rel = _direction(m["rel"])
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
    shift = {"past": -1, "future": 1}.get(_direction(m["rel"]), 0)
    if env.anchor is None:
        return Found("DATE", "XXXX-XX")
    y, mo = add_months(env.anchor, shift)
    return Found("DATE", f"{y:04d}-{mo:02d}")


def season(m: re.Match, env: Env) -> Found | None:
    code = lex.SEASONS[_key(m["s"])]
    start = m.start("det") if m["det"] else m.start("s")
    if m["y"]:
        return Found("DATE", f"{int(m['y']):04d}-{code}", start=start)
    if not m["det"] or env.anchor is None:
        return Found("DATE", f"XXXX-{code}", start=start)  # "en été": any summer
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = env.anchor.year
    rel = _direction(m["rel"])
    if rel == "past" and env.anchor.month <= first_month + 2:
        y -= 1
    elif rel == "future" and env.anchor.month >= first_month:
        y += 1
    return Found("DATE", f"{y:04d}-{code}", start=start)


_OFFSET_UNITS = {"jour": "D", "jours": "D", "semaine": "W", "semaines": "W", "mois": "M",
                 "an": "Y", "ans": "Y", "année": "Y", "années": "Y"}


def offset(m: re.Match, env: Env) -> Found | None:
    n = 1.0 if _key(m["n"]) in ("un", "une") else number(m["n"])
    if n is None or not n.is_integer():
        return None
    sign = 1 if _key(m["dir"]) == "dans" else -1
    if sign > 0 and re.match(r"\s*(?:de|d['’])\s", env.text[m.end():m.end() + 4]):
        return None  # "dans un jour de grande forme"
    unit = _OFFSET_UNITS[_key(m["u"])]
    if env.anchor is None:
        return Found("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX"}.get(unit, "XXXX"))
    value = shifted_value(env.anchor, sign * int(n), unit)
    day = date.fromisoformat(value) if len(value) == 10 else None
    return Found("DATE", value, day=day)


# ---------------------------------------------------------------- deictic days and times

def _pod(code_word: str | None) -> str | None:
    return lex.PARTS_OF_DAY.get(_key(code_word)) if code_word else None


def _day_or_time(day: date | None, pod: str | None, **kw: Any) -> Found:
    if pod:
        value = (day.isoformat() if day else "XXXX-XX-XX") + "T" + pod
        return Found("TIME", value, day=day, **kw)
    return Found("DATE", day.isoformat() if day else "XXXX-XX-XX", day=day, **kw)


def day_word(m: re.Match, env: Env) -> Found | None:
    shift = lex.DAY_WORDS[_key(m["w"])]
    day = env.anchor + timedelta(days=shift) if env.anchor else None
    attrs = {}
    if m["wd"] and day and lex.WEEKDAYS[_key(m["wd"])] != day.weekday():
        attrs = {"weekday_mismatch": True, "weekday": _key(m["wd"])}
    return _day_or_time(day, _pod(m["pod"]), attrs=attrs)


def chained_day(m: re.Match, env: Env) -> Found | None:
    base = env.last_day or env.anchor
    shift = 0 if m["same"] else lex.CHAINED_DAY_WORDS[_key(m["w"])]
    day = base + timedelta(days=shift) if base else None
    return _day_or_time(day, _pod(m["pod"]))


def weekday(m: re.Match, env: Env) -> Found | None:
    if re.match(r"\s+Saint", env.text[m.end():m.end() + 7]):
        return None  # "le Vendredi saint" is a feast, named elsewhere
    wd = lex.WEEKDAYS[_key(m["wd"])]
    det = _key(m["det"] or "")
    start = m.start("wd") if det == "le" else m.start()
    if det.startswith("ce"):
        direction = "nearest"
    elif m["rel"]:
        direction = _direction(m["rel"]) if _key(m["rel"]) != "passé" else "past"
    else:
        direction = {"future": "future", "past": "past"}.get(env.tense(m.start()) or "", "nearest")
    pod = _pod(m["pod"])
    if env.anchor is None:
        value = f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")
        return Found("TIME" if pod else "DATE", value, start=start)
    return _day_or_time(weekday_date(wd, env.anchor, direction), pod, start=start)


def pod_bound(m: re.Match, env: Env) -> Found | None:
    found = _day_or_time(env.last_day or env.anchor, _pod(m["pod"]))
    return Found(found.type, found.value, mod=_bound(m["b"]), day=found.day)


def ref_adj(m: re.Match, env: Env) -> Found | None:
    return Found("TIME", lex.REF_ADJECTIVES[_key(m["w"])])


def term(m: re.Match, env: Env) -> Found | None:
    return Found("DURATION", f"P{lex.TERMS[_key(m['w']).rstrip('s')]}Y")


def this_pod(m: re.Match, env: Env) -> Found | None:
    return _day_or_time(env.anchor, _pod(m["pod"]))


def pod_phrase(m: re.Match, env: Env) -> Found | None:
    if m.groupdict().get("pod") and not m["wd"] and not re.search(
            r"\b(?:dans|pendant|durant|de|toute)\s*$", env.text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return None  # "la nuit" alone is too often not a time ("la nuit des longs couteaux")
    pod = _pod(m["pod"]) if m.groupdict().get("pod") else "NI"
    if m["wd"] and env.anchor:
        day = weekday_date(lex.WEEKDAYS[_key(m["wd"])], env.anchor, "past")
    else:
        day = env.last_day or env.anchor
    return _day_or_time(day, pod)


# Words before "10 h 30" / after it that make it a length of time, not a clock time.
_DURATION_BEFORE = re.compile(r"\b(?:pendant|durant|en|depuis|de\s+plus\s+de|après|au\s+bout\s+de)\s*$", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"^\s*(?:de|d['’])\s*(?!matin|soir|l['’]après|la\s+nuit)[a-zà-ÿ]", re.IGNORECASE)


def _clock(env: Env, h: int, mn: int, approx: str, **kw: Any) -> Found | None:
    if h > 24 or mn > 59:
        return None
    base = env.last_day or env.anchor
    hhmm = f"T{h:02d}:{mn:02d}"
    return Found("TIME", (base.isoformat() if base else "XXXX-XX-XX") + hhmm, approx=approx, day=base, **kw)


def clock(m: re.Match, env: Env) -> Found | None:
    h, mn = int(m["h"]), int(m["mn"] or 0)
    marker = _key(m["mod"] or "")
    approx = lex.APPROX_MARKERS.get(marker, "exact")
    text = env.text
    is_duration = (
        (marker and marker not in ("vers", "aux alentours de", "autour de"))
        or _DURATION_BEFORE.search(text[max(0, m.start() - 20):m.start()])
        or (_DURATION_AFTER.match(text[m.end():m.end() + 20]) and not re.search(
            r"\b(?:à|a|dès|jusqu['’]à|avant)\s*$", text[max(0, m.start() - 10):m.start()], re.IGNORECASE))
    )
    if is_duration:
        # "1h30" is 90 minutes (PT90M); "2h" stays PT2H.
        return _duration(h * 60 + mn, "M", True, approx, m) if mn else _duration(h, "H", True, approx, m)
    # FR-TimeBank leaves "vers" out of clock times ("hier vers <18 h>"); it is kept as approx.
    return _clock(env, h, mn, approx, start=m.start("h"))


_MINUTE_WORDS = {"trente": 30, "quinze": 15, "quarante-cinq": 45, "et demie": 30, "et quart": 15}


def clock_words(m: re.Match, env: Env) -> Found | None:
    if not re.search(r"\b(?:à|vers|dès|avant|après|jusqu['’]à)\s*$", env.text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return None  # without "à", "deux heures" is a length of time
    h = number(m["h"])
    if h is None or not h.is_integer():
        return None
    mn_text = _key(re.sub(r"\s+", " ", m["mn"] or ""))
    mn = _MINUTE_WORDS.get(mn_text, int(mn_text) if mn_text.isdigit() else 0)
    return _clock(env, int(h), mn, "exact")


def noon(m: re.Match, env: Env) -> Found | None:
    if m["w"][0].isupper() and not m["vers"]:
        return None  # "le Midi": the south of France
    if not (m["vers"] or re.search(r"\b(?:à|avant|après|jusqu['’]à|dès|ce|hier|demain|aujourd['’]hui|vers|de|entre|et)\s*,?\s*$",
                                   env.text[max(0, m.start() - 20):m.start()], re.IGNORECASE)):
        return None
    approx = "about" if m["vers"] else "exact"
    return _clock(env, 12 if _key(m["w"]) == "midi" else 24, 0, approx, start=m.start("w"))


# ---------------------------------------------------------------- durations and sets

def _unit(word: str) -> tuple[str, bool, float]:
    return lex.DURATION_UNITS[UNIT_NAMES[_key(word)]]


def _duration(amount: float | None, letter: str, is_time: bool, approx: str, m: re.Match,
              minutes_per_unit: float | None = None) -> Found:
    value = duration_value(amount, letter, is_time)
    minutes = None
    if amount is not None:
        per = minutes_per_unit if minutes_per_unit is not None else {"H": 60.0, "M": 1.0, "S": 1 / 60}[letter]
        minutes = round(amount * per, 6)  # 0.1 + 0.2 noise would break equality on minutes
    return Found("DURATION", value, approx=approx, attrs={"minutes": minutes})


_AGE_BEFORE = re.compile(r"(?:\bâgée?s?\s+de|\bl['’]âge\s+de|\b(?:les|des|aux)\s+(?:moins|plus)\s+de|\bde\s+\d+\s+à)\s*$",
                         re.IGNORECASE)


def _is_age(text: str, start: int, end: int) -> bool:
    """"Jean, 87 ans, ...", "une fillette de 6 ans", "âgé de 54 ans": an age, not a duration."""
    before = text[max(0, start - 40):start]
    if _AGE_BEFORE.search(before):
        return True
    if re.search(r",\s*$", before) and re.match(r"\s*[,.;)]", text[end:end + 2]):
        return True
    m = re.search(r"(\w+)\s+de\s*$", before)
    return bool(m) and m.group(1).lower() not in lex.DURATION_HEADS and not m.group(1).isdigit()


def duration(m: re.Match, env: Env) -> Found | None:
    word = _key(m["n"])
    n = 1.0 if word in ("un", "une") else number(m["n"])
    if n is None:
        return None
    unit_name = UNIT_NAMES[_key(m["u"])]
    if word in ("un", "une") and unit_name in ("jour", "nuit") and not m["mod"]:
        return None  # "un jour" is "some day" far more often than "one day"
    if word in ("un", "une") and unit_name == "heure" and re.search(r"\bà\s*$", env.text[max(0, m.start() - 4):m.start()]):
        return None
    if unit_name == "an" and (_is_age(env.text, m.start(), m.end()) if not m["mod"] else re.search(
            r"\b(?:les|des|aux)\s*$", env.text[max(0, m.start() - 5):m.start()], re.IGNORECASE)):
        return None  # an age ("Jean, 87 ans", "les moins de 17 ans"), not a length of time
    if unit_name == "seconde" and word == "une" and not m["mod"]:
        return None  # "une seconde fois": the ordinal
    if m["et"] or m["et2"]:
        n += 0.5
    letter, is_time, per = _unit(m["u"])
    approx = lex.APPROX_MARKERS.get(_key(m["mod"] or ""), "exact")
    return _duration(n, letter, is_time, approx, m, per)


_FRACTIONS = {"demi": 0.5, "quart": 0.25, "quarts": 0.75}


def duration_hm_words(m: re.Match, env: Env) -> Found | None:
    h = 1.0 if _key(m["h"]) in ("un", "une") else number(m["h"])
    mn_word = _key(m["mn"])
    mn = {"quart": 15.0, "demie": 30.0}.get(mn_word) or number(mn_word)
    if h is None or mn is None or not (h.is_integer() and mn.is_integer()) or not 0 < mn < 60:
        return None
    approx = lex.APPROX_MARKERS.get(_key(m["mod"] or ""), "exact")
    return _duration(h * 60 + mn, "M", True, approx, m)


def duration_fraction(m: re.Match, env: Env) -> Found | None:
    key = re.findall(r"demi|quarts?", _key(m["f"]))[0]
    letter, is_time, per = _unit(m["u"])
    approx = lex.APPROX_MARKERS.get(_key(m["mod"] or ""), "exact")
    return _duration(_FRACTIONS[key], letter, is_time, approx, m, per)


def duration_vague(m: re.Match, env: Env) -> Found | None:
    if _key(m["q"]) == "des" and not re.search(r"\b(?:pendant|durant|depuis|après|il\s+y\s+a|voilà|voici)\s*$",
                                                 env.text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
        return None  # "des heures scolaires": only "pendant des heures" is a length
    letter, is_time, _ = _unit(m["u"])
    return _duration(None, letter, is_time, "vague", m)


def set_every(m: re.Match, env: Env) -> Found | None:
    unit = _key(m["u"]).rstrip("s") if _key(m["u"]) not in UNIT_NAMES else _key(m["u"])
    if unit in lex.WEEKDAYS:
        return Found("SET", f"XXXX-WXX-{lex.WEEKDAYS[unit] + 1}")
    if unit not in UNIT_NAMES:
        return None
    n = number(m["n"]) if m["n"] else 1.0
    if n is None:
        return None
    letter, is_time, _ = _unit(unit)
    return Found("SET", duration_value(n, letter, is_time))


def set_per(m: re.Match, env: Env) -> Found | None:
    letter, is_time, _ = _unit(m["u"])
    return Found("SET", duration_value(1, letter, is_time))


def set_adj(m: re.Match, env: Env) -> Found | None:
    return Found("SET", "P1Y" if _key(m["u"]).startswith("annuel") else "P1W")


def ref(m: re.Match, env: Env) -> Found | None:
    # FR-TimeBank types these deictic adverbs TIME; they carry no calendar value.
    return Found("TIME", lex.REF_WORDS[_key(m.group())])


HANDLERS: Mapping[str, Callable[[re.Match, Env], Found | None]] = {
    "interval_days": interval_days,
    "date_full": date_full,
    "date_numeric": date_numeric,
    "date_iso": date_iso,
    "date_day_month": date_day_month,
    "month_year": month_year,
    "month": month,
    "decade": decade,
    "century": century,
    "year": year,
    "year2": year2,
    "year_rel": year_rel,
    "week": week,
    "month_rel": month_rel,
    "season": season,
    "offset": offset,
    "day_word": day_word,
    "chained_day": chained_day,
    "weekday": weekday,
    "this_pod": this_pod,
    "pod_phrase": pod_phrase,
    "clock": clock,
    "clock_words": clock_words,
    "noon": noon,
    "duration": duration,
    "duration_fraction": duration_fraction,
    "duration_hm_words": duration_hm_words,
    "duration_vague": duration_vague,
    "set_every": set_every,
    "set_per": set_per,
    "set_adj": set_adj,
    "ref": ref,
    "ref_adj": ref_adj,
    "term": term,
    "pod_bound": pod_bound,
}
