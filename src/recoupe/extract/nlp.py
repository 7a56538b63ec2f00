"""The spaCy pipeline of the extract stage: the pack's pinned model, an entity ruler fed by
the gazetteer, and one small named component that repairs the French model's known
mistakes on this material.

Pipeline order: ``tok2vec, morphologizer, parser, attribute_ruler, lemmatizer,
entity_ruler, ner, recoupe_entity_fixes_v1``. The ruler runs before ``ner`` so the model
predicts around gazetteer names instead of cutting through them; the fixer runs last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

import spacy
from spacy.attrs import IS_TITLE, ORTH, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from recoupe.errors import ModelUnavailable
from recoupe.extract.gazetteer import Gazetteer, norm_key, strip_accents

if TYPE_CHECKING:  # pragma: no cover
    from recoupe.extract.packs import LanguagePack

# Bump when the fixer's output changes: it is part of every actor claim's provenance.
FIXER = "recoupe_entity_fixes_v1"
_LABELS = {"person": "PER", "org": "ORG", "state": "LOC", "place": "LOC"}
# A name after a title is at most this many tokens ("Mahamat Idriss Déby Itno").
MAX_NAME_TOKENS = 5
# Word forms whose matching key the fixer remembers before starting afresh.
KEY_CACHE_SIZE = 200_000
# Tokens that may sit inside a name without ending it ("Kyélem de Tambèla", "von der Leyen").
_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "el", "ould", "ben", "ibn", "al", "le"})


def build_pipeline(pack: "LanguagePack", gazetteer: Gazetteer) -> Language:
    """The pack's spaCy model plus our entity ruler and fixer. Slow (seconds): call once."""
    try:
        nlp = spacy.load(pack.spacy_model)
    except OSError as exc:
        raise ModelUnavailable(f"spaCy model {pack.spacy_model!r} is not installed: {exc}") from None
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", before=before, config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(list(ruler_patterns(gazetteer, nlp.Defaults.stop_words)))
    fixer = nlp.add_pipe(FIXER, last=True)
    fixer.configure(gazetteer)
    return nlp


def ruler_patterns(gazetteer: Gazetteer, stop_words: Iterable[str]) -> Iterable[dict[str, Any]]:
    """Phrase patterns (matched on lower case) for every alias of every ruler entity, with
    and without accents. Aliases that are function words ("UN", "AU") are left out: lower-case
    matching would find them everywhere."""
    stops = frozenset(stop_words)
    for entity in gazetteer.ruler_entities():
        label = _LABELS[entity.kind]
        for alias in entity.aliases:
            if len(alias) < 2 or alias.lower() in stops or strip_accents(alias).lower() in stops:
                continue
            for text in dict.fromkeys((alias, strip_accents(alias))):
                yield {"label": label, "pattern": text, "id": entity.id}


def _is_elision(token: Token) -> bool:
    text = token.text
    return len(text) <= 6 and (text.endswith("'") or text.endswith("\u2019"))


def _name_like(token: Token) -> bool:
    """A token that can be part of a capitalised or ALL-CAPS personal name."""
    text = token.text
    return text[:1].isupper() and text.replace("-", "").replace("\u2019", "").replace("'", "").isalpha()


def _line_start(token: Token) -> bool:
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_


