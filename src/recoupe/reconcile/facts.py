"""Facts per slot: which value, how many independent groups back it, and whether they agree.

The rules (the README and the dossier explain them to users the same way):

* **Count groups, not articles.** Articles joined by a derivation (copy or rewrite) form one
  independence group. Inside a group the *voice* is its most primary article that speaks to
  the slot (an article that derives from nobody in the group first, then :func:`primary_key`).
  A group backs a value when its voice does; the other articles of the group are echoes.
* **Hypotheses.** Every distinct claimed value is a hypothesis; a claim supports it by the
  slot's rule in :mod:`recoupe.reconcile.values` (containment for dates and places, overlap
  for amounts).
* **Chosen value**: the hypothesis backed by the most groups; ties go to the hypothesis whose
  best backer is the most primary article (an official communiqué, then an article with a
  dateline, then the longest), then to the more precise value, then to the smaller string.
* **Status**: ``conflicting`` when any counted claim does not support the chosen value:
  ``attrs["conflict"]`` says ``between-groups`` when a dissenting claim comes from a group's
  voice (an independent witness says otherwise, even if it also says the chosen value
  elsewhere), and ``within-group`` when only echoes dissent (a rewrite that changed its
  source's figure: not a second witness, but the analyst must see it). Otherwise
  ``corroborated`` when two or more groups back the value and ``single-source`` when one does.
* **Event claims first.** When the sides disagree and some hypothesis is backed by an event
  claim (a place with role ``event``; a date or duration marked ``about_event`` and not in the
  article's dateline), hypotheses backed only by weaker claims (a dateline, where the reporter
  stood or the day they wrote) lose whatever their number of groups; their claims still make
  the fact ``conflicting``, so the reader sees the dissent and who wrote it.
* **Planned values** (what was announced *for this event*, see
  :mod:`recoupe.reconcile.timeline`) are reconciled apart into a fact with ``planned=True``;
  they never make a happened fact conflicting. Announced next steps (later occurrences) become
  facts with ``planned=True`` and ``attrs["announced"]``, one per announced value, never compared
  with what happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping, Sequence

from recoupe.records import Article, Claim, Entity, Fact
from recoupe.reconcile import timeline as T
from recoupe.reconcile import values as V

# Kinds in the order a reader trusts them as the primary source of a fact.
KIND_PRIMACY = {"communique": 0, "report": 1, "opinion": 2, "unknown": 3, "preview": 4}
# Slots reconciled as one value each, in the order the dossier shows them.
VALUE_SLOTS: tuple[str, ...] = ("date", "location", "duration")
# Place roles that say where the event happened; a dateline counts only for an article that
# names no event place (a dateline is where the reporter stood, usually but not always there).
EVENT_PLACE_ROLES = ("event",)
DATELINE_ROLE = "dateline"
ACTOR_KINDS = ("person", "state", "org")

Supports = Callable[[V.Range, V.Range], bool]


@dataclass(frozen=True)
class Item:
    """One counted claim with its comparable range."""

    claim: Claim
    range: V.Range
    strong: bool = True  # an event claim, not a dateline or background one

    @property
    def article(self) -> str:
        return self.claim.evidence.article


@dataclass(frozen=True)
class Context:
    """What every slot needs about the event's articles."""

    event: str
    group_of: Mapping[str, tuple[str, ...]]  # article id -> its independence group
    rank: Mapping[str, int]  # article id -> primacy rank (0 = most primary)
    kinds: Mapping[str, str]  # article id -> kind
    before: frozenset[str] | None = None  # articles written before the event; None: the previews
    days: T.Days | None = None  # the event's days as reports tell them (decides `before`)


def primary_key(article: Article, kind: str, derived: bool) -> tuple:
    """Sort key of the most primary source: not derived from another article of the event,
    an official communiqué, has a dateline, the longest text, then the id (determinism)."""
    return (derived, KIND_PRIMACY.get(kind, 3), article.dateline_place is None, -len(article.text), article.id)


