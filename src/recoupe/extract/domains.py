"""Domains of cooperation: which fields (security, energy, education, ...) an article names.

Lexicon first: one regular expression per language pack, built from
``packs/<code>/domains.yaml``, finds trigger phrases in the cleaned text; one ``domain``
claim per mention, its evidence the trigger itself. Regular expressions over the text
(rather than a spaCy ``Matcher``) keep offsets exact across line breaks and typographic
apostrophes, and need no tokenizer at extraction time (the context carries only the
``Doc``); the ``Doc`` gives the sentence a mention sits in.

Ambiguity is handled by *traps*: longer phrases matched in the same pass, which win at
their position ("Conseil de sécurité" is diplomacy; "avec énergie", "formation du
gouvernement" name no domain). *Weak* triggers ("formation", "technologies", "presse")
only count in a sentence about cooperation.

The key ``cooperation`` of a claim says whether its sentence is about cooperation
(coopération, partenariat, domaines, accord, soutien ...).

An embedding fallback (USE multilingual nearest domain prototype for sentences without a
lexicon hit) was measured in ``bench/domains.py`` against this lexicon in the same run: with
its threshold chosen on the dev split it adds nothing on the held-out split (F1 0.800 both),
and at its best threshold on held-out only +0.006, for ~6 ms per encoded sentence. It is
therefore not part of the extractor.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

import yaml

from recoupe.extract.packs import PACKS_DIR
from recoupe.records import Claim

if TYPE_CHECKING:  # pragma: no cover
    from recoupe.extract.context import ArticleContext
    from recoupe.extract.packs import LanguagePack

EXTRACTOR = "domains.fr@1"

# The taxonomy, in display order. Stable keys: stored in the database and compared.
DOMAINS: tuple[str, ...] = (
    "security", "diplomacy", "economy", "energy", "infrastructure", "transport", "telecom",
    "education", "technology", "agriculture", "health", "culture", "media",
)

_CACHE_KEY = "domains.lexicon"  # where the compiled lexicon is kept on the pack


def _fragment(pattern: str) -> str:
    """A lexicon pattern as a regex fragment: any apostrophe, any run of white space."""
    return pattern.replace("'", "['’]").replace(" ", r"\s+")


@dataclass(frozen=True)
class Entry:
    """One lexicon pattern: its domain (None for a trap), whether it is weak."""

    regex: re.Pattern[str]
    domain: str | None
    weak: bool
    head: re.Pattern[str]  # what the first word of a match looks like


@dataclass(frozen=True)
class DomainLexicon:
    """The compiled lexicon of one language: its entries (the longest match at a word wins,
    so a trap or a longer phrase beats the word it contains) and the cooperation cues."""

    entries: tuple[Entry, ...]
    cooperation: re.Pattern[str]
    # First word -> entries that may start with it; filled as words are met (a cache, so it
    # lives in this object, never at module level).
    by_first_word: dict[str, tuple[Entry, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "DomainLexicon":
        raw: list[tuple[str, str | None, bool]] = []
        for key, patterns in (data.get("domains") or {}).items():
            _check_key(key)
            raw += [(p, key, False) for p in patterns]
        for key, patterns in (data.get("weak") or {}).items():
            _check_key(key)
            raw += [(p, key, True) for p in patterns]
        raw += [(p, None, False) for p in data.get("traps") or ()]
        entries = tuple(Entry(re.compile(_fragment(p), re.I), d, w, re.compile(_head(p), re.I))
                        for p, d, w in raw)
        cues = "|".join(_fragment(p) for p in data.get("cooperation") or ())
        cooperation = re.compile(r"(?<!\w)(?:" + cues + r")(?!\w)", re.I)
        return cls(entries, cooperation)

    @classmethod
    def load(cls, code: str) -> "DomainLexicon":
        """The lexicon shipped with the pack of language ``code``."""
        path = PACKS_DIR / code / "domains.yaml"
        with path.open(encoding="utf-8") as fh:
            return cls.from_mapping(yaml.safe_load(fh))

    def longest_at(self, text: str, pos: int) -> tuple[int, Entry] | None:
        """The entry with the longest match starting at ``pos`` (a trap wins a tie), with
        its end. Alternation order alone cannot promise this with optional tails. Only the
        entries whose first word fits the word at ``pos`` are tried (cached per word)."""
        word_match = _FIRST_WORD.match(text, pos)
        word = word_match.group().lower() if word_match else ""
        candidates = self.by_first_word.get(word)
        if candidates is None:
            # "contre-terrorisme" is one word for its pattern; "politico-militaire" is two.
            plain = word.split("-", 1)[0]
            candidates = tuple(e for e in self.entries if e.head.fullmatch(word) or e.head.fullmatch(plain))
            self.by_first_word[word] = candidates
        best: tuple[int, Entry] | None = None
        for e in candidates:
            m = e.regex.match(text, pos)
            if m is None or (m.end() < len(text) and _WORD.match(text, m.end()) and _WORD.match(text, m.end() - 1)):
                continue  # no match, or it ends inside a word
            if best is None or m.end() > best[0] or (m.end() == best[0] and e.domain is None):
                best = (m.end(), e)
        return best

    def mentions(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every trigger or trap in ``text``: (start, end, entry), in text order, the
        longest match at each word, non-overlapping. Driven by words, so that the cost is a
        dictionary look-up per word, not the whole alternation at every character."""
        out = []
        pos = 0
        size = len(text)
        by_first_word = self.by_first_word
        for word in _WORD_START.finditer(text):  # every word, also after a hyphen
            start, end = word.span()
            if start < pos:
                continue
            # longest_at's first word, without its regex when no hyphen follows: a word no
            # entry starts with is skipped on one look-up (the common case).
            if end >= size or text[end] != "-":
                if by_first_word.get(word.group().lower()) == ():
                    continue
            found = self.longest_at(text, start)
            if found is not None:
                out.append((start, found[0], found[1]))
                pos = found[0]
        return out


