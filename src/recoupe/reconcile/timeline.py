"""Planned for this event, or announced for later: who wrote before the event, and which
planned claims make the event's planned side.

The rules (the dossier's "Planned and happened" and "Announced next steps" sections follow them):

* **The event's days** are the span of the days reports say it happened on (claims that are
  not planned, in articles the events stage does not call previews; event claims only, when
  there are any). They decide who wrote before and which plans are for later.
* **Written before the event**: an article the events stage calls a preview, unless it was
  published after the event's last day (a "preview" published after the meeting cannot announce
  it: its claims are read like a report's), and any article published before the event's first
  day, unless it reports a day the event happened on itself (its publication date is then
  the error).
  Every claim of such an article is a plan.
* **Planned for this event**: the claims of articles written before it, and the planned claims of
  later articles only when they are compatible in time with the event: not marked ``next_event``
  by the extractor, not a date starting after the event's last day, and not in a sentence whose
  planned date starts after it ("les travaux commenceront en septembre à Kollo").
* **Announced next steps**: every other planned date, place or duration about an occurrence
  (dates and durations ``about_event`` or ``next_event``, places of the event or of another
  occurrence): "la prochaine session se tiendra à Bamako". They are listed apart, never compared
  with what happened, and never make a planned value "changed". Planned deadlines that are not
  about an occurrence ("d'ici 2027") are neither: commitments carry them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

from recoupe.records import Article, Claim
from recoupe.reconcile import values as V

# Slots of the planned side; figures, actors, quotes... keep their own rules.
TIMED_SLOTS = ("date", "place", "duration")
# Place roles that name an occurrence (this event's or another one's) rather than a background.
OCCURRENCE_ROLES = ("event", "other_event")
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


@dataclass(frozen=True)
class Days:
    """The event's first and last possible day (ordinals), from what reports say happened."""

    first: int
    last: int


def _published(a: Article) -> int | None:
    p = (a.published or "")[:10]
    try:
        return date.fromisoformat(p).toordinal()
    except ValueError:
        return None


def written_before(articles: Sequence[Article], kinds: Mapping[str, str], days: Days | None,
                   witnesses: frozenset[str] = frozenset()) -> frozenset[str]:
    """Ids of the articles written before the event (see the module docstring); ``witnesses``
    are the articles whose reported dates back the event's days."""
    out = set()
    for a in articles:
        pub = _published(a)
        if days is not None and pub is not None:
            if kinds.get(a.id) == "preview":
                if pub <= days.last:
                    out.add(a.id)
            elif pub < days.first and a.id not in witnesses:
                out.add(a.id)
        elif kinds.get(a.id) == "preview":
            out.add(a.id)
    return frozenset(out)


def sentence_bounds(text: str, start: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence (or line) holding position ``start``."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, start)
    if m is None:
        return lo, len(text)
    return lo, m.start() + (m.group() != "\n")  # keep the full stop


def _starts_after(c: Claim, days: Days | None, year: int | None) -> bool:
    if days is None or c.slot != "date":
        return False
    r = V.date_range(V.complete_year(c.value, year))
    return r is not None and r.key == "" and r.lo > days.last


def _is_occurrence(c: Claim) -> bool:
    if c.slot == "place":
        return c.attrs.get("role") in OCCURRENCE_ROLES or bool(c.attrs.get("next_event"))
    return bool(c.attrs.get("about_event", True)) or bool(c.attrs.get("next_event"))


def split_planned(claims: Sequence[Claim], articles: Mapping[str, Article], before: frozenset[str],
                  days: Days | None, year: int | None) -> tuple[list[Claim], list[Claim], list[Claim]]:
    """``(happened, planned for this event, announced next steps)`` of the event's claims;
    claims of other slots than date, place and duration that are planned go with the plans."""
    later_sentences: dict[str, list[tuple[int, int]]] = {}
    for c in claims:
        a = c.evidence.article
        if c.planned and a not in before and _starts_after(c, days, year) and a in articles:
            later_sentences.setdefault(a, []).append(sentence_bounds(articles[a].text, c.evidence.start))

    def in_later_sentence(c: Claim) -> bool:
        return any(lo <= c.evidence.start < hi for lo, hi in later_sentences.get(c.evidence.article, ()))

    happened, planned, announced = [], [], []
    for c in claims:
        in_before = c.evidence.article in before
        if not c.planned and not in_before:
            happened.append(c)
        elif c.slot not in TIMED_SLOTS:
            planned.append(c)
        elif c.attrs.get("next_event") or (not in_before and (_starts_after(c, days, year) or in_later_sentence(c))):
            if _is_occurrence(c):
                announced.append(c)
        else:
            planned.append(c)
    return happened, planned, announced