def claim_key(c: Claim) -> tuple:
    """Canonical order of claims: article, position, slot, value."""
    e = c.evidence
    return (e.article, e.start, e.end, c.slot, c.value, e.extractor, c.planned,
            repr(sorted((str(k), repr(v)) for k, v in c.attrs.items())))


def is_planned(c: Claim, ctx: Context) -> bool:
    """A plan: a planned claim, or any claim of an article written before the event."""
    if ctx.before is None:
        return c.planned or ctx.kinds.get(c.evidence.article) == "preview"
    return c.planned or c.evidence.article in ctx.before


# ---------------------------------------------------------------- the generic rule

def _voices(items: Sequence[Item], ctx: Context) -> dict[tuple[str, ...], list[Item]]:
    """For each group with items, the items of its most primary speaking article."""
    best: dict[tuple[str, ...], str] = {}
    for it in items:
        g = ctx.group_of[it.article]
        if g not in best or ctx.rank[it.article] < ctx.rank[best[g]]:
            best[g] = it.article
    return {g: [it for it in items if it.article == a] for g, a in best.items()}


def _choose(items: Sequence[Item], ctx: Context, supports: Supports) -> tuple[Item, set]:
    """The hypothesis (a representative item) backed by most groups, and those groups."""
    voices = _voices(items, ctx)
    scored = []
    for h in items:
        backers = {g for g, vs in voices.items() if any(supports(v.range, h.range) for v in vs)}
        best_rank = min((ctx.rank[v.article] for g in backers for v in voices[g]
                         if supports(v.range, h.range)), default=len(ctx.rank))
        strong = any(i.strong and supports(i.range, h.range) for i in items)
        scored.append(((not strong, -len(backers), best_rank, h.range.width, h.claim.value,
                        ctx.rank[h.article], claim_key(h.claim)), h, backers))
    scored.sort(key=lambda s: s[0])
    return scored[0][1], scored[0][2]


def reconcile_items(slot: str, items: Sequence[Item], ctx: Context, supports: Supports,
                    planned: bool, show: Callable[[Item], tuple[str | None, dict]]) -> Fact | None:
    """One fact from the counted items of a slot (see the module docstring for the rule)."""
    if not items:
        return None
    items = sorted(items, key=lambda i: claim_key(i.claim))
    chosen, backers = _choose(items, ctx, supports)
    voices = _voices(items, ctx)
    dissent = [i for i in items if not supports(i.range, chosen.range)]
    # Two claims that back each other in neither direction disagree whatever value is chosen: a
    # wide value ("at least 1 h") may be backed by both "about 90 min" and "about 2 h", which still
    # contradict each other. Checking pairs keeps the status independent of tie-breaks (and so of
    # an added copy, which only repeats existing values).
    clashes = [(a, b) for n, a in enumerate(items) for b in items[n + 1:]
               if not supports(a.range, b.range) and not supports(b.range, a.range)]
    groups = sorted({ctx.group_of[i.article] for i in items})
    if dissent or clashes:
        status = "conflicting"
        voice_articles = {vs[0].article for vs in voices.values()}
        between = any(i.article in voice_articles for i in dissent) or any(
            a.article in voice_articles and b.article in voice_articles
            and ctx.group_of[a.article] != ctx.group_of[b.article] for a, b in clashes)
        conflict = "between-groups" if between else "within-group"
    else:
        status = "corroborated" if len(backers) >= 2 else "single-source"
        conflict = None
    value, attrs = show(chosen)
    attrs["conflict"] = conflict
    attrs["sides"] = _sides(items, ctx, supports, show)
    attrs["backing_groups"] = len(backers)
    return Fact(event=ctx.event, slot=slot, value=value, status=status, claims=tuple(i.claim for i in items),
                independent_groups=tuple(groups), planned=planned, attrs=attrs)


