"""Shared fixtures of the extract tests: the shared corpus as parsed article contexts."""

from __future__ import annotations

import pytest

from recoupe.extract import actors
from recoupe.extract.context import ArticleContext
from recoupe.records import Article, article_id


@pytest.fixture(scope="session")
def corpus_contexts(shared_corpus, resources) -> dict[str, ArticleContext]:
    """Each shared article (raw file text, no ingest cleaning) parsed once, with its actor
    claims, as the stage's later extractors see it. Keyed by file name. Tests must not add
    claims to these contexts: they are shared."""
    out = {}
    for path in sorted(shared_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=article_id(text), path=path.name, text=text, language="fr")
        ctx = ArticleContext(article=article, doc=resources.nlps["fr"](text), gazetteer=resources.gazetteer,
                             pack=resources.packs["fr"])
        ctx.claims.extend(actors.extract(ctx))
        out[path.name] = ctx
    return out
