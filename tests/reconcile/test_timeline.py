"""Planned for this event vs announced for later occurrences (recoupe.reconcile.timeline)."""

from __future__ import annotations

from reconcile_scenes import ENTITIES, announcements

from recoupe.reconcile import build_dossier

ENTS = {**ENTITIES}


def dossier(scene):
    return build_dossier(scene.event, scene.articles, scene.claims, scene.derivations, ENTS)


def test_timeline_next_session_of_a_report_is_announced_not_a_changed_plan():
    d = dossier(announcements())
    planned = {f.slot: f for f in d.facts if f.planned and f.slot != "participant" and not f.attrs.get("announced")}
    assert planned["location"].value == "place:524901"
    assert planned["location"].attrs["outcome"] == "as-planned"
    assert planned["date"].value == "2025-04-03"
    assert planned["date"].attrs["outcome"] == "as-planned"
    assert all(f.attrs.get("outcome") != "changed" for f in d.facts)


def test_timeline_announced_lists_later_places_and_dates_with_their_articles():
    s = announcements()
    d = dossier(s)
    announced = {(f.slot, f.value): f for f in d.facts if f.attrs.get("announced")}
    assert ("location", "place:2460596") in announced  # next session in Bamako (next_event)
    assert ("location", "place:2441194") in announced  # Kollo: its sentence's date is later
    assert ("date", "2025-10-01") in announced  # a report's plan dated after the event
    assert ("date", "2025-06-01/2025-06-30") in announced
    assert announced[("location", "place:2460596")].attrs["articles"] == [s.id("report")]
    assert all(f.planned and f.status in ("single-source", "corroborated") for f in announced.values())
    # deadlines that are not occurrences are not next steps
    assert not any(v.startswith("2025-09") for _, v in announced)


def test_timeline_report_plan_compatible_with_the_event_stays_planned():
    s = announcements()
    d = dossier(s)
    plan = next(f for f in d.facts if f.slot == "date" and f.planned and not f.attrs.get("announced"))
    assert {c.evidence.article for c in plan.claims} == {s.id("preview"), s.id("report")}


def test_timeline_preview_published_after_the_event_counts_as_a_witness():
    s = announcements()
    d = dossier(s)
    date = next(f for f in d.facts if f.slot == "date" and not f.planned)
    assert s.id("late") in {c.evidence.article for c in date.claims}
    assert date.status == "corroborated" and len(date.independent_groups) == 3
    assert s.id("preview") not in {c.evidence.article for c in date.claims}


def test_timeline_article_published_before_the_event_is_a_plan_unless_it_witnesses_it():
    from dataclasses import replace

    from recoupe.records import Event

    s = announcements()
    early = {a.id: a for a in s.articles}
    wire = replace(early[s.id("wire")], published="2025-04-01")  # metadata error: it reports the meeting
    report = replace(early[s.id("report")], published="2025-04-01")
    arts = [early[s.id("preview")], report, wire, early[s.id("late")]]
    # the report's claims without its happened date: written on 1 April, it can only plan
    claims = {**s.claims, report.id: tuple(c for c in s.claims[report.id] if c.planned or c.slot != "date")}
    d = build_dossier(Event("ev", "t", s.event.articles, s.event.kinds), arts, claims, [], ENTS)
    date = next(f for f in d.facts if f.slot == "date" and not f.planned)
    assert wire.id in {c.evidence.article for c in date.claims}
    place = next(f for f in d.facts if f.slot == "location" and not f.planned)
    assert report.id not in {c.evidence.article for c in place.claims}
    plan = next(f for f in d.facts if f.slot == "location" and f.planned and not f.attrs.get("announced"))
    assert report.id in {c.evidence.article for c in plan.claims}


def test_timeline_preview_dateline_is_not_the_planned_place():
    from reconcile_scenes import BAMAKO, article, place

    from recoupe.records import Event

    p = article("Bamako, le 30 mars 2025 – Les ministres partiront bientôt.", dateline_place="Bamako",
                published="2025-03-30", path="in/pp.txt")
    d = build_dossier(Event("ev", "t", (p.id,), {p.id: "preview"}), [p],
                      {p.id: (place(p, BAMAKO, "Bamako", role="dateline"),)}, [], ENTS)
    assert not [f for f in d.facts if f.slot == "location"]
