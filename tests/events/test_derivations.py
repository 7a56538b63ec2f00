"""Copies, rewrites, their direction, and independence groups."""

from __future__ import annotations

import pytest

from recoupe.events.derivations import aligned_sentences, find_derivations, independence_groups
from recoupe.records import Derivation

SOURCE = ("Le ministre malien des Affaires étrangères Abdoulaye Diop a reçu mardi à Bamako une délégation "
          "de la Banque mondiale conduite par sa vice-présidente pour l'Afrique de l'Ouest. Les deux parties "
          "ont passé en revue le portefeuille de projets, estimé à 2,1 milliards de dollars, et les "
          "décaissements prévus pour l'année. La délégation a confirmé le financement d'une centrale solaire "
          "de 50 mégawatts à Ségou. Le ministre a salué un partenariat qu'il juge exemplaire et a demandé "
          "une accélération des projets dans le nord du pays.")
COPY = SOURCE.replace("a salué un partenariat qu'il juge exemplaire", "a salué un partenariat exemplaire") + \
    " (Avec AMAP)"
INDEPENDENT = ("À Niamey, les autorités nigériennes ont inauguré jeudi un nouveau pont sur le fleuve Niger, "
               "financé par des fonds nationaux. Le chef de l'État a coupé le ruban devant des centaines "
               "d'habitants. Les travaux ont duré trois ans et ont employé plus de mille ouvriers locaux.")


def test_derivations_near_copy_is_a_copy_of_the_more_specific_text(new_article):
    a, b = new_article(SOURCE), new_article(COPY)
    found = find_derivations([a, b], None)
    assert len(found) == 1
    assert found[0].kind == "copy" and 0.5 <= found[0].score <= 1.0


def test_derivations_direction_follows_publication_date(new_article):
    early, late = new_article(SOURCE, published="2025-03-01"), new_article(COPY, published="2025-03-02")
    (d,) = find_derivations([late, early], None)
    assert (d.article, d.source) == (late.id, early.id)
    early2, late2 = new_article(COPY, published="2025-03-01"), new_article(SOURCE, published="2025-03-05")
    (d2,) = find_derivations([early2, late2], None)
    assert d2.source == early2.id


def test_derivations_unrelated_articles_are_not_linked(new_article):
    assert find_derivations([new_article(SOURCE), new_article(INDEPENDENT)], None) == []


def test_derivations_result_does_not_depend_on_argument_order(new_article):
    arts = [new_article(SOURCE), new_article(COPY), new_article(INDEPENDENT)]
    assert find_derivations(arts, None) == find_derivations(list(reversed(arts)), None)


def test_derivations_alignment_rewards_order():
    import numpy as np

    diagonal = np.eye(4) * 0.9
    crossed = np.fliplr(diagonal)
    assert aligned_sentences(diagonal) == 4
    assert aligned_sentences(crossed) == 1


def test_derivations_independence_groups_are_connected_components():
    derivations = [Derivation("b", "a", "copy", 0.9), Derivation("c", "b", "rewrite", 0.6)]
    assert independence_groups(["d", "c", "b", "a", "e"], derivations) == [("a", "b", "c"), ("d",), ("e",)]


def test_derivations_independence_groups_ignore_links_outside_the_event():
    assert independence_groups(["a", "b"], [Derivation("a", "zzz", "copy", 1.0)]) == [("a",), ("b",)]


REWRITE_SOURCE = ("Les ministres de la Défense du Mali, du Burkina Faso et du Niger se sont réunis lundi à Ouagadougou. "
                  "Ils ont validé le concept opérationnel de la force unifiée de 5000 hommes. "
                  "Le quartier général de la force sera installé à Niamey, a précisé le ministre burkinabè. "
                  "Les trois pays financeront la force sur leurs budgets nationaux pendant deux ans. "
                  "La prochaine réunion des chefs d'état-major est prévue en juillet à Bamako. "
                  "Les ministres ont aussi demandé la création d'une école de formation commune pour les officiers. "
                  "Enfin, ils ont condamné les attaques terroristes qui ont frappé le nord du Burkina Faso la semaine dernière.")
REWRITE = ("Réunis ce lundi dans la capitale burkinabè, les responsables de la Défense des trois pays sahéliens "
           "ont adopté le concept d'opérations de la force unifiée, forte de 5000 soldats. "
           "Selon le ministre du Burkina, l'état-major de cette force siègera à Niamey. "
           "Durant deux années, chaque État financera la force grâce à son budget national. "
           "Les chefs d'état-major se retrouveront à Bamako en juillet. "
           "Une école commune pour former les officiers a par ailleurs été réclamée par les ministres. "
           "Les attaques terroristes de la semaine passée dans le nord burkinabè ont enfin été condamnées.")
