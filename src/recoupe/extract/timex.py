"""Dates, durations and their modality: recoupe's own French temporal tagger.

:func:`tag` finds and normalises temporal expressions in any French text (usable on its
own: the FR-TimeBank benchmark calls it); :func:`extract` turns them into ``date`` and
``duration`` claims for the pipeline. Values follow TimeML: ``2025-04-03``,
``2025-04-03/2025-04-04``, ``2025-04``, ``XXXX-04-03``, ``PT90M``, ``PXH``.

The grammar lives in :mod:`timex_grammar` (patterns), :mod:`timex_rules` (values),
:mod:`timex_calendar` (arithmetic) and :mod:`timex_modality` (tense); the French words in
``packs/fr/timex_lexicon.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Iterator, Mapping

from recoupe.extract.packs.fr import timex_lexicon as lex
from recoupe.extract.timex_grammar import RULES, Rule
from recoupe.extract.timex_event import date_about_event, duration_about_event, duration_relation
from recoupe.extract.timex_modality import parse_of, tense_reader
from recoupe.extract import timex_rules as dates
from recoupe.extract import timex_times as times
from recoupe.extract.timex_rules import Env, Found
from recoupe.extract.tokens import case_sensitive_twin, lowered
from recoupe.records import Claim

EXTRACTOR = "timex.fr@1"

TYPES = ("DATE", "TIME", "DURATION", "SET")
APPROX = ("exact", "about", "at_least", "at_most", "vague")

# Characters trimmed from the ends of a span (a match never needs them).
_TRIM = " \t\n\u00a0\u202f,;:"

# Rule handler names (see timex_grammar.RULES) -> the function that reads the match.
HANDLERS: Mapping[str, Callable[[re.Match, Env], Found | None]] = {
    name: getattr(module, name)
    for module, names in (
        (dates, ("interval_days", "date_full", "date_numeric", "date_iso", "date_day_month",
                 "month_year", "month", "decade", "century", "year", "year2", "year_rel", "week",
                 "month_rel", "season", "offset")),
        (times, ("day_word", "chained_day", "weekday", "this_pod", "pod_phrase", "pod_bound",
                 "clock", "clock_words", "noon", "duration", "duration_fraction",
                 "duration_hm_words", "duration_vague", "set_every", "set_per", "set_adj", "ref",
                 "ref_adj", "term")),
    )
    for name in names
}


@dataclass(frozen=True)
class Timex:
    """One temporal expression: ``text == source[start:end]``.

    ``value`` is TimeML; ``mod`` the TimeML boundary (``START``, ``END``, ``MID``) of
    "début avril", "fin 2024"; ``parts`` the two ends of an interval as their own Timex
    (TimeML annotates "les 3 et 4 avril" as two expressions); ``attrs`` carries checks
    such as ``weekday_mismatch`` and, for durations, ``minutes``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    approx: str = "exact"
    planned: bool = False
    rule: str = ""
    mod: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple["Timex", ...] = ()


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


