"""Statuses and chosen values on hand-made events mirroring the issue's cases."""

from __future__ import annotations

from dataclasses import replace

from reconcile_scenes import ENTITIES, LAVROV, article, claim, meeting, moscow

from recoupe.records import Derivation, Event, Judgement
from recoupe.reconcile import build_dossier, claim_target, independence_groups


def dossier(scene, judgements=()):
    return build_dossier(scene.event, scene.articles, scene.claims, scene.derivations, ENTITIES, judgements)


def fact(d, slot, planned=False):
    found = [f for f in d.facts if f.slot == slot and f.planned == planned]
    assert len(found) == 1, [(f.slot, f.planned) for f in d.facts]
    return found[0]


def test_facts_date_conflict_names_the_disagreeing_article():
    s = meeting()
    f = fact(dossier(s), "date")
    assert f.value == "2025-04-03"
    assert f.status == "conflicting"
    assert f.attrs["conflict"] == "between-groups"
    winning, losing = f.attrs["sides"]
    assert losing["articles"] == [s.id("weekly")]
    assert losing["value"] == "2025-04-04/2025-04-05"
    assert s.id("weekly") not in winning["articles"]


def test_facts_rewrite_does_not_count_as_a_second_witness():
    s = meeting()
    f = fact(dossier(s), "date")
    # communiqué + its rewrite are one group, the daily another: two groups back 3 April.
    assert f.attrs["sides"][0]["groups"] == 2
    assert {s.id("communique"), s.id("rewrite")} in [set(g) for g in f.independent_groups]


def test_facts_yearless_date_is_completed_from_the_consensus_year():
    s = meeting()
    f = fact(dossier(s), "date")
    rewritten = [c for c in f.claims if c.evidence.article == s.id("rewrite")]
    assert [c.value for c in rewritten] == ["2025-04-03"]
    assert rewritten[0].attrs["stated"] == "XXXX-04-03"


def test_facts_background_dates_do_not_count():
    s = meeting()
    f = fact(dossier(s), "date")
    assert all(c.attrs.get("about_event", True) for c in f.claims)


def test_facts_duration_conflict_ninety_minutes_against_about_two_hours():
    s = meeting()
    f = fact(dossier(s), "duration")
    assert f.status == "conflicting"
    assert f.value == "PT90M" and f.attrs["minutes"] == 90 and f.attrs["approx"] == "about"
    sides = {side["value"]: side["articles"] for side in f.attrs["sides"]}
    assert sides["PT90M"] == [s.id("communique")]
    assert set(sides["PT2H"]) == {s.id("daily"), s.id("rewrite")}


def test_facts_derived_article_contradicting_its_source_is_a_conflict():
    s = meeting()
    keep = {s.id("communique"), s.id("rewrite")}
    event = Event(s.event.id, s.event.title, tuple(sorted(keep)), {a: s.event.kinds[a] for a in keep})
    d = build_dossier(event, s.articles, s.claims, s.derivations, ENTITIES)
    f = fact(d, "duration")
    assert f.status == "conflicting"
    assert f.attrs["conflict"] == "within-group"
    assert f.value == "PT90M"  # the source speaks for the group, not its rewrite
    assert fact(d, "date").status == "single-source"


def test_facts_planned_date_from_preview_is_kept_apart():
    s = meeting()
    d = dossier(s)
    planned = fact(d, "date", planned=True)
    assert planned.value == "2025-04-03/2025-04-04"
    assert [c.evidence.article for c in planned.claims] == [s.id("preview")]
    assert planned.attrs["outcome"] == "as-planned"
    assert all(c.evidence.article != s.id("preview") for c in fact(d, "date").claims)


def test_facts_planned_value_never_makes_a_conflict():
    s = meeting()
    claims = dict(s.claims)
    p = next(a for a in s.articles if a.id == s.id("preview"))
    claims[p.id] = (claim(p, "date", "2025-04-09", "les 3 et 4 avril 2025", planned=True),)
    keep = (s.id("communique"), s.id("daily"), s.id("preview"))
    event = Event("ev", "t", keep, {a: s.event.kinds[a] for a in keep})
    d = build_dossier(event, s.articles, claims, s.derivations, ENTITIES)
    assert fact(d, "date").status == "corroborated"
    assert fact(d, "date", planned=True).attrs["outcome"] == "changed"


