"""The workbench over the shared corpus analysed by the real pipeline (spaCy, encoder):
the conflicts a user must see, and a judgement that survives re-analysis."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from recoupe.pipeline import Pipeline
from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.web.app import create_app
from web_scenes import TOKEN, columns, marks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analysed(shared_corpus, resources, encoder):
    settings = Settings(db=":memory:", token=TOKEN)
    store = Store.open(":memory:")
    pipeline = Pipeline(settings, store, resources, encoder)
    outcome = pipeline.ingest([str(shared_corpus)])
    assert outcome.stored, outcome.summary()
    yield store, pipeline, TestClient(create_app(settings, store, pipeline))
    store.close()


def meeting(store: Store) -> str:
    return max(store.event_summaries(limit=100), key=lambda r: r["articles"])["id"]


def test_real_corpus_event_page_shows_the_disagreements(analysed):
    store, _, client = analysed
    eid = meeting(store)
    html = client.get(f"/events/{eid}").text
    conflicts = html.split('id="conflicts-h"', 1)[1].split("</section>", 1)[0]
    # The five articles disagree on the date and the duration of the meeting.
    assert "Date" in conflicts or "Duration" in conflicts
    for key in ("date", "duration"):
        fact = client.get(f"/api/events/{eid}").json()["facts"].get(key)
        if fact and fact["status"] == "conflicting":
            page = client.get(f"/events/{eid}?fact={key}").text
            marked = [c for c in columns(page) if marks(c)]
            assert len(marked) >= 2, key
            classes = {cls for c in marked for cls, _ in marks(c)}
            assert {"ev-agree", "ev-disagree"} <= classes, key


def test_real_corpus_judgement_survives_reingest_and_regrouping(analysed, shared_corpus):
    store, pipeline, client = analysed
    eid = meeting(store)
    facts = client.get(f"/api/events/{eid}").json()["facts"]
    slot = next(s for s in ("duration", "date") if s in facts and len(facts[s]["sides"]) > 1)
    other = facts[slot]["sides"][1]["value"]
    r = client.post("/api/judgements", headers={"Authorization": f"Bearer {TOKEN}"}, json={
        "target": f"fact:{eid}:{slot}", "action": "choose", "value": str(other), "author": "Awa"})
    assert r.status_code == 201
    again = pipeline.ingest([str(shared_corpus)])  # the same files: nothing new
    assert again.stored == () and again.unchanged
    pipeline.update_events({a.id for a in store.articles()})  # re-analysis: regroup, rebuild every dossier
    fact = client.get(f"/api/events/{meeting(store)}").json()["facts"][slot]
    assert fact["value"] == other and fact["chosen_by"] == "Awa"
    assert "chosen by Awa" in client.get(f"/events/{meeting(store)}").text