def _sides(items: Sequence[Item], ctx: Context, supports: Supports,
           show: Callable[[Item], tuple[str | None, dict]]) -> list[dict[str, Any]]:
    """Partition the claims into sides, each led by the best hypothesis left (the first side is
    the chosen value). ``head`` and ``claims`` index into the fact's sorted claims;
    ``groups`` counts the groups whose voice is on the side."""
    index = {id(it): n for n, it in enumerate(items)}
    # A side counts the groups whose voice is on it: an echo (a rewrite) is not a witness.
    voice_articles = {vs[0].article for vs in _voices(items, ctx).values()}
    left = list(items)
    sides = []
    while left:
        head, _ = _choose(left, ctx, supports)
        members = [i for i in left if supports(i.range, head.range)]
        left = [i for i in left if not supports(i.range, head.range)]
        value, _attrs = show(head)
        arts = sorted({i.article for i in members}, key=lambda a: ctx.rank[a])
        sides.append({"value": value, "head": index[id(head)], "articles": arts,
                      "groups": len({ctx.group_of[a] for a in arts if a in voice_articles}),
                      "claims": [index[id(i)] for i in members]})
    return sides


# ---------------------------------------------------------------- per slot

def reference_year(claims: Sequence[Claim], articles: Sequence[Article], ctx: Context) -> int | None:
    """Year to complete ``XXXX`` dates: the year most groups state for the event, else the most
    common publication year; ties go to the later year (news is about the recent past)."""
    votes: dict[int, set] = {}
    for c in claims:
        y = V.date_year(c.value) if c.slot == "date" and _about_event(c) else None
        if y is not None:
            votes.setdefault(y, set()).add(ctx.group_of[c.evidence.article])
    if not votes:
        for a in articles:
            if a.published and a.published[:4].isdigit():
                votes.setdefault(int(a.published[:4]), set()).add(a.id)
    if not votes:
        return None
    return max(votes, key=lambda y: (len(votes[y]), y))


def _about_event(c: Claim) -> bool:
    """About this event: not marked otherwise, and not a later occurrence."""
    return bool(c.attrs.get("about_event", True)) and not c.attrs.get("next_event")


# A dateline ("Ankara, le 13 mars 2025 –") ends at its dash or within this many characters.
DATELINE_MAX_CHARS = 60
_DATELINE_END = re.compile(r"\s[-–—]\s|\s[-–—]|\(|\)|:")


def dateline_spans(articles: Sequence[Article]) -> dict[str, tuple[int, int]]:
    """Where each article's dateline is: the start of the first line that begins with its
    dateline place, up to the dash that ends it. A date there is the day the reporter wrote."""
    out = {}
    for a in articles:
        place = (a.dateline_place or "").strip().casefold()
        if not place:
            continue
        pos = 0
        for line in a.text.split("\n"):
            if line.strip().casefold().startswith(place):
                lo = pos + len(line) - len(line.lstrip())
                m = _DATELINE_END.search(a.text, lo + len(place), lo + DATELINE_MAX_CHARS)
                out[a.id] = (lo, m.start() if m else min(lo + DATELINE_MAX_CHARS, pos + len(line)))
                break
            pos += len(line) + 1
    return out


def date_items(claims: Sequence[Claim], year: int | None,
               datelines: Mapping[str, tuple[int, int]] | None = None) -> list[Item]:
    """Dates about the event; strong when marked ``about_event`` and outside the dateline."""
    out = []
    for c in claims:
        if c.slot != "date" or not _about_event(c):
            continue
        done = V.complete_year(c.value, year)
        r = V.date_range(done)
        if r is not None:
            attrs = c.attrs if done == c.value else {**c.attrs, "stated": c.value}
            span = (datelines or {}).get(c.evidence.article)
            in_dateline = span is not None and span[0] <= c.evidence.start < span[1]
            strong = c.attrs.get("about_event") is True and not in_dateline
            out.append(Item(Claim(c.slot, done, c.evidence, c.planned, attrs), r, strong))
    return out


def show_date(it: Item) -> tuple[str | None, dict]:
    return V.date_display(it.claim.value), {"timeml": it.claim.value}


def duration_items(claims: Sequence[Claim]) -> list[Item]:
    out = []
    for c in claims:
        if c.slot == "duration" and _about_event(c):
            r = V.duration_range(c.value, c.attrs.get("approx"), c.attrs)
            if r is not None:
                out.append(Item(c, r, c.attrs.get("about_event") is True))
    return out


