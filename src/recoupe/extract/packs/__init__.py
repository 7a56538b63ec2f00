"""Language packs: what the extractors need to know about one language.

A pack is data plus small functions: the spaCy pipeline to load, speech verbs, commitment
patterns, domain lexicons, demonyms, the temporal grammar. Adding a language adds a pack
(``packs/<code>/``); the extractors do not change.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from recoupe.errors import ModelUnavailable


@dataclass(frozen=True)
class LanguagePack:
    code: str  # ISO 639-1
    spacy_model: str  # name of a pipeline package pinned in pyproject.toml
    data: dict[str, Any] = field(default_factory=dict)  # lexicons, loaded once by the pack module


def load_pack(code: str) -> LanguagePack:
    """The pack for ``code``; raises :class:`ModelUnavailable` for a language with no pack."""
    try:
        module = importlib.import_module(f"recoupe.extract.packs.{code}")
    except ModuleNotFoundError:
        raise ModelUnavailable(f"no extraction pack for language {code!r}") from None
    return module.PACK
