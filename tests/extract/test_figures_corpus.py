"""Figures on the shared AES–Russia corpus: one real amount, and no date taken for one."""

from __future__ import annotations

import pytest

from recoupe.extract import figures
from recoupe.extract.context import ArticleContext
from recoupe.records import Article, article_id

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(shared_corpus, resources):
    out = {}
    for path in sorted(shared_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=article_id(text), path=path.name, text=text, language="fr")
        ctx = ArticleContext(article=article, doc=resources.nlps["fr"](text), gazetteer=resources.gazetteer,
                             pack=resources.packs["fr"])
        out[path.name[:3]] = figures.extract(ctx)
    return out


def test_figures_corpus_trade_volume_multiplied_by_ten_in_003(found):
    (hit,) = [c for c in found["003"] if c.attrs["unit"] == "factor"]
    assert hit.value == "x10" and hit.attrs["number"] == 10.0
    assert hit.evidence.text == "multiplié par dix"
    assert "échanges commerciaux" in hit.attrs["measure"]


def test_figures_corpus_dates_durations_and_years_are_not_figures(found):
    # "3 avril", "2025", "1h30", "septembre 2023", "les 4 et 5 avril": none is an amount.
    assert [c.value for claims in found.values() for c in claims] == ["x10"]
