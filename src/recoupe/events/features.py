"""What grouping compares: per-article terms, names/actors, event dates and places.

Claims from the extract stage come first (canonical actor ids, event places, dates about the
event). When an article has none of a kind (English articles today, or a failed extraction), a
*light path* fills in: dates written out in the lead ("March 3, 2025", "3 avril 2025",
"les 3 et 4 avril"). Capitalised words (accents folded) are name keys for EVERY article, beside
its canonical actors: names are spelled alike across languages, so an English wire report
without claims still shares keys with the French reports of its event. The years an article is
about (publication year, years in the lead or written twice) let grouping tell apart two
similar stories years apart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from recoupe.records import Article, Claim

# Characters of the lead (title + first sentences) used for light-path dates and the lead
# embedding: the event's own date is told at the top; later dates are background.
LEAD_CHARS = 500
# Terms kept per article vector (highest TF-IDF first): bounds the cost of every comparison;
# the tail of a news article's vector adds little to its cosine.
MAX_TERMS = 80
# Pseudo-documents added to the corpus size in IDF (terms assumed absent from them): with a
# batch of five articles on one meeting, plain IDF would crush every shared word to nothing;
# with a large corpus this changes nothing.
BACKGROUND_DOCS = 100
# Prefix of light-path name keys (kept apart from canonical actor ids).
NAME_PREFIX = "n:"
# Shortest word kept as a term (drops most function words of any language).
MIN_TERM_CHARS = 3

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "March 3, 2025", "May 03 2013", "Mar. 3"
_EN_DATE = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
# "3 avril 2025", "les 3 et 4 avril 2025", "1er mars", "3 March 2025"
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+(?:et|au|-|and|to)\s+(\d{{1,2}}))?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?\b",
                        re.IGNORECASE)
# A year of recent decades as written in news text (1950-2049).
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_TERM = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
# Capitalised word not at the start of a sentence: a name in English and French.
_NAME = re.compile(r"(?<![.!?»\"”:\n]\s)(?<!^)(?<![.!?\n])\b([A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’-]{2,}|[A-Z]{2,6})\b", re.MULTILINE)
# Capitalised words that are not names (days, months, titles, function words at clause starts).
_NOT_NAMES = frozenset(
    """the a an and but for with from this that these those there they their his her its our
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche mr mrs ms dr st le la les un une des du de et en au aux ce cette ces il elle
    ils elles nous vous on pour par sur dans avec selon mais""".split()
) | frozenset(MONTHS)

# Function words of English and French dropped from the TF-IDF terms.
STOP_WORDS = frozenset(
    """the and for are was were has have had been being with from that this these those they them their
    there then than which who whom whose what when where while will would could should shall can may
    might must not but his her its our your you she him said says also into onto over under after
    before about above below more most some such only own same very just out off all any both each few
    other one two three new last first year years told according
    les des une dans pour par sur avec est sont ont été être avoir que qui quoi dont plus moins aux
    ses son sa leur leurs nous vous ils elles cette ces cet comme mais donc car pas ainsi tout tous
    toute toutes entre lors dont après avant depuis selon sans sous chez fait faire été était""".split()
)


@dataclass(frozen=True)
class DateSpan:
    """A day or an interval of days; ``year`` None when the text gave only day and month."""

    start: int  # day ordinal (date.toordinal) or, without a year, month*31+day
    end: int
    year_known: bool
    light: bool = False  # read by the light path (often the publication date, not the event's)


@dataclass(frozen=True)
class Features:
    """Everything grouping needs about one article."""

    article: Article
    term_ids: tuple[int, ...]  # crc32 of each distinct term (compact: no strings kept)
    term_counts: tuple[int, ...]
    keys: frozenset[str]  # canonical actor ids, or light-path name keys
    key_counts: tuple[int, ...]  # mentions of each key, in sorted key order (the protagonist leads)
    places: frozenset[str]
    dates: tuple[DateSpan, ...]
    published: int | None  # day ordinal of the publication date
    lead: str
    years: frozenset[int] = frozenset()  # years written anywhere in the text (light path)


def article_features(article: Article, claims: Sequence[Claim]) -> Features:
    """Terms, keys, places and event dates of one article (claims first, light path as fallback)."""
    text = article.text
    lead = ((article.title or "") + "\n" + text[:LEAD_CHARS]).strip()
    terms = Counter(w.lower() for w in _TERM.findall(text) if len(w) >= MIN_TERM_CHARS)
    for stop in STOP_WORDS & terms.keys():
        del terms[stop]
    ids = tuple(term_id(t) for t in terms)
    actors = Counter(sys.intern(c.value) for c in claims if c.slot == "actor")
    # Capitalised names are keys in every language, beside the canonical actors: names are
    # written the same across languages (accents folded: "Ouédraogo" / "Ouedraogo"), so they
    # bridge a French article with claims and an English one without.
    mentions = actors + Counter(sys.intern(NAME_PREFIX + n) for n in _names(text))
    keys = frozenset(mentions)
    key_counts = tuple(mentions[k] for k in sorted(keys))
    places = frozenset(c.value for c in claims if c.slot == "place" and c.attrs.get("role", "event") == "event")
    # Light-path dates count only with a year (written or from the publication date): a bare
    # "June 8" in a lead is as often a background date as the event's, and a wrong veto splits
    # an event (measured on ECB+: keeping them costs 0.05 of B-cubed recall).
    dates = _claim_dates(claims) or tuple(DateSpan(s.start, s.end, True, True)
                                          for s in light_dates(lead, article.published) if s.year_known)
    return Features(article, ids, tuple(terms.values()), keys, key_counts, places, dates,
                    day_ordinal(article.published), lead,
                    _salient_years(text, lead, article.published))


def _salient_years(text: str, lead: str, published: str | None) -> frozenset[int]:
    """Years the article is about: its publication year, years written in its lead or at least
    twice (a year dropped once in the body is background)."""
    counts = Counter(_YEAR.findall(text))
    years = {int(y) for y, c in counts.items() if c >= 2} | {int(y) for y in _YEAR.findall(lead)}
    if published and published[:4].isdigit():
        years.add(int(published[:4]))
    return frozenset(years)


def term_id(term: str) -> int:
    """A stable 32-bit id of a term (CRC-32: the same in every process, unlike ``hash``)."""
    return zlib.crc32(term.encode("utf-8"))


def _names(text: str) -> list[str]:
    return [_fold(w) for w in _NAME.findall(text) if w.lower() not in _NOT_NAMES]


def _fold(word: str) -> str:
    """Lower case without accents: the same name in English and French spelling."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii") or word.lower()


