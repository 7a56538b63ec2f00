"""Participants: partial names join the full name, outlets are not participants."""

from __future__ import annotations

from reconcile_scenes import actor, article

from recoupe.records import Entity, Event
from recoupe.reconcile import build_dossier

FULL = Entity("person:hadiza-abdou-sambo", "person", "Hadiza Abdou Sambo")
PART = Entity("person:abdou-sambo", "person", "Abdou Sambo")
SHORT = Entity("person:desire-ouedraogo", "person", "Désiré Ouédraogo")
LONG = Entity("person:salif-desire-ouedraogo", "person", "Salif Désiré OUÉDRAOGO")
AMADOU = Entity("person:amadou-diallo", "person", "Amadou Diallo")
FATOU = Entity("person:fatou-diallo", "person", "Fatou Diallo")
DIALLO = Entity("person:diallo", "person", "Diallo")
OUTLET = Entity("org:sahel-matin", "org", "Sahel Matin")
CREDITED = Entity("org:echo-du-sahel", "org", "Écho du Sahel")


def scene():
    a = article("Abdou Sambo et Desire Ouedraogo ont parlé. Diallo aussi, a appris Sahel Matin.",
                outlet="Sahel Matin", published="2025-03-14", path="in/a.txt")
    b = article("Hadiza Abdou Sambo, Salif Désiré OUÉDRAOGO, Amadou Diallo et Fatou Diallo. Écho du Sahel.",
                credits=("Source : L'Écho du Sahel",), published="2025-03-14", path="in/b.txt")
    claims = {a.id: (actor(a, PART, "Abdou Sambo"), actor(a, SHORT, "Desire Ouedraogo"), actor(a, DIALLO, "Diallo"),
                     actor(a, OUTLET, "Sahel Matin")),
              b.id: (actor(b, FULL, "Hadiza Abdou Sambo"), actor(b, LONG, "Salif Désiré OUÉDRAOGO"),
                     actor(b, AMADOU, "Amadou Diallo"), actor(b, FATOU, "Fatou Diallo"),
                     actor(b, CREDITED, "Écho du Sahel"))}
    event = Event("ev-people", "Meeting", (a.id, b.id), {a.id: "report", b.id: "report"})
    return a, b, build_dossier(event, [a, b], claims, [])


def participants(d):
    return {f.value: f for f in d.facts if f.slot == "participant"}


def test_people_partial_name_joins_the_full_name_with_both_ids_and_articles():
    a, b, d = scene()
    p = participants(d)
    assert PART.id not in p and SHORT.id not in p
    assert p[FULL.id].attrs["ids"] == [FULL.id, PART.id]
    assert set(p[FULL.id].attrs["articles"]) == {a.id, b.id}
    assert p[FULL.id].status == "corroborated"
    assert p[LONG.id].attrs["ids"] == [LONG.id, SHORT.id]  # accents and case folded


def test_people_ordered_subset_joins_but_another_order_does_not():
    from recoupe.reconcile.people import _subsequence, fold_words

    full = fold_words("Salif Désiré Ouédraogo")
    assert _subsequence(fold_words("Salif Ouedraogo"), full)
    assert not _subsequence(fold_words("Ouédraogo Salif"), full)


def test_people_ambiguous_short_name_stays_apart():
    _, _, d = scene()
    p = participants(d)
    assert DIALLO.id in p and AMADOU.id in p and FATOU.id in p
    assert p[DIALLO.id].attrs["ids"] == [DIALLO.id]


def test_people_outlet_naming_itself_is_not_a_participant():
    _, _, d = scene()
    p = participants(d)
    assert OUTLET.id not in p  # Article.outlet
    assert CREDITED.id not in p  # "Source : L'Écho du Sahel" credit, leading article folded
