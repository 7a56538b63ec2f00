"""The reconcile stage: one event's articles, claims and derivations -> a :class:`Dossier`.

:func:`build_dossier` is pure and canonical: articles, claims, derivations and judgements are
sorted before use, so the order they arrive in never changes the dossier. The rules for
statuses and chosen values are in :mod:`recoupe.reconcile.facts`, planned vs announced in
:mod:`recoupe.reconcile.timeline`, participants merged in :mod:`recoupe.reconcile.people`, quote variants in
:mod:`recoupe.reconcile.quotes`, the summary in :mod:`recoupe.reconcile.summary`.

Analysts' judgements are applied on top of machine output, the latest one per target
winning: ``reject`` on ``claim:<article>:<start>:<end>:<slot>`` removes that claim before
reconciling (``confirm`` after it restores it); ``choose`` on ``fact:<event>:<slot>`` (or
``fact:<event>:figure:<measure|unit>[|reading]``) sets the fact's value, keeping the machine's value in
``attrs["machine_value"]`` and the analyst in ``attrs["chosen_by"]``/``["chosen_at"]``; the
status still says what the sources do. The judgements stay in the dossier for the renderers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from recoupe.records import (Article, Claim, Derivation, Dossier, Entity, Event, Fact, Judgement,
                             independence_groups)
from recoupe.reconcile import facts as F
from recoupe.reconcile import people as P
from recoupe.reconcile import values as V
from recoupe.reconcile.quotes import quote_groups
from recoupe.reconcile.summary import central_article, lead_sentences

__all__ = ["build_dossier", "independence_groups", "claim_target", "fact_target"]


def claim_target(c: Claim) -> str:
    """The judgement target naming one claim."""
    e = c.evidence
    return f"claim:{e.article}:{e.start}:{e.end}:{c.slot}"


def fact_target(event_id: str, fact: Fact) -> str:
    """The judgement target naming one fact (figures carry their measure and unit)."""
    if fact.slot == "figure":
        # A key that names several quantities has one fact per reading (see facts.figure_items).
        reading = f"|{fact.attrs['reading']}" if fact.attrs.get("reading") else ""
        return f"fact:{event_id}:figure:{fact.attrs.get('measure') or ''}|{fact.attrs.get('unit') or ''}{reading}"
    if fact.slot == "participant":
        return f"fact:{event_id}:participant:{fact.value}"
    return f"fact:{event_id}:{fact.slot}"


def _flatten(claims: Mapping[str, Sequence[Claim]] | Iterable[Claim]) -> list[Claim]:
    if isinstance(claims, Mapping):
        return [c for cs in claims.values() for c in cs]
    return list(claims)


def _entity_map(entities: Mapping[str, Entity] | Iterable[Entity]) -> dict[str, Entity]:
    if isinstance(entities, Mapping):
        return dict(entities)
    return {e.id: e for e in entities}


def _judgement_key(j: Judgement) -> tuple:
    return (j.at, j.target, j.action, j.value or "", j.author)


def _apply_choice(fact: Fact, j: Judgement, year: int | None, entities: Mapping[str, Entity]) -> Fact:
    value = (j.value or "").strip()
    attrs = dict(fact.attrs)
    attrs.update(machine_value=fact.value, chosen_by=j.author, chosen_at=j.at)
    if fact.slot == "date":
        done = V.complete_year(value, year)
        attrs["timeml"] = done
        value = V.date_display(done)
    elif fact.slot == "duration":
        if value.replace(".", "", 1).isdigit():
            value = f"PT{int(round(float(value)))}M"
        minutes = V.duration_minutes(value)
        attrs.update(minutes=minutes, approx="exact" if minutes is not None else "vague")
    elif fact.slot == "location":
        ent = entities.get(value)
        if ent is not None:
            attrs.update(name=ent.name, country=ent.country, lat=ent.lat, lon=ent.lon)
    return replace(fact, value=value, attrs=attrs)


def build_dossier(event: Event, articles: Iterable[Article],
                  claims: Mapping[str, Sequence[Claim]] | Iterable[Claim],
                  derivations: Iterable[Derivation],
                  entities: Mapping[str, Entity] | Iterable[Entity] = (),
                  judgements: Iterable[Judgement] = ()) -> Dossier:
    """Reconcile one event. Pure; the order of every input is irrelevant.

    ``articles`` may hold more than the event's articles (only the event's are kept);
    ``claims`` is ``{article id: claims}`` or a flat iterable; ``entities`` a mapping by id or
    an iterable. See the module docstring for judgements.
    """
    ids = set(event.articles)
    by_id = {a.id: a for a in articles if a.id in ids}
    kinds = {a: str(event.kinds.get(a) or (by_id[a].kind if a in by_id else "unknown")) for a in sorted(ids)}
    derivs = sorted({d for d in derivations if d.article in by_id and d.source in by_id and d.article != d.source},
                    key=lambda d: (d.article, d.source, d.kind, d.score))
    groups = independence_groups(by_id, derivs)
    group_of = {a: g for g in groups for a in g}
    derived = {d.article for d in derivs}
    ordered = sorted(by_id.values(), key=lambda a: F.primary_key(a, kinds[a.id], a.id in derived))
    rank = {a.id: n for n, a in enumerate(ordered)}
    ctx = F.Context(event=event.id, group_of=group_of, rank=rank, kinds=kinds)

    mine = sorted((j for j in judgements if j.target.startswith(f"fact:{event.id}:") or j.target == f"event:{event.id}"
                   or (j.target.startswith("claim:") and j.target.split(":")[1] in by_id)), key=_judgement_key)
    last_on_claim = {j.target: j.action for j in mine if j.target.startswith("claim:")
                     and j.action in ("reject", "confirm")}
    kept = sorted((c for c in _flatten(claims) if c.evidence.article in by_id
                   and last_on_claim.get(claim_target(c)) != "reject"), key=F.claim_key)

    ents = _entity_map(entities)
    ctx = F.with_timeline(kept, ordered, ctx)
    facts = F.slot_facts(kept, ordered, ctx, ents)
    year = F.reference_year([c for c in kept if not F.is_planned(c, ctx)], ordered, ctx)
    choices = {j.target: j for j in mine if j.action == "choose" and j.value}
    facts = [_apply_choice(f, choices[fact_target(event.id, f)], year, ents)
             if not f.planned and fact_target(event.id, f) in choices else f for f in facts]
    facts = P.merge_participants(facts, ordered, ctx.rank, ctx.group_of, lambda c: F.is_planned(c, ctx))
    happened = {f.slot: f for f in facts if not f.planned and f.slot in F.VALUE_SLOTS}
    facts = [replace(f, attrs={**f.attrs, "outcome": F.planned_outcome(f, happened.get(f.slot))})
             if f.planned and f.slot in F.VALUE_SLOTS and not f.attrs.get("announced") else f for f in facts]

    names = {e.id: e.name for e in ents.values()}
    names.update({c.value: c.attrs["name"] for c in kept if c.slot == "actor" and c.attrs.get("name")})
    quotes = quote_groups(event.id, sorted(by_id), kept, derivs, rank, names)
    central = central_article(ordered, facts, quotes, kinds, rank)
    summary = lead_sentences(central) if central is not None else ""

    per_article: dict[str, tuple[Claim, ...]] = {a: tuple(c for c in kept if c.evidence.article == a) for a in sorted(by_id)}
    referenced = {c.value for c in kept if c.slot in ("actor", "place")}
    referenced |= {c.attrs.get("speaker") for c in kept if c.slot == "quote"}
    referenced |= {c.attrs.get("actor") for c in kept if c.slot == "commitment"}
    return Dossier(
        event=replace(event, articles=tuple(sorted(by_id)), kinds=dict(sorted(kinds.items()))),
        articles=tuple(ordered),
        claims=per_article,
        derivations=tuple(derivs),
        independence_groups=tuple(groups),
        facts=tuple(facts),
        quotes=tuple(quotes),
        summary=summary,
        judgements=tuple(mine),
        entities={k: ents[k] for k in sorted(i for i in referenced if i in ents)},
    )
