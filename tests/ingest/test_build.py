"""build_article: decoding, HTML extraction, declared metadata, language, ids."""

from __future__ import annotations

import random

import pytest

from recoupe.ingest import LanguageDetector, build_article
from recoupe.ingest.reader import read_paths
from recoupe.records import Article, RawDocument, Rejected, article_id

FRENCH = (
    "Coopération : l’AES et la Russie signent un accord\n\n"
    "Ouagadougou, le 5 mai 2025\n\n"
    "Les ministres de l’Alliance des États du Sahel ont signé un accord de coopération énergétique "
    "avec la Russie. « C’est une étape décisive », a déclaré le ministre burkinabè, qui a salué "
    "un partenariat « sincère et durable ».\n\n"
    "Lire aussi : Le Niger relance son programme nucléaire civil\n\n"
    "Par Issa Kaboré\n\n"
    "Laisser un commentaire\n"
)

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Sécurité : Niamey accueille les chefs d'état-major | Sahel Matin</title>
<meta property="og:site_name" content="Sahel Matin">
<meta property="og:title" content="Sécurité : Niamey accueille les chefs d'état-major">
<meta name="author" content="Aïchatou Hamani">
<meta property="article:published_time" content="2025-03-12T09:30:00+01:00">
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/economie">Économie</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Sécurité : Niamey accueille les chefs d'état-major</h1>
<p>Les chefs d'état-major des armées du Mali, du Burkina Faso et du Niger se sont réunis mardi à Niamey
pour faire le point sur la force unifiée de la Confédération, selon un communiqué du ministère de la Défense.</p>
<p>Les discussions ont porté sur le partage du renseignement et la sécurisation des frontières communes,
a précisé le communiqué, qui annonce une nouvelle réunion à Bamako dans trois mois.</p>
</article></main>
<section id="comments" class="comments-area"><h2>3 commentaires</h2>
<div class="comment"><p>Bravo à nos armées, enfin une vraie coopération entre nos trois pays frères du Sahel !</p></div>
<div class="comment"><p>Il faut aussi parler des populations déplacées qui attendent depuis des mois.</p></div>
</section>
<footer><p>© 2025 Sahel Matin. Tous droits réservés.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def _text_doc(text: str, **declared: str) -> RawDocument:
    return RawDocument(path="a.txt", fmt="text", data=text.encode("utf-8"), declared=declared)


def test_build_article_plain_text_cleaned_with_metadata(detector):
    article = build_article(_text_doc(FRENCH), detector)
    assert isinstance(article, Article)
    assert article.title == "Coopération : l’AES et la Russie signent un accord"
    assert article.text.split("\n\n")[:2] == [article.title, "Ouagadougou, le 5 mai 2025"]
    assert (article.author, article.published, article.dateline_place) == ("Issa Kaboré", "2025-05-05", "Ouagadougou")
    assert article.language == "fr" and article.kind == "unknown"
    assert [r.reason for r in article.removed] == ["related-link", "byline", "comment-prompt"]
    assert "Lire aussi" not in article.text and "commentaire" not in article.text
    assert article.id == article_id(article.text)


def test_build_article_same_text_same_id_whatever_the_file(detector):
    a = build_article(_text_doc(FRENCH), detector)
    b = build_article(RawDocument(path="b.md", fmt="text", data=FRENCH.replace("\n", "\r\n").encode("utf-8")), detector)
    assert a.id == b.id


def test_build_article_latin1_file_comes_out_right(tmp_path, detector):
    text = FRENCH.replace("’", "'").replace("«", '"').replace("»", '"')
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    (raw,) = list(read_paths([str(path)]))
    article = build_article(raw, detector)
    assert "Coopération : l'AES" in article.text and "États du Sahel" in article.text
    assert "décisive" in article.text and "burkinabè" in article.text


def test_build_article_cp1252_curly_quotes_come_out_right(detector):
    raw = RawDocument(path="w.txt", fmt="text", data=FRENCH.encode("cp1252"))
    article = build_article(raw, detector)
    assert "l’Alliance des États" in article.text and "« C’est une étape décisive »" in article.text


def test_build_article_undecodable_is_rejected():
    noise = random.Random(7)
    raw = RawDocument(path="x.txt", fmt="text", data=bytes(noise.randrange(0x80, 0x100) for _ in range(3000)))
    result = build_article(raw, LanguageDetector())
    assert isinstance(result, Rejected) and result.reason.startswith("undecodable")


def test_build_article_utf8_with_one_corrupt_byte_is_still_read(detector):
    data = FRENCH.encode("utf-8").replace("signé".encode("utf-8"), b"sign\xff", 1)
    article = build_article(RawDocument(path="c.txt", fmt="text", data=data), detector)
    assert isinstance(article, Article) and "sign\ufffd un accord" in article.text and "États" in article.text


def test_build_article_only_junk_is_rejected(detector):
    result = build_article(_text_doc("Laisser un commentaire\n\nSuivez-nous sur Facebook\n"), detector)
    assert isinstance(result, Rejected) and "no text left" in result.reason


def test_build_article_html_page_without_nav_and_comments(detector):
    raw = RawDocument(path="p.html", fmt="html", data=PAGE.encode("utf-8"))
    article = build_article(raw, detector)
    assert isinstance(article, Article)
    assert article.text.startswith("Sécurité : Niamey accueille les chefs d'état-major\n\n")
    assert "partage du renseignement" in article.text
    for junk in ("Accueil", "Politique", "Bravo à nos armées", "populations déplacées", "commentaires", "©"):
        assert junk not in article.text, junk
    assert article.outlet == "Sahel Matin" and article.author == "Aïchatou Hamani"
    assert article.published == "2025-03-12" and article.language == "fr"


