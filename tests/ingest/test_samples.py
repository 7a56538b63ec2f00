"""Our own sample corpus (samples/) against its truth in docs/SAMPLES.md.

The expected values below are copied from docs/SAMPLES.md (the "Files" table and the
"Junk lines to remove" list); when an article changes, both change in the same commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.ingest import LanguageDetector, build_article
from recoupe.ingest.metadata import normalise_name
from recoupe.ingest.reader import read_paths
from recoupe.records import Article

# file (or "feed.jsonl:N") -> (author, published day, outlet, language); outlet None where
# docs/SAMPLES.md says the text does not state it (01: only in the body, 03: only in the
# author box, 09: absent), and then nothing is asserted about it.
TRUTH: dict[str, tuple[str, str, str | None, str]] = {
    "01_sahel-quotidien_preview-ankara.txt": ("Zeinabou HAMIDOU", "2025-03-10", None, "fr"),
    "02_eclaireur-bamako_ankara.txt": ("Fatoumata DEMBÉLÉ", "2025-03-13", "L'Éclaireur de Bamako", "fr"),
    "03_veilleur-niger_ankara-reecriture.txt": ("Abdoul Razak SOUMANA", "2025-03-14", None, "fr"),
    "04_burkina-horizon_communique-ankara.html": ("Wendkouni ZONGO", "2025-03-14", "Burkina Horizon", "fr"),
    "05_ouaga-express_ankara.html": ("Boukary ILBOUDO", "2025-03-14", "Ouaga Express", "fr"),
    "06_afriqueactu24_copie-ankara.txt": ("Fatoumata DEMBÉLÉ", "2025-03-14", "AfriqueActu24", "fr"),
    "07_sahel-wire_ankara-en.txt": ("Grace MENSAH", "2025-03-13", "Sahel Wire", "en"),
    "08_veilleur-niger_niamey-energie-latin1.txt": ("Halima GARBA", "2025-04-02", "Le Veilleur du Niger", "fr"),
    "09_eclaireur-bamako_niamey-energie.txt": ("Seydou KANTÉ", "2025-04-03", None, "fr"),
    "10_eclaireur-bamako_bamako-session2.txt": ("Fatoumata DEMBÉLÉ", "2025-06-17", "L'Éclaireur de Bamako", "fr"),
    "feed.jsonl:1": ("Ibrahim MOUSSA", "2025-03-14", "Sahel Quotidien", "fr"),
    "feed.jsonl:2": ("Ibrahim MOUSSA", "2025-04-02", "Sahel Quotidien", "fr"),
    "feed.jsonl:3": ("Aminata SAWADOGO", "2025-06-18", "Burkina Horizon", "fr"),
}
DATELINES = {
    "01_sahel-quotidien_preview-ankara.txt": "Niamey",
    "02_eclaireur-bamako_ankara.txt": "Ankara",
    "05_ouaga-express_ankara.html": "Ouagadougou",
    "06_afriqueactu24_copie-ankara.txt": "Ankara",
    "07_sahel-wire_ankara-en.txt": "Ankara",
    "08_veilleur-niger_niamey-energie-latin1.txt": "Niamey",
    "10_eclaireur-bamako_bamako-session2.txt": "Bamako",
    "feed.jsonl:2": "Niamey",
}
# The title is the first non-junk line; the number of junk lines above it (SAMPLES.md).
LINES_ABOVE_TITLE = {
    "01_sahel-quotidien_preview-ankara.txt": 1,
    "02_eclaireur-bamako_ankara.txt": 1,
    "06_afriqueactu24_copie-ankara.txt": 2,
}
# Starts of the junk lines listed in SAMPLES.md, and the page junk of the HTML samples
# (cookie banners, sidebars, reader comments). None may survive anywhere in a cleaned text.
JUNK = (
    "Suivez-nous", "Partagez cet article", "Rejoignez notre", "Abonnez-vous", "Follow us",
    "A lire aussi", "À lire aussi", "Laisser un commentaire", "Votre adresse e-mail",
    "À propos de l'auteur", "Tags :", "Accueil |", "Voyance", "©", "cookies", "Les plus lus",
    "C'était jeudi", "Que Dieu bénisse", "commentaires",
)
# Metadata lines are taken out of the text too (kept in `removed`).
METADATA_STARTS = ("Par ", "By ", "Écrit par", "Publié le", "Source :", "(Reporting by")


@pytest.fixture(scope="module")
def articles(samples_dir: Path) -> dict[str, Article]:
    detector = LanguageDetector()
    out: dict[str, Article] = {}
    for raw in read_paths([str(samples_dir)]):
        article = build_article(raw, detector)  # type: ignore[arg-type]
        assert isinstance(article, Article), article
        out[Path(article.path).name] = article
    return out


def test_samples_every_article_is_read(articles):
    assert set(articles) == set(TRUTH)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_samples_metadata_is_the_documented_truth(articles, name):
    article = articles[name]
    author, published, outlet, language = TRUTH[name]
    assert article.author == normalise_name(author)
    assert article.published == published
    assert article.language == language
    if outlet is not None:
        assert article.outlet == outlet
    assert article.dateline_place == DATELINES.get(name)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_samples_no_junk_or_metadata_line_survives(articles, name):
    paragraphs = articles[name].text.split("\n\n")
    for paragraph in paragraphs:
        assert not any(junk.lower() in paragraph.lower() for junk in JUNK), paragraph
        assert not paragraph.startswith(METADATA_STARTS), paragraph
        assert " | " not in paragraph, paragraph  # banners, menus and link lists


@pytest.mark.parametrize("name", sorted(n for n in TRUTH if n.endswith(".txt")))
def test_samples_plain_text_title_is_the_first_line_that_is_not_junk(articles, samples_dir, name):
    raw = (samples_dir / name).read_bytes()
    text = raw.decode("utf-8") if name != "08_veilleur-niger_niamey-energie-latin1.txt" else raw.decode("latin-1")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    expected = lines[LINES_ABOVE_TITLE.get(name, 0)]
    assert articles[name].title == expected
    assert articles[name].text.split("\n\n")[0] == expected


def test_samples_declared_titles_of_html_and_feed(articles):
    assert articles["04_burkina-horizon_communique-ankara.html"].title.startswith("Communiqué conjoint AES–Türkiye")
    assert articles["05_ouaga-express_ankara.html"].title.startswith("Ankara : l'AES et la Türkiye")
    assert articles["feed.jsonl:2"].title == "Kollo : la centrale solaire qui doit éclairer Niamey"


def test_samples_copy_credits_its_original_but_is_published_by_the_aggregator(articles):
    copy = articles["06_afriqueactu24_copie-ankara.txt"]
    reasons = {r.line: r.reason for r in copy.removed}
    assert reasons["14 mars 2025 - 07:15"] == "pubdate"
    assert any("Éclaireur de Bamako" in c for c in copy.credits)
    wire = articles["07_sahel-wire_ankara-en.txt"]
    assert "credit" in {r.reason for r in wire.removed} and wire.credits