def day_ordinal(iso: str | None) -> int | None:
    """Day ordinal of an ISO date (None when missing or unreadable)."""
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _claim_dates(claims: Sequence[Claim]) -> tuple[DateSpan, ...]:
    dated = [c for c in claims if c.slot == "date"]
    about = [c for c in dated if c.attrs.get("about_event")] or []
    spans = [s for c in about if (s := parse_timex(c.value)) is not None]
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))


def parse_timex(value: str) -> DateSpan | None:
    """A TimeML date value (``2025-04-03``, ``2025-04-03/2025-04-04``, ``XXXX-04-03``) as a span."""
    parts = value.split("/")
    spans = [_one_day(p) for p in parts[:2]]
    if any(s is None for s in spans) or not spans:
        return None
    first, last = spans[0], spans[-1]
    assert first is not None and last is not None
    if first.year_known != last.year_known:
        return None
    return DateSpan(first.start, max(first.start, last.end), first.year_known)


def _one_day(value: str) -> DateSpan | None:
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    month, day = int(m.group(2)), int(m.group(3))
    if m.group(1) == "XXXX":
        return DateSpan(month * 31 + day, month * 31 + day, False) if 1 <= month <= 12 and 1 <= day <= 31 else None
    try:
        o = dt.date(int(m.group(1)), month, day).toordinal()
    except ValueError:
        return None
    return DateSpan(o, o, True)