def test_build_article_declared_metadata_wins(detector):
    raw = RawDocument(path="l.jsonl:1", fmt="text", text=FRENCH,
                      declared={"author": "ADAMA SANGARÉ", "published": "2025-05-06T08:00:00Z", "outlet": "Le Pays",
                                "url": "https://lepays.bf/a"})
    article = build_article(raw, detector)
    assert article.author == "Adama Sangaré"
    assert (article.published, article.outlet, article.url) == ("2025-05-06", "Le Pays", "https://lepays.bf/a")
    assert article.dateline_place == "Ouagadougou"


def test_language_detector_short_text_is_none_and_english_is_en(detector):
    assert detector.detect("Moscou") is None
    assert detector.detect("The foreign ministers met in Moscow on Thursday to discuss security.") == "en"
    assert detector.detect("Les ministres se sont réunis jeudi à Moscou pour parler de sécurité.") == "fr"


def test_build_article_declared_french_date_and_title_first(detector):
    raw = RawDocument(path="l.jsonl:2", fmt="text", text="Les ministres se sont réunis jeudi à Niamey pour parler d'énergie.",
                      declared={"published": "3 avril 2025", "title": "Niamey : réunion sur l'énergie"})
    article = build_article(raw, detector)
    assert article.published == "2025-04-03"
    assert article.text.startswith("Niamey : réunion sur l'énergie\n\nLes ministres")


AGGREGATOR_COPY = (
    "InfoSahel360 | Le Sahel minute par minute\n"
    "Accueil | Politique | Société | Sport\n\n"
    "Gao : la route nationale rouverte après six mois de travaux\n\n"
    "Par InfoSahel360 avec Le Courrier de Gao\n"
    "2 juin 2025 - 08:30\n\n"
    "Gao, le 1er juin 2025 – La route nationale reliant Gao à Ansongo a été rouverte dimanche "
    "après six mois de travaux, a annoncé le gouverneur de la région lors d'une cérémonie.\n\n"
    "Les transporteurs saluent une baisse attendue des temps de trajet et des coûts, selon "
    "le syndicat des routiers.\n\n"
    "Aminata CISSÉ\n\n"
    "Rejoignez notre chaîne WhatsApp pour ne rien manquer\n"
    "Tags : Gao, routes, transport\n"
)

WIRE = (
    "Niger reopens border crossing with Benin after two years\n\n"
    "By Kwame OSEI\n"
    "2 June 2025, 14:10 GMT\n\n"
    "NIAMEY, June 2 (Sahel Newswire) - Niger reopened its main border crossing with Benin on "
    "Monday, two years after it was closed, the interior ministry said in a statement.\n\n"
    "Traders welcomed the decision, which they said would lower the price of goods in Niamey.\n\n"
    "(Reporting by Kwame Osei; Editing by Anna Berg)\n\n"
    "© Sahel Newswire 2025. All rights reserved.\n"
)

REWRITE_WITH_BOX = (
    "Tillabéri : les écoles rouvrent leurs portes après les congés\n\n"
    "Écrit par Issa Boubacar MAÏGA\n\n"
    "Les élèves de la région de Tillabéri ont repris le chemin de l'école lundi, après deux "
    "semaines de congés, a indiqué la direction régionale de l'enseignement.\n\n"
    "Les enseignants espèrent une année plus calme que la précédente, selon leur syndicat.\n\n"
    "I.B.M.\n\n"
    "À propos de l'auteur\n"
    "Issa Boubacar MAÏGA est reporter au service Société. Il couvre l'éducation depuis 2018.\n"
)


def test_build_article_aggregator_copy_banner_outlet_and_author(detector):
    article = build_article(_text_doc(AGGREGATOR_COPY), detector)
    assert isinstance(article, Article)
    assert article.title == "Gao : la route nationale rouverte après six mois de travaux"
    assert article.outlet == "InfoSahel360" and article.author == "Aminata Cissé"
    assert (article.published, article.dateline_place) == ("2025-06-02", "Gao")
    assert "Le Courrier de Gao" in article.credits
    reasons = [r.reason for r in article.removed]
    assert reasons == ["banner", "navigation", "byline", "pubdate", "signature", "social", "tags"]
    assert article.text.startswith(article.title) and article.text.endswith("selon le syndicat des routiers.")


def test_build_article_english_wire_story(detector):
    article = build_article(_text_doc(WIRE), detector)
    assert isinstance(article, Article)
    assert (article.author, article.published, article.dateline_place) == ("Kwame Osei", "2025-06-02", "Niamey")
    assert article.outlet == "Sahel Newswire" and article.language == "en"
    assert [r.reason for r in article.removed] == ["byline", "pubdate", "credit", "copyright"]
    assert "Reporting by Kwame Osei; Editing by Anna Berg" in article.credits
    assert article.text.split("\n\n")[-1].startswith("Traders welcomed")


def test_build_article_initials_signature_and_author_bio_are_removed(detector):
    article = build_article(_text_doc(REWRITE_WITH_BOX), detector)
    assert isinstance(article, Article)
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons["I.B.M."] == "signature" and reasons["À propos de l'auteur"] == "author-box"
    assert [r for r in reasons.values()].count("author-box") == 2
    assert article.author == "Issa Boubacar Maïga"
    assert article.text.split("\n\n")[-1].startswith("Les enseignants espèrent")