SAME_TOPIC = ("La force unifiée des pays du Sahel fait débat parmi les analystes. Pour un chercheur de Dakar, "
              "la question des moyens aériens reste entière et le recrutement prendra du temps. "
              "Plusieurs partenaires étrangers ont proposé leur aide, sans réponse officielle pour l'instant. "
              "Les populations attendent surtout des résultats sur le terrain, notamment dans la zone des trois frontières.")


@pytest.mark.slow
def test_derivations_rewrite_detected_and_same_topic_not(encoder, new_article):
    source, rewrite, other = new_article(REWRITE_SOURCE), new_article(REWRITE), new_article(SAME_TOPIC)
    found = find_derivations([other, rewrite, source], encoder)
    assert [(d.article, d.source, d.kind) for d in found] == [(rewrite.id, source.id, "rewrite")] or \
        [(d.article, d.source, d.kind) for d in found] == [(source.id, rewrite.id, "rewrite")]
    assert 0.0 < found[0].score <= 1.0


@pytest.mark.slow
def test_derivations_shared_corpus_only_000_rewrites_001(encoder, corpus_articles):
    found = find_derivations(list(corpus_articles.values()), encoder)
    names = {a.id: n for n, a in corpus_articles.items()}
    assert [(names[d.article], names[d.source], d.kind) for d in found] == [("000", "001", "rewrite")]
    groups = independence_groups([a.id for a in corpus_articles.values()], found)
    assert sorted(sorted(names[i] for i in g) for g in groups) == [["000", "001"], ["002"], ["003"], ["004"]]


PARA_SOURCE = """Les ministres de l'Agriculture du Mali, du Burkina Faso et du Niger se sont retrouvés mardi à Niamey pour une réunion consacrée à la campagne agricole.

Ils ont adopté un plan commun de distribution de 120 000 tonnes d'engrais avant le début de la saison des pluies, financé à parts égales par les trois États.

Le ministre nigérien a annoncé la création d'une banque de semences régionale installée à Maradi, qui devrait ouvrir ses portes en septembre prochain.

Les trois délégations ont également évoqué la lutte contre les criquets pèlerins, dont une invasion menace les zones pastorales du nord.

La prochaine réunion se tiendra à Ouagadougou au mois de novembre, pour dresser le bilan de la campagne et préparer la suivante."""

PARA_REWRITE = """Réunis ce mardi dans la capitale nigérienne, les responsables de l'Agriculture des trois pays sahéliens ont consacré leurs travaux à la saison agricole à venir.

Un programme conjoint prévoit de livrer 120 000 tonnes d'engrais aux producteurs avant l'arrivée des pluies ; chaque État en paiera un tiers.

Côté nigérien, on annonce une banque régionale de semences : basée à Maradi, elle devrait être opérationnelle dès septembre.

Les menaces que font peser les criquets pèlerins sur les pâturages du nord ont aussi été au centre des échanges entre délégations.

Rendez-vous est pris pour novembre à Ouagadougou, où les ministres feront le point sur la saison écoulée avant de préparer la prochaine."""

# The same facts as PARA_SOURCE, gathered independently: another order, other paragraph cuts.
PARA_INDEPENDENT = """Une invasion de criquets pèlerins menace les zones pastorales du nord du Niger, ont alerté mardi à Niamey les ministres de l'Agriculture de l'AES, qui prévoient de se revoir en novembre à Ouagadougou.

Maradi accueillera une banque de semences régionale, a indiqué le ministre nigérien à l'issue de la rencontre, en ajoutant qu'elle ouvrirait en septembre. Les éleveurs de la région réclament de leur côté des points d'eau supplémentaires.

Des engrais, 120 000 tonnes au total, seront distribués avant les pluies. Les paysans rencontrés au marché de Niamey se disent sceptiques sur les délais annoncés.

Un responsable d'une organisation paysanne juge que le prix des intrants reste le premier obstacle pour les petits producteurs de la sous-région."""


@pytest.mark.slow
def test_derivations_paragraph_by_paragraph_rewrite_detected(encoder, new_article):
    source = new_article(PARA_SOURCE, published="2025-05-06")
    rewrite = new_article(PARA_REWRITE, published="2025-05-07")
    found = find_derivations([rewrite, source], encoder)
    assert [(d.article, d.source, d.kind) for d in found] == [(rewrite.id, source.id, "rewrite")]


@pytest.mark.slow
def test_derivations_same_facts_in_another_order_are_independent(encoder, new_article):
    one = new_article(PARA_SOURCE, published="2025-05-06")
    other = new_article(PARA_INDEPENDENT, published="2025-05-06")
    assert find_derivations([one, other], encoder) == []

