"""The extract stage: ``Article`` -> ``Claim``s, each tied to its evidence.

:func:`load_resources` loads the heavy things once (spaCy pipeline per language, the
gazetteer); :func:`extract_articles` runs every extractor over a batch with ``nlp.pipe``.
Both are pure with respect to disk once resources are loaded.
"""

from __future__ import annotations

import importlib
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from recoupe.extract.context import ArticleContext
from recoupe.records import Article, Claim

# Extractors, in the order they run: later ones may read earlier ones' claims
# (quotes and commitments need the actors). Each module exposes ``extract(ctx) -> list[Claim]``.
EXTRACTORS: tuple[str, ...] = (
    "actors",
    "places",
    "timex",
    "quotes",
    "domains",
    "commitments",
    "figures",
)


@dataclass
class Resources:
    """Loaded once per process and passed in: never a module global."""

    gazetteer: Any
    nlps: dict[str, Any] = field(default_factory=dict)  # language code -> spacy Language
    packs: dict[str, Any] = field(default_factory=dict)  # language code -> LanguagePack
    batch_size: int = 32

    def supports(self, language: str | None) -> bool:
        return language in self.nlps


def load_resources(languages: Sequence[str] = ("fr",), gazetteer_file: str | None = None,
                   batch_size: int = 32) -> Resources:
    """Load the gazetteer and, for each language, its pack and spaCy pipeline (with our
    entity ruler). Slow (seconds): call once."""
    from recoupe.extract.gazetteer import Gazetteer
    from recoupe.extract.nlp import build_pipeline
    from recoupe.extract.packs import load_pack

    gazetteer = Gazetteer.load(gazetteer_file)
    res = Resources(gazetteer=gazetteer, batch_size=batch_size)
    for code in languages:
        pack = load_pack(code)
        res.packs[code] = pack
        res.nlps[code] = build_pipeline(pack, gazetteer)
    return res


def _modules() -> list[Any]:
    return [importlib.import_module(f"recoupe.extract.{name}") for name in EXTRACTORS]


def extract_doc(article: Article, doc: Any, res: Resources) -> list[Claim]:
    """Every claim of one article whose ``Doc`` is already parsed."""
    ctx = ArticleContext(article=article, doc=doc, gazetteer=res.gazetteer,
                         pack=res.packs[article.language])
    for module in _modules():
        ctx.claims.extend(module.extract(ctx))
    return ctx.claims


def extract_articles(articles: Iterable[Article], res: Resources) -> dict[str, tuple[Claim, ...]]:
    """Claims per article id. Articles in a language without a pack get no claims."""
    out: dict[str, tuple[Claim, ...]] = {}
    by_lang: dict[str, list[Article]] = {}
    for a in articles:
        if res.supports(a.language):
            by_lang.setdefault(a.language, []).append(a)
        else:
            out[a.id] = ()
    for lang, group in by_lang.items():
        nlp = res.nlps[lang]
        # Every string spaCy adds to the shared vocab while parsing (new words, lemmas, entity
        # texts) is freed at the end of the zone: without it the vocab of a long-running process
        # grows with every distinct article. Nothing spaCy made may leave the zone: claims hold
        # plain Python strings and numbers only.
        with _memory_zone(nlp):
            docs = nlp.pipe((a.text for a in group), batch_size=res.batch_size)
            for article, doc in zip(group, docs):
                out[article.id] = tuple(extract_doc(article, doc, res))
    return out


def _memory_zone(nlp: Any) -> Any:
    """``nlp.memory_zone()`` (spaCy >= 3.8), or nothing on older spaCy."""
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else nullcontext()
