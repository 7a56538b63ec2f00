"""Commitments on the shared AES–Russia corpus."""

from __future__ import annotations

import pytest

from recoupe.extract import commitments

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(corpus_contexts):
    out = {}
    for name, ctx in corpus_contexts.items():
        claims = commitments.extract(ctx)
        for c in claims:
            assert ctx.article.text[c.evidence.start:c.evidence.end] == c.evidence.text
        out[name[:3]] = claims
    return out


def test_commitments_corpus_russia_trains_and_equips_the_joint_force_in_003(found):
    hits = [c for c in found["003"] if c.value == "former et équiper la force conjointe de l'AES"]
    assert {c.attrs["rule"] for c in hits} == {"engage", "future"}
    assert all(c.attrs["actor"] == "state:RU" and c.attrs["planned"] for c in hits)


def test_commitments_corpus_parties_agree_on_operational_capacities_in_004(found):
    hits = [c for c in found["004"] if c.value.startswith("renforcement des capacités opérationnelles")]
    assert len(hits) == 2
    assert all(c.attrs["actor"] == commitments.PARTIES for c in hits)
    assert hits[0].evidence.text.startswith("Les Parties sont convenues du renforcement")


def test_commitments_corpus_russian_party_offers_technical_assistance_in_004(found):
    (hit,) = [c for c in found["004"] if c.value == "apporter l'assistance technique nécessaire"]
    assert hit.attrs["actor_text"] == "la partie russe"
    assert hit.attrs["actor"] == "state:RU"
    assert hit.evidence.text == "la partie russe a exprimé sa disponibilité à apporter l’assistance technique nécessaire"


def test_commitments_corpus_wishes_are_not_commitments(found):
    # 000: "L'AES souhaite bénéficier d'un soutien russe" is a wish, not a commitment.
    assert not any("bénéficier" in c.value for c in found["000"])
    assert all(c.planned is False for claims in found.values() for c in claims)
