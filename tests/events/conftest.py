"""Hand-made articles and claims for the events tests (plain helpers and fixtures)."""

from __future__ import annotations

from recoupe.records import Article, Claim, Evidence, article_id


def make_article(text: str, published: str | None = None, title: str | None = None, language: str = "fr",
                 credits: tuple[str, ...] = ()) -> Article:
    return Article(id=article_id(text), path="hand-made", text=text, title=title, published=published,
                   language=language, credits=credits)


def claim(article: Article, slot: str, value: str, surface: str, planned: bool = False, **attrs) -> Claim:
    """A claim whose evidence is the first occurrence of ``surface`` in the article."""
    start = article.text.index(surface)
    evidence = Evidence(article.id, start, start + len(surface), surface, "test@1")
    return Claim(slot, value, evidence, planned, dict(attrs))


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def corpus_articles(shared_corpus):
    """The five shared-corpus articles, built from the raw files (language fr), keyed by number."""
    out = {}
    for path in sorted(shared_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = Article(id=article_id(text), path=str(path), text=text, language="fr")
    return out


@pytest.fixture(scope="session")
def new_article():
    """Build a hand-made article: ``new_article(text, published=None, title=None, ...)``."""
    return make_article


@pytest.fixture(scope="session")
def new_claim():
    """Build a claim on the first occurrence of a surface: ``new_claim(article, slot, value, surface)``."""
    return claim
