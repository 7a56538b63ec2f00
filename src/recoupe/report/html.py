"""The dossier as one self-contained HTML file: inline CSS, no script, no external asset.

Readable offline, printable (print CSS), readable at phone width. Jinja2 with autoescape on:
article text is hostile input, and nothing from an article is ever marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined

from recoupe.records import Dossier
from recoupe.report.view import STATUS_LABELS, EventView, build_view, short_name

TEMPLATE = "dossier.html.j2"
# Derivation graph geometry, in SVG user units (pixels at 100 %).
BOX_W, BOX_H = 150, 26  # one source box
COL_STEP = 210  # horizontal distance between a source and its copies
ROW_STEP = 40  # vertical distance between boxes
MARGIN = 10
LABEL_CHARS = 18  # outlet characters shown in a box
GROUP_FILLS = ("#e8f1fb", "#fdf1e3", "#eaf6ec", "#f5e9f7", "#fbf8e0", "#e9eef0")


@dataclass(frozen=True)
class Node:
    number: int
    x: int
    y: int
    label: str
    fill: str


@dataclass(frozen=True)
class Line:
    x1: int
    y1: int
    x2: int
    y2: int
    kind: str


@dataclass(frozen=True)
class Layout:
    nodes: tuple[Node, ...]
    edges: tuple[Line, ...]
    width: int
    height: int
    box_w: int = BOX_W
    box_h: int = BOX_H


def layout(v: EventView) -> Layout:
    """Boxes in rows grouped by independence group; a copy sits one column right of its source."""
    source_of = {}
    for e in v.edges:
        source_of.setdefault(e.article, e.source)

    def depth(n: int, seen: frozenset = frozenset()) -> int:
        s = source_of.get(n)
        return 0 if s is None or s in seen else 1 + depth(s, seen | {n})

    outlet = {s.number: short_name(s.article) for s in v.sources}
    group_of = {n: gi for gi, g in enumerate(v.groups) for n in g}
    order = sorted(outlet, key=lambda n: (group_of.get(n, 0), depth(n), n))
    pos, nodes = {}, []
    for row, n in enumerate(order):
        x, y = MARGIN + depth(n) * COL_STEP, MARGIN + row * ROW_STEP
        pos[n] = (x, y)
        label = f"[{n}] {outlet[n][:LABEL_CHARS]}" + ("…" if len(outlet[n]) > LABEL_CHARS else "")
        nodes.append(Node(n, x, y, label, GROUP_FILLS[group_of.get(n, 0) % len(GROUP_FILLS)]))
    edges = []
    for e in v.edges:
        (xa, ya), (xs, ys) = pos[e.article], pos[e.source]
        edges.append(Line(xa, ya + BOX_H // 2, xs + BOX_W, ys + BOX_H // 2, e.kind))
    width = MARGIN * 2 + BOX_W + max((depth(n) for n in order), default=0) * COL_STEP
    height = MARGIN * 2 + max(len(order), 1) * ROW_STEP - (ROW_STEP - BOX_H)
    return Layout(tuple(nodes), tuple(edges), width, height)


def environment() -> Environment:
    """The Jinja2 environment of the reports: autoescape on for every template."""
    return Environment(loader=PackageLoader("recoupe.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(dossiers: Iterable[Dossier], env: Environment | None = None) -> str:
    """All dossiers as one HTML document, events in id order."""
    views = [build_view(d) for d in sorted(dossiers, key=lambda d: d.event.id)]
    title = views[0].title if len(views) == 1 else f"recoupe dossier: {len(views)} events"
    template = (env or environment()).get_template(TEMPLATE)
    return template.render(page_title=title, events=views, layouts=[layout(v) for v in views],
                           labels=STATUS_LABELS)
