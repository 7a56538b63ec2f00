"""The issue's acceptance on the shared corpus: what a reader of the five articles would agree with.

Runs the whole pipeline (ingest, extraction, grouping, derivations, reconciliation), so it
is slow and also guards the stages upstream of reconcile.
"""

from __future__ import annotations

import pytest

from recoupe.pipeline import Pipeline, load_dossier
from recoupe.report.json import dossier_to_json
from recoupe.settings import Settings
from recoupe.store.repository import Store


@pytest.fixture(scope="module")
def corpus_event(shared_corpus, resources, encoder):
    store = Store.open(":memory:")
    Pipeline(Settings(db=":memory:"), store, resources=resources, encoder=encoder).ingest([str(shared_corpus)])
    events = store.events()
    paths = {a.id: a.path.rsplit("/", 1)[-1][:3] for a in store.articles()}
    dossiers = [load_dossier(store, ev.id) for ev in events]
    return dossiers, [dossier_to_json(d) for d in dossiers], paths


@pytest.mark.slow
def test_corpus_dossier_one_event_with_the_date_conflict_and_who_disagrees(corpus_event):
    dossiers, events, paths = corpus_event
    assert len(events) == 1
    date = events[0]["facts"]["date"]
    assert date["value"] == "2025-04-03"
    assert date["status"] == "conflicting"
    dissent = {paths[a] for side in date["sides"][1:] for a in side["articles"]}
    assert dissent == {"004"}


@pytest.mark.slow
def test_corpus_dossier_place_duration_rewrite_preview(corpus_event):
    _, events, paths = corpus_event
    ev = events[0]
    assert ev["facts"]["location"]["value"]["name"] == "Moscow"
    assert ev["facts"]["location"]["value"]["country"] == "RU"
    duration = ev["facts"]["duration"]
    assert duration["status"] == "conflicting"
    values = {c["value"] for c in duration["claims"] if c["value"] is not None}
    assert {90, 120} <= values
    assert [(paths[d["article"]], paths[d["source"]], d["kind"]) for d in ev["derivations"]] == [("000", "001", "rewrite")]
    assert {paths[a]: k for a, k in ev["kinds"].items()}["002"] == "preview"
    assert ev["planned"]["date"]["value"] == "2025-04-03/2025-04-04"
    assert all(paths[c["article"]] != "002" for c in ev["facts"]["date"]["claims"])


@pytest.mark.slow
def test_corpus_dossier_quotes_and_their_speakers(corpus_event):
    _, events, paths = corpus_event
    quotes = events[0]["quotes"]
    flagged = [q for q in quotes if "direct-only-in-derived" in q["flags"]]
    assert len(flagged) == 1
    assert flagged[0]["speaker"] == "Sergei Lavrov"
    assert {paths[a]: v for a, v in flagged[0]["verdicts"].items() if v != "missing"} == {
        "000": "paraphrased", "001": "indirect"}
    recognised = [q for q in quotes if q["speaker"] == "Abdoulaye Diop"
                  and sum(v != "missing" for v in q["verdicts"].values()) >= 3]
    assert recognised, "Diop's statement is carried by 000, 001 and 003"
