"""Quotes on the real AES–Russia corpus: what a reader of those articles would check."""

from __future__ import annotations

import pytest

from recoupe.extract import quotes
from recoupe.extract.context import ArticleContext
from recoupe.records import Article, article_id

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_quotes(shared_corpus, resources):
    """Claims of the quotes extractor (after the actors one) for each corpus file, by prefix."""
    from recoupe.extract import actors

    out = {}
    for path in sorted(shared_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=article_id(text), path=str(path), text=text, language="fr")
        ctx = ArticleContext(article=article, doc=resources.nlps["fr"](text),
                             gazetteer=resources.gazetteer, pack=resources.packs["fr"])
        ctx.claims.extend(actors.extract(ctx))
        out[path.name[:3]] = (text, quotes.extract(ctx))
    return out


def _find(claims, start: str):
    found = [c for c in claims if c.value.startswith(start)]
    assert found, f"no quote starting {start!r}: {[c.value[:40] for c in claims]}"
    return found[0]


def _is(claim, surname: str) -> bool:
    return surname.lower() in (claim.attrs["speaker_name"] or "").lower()


def test_quotes_corpus_003_lavrov_and_diop_quotes(corpus_quotes):
    _, claims = corpus_quotes["003"]
    assert _is(_find(claims, "Ce format va se renforcer"), "lavrov")
    assert _is(_find(claims, "Le volume de nos échanges commerciaux a été multiplié par dix"), "lavrov")
    diop = _find(claims, "Plus qu’un partenaire, la Russie est un allié sincère")
    assert _is(diop, "diop") and diop.attrs["direct"] is True
    # the two quotes of Lavrov run over two sentences each: one claim each
    assert _find(claims, "Ce format va se renforcer").value.endswith("dans les pays de l’AES")


def test_quotes_corpus_001_angle_bracket_quote_is_diop(corpus_quotes):
    _, claims = corpus_quotes["001"]
    c = _find(claims, "La Russie est un allié sincère")
    assert c.attrs["direct"] is True and _is(c, "diop")


def test_quotes_corpus_001_selon_lavrov_is_indirect(corpus_quotes):
    _, claims = corpus_quotes["001"]
    c = _find(claims, "son pays adhère entièrement à ce nouveau format")
    assert c.attrs["direct"] is False and _is(c, "lavrov")


def test_quotes_corpus_000_pronoun_after_the_sentence_naming_lavrov(corpus_quotes):
    _, claims = corpus_quotes["000"]
    c = _find(claims, "La Russie est prête à soutenir concrètement")
    assert _is(c, "lavrov") and c.attrs["rule"] == "incise-pronoun"


def test_quotes_corpus_004_communique_speaks(corpus_quotes):
    _, claims = corpus_quotes["004"]
    c = _find(claims, "la Partie russe a réitéré son soutien indéfectible")
    assert c.attrs["speaker"].startswith("doc:communique")
    assert c.attrs["speaker_name"] == "communiqué conjoint"
    later = _find(claims, "la partie russe a exprimé sa disponibilité")  # "renseigne le document"
    assert later.attrs["direct"] is False and later.attrs["speaker"] == c.attrs["speaker"]


def test_quotes_corpus_no_scare_quote_and_exact_evidence(corpus_quotes):
    for prefix, (text, claims) in corpus_quotes.items():
        for c in claims:
            assert c.evidence.text == text[c.evidence.start:c.evidence.end], prefix
            assert c.evidence.extractor == quotes.EXTRACTOR
            assert len(c.value.split()) >= quotes.MIN_QUOTE_WORDS
    # the preview (002) quotes nobody
    assert corpus_quotes["002"][1] == []
