"""Composes the stages: ingest -> extract -> events -> reconcile -> store.

:class:`Pipeline` holds the heavy resources (spaCy pipelines, gazetteer, sentence encoder),
loads them lazily (only when new articles need them) and once, and runs the stages
incrementally over what the store already holds: an article already stored is neither
re-extracted nor re-written, and only the events that new articles touch are recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Sequence

from recoupe.records import Article, Claim, Dossier, Event, Judgement, Rejected
from recoupe.settings import Settings
from recoupe.store import Store

# progress(stage, done, total): the CLI draws a bar with it; the web UI ignores it.
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class Outcome:
    """What one ingest did. ``articles`` lists the ids of this batch in input order."""

    articles: tuple[str, ...]
    stored: tuple[str, ...]
    unchanged: tuple[str, ...]
    rejected: tuple[Rejected, ...]
    unsupported: tuple[str, ...]  # stored, but in a language with no extraction pack
    events: tuple[str, ...]  # events created or recomputed

    def summary(self) -> str:
        text = f"{len(self.stored)} stored, {len(self.unchanged)} unchanged, {len(self.rejected)} rejected"
        if self.unsupported:
            text += f" ({len(self.unsupported)} in a language recoupe cannot analyse yet)"
        return text


@dataclass
class Pipeline:
    """The whole job over one store. Resources load on first need and are reused."""

    settings: Settings
    store: Store
    resources: Any = None  # recoupe.extract.Resources
    encoder: Any = None  # recoupe.events.embeddings.Encoder
    detector: Any = None  # recoupe.ingest.LanguageDetector

    # -- resources ------------------------------------------------------------------------
    def _resources(self) -> Any:
        if self.resources is None:
            from recoupe.extract import load_resources

            self.resources = load_resources(self.settings.languages, self.settings.gazetteer,
                                            self.settings.batch_size)
        return self.resources

    def _encoder(self) -> Any:
        if self.encoder is None:
            from recoupe.events.embeddings import load_encoder

            self.encoder = load_encoder()
        return self.encoder

    def language_detector(self) -> Any:
        if self.detector is None:
            from recoupe.ingest import LanguageDetector

            self.detector = LanguageDetector()  # loads the bundled fastText model once
        return self.detector

    def build(self, raw: Any) -> Article | Rejected:
        """Clean one raw document into an article (pure apart from the loaded detector)."""
        from recoupe.ingest import build_article

        return build_article(raw, self.language_detector())

    # -- ingest ---------------------------------------------------------------------------
    def read(self, paths: Sequence[str]) -> tuple[list[Article], list[Rejected]]:
        """Read and clean files (no store writes)."""
        from recoupe.ingest.reader import read_paths

        articles: list[Article] = []
        rejected: list[Rejected] = []
        for item in read_paths(paths, self.settings.max_bytes):
            result = item if isinstance(item, Rejected) else self.build(item)
            (rejected if isinstance(result, Rejected) else articles).append(result)
        return articles, rejected

    def ingest(self, paths: Sequence[str], progress: Progress = _no_progress) -> Outcome:
        """Ingest files and folders, then bring events and facts up to date.

        Files are read as a stream and handled ``settings.batch_size`` articles at a time
        (extracted, classified, stored, then dropped), so memory does not grow with the batch."""
        from recoupe.ingest.reader import read_paths

        # A first pass only counts the documents (for the progress bar); nothing is kept.
        total = sum(1 for _ in read_paths(paths, self.settings.max_bytes))
        items = (item if isinstance(item, Rejected) else self.build(item)
                 for item in read_paths(paths, self.settings.max_bytes))
        return self._ingest(items, total, progress)

    def ingest_articles(self, articles: Sequence[Article], rejected: Sequence[Rejected] = (),
                        progress: Progress = _no_progress) -> Outcome:
        """Store cleaned articles (extracting claims for new ones) and update their events."""
        return self._ingest([*rejected, *articles], len(rejected) + len(articles), progress)

    def _ingest(self, items: Iterable[Article | Rejected], total: int, progress: Progress) -> Outcome:
        """The ingest proper over a stream of cleaned articles and rejections, in chunks of
        ``settings.batch_size`` articles to analyse: only one chunk's articles and claims are
        held at a time; what is kept for the whole batch is ids."""
        step = max(1, self.settings.batch_size)
        batch: list[str] = []  # ids of the batch in input order (the same text twice is one article)
        seen: set[str] = set()
        unchanged: list[str] = []
        unsupported: list[str] = []
        stored: list[str] = []
        rejected: list[Rejected] = []
        entities: set[str] = set()  # entity ids saved by this run
        chunk: list[Article] = []
        bad: list[Rejected] = []
        done = 0

        def flush() -> None:
            if bad:
                self.store.save_rejections(bad)
                rejected.extend(bad)
                bad.clear()
            if chunk:
                stored.extend(self._store_chunk(chunk, entities))
                chunk.clear()
            progress("extract", done, total)
            progress("store", done, total)

        for item in items:
            done += 1
            if isinstance(item, Rejected):
                bad.append(item)
                continue
            if item.id in seen:
                continue
            seen.add(item.id)
            batch.append(item.id)
            if self.store.has_article(item.id):
                unchanged.append(item.id)
                continue
            if item.language not in self.settings.languages:
                unsupported.append(item.id)
            chunk.append(item)
            if len(chunk) >= step:
                flush()
        flush()
        # Articles of this batch stored by an earlier run that was stopped before grouping them.
        pending = set(stored) | set(self.store.without_event(unchanged))
        events = self.update_events(pending) if pending else ()
        return Outcome(tuple(batch), tuple(stored), tuple(unchanged), tuple(rejected),
                       tuple(unsupported), tuple(events))

    def _store_chunk(self, chunk: Sequence[Article], saved_entities: set[str]) -> list[str]:
        """Extract, classify and store a few new articles (each with its claims, in its own
        transaction), and the entities their claims name. Returns the ids stored."""
        claims: dict[str, tuple[Claim, ...]] = {}
        analysable = [a for a in chunk if a.language in self.settings.languages]
        if analysable:
            from recoupe.extract import extract_articles

            claims = extract_articles(analysable, self._resources())
        from recoupe.events.kinds import classify

        stored = []
        for a in chunk:
            found = claims.get(a.id, ())
            if self.store.save_article(replace(a, kind=classify(a, found)), found):
                stored.append(a.id)
        if claims and self.resources is not None:
            ids = {c.value for cs in claims.values() for c in cs if c.slot in ("actor", "place")}
            ids |= {str(c.attrs["speaker"]) for cs in claims.values() for c in cs
                    if c.slot == "quote" and c.attrs.get("speaker")}
            ids -= saved_entities
            gaz = self.resources.gazetteer
            self.store.save_entities(e for e in (gaz.get(i) for i in sorted(ids)) if e is not None)
            saved_entities |= ids
        return stored

    # -- events and facts ----------------------------------------------------------------------
    def update_events(self, new_ids: set[str], progress: Progress = _no_progress) -> list[str]:
        """Group new articles into events and recompute the events they touch.

        Grouping is given what it can use (see :meth:`grouping_scope`): the articles published
        within its time window of the new ones, with the whole events they belong to, and of
        their claims only the slots it reads (``GROUPING_SLOTS``), read from the store as grouping
        asks for them. Derivations and dossiers load one event at a time."""
        from recoupe.events.derivations import find_derivations
        from recoupe.events.grouping import group

        scope, previous = self.grouping_scope(new_ids)
        articles = self.store.articles(scope, removed=False)  # grouping never reads removed lines
        grouped = group(articles, _StoredClaims(self.store, [a.id for a in articles]), self._encoder(), previous)
        del articles
        grouped = apply_event_judgements(grouped, self.store.judgements("event:"))
        before = {ev.id: ev for ev in previous}
        touched = [ev for ev in grouped
                   if ev.id not in before or before[ev.id].articles != ev.articles
                   or set(ev.articles) & new_ids or before[ev.id].kinds != ev.kinds]
        dropped = [eid for eid in before if eid not in {ev.id for ev in grouped}]
        del grouped, previous, before
        derivations = []
        for ev in touched:
            if len(ev.articles) > 1:
                derivations.extend(find_derivations(self.store.articles(list(ev.articles)), self._encoder()))
        self.store.save_events(touched, derivations, dropped)
        for n, ev in enumerate(touched, 1):
            self.refresh_dossier(ev.id)
            progress("events", n, len(touched))
        return [ev.id for ev in touched]

    def grouping_scope(self, new_ids: set[str]) -> tuple[list[str] | None, list[Event]]:
        """The stored articles (None: all) and previous events a regrouping for ``new_ids`` needs.

        Grouping links an article only to articles published within ``window_days`` of it (or
        undated), and never merges two previous events: an event none of whose articles lies
        in that window of a new article cannot change. So the scope is the articles published
        from ``window_days`` before the earliest new article to as long after the latest one,
        the undated ones, and every article of the events they belong to. An undated new
        article can join any event: then the scope is the whole store."""
        from recoupe.events.features import day_ordinal
        from recoupe.events.grouping import GroupingConfig

        events = self.store.events()
        dates = self.store.publication_dates()
        days = [day_ordinal(dates.get(aid)) for aid in new_ids]
        known = [d for d in days if d is not None]
        if not known or len(known) < len(days):
            return None, events
        window = GroupingConfig().window_days
        low, high = min(known) - window, max(known) + window
        wanted = set(new_ids)
        for aid, published in dates.items():
            day = day_ordinal(published)
            if day is None or low <= day <= high:
                wanted.add(aid)
        kept = [ev for ev in events if any(aid in wanted for aid in ev.articles)]
        for ev in kept:
            wanted.update(ev.articles)
        wanted &= dates.keys()
        if len(wanted) == len(dates):
            return None, events
        return sorted(wanted), kept

    def refresh_dossier(self, event_id: str) -> Dossier | None:
        """Rebuild and store the facts and dossier of one event (after new articles or a judgement)."""
        from recoupe.report.json import dossier_to_json

        dossier = load_dossier(self.store, event_id)
        if dossier is None:
            return None
        record = dossier_to_json(dossier)
        date = (record.get("facts", {}).get("date") or {}).get("value")
        self.store.save_dossier(event_id, dossier.facts, dossier.summary,
                                date if isinstance(date, str) else None, record)
        return dossier

    def judge(self, judgement: Judgement) -> list[str]:
        """Record an analyst's judgement and bring the events it touches up to date.
        Returns the ids of the events recomputed."""
        self.store.add_judgement(judgement)
        kind, _, rest = judgement.target.partition(":")
        if kind == "event" and judgement.action in ("merge", "split"):
            before = self.store.events()
            after = apply_event_judgements(before, [judgement])
            old = {ev.id: ev for ev in before}
            touched = [ev for ev in after if ev.id not in old or old[ev.id].articles != ev.articles]
            dropped = [eid for eid in old if eid not in {ev.id for ev in after}]
            derivations = [d for ev in touched for d in self.store.derivations(list(ev.articles))
                           if d.source in ev.articles]
            self.store.save_events(touched, derivations, dropped)
            for ev in touched:
                self.refresh_dossier(ev.id)
            return [ev.id for ev in touched]
        if kind == "fact":
            event_id = rest.split(":", 1)[0]
        elif kind == "claim":
            event_id = self.store.event_of_article(rest.split(":", 1)[0]) or ""
        else:
            event_id = rest
        return [event_id] if event_id and self.refresh_dossier(event_id) else []


def load_dossier(store: Store, event_id: str) -> Dossier | None:
    """Build the dossier of a stored event from stored records, judgements applied."""
    from recoupe.reconcile import build_dossier

    event = store.event(event_id)
    if event is None:
        return None
    articles = store.articles(list(event.articles))
    claims = store.claims(list(event.articles))
    derivations = store.derivations(list(event.articles))
    ids = {c.value for cs in claims.values() for c in cs if c.slot in ("actor", "place")}
    ids |= {str(c.attrs.get("speaker")) for cs in claims.values() for c in cs
            if c.slot == "quote" and c.attrs.get("speaker")}
    entities = store.entities(sorted(ids))
    judgements = [j for j in store.judgements()
                  if j.target.startswith((f"fact:{event_id}:", f"event:{event_id}"))
                  or (j.target.startswith("claim:") and j.target.split(":")[1] in event.articles)]
    return build_dossier(event, articles, claims, derivations, entities, judgements)


def apply_event_judgements(events: Sequence[Event], judgements: Iterable[Judgement]) -> list[Event]:
    """Apply analysts' ``merge`` and ``split`` decisions on top of machine grouping, in the
    order they were made, so that they survive every re-run."""
    current = {ev.id: ev for ev in events}
    for j in judgements:
        eid = j.target.split(":", 1)[1] if ":" in j.target else ""
        if j.action == "merge" and eid in current and j.value in current and j.value != eid:
            a, b = current[eid], current.pop(j.value)
            current[eid] = replace(a, articles=a.articles + tuple(x for x in b.articles if x not in a.articles),
                                   kinds={**b.kinds, **a.kinds})
        elif j.action == "split" and eid in current and j.value:
            moved = tuple(x for x in j.value.split(",") if x in current[eid].articles)
            kept = tuple(x for x in current[eid].articles if x not in moved)
            if moved and kept:
                ev = current[eid]
                current[eid] = replace(ev, articles=kept, kinds={k: v for k, v in ev.kinds.items() if k in kept})
                from recoupe.records import article_id as _hash

                new_id = _hash("split:" + ",".join(sorted(moved)))
                current[new_id] = Event(new_id, ev.title, moved, {k: v for k, v in ev.kinds.items() if k in moved})
    return list(current.values())


# Claim slots grouping reads (events.features: actors, event places and dates; events.kinds:
# dates about the event). The other slots (quotes, figures, domains, commitments) are most of
# an article's claims and are not loaded to group.
GROUPING_SLOTS = ("actor", "place", "date")
# Articles whose claims are read in one query when grouping asks for them in order.
CLAIMS_CHUNK = 256


class _StoredClaims(Mapping[str, tuple[Claim, ...]]):
    """The grouping claims of stored articles, read from the store when asked for, so that a
    regrouping never holds the claims of the whole store. Asked for in the order of ``ids``
    (features), it reads ``CLAIMS_CHUNK`` articles a query; out of order, one article."""

    def __init__(self, store: Store, ids: Sequence[str]) -> None:
        self._store = store
        self._ids = list(ids)
        self._position = {aid: i for i, aid in enumerate(self._ids)}
        self._cache: dict[str, tuple[Claim, ...]] = {}
        self._next = 0  # position after the last chunk read in order

    def __getitem__(self, article_id: str) -> tuple[Claim, ...]:
        if article_id not in self._position:
            raise KeyError(article_id)
        if article_id not in self._cache:
            at = self._position[article_id]
            wanted = self._ids[at:at + CLAIMS_CHUNK] if at == self._next else [article_id]
            if at == self._next:
                self._next = at + len(wanted)
            found = self._store.claims(wanted, slots=GROUPING_SLOTS)
            self._cache = {aid: found.get(aid, ()) for aid in wanted}
        return self._cache[article_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
