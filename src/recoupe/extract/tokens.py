"""Token look-ups several extractors share, read from the ``Doc``'s attribute arrays (one
C-level pass) instead of building a Python ``Token`` for every word of the article."""

from __future__ import annotations

from typing import Any

from spacy.attrs import POS
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
