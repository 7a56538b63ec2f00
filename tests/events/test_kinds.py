"""Article kinds from hand-made texts and from the shared corpus."""

from __future__ import annotations

import pytest

from recoupe.events.kinds import classify, strip_quotes

PREVIEW = ("Les ministres des Affaires étrangères du Mali, du Niger et du Burkina Faso se rendront à Dakar "
           "la semaine prochaine. Ils porteront un message de fermeté. Les discussions porteront sur la sécurité. "
           "Cette visite sera l'occasion de relancer le dialogue et des accords pourraient être signés.")
REPORT = ("Les ministres des Affaires étrangères du Mali et du Niger ont tenu une réunion à Niamey jeudi. "
          "Ils ont signé un accord de défense et ont annoncé la création d'une force commune. "
          "« Nous allons renforcer notre coopération et nous irons plus loin », a déclaré le ministre.")
COMMUNIQUE = ("Communiqué conjoint\nLes Parties sont convenues de renforcer la coopération sécuritaire. "
              "La Partie malienne a salué le soutien de la Partie russe. Les Parties ont décidé de se revoir.")
ABOUT_COMMUNIQUE = ("Selon le communiqué conjoint publié jeudi, les Parties sont convenues de renforcer leur "
                    "coopération. La Partie russe a réitéré son soutien, précise le communiqué. Le ministre a salué l'accord.")
OPINION = ("Éditorial\nÀ notre avis, la rupture avec la CEDEAO a été précipitée. Je pense que les dirigeants "
           "ont sous-estimé le coût économique pour mes compatriotes.")


def test_kinds_future_tense_text_is_preview(new_article):
    assert classify(new_article(PREVIEW)) == "preview"


def test_kinds_past_tense_report_with_future_in_quotes_stays_report(new_article):
    assert classify(new_article(REPORT)) == "report"


def test_kinds_official_convention_voice_is_communique(new_article):
    assert classify(new_article(COMMUNIQUE)) == "communique"


def test_kinds_article_citing_a_communique_is_a_report(new_article):
    assert classify(new_article(ABOUT_COMMUNIQUE)) == "report"


def test_kinds_editorial_is_opinion(new_article):
    assert classify(new_article(OPINION)) == "opinion"


def test_kinds_press_office_signature_with_convention_voice_is_communique(new_article):
    text = "Les Parties sont convenues d'un calendrier de travail sur l'énergie et les transports."
    assert classify(new_article(text)) == "report"
    assert classify(new_article(text, credits=("Cellule de communication du ministère",))) == "communique"


def test_kinds_planned_date_claims_tip_an_ambiguous_text_to_preview(new_article, new_claim):
    text = "Les ministres se réuniront à Bamako le 12 mai. Ils discuteront de sécurité. Le sommet a été annoncé hier."
    article = new_article(text)
    planned = new_claim(article, "date", "2025-05-12", "12 mai", planned=True, about_event=True)
    happened = new_claim(article, "date", "2025-05-12", "12 mai", planned=False, about_event=True)
    assert classify(article, (planned,)) == "preview"
    assert classify(article, (happened, happened)) == "report"


def test_kinds_strip_quotes_keeps_length_and_blanks_quotes():
    text = "Il a dit « nous viendrons » hier."
    stripped = strip_quotes(text)
    assert len(stripped) == len(text)
    assert "viendrons" not in stripped and "hier" in stripped


@pytest.mark.parametrize("number,kind", [("000", "report"), ("001", "report"), ("002", "preview"),
                                         ("003", "report"), ("004", "report")])
def test_kinds_shared_corpus(corpus_articles, number, kind):
    assert classify(corpus_articles[number]) == kind
