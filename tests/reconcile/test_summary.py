"""The extractive summary: lead sentences of the most central report."""

from __future__ import annotations

from reconcile_scenes import ENTITIES, article, meeting

from recoupe.records import Event
from recoupe.reconcile import build_dossier
from recoupe.reconcile.summary import SUMMARY_MAX_CHARS, lead_sentences


def test_summary_comes_from_the_report_backing_most_facts():
    s = meeting()
    d = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES)
    communique = next(a for a in s.articles if a.id == s.id("communique"))
    assert d.summary.startswith("Les chefs de la diplomatie de l'AES")
    assert "Après environ 1h30" in d.summary
    assert d.summary.split(". ")[0] in communique.text
    assert "Moscou, le 3 avril 2025" not in d.summary  # the dateline is not prose
    assert "un cadre de concertation est né" not in d.summary  # nor is the title


def test_summary_never_picks_a_preview_when_a_report_exists():
    s = meeting()
    keep = (s.id("preview"), s.id("weekly"))
    d = build_dossier(Event("ev", "t", keep, {k: s.event.kinds[k] for k in keep}), s.articles, s.claims, [], ENTITIES)
    assert d.summary.startswith("Cette première réunion s'est tenue à Moscou")


def test_summary_lead_is_at_most_three_sentences_and_short():
    text = "Titre\n" + " ".join(f"Phrase numéro {i} qui raconte un fait important de la réunion des ministres." for i in range(9))
    lead = lead_sentences(article(text, title="Titre"))
    assert lead.count("Phrase numéro") <= 3
    assert len(lead) <= SUMMARY_MAX_CHARS
    assert lead.startswith("Phrase numéro 0")


def test_summary_keeps_a_second_sentence_after_a_long_first_one():
    first = "Les ministres des Affaires étrangères " + "de la confédération et leurs homologues " * 8 + "se sont réunis ce jeudi."
    second = "Une rencontre inédite, qui installe la relation sur un terrain institutionnel durable et concret."
    third = "Une troisième phrase qui ne doit plus entrer dans le résumé parce qu'il est déjà assez long pour un écran."
    lead = lead_sentences(article(f"Titre\n{first} {second} {third}", title="Titre"))
    assert len(first) + len(second) > SUMMARY_MAX_CHARS
    assert lead == f"{first} {second}"
