"""Language packs: what the extractors need to know about one language.

A pack is data plus small functions: the spaCy pipeline to load, speech verbs, commitment
patterns, domain lexicons, demonyms, the temporal grammar. Adding a language adds a pack
(``packs/<code>/``); the extractors do not change.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from recoupe.errors import ModelUnavailable


PACKS_DIR = Path(__file__).resolve().parent
T = TypeVar("T")


@dataclass(frozen=True)
class LanguagePack:
    code: str  # ISO 639-1
    spacy_model: str  # name of a pipeline package pinned in pyproject.toml
    data: dict[str, Any] = field(default_factory=dict)  # lexicons, loaded once by the pack module
    # Compiled lexicons of the extractors, built on first use. Each loaded pack has its own
    # (see load_pack), so nothing is cached in a module global.
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def file(self, name: str) -> Path:
        """A data file of this pack (``packs/<code>/<name>``)."""
        return PACKS_DIR / self.code / name

    def compiled(self, key: str, build: Callable[[], T]) -> T:
        """The value ``build()`` made the first time ``key`` was asked for on this pack."""
        if key not in self._compiled:
            self._compiled[key] = build()
        return self._compiled[key]


def load_pack(code: str) -> LanguagePack:
    """The pack for ``code``; raises :class:`ModelUnavailable` for a language with no pack."""
    try:
        module = importlib.import_module(f"recoupe.extract.packs.{code}")
    except ModuleNotFoundError:
        raise ModelUnavailable(f"no extraction pack for language {code!r}") from None
    pack = module.PACK
    return LanguagePack(pack.code, pack.spacy_model, dict(pack.data))
