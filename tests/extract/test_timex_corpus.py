"""The temporal tagger on the real AES–Russia corpus: what a reader of the five articles
would check (meeting dates, the preview's planned interval, durations, background dates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.extract.context import ArticleContext
from recoupe.extract.timex import EXTRACTOR, extract
from recoupe.records import Article, Claim, article_id


def _article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    return Article(id=article_id(text), path=str(path), text=text, language="fr", published=None)


def _claims(corpus: Path, prefix: str, doc_for=None) -> tuple[Article, list[Claim]]:
    path = next(corpus.glob(f"{prefix}_*.txt"))
    article = _article(path)
    doc = doc_for(article.text) if doc_for else None
    ctx = ArticleContext(article=article, doc=doc, gazetteer=None, pack=None)
    return article, extract(ctx)


def _by_text(claims: list[Claim], text: str) -> Claim:
    found = [c for c in claims if c.evidence.text == text]
    assert found, [c.evidence.text for c in claims]
    return found[0]


def _check_corpus(corpus: Path, doc_for=None) -> None:
    # The report articles: the meeting on 3 April 2025 (000 has no year anywhere: kept open).
    _, c000 = _claims(corpus, "000", doc_for)
    assert _by_text(c000, "ce 3 avril").value == "XXXX-04-03"
    assert _by_text(c000, "ce 3 avril").attrs["about_event"] is True
    d = _by_text(c000, "près de deux heures")
    assert (d.slot, d.value, d.attrs["approx"], d.attrs["minutes"]) == ("duration", "PT2H", "about", 120)

    _, c001 = _claims(corpus, "001", doc_for)
    meeting = _by_text(c001, "ce 03 avril")
    assert (meeting.value, meeting.planned, meeting.attrs["about_event"]) == ("2025-04-03", False, True)
    d = _by_text(c001, "environ 1h30")
    assert (d.value, d.attrs["approx"], d.attrs["minutes"]) == ("PT90M", "about", 90)

    _, c002 = _claims(corpus, "002", doc_for)
    preview = _by_text(c002, "les 3 et 4 avril 2025")
    assert (preview.value, preview.planned) == ("2025-04-03/2025-04-04", True)

    _, c003 = _claims(corpus, "003", doc_for)
    assert _by_text(c003, "ce jeudi 3 avril 2025").value == "2025-04-03"
    assert _by_text(c003, "ce jeudi 3 avril").value == "2025-04-03"
    background = _by_text(c003, "septembre 2023")
    assert (background.value, background.attrs["about_event"]) == ("2023-09", False)
    vague = _by_text(c003, "plusieurs heures")
    assert (vague.slot, vague.value, vague.attrs["approx"]) == ("duration", "PXH", "vague")

    _, c004 = _claims(corpus, "004", doc_for)
    late = _by_text(c004, "les 4 et 5 avril 2025")
    assert (late.value, late.planned) == ("2025-04-04/2025-04-05", False)


def test_timex_corpus_dates_and_durations_without_parse(shared_corpus):
    _check_corpus(shared_corpus)


@pytest.mark.slow
def test_timex_corpus_dates_and_durations_with_the_pipeline_parse(shared_corpus, resources):
    nlp = resources.nlps["fr"]
    _check_corpus(shared_corpus, doc_for=nlp)


def test_timex_corpus_every_evidence_span_is_exact(shared_corpus):
    for path in sorted(shared_corpus.glob("*.txt")):
        article = _article(path)
        for claim in extract(ArticleContext(article=article, doc=None, gazetteer=None, pack=None)):
            ev = claim.evidence
            assert ev.text == article.text[ev.start:ev.end]
            assert ev.extractor == EXTRACTOR
            assert claim.slot in ("date", "duration")
