"""Is a date or a duration the event's own? (``about_event`` of :mod:`timex` claims.)

A **duration** is the event's length only when a lasting verb ("a duré", "se sont prolongées",
"devrait durer") or a preposition of extent ("pendant", "durant", "au terme de", "à l'issue
de", "après ... d'échanges") governs it, and the clause or its complement names the meeting.
"en cinq ans" (a trend), "depuis quinze ans", "sur cinq ans", "il y a deux ans", "trois mois
après" (an offset) never are.

A **date** is the event's when it attaches to the meeting predicate: the parse's head chain
of the date reaches a meeting noun or verb, or the date's clause names the meeting. A
deadline ("d'ici 2027", "avant la fin mai"), a start point ("depuis 2019") or a bare year
("contre 640 millions en 2024": an event is dated to a day or a month) is not.
"""

from __future__ import annotations

import re
from typing import Any

from recoupe.extract.packs.fr import timex_lexicon as lex
from recoupe.extract.timex_modality import sentence_bounds

EVENT = re.compile(r"\b(?:" + "|".join(lex.EVENT_TRIGGERS).replace("'", "['’]") + r")\b", re.IGNORECASE)
# Nouns that are a meeting only for a short duration: "les travaux ont duré trois heures"
# (a working session) but "les travaux dureront 30 mois" (a building site).
_SHORT_ONLY = re.compile(r"\b(?:" + "|".join(lex.SHORT_EVENT_NOUNS) + r")\b", re.IGNORECASE)
# A meeting lasts hours or days; a "travaux" duration past this many minutes is a site's.
SHORT_EVENT_MAX_MINUTES = 7 * 1440

_CLAUSE_DELIMITERS = re.compile(r"[,;:()«»\u2014\u2013\"]")
# Characters before a duration in which its governing verb or preposition is looked for.
GOVERNOR_CHARS = 60

_NEVER_BEFORE = re.compile(r"(?:" + "|".join(lex.DURATION_NOT_LENGTH_BEFORE).replace("'", "['’]") + r")\s*$",
                           re.IGNORECASE)
_OFFSET_AFTER = re.compile(r"\s*(?:" + "|".join(lex.DURATION_OFFSET_AFTER) + r")\b", re.IGNORECASE)
_LASTING = re.compile(r"\b(?:" + "|".join(lex.LASTING_VERBS).replace("'", "['’]") + r")\b[^,;.]*$", re.IGNORECASE)
_EXTENT = re.compile(r"\b(?:" + "|".join(lex.EXTENT_PREPOSITIONS).replace("'", "['’]") + r")\s*$",
                     re.IGNORECASE)
# "après environ 1h30 d'échanges": "après" is an extent only with a meeting complement.
_AFTER = re.compile(r"\baprès\s*$", re.IGNORECASE)
_COMPLEMENT = re.compile(r"\s*d(?:e\s+|['’]\s*)(?:\w+\s+){0,2}?", re.IGNORECASE)
# "d'ici 2027", "depuis 2019", "jusqu'en 2030": a date that bounds something else.
_DATE_NEVER_BEFORE = re.compile(r"(?:" + "|".join(lex.DATE_NOT_EVENT_BEFORE).replace("'", "['’]") + r")\s*$",
                                re.IGNORECASE)
# Values coarser than a month: a year, a decade, a century, a season of a year.
_COARSE = re.compile(r"\d{2,4}(?:-(?:SP|SU|FA|WI|H[12]|Q[1-4]))?")
# Dependency steps from a date up to the predicate it modifies.
MAX_HEAD_STEPS = 3


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    s_start, s_end = sentence_bounds(text, start)
    c_start = max([m.end() for m in _CLAUSE_DELIMITERS.finditer(text, s_start, start)] or [s_start])
    after = _CLAUSE_DELIMITERS.search(text, end, s_end)
    return c_start, (after.start() if after else s_end)


def _names_meeting(text: str, lo: int, hi: int, minutes: float | None) -> bool:
    if EVENT.search(text, lo, hi):
        return True
    short = minutes is not None and minutes <= SHORT_EVENT_MAX_MINUTES
    return short and bool(_SHORT_ONLY.search(text, lo, hi))


