"""The shortcuts that make extraction cheaper give exactly what the plain scans give.

Each shortcut (a case-sensitive scan of the lowered text, a pre-screen that skips windows,
accent folding on non-ASCII runs only, a first-letter grouped alternation) is checked here
against the slower code it replaces, on the sample texts and on variants built to hit the
cases where lowering is not a plain character map (upper case, title case, "ſ", "ı",
"İ", Greek sigma, non-Latin scripts)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from recoupe.extract import commitments, domains, timex
from recoupe.extract.gazetteer import ACCENT_TABLE, strip_accents
from recoupe.extract.packs import load_pack
from recoupe.extract.tokens import (Prescreen, case_sensitive_twin, lowered, strip_accents_fast,
                                    translate_non_ascii)

_ODD = ("Le ſervice a dıt: İstanbul, ΣΟΦΙΑ et Σοφίας, µg, 한국어 문장, हिन्दी पाठ, ﬁn du mois de MAI, "
        "L’ARMÉE S’ENGAGE À FORMER. Le 3 Avril 2025 à 10 H 30, PROCHAIN mardi.")


def _texts(samples_dir: Path) -> list[str]:
    base = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(samples_dir.glob("*.txt"))]
    assert base, "no sample texts"
    variants = [t.upper() for t in base] + [t.title() for t in base] + [t.swapcase() for t in base[:3]]
    odd = [t[: len(t) // 2] + _ODD + t[len(t) // 2:] for t in base[:3]]
    return base + variants + odd + [_ODD]


def test_tokens_lowered_refuses_texts_whose_lowering_is_no_plain_map() -> None:
    assert lowered("La Russie S’ENGAGE") == "la russie s’engage"
    assert lowered("İstanbul") is None  # lowering adds a character
    assert lowered("le ſervice") is None  # re folds "ſ" with "s"
    assert lowered("ΣΟΦΙΑ") is None  # Greek sigma has two lower forms
    assert lowered("un dıner") is None  # dotless i folds with i


def test_tokens_case_sensitive_twin_refuses_upper_case_literals() -> None:
    with pytest.raises(ValueError):
        case_sensitive_twin(re.compile(r"(?<!\w)Mali", re.I))
    with pytest.raises(ValueError):
        case_sensitive_twin(re.compile(r"[A-Z]\d", re.I))
    with pytest.raises(ValueError):
        case_sensitive_twin(re.compile(r"(a)\1", re.I))
    twin = case_sensitive_twin(re.compile(r"(?<!\w)s['’]engage", re.I), drop_lookbehind=True)
    assert twin.pattern == r"s['’]engage" and not twin.flags & re.I


def test_tokens_prescreen_never_hides_a_commitment_rule_match(samples_dir: Path) -> None:
    lex = commitments.lexicon(load_pack("fr"))
    rng = random.Random(7)
    texts = _texts(samples_dir)
    checked = 0
    for text in texts:
        low = lowered(text)
        bounds = sorted(rng.sample(range(len(text)), min(len(text), 60)))
        windows = list(zip(bounds, bounds[1:])) + [(0, len(text))]
        for (_name, pattern), screen in zip(lex.rules, lex.screens):
            for lo, hi in windows:
                if pattern.search(text, lo, hi) is not None:
                    assert screen.may_match(low, lo, hi), (pattern.pattern[:40], text[lo:hi][:80])
                    checked += 1
    assert checked > 0  # the samples do hold commitments


def test_tokens_prescreen_of_a_pattern_without_twin_lets_every_window_through() -> None:
    screen = Prescreen(re.compile(r"Mali", re.I), strict=False)
    assert screen.twin is None and screen.may_match("rien ici", 0, 8)
    with pytest.raises(ValueError):
        Prescreen(re.compile(r"Mali", re.I))


def test_timex_needed_word_scan_finds_the_same_hits(samples_dir: Path) -> None:
    for text in _texts(samples_dir):
        expected = [m.span() for m in timex._NEEDED.finditer(text)]
        assert list(timex._needed_hits(text)) == expected


def test_timex_tags_the_same_expressions_as_with_the_plain_scan(samples_dir: Path, monkeypatch) -> None:
    from datetime import date

    texts = _texts(samples_dir)[:14]
    day = date(2025, 4, 3)

    def tags() -> list:
        timex._candidates.cache_clear()
        return [timex.tag(t, day, today=day) for t in texts]

    fast = tags()
    monkeypatch.setattr(timex, "_needed_hits",
                        lambda text: ((m.start(), m.end()) for m in timex._NEEDED.finditer(text)))
    plain = tags()
    timex._candidates.cache_clear()
    assert fast == plain and any(fast)


def test_tokens_accent_folding_on_non_ascii_runs_is_the_same(samples_dir: Path) -> None:
    for text in _texts(samples_dir):
        assert translate_non_ascii(text, ACCENT_TABLE) == text.translate(ACCENT_TABLE)
        for line in text.split("\n"):
            assert strip_accents_fast(line) == strip_accents(line)
    assert not any(k < 128 for k in ACCENT_TABLE)  # the shortcut needs ASCII left alone


def _plain_mentions(lex: domains.DomainLexicon, text: str) -> list:
    out, pos = [], 0
    for word in domains._WORD_START.finditer(text):
        if word.start() < pos:
            continue
        found = lex.longest_at(text, word.start())
        if found is not None:
            out.append((word.start(), found[0], found[1]))
            pos = found[0]
    return out


def test_domains_mentions_skip_only_words_no_entry_starts_with(samples_dir: Path) -> None:
    lex = domains.lexicon(load_pack("fr"))
    for text in _texts(samples_dir):
        assert lex.mentions(text) == _plain_mentions(lex, text)


def test_commitments_same_claims_without_the_prescreen(resources, samples_dir: Path, monkeypatch) -> None:
    from recoupe.extract import extract_articles
    from recoupe.records import Article, article_id

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(samples_dir.glob("*.txt"))][:6]
    texts += [t.upper() for t in texts[:2]]
    articles = [Article(id=article_id(t), path=f"t{i}", text=t, language="fr") for i, t in enumerate(texts)]

    def commitments_of(claims: dict) -> list:
        return [(c.value, c.evidence.start, c.evidence.end, sorted(c.attrs.items(), key=str))
                for a in articles for c in claims[a.id] if c.slot == "commitment"]

    fast = commitments_of(extract_articles(articles, resources))
    monkeypatch.setattr(Prescreen, "may_match", lambda self, low, lo, hi: True)
    plain = commitments_of(extract_articles(articles, resources))
    assert fast == plain and fast