def test_facts_location_is_corroborated_and_datelines_yield_to_event_places():
    s = meeting()
    f = fact(dossier(s), "location")
    assert f.status == "corroborated"
    assert f.value == "place:524901" and f.attrs["name"] == "Moscow" and f.attrs["country"] == "RU"
    roles = {c.attrs["role"] for c in f.claims if c.evidence.article == s.id("communique")}
    assert roles == {"event"}


def test_facts_dateline_counts_when_no_event_place_is_named():
    a = article("Bamako, le 2 mai 2025\nLa réunion a eu lieu hier.", kind="report")
    b = article("Les ministres se sont réunis à Bamako le 1er mai.", kind="report")
    claims = {a.id: (claim(a, "place", "place:2460596", "Bamako", role="dateline", country="ML", name="Bamako"),),
              b.id: (claim(b, "place", "place:2460596", "Bamako", role="event", country="ML", name="Bamako"),)}
    d = build_dossier(Event("ev", "t", (a.id, b.id)), [a, b], claims, [])
    assert fact(d, "location").status == "corroborated"


def test_facts_tie_goes_to_the_official_communique():
    s = meeting()
    keep = (s.id("communique"), s.id("weekly"))
    event = Event("ev", "t", keep, {a: s.event.kinds[a] for a in keep})
    f = fact(build_dossier(event, s.articles, s.claims, [], ENTITIES), "date")
    assert f.status == "conflicting" and f.value == "2025-04-03"
    # Two plain reports: the one with a dateline wins the tie, even when it is the shorter.
    as_report = {a: "report" for a in keep}
    swapped = [replace(a, dateline_place="Moscou" if a.id == s.id("weekly") else None) for a in s.articles]
    f2 = fact(build_dossier(Event("ev", "t", keep, as_report), swapped, s.claims, [], ENTITIES), "date")
    assert f2.value == "2025-04-04/2025-04-05"
    # Neither has a dateline: the longer (more complete) one wins.
    bare = [replace(a, dateline_place=None) for a in s.articles]
    f3 = fact(build_dossier(Event("ev", "t", keep, as_report), bare, s.claims, [], ENTITIES), "date")
    assert f3.value == "2025-04-03"


def test_facts_judgement_reject_removes_a_claim_and_confirm_restores_it():
    s = meeting()
    weekly_date = next(c for c in s.claims[s.id("weekly")] if c.slot == "date")
    reject = Judgement(claim_target(weekly_date), "reject", None, "ana", "2025-05-01T10:00:00Z")
    d = dossier(s, [reject])
    assert fact(d, "date").status == "corroborated"
    assert d.judgements == (reject,)
    confirm = Judgement(claim_target(weekly_date), "confirm", None, "bob", "2025-05-02T10:00:00Z")
    assert fact(dossier(s, [confirm, reject]), "date").status == "conflicting"


def test_facts_judgement_choose_sets_the_value_and_keeps_the_machine_one():
    s = meeting()
    choose = Judgement(f"fact:{s.event.id}:date", "choose", "XXXX-04-04/XXXX-04-05", "ana", "2025-05-01T10:00:00Z")
    f = fact(dossier(s, [choose]), "date")
    assert f.value == "2025-04-04/2025-04-05"
    assert f.attrs["machine_value"] == "2025-04-03"
    assert f.attrs["chosen_by"] == "ana" and f.attrs["chosen_at"] == "2025-05-01T10:00:00Z"
    assert f.status == "conflicting"  # the sources still disagree
    other = Judgement("fact:another-event:date", "choose", "2025-01-01", "ana", "2025-05-01T10:00:00Z")
    assert fact(dossier(s, [other]), "date").value == "2025-04-03"


