"""The dossier as Markdown: one section per event, conflicts first, numbered citations.

Article text is hostile input: every piece of it is escaped so that no title or quote can
inject Markdown structure or raw HTML into a viewer.
"""

from __future__ import annotations

import re
from typing import Iterable

from recoupe.records import Dossier
from recoupe.report.view import EventView, Source, build_view

BADGES = {"corroborated": "✅ corroborated", "conflicting": "⚠️ conflicting", "single-source": "◻️ single source"}
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
# start structure inside a line (emphasis, links, tables, code, raw HTML).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!])")


def esc(text: object) -> str:
    """Escape text for a Markdown line (and fold new lines: a cell is one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _cites(numbers: Iterable[int]) -> str:
    return " ".join(f"[{n}]" for n in numbers)


def _source_line(s: Source) -> str:
    a = s.article
    bits = [esc(a.outlet or "unknown outlet"), f"*{esc(a.title or 'untitled')}*"]
    if a.author:
        bits.append(esc(a.author))
    bits.append(esc(a.published or "undated"))
    bits.append(esc(s.kind))
    bits.append(esc(a.url or a.path))
    line = f"{s.number}. " + " — ".join(bits)
    if s.derived_from:
        line += " — " + "; ".join(f"**{k} of [{n}]** (score {score:.2f})" for n, k, score in s.derived_from)
    return line


def render_event(v: EventView) -> str:
    out = [f"## {esc(v.title)}", "", f"Event id: {esc(v.id)}", ""]
    if v.summary:
        out += [f"> {esc(v.summary)}" + (f" [{v.summary_cite}]" if v.summary_cite else ""), ""]
    out += ["### Conflicts", ""]
    if not v.conflicts:
        out += ["No conflict between the sources.", ""]
    for c in v.conflicts:
        lead = "Statement" if c.kind == "quote" else "Retained"
        out.append(f"- **{esc(c.label)}** — {esc(c.explanation)}. {lead}: {esc(c.chosen)}.")
        for side in c.sides:
            groups = "" if c.kind == "quote" else (
                " (only in copies or rewrites)" if side.groups == 0
                else f" ({side.groups} independent group{'s' if side.groups != 1 else ''})")
            out.append(f"  - {esc(side.value)}{groups}:")
            for ct in side.cites:
                extra = f" ({ct.note})" if ct.note else ""  # our own words: "rewrite of [1]"
                out.append(f"    - [{ct.number}] {esc(ct.outlet)}{extra}: «{esc(ct.text)}»")
    out.append("")
    out += ["### Facts", "", "| Fact | Value | Status | Groups | Sources |", "|---|---|---|---|---|"]
    for f in v.facts:
        value = esc(f.value) + (f" ({esc(f.note)})" if f.note else "")
        out.append(f"| {esc(f.label)} | {value} | {BADGES.get(f.status, f.status)} | {f.groups} | {_cites(f.cites)} |")
    out.append("")
    if v.timeline:
        out += ["### Planned and happened", "", "| Fact | Planned | Happened | Outcome |", "|---|---|---|---|"]
        for t in v.timeline:
            out.append(f"| {esc(t.label)} | {esc(t.planned)} {_cites(t.planned_cites)} | "
                       f"{esc(t.happened)} {_cites(t.happened_cites)} | {esc(t.outcome)} |")
        out.append("")
    if v.announced:
        out += ["### Announced next steps", "",
                "Plans for later occurrences (the next session...), not compared with this event.", ""]
        out += [f"- {esc(a.label)} — {BADGES.get(a.status, a.status)} {_cites(a.cites)}"
                + (f" ({esc(a.detail)})" if a.detail else "") for a in v.announced]
        out.append("")
    if v.participants:
        out += ["### Participants", ""]
        for p in v.participants:
            detail = f" ({esc(p.detail)})" if p.detail else ""
            out.append(f"- {esc(p.label)}{detail} — {BADGES.get(p.status, p.status)} {_cites(p.cites)}")
        out.append("")
    if v.quotes:
        out += ["### Quotes", ""]
        for q in v.quotes:
            out.append(f"- **{esc(q.speaker)}**: «{esc(q.text)}»")
            for flag in q.flags:
                out.append(f"  - ⚠️ {esc(flag)}")
            for var in q.variants:
                how = "direct" if var.direct else "indirect"
                out.append(f"  - [{var.number}] {esc(var.verdict)} ({how}): «{esc(var.text)}»")
            if q.missing:
                out.append(f"  - missing in {_cites(q.missing)}")
        out.append("")
    if v.commitments:
        out += ["### Commitments", ""]
        out += [f"- {esc(c.label)} — {BADGES.get(c.status, c.status)} {_cites(c.cites)}" for c in v.commitments]
        out.append("")
    if v.domains:
        out += ["### Domains", ""]
        out += [f"- {esc(c.label)} — {BADGES.get(c.status, c.status)} {_cites(c.cites)}" for c in v.domains]
        out.append("")
    out += ["### Sources", ""]
    out += [_source_line(s) for s in v.sources]
    out += ["", "Independence groups (articles joined by a copy or a rewrite count as one witness): "
            + "; ".join("{" + ", ".join(f"[{n}]" for n in g) + "}" for g in v.groups), ""]
    if v.edges:
        out += ["Derivations:", ""]
        out += [f"- [{e.article}] is a {esc(e.kind)} of [{e.source}] (score {e.score:.2f})" for e in v.edges]
        out.append("")
    if v.judgements:
        out += ["### Analysts' judgements", ""]
        out += [f"- {esc(j)}" for j in v.judgements]
        out.append("")
    return "\n".join(out)


def render(dossiers: Iterable[Dossier]) -> str:
    """All dossiers as one Markdown document, events in id order."""
    views = [build_view(d) for d in sorted(dossiers, key=lambda d: d.event.id)]
    head = ["# recoupe dossier", ""]
    if not views:
        return "\n".join(head + ["No event.", ""])
    return "\n".join(head) + "\n" + "\n---\n\n".join(render_event(v) for v in views)
