"""Ordered, named migrations, recorded in ``schema_migrations``.

A migration is applied once, in order, inside a transaction. Never edit one that has shipped:
add the next one. Machine output can always be recomputed; judgements never are, so a
migration must never drop the judgements table or its rows.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, select

from recoupe.store import schema

Migration = tuple[str, Callable[[Connection], None]]


def _initial(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name != "schema_migrations"]
    schema.metadata.create_all(conn, tables=tables)


MIGRATIONS: tuple[Migration, ...] = (
    ("0001_initial", _initial),
)


def migrate(conn: Connection) -> list[str]:
    """Apply pending migrations; return the names applied now."""
    schema.migrations.create(conn, checkfirst=True)
    done = set(conn.execute(select(schema.migrations.c.name)).scalars())
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(conn)
        conn.execute(schema.migrations.insert().values(
            name=name, applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
        applied.append(name)
    return applied
