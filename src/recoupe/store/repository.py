"""The store: a small repository layer of functions that take and return records.

Every write is a transaction of its own, sized so that a process killed mid-batch leaves a
consistent store (an article is stored with its removed lines and claims, or not at all) and
re-running the batch completes it. Machine output (claims, events, derivations, facts,
dossiers) is replaced when recomputed; judgements are only ever added.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from recoupe.errors import StoreError
from recoupe.records import (Article, Claim, Derivation, Entity, Event, Evidence, Fact,
                             Judgement, Rejected, Removed)
from recoupe.store import schema
from recoupe.store.migrations import migrate


# Ids per ``IN (...)`` query: well under SQLite's limit on bound parameters.
_IN_CHUNK = 500


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _url(target: str) -> str:
    if "://" in target:
        return target
    if target in ("", ":memory:"):
        return "sqlite://"
    return f"sqlite:///{Path(target)}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the web UI) never block the ingest writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """recoupe's persistent state. Open with :meth:`open`."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, target: str = "recoupe.db") -> "Store":
        """Open (creating if needed) a store at a file path, ``:memory:`` or a SQLAlchemy URL,
        and apply pending migrations."""
        url = _url(target)
        kwargs: dict[str, Any] = {}
        if url == "sqlite://":
            # One shared connection, or every new connection would see an empty database.
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        elif url.startswith("sqlite"):
            kwargs = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        try:
            engine = create_engine(url, **kwargs)
            if url.startswith("sqlite"):
                event.listen(engine, "connect", _sqlite_pragmas)
            with engine.begin() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {target}: {exc.__class__.__name__}: {exc.args[0] if exc.args else exc}") from None
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- articles --------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == article_id)).first() is not None

    def save_article(self, article: Article, claims: Sequence[Claim] = ()) -> bool:
        """Store one article with its removed lines and claims in one transaction.
        Returns False (and writes nothing) when an article with the same id is stored already."""
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == article.id)).first():
                    return False
                conn.execute(insert(schema.articles).values(
                    id=article.id, path=article.path, url=article.url, title=article.title,
                    outlet=article.outlet, author=article.author, published=article.published,
                    dateline_place=article.dateline_place, language=article.language,
                    kind=article.kind, text=article.text, credits=list(article.credits),
                    ingested_at=_now()))
                if article.removed:
                    conn.execute(insert(schema.removed_lines), [
                        {"article_id": article.id, "position": i, "line": r.line, "reason": r.reason}
                        for i, r in enumerate(article.removed)])
                self._write_claims(conn, article.id, claims)
        except IntegrityError:
            return False  # another writer stored it between our check and our insert
        return True

    def save_articles(self, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        """Store articles (without claims); return (stored ids, unchanged ids)."""
        stored, unchanged = [], []
        for a in articles:
            (stored if self.save_article(a) else unchanged).append(a.id)
        return stored, unchanged

    def set_kinds(self, kinds: Mapping[str, str]) -> None:
        with self.engine.begin() as conn:
            for aid, kind in kinds.items():
                conn.execute(schema.articles.update().where(schema.articles.c.id == aid).values(kind=kind))

    def _article_from_row(self, row: Any, removed: Sequence[Removed]) -> Article:
        return Article(id=row.id, path=row.path, text=row.text, title=row.title, url=row.url,
                       outlet=row.outlet, author=row.author, published=row.published,
                       dateline_place=row.dateline_place, language=row.language, kind=row.kind,
                       removed=tuple(removed), credits=tuple(row.credits or ()))

    def articles(self, ids: Sequence[str] | None = None, removed: bool = True) -> list[Article]:
        """Articles (all, or the given ids), ordered by publication date then id. With
        ``removed=False`` their removed lines are not read (grouping never looks at them)."""
        a, r = schema.articles, schema.removed_lines
        lines: dict[str, list[Removed]] = {}
        with self.engine.connect() as conn:
            if removed:
                rq = select(r).order_by(r.c.article_id, r.c.position)
                if ids is not None:
                    rq = rq.where(r.c.article_id.in_(list(ids)))
                for row in conn.execute(rq):
                    lines.setdefault(row.article_id, []).append(Removed(row.line, row.reason))
            q = select(a)
            if ids is not None:
                q = q.where(a.c.id.in_(list(ids)))
            # Rows are turned into records as they come: a whole store is never held twice.
            return [self._article_from_row(row, lines.get(row.id, ()))
                    for row in conn.execute(q.order_by(a.c.published, a.c.id))]

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def without_event(self, article_ids: Iterable[str]) -> list[str]:
        """Those of these stored articles that belong to no event (an ingest killed after
        storing them, before grouping), in the order given."""
        ids = list(dict.fromkeys(article_ids))
        a, ea = schema.articles, schema.event_articles
        grouped: set[str] = set()
        stored: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _IN_CHUNK):
                part = ids[i:i + _IN_CHUNK]
                stored.update(conn.execute(select(a.c.id).where(a.c.id.in_(part))).scalars())
                grouped.update(conn.execute(select(ea.c.article_id).where(ea.c.article_id.in_(part))).scalars())
        return [i for i in ids if i in stored and i not in grouped]

    def publication_dates(self) -> dict[str, str | None]:
        """The publication date (or None) of every stored article, by id: what deciding which
        articles a regrouping needs reads, without their texts."""
        a = schema.articles
        with self.engine.connect() as conn:
            return {row.id: row.published for row in conn.execute(select(a.c.id, a.c.published))}

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

    # -- rejections --------------------------------------------------------------------------
    def save_rejections(self, rejected: Iterable[Rejected]) -> None:
        t = schema.rejections
        with self.engine.begin() as conn:
            for r in rejected:
                exists = conn.execute(select(t.c.id).where(
                    t.c.path == r.path, t.c.reason == r.reason,
                    t.c.line.is_(None) if r.line is None else t.c.line == r.line)).first()
                if not exists:
                    conn.execute(insert(t).values(path=r.path, line=r.line, reason=r.reason, at=_now()))

    def rejections(self) -> list[Rejected]:
        t = schema.rejections
        with self.engine.connect() as conn:
            rows = conn.execute(select(t).order_by(t.c.id)).all()
        return [Rejected(path=row.path, reason=row.reason, line=row.line) for row in rows]

    # -- claims ------------------------------------------------------------------------------
    @staticmethod
    def _write_claims(conn: Any, article_id: str, claims: Sequence[Claim]) -> None:
        conn.execute(delete(schema.claims).where(schema.claims.c.article_id == article_id))
        if claims:
            conn.execute(insert(schema.claims), [
                {"article_id": article_id, "position": i, "slot": c.slot, "value": c.value,
                 "start_char": c.evidence.start, "end_char": c.evidence.end, "text": c.evidence.text,
                 "extractor": c.evidence.extractor, "planned": c.planned, "attrs": dict(c.attrs)}
                for i, c in enumerate(claims)])

    def save_claims(self, claims_by_article: Mapping[str, Sequence[Claim]]) -> None:
        """Replace the machine claims of these articles (one transaction per article)."""
        for aid, claims in claims_by_article.items():
            with self.engine.begin() as conn:
                self._write_claims(conn, aid, claims)

    def claims(self, article_ids: Sequence[str] | None = None,
               slots: Sequence[str] | None = None) -> dict[str, tuple[Claim, ...]]:
        """Claims per article (all, or of the given ids), in extraction order; ``slots`` keeps
        only claims of these slots (what grouping reads is a small part of an article's claims)."""
        t = schema.claims
        q = select(t).order_by(t.c.article_id, t.c.position)
        if article_ids is not None:
            q = q.where(t.c.article_id.in_(list(article_ids)))
        if slots is not None:
            q = q.where(t.c.slot.in_(list(slots)))
        out: dict[str, list[Claim]] = {aid: [] for aid in (article_ids or ())}
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                ev = Evidence(row.article_id, row.start_char, row.end_char, row.text, row.extractor)
                out.setdefault(row.article_id, []).append(
                    Claim(row.slot, row.value, ev, bool(row.planned), dict(row.attrs or {})))
        return {k: tuple(v) for k, v in out.items()}

    # -- entities ----------------------------------------------------------------------------
    def save_entities(self, entities: Iterable[Entity]) -> None:
        """Upsert the entities that claims refer to, so the store reads without the gazetteer."""
        t = schema.entities
        with self.engine.begin() as conn:
            for e in entities:
                values = dict(kind=e.kind, name=e.name, aliases=list(e.aliases), country=e.country,
                              wikidata=e.wikidata, lat=e.lat, lon=e.lon, roles=list(e.roles))
                if conn.execute(select(t.c.id).where(t.c.id == e.id)).first():
                    conn.execute(t.update().where(t.c.id == e.id).values(**values))
                else:
                    conn.execute(insert(t).values(id=e.id, **values))

    def entities(self, ids: Sequence[str] | None = None) -> dict[str, Entity]:
        t = schema.entities
        q = select(t)
        if ids is not None:
            q = q.where(t.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return {r.id: Entity(id=r.id, kind=r.kind, name=r.name, aliases=tuple(r.aliases or ()),
                             country=r.country, wikidata=r.wikidata, lat=r.lat, lon=r.lon,
                             roles=tuple(r.roles or ())) for r in rows}

    def actor_counts(self) -> list[tuple[str, int, int]]:
        """(entity id, articles naming it, mentions) for every actor in the store."""
        t = schema.claims
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.c.value, func.count(func.distinct(t.c.article_id)), func.count())
                .where(t.c.slot == "actor").group_by(t.c.value)
                .order_by(func.count(func.distinct(t.c.article_id)).desc(), t.c.value)).all()
        return [(r[0], r[1], r[2]) for r in rows]

    # -- events ------------------------------------------------------------------------------
    def save_events(self, events: Sequence[Event], derivations: Sequence[Derivation],
                    dropped: Sequence[str] = ()) -> None:
        """Replace these events (and the derivations among their articles) in one transaction;
        ``dropped`` lists event ids that no longer exist (merged into others)."""
        e, ea, d = schema.events, schema.event_articles, schema.derivations
        with self.engine.begin() as conn:
            gone = list(dropped) + [ev.id for ev in events]
            if gone:
                conn.execute(delete(schema.dossiers).where(schema.dossiers.c.event_id.in_(gone)))
                conn.execute(delete(schema.facts).where(schema.facts.c.event_id.in_(gone)))
                conn.execute(delete(ea).where(ea.c.event_id.in_(gone)))
                conn.execute(delete(e).where(e.c.id.in_(gone)))
            touched = [aid for ev in events for aid in ev.articles]
            if touched:
                # An article belongs to one event: drop it from any other event it was in.
                conn.execute(delete(ea).where(ea.c.article_id.in_(touched)))
                conn.execute(delete(d).where(d.c.article_id.in_(touched)))
            for ev in events:
                conn.execute(insert(e).values(id=ev.id, title=ev.title, kinds=dict(ev.kinds),
                                              summary="", updated_at=_now()))
                if ev.articles:
                    conn.execute(insert(ea), [{"event_id": ev.id, "article_id": aid, "position": i}
                                              for i, aid in enumerate(ev.articles)])
            if derivations:
                conn.execute(insert(d), [{"article_id": x.article, "source_id": x.source,
                                          "kind": x.kind, "score": float(x.score)} for x in derivations])
            # Events left without articles (all moved elsewhere) are dropped.
            empty = select(e.c.id).where(~e.c.id.in_(select(ea.c.event_id)))
            conn.execute(delete(e).where(e.c.id.in_(empty)))

    def events(self) -> list[Event]:
        e, ea = schema.events, schema.event_articles
        with self.engine.connect() as conn:
            rows = conn.execute(select(e).order_by(e.c.first_date.desc(), e.c.id)).all()
            members: dict[str, list[str]] = {}
            for row in conn.execute(select(ea).order_by(ea.c.event_id, ea.c.position)):
                members.setdefault(row.event_id, []).append(row.article_id)
        return [Event(id=r.id, title=r.title, articles=tuple(members.get(r.id, ())), kinds=dict(r.kinds or {}))
                for r in rows]

    def event(self, event_id: str) -> Event | None:
        e, ea = schema.events, schema.event_articles
        with self.engine.connect() as conn:
            row = conn.execute(select(e).where(e.c.id == event_id)).first()
            if row is None:
                return None
            members = conn.execute(select(ea.c.article_id).where(ea.c.event_id == event_id)
                                   .order_by(ea.c.position)).scalars().all()
        return Event(id=row.id, title=row.title, articles=tuple(members), kinds=dict(row.kinds or {}))

    def event_of_article(self, article_id: str) -> str | None:
        ea = schema.event_articles
        with self.engine.connect() as conn:
            return conn.execute(select(ea.c.event_id).where(ea.c.article_id == article_id)).scalar()

    def derivations(self, article_ids: Sequence[str] | None = None) -> list[Derivation]:
        d = schema.derivations
        q = select(d).order_by(d.c.article_id, d.c.source_id)
        if article_ids is not None:
            q = q.where(d.c.article_id.in_(list(article_ids)))
        with self.engine.connect() as conn:
            return [Derivation(r.article_id, r.source_id, r.kind, r.score) for r in conn.execute(q)]

    # -- facts and dossiers -----------------------------------------------------------------
    def save_dossier(self, event_id: str, facts: Sequence[Fact], summary: str, first_date: str | None,
                     record: Mapping[str, Any]) -> None:
        """Replace the facts and rendered dossier of one event."""
        f = schema.facts
        with self.engine.begin() as conn:
            conn.execute(delete(f).where(f.c.event_id == event_id))
            conn.execute(delete(schema.dossiers).where(schema.dossiers.c.event_id == event_id))
            if facts:
                conn.execute(insert(f), [{
                    "event_id": event_id, "position": i, "slot": x.slot, "value": x.value,
                    "status": x.status, "planned": x.planned,
                    "claims": [[c.evidence.article, c.evidence.start, c.evidence.end, c.slot, c.value]
                               for c in x.claims],
                    "independent_groups": [list(g) for g in x.independent_groups],
                    "attrs": _jsonable(x.attrs)} for i, x in enumerate(facts)])
            conn.execute(insert(schema.dossiers).values(event_id=event_id, record=_jsonable(record)))
            conn.execute(schema.events.update().where(schema.events.c.id == event_id)
                         .values(summary=summary, first_date=first_date))

    def dossier_record(self, event_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.dossiers.c.record)
                                .where(schema.dossiers.c.event_id == event_id)).scalar()

    def fact_rows(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Stored facts as plain rows (event_id, slot, value, status, planned, ...)."""
        f = schema.facts
        q = select(f).order_by(f.c.event_id, f.c.position)
        if event_id is not None:
            q = q.where(f.c.event_id == event_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def event_summaries(self, q: str | None = None, actor: str | None = None, domain: str | None = None,
                        has_conflicts: bool = False, date_from: str | None = None,
                        date_to: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Events for the list page and ``GET /api/events``, newest first, filtered in SQL so
        that the page stays fast on a large store. Counts: articles, independent sources
        (articles that derive from no other), conflicting facts."""
        e, ea, c, f, d, en = (schema.events, schema.event_articles, schema.claims, schema.facts,
                              schema.derivations, schema.entities)
        n_articles = select(func.count()).where(ea.c.event_id == e.c.id).scalar_subquery()
        n_derived = (select(func.count()).select_from(ea.join(d, d.c.article_id == ea.c.article_id))
                     .where(ea.c.event_id == e.c.id).scalar_subquery())
        n_conflicts = (select(func.count()).where(f.c.event_id == e.c.id, f.c.status == "conflicting")
                       .scalar_subquery())
        query = select(e.c.id, e.c.title, e.c.first_date, e.c.summary, n_articles.label("articles"),
                       (n_articles - n_derived).label("independent_sources"),
                       n_conflicts.label("conflicts"))

        def events_with(*conds: Any, via_entities: bool = False) -> Any:
            # An uncorrelated IN over the matching claims: a correlated EXISTS per event scanned
            # the claims once per event (minutes on 10,000 articles; this is under a second).
            src = ea.join(c, c.c.article_id == ea.c.article_id)
            if via_entities:
                src = src.join(en, en.c.id == c.c.value)
            return e.c.id.in_(select(ea.c.event_id).select_from(src).where(*conds))

        if q:
            like = f"%{q.strip()}%"
            query = query.where(e.c.title.ilike(like)
                                | events_with(en.c.name.ilike(like), via_entities=True)
                                | events_with(c.c.text.ilike(like), c.c.slot.in_(("actor", "place"))))
        if actor:
            query = query.where(events_with(c.c.slot == "actor", c.c.value == actor))
        if domain:
            query = query.where(events_with(c.c.slot == "domain", c.c.value == domain))
        if has_conflicts:
            query = query.where(n_conflicts > 0)
        if date_from:
            query = query.where(e.c.first_date >= date_from)
        if date_to:
            query = query.where(e.c.first_date <= date_to + "~")  # "~" sorts after any interval suffix
        query = query.order_by(e.c.first_date.desc().nulls_last(), e.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def events_of_actor(self, actor: str) -> list[str]:
        """Ids of the events in which an article names this actor."""
        ea, c = schema.event_articles, schema.claims
        q = (select(ea.c.event_id).select_from(ea.join(c, c.c.article_id == ea.c.article_id))
             .where(c.c.slot == "actor", c.c.value == actor).distinct())
        with self.engine.connect() as conn:
            return list(conn.execute(q).scalars())

    # -- judgements ---------------------------------------------------------------------------
    def add_judgement(self, j: Judgement) -> int:
        with self.engine.begin() as conn:
            res = conn.execute(insert(schema.judgements).values(
                target=j.target, action=j.action, value=j.value, author=j.author, at=j.at))
            return int(res.inserted_primary_key[0])

    def judgements(self, prefix: str | None = None) -> list[Judgement]:
        t = schema.judgements
        q = select(t).order_by(t.c.id)
        if prefix:
            q = q.where(t.c.target.startswith(prefix, autoescape=True))
        with self.engine.connect() as conn:
            return [Judgement(r.target, r.action, r.value, r.author, r.at) for r in conn.execute(q)]


def _jsonable(value: Any) -> Any:
    """Plain JSON types only (tuples become lists; mapping proxies become dicts)."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
