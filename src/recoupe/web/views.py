"""What the event and article pages show, computed from stored records: evidence marks cut
from offsets, the selectable facts of a dossier record, the derivation forest. Pure
functions; the routes in :mod:`recoupe.web.pages` read the store and render."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from recoupe.records import Article, Claim
from recoupe.report.view import show_date, show_minutes

SLOT_LABELS = {"date": "Date", "location": "Place", "duration": "Duration"}
CLAIM_SLOT = {"location": "place"}  # fact slot -> claim slot, where they differ
VALUE_SLOTS = ("date", "location", "duration")  # the slots an analyst can choose a value for


# ---------------------------------------------------------------- evidence marks

@dataclass(frozen=True)
class Span:
    """One stretch of an article's text to mark: a CSS class and a tooltip."""

    start: int
    end: int
    cls: str
    title: str = ""


@dataclass(frozen=True)
class Segment:
    """A piece of text between two span boundaries; ``marks`` are the spans covering it."""

    text: str
    marks: tuple[Span, ...] = ()

    @property
    def cls(self) -> str:
        return " ".join(dict.fromkeys(m.cls for m in self.marks))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(m.title for m in self.marks if m.title))


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; overlapping spans cover the same segments.
    Spans outside the text or empty are ignored (a stale offset must not break a page)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not valid:
        return [Segment(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(s for s in valid if s.start <= a and s.end >= b)
        out.append(Segment(text[a:b], covering))
    return out


# ---------------------------------------------------------------- the event view

@dataclass
class FactItem:
    """One row of the facts table and, when selected, its evidence panel."""

    key: str
    label: str
    value: str
    status: str
    kind: str  # value | planned | figure | participant | quote | domain | commitment
    claim_slot: str
    target: str | None = None  # the judgement target of a choice (value slots only)
    conflict: str | None = None
    chosen_by: str | None = None
    chosen_at: str | None = None
    machine_value: str | None = None
    sides: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)  # article, start, end, text, value, cls, target


def show_value(slot: str, value: Any, fact: Mapping[str, Any] | None = None) -> str:
    """A contract value in words: a date, minutes, a place record, a figure."""
    if value is None:
        return "unknown"
    if slot == "date":
        return show_date(str(value))
    if slot == "duration":
        approx = (fact or {}).get("approx") or "exact"
        words = {"about": "about ", "at_least": "at least ", "at_most": "at most "}.get(approx, "")
        return words + show_minutes(float(value)) if isinstance(value, (int, float)) else str(value)
    if slot == "location" and isinstance(value, Mapping):
        name = value.get("name") or value.get("id")
        return f"{name} ({value['country']})" if value.get("country") and value.get("country") != name else str(name)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}".replace(",", " ")
    return str(value)


def form_value(value: Any) -> str:
    """The value a choice form sends back: what ``Pipeline.judge`` understands."""
    if isinstance(value, Mapping):
        return str(value.get("id") or "")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _claim_rows(event_id: str, claim_slot: str, claims: Iterable[Mapping[str, Any]], slot: str,
                fact: Mapping[str, Any] | None, disagreeing: bool) -> list[dict[str, Any]]:
    rows = []
    for c in claims:
        agrees = c.get("agrees", True)
        rows.append({**c, "shown": show_value(slot, c.get("value"), fact) if "value" in c else "",
                     "cls": "ev-agree" if agrees or not disagreeing else "ev-disagree",
                     "target": f"claim:{c['article']}:{c['start']}:{c['end']}:{claim_slot}"})
    return rows


