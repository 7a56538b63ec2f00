"""The store keeps records as they were given, once, and never loses judgements."""

from __future__ import annotations

import string

from hypothesis import given, settings, strategies as st

from recoupe.records import (Article, Claim, Derivation, Event, Evidence, Judgement, Rejected,
                             Removed, article_id)
from recoupe.store import Store

texts = st.text(alphabet=string.ascii_letters + " éèàçœ’«»\n", min_size=1, max_size=200)
maybe = st.one_of(st.none(), st.text(max_size=40))


@st.composite
def articles_with_claims(draw):
    text = draw(texts)
    aid = article_id(text)
    removed = tuple(Removed(draw(st.text(max_size=30)), draw(st.sampled_from(["comment", "social", "related"])))
                    for _ in range(draw(st.integers(0, 3))))
    art = Article(id=aid, path=draw(st.text(min_size=1, max_size=30)), text=text, title=draw(maybe),
                  url=draw(maybe), outlet=draw(maybe), author=draw(maybe),
                  published=draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
                  language=draw(st.sampled_from([None, "fr", "en"])),
                  kind=draw(st.sampled_from(["report", "preview", "unknown"])), removed=removed,
                  credits=tuple(draw(st.lists(st.text(max_size=20), max_size=2))))
    claims = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        claims.append(Claim(draw(st.sampled_from(["actor", "date", "quote"])), draw(st.text(min_size=1, max_size=20)),
                            Evidence(aid, start, end, text[start:end], "test@1"), draw(st.booleans()),
                            {"approx": draw(st.sampled_from(["about", "exact"])), "n": draw(st.integers())}))
    return art, tuple(claims)


@settings(max_examples=40, deadline=None)
@given(articles_with_claims())
def test_store_round_trip_gives_back_the_same_records(pair):
    art, claims = pair
    store = Store.open(":memory:")
    assert store.save_article(art, claims)
    assert store.articles() == [art]
    assert store.claims([art.id]) == {art.id: claims}


def test_store_saving_the_same_article_twice_changes_nothing(tmp_path):
    db = str(tmp_path / "r.db")
    art = Article(id=article_id("texte"), path="a.txt", text="texte")
    store = Store.open(db)
    assert store.save_articles([art]) == ([art.id], [])
    store.close()
    store = Store.open(db)  # reopening runs no migration twice and keeps the data
    assert store.save_articles([art, art]) == ([], [art.id, art.id])
    assert store.count_articles() == 1


def test_store_rejections_are_kept_once():
    store = Store.open(":memory:")
    bad = [Rejected("a.jsonl", "invalid JSON", line=3), Rejected("b.bin", "binary file")]
    store.save_rejections(bad)
    store.save_rejections(bad)
    assert store.rejections() == bad


def test_store_events_replace_machine_output_but_keep_judgements():
    store = Store.open(":memory:")
    a1 = Article(id=article_id("un"), path="1.txt", text="un")
    a2 = Article(id=article_id("deux"), path="2.txt", text="deux")
    store.save_articles([a1, a2])
    store.add_judgement(Judgement("event:e1", "split", a2.id, "ana", "2026-01-01T00:00:00+00:00"))
    store.save_events([Event("e1", "Réunion", (a1.id, a2.id))], [Derivation(a2.id, a1.id, "rewrite", 0.9)])
    assert store.event("e1").articles == (a1.id, a2.id)
    assert store.derivations() == [Derivation(a2.id, a1.id, "rewrite", 0.9)]
    # Recomputing: a2 moves to a new event; e1 keeps a1 only and the old derivation goes.
    store.save_events([Event("e1", "Réunion", (a1.id,)), Event("e2", "Autre", (a2.id,))], [])
    assert {ev.id: ev.articles for ev in store.events()} == {"e1": (a1.id,), "e2": (a2.id,)}
    assert store.derivations() == []
    assert [j.action for j in store.judgements("event:")] == ["split"]


def test_store_dropped_events_disappear():
    store = Store.open(":memory:")
    a1 = Article(id=article_id("un"), path="1.txt", text="un")
    store.save_articles([a1])
    store.save_events([Event("e1", "x", (a1.id,))], [])
    store.save_events([Event("e9", "x", (a1.id,))], [], dropped=["e1"])
    assert [ev.id for ev in store.events()] == ["e9"]


def _article_with(slots: list[str], text: str) -> tuple[Article, tuple[Claim, ...]]:
    art = Article(id=article_id(text), path="a.txt", text=text)
    claims = tuple(Claim(slot, f"v{i}", Evidence(art.id, 0, 1, text[0], "test@1"))
                   for i, slot in enumerate(slots))
    return art, claims


def test_store_claims_can_be_read_for_some_slots_only():
    store = Store.open(":memory:")
    art, claims = _article_with(["actor", "quote", "date", "figure", "place"], "texte long")
    store.save_article(art, claims)
    kept = store.claims([art.id], slots=("actor", "place", "date"))
    assert kept == {art.id: tuple(c for c in claims if c.slot in ("actor", "place", "date"))}
    assert store.claims([art.id]) == {art.id: claims}


def test_store_tells_which_stored_articles_belong_to_no_event():
    store = Store.open(":memory:")
    first, _ = _article_with([], "premier texte")
    second, _ = _article_with([], "second texte")
    store.save_articles([first, second])
    store.save_events([Event("ev-1", "Un", (first.id,))], [])
    assert store.without_event([second.id, first.id, "never-stored"]) == [second.id]
