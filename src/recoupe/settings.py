"""One settings object, with defaults and help text.

Precedence: defaults, then a settings file (``--config``, YAML), then ``RECOUPE_*``
environment variables, then command-line flags. Nothing else in recoupe reads the
environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

import yaml

from recoupe.errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Every knob recoupe has. Each one is documented in the README (a test checks it)."""

    db: str = _setting("recoupe.db", "SQLite file of the store (RECOUPE_DB); ':memory:' for none, or a SQLAlchemy URL.")
    max_bytes: int = _setting(5_000_000, "Largest input file accepted, in bytes (RECOUPE_MAX_BYTES); larger files are rejected.")
    gazetteer: str | None = _setting(None, "Extra gazetteer YAML with your own entities, merged over the shipped one (RECOUPE_GAZETTEER).")
    batch_size: int = _setting(32, "Articles per spaCy nlp.pipe batch (RECOUPE_BATCH_SIZE).")
    languages: tuple[str, ...] = _setting(("fr",), "Languages with a full extraction pack; others are stored and reported as unsupported.")
    token: str | None = _setting(None, "Bearer token required for writes through the HTTP API (RECOUPE_TOKEN).")

    def with_overrides(self, **changes: Any) -> "Settings":
        """A copy with the given flags applied; ``None`` means 'flag not given'."""
        kept = {k: v for k, v in changes.items() if v is not None}
        unknown = set(kept) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **kept)


def _coerce(name: str, raw: Any, kind: Any) -> Any:
    text = str(raw)
    try:
        if name in ("max_bytes", "batch_size"):
            value = int(text)
            if value <= 0:
                raise ValueError
            return value
    except ValueError:
        raise ConfigError(f"setting {name} must be a positive whole number, got {text!r}") from None
    if name == "languages":
        return tuple(x.strip() for x in (raw if isinstance(raw, list) else text.split(",")) if x.strip())
    return text


def load_settings(config_file: str | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then the YAML file, then ``RECOUPE_*`` variables."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    if config_file:
        path = Path(config_file)
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{config_file}: cannot read settings: {exc}") from None
        if not isinstance(loaded, dict):
            raise ConfigError(f"{config_file}: settings file must be a mapping")
        values.update(loaded)
    for f in fields(Settings):
        key = f"RECOUPE_{f.name.upper()}"
        if key in env:
            values[f.name] = env[key]
    names = {f.name for f in fields(Settings)}
    unknown = set(values) - names
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return Settings(**{k: _coerce(k, v, None) for k, v in values.items()})


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) for each setting, for ``recoupe settings`` and the README test."""
    return [(f.name, repr(f.default), f.metadata["help"]) for f in fields(Settings)]
