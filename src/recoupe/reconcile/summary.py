"""A short extractive summary: the lead sentences of the event's most central report.

Extractive on purpose: every word of the summary is a source's word, so a reader can check
it. The central report is the non-preview article that backs the most reconciled facts
(chosen values, corroborated participants, shared quotes); ties go to the primary source.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from recoupe.records import Article, Fact, QuoteGroup

SUMMARY_SENTENCES = 3  # a lead is two or three sentences
SUMMARY_MIN_SENTENCES = 2  # one sentence is a headline, not a summary
SUMMARY_MAX_CHARS = 420  # past the minimum, stop adding sentences past this length (a phone screen)
# The second sentence is kept up to this length: news leads are long, and a lone first
# sentence often says who met but not what came of it.
SUMMARY_HARD_MAX_CHARS = 650
# Lines shorter than this are headings, datelines or bylines, not lead prose.
MIN_LEAD_LINE_CHARS = 60
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZÀ-ÖØ-Þ])")


def central_article(articles: Sequence[Article], facts: Sequence[Fact], quotes: Sequence[QuoteGroup],
                    kinds: Mapping[str, str], rank: Mapping[str, int]) -> Article | None:
    """The report that backs the most reconciled facts (see the module docstring)."""
    score: dict[str, int] = {a.id: 0 for a in articles}
    for f in facts:
        if f.planned:
            continue
        if f.slot == "participant":
            if f.status == "corroborated":
                for a in f.attrs.get("articles", ()):
                    score[a] = score.get(a, 0) + 1
            continue
        sides = f.attrs.get("sides") or []
        backing = {f.claims[i].evidence.article for i in sides[0]["claims"]} if sides else set()
        for a in backing:
            score[a] = score.get(a, 0) + 2  # a reconciled value weighs more than a name
    for q in quotes:
        present = [a for a, v in q.verdicts.items() if v != "missing"]
        if len(present) >= 2:
            for a in present:
                score[a] = score.get(a, 0) + 1
    pool = [a for a in articles if kinds.get(a.id, a.kind) != "preview"] or list(articles)
    if not pool:
        return None
    return min(pool, key=lambda a: (-score.get(a.id, 0), rank[a.id]))


def lead_sentences(article: Article) -> str:
    """The first two or three sentences of the article's prose, skipping its title and short
    lines: two when they fit :data:`SUMMARY_HARD_MAX_CHARS`, a third within :data:`SUMMARY_MAX_CHARS`."""
    lines = [ln.strip() for ln in article.text.splitlines()]
    prose = [ln for ln in lines if len(ln) >= MIN_LEAD_LINE_CHARS and ln != (article.title or "").strip()]
    if not prose:
        prose = [ln for ln in lines if ln]
    picked: list[str] = []
    for line in prose:
        for sentence in _SENTENCE_END.split(line):
            sentence = sentence.strip()
            if not sentence:
                continue
            limit = SUMMARY_HARD_MAX_CHARS if len(picked) < SUMMARY_MIN_SENTENCES else SUMMARY_MAX_CHARS
            if picked and len(" ".join(picked + [sentence])) > limit:
                return " ".join(picked)
            picked.append(sentence)
            if len(picked) >= SUMMARY_SENTENCES:
                return " ".join(picked)
    return " ".join(picked)