class EntityFixes:
    """Repairs of ``fr_core_news_md`` entities (version 1):

    * a title followed by a name ("SEM Abdoulaye DIOP", "Capitaine Ibrahim TRAORE", "Général
      d'Armée Assimi GOITA") is a person, whatever the model said;
    * "Prénom NOM" (a proper noun then ALL-CAPS tokens) is a person;
    * an entity that runs over a line break is split at the break;
    * elision fragments (qu', l'), punctuation and titles are trimmed off the edges;
    * what is left is dropped when it has no capital, or when it is a single word at the start
      of a sentence or line that is not a proper noun ("Suivez", "Principal", "A");
    * ruler matches of case-sensitive aliases (acronyms, one-word country and city names)
      that are not capitalised in the text are dropped.
    """

    def __init__(self) -> None:
        self.honorifics: tuple[tuple[str, ...], ...] = ()
        self.titles: frozenset[str] = frozenset()
        self.title_heads: frozenset[str] = frozenset()  # what a title's first words join to
        self.title_starts: frozenset[str] = frozenset()  # keys a title can start with
        self._keys: dict[int, str] = {}  # matching key by ORTH hash (a bounded cache)
        self.max_title_tokens = 0
        self.strict: dict[str, frozenset[str]] = {}

    def configure(self, gazetteer: Gazetteer) -> None:
        """Take the titles and case-sensitive aliases from the gazetteer (called once)."""
        self.honorifics = gazetteer.honorific_tokens()
        self.titles = frozenset(" ".join(t) for t in self.honorifics)
        self.title_heads = frozenset(t[:j] for t in self.titles for j in range(len(t)) if t[j] == " ")
        self.title_starts = self.titles | self.title_heads
        self.max_title_tokens = max((len(t) for t in self.honorifics), default=0) + 1
        strict: dict[str, set[str]] = {}
        loose: set[str] = set()  # keys with a mixed-case alias ("FAMa"): any case is fine
        for entity in gazetteer.ruler_entities():
            for alias in entity.aliases:
                key = entity.id + "|" + norm_key(alias)
                one_word = " " not in alias and entity.kind in ("state", "place")
                if alias.isupper() or one_word:
                    strict.setdefault(key, set()).update(
                        (alias, strip_accents(alias), alias.upper(), strip_accents(alias).upper()))
                else:
                    loose.add(key)
        self.strict = {k: frozenset(v) for k, v in strict.items() if k not in loose}

    def __call__(self, doc: Doc) -> Doc:
        keys = self._token_keys(doc)
        spans: list[Span] = []
        for ent in doc.ents:
            if ent.ent_id_ and not self._case_ok(ent):
                continue
            for part in self._split_lines(ent):
                part = self._trim(part, keys)
                if part is not None and self._keep(part):
                    spans.append(part)
        titled = self._titled_names(doc, keys)
        kept = [s for s in spans if not any(s.start < t.end and t.start < s.end and not
                                            (s.ent_id_ and s.label_ == "PER") for t in titled)]
        doc.ents = filter_spans(kept + [t for t in titled if not any(
            s.start < t.end and t.start < s.end for s in kept)])
        return doc

    def _token_keys(self, doc: Doc) -> list[str]:
        """Matching keys of the tokens (``norm_key`` of their text), once per doc, read from
        the ORTH array and remembered per word form."""
        if not len(doc):
            return []
        cache, strings = self._keys, doc.vocab.strings
        if len(cache) > KEY_CACHE_SIZE:
            cache.clear()
        out = []
        for orth in doc.to_array(ORTH).tolist():
            key = cache.get(orth)
            if key is None:
                key = cache[orth] = norm_key(strings[orth])
            out.append(key)
        return out

    def _case_ok(self, ent: Span) -> bool:
        if ent.label_ == "LOC" and any(len(t) > 3 and t.text[:1].islower() for t in ent):
            return False  # "la réunion" is not La Réunion, "suisse" not Suisse
        allowed = self.strict.get(ent.ent_id_ + "|" + norm_key(ent.text))
        if allowed is None:
            return True
        return ent.text in allowed or ent.text.replace("\u2019", "'") in allowed

    @staticmethod
    def _split_lines(ent: Span) -> list[Span]:
        parts, start = [], ent.start
        for tok in ent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                end = tok.i if "\n" in tok.text else tok.i + 1
                if end > start:
                    parts.append(Span(ent.doc, start, end, label=ent.label_, span_id=ent.ent_id_))
                start = tok.i + 1
        if start < ent.end:
            parts.append(Span(ent.doc, start, ent.end, label=ent.label_, span_id=ent.ent_id_))
        if len(parts) > 1:  # a gazetteer id named the whole span, not its pieces
            parts = [Span(p.doc, p.start, p.end, label=p.label_) for p in parts]
        return parts

    def _trim(self, span: Span, keys: list[str]) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].is_punct or doc[start].is_space or _is_elision(doc[start])
                               or (not span.ent_id_ and self._title_at(keys, start, len(doc)))):
            start += self._title_at(keys, start, end) or 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or _is_elision(doc[end - 1])
                               or doc[end - 1].lower_ in ("de", "du", "des", "la", "le", "et", "l'")):
            end -= 1
        if start >= end:
            return None
        if span.label_ == "PER":
            end = _extend_hyphenated(doc, end)
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label=span.label_, span_id=span.ent_id_ if span.ent_id_ else 0)

    def _keep(self, span: Span) -> bool:
        if span.ent_id_:
            return True
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
            return False
        if not span[0].text[:1].isupper() and not span[0].text[:1].isdigit():
            return False  # "ministres des Affaires étrangères", "place de la Force Unifiée"
        if len(span) == 1:
            tok = span[0]
            if tok.is_stop or len(tok.text) < 2 or _is_elision(tok):
                return False
            if (tok.is_sent_start or _line_start(tok)) and tok.pos_ not in ("PROPN",) and not tok.is_upper:
                return False
            if tok.pos_ in ("VERB", "AUX"):
                return False
        if span[0].pos_ in ("VERB", "AUX") and (span[0].is_sent_start or _line_start(span[0])):
            return False  # "Suivez-nous sur ...", "Laisser un commentaire"
        return True

    def _title_at(self, keys: list[str], i: int, limit: int) -> int:
        """Length in tokens of the longest title starting at token ``i`` (0 if none);
        ``keys`` are the tokens' matching keys, computed once per doc."""
        best, joined = 0, ""
        for m in range(1, min(self.max_title_tokens, limit - i) + 1):
            joined = keys[i] if m == 1 else joined + " " + keys[i + m - 1]
            if joined in self.titles:
                best = m
            if joined not in self.title_heads:
                break  # no title goes on from these words
        return best

    def _titled_names(self, doc: Doc, keys: list[str]) -> list[Span]:
        """Person spans: a title then a name, or a proper noun then ALL-CAPS surnames."""
        out: list[Span] = []
        i, n = 0, len(doc)
        # Proper nouns in title case, read once from the token arrays (not token by token).
        flags = doc.to_array([POS, IS_TITLE]) if n else None
        capital_propn = ((flags[:, 0] == PROPN) & (flags[:, 1] != 0)).tolist() if n else []
        starts = self.title_starts
        while i < n:
            skip = self._title_at(keys, i, n) if keys[i] in starts else 0
            while skip and self._title_at(keys, i + skip, n):  # "Leurs Excellences Général ..."
                skip += self._title_at(keys, i + skip, n)
            if skip and doc[i].text[:1].isupper() or (skip and doc[i].lower_ in ("ministre", "président")):
                span = self._name_after(doc, keys, i + skip)
                if span is not None:
                    out.append(span)
                    i = span.end
                    continue
            if not capital_propn[i]:
                i += 1
                continue
            tok = doc[i]
            if (tok.pos_ == "PROPN" and tok.is_title and i + 1 < n and doc[i + 1].is_upper
                    and len(doc[i + 1]) >= 3 and doc[i + 1].is_alpha and not tok.ent_id_ and not doc[i + 1].ent_id_):
                end = i + 2
                while end < n and end - i < MAX_NAME_TOKENS and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) >= 2:
                    end += 1
                if not _line_start(tok) or _has_verb_after(doc, end):
                    out.append(Span(doc, i, end, label="PER"))
                    i = end
                    continue
            i += 1
        return out

    def _name_after(self, doc: Doc, keys: list[str], i: int) -> Span | None:
        end = i
        while end < len(doc) and end - i < MAX_NAME_TOKENS:
            tok = doc[end]
            if "\n" in tok.text or (end > i and "\n" in doc[end - 1].whitespace_):
                break
            if _name_like(tok) and not self._title_at(keys, end, len(doc)):
                end += 1
            elif tok.lower_ in _NAME_PARTICLES and end > i and end + 1 < len(doc) and _name_like(doc[end + 1]):
                end += 1
            else:
                break
        if end == i:
            return None
        end = _extend_hyphenated(doc, end)
        name = doc[i:end]
        # One capitalised word after a title is a name only when it looks like one (ALL-CAPS
        # or a proper noun): "Président Macron", "SEM DIOP"; not "ministre Un".
        if end - i == 1 and not (name[0].is_upper or name[0].pos_ == "PROPN" or name[0].ent_type_ == "PER"):
            return None
        if any(t.ent_id_ and t.ent_type_ in ("ORG", "LOC") for t in name):
            return None  # "le Président Mali" is not a person
        return Span(doc, i, end, label="PER")


def _extend_hyphenated(doc: Doc, end: int) -> int:
    """Grow a person span over a hyphenated surname the model cut ("Sangaré" + "-Diallo")."""
    while end < len(doc) and not doc[end - 1].whitespace_:
        tok = doc[end]
        if tok.text == "-" and not tok.whitespace_ and end + 1 < len(doc) and _name_like(doc[end + 1]):
            end += 2
        elif tok.text.startswith("-") and len(tok.text) > 2 and tok.text[1:2].isupper():
            end += 1
        else:
            break
    return end


def _has_verb_after(doc: Doc, end: int) -> bool:
    """True when a verb follows on the same line: a sentence, not a byline."""
    for tok in doc[end:end + 8]:
        if "\n" in tok.text:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return True
    return False


@Language.factory(FIXER)
def _make_fixer(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes()
