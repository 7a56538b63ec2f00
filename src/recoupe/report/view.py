"""What the Markdown and HTML dossiers show, computed once from a :class:`Dossier`.

Both renderers walk the same :class:`EventView`, so the two formats never disagree: the
sources are numbered once (most primary first) and every citation ``[n]`` points into that
list. Values are written for a reader ("3 April 2025", "about 1 h 30", "Moscow (RU)").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from recoupe.records import Article, Claim, Dossier, Fact
from recoupe.reconcile import values as V
from recoupe.reconcile.quotes import FLAG_DIRECT_ONLY_IN_DERIVED
from recoupe.reconcile.timeline import sentence_bounds
from recoupe.reconcile.topics import commitment_rows, domain_rows

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SLOT_LABELS = {"date": "Date", "location": "Place", "duration": "Duration"}
APPROX_WORDS = {"about": "about ", "at_least": "at least ", "at_most": "at most ", "exact": "", "vague": ""}
VAGUE_WORDS = {"S": "several seconds", "MI": "several minutes", "H": "several hours", "D": "several days",
               "W": "several weeks", "MO": "several months", "Y": "several years"}
STATUS_LABELS = {"corroborated": "corroborated", "conflicting": "conflicting", "single-source": "single source"}
FLAG_TEXT = {FLAG_DIRECT_ONLY_IN_DERIVED: "Direct quote found only in a derived article whose source reports "
                                          "it as indirect speech: the quotation marks may be the rewriter's"}
OUTCOME_TEXT = {"as-planned": "happened as planned", "changed": "changed from the plan",
                "unreported": "no source reports what happened"}
EXCERPT_CHARS = 220  # longest evidence excerpt quoted in a conflict or a quote variant
ANNOUNCED_CHARS = 160  # the sentence that announces a next step, clipped
SHORT_NAME_CHARS = 48  # a title standing in for a missing outlet name in citations


@dataclass(frozen=True)
class Source:
    number: int
    article: Article
    kind: str
    derived_from: tuple[tuple[int, str, float], ...]  # (source number, kind, score)
    group: int  # 1-based independence group


@dataclass(frozen=True)
class Cite:
    number: int
    outlet: str
    text: str  # the evidence, clipped
    note: str = ""  # "rewrite of [1]" for echoes


@dataclass(frozen=True)
class FactRow:
    label: str
    value: str
    status: str
    cites: tuple[int, ...]
    groups: int
    note: str = ""


@dataclass(frozen=True)
class Side:
    value: str
    groups: int
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Conflict:
    label: str
    chosen: str
    kind: str  # "between-groups" / "within-group" / "quote"
    explanation: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class Variant:
    number: int
    verdict: str
    text: str
    direct: bool


@dataclass(frozen=True)
class QuoteView:
    speaker: str
    text: str
    variants: tuple[Variant, ...]
    missing: tuple[int, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ListRow:
    label: str
    status: str
    cites: tuple[int, ...]
    detail: str = ""


@dataclass(frozen=True)
class TimelineRow:
    label: str
    planned: str
    planned_cites: tuple[int, ...]
    happened: str
    happened_cites: tuple[int, ...]
    outcome: str


@dataclass(frozen=True)
class Edge:
    article: int
    source: int
    kind: str
    score: float


@dataclass(frozen=True)
class EventView:
    id: str
    title: str
    summary: str
    summary_cite: int | None
    conflicts: tuple[Conflict, ...]
    facts: tuple[FactRow, ...]
    timeline: tuple[TimelineRow, ...]
    participants: tuple[ListRow, ...]
    quotes: tuple[QuoteView, ...]
    commitments: tuple[ListRow, ...]
    domains: tuple[ListRow, ...]
    sources: tuple[Source, ...]
    groups: tuple[tuple[int, ...], ...]
    edges: tuple[Edge, ...]
    judgements: tuple[str, ...] = field(default=())
    announced: tuple[ListRow, ...] = field(default=())  # next steps announced for later occurrences


# ---------------------------------------------------------------- values for readers

def _day(d: date, year: bool = True) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def show_date(value: str | None) -> str:
    """"3 April 2025", "3–4 April 2025", "April 2025"."""
    if not value:
        return "unknown"
    b = V.date_bounds(value)
    if b is None:
        return value
    lo, hi, yearless = b
    full = not yearless
    if lo == hi:
        return _day(lo, full)
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return str(lo.year) if full else "a whole year"
    if lo.day == 1 and (hi + (date.resolution)).day == 1 and lo.month == hi.month:
        return f"{MONTHS[lo.month - 1]}" + (f" {lo.year}" if full else "")
    if lo.month == hi.month and lo.year == hi.year:
        return f"{lo.day}–{hi.day} {MONTHS[lo.month - 1]}" + (f" {lo.year}" if full else "")
    return f"{_day(lo, full)} – {_day(hi, full)}"


MINUTES_PER_DAY = 24 * 60
MINUTES_PER_MONTH = 30.44 * MINUTES_PER_DAY  # mean month
MINUTES_PER_YEAR = 365.25 * MINUTES_PER_DAY  # mean year


def _count(n: float, unit: str) -> str:
    n = round(n, 1)
    text = f"{n:g}"
    return f"{text} {unit}" + ("" if n == 1 else "s")


def show_minutes(minutes: float) -> str:
    """"45 min", "1 h 30", "3 days", "30 months", "5 years": the unit a reporter would use."""
    if minutes >= MINUTES_PER_YEAR * 0.99 and round(minutes / MINUTES_PER_YEAR * 2) == minutes / MINUTES_PER_YEAR * 2:
        return _count(minutes / MINUTES_PER_YEAR, "year")
    if minutes >= MINUTES_PER_MONTH * 0.99:
        return _count(minutes / MINUTES_PER_MONTH, "month")
    if minutes >= 2 * MINUTES_PER_DAY:
        return _count(minutes / MINUTES_PER_DAY, "day")
    m = int(round(minutes))
    if m < 60:
        return f"{m} min"
    h, rest = divmod(m, 60)
    return f"{h} h" + (f" {rest:02d}" if rest else "")


def show_duration(value: str | None, attrs: Mapping) -> str:
    if not value:
        return "unknown"
    minutes = V.duration_minutes(value, attrs)
    if minutes is None:
        parts = V.duration_parts(value) or []
        unit = next((u for a, u in parts if a == "X"), "H")
        return VAGUE_WORDS.get(unit, "vague")
    return APPROX_WORDS.get(str(attrs.get("approx") or "exact"), "") + show_minutes(minutes)


def show_location(value: str | None, attrs: Mapping) -> str:
    if not value:
        return "unknown"
    name = attrs.get("name") or value
    country = attrs.get("country")
    return f"{name} ({country})" if country and country != name else str(name)


def show_value(slot: str, value: str | None, attrs: Mapping) -> str:
    if slot == "date":
        return show_date(attrs.get("timeml") or value)
    if slot == "duration":
        return show_duration(value, attrs)
    if slot == "location":
        return show_location(value, attrs)
    if slot == "figure":
        unit = attrs.get("unit")
        multiplier = str(value).startswith(("x", "×"))  # "x10" already says it is a factor
        return f"{value}" + (f" {unit}" if unit and not multiplier and unit not in str(value) else "")
    return str(value)


def short_name(a: Article) -> str:
    """How a citation names its article: the outlet, else the clipped title, else the file."""
    if a.outlet:
        return a.outlet
    if a.title:
        return clip(a.title, SHORT_NAME_CHARS)
    return a.path.rsplit("/", 1)[-1]


def _sentence(texts: Mapping[str, str], c: Claim) -> str:
    """The sentence around a claim's evidence (the evidence alone when the text is missing)."""
    text = texts.get(c.evidence.article)
    if text is None or text[c.evidence.start:c.evidence.end] != c.evidence.text:
        return c.evidence.text
    lo, hi = sentence_bounds(text, c.evidence.start)
    return " ".join(text[lo:hi].split())


