"""Composes the stages: ingest -> extract -> events -> reconcile -> store.

:class:`Pipeline` holds the heavy resources (spaCy pipelines, gazetteer, sentence encoder),
loads them lazily (only when new articles need them) and once, and runs the stages
incrementally over what the store already holds: an article already stored is neither
re-extracted nor re-written, and only the events that new articles touch are recomputed.
"""

from __future__ import annotations

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
        """Ingest files and folders, then bring events and facts up to date."""
        articles, rejected = self.read(paths)
        return self.ingest_articles(articles, rejected, progress)

    def ingest_articles(self, articles: Sequence[Article], rejected: Sequence[Rejected] = (),
                        progress: Progress = _no_progress) -> Outcome:
        """Store cleaned articles (extracting claims for new ones) and update their events."""
        self.store.save_rejections(rejected)
        seen: dict[str, Article] = {}
        for a in articles:
            seen.setdefault(a.id, a)  # the same text twice in one batch is one article
        batch_ids = tuple(seen)
        new = [a for a in seen.values() if not self.store.has_article(a.id)]
        unchanged = tuple(a.id for a in seen.values() if a not in new)
        unsupported = tuple(a.id for a in new if a.language not in self.settings.languages)

        claims: dict[str, tuple[Claim, ...]] = {}
        analysable = [a for a in new if a.language in self.settings.languages]
        if analysable:
            from recoupe.extract import extract_articles

            res = self._resources()
            step = max(1, self.settings.batch_size)
            for i in range(0, len(analysable), step):
                claims.update(extract_articles(analysable[i:i + step], res))
                progress("extract", min(i + step, len(analysable)), len(analysable))

        from recoupe.events.kinds import classify

        stored = []
        for n, a in enumerate(new, 1):
            a = replace(a, kind=classify(a, claims.get(a.id, ())))
            if self.store.save_article(a, claims.get(a.id, ())):
                stored.append(a.id)
            progress("store", n, len(new))
        if claims and self.resources is not None:
            ids = {c.value for cs in claims.values() for c in cs if c.slot in ("actor", "place")}
            ids |= {c.attrs.get("speaker") for cs in claims.values() for c in cs
                    if c.slot == "quote" and c.attrs.get("speaker")}
            gaz = self.resources.gazetteer
            self.store.save_entities(e for e in (gaz.get(i) for i in sorted(ids)) if e is not None)

        events = self.update_events(set(stored)) if stored else ()
        return Outcome(batch_ids, tuple(stored), unchanged, tuple(rejected), unsupported, tuple(events))

    # -- events and facts ----------------------------------------------------------------------
    def update_events(self, new_ids: set[str]) -> list[str]:
        """Group new articles into events and recompute the events they touch."""
        from recoupe.events.derivations import find_derivations
        from recoupe.events.grouping import group

        previous = self.store.events()
        articles = self.store.articles()
        claims = self.store.claims()
        grouped = group(articles, claims, self._encoder(), previous)
        grouped = apply_event_judgements(grouped, self.store.judgements("event:"))
        before = {ev.id: ev for ev in previous}
        touched = [ev for ev in grouped
                   if ev.id not in before or before[ev.id].articles != ev.articles
                   or set(ev.articles) & new_ids or before[ev.id].kinds != ev.kinds]
        dropped = [eid for eid in before if eid not in {ev.id for ev in grouped}]
        by_id = {a.id: a for a in articles}
        derivations = []
        for ev in touched:
            members = [by_id[i] for i in ev.articles if i in by_id]
            derivations.extend(find_derivations(members, self._encoder()) if len(members) > 1 else [])
        self.store.save_events(touched, derivations, dropped)
        for ev in touched:
            self.refresh_dossier(ev.id)
        return [ev.id for ev in touched]

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
