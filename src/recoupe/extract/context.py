"""What every extractor of the extract stage receives for one article.

Extractors are pure functions ``extract(ctx: ArticleContext) -> list[Claim]``. They run in
the order given in :mod:`recoupe.extract` (actors first), and later extractors may read the
claims of earlier ones through ``ctx.claims``: quotes and commitments use ``ctx.actors()``
to find speakers and committing actors. Nothing here touches disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from recoupe.records import Article, Claim, Evidence

T = TypeVar("T")

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from recoupe.extract.gazetteer import Gazetteer
    from recoupe.extract.packs import LanguagePack


@dataclass
class ArticleContext:
    """One article being extracted: its record, its spaCy ``Doc`` (over ``article.text``),
    the gazetteer, the language pack, and the claims produced so far."""

    article: Article
    doc: "Doc"
    gazetteer: "Gazetteer"
    pack: "LanguagePack"
    claims: list[Claim] = field(default_factory=list)
    _shared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def shared(self, name: str, build: Callable[[], T]) -> T:
        """A per-article structure several extractors read (the line index, ...): built by
        the first one that asks, then reused. ``build`` must depend on this article only."""
        if name not in self._shared:
            self._shared[name] = build()
        return self._shared[name]  # type: ignore[no-any-return]

    def evidence(self, start: int, end: int, extractor: str) -> Evidence:
        """Evidence for ``article.text[start:end]``; trims surrounding white space so the span
        is exactly what a reader would highlight."""
        text = self.article.text
        if not (0 <= start < end <= len(text)):
            raise ValueError(f"bad span {start}:{end} for article of length {len(text)}")
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence(self.article.id, start, end, text[start:end], extractor)

    def claim(self, slot: str, value: str, start: int, end: int, extractor: str,
              planned: bool = False, **attrs: Any) -> Claim:
        return Claim(slot, value, self.evidence(start, end, extractor), planned, dict(attrs))

    def actors(self) -> list[Claim]:
        """Actor claims found so far, in text order."""
        return sorted((c for c in self.claims if c.slot == "actor"), key=lambda c: c.evidence.start)