def show_duration(it: Item) -> tuple[str | None, dict]:
    c = it.claim
    minutes = V.duration_minutes(c.value, c.attrs)
    approx = "vague" if minutes is None else (c.attrs.get("approx") or "exact")
    return c.value, {"minutes": minutes, "approx": approx}


def location_items(claims: Sequence[Claim], datelines: bool = True) -> list[Item]:
    """Event places; an article's dateline counts only when it names no event place (and
    never for plans: a preview's dateline is where it was written, not where the event will be)."""
    with_event = {c.evidence.article for c in claims
                  if c.slot == "place" and c.attrs.get("role") in EVENT_PLACE_ROLES}
    out = []
    for c in claims:
        if c.slot != "place":
            continue
        role = c.attrs.get("role")
        if role in EVENT_PLACE_ROLES or (datelines and role == DATELINE_ROLE and c.evidence.article not in with_event):
            r = V.location_range(c.value, c.attrs)
            if r is not None:
                out.append(Item(c, r, role in EVENT_PLACE_ROLES))
    return out


def location_shower(entities: Mapping[str, Entity]) -> Callable[[Item], tuple[str | None, dict]]:
    def show(it: Item) -> tuple[str | None, dict]:
        c = it.claim
        ent = entities.get(c.value)
        name = c.attrs.get("name") or (ent.name if ent else None)
        country = c.attrs.get("country") or (ent.country if ent else None)
        if country is None and c.value.startswith("state:"):
            country = c.value.split(":", 1)[1].upper()
        lat = c.attrs.get("lat", ent.lat if ent else None)
        lon = c.attrs.get("lon", ent.lon if ent else None)
        return c.value, {"name": name, "country": country, "lat": lat, "lon": lon}
    return show


def figure_items(claims: Sequence[Claim]) -> dict[tuple[str, str], list[Item]]:
    """Figures keyed ``measure|unit``: only the same measure in the same unit can agree.

    A measure is read from a few words around the number, so one key may name several
    quantities ("180 des 300 bourses": awarded so far, offered a year). Amounts are split into
    one fact per reading (keyed ``(measure|unit, number)``; ``""`` when the key is not split),
    never set against each other, when the key
    has no measure (two bare "milliards de FCFA" may be a first tranche and a whole programme),
    or when one article states two amounts under the key that back each other in neither
    direction (the key names more than one quantity). Only amounts known to measure the same
    thing, which no single source tells apart, can conflict; equal amounts still corroborate.
    """
    out: dict[str, list[Item]] = {}
    for c in claims:
        if c.slot != "figure":
            continue
        number = c.attrs.get("number")
        if not isinstance(number, (int, float)) or isinstance(number, bool):
            continue
        key = f"{c.attrs.get('measure') or ''}|{c.attrs.get('unit') or ''}"
        out.setdefault(key, []).append(Item(c, V.amount_range(float(number), c.attrs.get("approx"), key)))
    split: dict[tuple[str, str], list[Item]] = {}
    for key, items in out.items():
        if key.startswith("|") or _several_quantities(items):
            split.update(((key, reading), its) for reading, its in _readings(items).items())
        else:
            split[(key, "")] = items
    return split


def _apart(a: Item, b: Item) -> bool:
    return not V.overlap_supports(a.range, b.range) and not V.overlap_supports(b.range, a.range)


def _several_quantities(items: Sequence[Item]) -> bool:
    by_article: dict[str, list[Item]] = {}
    for it in items:
        by_article.setdefault(it.article, []).append(it)
    return any(_apart(a, b) for its in by_article.values() for n, a in enumerate(its) for b in its[n + 1:])


def _readings(items: Sequence[Item]) -> dict[str, list[Item]]:
    """Amounts of one ambiguous key bucketed by value, smallest first: an amount joins the first
    bucket whose head it agrees with (canonical: sorted by number, then by claim)."""
    buckets: list[list[Item]] = []
    for it in sorted(items, key=lambda i: (float(i.claim.attrs["number"]), claim_key(i.claim))):
        home = next((b for b in buckets if not _apart(it, b[0])), None)
        if home is None:
            buckets.append([it])
        else:
            home.append(it)
    return {f"{float(b[0].claim.attrs['number']):g}": b for b in buckets}


