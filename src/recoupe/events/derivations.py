"""Who copies whom inside one event: near copies (MinHash) and rewrites (sentence alignment).

A *copy* shares most of its wording with its source: MinHash over word shingles finds it in
linear time. A *rewrite* shares little wording but tells the same facts in the same order: for
each pair of articles we score every sentence pair (half multilingual embedding cosine, half
IDF-weighted overlap of word stems, the IDF taken over the event's articles so that the topic
words every outlet uses weigh little), then find the best order-preserving alignment (dynamic
programming, as for sequence alignment). Independent reports of one meeting share the topic, so
a few of their sentences match; a rewrite matches many sentences, in order.

Two tests guard against independent reports of one meeting, which share the facts (and often
their order: lead, who met, what was agreed, quotes) but were written apart:

* *paragraph structure*: a rewrite follows its source paragraph by paragraph. Paragraphs are
  matched by the mean embedding of their sentences (mutual best matches, in order); when most
  paragraphs of BOTH articles align, the pair is a rewrite. Independent reports cut the story
  into different paragraphs, and a short summary aligns only part of a long report.
* *outlier in its event*: otherwise, a pair whose in-order sentence alignment passes the
  absolute rule must also stand well above the alignment typical of the event's other pairs
  (their median), which estimates how much two independent reports of this event align. A
  heavy rewrite that condenses its source (the shared corpus: 17 paragraphs into 9) stands out
  this way; in an event whose reports all share the facts in the same order, no pair does.

Direction: the source is the earlier article by publication date; when the dates are unknown or
equal, the one with more specific details (distinct numbers and capitalised names), then the
longer one, then the smaller id (so the result never depends on argument order).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from recoupe.events.embeddings import Encoder, split_sentences
from recoupe.records import Article, Derivation, independence_groups  # noqa: F401 (re-exported)

# Words per shingle. Five words: long enough that two independent reports of one meeting
# (which share names and stock phrases of two or three words) share few shingles, short enough
# that a copy with a few edited words keeps most of its shingles.
SHINGLE_WORDS = 5
# MinHash permutations: 128 gives a Jaccard estimate within about +/-0.09 (1/sqrt(128)), plenty
# to tell a copy (Jaccard > 0.5) from independent texts (< 0.1).
NUM_PERM = 128
# Estimated shingle Jaccard above which the shorter text is a copy of the other. Half the
# shingles shared: an agency dispatch republished with a new lead and a trimmed ending stays
# above it; independent reports of the same event stay under 0.1 (measured on ECB+ and the
# shared corpus).
COPY_JACCARD = 0.5
# Seed of the MinHash permutations: fixed so that results are reproducible.
MINHASH_SEED = 1

# Sentences shorter than this (in words) are datelines, signatures or junk: not aligned.
MIN_SENTENCE_WORDS = 5
# At most this many sentences per article enter the alignment (bounds the quadratic DP).
MAX_SENTENCES = 150
# Words shorter than this carry no fact (articles, pronouns, auxiliaries).
MIN_STEM_WORD = 4
# Stem = first letters of a word: cheap, language-independent light stemming
# ("renforcer"/"renforcement" share "renfo").
STEM_CHARS = 5
# Weight of the embedding cosine in the sentence similarity (the rest is stem overlap).
EMBEDDING_WEIGHT = 0.5
# Similarity above which two sentences say the same thing. Measured on the shared corpus:
# paraphrased sentences of its heavy rewrite score 0.35-0.5; sentences of two independent reports
# of the same meeting that share the topic score 0.2-0.35.
ALIGN_FLOOR = 0.35
# A rewrite aligns, in the same order, at least this many sentences with its source ...
REWRITE_MIN_SENTENCES = 5
# ... and at least this share of the sentences of the shorter article. Both are needed: short
# wire stories of one event (ECB+) share their one-sentence lead and nothing more, so a share
# alone flags them; long reports share a few stock sentences, so a count alone would too.
# The heavy rewrite of the shared corpus aligns 6 sentences (0.33 of 18); its independent reports
# align at most 2 with each other; on ECB+ (different outlets, same event) about 5% of pairs pass.
REWRITE_MIN_FRACTION = 0.3

# A paragraph needs this many words (shorter blocks are bylines, datelines, junk lines).
PARAGRAPH_MIN_WORDS = 12
# Mean-embedding cosine two paragraphs need to count as the same paragraph rewritten.
PARAGRAPH_FLOOR = 0.4
# A rewrite by structure aligns, in order, at least this many paragraphs ...
REWRITE_MIN_PARAGRAPHS = 4
# ... and this share of the paragraphs of the LONGER article (both are covered: the samples'
# rewrite aligns 9 of 10 and 10; independent reports of one event align at most 0.7).
PARAGRAPH_MIN_FRACTION = 0.8
# Without the paragraph structure, a pair's aligned share must be this many times the median
# share of the event's pairs (needs at least OUTLIER_MIN_ARTICLES articles to estimate it).
# The shared corpus's rewrite aligns 0.33 against a median of about 0.06; the samples' event B,
# three independent reports in the same order, align 0.38-0.52 (at most 1.4 x their median).
OUTLIER_RATIO = 2.0
OUTLIER_MIN_ARTICLES = 3
# Floor of the median (an event whose pairs align nothing still needs a real alignment).
OUTLIER_MEDIAN_FLOOR = 0.05

_BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t\r\f\v]*\n))+")
_WORD = re.compile(r"\w+", re.UNICODE)
_STEM_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Ý][\w’'-]{2,}")


@dataclass(frozen=True)
class _Doc:
    article: Article
    sentences: tuple[str, ...]
    stems: tuple[frozenset[str], ...]
    specificity: int
    paragraphs: tuple[int, ...]  # paragraph number of each sentence


def find_derivations(articles: Sequence[Article], encoder: Encoder | None) -> list[Derivation]:
    """Copies and rewrites among the articles of one event, sorted by (article, source).

    ``encoder`` may be None: only copies are found then.
    """
    unique = {a.id: a for a in articles}
    ordered = [unique[k] for k in sorted(unique)]
    found: dict[tuple[str, str], Derivation] = {}
    copies = _copy_pairs(ordered)
    for a, b, jaccard in copies:
        derived, source = _direction(a, b)
        found[(derived.id, source.id)] = Derivation(derived.id, source.id, "copy", round(jaccard, 3))
    if encoder is not None and len(ordered) > 1:
        copied = {frozenset((a.id, b.id)) for a, b, _ in copies}
        copy_source = {(d.article): d.source for d in found.values()}
        rewrites = {(d.article, d.source): d for d in _rewrites(ordered, encoder, copied)}
        for (derived, source), derivation in rewrites.items():
            # A rewrite of a copy whose source it also rewrites says nothing new: keep the link
            # to the original only.
            if (derived, copy_source.get(source)) in rewrites:
                continue
            found[(derived, source)] = derivation
    return sorted(found.values(), key=lambda d: (d.article, d.source))


# ---- copies -------------------------------------------------------------------------------

def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def _copy_pairs(articles: list[Article]) -> list[tuple[Article, Article, float]]:
    """Pairs whose estimated shingle Jaccard passes COPY_JACCARD (LSH finds the candidates)."""
    lsh = MinHashLSH(threshold=COPY_JACCARD, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for article in articles:
        mh = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
        mh.update_batch(list(_shingles(article.text)))
        hashes[article.id] = mh
        lsh.insert(article.id, mh)
    by_id = {a.id: a for a in articles}
    pairs = []
    for article in articles:
        for other in sorted(lsh.query(hashes[article.id])):
            if other <= article.id:
                continue
            jaccard = hashes[article.id].jaccard(hashes[other])
            if jaccard >= COPY_JACCARD:
                pairs.append((article, by_id[other], float(jaccard)))
    return pairs


# ---- rewrites -----------------------------------------------------------------------------

def _prepare(article: Article) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Sentences (at least MIN_SENTENCE_WORDS words) and the paragraph number of each.

    Paragraphs are blocks between blank lines; their lines are joined first, so that a
    hard-wrapped article (a name broken across a line end) yields whole sentences.
    """
    sentences: list[str] = []
    paragraphs: list[int] = []
    number = 0
    for block in _BLOCK.finditer(article.text):
        words = block.group(0).split()
        if len(words) < MIN_SENTENCE_WORDS:
            continue
        joined = " ".join(words)
        kept = [joined[s:e] for s, e in split_sentences(joined)]
        kept = [x for x in kept if len(x.split()) >= MIN_SENTENCE_WORDS]
        if not kept:
            continue
        # Short blocks (a title, a dateline) keep their sentences but are not paragraphs.
        para = number if len(words) >= PARAGRAPH_MIN_WORDS else -1
        number += len(words) >= PARAGRAPH_MIN_WORDS
        sentences.extend(kept)
        paragraphs.extend([para] * len(kept))
    return tuple(sentences[:MAX_SENTENCES]), tuple(paragraphs[:MAX_SENTENCES])


