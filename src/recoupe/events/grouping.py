"""Group articles into real-world events: incremental, single pass, candidates from an index.

How an article finds its event:

1. Articles are taken in a canonical order (publication date, then id), so the partition does
   not depend on the order they are given in.
2. Candidates come from an inverted index over each event's keys: canonical actors and places
   (or, on the light path, capitalised names) and the article's rarest terms (highest TF-IDF).
   Only the ``MAX_CANDIDATES`` events sharing the most keys are scored, and only events active
   within ``WINDOW_DAYS`` of the article's publication date stay in the index: the cost per
   article is bounded, so the whole run grows linearly with the corpus, never with its square.
3. Each candidate gets a combined similarity: TF-IDF cosine with the event's centroid, the share
   of the article's actors/names the event already has, and (with an encoder) the cosine of the
   lead's multilingual embedding with the event's mean lead embedding.
4. Vetoes: two meetings of the same ministers in different months or cities are two events. When
   both sides know the event date and no date of one lies within ``DATE_TOLERANCE_DAYS`` of a date
   of the other, or both name event places of the same level and share none, the merge is refused.
5. The article joins the best candidate over ``threshold``, else opens a new event whose stable
   id is a hash of that first article's id. Previous events keep their ids and articles.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from recoupe.events.embeddings import Encoder
from recoupe.events.features import (
    Features, article_features, dates_compatible, places_compatible, tfidf,
)
from recoupe.events.kinds import classify
from recoupe.records import Article, Claim, Event

# Combined similarity an article needs to join an event. Chosen on the odd topics of ECB+
# (bench/ecbplus.py sweeps it and reports the value it chose); see that benchmark's detail.
THRESHOLD = 0.24
# Weights of the three signals (sum to 1). Terms carry most of the topic; actors/names tell two
# similar events of one topic apart (different people); the embedding bridges languages and
# rewordings. Without an encoder its weight is spread over the other two.
W_TERMS = 0.5
W_KEYS = 0.3
W_EMBEDDING = 0.2
# Days two event dates may differ and still be one event: a report filed the next day says
# "yesterday", a preview announces "3 and 4 April" for a meeting held on the 3rd, and outlets
# disagree by a day (the shared corpus has 3 April beside "4 and 5 April").
DATE_TOLERANCE_DAYS = 3
# Days between an article's publication and the last publication of an event beyond which the
# event is no longer a candidate: news of one event is published within a few weeks.
WINDOW_DAYS = 30
# Events fully scored per article (those sharing the most index keys with it).
MAX_CANDIDATES = 12
# Rarest terms of an article used as index keys.
INDEX_TERMS = 12
# Actor/name keys used as index keys (rarest first).
INDEX_NAMES = 12
# Events indexed under one key beyond which the key is too common to retrieve anything useful
# (like a stop word); it is still used for scoring.
MAX_POSTING = 400
# Terms kept in an event's centroid (the heaviest; trimmed to half when it grows past this).
CENTROID_TERMS = 400
# Articles between two sweeps of the index that drop events outside the time window.
SWEEP_EVERY = 256


def event_id(first_article: str) -> str:
    """Stable id of an event: a hash of the id of the article that opened it."""
    return "ev-" + hashlib.sha256(first_article.encode("utf-8")).hexdigest()[:12]


@dataclass
class _EventState:
    id: str
    members: list[str]
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    keys: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    dates: list = field(default_factory=list)
    embedding: np.ndarray | None = None
    size: int = 0  # members with features
    last_published: int | None = None
    first_published: int | None = None
    indexed: set[str | int] = field(default_factory=set)
    title: str | None = None


@dataclass(frozen=True)
class GroupingConfig:
    """The knobs of :class:`Grouper` (defaults are the module constants)."""

    threshold: float = THRESHOLD
    w_terms: float = W_TERMS
    w_keys: float = W_KEYS
    w_embedding: float = W_EMBEDDING
    date_tolerance_days: int = DATE_TOLERANCE_DAYS
    window_days: int = WINDOW_DAYS
    max_candidates: int = MAX_CANDIDATES


class Grouper:
    """One incremental grouping run. ``comparisons`` counts article-event scorings."""

    def __init__(self, encoder: Encoder | None, config: GroupingConfig = GroupingConfig()) -> None:
        self.encoder = encoder
        self.config = config
        self.comparisons = 0
        self._events: list[_EventState] = []
        self._postings: dict[str | int, dict[int, None]] = {}
        self._feats: Mapping[str, Features] = {}
        self._key_df: Counter[str] = Counter()
        self._df: Counter[str] = Counter()
        self._n_docs = 0
        self._since_sweep = 0
        self._latest: int | None = None

    def run(self, articles: Sequence[Article], claims: Mapping[str, Sequence[Claim]],
            previous: Sequence[Event] = (), embeddings: Mapping[str, np.ndarray] | None = None) -> list[Event]:
        """Group ``articles`` (new ones and those of ``previous`` events) into events.

        ``embeddings`` may hold precomputed lead vectors by article id (benchmarks); otherwise
        the encoder, when given, embeds the leads of all articles in one batch.
        """
        unique = {a.id: a for a in articles}
        feats = {aid: article_features(a, tuple(claims.get(aid, ()))) for aid, a in unique.items()}
        # Document frequencies over every article given: deterministic whatever the order.
        for f in feats.values():
            self._df.update(f.term_ids)
            self._key_df.update(f.keys)
        self._n_docs += len(feats)
        vectors = self._embed(feats, embeddings)
        self._feats = feats
        placed: set[str] = set()
        for ev in previous:
            state = _EventState(ev.id, list(ev.articles))
            self._events.append(state)
            for aid in sorted(ev.articles, key=lambda a: _order_key(feats[a]) if a in feats else ("", a)):
                placed.add(aid)
                if aid in feats:
                    self._join(len(self._events) - 1, feats[aid], vectors.get(aid), add_member=False)
        new = sorted((f for aid, f in feats.items() if aid not in placed), key=_order_key)
        for f in new:
            self._place(f, vectors.get(f.article.id))
        return [self._event(state, unique, claims) for state in self._events]

    # ---- placing one article ------------------------------------------------------------------

    def _place(self, f: Features, vector: np.ndarray | None) -> None:
        if f.published is not None:
            self._latest = f.published if self._latest is None else max(self._latest, f.published)
        self._since_sweep += 1
        if self._since_sweep >= SWEEP_EVERY:
            self._sweep()
        vec = tfidf(f, self._df, self._n_docs)
        best, best_score = None, self.config.threshold
        for index in self._candidates(f, vec):
            self.comparisons += 1
            score = self._score(self._events[index], f, vec, vector)
            if score >= best_score:
                best, best_score = index, score
        if best is None:
            self._events.append(_EventState(event_id(f.article.id), []))
            best = len(self._events) - 1
        self._join(best, f, vector, vec=vec)

    def _index_keys(self, f: Features, vec: dict[int, float]) -> set[str | int]:
        terms = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:INDEX_TERMS]
        names = sorted(f.keys, key=lambda k: (self._key_df[k], k))[:INDEX_NAMES]
        keys: set[str | int] = {t for t, _ in terms}  # term ids are ints, names and places strings
        return keys | {"k:" + k for k in names} | {"p:" + p for p in f.places}

    def _candidates(self, f: Features, vec: dict[str, float]) -> list[int]:
        shared: Counter[int] = Counter()
        for key in self._index_keys(f, vec):
            posting = self._postings.get(key)
            if posting and len(posting) <= MAX_POSTING:
                shared.update(posting.keys())
        window = self.config.window_days
        ranked = []
        for index, count in shared.items():
            ev = self._events[index]
            if f.published is not None and ev.last_published is not None:
                if f.published - ev.last_published > window or ev.first_published - f.published > window:
                    continue
            ranked.append((-count, index))
        ranked.sort()
        return [index for _, index in ranked[: self.config.max_candidates]]

    def _score(self, ev: _EventState, f: Features, vec: dict[str, float], vector: np.ndarray | None) -> float:
        cfg = self.config
        if not dates_compatible(f.dates, ev.dates, cfg.date_tolerance_days):
            return -1.0
        if not places_compatible(f.places, ev.places):
            return -1.0
        norm = math.sqrt(ev.norm2) or 1.0
        terms = sum(w * ev.centroid.get(t, 0.0) for t, w in vec.items()) / norm
        keys = self._key_share(f, ev)
        if vector is not None and ev.embedding is not None:
            e_norm = float(np.linalg.norm(ev.embedding)) or 1.0
            emb = float(vector @ ev.embedding) / e_norm
            return cfg.w_terms * terms + cfg.w_keys * keys + cfg.w_embedding * emb
        total = cfg.w_terms + cfg.w_keys
        return (cfg.w_terms * terms + cfg.w_keys * keys) / total

    def _key_share(self, f: Features, ev: _EventState) -> float:
        """IDF-weighted share of the article's actor/name keys the event already has."""
        if not f.keys or not ev.keys:
            return 0.0
        n = max(self._n_docs, 1)
        total = hit = 0.0
        for k in f.keys:
            w = math.log((n + 1) / (self._key_df[k] + 1)) + 1.0
            total += w
            if k in ev.keys:
                hit += w * min(1.0, 2.0 * ev.keys[k] / max(ev.size, 1))
        return hit / total if total else 0.0

    def _join(self, index: int, f: Features, vector: np.ndarray | None, vec: dict[str, float] | None = None,
              add_member: bool = True) -> None:
        ev = self._events[index]
        if add_member:
            ev.members.append(f.article.id)
        vec = vec if vec is not None else tfidf(f, self._df, self._n_docs)
        for t, w in vec.items():
            old = ev.centroid.get(t, 0.0)
            ev.norm2 += 2 * old * w + w * w
            ev.centroid[t] = old + w
        if len(ev.centroid) > CENTROID_TERMS:
            # Keep the heaviest terms only: memory stays bounded per event, and the light tail
            # (terms one member used once) barely moves a cosine.
            kept = sorted(ev.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS // 2]
            ev.centroid = dict(kept)
            ev.norm2 = sum(w * w for _, w in kept)
        ev.keys.update(f.keys)
        ev.places.update(f.places)
        ev.dates.extend(f.dates)
        if vector is not None:
            ev.embedding = vector.copy() if ev.embedding is None else ev.embedding + vector
        ev.size += 1
        if f.published is not None:
            ev.last_published = f.published if ev.last_published is None else max(ev.last_published, f.published)
            ev.first_published = f.published if ev.first_published is None else min(ev.first_published, f.published)
        for key in self._index_keys(f, vec) - ev.indexed:
            ev.indexed.add(key)
            self._postings.setdefault(key, {})[index] = None

    def _sweep(self) -> None:
        """Drop events whose last article is older than the window from the index."""
        self._since_sweep = 0
        if self._latest is None:
            return
        cutoff = self._latest - self.config.window_days
        for index, ev in enumerate(self._events):
            if ev.indexed and ev.last_published is not None and ev.last_published < cutoff:
                for key in ev.indexed:
                    posting = self._postings.get(key)
                    if posting is not None:
                        posting.pop(index, None)
                        if not posting:
                            del self._postings[key]
                ev.indexed = set()
                # Out of the window for good: settle its title and free its profile.
                ev.title = self._title(ev)
                ev.centroid, ev.keys, ev.places, ev.dates, ev.embedding = {}, Counter(), Counter(), [], None

    # ---- outputs ------------------------------------------------------------------------------

    def _embed(self, feats: Mapping[str, Features], given: Mapping[str, np.ndarray] | None) -> dict[str, np.ndarray]:
        if given is not None:
            return {aid: given[aid] for aid in feats if aid in given}
        if self.encoder is None or not feats:
            return {}
        ids = sorted(feats)
        matrix = self.encoder.encode([feats[a].lead for a in ids])
        return {aid: matrix[i] for i, aid in enumerate(ids)}

    def _event(self, ev: _EventState, articles: Mapping[str, Article], claims: Mapping[str, Sequence[Claim]]) -> Event:
        kinds = {aid: classify(articles[aid], tuple(claims.get(aid, ()))) for aid in ev.members if aid in articles}
        return Event(ev.id, ev.title or self._title(ev), tuple(ev.members), kinds)

    def _title(self, ev: _EventState) -> str:
        """Title of the most central complete article: closest to the centroid, then longest.

        Previews, communiqués and opinions are left aside when the event has a report.
        """
        norm = math.sqrt(ev.norm2) or 1.0
        best: tuple | None = None
        for aid in ev.members:
            f = self._feats.get(aid)
            if f is None:
                continue
            vec = tfidf(f, self._df, self._n_docs)
            centrality = sum(w * ev.centroid.get(t, 0.0) for t, w in vec.items()) / norm
            report = len(ev.members) == 1 or classify(f.article, ()) == "report"
            key = (report, round(centrality, 6), len(f.article.text), aid)
            if best is None or key > best[0]:
                best = (key, f.article)
        if best is None:
            return ev.id
        return _headline(best[1])


def _headline(article: Article) -> str:
    if article.title:
        return article.title.strip()
    for line in article.text.splitlines():
        if len(line.split()) >= 4:
            return line.strip()
    return article.text.strip()[:120]


def _order_key(f: Features) -> tuple[str, str]:
    return (f.article.published or "9999-12-31", f.article.id)


def group(articles: Sequence[Article], claims: Mapping[str, Sequence[Claim]], encoder: Encoder | None,
          previous: Sequence[Event] = ()) -> list[Event]:
    """Group ``articles`` into events, extending ``previous`` ones (which keep their ids).

    Pass the articles of the previous events that are still active with the new ones: a new
    article can only join an event whose articles it can be compared with.
    """
    return Grouper(encoder).run(articles, claims, previous)