_MONTH_WORDS = tuple(w.rstrip(".") for w in lex.MONTHS)
_UNIT_WORDS = tuple(lex.DURATION_UNITS) + ("an", "ans", "années", "journées", "décennies", "siècles")
_POD_WORDS = tuple(lex.PARTS_OF_DAY)
# What each rule needs somewhere in its match (a digit, a month name, a duration unit...).
# Each rule runs only on the windows around those words rather than over the whole text,
# which gives the same candidates (checked on FR-TimeBank and the corpora, and by a property
# test) at a fraction of the cost: most rules open with long alternations tried at every
# position. Rules not listed scan the whole text.
_RULE_WORDS: Mapping[str, tuple[str, ...]] = {
    **{name: _MONTH_WORDS for name in ("interval_days", "date_full", "date_day_month", "month_year", "month")},
    **{name: _UNIT_WORDS for name in ("duration", "duration_hm_words", "clock_words", "duration_fraction",
                                      "duration_vague", "offset", "set_every", "set_per", "year_rel",
                                      "decade", "decade_words", "month_rel")},
    "week": _UNIT_WORDS + ("week",),
    **{name: _POD_WORDS for name in ("this_pod", "pod_bound", "pod_phrase")},
    "weekday": tuple(lex.WEEKDAYS), "pod_phrase_night": tuple(lex.WEEKDAYS),
    "century": ("siècle",), "season": tuple(lex.SEASONS), "ref": tuple(lex.REF_WORDS),
    "ref_adj": tuple(lex.REF_ADJECTIVES), "day_word": tuple(lex.DAY_WORDS),
    "chained_day": tuple(lex.CHAINED_DAY_WORDS) + ("jour",), "noon": ("midi", "minuit"),
    "set_adj": ("annuel", "hebdomadaire"), "term": tuple(lex.TERMS),
    **{name: ("0",) for name in ("clock", "year", "year2", "date_numeric", "date_iso")},  # a digit
}
_DIGIT = "0"


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")




def _needed_word(word: str) -> str:
    """A needed word at a word start, with room for an inflection ("heures", "annuelles")
    that grows with the word: a short word must be whole ("an" must not open windows on
    "Ankara" and "annonce", nor "mai" on "mais", nor "déc" on "décidé")."""
    return re.escape(word).replace("'", "['’]") + r"\w{0,%d}(?!\w)" % min(3, max(0, len(word) - 3))


def _by_first_letter(words: list[str]) -> str:
    """The alternation of ``_needed_word(w)`` for ``words`` (in that order), with the
    alternatives opening on the same letter grouped behind it: the same first match at
    every position (alternatives opening on different letters never both match there, and
    each group keeps the order), but ``re`` tries one group instead of every word."""
    groups: dict[str, list[str]] = {}
    for w in words:
        key = w[0] if w[0].isalnum() else ""
        groups.setdefault(key, []).append(_needed_word(w)[len(key):])
    return "(?:" + "|".join(key + "(?:" + "|".join(alts) + ")" for key, alts in groups.items()) + ")"


_NEEDED_ORDER = sorted({_fold(w) for ws in _RULE_WORDS.values() for w in ws if w != _DIGIT}, key=len, reverse=True)
# One scan finds every needed word and every run of digits.
_NEEDED = re.compile(r"\d+|(?<!\w)(?:" + "|".join(_needed_word(w) for w in _NEEDED_ORDER) + ")", re.IGNORECASE)
# The same scan on the lowered text (tokens.lowered): case-sensitive, the words grouped by
# first letter, and without the look-behind, which turns off the fast search: a word hit
# right after a letter is dropped and the scan resumes one character later, as _NEEDED's
# own scan would.
_NEEDED_LOW = case_sensitive_twin(re.compile(r"(\d+)|" + _by_first_letter(_NEEDED_ORDER), re.IGNORECASE))
_WORD_CHAR = re.compile(r"\w")


