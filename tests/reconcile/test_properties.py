"""Properties the issue asks of reconciliation, on the hand-made scene and on random events."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reconcile_scenes import ENTITIES, article, claim, meeting

from recoupe.records import Claim, Derivation, Event, Evidence
from recoupe.reconcile import build_dossier
from recoupe.report.json import dossier_to_json

DATES = ("2025-04-03", "2025-04-03/2025-04-04", "2025-04-04/2025-04-05", "XXXX-04-03", "2025-04", "2025-04-05")
DURATIONS = (("PT90M", "about"), ("PT2H", "about"), ("PT2H", "exact"), ("PXH", "vague"), ("PT1H", "at_least"))
PLACES = (("place:524901", "RU"), ("state:RU", "RU"), ("place:2460596", "ML"))
PUBLISHED = ("2025-04-01", "2025-04-04", None)  # before, after, unknown: decides who wrote before
PLANS = (("2025-06", {"next_event": True}), ("2025-10-01", {}), ("2025-04-03", {}))
KINDS = ("report", "communique", "preview", "opinion")


def statuses(d) -> dict[tuple[str, bool, bool, str], str]:
    return {(f.slot, f.planned, bool(f.attrs.get("announced")),
             f.value if f.slot in ("participant", "figure") or f.attrs.get("announced") else ""): f.status
            for f in d.facts}


@st.composite
def events(draw):
    """1-5 articles, each with at most one value per slot (so none contradicts itself),
    random kinds and random derivations between them."""
    n = draw(st.integers(1, 5))
    arts, claims = [], {}
    for k in range(n):
        date = draw(st.sampled_from(DATES + (None,)))
        dur = draw(st.sampled_from(DURATIONS + (None,)))
        place = draw(st.sampled_from(PLACES + (None,)))
        parts = [f"Article {k} sur la réunion."]
        parts += [f"Date {date}." for _ in range(draw(st.integers(1, 2)))] if date else []
        parts += [f"Durée {dur[0]}."] if dur else []
        parts += [f"Lieu {place[0]}."] if place else []
        # a plan only beside no reported date: an article written before the event would
        # otherwise plan two dates and contradict itself
        plan = None if date else draw(st.sampled_from(PLANS + (None,)))
        parts += [f"Prévu {plan[0]}."] if plan else []
        dateline = draw(st.booleans())
        a = article(" ".join(parts) + " Fin" + "." * k, kind=draw(st.sampled_from(KINDS)),
                    dateline_place="Moscou" if dateline else None, published=draw(st.sampled_from(PUBLISHED)))
        cs = []
        if date:
            cs += [claim(a, "date", date, date, nth=i) for i in range(parts.count(f"Date {date}."))]
        if dur:
            cs.append(claim(a, "duration", dur[0], dur[0], approx=dur[1]))
        if place:
            cs.append(claim(a, "place", place[0], place[0], country=place[1], role="event"))
        if plan:
            cs.append(claim(a, "date", plan[0], f"Prévu {plan[0]}", planned=True, about_event=True, **plan[1]))
        arts.append(a)
        claims[a.id] = tuple(cs)
    derivations = []
    for i in range(1, n):
        if draw(st.booleans()):
            j = draw(st.integers(0, i - 1))
            derivations.append(Derivation(arts[i].id, arts[j].id, draw(st.sampled_from(["copy", "rewrite"])), 0.9))
    event = Event("ev-random", "random", tuple(a.id for a in arts), {a.id: a.kind for a in arts})
    return event, arts, claims, derivations


def exact_copy(event, arts, claims, derivations, i):
    """Add a verbatim copy of article ``i`` (another site's footer makes it another id)."""
    src = arts[i]
    copy = article(src.text + "\nRepris de notre confrère.", kind=src.kind, dateline_place=src.dateline_place,
                   published=src.published)
    copied = tuple(Claim(c.slot, c.value, Evidence(copy.id, c.evidence.start, c.evidence.end, c.evidence.text,
                                                   c.evidence.extractor), c.planned, c.attrs) for c in claims[src.id])
    ev = Event(event.id, event.title, event.articles + (copy.id,), {**event.kinds, copy.id: src.kind})
    return (ev, arts + [copy], {**claims, copy.id: copied},
            derivations + [Derivation(copy.id, src.id, "copy", 1.0)])


@settings(max_examples=60, deadline=None)
@given(events(), st.randoms(use_true_random=False))
def test_properties_order_of_articles_and_claims_does_not_matter(ev, rnd):
    event, arts, claims, derivations = ev
    base = dossier_to_json(build_dossier(event, arts, claims, derivations))
    flat = [c for cs in claims.values() for c in cs]
    rnd.shuffle(flat)
    shuffled_arts = list(arts)
    rnd.shuffle(shuffled_arts)
    ids = list(event.articles)
    rnd.shuffle(ids)
    event2 = Event(event.id, event.title, tuple(ids), dict(reversed(list(event.kinds.items()))))
    again = dossier_to_json(build_dossier(event2, shuffled_arts, flat, list(reversed(derivations))))
    assert again == base


@settings(max_examples=60, deadline=None)
@given(events(), st.data())
def test_properties_an_exact_copy_never_changes_a_status(ev, data):
    event, arts, claims, derivations = ev
    i = data.draw(st.integers(0, len(arts) - 1))
    before = statuses(build_dossier(event, arts, claims, derivations))
    after = statuses(build_dossier(*exact_copy(event, arts, claims, derivations, i)))
    assert after == before


@settings(max_examples=60, deadline=None)
@given(events(), st.data())
def test_properties_one_source_left_makes_every_fact_single_source(ev, data):
    event, arts, claims, derivations = ev
    keep = data.draw(st.sampled_from(arts))
    one = Event(event.id, event.title, (keep.id,), {keep.id: keep.kind})
    d = build_dossier(one, arts, claims, derivations)
    assert {f.status for f in d.facts} <= {"single-source"}


def test_properties_scene_order_independent_and_copy_stable():
    s = meeting()
    base = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES)
    rev = build_dossier(s.event, list(reversed(s.articles)),
                        {k: tuple(reversed(v)) for k, v in reversed(list(s.claims.items()))},
                        list(reversed(s.derivations)), ENTITIES)
    assert dossier_to_json(rev) == dossier_to_json(base)
    for i in range(len(s.articles)):
        copied = build_dossier(*exact_copy(s.event, s.articles, s.claims, s.derivations, i), ENTITIES)
        assert statuses(copied) == statuses(base)


def test_properties_scene_each_source_alone_is_single_source():
    s = meeting()
    for a in s.articles:
        one = Event(s.event.id, s.event.title, (a.id,), {a.id: s.event.kinds[a.id]})
        d = build_dossier(one, s.articles, s.claims, s.derivations, ENTITIES)
        assert {f.status for f in d.facts} == {"single-source"}, a.title
