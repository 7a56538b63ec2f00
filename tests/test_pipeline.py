"""The pipeline as a whole: incremental ingest, judgements that survive re-analysis."""

from __future__ import annotations

import shutil

import pytest

from recoupe.pipeline import Pipeline, apply_event_judgements, load_dossier
from recoupe.records import Event, Judgement
from recoupe.settings import Settings
from recoupe.store import Store

AT = "2026-01-01T00:00:00+00:00"


def test_pipeline_merge_and_split_judgements_apply_on_top_of_grouping():
    events = [Event("e1", "A", ("a1", "a2", "a3")), Event("e2", "B", ("b1",))]
    merged = apply_event_judgements(events, [Judgement("event:e1", "merge", "e2", "ana", AT)])
    assert [ev.articles for ev in merged] == [("a1", "a2", "a3", "b1")]
    split = apply_event_judgements(events, [Judgement("event:e1", "split", "a3", "ana", AT)])
    assert sorted(ev.articles for ev in split) == [("a1", "a2"), ("a3",), ("b1",)]
    # Judgements naming events or articles that no longer exist change nothing.
    assert apply_event_judgements(events, [Judgement("event:zz", "merge", "e2", "ana", AT),
                                           Judgement("event:e1", "split", "nope", "ana", AT)]) == events


@pytest.mark.slow
def test_pipeline_ingest_is_incremental_and_judgements_survive(tmp_path, samples_dir, resources, encoder):
    first, second = tmp_path / "first", tmp_path / "all"
    files = sorted(p for p in samples_dir.iterdir() if p.suffix in (".txt", ".html"))
    first.mkdir()
    for p in files[:3]:
        shutil.copy(p, first / p.name)
    shutil.copytree(samples_dir, second)
    store = Store.open(str(tmp_path / "r.db"))
    pipe = Pipeline(Settings(db=str(tmp_path / "r.db")), store, resources=resources, encoder=encoder)

    one = pipe.ingest([str(first)])
    assert len(one.stored) == 3 and not one.rejected
    biggest = max(store.events(), key=lambda ev: len(ev.articles))
    event_id, member = biggest.id, biggest.articles[0]
    assert event_id in one.events

    # An analyst picks a date for the event; it is applied and survives later ingests.
    pipe.judge(Judgement(f"fact:{event_id}:date", "choose", "2025-03-13", "ana", AT))
    two = pipe.ingest([str(second)])
    assert set(one.stored) <= set(two.unchanged)  # stored once, never re-extracted
    assert len(two.stored) >= 8
    again = pipe.ingest([str(second)])
    assert again.stored == () and again.events == ()  # re-running changes nothing
    event_id = store.event_of_article(member)
    dossier = load_dossier(store, event_id)
    assert [j.action for j in dossier.judgements] == ["choose"]
    record = store.dossier_record(event_id)
    assert record["facts"]["date"]["value"] == "2025-03-13"
    assert record["facts"]["date"]["chosen_by"] == "ana"
