"""Token look-ups several extractors share, read from the ``Doc``'s attribute arrays (one
C-level pass) instead of building a Python ``Token`` for every word of the article."""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

_POS_IDS = {"VERB": VERB, "AUX": AUX}


def tokens_with_pos(doc: Any, tags: tuple[str, ...] = ("VERB", "AUX")) -> list[Any]:
    """The tokens of ``doc`` whose coarse part of speech is one of ``tags`` ("VERB", "AUX"),
    in text order. Any iterable of token-like objects works too (read one by one)."""
    if doc is None:
        return []
    if not isinstance(doc, Doc) or any(t not in _POS_IDS for t in tags):
        return [t for t in doc if getattr(t, "pos_", "") in tags]
    if not len(doc):
        return []
    pos = doc.to_array(POS)
    mask = pos == _POS_IDS[tags[0]]
    for tag in tags[1:]:
        mask |= pos == _POS_IDS[tag]
    return [doc[int(i)] for i in mask.nonzero()[0]]


# Accent- and case-folded forms by string hash (hashes are stable across documents). Bounded:
# cleared when full, so a long ingest does not keep every word it ever met.
_FOLDED: dict[int, str] = {}
_FOLDED_MAX = 200_000


def _folded(strings: Any, key: int, lower: bool) -> str:
    found = _FOLDED.get(key)
    if found is None:
        from recoupe.extract.gazetteer import strip_accents

        text = strings[key]
        found = strip_accents(text.lower() if lower else text)
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[key] = found
    return found


def indices_matching(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose folded form (``strip_accents(lower_)``) or folded lemma is
    in ``words``, read from the attribute arrays: one dictionary look-up per token instead of
    building a ``Token`` and folding its strings."""
    if not isinstance(doc, Doc):
        from recoupe.extract.gazetteer import strip_accents

        return [t.i for t in doc if strip_accents(t.lower_) in words or strip_accents(t.lemma_.lower()) in words]
    if not len(doc):
        return []
    strings = doc.vocab.strings
    out = []
    for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
        if _folded(strings, lower, False) in words or _folded(strings, lemma, True) in words:
            out.append(i)
    return out


def indices_with_form(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose folded form (``strip_accents(lower_)``, not the lemma) is in
    ``words``, read from the attribute arrays."""
    if not isinstance(doc, Doc):
        from recoupe.extract.gazetteer import strip_accents

        return [t.i for t in doc if strip_accents(t.lower_) in words]
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if _folded(strings, lower, False) in words]
