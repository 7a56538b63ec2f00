"""Domains of cooperation: lexicon hits, traps, weak words, evidence spans."""

from __future__ import annotations

import spacy
import pytest

from recoupe.extract import domains
from recoupe.extract.context import ArticleContext
from recoupe.extract.packs import LanguagePack
from recoupe.records import Article, article_id


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def _claims(text: str, nlp) -> list:
    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=nlp(text), gazetteer=None, pack=LanguagePack("fr", "fr_core_news_md"))
    return domains.extract(ctx)


def _keys(text: str, nlp) -> list[str]:
    return [c.value for c in _claims(text, nlp)]


def test_domains_lists_every_field_of_an_enumeration(blank):
    text = ("Les deux pays veulent coopérer dans les domaines de la défense, de l'économie, de l'énergie "
            "nucléaire, de l'enseignement supérieur, des transports, des télécommunications et des médias.")
    assert set(_keys(text, blank)) == {"security", "economy", "energy", "education", "transport",
                                       "telecom", "media"}


def test_domains_evidence_is_the_trigger_and_exact(blank):
    text = "Le partenariat couvre les technologies de l’information et de la communication."
    (claim,) = _claims(text, blank)
    assert claim.value == "telecom"
    assert claim.evidence.text == "technologies de l’information et de la communication"
    assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert claim.evidence.extractor == domains.EXTRACTOR
    assert claim.attrs["trigger"] == "technologies de l'information et de la communication"
    assert claim.attrs["cooperation"] is True


def test_domains_security_council_is_diplomacy_not_security(blank):
    assert _keys("Le Mali a saisi le Conseil de sécurité des Nations unies.", blank) == ["diplomacy"]


def test_domains_government_formation_and_energy_of_a_speaker_are_no_domain(blank):
    assert _keys("Après la formation du gouvernement, le Premier ministre a parlé avec énergie.", blank) == []


def test_domains_foreign_minister_title_is_not_diplomacy(blank):
    assert _keys("Le ministre des Affaires étrangères et le chef de la diplomatie russe sont arrivés.", blank) == []


def test_domains_weak_word_needs_a_cooperation_context(blank):
    assert _keys("Il a suivi une formation à Paris.", blank) == []
    assert _keys("Le partenariat porte sur la formation et la culture.", blank) == ["education", "culture"]


def test_domains_cooperation_flag_follows_the_sentence(blank):
    claims = _claims("Le terrorisme frappe le Sahel. Les deux pays signent un accord sur l'énergie.", blank)
    assert [(c.value, c.attrs["cooperation"]) for c in claims] == [("security", False), ("energy", True)]


def test_domains_trigger_across_a_line_break(blank):
    (claim,) = _claims("Ils ont parlé du transfert de\ntechnologies.", blank)
    assert claim.value == "technology" and claim.evidence.text == "transfert de\ntechnologies"


def test_domains_lexicon_rejects_an_unknown_key():
    with pytest.raises(ValueError, match="unknown domain"):
        domains.DomainLexicon.from_mapping({"domains": {"space-opera": ["x"]}})


def test_domains_hyphenated_words(blank):
    assert _keys("La coopération politico-militaire et la lutte anti-terroriste.", blank) == ["security", "security"]
    assert _keys("Le contre-terrorisme reste la priorité du partenariat.", blank) == ["security"]
