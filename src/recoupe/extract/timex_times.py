"""Handlers of the French temporal grammar for deictic days, times of day, durations, sets
and present/past/future references (the calendar dates are in :mod:`timex_rules`)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from recoupe.extract.packs.fr import timex_lexicon as lex
from recoupe.extract.timex_calendar import duration_value, weekday_date
from recoupe.extract.timex_grammar import UNIT_NAMES
from recoupe.extract.timex_rules import Env, Found, boundary_mod, direction_of, norm, number

# ---------------------------------------------------------------- deictic days and times

def _pod(code_word: str | None) -> str | None:
    return lex.PARTS_OF_DAY.get(norm(code_word)) if code_word else None


def _day_or_time(day: date | None, pod: str | None, **kw: Any) -> Found:
    if pod:
        value = (day.isoformat() if day else "XXXX-XX-XX") + "T" + pod
        return Found("TIME", value, day=day, **kw)
    return Found("DATE", day.isoformat() if day else "XXXX-XX-XX", day=day, **kw)


def day_word(m: re.Match, env: Env) -> Found | None:
    shift = lex.DAY_WORDS[norm(m["w"])]
    day = env.anchor + timedelta(days=shift) if env.anchor else None
    attrs = {}
    if m["wd"] and day and lex.WEEKDAYS[norm(m["wd"])] != day.weekday():
        attrs = {"weekday_mismatch": True, "weekday": norm(m["wd"])}
    return _day_or_time(day, _pod(m["pod"]), attrs=attrs)


def chained_day(m: re.Match, env: Env) -> Found | None:
    base = env.last_day or env.anchor
    shift = 0 if m["same"] else lex.CHAINED_DAY_WORDS[norm(m["w"])]
    day = base + timedelta(days=shift) if base else None
    return _day_or_time(day, _pod(m["pod"]))


def weekday(m: re.Match, env: Env) -> Found | None:
    if re.match(r"\s+Saint", env.text[m.end():m.end() + 7]):
        return None  # "le Vendredi saint" is a feast, named elsewhere
    wd = lex.WEEKDAYS[norm(m["wd"])]
    det = norm(m["det"] or "")
    start = m.start("wd") if det == "le" else m.start()
    if det.startswith("ce"):
        direction = "nearest"
    elif m["rel"]:
        direction = direction_of(m["rel"]) if norm(m["rel"]) != "passé" else "past"
    else:
        direction = {"future": "future", "past": "past"}.get(env.tense(m.start()) or "", "nearest")
    pod = _pod(m["pod"])
    if env.anchor is None:
        value = f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")
        return Found("TIME" if pod else "DATE", value, start=start)
    return _day_or_time(weekday_date(wd, env.anchor, direction), pod, start=start)


def pod_bound(m: re.Match, env: Env) -> Found | None:
    found = _day_or_time(env.last_day or env.anchor, _pod(m["pod"]))
    return Found(found.type, found.value, mod=boundary_mod(m["b"]), day=found.day)


def ref_adj(m: re.Match, env: Env) -> Found | None:
    return Found("TIME", lex.REF_ADJECTIVES[norm(m["w"])])


def term(m: re.Match, env: Env) -> Found | None:
    return Found("DURATION", f"P{lex.TERMS[norm(m['w']).rstrip('s')]}Y")


def this_pod(m: re.Match, env: Env) -> Found | None:
    return _day_or_time(env.anchor, _pod(m["pod"]))


def pod_phrase(m: re.Match, env: Env) -> Found | None:
    if m.groupdict().get("pod") and not m["wd"] and not re.search(
            r"\b(?:dans|pendant|durant|de|toute)\s*$", env.text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return None  # "la nuit" alone is too often not a time ("la nuit des longs couteaux")
    pod = _pod(m["pod"]) if m.groupdict().get("pod") else "NI"
    if m["wd"] and env.anchor:
        day = weekday_date(lex.WEEKDAYS[norm(m["wd"])], env.anchor, "past")
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
    marker = norm(m["mod"] or "")
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
    mn_text = norm(re.sub(r"\s+", " ", m["mn"] or ""))
    mn = _MINUTE_WORDS.get(mn_text, int(mn_text) if mn_text.isdigit() else 0)
    return _clock(env, int(h), mn, "exact")


def noon(m: re.Match, env: Env) -> Found | None:
    if m["w"][0].isupper() and not m["vers"]:
        return None  # "le Midi": the south of France
    if not (m["vers"] or re.search(r"\b(?:à|avant|après|jusqu['’]à|dès|ce|hier|demain|aujourd['’]hui|vers|de|entre|et)\s*,?\s*$",
                                   env.text[max(0, m.start() - 20):m.start()], re.IGNORECASE)):
        return None
    approx = "about" if m["vers"] else "exact"
    return _clock(env, 12 if norm(m["w"]) == "midi" else 24, 0, approx, start=m.start("w"))


# ---------------------------------------------------------------- durations and sets

def _unit(word: str) -> tuple[str, bool, float]:
    return lex.DURATION_UNITS[UNIT_NAMES[norm(word)]]


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
    word = norm(m["n"])
    n = 1.0 if word in ("un", "une") else number(m["n"])
    if n is None:
        return None
    unit_name = UNIT_NAMES[norm(m["u"])]
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
    approx = lex.APPROX_MARKERS.get(norm(m["mod"] or ""), "exact")
    return _duration(n, letter, is_time, approx, m, per)


_FRACTIONS = {"demi": 0.5, "quart": 0.25, "quarts": 0.75}


def duration_hm_words(m: re.Match, env: Env) -> Found | None:
    h = 1.0 if norm(m["h"]) in ("un", "une") else number(m["h"])
    mn_word = norm(m["mn"])
    mn = {"quart": 15.0, "demie": 30.0}.get(mn_word) or number(mn_word)
    if h is None or mn is None or not (h.is_integer() and mn.is_integer()) or not 0 < mn < 60:
        return None
    approx = lex.APPROX_MARKERS.get(norm(m["mod"] or ""), "exact")
    return _duration(h * 60 + mn, "M", True, approx, m)


def duration_fraction(m: re.Match, env: Env) -> Found | None:
    key = re.findall(r"demi|quarts?", norm(m["f"]))[0]
    letter, is_time, per = _unit(m["u"])
    approx = lex.APPROX_MARKERS.get(norm(m["mod"] or ""), "exact")
    return _duration(_FRACTIONS[key], letter, is_time, approx, m, per)


def duration_vague(m: re.Match, env: Env) -> Found | None:
    if norm(m["q"]) == "des" and not re.search(r"\b(?:pendant|durant|depuis|après|il\s+y\s+a|voilà|voici)\s*$",
                                                 env.text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
        return None  # "des heures scolaires": only "pendant des heures" is a length
    letter, is_time, _ = _unit(m["u"])
    return _duration(None, letter, is_time, "vague", m)


def set_every(m: re.Match, env: Env) -> Found | None:
    unit = norm(m["u"]).rstrip("s") if norm(m["u"]) not in UNIT_NAMES else norm(m["u"])
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
    return Found("SET", "P1Y" if norm(m["u"]).startswith("annuel") else "P1W")


def ref(m: re.Match, env: Env) -> Found | None:
    # FR-TimeBank types these deictic adverbs TIME; they carry no calendar value.
    return Found("TIME", lex.REF_WORDS[norm(m.group())])
