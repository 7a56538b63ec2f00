"""The store: SQLite by default, through SQLAlchemy Core, with versioned migrations."""

from recoupe.store.repository import Store

__all__ = ["Store"]