def test_facts_participants_count_groups_and_ignore_previews():
    s = meeting()
    d = dossier(s)
    people = {f.value: f for f in d.facts if f.slot == "participant"}
    assert people[LAVROV.id].status == "corroborated"
    assert people[LAVROV.id].attrs["party"] is True
    assert people["org:aes"].status == "single-source"
    assert all(f.status != "conflicting" for f in people.values())


def test_facts_independence_groups_are_connected_components():
    d1 = Derivation("b", "a", "copy", 1.0)
    d2 = Derivation("c", "b", "rewrite", 0.7)
    assert independence_groups(["d", "c", "b", "a"], [d2, d1]) == [("a", "b", "c"), ("d",)]


def test_facts_a_single_source_with_several_claims_is_single_source():
    a = article("Le sommet s'est tenu le 3 avril 2025 à Moscou, le 3 avril 2025.", kind="report")
    claims = [claim(a, "date", "2025-04-03", "3 avril 2025"), claim(a, "date", "2025-04-03", "3 avril 2025", nth=1),
              moscow(a)]
    d = build_dossier(Event("ev", "t", (a.id,)), [a], claims, [], ENTITIES)
    assert {f.status for f in d.facts} == {"single-source"}


def test_facts_independent_article_that_also_states_another_date_is_a_between_groups_conflict():
    s = meeting()
    weekly = next(a for a in s.articles if a.id == s.id("weekly"))
    claims = dict(s.claims)
    # The weekly also dates the communiqué "ce jeudi" (3 April): it still says 4-5 April for the meeting.
    claims[weekly.id] = claims[weekly.id] + (claim(weekly, "date", "2025-04-03", "Cette première réunion",
                                                   about_event=True),)
    f = fact(build_dossier(s.event, s.articles, claims, s.derivations, ENTITIES), "date")
    assert f.status == "conflicting" and f.attrs["conflict"] == "between-groups"
    assert f.attrs["sides"][1]["articles"] == [weekly.id]


def test_facts_background_durations_do_not_count():
    a = article("La réunion a duré deux heures. La confédération est née quelques mois plus tard.", kind="report")
    claims = [claim(a, "duration", "PT2H", "deux heures", approx="exact", about_event=True),
              claim(a, "duration", "PXM", "quelques mois", approx="vague", about_event=False)]
    d = build_dossier(Event("ev", "t", (a.id,)), [a], claims, [])
    f = fact(d, "duration")
    assert f.status == "single-source" and [c.value for c in f.claims] == ["PT2H"]


def test_facts_event_place_beats_more_datelines_and_the_conflict_names_them():
    from reconcile_scenes import BAMAKO, place

    arts = [article(f"Bamako, le 14 mars 2025 – Les ministres se sont réunis à Moscou ({n}).", dateline_place="Bamako",
                    published="2025-03-14", path=f"in/d{n}.txt") for n in range(3)]
    with_event = arts[:1]
    dateline_only = [article(f"Bamako, le 14 mars 2025 – Réunion des ministres ({n}).", dateline_place="Bamako",
                             published="2025-03-14", path=f"in/o{n}.txt") for n in range(2)]
    claims = {a.id: (moscow(a, "Moscou"), place(a, BAMAKO, "Bamako", role="dateline")) for a in with_event}
    claims.update({a.id: (place(a, BAMAKO, "Bamako", role="dateline"),) for a in dateline_only})
    everyone = with_event + dateline_only
    event = Event("ev-x", "x", tuple(a.id for a in everyone), {a.id: "report" for a in everyone})
    f = fact(build_dossier(event, everyone, claims, [], ENTITIES), "location")
    assert f.value == "place:524901"
    assert f.status == "conflicting"
    assert set(f.attrs["sides"][1]["articles"]) == {a.id for a in dateline_only}