def light_dates(text: str, published: str | None = None) -> list[DateSpan]:
    """Dates written out in ``text`` (English and French forms). Without a year in the text,
    the year of ``published`` is used when known, else the span keeps only month and day."""
    year_default = int(published[:4]) if published and published[:4].isdigit() else None
    spans: list[DateSpan] = []
    for m in _EN_DATE.finditer(text):
        _add(spans, MONTHS[m.group(1).lower()], int(m.group(2)), None, m.group(3), year_default)
    for m in _DAY_FIRST.finditer(text):
        _add(spans, MONTHS[m.group(3).lower()], int(m.group(1)), m.group(2), m.group(4), year_default)
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def _add(spans: list[DateSpan], month: int, day: int, day2: str | None, year: str | None, default: int | None) -> None:
    y = int(year) if year else default
    last = int(day2) if day2 else day
    if not (1 <= day <= 31 and 1 <= last <= 31):
        return
    if y is None:
        spans.append(DateSpan(month * 31 + day, month * 31 + max(day, last), False))
        return
    try:
        start = dt.date(y, month, day).toordinal()
        end = dt.date(y, month, max(day, last)).toordinal()
    except ValueError:
        return
    spans.append(DateSpan(start, end, True))


def dates_compatible(a: Sequence[DateSpan], b: Sequence[DateSpan], tolerance_days: int,
                     light_tolerance_days: int | None = None) -> bool:
    """True when either side has no date, or some span of ``a`` lies within ``tolerance_days``
    of some span of ``b`` (spans without a year compare by month and day only). A pair where
    either span comes from the light path uses ``light_tolerance_days`` instead."""
    if not a or not b:
        return True
    light = tolerance_days if light_tolerance_days is None else light_tolerance_days
    for x in a:
        for y in b:
            limit = light if (x.light or y.light) else tolerance_days
            if x.year_known and y.year_known:
                gap = max(x.start - y.end, y.start - x.end, 0)
            else:
                xs, xe = (_month_day(x.start), _month_day(x.end)) if x.year_known else (x.start, x.end)
                ys, ye = (_month_day(y.start), _month_day(y.end)) if y.year_known else (y.start, y.end)
                gap = max(xs - ye, ys - xe, 0)
            if gap <= limit:
                return True
    return False


def _month_day(ordinal: int) -> int:
    d = dt.date.fromordinal(ordinal)
    return d.month * 31 + d.day


def places_compatible(a: frozenset[str], b: frozenset[str] | Mapping[str, int]) -> bool:
    """True when either side has no event place, or they share one. A state and a city are not
    compared (a claim ``state:RU`` does not contradict ``place:524901``, Moscow): only places of
    the same level can veto."""
    if not a or not b:
        return True
    other = set(b)
    if a & other:
        return True
    for level in ("place:", "state:"):
        mine = {p for p in a if p.startswith(level)}
        theirs = {p for p in other if p.startswith(level)}
        if mine and theirs:
            return False
    return True


def key_vector(f: Features, df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear TF-IDF of the article's actor/name keys (mentions), L2-normalised: the
    protagonist, named again and again, dominates; a name dropped once weighs little."""
    weights = {k: (1.0 + math.log(c)) * (math.log((n_docs + BACKGROUND_DOCS + 1) / (df.get(k, 0) + 1)) + 1.0)
               for k, c in zip(sorted(f.keys), f.key_counts)}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def tfidf(f: Features, df: Mapping[int, int], n_docs: int) -> dict[int, float]:
    """Sublinear TF-IDF of the article's terms, cut to the MAX_TERMS heaviest, L2-normalised."""
    weights = {t: (1.0 + math.log(c)) * (math.log((n_docs + BACKGROUND_DOCS + 1) / (df.get(t, 0) + 1)) + 1.0)
               for t, c in zip(f.term_ids, f.term_counts)}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}