_WORD = re.compile(r"\w")
_FIRST_WORD = re.compile(r"[\w-]+")
_WORD_START = re.compile(r"\w+")


def _split_top(pattern: str, sep: str) -> list[str]:
    """``pattern`` cut at ``sep`` outside groups and character classes."""
    parts, depth, in_class, start = [], 0, False, 0
    for i, ch in enumerate(pattern):
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return parts + [pattern[start:]]


def _head(pattern: str) -> str:
    """The part of a lexicon pattern before its first top-level space: what its first
    word must look like (per branch of a top-level alternation)."""
    branches = _split_top(pattern, "|")
    if len(branches) > 1:
        return "|".join(f"(?:{_head(b)})" for b in branches)
    # "d'or": the first word also stops at a top-level apostrophe.
    return _split_top(_split_top(pattern, " ")[0], "'")[0]


def _check_key(key: str) -> None:
    if key not in DOMAINS:
        raise ValueError(f"unknown domain {key!r} in the lexicon; use one of {', '.join(DOMAINS)}")


def lexicon(pack: "LanguagePack") -> DomainLexicon:
    """The compiled lexicon of ``pack``, built once and kept on the pack's data."""
    return pack.compiled(_CACHE_KEY, lambda: DomainLexicon.load(pack.code))


class Sentences:
    """Sentence spans of a text, from the ``Doc`` when it has sentences, else from
    punctuation and line breaks; ``around(offset)`` gives the sentence holding it."""

    def __init__(self, text: str, doc: Any = None) -> None:
        spans: list[tuple[int, int]] = []
        if doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            spans = [(s.start_char, s.end_char) for s in doc.sents]
        if not spans:
            start = 0
            for m in re.finditer(r"[.!?…]+(?=\s)|\n+", text):
                spans.append((start, m.end()))
                start = m.end()
            spans.append((start, len(text)))
        self.text = text
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def around(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.spans[i]


def find_domains(text: str, lex: DomainLexicon, sentences: Sentences | None = None
                 ) -> list[tuple[int, int, str, str, bool]]:
    """Domain mentions of ``text``: (start, end, domain, trigger, cooperation). Pure."""
    sentences = sentences or Sentences(text)
    out = []
    cooperative_sentences: dict[tuple[int, int], bool] = {}  # one search per sentence
    for start, end, entry in lex.mentions(text):
        if entry.domain is None:
            continue
        span = sentences.around(start)
        cooperative = cooperative_sentences.get(span)
        if cooperative is None:
            cooperative = cooperative_sentences[span] = lex.cooperation.search(text, *span) is not None
        if entry.weak and not cooperative:
            continue
        trigger = " ".join(text[start:end].lower().replace("’", "'").split())
        out.append((start, end, entry.domain, trigger, cooperative))
    return out


def extract(ctx: "ArticleContext") -> list[Claim]:
    """One ``domain`` claim per mention of a cooperation domain in the article."""
    text = ctx.article.text
    lex = lexicon(ctx.pack)
    return [ctx.claim("domain", domain, start, end, EXTRACTOR, trigger=trigger, cooperation=coop)
            for start, end, domain, trigger, coop in find_domains(text, lex, Sentences(text, ctx.doc))]
