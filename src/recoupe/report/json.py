"""The JSON contract of ``recoupe analyze --format json``: ``{"articles": [...], "events": [...]}``.

Keys come out in a fixed order (the order they are written here), lists in a canonical
order, so the same analysis prints the same bytes. ``src/recoupe/schema/recoupe.schema.json``
describes every field; a test validates this output against it.

Per event (see :func:`dossier_to_json`): ``facts`` holds what happened, keyed by slot
(``date``, ``location``, ``duration``); ``planned`` holds what previews and announcements
said *for this event*, keyed the same way, each with an ``outcome`` (``as-planned``, ``changed``,
``unreported``); ``announced`` lists the next steps that reports announce for later occurrences
(never compared with what happened); ``figures``, ``participants`` (each with every ``ids`` it
was merged from) and ``announced`` are lists because an event has many.
A date is ``YYYY-MM-DD`` or ``YYYY-MM-DD/YYYY-MM-DD``, a duration is minutes (``null`` when
vague, the approximation in ``approx``), a location is ``{"id", "name", "country", "lat", "lon"}``.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Sequence

from recoupe.records import Article, Claim, Dossier, Fact, QuoteGroup
from recoupe.reconcile import claim_target
from recoupe.reconcile import values as V
from recoupe.reconcile.topics import commitment_rows, domain_rows

__all__ = ["article_to_json", "dossier_to_json", "analysis_to_json", "jsonable"]


def jsonable(value: Any) -> Any:
    """A JSON-safe copy: mappings with sorted string keys, tuples as lists, inf/nan as null."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _claim_json(c: Claim) -> dict[str, Any]:
    e = c.evidence
    return {"slot": c.slot, "value": c.value, "start": e.start, "end": e.end, "text": e.text,
            "extractor": e.extractor, "planned": c.planned, "attrs": jsonable(c.attrs)}


def article_to_json(article: Article, claims: Sequence[Claim] | None = None, kind: str | None = None) -> dict[str, Any]:
    """One article of the contract; with ``claims``, its claims in text order. ``kind``
    overrides ``article.kind`` (the events stage's verdict when the record was not updated)."""
    out: dict[str, Any] = {
        "id": article.id, "path": article.path, "url": article.url, "title": article.title,
        "outlet": article.outlet, "author": article.author, "published": article.published,
        "dateline_place": article.dateline_place, "language": article.language,
        "kind": kind or article.kind, "text": article.text,
        "removed": [{"line": r.line, "reason": r.reason} for r in article.removed],
        "credits": list(article.credits),
    }
    if claims is not None:
        ordered = sorted(claims, key=lambda c: (c.evidence.start, c.evidence.end, c.slot, c.value))
        out["claims"] = [_claim_json(c) for c in ordered]
    return out


def _value(fact: Fact, value: str | None, attrs: Mapping[str, Any]) -> Any:
    """A fact's or a claim's value in the contract's form for its slot."""
    if value is None:
        return None
    if fact.slot == "date":
        return V.date_display(value)
    if fact.slot == "duration":
        minutes = V.duration_minutes(value, attrs)
        return None if minutes is None else (int(minutes) if float(minutes).is_integer() else minutes)
    if fact.slot == "location":
        return {"id": value, "name": attrs.get("name"), "country": attrs.get("country"),
                "lat": attrs.get("lat"), "lon": attrs.get("lon")}
    if fact.slot == "figure":
        number = attrs.get("number")
        return number if isinstance(number, (int, float)) and not isinstance(number, bool) else value
    return value


def _fact_claims(fact: Fact, confirmed: set[str]) -> list[dict[str, Any]]:
    sides = fact.attrs.get("sides") or []
    agreeing = set(sides[0]["claims"]) if sides else set()
    out = []
    for n, c in enumerate(fact.claims):
        e = c.evidence
        out.append({"value": _value(fact, c.value, c.attrs), "article": e.article, "start": e.start,
                    "end": e.end, "text": e.text, "planned": bool(fact.planned or c.planned),
                    "extractor": e.extractor, "agrees": n in agreeing,
                    "confirmed": claim_target(c) in confirmed})
    return out


def fact_to_json(fact: Fact, confirmed: set[str] = frozenset()) -> dict[str, Any]:
    """One reconciled fact: value, status, evidence and how the sources split."""
    a = fact.attrs
    out: dict[str, Any] = {"value": _value(fact, fact.value, a), "status": fact.status}
    if fact.slot == "duration":
        out["approx"] = a.get("approx")
        out["iso"] = fact.value
    if fact.slot == "figure":
        out.update(measure=a.get("measure"), unit=a.get("unit"), text=fact.value)
    out["conflict"] = a.get("conflict")
    out["claims"] = _fact_claims(fact, confirmed)
    out["independent_groups"] = [list(g) for g in fact.independent_groups]
    out["sides"] = [{"value": _value(fact, s["value"], fact.claims[s["head"]].attrs),
                     "articles": list(s["articles"]), "groups": s["groups"]} for s in a.get("sides", [])]
    out["chosen_by"] = a.get("chosen_by")
    out["chosen_at"] = a.get("chosen_at")
    if a.get("chosen_by"):
        out["machine_value"] = _value(fact, a.get("machine_value"), a)
    if fact.planned:
        out["outcome"] = a.get("outcome", "unreported")
    return out


