"""Domains on the shared AES–Russia corpus: what a reader of those articles would check."""

from __future__ import annotations

import importlib
import re

import pytest

from recoupe.extract import domains

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(corpus_contexts):
    out = {}
    for name, ctx in corpus_contexts.items():
        out[name[:3]] = (ctx.article.text, domains.extract(ctx))
    return out


def test_domains_corpus_enumerations_of_000_and_001_are_found(found):
    keys = {name: {c.value for c in claims} for name, (_, claims) in found.items()}
    assert {"security", "diplomacy", "economy", "energy", "education", "telecom", "infrastructure",
            "technology"} <= keys["000"]
    assert {"security", "diplomacy", "economy", "energy", "education", "telecom", "transport",
            "media"} <= keys["001"]
    assert {"security", "diplomacy", "agriculture", "energy"} <= keys["003"]


def test_domains_corpus_titles_are_not_domains(found):
    for text, claims in found.values():
        titles = [m.span() for m in re.finditer(
            r"(?:chefs? de (?:la )?diplomatie|ministres? des Affaires étrangères)", text, re.I)]
        for c in claims:
            assert not any(s <= c.evidence.start < e for s, e in titles), c.evidence


def test_domains_corpus_evidence_is_exact_and_cooperation_is_marked(found):
    for text, claims in found.values():
        for c in claims:
            assert text[c.evidence.start:c.evidence.end] == c.evidence.text
            assert c.value in domains.DOMAINS
    _, claims_001 = found["001"]
    media = [c for c in claims_001 if c.value == "media"]
    assert media and all(c.attrs["cooperation"] for c in media)
