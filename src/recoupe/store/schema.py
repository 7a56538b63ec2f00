"""Tables of the store. They mirror the records in :mod:`recoupe.records`.

SQLAlchemy Core only, with portable types (JSON, Text, Integer, Float, Boolean), so that the
same code runs on SQLite (the embedded default) and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text, UniqueConstraint)

metadata = MetaData()

migrations = Table(
    "schema_migrations", metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("path", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", String(10)),
    Column("dateline_place", Text),
    Column("language", String(8)),
    Column("kind", String(16), nullable=False, default="unknown"),
    Column("text", Text, nullable=False),
    Column("credits", JSON, nullable=False, default=list),
    Column("ingested_at", String(40), nullable=False),
)

removed_lines = Table(
    "removed_lines", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("line", Text, nullable=False),
    Column("reason", String(64), nullable=False),
)

rejections = Table(
    "rejections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
    # The same bad file rejected twice is one row: re-running a batch adds nothing.
    UniqueConstraint("path", "line", "reason", name="uq_rejection"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("slot", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("planned", Boolean, nullable=False, default=False),
    Column("attrs", JSON, nullable=False, default=dict),
    Index("ix_claims_article", "article_id"),
    Index("ix_claims_slot_value", "slot", "value"),
)

entities = Table(
    "entities", metadata,
    Column("id", String(128), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False, default=list),
    Column("country", String(2)),
    Column("wikidata", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("roles", JSON, nullable=False, default=list),
)

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("kinds", JSON, nullable=False, default=dict),
    Column("summary", Text, nullable=False, default=""),
    Column("first_date", String(32)),  # the reconciled event date, for sorting and filtering
    Column("updated_at", String(40), nullable=False),
)

event_articles = Table(
    "event_articles", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_event_articles_article", "article_id"),
)

derivations = Table(
    "derivations", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("source_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("score", Float, nullable=False),
)

facts = Table(
    "facts", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("slot", String(32), nullable=False),
    Column("value", Text),
    Column("status", String(16), nullable=False),
    Column("planned", Boolean, nullable=False, default=False),
    Column("claims", JSON, nullable=False, default=list),  # [[article, start, end, slot, value], ...]
    Column("independent_groups", JSON, nullable=False, default=list),
    Column("attrs", JSON, nullable=False, default=dict),
)

# The rendered dossier of an event (the `events[]` item of the JSON contract), kept so that the
# API and the web pages serve it without recomputing; recomputed whenever the event changes.
dossiers = Table(
    "dossiers", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("record", JSON, nullable=False),
)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("value", Text),
    Column("author", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Index("ix_judgements_target", "target"),
)