def _span(c: Claim) -> dict[str, Any]:
    e = c.evidence
    return {"article": e.article, "start": e.start, "end": e.end, "text": e.text}


def quote_to_json(q: QuoteGroup) -> dict[str, Any]:
    """One statement: its reference rendering first, every variant with its article's verdict."""
    head = q.claims[0]
    e = head.evidence
    return {
        "speaker": q.speaker_name, "speaker_id": q.speaker, "text": head.value,
        "article": e.article, "start": e.start, "end": e.end, "direct": bool(head.attrs.get("direct", True)),
        "variants": [{**_span(c), "quote": c.value, "direct": bool(c.attrs.get("direct", True)),
                      "verdict": q.verdicts.get(c.evidence.article, "missing")} for c in q.claims],
        "verdicts": dict(sorted(q.verdicts.items())),
        "flags": list(q.flags),
    }


def dossier_to_json(dossier: Dossier) -> dict[str, Any]:
    """The ``events[]`` item of the contract for one dossier."""
    ev = dossier.event
    confirmed = {j.target for j in dossier.judgements if j.action == "confirm"}
    facts: dict[str, Any] = {}
    planned: dict[str, Any] = {}
    figures, participants, announced = [], [], []
    for f in dossier.facts:
        if f.attrs.get("announced"):
            announced.append({"slot": f.slot, "value": _value(f, f.value, f.attrs), "status": f.status,
                              "articles": list(f.attrs.get("articles", ())),
                              "independent_groups": [list(g) for g in f.independent_groups],
                              "claims": _fact_claims(f, confirmed)})
        elif f.slot == "participant":
            participants.append({"name": f.attrs.get("name"), "id": f.value,
                                 "ids": list(f.attrs.get("ids") or [f.value]), "kind": f.attrs.get("kind"),
                                 "articles": list(f.attrs.get("articles", ())), "status": f.status,
                                 "independent_groups": [list(g) for g in f.independent_groups],
                                 "party": bool(f.attrs.get("party")), "planned": f.planned})
        elif f.slot == "figure":
            figures.append(fact_to_json(f, confirmed))
        elif f.planned:
            planned[f.slot] = fact_to_json(f, confirmed)
        else:
            facts[f.slot] = fact_to_json(f, confirmed)
    domains = [{"domain": r.key, "articles": list(r.articles), "status": r.status,
                "evidence": [_span(c) for c in r.claims]} for r in domain_rows(dossier)]
    commitments = [{"actor": r.actor_name, "actor_id": r.actor, "action": r.key, "articles": list(r.articles),
                    "status": r.status, "evidence": [_span(c) for c in r.claims]} for r in commitment_rows(dossier)]
    return {
        "id": ev.id, "title": ev.title, "articles": list(ev.articles),
        "kinds": dict(sorted(ev.kinds.items())), "summary": dossier.summary,
        "facts": facts, "planned": planned, "announced": announced, "figures": figures, "participants": participants,
        "quotes": [quote_to_json(q) for q in dossier.quotes],
        "domains": domains, "commitments": commitments,
        "derivations": [{"article": d.article, "source": d.source, "kind": d.kind, "score": round(float(d.score), 4)}
                        for d in dossier.derivations],
        "independent_groups": [list(g) for g in dossier.independence_groups],
        "judgements": [{"target": j.target, "action": j.action, "value": j.value, "author": j.author, "at": j.at}
                       for j in dossier.judgements],
    }


def analysis_to_json(articles: Iterable[Article], claims: Mapping[str, Sequence[Claim]] | None,
                     dossiers: Iterable[Dossier]) -> dict[str, Any]:
    """The whole ``analyze --format json`` object. Articles are ordered by path then id, events
    by id; an article's kind comes from its event when the record still says ``unknown``."""
    dossiers = sorted(dossiers, key=lambda d: d.event.id)
    kinds = {a: k for d in dossiers for a, k in d.event.kinds.items()}
    arts = sorted(articles, key=lambda a: (a.path, a.id))
    out_articles = []
    for a in arts:
        kind = a.kind if a.kind != "unknown" else kinds.get(a.id, "unknown")
        cs = None if claims is None else tuple(claims.get(a.id, ()))
        out_articles.append(article_to_json(a, cs, kind))
    return {"articles": out_articles, "events": [dossier_to_json(d) for d in dossiers]}
