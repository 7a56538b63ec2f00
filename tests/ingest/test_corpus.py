"""Real-corpus tests on ../shared/corpus/aes-russia-2025-04 (skipped when ../shared is absent).

Must / must-not assertions: no junk line survives, the body is intact, bylines, signatures,
the dateline and the credits are read. Author names are normalised to capitalised form
("PAR SIKOU BAH" -> "Sikou Bah"), see recoupe.ingest.metadata.
"""

from __future__ import annotations

import re

import pytest

from recoupe.ingest import LanguageDetector, build_article
from recoupe.ingest.reader import read_paths
from recoupe.records import Article

# Junk that must not survive anywhere (checked line by line, case-insensitive).
JUNK = [
    r"laisser un commentaire",
    r"votre adresse e-mail ne sera pas publiée",
    r"suivez-nous",
    r"^a lire aussi",
    r"ecoutez les radios",
    r"ORTM en direct",
    r"à propos de l'auteur",
    r"^AES Diplomatie$",
    r"^PAR SIKOU BAH$",
    r"^Source : ",
    r"^DCRP/",
]

# Body sentences (fragments) that must still be there, one or more per file.
BODY = {
    "000": ["Pendant près de deux heures d’échanges fructueux", "Sergueï Lavrov, chef de la diplomatie russe",
            "La prochaine rencontre devrait préciser les modalités pratiques"],
    "001": ["Après environ 1h30 d’échanges", "Un communiqué conjoint a sanctionné cette première rencontre"],
    "002": ["effectueront une visite officielle à Moscou les 3 et 4 avril 2025", "Un sommet stratégique pour l’AES à Moscou",
            "Au terme de cette rencontre, des annonces majeures pourraient être faites"],
    "003": ["ont entamé des pourparlers avec Sergueï Lavrov à Moscou ce jeudi 3 avril",
            "«Notre avenir linguistique n’a aucun problème», car l’AES envisage de promouvoir ses langues nationales."],
    "004": ["Les Parties sont convenues du renforcement des capacités opérationnelles",
            "s’est tenue en Russie les 4 et 5 avril 2025."],
}


@pytest.fixture(scope="module")
def articles(shared_corpus) -> dict[str, Article]:
    detector = LanguageDetector()
    out = {}
    for raw in read_paths([str(shared_corpus)]):
        article = build_article(raw, detector)
        assert isinstance(article, Article), article
        out[raw.path.rsplit("/", 1)[-1][:3]] = article
    assert sorted(out) == ["000", "001", "002", "003", "004"]
    return out


def test_corpus_no_junk_line_survives(articles):
    for key, article in articles.items():
        for line in article.text.split("\n\n"):
            for pattern in JUNK:
                assert not re.search(pattern, line, re.IGNORECASE), (key, pattern, line)


def test_corpus_body_is_intact(articles):
    for key, fragments in BODY.items():
        for fragment in fragments:
            assert fragment in articles[key].text, (key, fragment)


def test_corpus_every_removed_line_is_junk_or_metadata_not_body(articles):
    for article in articles.values():
        for removed in article.removed:
            assert len(removed.line.split()) < 50, removed
            assert removed.reason in {"comment-prompt", "social", "related-link", "author-box", "link-list",
                                      "section-label", "byline", "signature", "credit"}, removed


def test_corpus_bylines_and_signatures_are_read(articles):
    assert articles["003"].author == "Sikou Bah"
    assert articles["000"].author == "Amen K."
    assert articles["004"].author == "Oumar Diakite"
    assert articles["002"].author == "Amina Kabo Djarmah"  # a named signature beats "Écrit par La Redaction"
    assert ("PAR SIKOU BAH", "byline") in {(r.line, r.reason) for r in articles["003"].removed}


def test_corpus_dateline_of_001(articles):
    article = articles["001"]
    assert article.dateline_place in ("Moscou", "Moscow")
    assert article.published == "2025-04-03"
    assert article.text.split("\n\n")[1] == "Moscou, le 03 avril 2025"


def test_corpus_credits(articles):
    assert any("Info Matin" in c for c in articles["003"].credits)
    assert articles["003"].outlet == "Info Matin"
    assert "DCRP/MAECR-BE" in articles["001"].credits


def test_corpus_titles_languages_and_ids(articles):
    assert articles["002"].title == "L’AES et la Russie renforcent leur coopération diplomatique"
    assert articles["003"].title.startswith("Première consultation politique")
    for article in articles.values():
        assert article.language == "fr"
        assert article.text.split("\n\n")[0] == article.title
    assert len({a.id for a in articles.values()}) == 5