def _needed_hits(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the matches of ``_NEEDED.finditer(text)``."""
    low = lowered(text)
    if low is None:
        for m in _NEEDED.finditer(text):
            yield m.start(), m.end()
        return
    search, word_char = _NEEDED_LOW.search, _WORD_CHAR.match
    pos = 0
    while (m := search(low, pos)) is not None:
        start, end = m.span()
        if m.lastindex is None and start and word_char(low, start - 1):
            pos = start + 1  # a word inside a word: (?<!\w) fails here
            continue
        yield start, end
        pos = end
_WORD_SETS: tuple[tuple[str, ...], ...] = tuple({tuple(_fold(w) for w in ws) for ws in _RULE_WORDS.values()})
# Characters scanned before and after a needed word: longer than any expression the grammar
# matches ("entre le lundi 3 et le mardi 4 avril 2025 prochain" is about 50).
WINDOW_CHARS = 90


@lru_cache(maxsize=4096)
def _sets_of(hit: str) -> frozenset[tuple[str, ...]]:
    """The word sets with a word starting the hit or one of its inner words ("après-midi"
    also starts "midi")."""
    if hit[0].isdigit():
        return frozenset({(_DIGIT,)})
    starts = [0] + [i + 1 for i, ch in enumerate(hit) if not ch.isalnum()]
    return frozenset(ws for ws in _WORD_SETS for i in starts if any(hit.startswith(w, i) for w in ws))


def _windows(text: str) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Per word set, merged character ranges around its hits, widened to a space or a line
    break so a rule sees whole words and its usual left context."""
    raw: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for m_start, m_end in _needed_hits(text):
        sets = _sets_of(_fold(text[m_start:m_end]))
        lo, hi = max(0, m_start - WINDOW_CHARS), m_end + WINDOW_CHARS
        for ws in sets:
            out = raw.setdefault(ws, [])
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
    snapped: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for ws, spans in raw.items():
        snapped[ws] = []
        for lo, hi in spans:
            lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1 if lo > 0 else 0
            ends = [i for i in (text.find(" ", hi), text.find("\n", hi)) if i >= 0] if hi < len(text) else []
            snapped[ws].append((lo, min(ends) if ends else len(text)))
    return snapped


_RULE_SETS: Mapping[str, tuple[str, ...]] = {name: tuple(_fold(w) for w in ws) for name, ws in _RULE_WORDS.items()}


@lru_cache(maxsize=2)
def _candidates(text: str) -> tuple[_Candidate, ...]:
    """Every rule match of ``text`` (a pure function of the text: an undated article is
    tagged twice, once to find its anchor, and scanned once)."""
    out = []
    windows = _windows(text)
    for rule in RULES:
        needs = _RULE_SETS.get(rule.name)
        spans = [(0, len(text))] if needs is None else windows.get(needs, [])
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                if m.end() > m.start():
                    out.append(_Candidate(m.start(), m.end(), rule, m))
    return tuple(out)


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _select(text: str, anchor: date | None, today: date) -> list[_Candidate]:
    """Longest non-overlapping readings. A handler that rejects its match (a count, not a
    year) leaves room for a shorter reading of the same words."""
    dry = Env(text=text, anchor=anchor, today=today, tense=lambda pos: None)
    ranked = sorted(_candidates(text), key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[tuple[int, int]] = []
    chosen = []
    for cand in ranked:
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        if HANDLERS[cand.rule.handler](cand.match, dry) is None:
            continue
        taken.append((cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _after_anchor(value: str, anchor: date | None) -> bool:
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if anchor is None or m is None:
        return False
    y, mo, d = int(m[1]), m[2], m[3]
    if d:
        return (y, int(mo), int(d)) > (anchor.year, anchor.month, anchor.day)
    if mo:
        return (y, int(mo)) > (anchor.year, anchor.month)
    return y > anchor.year


def tag(text: str, anchor: date | None, doc: Any = None, today: date | None = None) -> list[Timex]:
    """Every temporal expression of ``text``, in text order, normalised against ``anchor``
    (the publication date; None when unknown). ``doc`` is an optional spaCy parse of the
    same text, used for tense; ``today`` fixes "recent" when a weekday must pick a year
    with no anchor (default: the current date)."""
    return list(_tag_iter(text, anchor, doc, today))


def _tag_iter(text: str, anchor: date | None, doc: Any = None, today: date | None = None) -> Iterator[Timex]:
    """:func:`tag`, one expression at a time (a caller may stop at the first it needs)."""
    today = today or date.today()
    if not parse_of(doc, text):
        doc = None
    tense = tense_reader(text, doc)
    env = Env(text=text, anchor=anchor, today=today, tense=tense, parsed=doc is not None)
    for cand in _select(text, anchor, today):
        found = HANDLERS[cand.rule.handler](cand.match, env)
        if found is None:
            continue
        start, end = _span(text, found.start if found.start is not None else cand.start,
                           found.end if found.end is not None else cand.end)
        if start >= end:
            continue
        if found.day is not None and found.type in ("DATE", "TIME"):
            env.last_day = found.day
        planned = tense(start) == "future" or (
            found.type in ("DATE", "TIME") and _after_anchor(found.value, anchor))
        parts = tuple(
            Timex(s, e, text[s:e], found.type, v, found.approx, planned, cand.rule.name)
            for s, e, v in (_span(text, ps, pe) + (pv,) for ps, pe, pv in found.parts)
        )
        yield Timex(start, end, text[start:end], found.type, found.value, found.approx,
                    planned, cand.rule.name, found.mod, dict(found.attrs), parts)


# ---------------------------------------------------------------- pipeline extractor

# Rules whose dates carry their own year: only those may anchor an undated article.
_FULL_DATE_RULES = ("date_full", "date_numeric", "date_iso", "interval_days")


def article_anchor(text: str, published: str | None) -> date | None:
    """The date everything relative is read from: the publication date when known, else
    the first full date of the text (a dateline "Moscou, le 03 avril 2025")."""
    if published:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            pass
    if not any(c.rule.name in _FULL_DATE_RULES for c in _candidates(text)):
        return None  # no rule that gives a full date matched anywhere
    for t in _tag_iter(text, None):
        first = t.value.split("/")[0]
        if t.rule in _FULL_DATE_RULES and re.fullmatch(r"\d{4}-\d\d-\d\d", first):
            return date.fromisoformat(first)
    return None


def about_event(text: str, start: int, end: int | None = None, value: str = "", doc: Any = None) -> bool:
    """True when the date at ``text[start:end]`` is the event's (see :mod:`timex_event`)."""
    return date_about_event(text, start, start if end is None else end, value, doc)


def extract(ctx: Any) -> list[Claim]:
    """``date`` and ``duration`` claims of one article (clock times only when the
    sentence is about the event)."""
    text = ctx.article.text
    doc = getattr(ctx, "doc", None)
    if not parse_of(doc, text):
        doc = None
    anchor = article_anchor(text, ctx.article.published)
    claims: list[Claim] = []
    for t in tag(text, anchor, doc):
        if t.type == "SET" or (t.type != "DURATION" and not re.search(r"\d", t.value)):
            continue  # PRESENT_REF, XXXX-XX-XX and habits say nothing about when it happened
        if t.type == "DURATION":
            minutes = t.attrs.get("minutes")
            claims.append(ctx.claim("duration", t.value, t.start, t.end, EXTRACTOR, t.planned,
                                    type=t.type, approx=t.approx, rule=t.rule, minutes=minutes,
                                    relation=duration_relation(text, t.start, t.end),
                                    about_event=duration_about_event(text, t.start, t.end, minutes)))
            continue
        event = about_event(text, t.start, t.end, t.value, doc)
        if t.type == "TIME" and not event:
            continue
        attrs = {"type": t.type, "approx": t.approx, "rule": t.rule, "about_event": event}
        if t.mod:
            attrs["mod"] = t.mod
        attrs.update({k: v for k, v in t.attrs.items() if k != "minutes"})
        claims.append(ctx.claim("date", t.value, t.start, t.end, EXTRACTOR, t.planned, **attrs))
    return _later_occurrences(claims)


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _later_occurrences(claims: list[Claim]) -> list[Claim]:
    """In an article that reports its event on a past day, a planned meeting date is another,
    later occurrence ("une réunion est prévue la semaine prochaine"): not the event's date."""
    if not any(c.slot == "date" and c.attrs["about_event"] and not c.planned and _DAY.match(c.value)
               for c in claims):
        return claims
    return [replace(c, attrs={**c.attrs, "about_event": False, "next_event": True})
            if c.slot == "date" and c.planned and c.attrs["about_event"] else c for c in claims]
