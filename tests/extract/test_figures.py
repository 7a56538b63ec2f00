"""Figures: the French number parser and amounts with their units."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, strategies as st

from recoupe.extract import figures
from recoupe.extract.context import ArticleContext
from recoupe.extract.packs import LanguagePack
from recoupe.records import Article, article_id


@pytest.fixture(scope="module")
def lex():
    return figures.FigureLexicon.load("fr")


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def _french_thousands(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", ".", "\u00a0", "\u202f"]))
def test_figures_parses_integers_with_french_thousands_separators(n, sep):
    lex = figures.FigureLexicon.load("fr")
    assert figures.parse_number(_french_thousands(n, sep), lex) == n


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from([("millions", 10**6), ("milliards", 10**9)]))
def test_figures_parses_decimal_comma_with_a_scale_word(units, tenths, scale):
    lex = figures.FigureLexicon.load("fr")
    word, factor = scale
    assert figures.parse_number(f"{units},{tenths} {word}", lex) == pytest.approx((units + tenths / 10) * factor)


@pytest.mark.parametrize("words, value", [
    ("dix", 10), ("trois cents", 300), ("deux millions", 2_000_000), ("soixante et onze", 71),
    ("quatre-vingt-dix", 90), ("quatre-vingts", 80), ("mille deux cents", 1200),
    ("deux millions trois cent mille", 2_300_000), ("dix-sept", 17),
])
def test_figures_parses_number_words(lex, words, value):
    assert figures.parse_number(words, lex) == value


def _claims(text: str, nlp):
    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=nlp(text), gazetteer=None, pack=LanguagePack("fr", "fr_core_news_md"))
    return figures.extract(ctx)


@pytest.mark.parametrize("text, value, unit", [
    ("Le budget atteint 1 200 milliards de FCFA.", "1200000000000", "XOF"),
    ("Une aide de 2,5 millions d'euros.", "2500000", "EUR"),
    ("Une hausse de 30 % cette année.", "30", "percent"),
    ("Une hausse de 30 pour cent.", "30", "percent"),
    ("Moscou enverra 500 soldats.", "500", "soldats"),
    ("Livraison de 3 000 tonnes de blé.", "3000", "t"),
    ("Le commerce a été multiplié par dix.", "x10", "factor"),
    ("Un prêt de $5 millions.", "5000000", "USD"),
    ("Trois cents instructeurs sont arrivés.", "300", "instructeurs"),
])
def test_figures_reads_amount_and_unit(blank, text, value, unit):
    (claim,) = _claims(text, blank)
    assert (claim.value, claim.attrs["unit"]) == (value, unit)
    assert claim.attrs["number"] == pytest.approx(float(value.lstrip("x")))
    assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text


@pytest.mark.parametrize("text", [
    "L'AES, créée en 2023, a tenu sa réunion les 3 et 4 avril 2025.",
    "Ils ont parlé pendant 2 heures, le 1er mars, à 15 h.",
    "Âgé de 45 ans, il est le premier ministre à venir.",
    "La résolution 2719 du Conseil et le G5 Sahel.",
    "Les deux parties et les trois pays ont signé.",
    "Un accord a été signé.",
])
def test_figures_ignores_dates_durations_ages_ordinals_and_names(blank, text):
    assert _claims(text, blank) == []


@pytest.mark.slow
def test_figures_measure_is_the_subject_of_the_factor(resources):
    nlp = resources.nlps["fr"]
    (claim,) = _claims("Le volume de nos échanges commerciaux a été multiplié par dix.", nlp)
    assert claim.value == "x10" and claim.attrs["measure"] == "volume de nos échanges commerciaux"


@pytest.mark.slow
def test_figures_measure_is_the_noun_before_de(resources):
    nlp = resources.nlps["fr"]
    (claim,) = _claims("Le gouvernement a voté un budget de 1 200 milliards de FCFA.", nlp)
    assert claim.attrs["measure"] == "budget"


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["FCFA", "euros", "dollars", "roubles"]),
       st.sampled_from(["Un montant de ", "Il a promis ", "Le prêt, soit "]))
def test_figures_amount_with_currency_keeps_exact_evidence(n, currency, before):
    lex = figures.FigureLexicon.load("fr")
    text = f"{before}{_french_thousands(n, ' ')} {currency} en 2025."
    (fig,) = figures.find_figures(text, lex)
    assert fig.value == str(n) and fig.rule == "currency"
    assert text[fig.start:fig.end] == f"{_french_thousands(n, ' ')} {currency}"