def fact_items(record: Mapping[str, Any]) -> list[FactItem]:
    """Every selectable row of an event's dossier, conflicts first."""
    eid = record["id"]
    items: list[FactItem] = []
    for planned, group in ((False, record.get("facts") or {}), (True, record.get("planned") or {})):
        for slot, f in group.items():
            key = f"planned-{slot}" if planned else slot
            label = ("Planned " + SLOT_LABELS.get(slot, slot).lower()) if planned else SLOT_LABELS.get(slot, slot)
            conflicting = f.get("status") == "conflicting"
            items.append(FactItem(
                key, label, show_value(slot, f.get("value"), f), f.get("status", ""), "planned" if planned else "value",
                CLAIM_SLOT.get(slot, slot), None if planned or slot not in VALUE_SLOTS else f"fact:{eid}:{slot}",
                f.get("conflict"), f.get("chosen_by"), f.get("chosen_at"),
                show_value(slot, f.get("machine_value"), f) if f.get("chosen_by") else None,
                [{"shown": show_value(slot, s.get("value"), f), "value": form_value(s.get("value")),
                  "articles": s.get("articles", []), "groups": s.get("groups", 0)} for s in f.get("sides", [])],
                _claim_rows(eid, CLAIM_SLOT.get(slot, slot), f.get("claims", []), slot, f, conflicting)))
    for n, f in enumerate(record.get("figures") or []):
        label = "Figure: " + str(f.get("measure") or f.get("unit") or "amount")
        items.append(FactItem(f"figure-{n}", label, str(f.get("text") or f.get("value")) + (f" {f['unit']}" if f.get("unit") else ""),
                              f.get("status", ""), "figure", "figure", conflict=f.get("conflict"),
                              claims=_claim_rows(eid, "figure", f.get("claims", []), "figure", f,
                                                 f.get("status") == "conflicting")))
    for n, q in enumerate(record.get("quotes") or []):
        status = "conflicting" if q.get("flags") else ("corroborated" if len(q.get("variants", [])) > 1 else "single-source")
        rows = []
        for v in q.get("variants", []):
            rows.append({**v, "value": v.get("quote"), "shown": v.get("verdict", ""), "cls": f"ev-{v.get('verdict', 'quote')}",
                         "target": f"claim:{v['article']}:{v['start']}:{v['end']}:quote"})
        items.append(FactItem(f"quote-{n}", f"Quote: {q.get('speaker') or 'unknown speaker'}", q.get("text", ""),
                              status, "quote", "quote", claims=rows))
    for d in record.get("domains") or []:
        items.append(FactItem(f"domain-{d['domain']}", "Domain", d["domain"], d.get("status", ""), "domain", "domain",
                              claims=_claim_rows(eid, "domain", d.get("evidence", []), "domain", None, False)))
    for n, c in enumerate(record.get("commitments") or []):
        items.append(FactItem(f"commitment-{n}", f"Commitment: {c.get('actor') or 'unknown'}", c.get("action", ""),
                              c.get("status", ""), "commitment", "commitment",
                              claims=_claim_rows(eid, "commitment", c.get("evidence", []), "commitment", None, False)))
    # Conflicts first, then the order of the dossier (stable sort).
    return sorted(items, key=lambda i: i.status != "conflicting")


def participant_item(record: Mapping[str, Any], actor_id: str,
                     claims: Mapping[str, Sequence[Claim]]) -> FactItem | None:
    """A participant as a selectable row: its evidence is every claim naming the actor
    (``claims``: the event's claims by article)."""
    p = next((p for p in record.get("participants") or [] if p.get("id") == actor_id), None)
    if p is None:
        return None
    rows = [{"article": c.evidence.article, "start": c.evidence.start, "end": c.evidence.end,
             "text": c.evidence.text, "value": c.value, "shown": p.get("name") or c.value, "cls": "ev-agree",
             "target": f"claim:{c.evidence.article}:{c.evidence.start}:{c.evidence.end}:actor"}
            for cs in claims.values() for c in cs if c.slot == "actor" and c.value == actor_id]
    return FactItem(f"participant-{actor_id}", "Participant", p.get("name") or actor_id, p.get("status", ""),
                    "participant", "actor", claims=rows)


@dataclass(frozen=True)
class Node:
    """An article in the derivation graph with the articles that copy or rewrite it."""

    article: str
    kind: str | None
    score: float | None
    children: tuple["Node", ...]


def derivation_forest(article_ids: Sequence[str], derivations: Sequence[Mapping[str, Any]]) -> list[Node]:
    """Original sources at the roots, their copies and rewrites below (cycle-safe)."""
    children: dict[str, list[Mapping[str, Any]]] = {}
    derived = set()
    for d in derivations:
        children.setdefault(d["source"], []).append(d)
        derived.add(d["article"])
    seen: set[str] = set()

    def build(aid: str, kind: str | None, score: float | None) -> Node:
        seen.add(aid)
        kids = tuple(build(d["article"], d["kind"], d["score"]) for d in children.get(aid, []) if d["article"] not in seen)
        return Node(aid, kind, score, kids)

    roots = [build(a, None, None) for a in article_ids if a not in derived and a not in seen]
    roots += [build(a, None, None) for a in article_ids if a not in seen]  # anything left sits on a cycle
    return roots


def article_label(a: Article) -> str:
    """Outlet (or file name) and date: enough to tell the articles of an event apart."""
    return " · ".join(x for x in (a.outlet or re.split(r"[/\\]", a.path)[-1], a.published) if x)
