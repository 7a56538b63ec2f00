"""Domains and commitments of an event, read off a dossier's claims.

These are lists, not single values: an article that does not name a domain does not deny it,
so nothing here is ever ``conflicting``; a row is ``corroborated`` when two or more
independence groups carry it and ``single-source`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from recoupe.records import Claim, Dossier
from recoupe.reconcile.facts import claim_key
from recoupe.reconcile.quotes import normalise

# token_set_ratio (0-100) above which two commitments of one actor are the same undertaking
# ("former et équiper la force conjointe" / "équiper et former la force unifiée").
SAME_COMMITMENT = 70.0


@dataclass(frozen=True)
class Row:
    """One domain or one commitment with the claims that carry it."""

    key: str  # the domain key, or the commitment's action (its most primary wording)
    claims: tuple[Claim, ...]
    articles: tuple[str, ...]  # ordered most primary first
    groups: int
    status: str
    actor: str | None = None
    actor_name: str | None = None


def _rank(dossier: Dossier) -> dict[str, int]:
    return {a.id: n for n, a in enumerate(dossier.articles)}


def _group_count(dossier: Dossier, articles: set[str]) -> int:
    return sum(1 for g in dossier.independence_groups if articles & set(g))


def _row(dossier: Dossier, key: str, claims: list[Claim], rank: dict[str, int], **kw) -> Row:
    claims = sorted(claims, key=lambda c: (rank[c.evidence.article], claim_key(c)))
    arts = sorted({c.evidence.article for c in claims}, key=rank.__getitem__)
    # A preview announces topics; it witnesses them only when no report does.
    reports = {a for a in arts if dossier.event.kinds.get(a) != "preview"}
    groups = _group_count(dossier, reports or set(arts))
    return Row(key, tuple(claims), tuple(arts), groups, "corroborated" if groups >= 2 else "single-source", **kw)


def domain_rows(dossier: Dossier) -> list[Row]:
    """Each cooperation domain named in the event, most widely carried first."""
    rank = _rank(dossier)
    by: dict[str, list[Claim]] = {}
    for cs in dossier.claims.values():
        for c in cs:
            if c.slot == "domain":
                by.setdefault(c.value, []).append(c)
    rows = [_row(dossier, k, cs, rank) for k, cs in by.items()]
    return sorted(rows, key=lambda r: (-r.groups, -len(r.articles), r.key))


def commitment_rows(dossier: Dossier) -> list[Row]:
    """Commitments grouped by actor and similar wording (order-independent components)."""
    rank = _rank(dossier)
    items = sorted((c for cs in dossier.claims.values() for c in cs if c.slot == "commitment"),
                   key=lambda c: (rank[c.evidence.article], claim_key(c)))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            if a.attrs.get("actor") == b.attrs.get("actor") and fuzz.token_set_ratio(
                    normalise(a.value), normalise(b.value)) >= SAME_COMMITMENT:
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)
    comps: dict[int, list[Claim]] = {}
    for i, c in enumerate(items):
        comps.setdefault(find(i), []).append(c)
    names = {e.id: e.name for e in dossier.entities.values()}
    rows = []
    for cs in comps.values():
        head = cs[0]
        actor = head.attrs.get("actor")
        name = names.get(actor or "") or head.attrs.get("actor_name") or head.attrs.get("actor_text")
        rows.append(_row(dossier, head.value, cs, rank, actor=actor, actor_name=name))
    return sorted(rows, key=lambda r: (-r.groups, rank[r.claims[0].evidence.article], claim_key(r.claims[0])))
