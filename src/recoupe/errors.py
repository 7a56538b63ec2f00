"""recoupe's exceptions. A file we cannot use is a :class:`recoupe.records.Rejected` value,
not an exception; these are for real failures, turned into a one-line CLI message or one
HTTP error shape in one place each (``cli.py``, ``web/app.py``)."""

from __future__ import annotations


class RecoupeError(Exception):
    """Base of every error recoupe raises on purpose."""

    exit_code = 2


class ConfigError(RecoupeError):
    """A setting, flag or settings file is wrong."""


class GazetteerError(RecoupeError):
    """A gazetteer YAML file is malformed."""


class StoreError(RecoupeError):
    """The store cannot be opened, migrated or written."""


class NotFound(RecoupeError):
    """An event, article or actor id is not in the store."""

    exit_code = 1


class ModelUnavailable(RecoupeError):
    """A model that should ship in a pinned package is not installed."""
