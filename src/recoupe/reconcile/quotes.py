"""Quotes across sources: group the variants of one statement, say how each article renders it.

Two quote claims are variants of the same statement when their speakers do not differ (same
entity id, or one unknown) and their words are close (rapidfuzz ``token_set_ratio`` over
normalised text, which tolerates a quote cut short or wrapped in other words) with enough
shared content words that two short formulas do not merge by accident. Groups are the
connected components of that relation, so the result does not depend on claim order.

Per article of the event the verdict is ``verbatim`` (a direct quote with the reference's
words), ``paraphrased`` (a direct quote with other words), ``indirect`` (reported speech
only) or ``missing``, measured against a reference: the most primary direct quote outside
derived articles, else the most primary rendering (so a rewrite that turns its source's
reported speech into a direct quote reads ``paraphrased``, not ``verbatim``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Sequence

from rapidfuzz import fuzz

from recoupe.records import Claim, Derivation, QuoteGroup
from recoupe.reconcile.facts import claim_key

# token_set_ratio (0-100) above which two quotes of the same speaker are one statement.
# Measured on the shared corpus (normalised text): a rewrite's direct quote against its
# source's indirect speech scores 70, wordings of one statement 80-95, different statements
# of the same minister 44-67 (two on related themes, "sincere ally" / "shared vision", reach
# 64-67 and would chain unrelated statements together below 68).
SAME_STATEMENT = 68.0
# When one side's speaker is unknown the words alone must carry the match.
SAME_STATEMENT_UNKNOWN_SPEAKER = 80.0
# Content words (>= 4 letters, not function words) two variants must share, so that two short
# formulas ("la confiance et le respect") do not merge on token_set_ratio alone.
MIN_SHARED_CONTENT = 3
CONTENT_MIN_LETTERS = 4
# fuzz.ratio / partial_ratio over normalised text for a direct variant to count as verbatim:
# allows typography and a clipped word, not a changed wording.
VERBATIM_RATIO = 90.0
VERBATIM_PARTIAL = 95.0
FLAG_DIRECT_ONLY_IN_DERIVED = "direct-only-in-derived"
# Frequent French words of four letters or more that say nothing about a statement.
FUNCTION_WORDS = frozenset(
    "avec dans pour par sans sous mais donc car elle elles nous vous ils leur leurs cette ces "
    "cela celle celui ceux être avoir sont était ont fait tout tous toute toutes plus moins "
    "très aussi comme entre vers chez dont lors après avant depuis encore même notre votre "
    "nos vos son ses sera seront qui que quoi quand alors ainsi autre autres".split())

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: typography must not matter."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


def content_words(norm: str) -> set[str]:
    return {w for w in norm.split() if len(w) >= CONTENT_MIN_LETTERS and w not in FUNCTION_WORDS}


def same_statement(a: Claim, b: Claim) -> bool:
    """Whether two quote claims are variants of one statement (see the module docstring)."""
    return _same(a.attrs.get("speaker"), normalise(a.value), b.attrs.get("speaker"), normalise(b.value))


def _same(sa: str | None, na: str, sb: str | None, nb: str,
          wa: set[str] | None = None, wb: set[str] | None = None) -> bool:
    if sa and sb and sa != sb:
        return False
    wa = content_words(na) if wa is None else wa
    wb = content_words(nb) if wb is None else wb
    if len(wa & wb) < MIN_SHARED_CONTENT:
        return False
    threshold = SAME_STATEMENT if (sa and sb) else SAME_STATEMENT_UNKNOWN_SPEAKER
    return fuzz.token_set_ratio(na, nb) >= threshold


def is_verbatim(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    return fuzz.ratio(na, nb) >= VERBATIM_RATIO or (
        min(len(na), len(nb)) > 0 and fuzz.partial_ratio(na, nb) >= VERBATIM_PARTIAL)


def _components(claims: Sequence[Claim]) -> list[list[Claim]]:
    parent = list(range(len(claims)))
    # Normalise once: the pairwise loop is quadratic in the event's quotes.
    norms = [normalise(c.value) for c in claims]
    words = [content_words(n) for n in norms]
    speakers = [c.attrs.get("speaker") for c in claims]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if _same(speakers[i], norms[i], speakers[j], norms[j], words[i], words[j]):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[Claim]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(find(i), []).append(c)
    return list(groups.values())


def _sources_of(article: str, derivations: Sequence[Derivation]) -> set[str]:
    """Every article ``article`` derives from, following chains of derivations."""
    seen: set[str] = set()
    todo = [article]
    while todo:
        a = todo.pop()
        for d in derivations:
            if d.article == a and d.source not in seen:
                seen.add(d.source)
                todo.append(d.source)
    return seen


def quote_groups(event: str, article_ids: Sequence[str], claims: Sequence[Claim],
                 derivations: Sequence[Derivation], rank: Mapping[str, int],
                 names: Mapping[str, str]) -> list[QuoteGroup]:
    """Group the event's quote claims into statements with per-article verdicts and flags.

    ``rank`` orders articles by primacy (0 first); ``names`` maps speaker ids to names.
    """
    quotes = sorted((c for c in claims if c.slot == "quote"), key=claim_key)
    derived = {d.article for d in derivations}
    out = []
    for members in _components(quotes):
        members.sort(key=lambda c: (rank[c.evidence.article], claim_key(c)))
        direct = [c for c in members if c.attrs.get("direct", True)]
        # The reference is the most primary direct quote outside derived articles; a direct
        # quote that only a derived article has is measured against its source's wording.
        reference = next((c for c in direct if c.evidence.article not in derived), members[0])
        speakers = sorted({c.attrs.get("speaker") for c in members if c.attrs.get("speaker")},
                          key=lambda s: (-sum(c.attrs.get("speaker") == s for c in members), s))
        speaker = speakers[0] if speakers else None
        # The canonical (English) name when the speaker is known, else the article's wording.
        speaker_name = names.get(speaker) if speaker else None
        speaker_name = speaker_name or next((c.attrs.get("speaker_name") for c in members
                                             if c.attrs.get("speaker") == speaker and c.attrs.get("speaker_name")), None)
        verdicts = {}
        for a in sorted(article_ids):
            mine = [c for c in members if c.evidence.article == a]
            mine_direct = [c for c in mine if c.attrs.get("direct", True)]
            if not mine:
                verdicts[a] = "missing"
            elif mine_direct:
                same = any(c is reference or is_verbatim(c.value, reference.value) for c in mine_direct)
                verdicts[a] = "verbatim" if same else "paraphrased"
            else:
                verdicts[a] = "indirect"
        flags = []
        direct_articles = {c.evidence.article for c in direct}
        indirect_articles = {c.evidence.article for c in members if not c.attrs.get("direct", True)}
        if direct_articles and direct_articles <= derived and any(
                _sources_of(a, derivations) & indirect_articles for a in direct_articles):
            flags.append(FLAG_DIRECT_ONLY_IN_DERIVED)
        out.append(QuoteGroup(event=event, speaker=speaker, speaker_name=speaker_name,
                              claims=tuple(members), verdicts=verdicts, flags=tuple(flags)))
    out.sort(key=lambda g: (-sum(v != "missing" for v in g.verdicts.values()),
                            rank[g.claims[0].evidence.article], claim_key(g.claims[0])))
    return out