def clip(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- the view

def _label(f: Fact) -> str:
    if f.slot == "figure":
        return f"Figure: {f.attrs.get('measure') or f.attrs.get('unit') or 'amount'}"
    return SLOT_LABELS.get(f.slot, f.slot)


def _claim_value(f: Fact, c: Claim) -> str:
    if f.slot == "date":
        return show_date(c.value)
    if f.slot == "location":
        return show_location(c.value, c.attrs)
    return show_value(f.slot, c.value, c.attrs)


def build_view(d: Dossier) -> EventView:
    """Everything the renderers show for one dossier."""
    number = {a.id: n + 1 for n, a in enumerate(d.articles)}
    group_no = {a: gi + 1 for gi, g in enumerate(d.independence_groups) for a in g}
    outlet = {a.id: short_name(a) for a in d.articles}
    derived_from: dict[str, list[tuple[int, str, float]]] = {}
    for x in d.derivations:
        derived_from.setdefault(x.article, []).append((number[x.source], x.kind, float(x.score)))
    sources = tuple(Source(number[a.id], a, str(d.event.kinds.get(a.id, a.kind)),
                           tuple(sorted(derived_from.get(a.id, []))), group_no.get(a.id, 0)) for a in d.articles)

    def note(article: str) -> str:
        froms = derived_from.get(article)
        return "; ".join(f"{k} of [{n}]" for n, k, _ in sorted(froms)) if froms else ""

    def cites(f: Fact, idx: list[int]) -> tuple[Cite, ...]:
        out = []
        for i in idx:
            c = f.claims[i]
            out.append(Cite(number[c.evidence.article], outlet[c.evidence.article], clip(c.evidence.text),
                            note(c.evidence.article)))
        return tuple(sorted(out, key=lambda c: (c.number, c.text)))

    facts, conflicts, timeline = [], [], []
    happened = {f.slot: f for f in d.facts if not f.planned and f.slot not in ("participant", "figure")}
    for f in d.facts:
        if f.slot == "participant" or f.planned:
            continue
        sides = f.attrs.get("sides") or []
        chosen = show_value(f.slot, f.value, f.attrs)
        cite_nums = tuple(sorted({number[c.evidence.article] for c in f.claims}))
        extra = []
        if f.attrs.get("chosen_by"):
            extra.append(f"chosen by {f.attrs['chosen_by']} on {f.attrs.get('chosen_at')}")
        facts.append(FactRow(_label(f), chosen, f.status, cite_nums, len(f.independent_groups), "; ".join(extra)))
        if f.status == "conflicting":
            kind = f.attrs.get("conflict") or "between-groups"
            why = ("Independent sources disagree" if kind == "between-groups"
                   else "A derived article contradicts its own source (it is not an independent witness)")
            conflicts.append(Conflict(_label(f), chosen, kind, why, tuple(
                Side(show_value(f.slot, s["value"], f.claims[s["head"]].attrs), s["groups"], cites(f, s["claims"]))
                for s in sides)))
    for f in d.facts:
        if f.planned and f.slot != "participant" and not f.attrs.get("announced"):
            h = happened.get(f.slot)
            timeline.append(TimelineRow(
                _label(f), show_value(f.slot, f.value, f.attrs),
                tuple(sorted({number[c.evidence.article] for c in f.claims})),
                show_value(h.slot, h.value, h.attrs) if h else "not reported",
                tuple(sorted({number[c.evidence.article] for c in h.claims})) if h else (),
                OUTCOME_TEXT.get(str(f.attrs.get("outcome")), "")))

    texts = {a.id: a.text for a in d.articles}
    announced = tuple(
        ListRow(f"{SLOT_LABELS.get(f.slot, f.slot)}: {show_value(f.slot, f.value, f.attrs)}", f.status,
                tuple(sorted({number[c.evidence.article] for c in f.claims})),
                f"«{clip(_sentence(texts, f.claims[0]), ANNOUNCED_CHARS)}»")
        for f in d.facts if f.attrs.get("announced"))
    participants = tuple(
        ListRow(str(f.attrs.get("name") or f.value), f.status,
                tuple(sorted(number[a] for a in f.attrs.get("articles", ()))),
                ", ".join(x for x in (f.attrs.get("kind") or "", "party" if f.attrs.get("party") else "",
                                      "announced only" if f.planned else "") if x))
        for f in d.facts if f.slot == "participant")

    quotes = []
    for q in d.quotes:
        variants = tuple(Variant(number[c.evidence.article], q.verdicts.get(c.evidence.article, "missing"),
                                 clip(c.value), bool(c.attrs.get("direct", True))) for c in q.claims)
        missing = tuple(sorted(number[a] for a, v in q.verdicts.items() if v == "missing"))
        quotes.append(QuoteView(q.speaker_name or q.speaker or "unknown speaker", clip(q.claims[0].value),
                                variants, missing, tuple(FLAG_TEXT.get(x, x) for x in q.flags)))
        for flag in q.flags:
            conflicts.append(Conflict(f"Quote of {q.speaker_name or 'unknown speaker'}", clip(q.claims[0].value, 120),
                                      "quote", FLAG_TEXT.get(flag, flag), tuple(
                Side("direct" if v.direct else "indirect", 0,
                     (Cite(v.number, outlet[d.articles[v.number - 1].id], v.text, note(d.articles[v.number - 1].id)),))
                for v in variants)))

    commitments = tuple(ListRow(f"{r.actor_name or r.actor or 'unknown'}: {clip(r.key, 160)}", r.status,
                                tuple(sorted(number[a] for a in r.articles))) for r in commitment_rows(d))
    domains = tuple(ListRow(r.key, r.status, tuple(sorted(number[a] for a in r.articles))) for r in domain_rows(d))
    summary_cite = None
    if d.summary:
        summary_cite = next((number[a.id] for a in d.articles if d.summary[:80] in " ".join(a.text.split())), None)
    edges = tuple(sorted((Edge(number[x.article], number[x.source], x.kind, float(x.score)) for x in d.derivations),
                         key=lambda e: (e.article, e.source, e.kind, e.score)))
    judgements = tuple(f"{j.at} {j.author}: {j.action} {j.target}" + (f" = {j.value}" if j.value else "")
                       for j in d.judgements)
    return EventView(d.event.id, d.event.title, d.summary, summary_cite, tuple(conflicts), tuple(facts),
                     tuple(timeline), participants, tuple(quotes), commitments, domains, sources,
                     tuple(sorted(tuple(sorted(number[a] for a in g)) for g in d.independence_groups)),
                     edges, judgements, announced)
