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


def _partition(store: Store) -> set[frozenset[str]]:
    return {frozenset(ev.articles) for ev in store.events()}


@pytest.mark.slow
def test_pipeline_ingest_in_small_chunks_stores_the_same_as_in_one(tmp_path, samples_dir, resources, encoder,
                                                                  monkeypatch):
    import recoupe.extract as extract

    folder = tmp_path / "in"
    shutil.copytree(samples_dir, folder)
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "aa-empty.txt").write_text("")
    chunks: list[int] = []
    real = extract.extract_articles
    monkeypatch.setattr(extract, "extract_articles", lambda arts, res: chunks.append(len(arts)) or real(arts, res))
    steps: list[tuple[str, int, int]] = []
    outcomes, stores = [], []
    for name, size in (("small", 3), ("large", 64)):
        store = Store.open(str(tmp_path / f"{name}.db"))
        pipe = Pipeline(Settings(db=str(tmp_path / f"{name}.db"), batch_size=size), store,
                        resources=resources, encoder=encoder)
        outcomes.append(pipe.ingest([str(folder)], lambda *step: steps.append(step)))
        stores.append(store)
        if name == "small":
            assert chunks and max(chunks) <= 3  # never more than one chunk extracted at a time
            assert steps[-1][1] == steps[-1][2]  # the progress bar reaches its end
            assert [d for s, d, _ in steps if s == "store"] == sorted(d for s, d, _ in steps if s == "store")
    small, large = outcomes
    # Bad files are reported and the rest goes on, whatever the chunk size.
    assert sorted(r.path for r in small.rejected) == sorted(str(folder / n) for n in ("aa-empty.txt", "zz-binary.txt"))
    assert small == large and len(small.stored) >= 10
    assert _partition(stores[0]) == _partition(stores[1])
    assert stores[0].claims() == stores[1].claims()
    assert stores[0].entities() == stores[1].entities()


@pytest.mark.slow
def test_pipeline_ingest_stopped_before_grouping_is_completed_by_running_it_again(tmp_path, samples_dir,
                                                                                 resources, encoder, monkeypatch):
    files = sorted(str(p) for p in samples_dir.iterdir() if p.suffix == ".txt")[:3]
    store = Store.open(str(tmp_path / "r.db"))
    pipe = Pipeline(Settings(db=str(tmp_path / "r.db")), store, resources=resources, encoder=encoder)

    def killed(new_ids: set[str]) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipe, "update_events", killed)
    with pytest.raises(KeyboardInterrupt):
        pipe.ingest(files)
    assert store.count_articles() == 3 and store.events() == []
    monkeypatch.undo()
    again = pipe.ingest(files)
    assert again.stored == () and len(again.unchanged) == 3 and again.events
    assert {aid for ev in store.events() for aid in ev.articles} == set(again.unchanged)
    assert pipe.ingest(files).events == ()  # and then re-running changes nothing


def test_pipeline_grouping_reads_only_the_claims_it_uses_in_any_order():
    from recoupe.pipeline import GROUPING_SLOTS, _StoredClaims
    from recoupe.records import Article, Claim, Evidence, article_id

    store = Store.open(":memory:")
    ids = []
    for n in range(7):
        text = f"article numéro {n}"
        art = Article(id=article_id(text), path=f"{n}.txt", text=text)
        store.save_article(art, tuple(Claim(slot, f"{slot}{n}", Evidence(art.id, 0, 7, text[:7], "t@1"))
                                      for slot in ("actor", "quote", "date", "figure", "place")[: n % 6]))
        ids.append(art.id)
    expected = {aid: store.claims([aid], slots=GROUPING_SLOTS)[aid] for aid in ids}
    lazy = _StoredClaims(store, ids)
    assert [lazy.get(aid) for aid in ids] == [expected[aid] for aid in ids]  # in order
    assert [lazy[aid] for aid in reversed(ids)] == [expected[aid] for aid in reversed(ids)]  # and not
    assert lazy.get("unknown", ()) == () and len(lazy) == 7 and list(lazy) == ids
    assert all(c.slot in GROUPING_SLOTS for cs in expected.values() for c in cs)


def test_pipeline_regrouping_reads_only_the_events_new_articles_can_join():
    from recoupe.records import Article, article_id

    store = Store.open(":memory:")
    pipe = Pipeline(Settings(db=":memory:"), store)

    def stored(text: str, published: str | None) -> str:
        art = Article(id=article_id(text), path=f"{text}.txt", text=text, published=published)
        store.save_article(art)
        return art.id

    march = [stored("réunion de mars", "2025-03-01"), stored("suite de mars", "2025-05-25")]
    june = stored("sommet de juin", "2025-06-10")
    old = stored("archives de 2019", "2019-01-01")
    store.save_events([Event("ev-march", "Mars", tuple(march)), Event("ev-june", "Juin", (june,)),
                       Event("ev-old", "2019", (old,))], [])
    new = stored("nouvelle de juin", "2025-06-20")
    scope, previous = pipe.grouping_scope({new})
    # June is within grouping's window; March has one article in it, so all of March comes
    # (its event must be whole); 2019 cannot change and is left out.
    assert sorted(scope) == sorted([*march, june, new])
    assert sorted(ev.id for ev in previous) == ["ev-june", "ev-march"]
    undated = stored("nouvelle sans date", None)
    assert pipe.grouping_scope({undated})[0] is None  # an undated article may join any event
    assert pipe.grouping_scope({new})[0] == sorted([*march, june, new, undated])  # and any may join it