def test_facts_event_date_beats_dateline_dates():
    reports = [article(f"Ankara, le 14 mars 2025 – Les ministres se sont réunis ({n}).", dateline_place="Ankara",
                       published="2025-03-14", path=f"in/t{n}.txt") for n in range(2)]
    told = article("Ankara, le 14 mars 2025 – Les ministres se sont réunis jeudi 13 mars.", dateline_place="Ankara",
                   published="2025-03-14", path="in/told.txt")
    claims = {a.id: (claim(a, "date", "2025-03-14", "le 14 mars 2025", about_event=True),) for a in reports}
    claims[told.id] = (claim(told, "date", "2025-03-14", "le 14 mars 2025", about_event=True),
                       claim(told, "date", "2025-03-13", "jeudi 13 mars", about_event=True))
    everyone = reports + [told]
    event = Event("ev-y", "y", tuple(a.id for a in everyone), {a.id: "report" for a in everyone})
    f = fact(build_dossier(event, everyone, claims, [], ENTITIES), "date")
    assert f.value == "2025-03-13"
    assert f.status == "conflicting" and f.attrs["conflict"] == "between-groups"
    assert set(f.attrs["sides"][1]["articles"]) >= {a.id for a in reports}


def _figures(*stated):
    """The figure facts of a two-report event; ``stated`` holds (text, [(phrase, number)], attrs)
    per article."""
    arts, claims = [], {}
    for text, amounts, attrs in stated:
        a = article(text)
        arts.append(a)
        claims[a.id] = tuple(claim(a, "figure", f"{n:g}", phrase, number=n, **attrs) for phrase, n in amounts)
    event = Event("ev-test", "Figures", tuple(a.id for a in arts), {a.id: "report" for a in arts})
    return [f for f in build_dossier(event, arts, claims, [], ENTITIES, ()).facts if f.slot == "figure"]


BOURSES = dict(measure="bourses", unit="bourses")


def test_facts_two_amounts_one_source_tells_apart_are_two_figures_not_a_conflict():
    # "180 des 300 bourses": one article states both amounts, so "bourses" names two
    # quantities (awarded so far, offered a year). Another outlet's 180 backs the 180.
    found = _figures(
        ("Le ministre a indiqué que 180 des 300 bourses annuelles étaient déjà attribuées.",
         [("180", 180), ("300 bourses", 300)], BOURSES),
        ("Selon le ministre, 180 bourses ont déjà été attribuées aux étudiants.", [("180 bourses", 180)], BOURSES))
    figures = sorted((f.attrs["number"], f.status) for f in found)
    assert figures == [(180, "corroborated"), (300, "single-source")]


def test_facts_two_outlets_with_different_amounts_for_one_figure_still_conflict():
    [f] = _figures(("La Türkiye offrira 300 bourses universitaires par an.", [("300 bourses", 300)], BOURSES),
                   ("La Türkiye offrira 250 bourses universitaires par an.", [("250 bourses", 250)], BOURSES))
    assert f.status == "conflicting"


def test_facts_amounts_with_no_known_measure_never_conflict_but_still_corroborate():
    programme = "Le programme coûtera 1 200 milliards de FCFA. La première tranche : 412 milliards de FCFA."
    accord = ("L'accord porte sur 412 milliards de FCFA.", [("412 milliards de FCFA", 4.12e11)], dict(unit="XOF"))
    found = _figures((programme, [("1 200 milliards de FCFA", 1.2e12)], dict(unit="XOF")), accord)
    assert sorted(f.status for f in found) == ["single-source", "single-source"]
    found = _figures((programme, [("1 200 milliards de FCFA", 1.2e12), ("412 milliards de FCFA", 4.12e11)],
                      dict(unit="XOF")), accord)
    assert sorted(f.status for f in found) == ["corroborated", "single-source"]


def test_facts_a_measure_read_from_the_text_may_hold_any_character():
    # Measures are words of the article (untrusted): a "|" in one must not be read as a key part.
    attrs = dict(measure="Sahel | Actu", unit="bourses")
    [f] = _figures(("Sahel | Actu : 300 bourses par an.", [("300 bourses", 300)], attrs),
                   ("Sahel | Actu : 250 bourses par an.", [("250 bourses", 250)], attrs))
    assert f.status == "conflicting" and "reading" not in f.attrs