def show_figure(it: Item) -> tuple[str | None, dict]:
    c = it.claim
    return c.value, {"number": c.attrs.get("number"), "unit": c.attrs.get("unit"),
                     "measure": c.attrs.get("measure")}


def participant_facts(claims: Sequence[Claim], ctx: Context, entities: Mapping[str, Entity]) -> list[Fact]:
    """One fact per actor (person, state, organisation) named in the event's articles.

    Naming is not contradicting: an actor is ``corroborated`` when two or more groups name it
    (outside previews), ``single-source`` otherwise; never ``conflicting``. Actors named only
    by previews are kept as planned participants. ``party`` marks actors that speak or commit.
    """
    by_actor: dict[str, list[Claim]] = {}
    parties = {c.attrs.get("speaker") for c in claims if c.slot == "quote"}
    parties |= {c.attrs.get("actor") for c in claims if c.slot == "commitment"}
    for c in claims:
        if c.slot == "actor":
            ent = entities.get(c.value)
            kind = c.attrs.get("kind") or (ent.kind if ent else None)
            if kind in ACTOR_KINDS:
                by_actor.setdefault(c.value, []).append(c)
    facts = []
    for actor, cs in by_actor.items():
        cs = sorted(cs, key=claim_key)
        happened = [c for c in cs if not is_planned(c, ctx)]
        counted = happened or cs
        groups = sorted({ctx.group_of[c.evidence.article] for c in counted})
        ent = entities.get(actor)
        name = next((c.attrs.get("name") for c in cs if c.attrs.get("name")), None) or (ent.name if ent else actor)
        kind = next((c.attrs.get("kind") for c in cs if c.attrs.get("kind")), None) or (ent.kind if ent else None)
        arts = sorted({c.evidence.article for c in cs}, key=lambda a: ctx.rank[a])
        facts.append(Fact(event=ctx.event, slot="participant", value=actor,
                          status="corroborated" if len(groups) >= 2 else "single-source",
                          claims=tuple(cs), independent_groups=tuple(groups), planned=not happened,
                          attrs={"name": name, "kind": kind, "articles": arts, "party": actor in parties}))
    facts.sort(key=lambda f: (f.planned, -len(f.independent_groups), -len(f.attrs["articles"]),
                              str(f.attrs["name"]), f.value))
    return facts


def with_timeline(claims: Sequence[Claim], articles: Sequence[Article], ctx: Context) -> Context:
    """``ctx`` with the event's days (every day reports say it happened on: the span from the
    first to the last reported day, event claims only when there are any) and who wrote before.

    The span, not the chosen value, so that a copy or the order of articles never moves an
    article across the line; when reports disagree fewer plans are moved, never more."""
    datelines = dateline_spans(articles)
    reported = [c for c in claims if not c.planned and ctx.kinds.get(c.evidence.article) != "preview"]
    year = reference_year(reported, articles, ctx)
    items = [i for i in date_items(reported, year, datelines) if i.range.key == ""]
    items = [i for i in items if i.strong] or items
    days = T.Days(int(min(i.range.lo for i in items)), int(max(i.range.hi for i in items))) if items else None
    witnesses = frozenset(i.article for i in items)
    return replace(ctx, days=days, before=T.written_before(articles, ctx.kinds, days, witnesses))