def _stems(sentence: str) -> frozenset[str]:
    return frozenset(w.lower()[:STEM_CHARS] for w in _STEM_WORD.findall(sentence) if len(w) >= MIN_STEM_WORD)


def _specificity(text: str) -> int:
    return len(set(_NUMBER.findall(text))) + len(set(_NAME.findall(text)))


def _rewrites(articles: list[Article], encoder: Encoder, skip: set[frozenset[str]]) -> list[Derivation]:
    docs = []
    for article in articles:
        sentences, paragraphs = _prepare(article)
        docs.append(_Doc(article, sentences, tuple(_stems(s) for s in sentences), _specificity(article.text),
                         paragraphs))
    vectors = [encoder.encode(list(d.sentences)) for d in docs]
    # IDF of stems over the event's articles (smoothed): words every outlet uses for this
    # event ("coopération", "Moscou") weigh little, the distinctive words a rewrite keeps weigh more.
    df: dict[str, int] = {}
    for d in docs:
        for stem in set().union(*d.stems) if d.stems else set():
            df[stem] = df.get(stem, 0) + 1
    n = len(docs)
    idf = {s: math.log((n + 1) / (c + 0.5)) for s, c in df.items()}
    para_vectors = [_paragraph_vectors(v, d.paragraphs) for v, d in zip(vectors, docs)]
    scored: list[tuple[int, int, int, float, bool]] = []  # i, j, aligned, share, by structure
    for i in range(n):
        for j in range(i + 1, n):
            a, b = docs[i], docs[j]
            if frozenset((a.article.id, b.article.id)) in skip or not a.sentences or not b.sentences:
                continue
            aligned = aligned_sentences(_similarity(vectors[i], vectors[j], a.stems, b.stems, idf))
            share = aligned / min(len(a.sentences), len(b.sentences))
            scored.append((i, j, aligned, share, _same_structure(para_vectors[i], para_vectors[j])))
    shares = sorted(s[3] for s in scored)
    median = max(OUTLIER_MEDIAN_FLOOR, shares[len(shares) // 2]) if shares else 0.0
    out = []
    for i, j, aligned, share, structure in scored:
        passes = aligned >= REWRITE_MIN_SENTENCES and share >= REWRITE_MIN_FRACTION
        outlier = n >= OUTLIER_MIN_ARTICLES and share >= OUTLIER_RATIO * median
        if structure or (passes and outlier):
            a, b = docs[i], docs[j]
            derived, source = _direction(a.article, b.article, a.specificity, b.specificity)
            # Score: the share of the shorter article's sentences aligned in order.
            out.append(Derivation(derived.id, source.id, "rewrite", round(min(1.0, max(share, 0.01)), 3)))
    return out


def _paragraph_vectors(vectors: np.ndarray, paragraphs: Sequence[int]) -> np.ndarray:
    """One normalised row per paragraph: the mean of its sentences' embeddings."""
    count = max(paragraphs, default=-1) + 1
    out = np.zeros((count, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
    for row, para in zip(vectors, paragraphs):
        if para >= 0:
            out[para] += row
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def _same_structure(pa: np.ndarray, pb: np.ndarray) -> bool:
    """Do the two articles align paragraph by paragraph (mutual best matches, in order), over
    most paragraphs of both?"""
    if min(len(pa), len(pb)) < REWRITE_MIN_PARAGRAPHS:
        return False
    sim = pa @ pb.T
    best_col, best_row = sim.argmax(1), sim.argmax(0)
    mutual = np.zeros(sim.shape, dtype=bool)
    for i, j in enumerate(best_col):
        if best_row[j] == i and sim[i, j] >= PARAGRAPH_FLOOR:
            mutual[i, j] = True
    aligned = aligned_sentences(mutual.astype(np.float32), 0.5)
    return aligned >= REWRITE_MIN_PARAGRAPHS and aligned >= PARAGRAPH_MIN_FRACTION * max(len(pa), len(pb))


def _similarity(va: np.ndarray, vb: np.ndarray, sa: Sequence[frozenset[str]], sb: Sequence[frozenset[str]],
                idf: dict[str, float]) -> np.ndarray:
    lexical = np.zeros((len(sa), len(sb)), dtype=np.float32)
    for i, x in enumerate(sa):
        wx = sum(idf[s] for s in x)
        for j, y in enumerate(sb):
            shared = sum(idf[s] for s in x & y)
            if shared:
                union = wx + sum(idf[s] for s in y) - shared
                lexical[i, j] = shared / union if union else 0.0
    return EMBEDDING_WEIGHT * (va @ vb.T) + (1.0 - EMBEDDING_WEIGHT) * lexical


def aligned_sentences(similarity: np.ndarray, floor: float = ALIGN_FLOOR) -> int:
    """Most sentence pairs over ``floor`` that can be aligned without crossing (both texts keep
    their order, as a rewrite follows its source): a longest common subsequence."""
    n, m = similarity.shape
    if n == 0 or m == 0:
        return 0
    strong = similarity >= floor
    previous = np.zeros(m + 1, dtype=np.int32)
    for i in range(n):
        row = np.zeros(m + 1, dtype=np.int32)
        # On a hit the diagonal step is never worse than its neighbours (an LCS property), so
        # the row is a running maximum: one vectorised pass per row.
        row[1:] = np.maximum.accumulate(np.where(strong[i], previous[:-1] + 1, previous[1:]))
        previous = row
    return int(previous[m])


def _direction(a: Article, b: Article, spec_a: int | None = None, spec_b: int | None = None) -> tuple[Article, Article]:
    """(derived, source): earlier publication, else more specific, else longer, else smaller id."""
    if a.published and b.published and a.published != b.published:
        return (b, a) if a.published < b.published else (a, b)
    sa = _specificity(a.text) if spec_a is None else spec_a
    sb = _specificity(b.text) if spec_b is None else spec_b
    key_a, key_b = (sa, len(a.text), b.id), (sb, len(b.text), a.id)
    return (b, a) if key_a > key_b else (a, b)
