"""Domains on the shared AES–Russia corpus: what a reader of those articles would check."""

from __future__ import annotations

import importlib
import re

import pytest

from recoupe.extract import domains
from recoupe.extract.context import ArticleContext
from recoupe.records import Article, article_id

pytestmark = pytest.mark.slow


def _context(path, resources) -> ArticleContext:
    text = path.read_text(encoding="utf-8")
    article = Article(id=article_id(text), path=path.name, text=text, language="fr")
    ctx = ArticleContext(article=article, doc=resources.nlps["fr"](text), gazetteer=resources.gazetteer,
                         pack=resources.packs["fr"])
    try:  # the actors extractor runs first in the stage; use it once it exists
        ctx.claims.extend(importlib.import_module("recoupe.extract.actors").extract(ctx))
    except ModuleNotFoundError:
        pass
    return ctx


@pytest.fixture(scope="module")
def found(shared_corpus, resources):
    out = {}
    for path in sorted(shared_corpus.glob("*.txt")):
        ctx = _context(path, resources)
        out[path.name[:3]] = (ctx.article.text, domains.extract(ctx))
    return out


def test_domains_corpus_enumerations_of_000_and_001_are_found(found):
    keys = {name: {c.value for c in claims} for name, (_, claims) in found.items()}
    assert {"security", "diplomacy", "economy", "energy", "education", "telecom", "infrastructure",
            "technology"} <= keys["000"]
    assert {"security", "diplomacy", "economy", "energy", "education", "telecom", "transport",
            "media"} <= keys["001"]
    assert {"security", "diplomacy", "agriculture", "energy"} <= keys["003"]


def test_domains_corpus_titles_are_not_domains(found):
    for text, claims in found.values():
        titles = [m.span() for m in re.finditer(
            r"(?:chefs? de (?:la )?diplomatie|ministres? des Affaires étrangères)", text, re.I)]
        for c in claims:
            assert not any(s <= c.evidence.start < e for s, e in titles), c.evidence


def test_domains_corpus_evidence_is_exact_and_cooperation_is_marked(found):
    for text, claims in found.values():
        for c in claims:
            assert text[c.evidence.start:c.evidence.end] == c.evidence.text
            assert c.value in domains.DOMAINS
    _, claims_001 = found["001"]
    media = [c for c in claims_001 if c.value == "media"]
    assert media and all(c.attrs["cooperation"] for c in media)