def duration_relation(text: str, start: int, end: int) -> str:
    """How a duration relates to its clause: ``offset`` ("trois mois après"), ``span`` ("en
    cinq ans", "depuis", "sur", "il y a": not a length of the event), ``length`` (governed
    by a lasting verb or a preposition of extent) or ``other``."""
    s_start, _ = sentence_bounds(text, start)
    before = text[max(s_start, start - GOVERNOR_CHARS):start]
    if _OFFSET_AFTER.match(text, end):
        return "offset"
    if _EXTENT.search(before):
        return "length"
    if _AFTER.search(before) and _COMPLEMENT.match(text, end) and EVENT.match(text, _COMPLEMENT.match(text, end).end()):
        return "length"
    lasting = _LASTING.search(before)
    if _NEVER_BEFORE.search(before) and not (lasting and re.search(r"\bsur\s*$", before)):
        return "span"
    if lasting:
        return "length"
    return "other"


def duration_about_event(text: str, start: int, end: int, minutes: float | None = None) -> bool:
    """True when ``text[start:end]`` says how long the event lasted."""
    if duration_relation(text, start, end) != "length":
        return False
    s_start, s_end = sentence_bounds(text, start)
    # "d'échanges", "de discussions": the complement names the meeting.
    comp = _COMPLEMENT.match(text, end)
    if comp and _names_meeting(text, comp.end(), min(s_end, comp.end() + 30), minutes):
        return True
    return _names_meeting(text, s_start, s_end, minutes)


def _meeting_token(tok: Any) -> bool:
    return bool(EVENT.fullmatch(tok.lower_) or EVENT.fullmatch(tok.lemma_.lower()))


def _parse_attached(doc: Any, start: int, end: int) -> bool | None:
    """Whether the head chain of the date reaches a meeting word (or a verb whose subject
    or object is one); None when the parse does not cover the span."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    inside = {t.i for t in span}
    for _ in range(MAX_HEAD_STEPS):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.i in inside:
            continue
        if _meeting_token(tok):
            return True
        if tok.pos_ in ("VERB", "AUX"):
            args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:arg")]
            return any(_meeting_token(a) for a in args)
    return False


def date_about_event(text: str, start: int, end: int, value: str, doc: Any = None) -> bool:
    """True when the date at ``text[start:end]`` (TimeML ``value``) is the event's date.
    ``doc``, when given, must be the spaCy parse of ``text`` (the caller checks it once)."""
    if _COARSE.fullmatch(value):
        return False  # an event is dated to a day or a month; a year alone is background
    s_start, s_end = sentence_bounds(text, start)
    if _DATE_NEVER_BEFORE.search(text[max(s_start, start - GOVERNOR_CHARS):start]):
        return False
    attached = _parse_attached(doc, start, end) if doc is not None else None
    if attached:
        return True
    c_start, c_end = _clause(text, start, end)
    if EVENT.search(text, c_start, c_end):
        return True
    if attached is False and not _first_date_of_sentence(text, s_start, start):
        return False
    return bool(EVENT.search(text, s_start, s_end)) and not lex_background(text, c_start)


_BACKGROUND_CLAUSE = re.compile(
    r"\s*(?:qui|que|qu['’]|dont|où|depuis|dès|lors|avant|créée?s?|fondée?s?|née?s?|instituée?s?|"
    r"lancée?s?|mise?s?|signée?s?|adoptée?s?|devenue?s?|\w+(?:ée|ées|és))\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def lex_background(text: str, clause_start: int) -> bool:
    """A clause opening with a participle or a relative word is background about something
    else ("l'Alliance, créée en septembre 2023", "qui existe depuis 2019")."""
    return bool(_BACKGROUND_CLAUSE.match(text, clause_start))


def _first_date_of_sentence(text: str, s_start: int, start: int) -> bool:
    """No digit before the date in its sentence: "Hier jeudi, dans la capitale, ...", the
    sentence's lead adverbial, which the parse often hangs on a noun."""
    return not _DIGIT.search(text, s_start, start)