def slot_facts(claims: Sequence[Claim], articles: Sequence[Article], ctx: Context,
               entities: Mapping[str, Entity]) -> list[Fact]:
    """Every fact of the event: date, location, duration (happened, then planned), figures,
    participants, then the announced next steps. ``claims`` are the event's claims after
    analysts' rejections; ``ctx`` comes from :func:`with_timeline`."""
    year = reference_year([c for c in claims if not is_planned(c, ctx)], articles, ctx)
    by_id = {a.id: a for a in articles}
    happened, planned, announced = T.split_planned(claims, by_id, ctx.before or frozenset(), ctx.days, year)
    datelines = dateline_spans(articles)
    show_loc = location_shower(entities)
    facts: list[Fact] = []
    later: list[Fact] = []
    for is_plan, pool, out in ((False, happened, facts), (True, planned, later)):
        specs = (("date", date_items(pool, year, datelines), V.date_supports, show_date),
                 ("location", location_items(pool, datelines=not is_plan), V.location_supports, show_loc),
                 ("duration", duration_items(pool), V.overlap_supports, show_duration))
        for slot, items, supports, show in specs:
            fact = reconcile_items(slot, items, ctx, supports, is_plan, show)
            if fact is not None:
                out.append(fact)
    for (_key, reading), items in sorted(figure_items(happened).items()):
        fact = reconcile_items("figure", items, ctx, V.overlap_supports, False, show_figure)
        if fact is not None:
            facts.append(replace(fact, attrs={**fact.attrs, "reading": reading}) if reading else fact)
    facts.extend(later)
    facts.extend(participant_facts(claims, ctx, entities))
    facts.extend(announced_facts(announced, ctx, entities, year))
    return facts


def announced_facts(claims: Sequence[Claim], ctx: Context, entities: Mapping[str, Entity],
                    year: int | None) -> list[Fact]:
    """One fact per announced value (a later occurrence's date, place or duration): never
    conflicting (two announcements may be two different next steps), ``corroborated`` when two
    or more groups announce the same value."""
    show_loc = location_shower(entities)
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.slot == "date":
            done = V.complete_year(c.value, year)
            c = Claim(c.slot, done, c.evidence, c.planned, c.attrs if done == c.value else {**c.attrs, "stated": c.value})
            key = ("date", V.date_display(done))
        elif c.slot == "place":
            key = ("location", c.value)
        else:
            key = ("duration", c.value)
        buckets.setdefault(key, []).append(c)
    shows = {"date": show_date, "location": show_loc, "duration": show_duration}
    out = []
    for (slot, value), cs in sorted(buckets.items(), key=lambda kv: (VALUE_SLOTS.index(kv[0][0]), kv[0][1])):
        cs = sorted(cs, key=claim_key)
        groups = sorted({ctx.group_of[c.evidence.article] for c in cs})
        _, attrs = shows[slot](Item(cs[0], V.Range(0, 0)))
        arts = sorted({c.evidence.article for c in cs}, key=lambda a: ctx.rank[a])
        attrs.update(announced=True, articles=arts, backing_groups=len(groups), conflict=None,
                     sides=[{"value": value, "head": 0, "articles": arts, "groups": len(groups),
                             "claims": list(range(len(cs)))}])
        out.append(Fact(event=ctx.event, slot=slot, value=value, status="corroborated" if len(groups) >= 2 else "single-source",
                        claims=tuple(cs), independent_groups=tuple(groups), planned=True, attrs=attrs))
    return out


def planned_outcome(planned: Fact, happened: Fact | None) -> str:
    """How a planned value turned out: ``as-planned`` when what happened fits the plan (3 April
    inside a planned "3 and 4 April"), ``changed`` when not, ``unreported`` when no source says."""
    if happened is None or happened.value is None or planned.value is None:
        return "unreported"
    if planned.slot == "date":
        p, h = V.date_range(planned.attrs.get("timeml", planned.value)), V.date_range(happened.attrs.get("timeml", happened.value))
        ok = p is not None and h is not None and V.date_supports(p, h)
    elif planned.slot == "location":
        p = V.location_range(planned.value, {"country": planned.attrs.get("country")})
        h = V.location_range(happened.value, {"country": happened.attrs.get("country")})
        ok = p is not None and h is not None and V.location_supports(p, h)
    elif planned.slot == "duration":
        p = V.duration_range(planned.value, planned.attrs.get("approx"), {"minutes": planned.attrs.get("minutes")})
        h = V.duration_range(happened.value, happened.attrs.get("approx"), {"minutes": happened.attrs.get("minutes")})
        ok = p is not None and h is not None and V.overlap_supports(p, h)
    else:
        ok = planned.value == happened.value
    return "as-planned" if ok else "changed"
