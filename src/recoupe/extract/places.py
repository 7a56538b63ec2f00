"""Places of the event: where it happened (or will happen), not every place an article names.

A place is the event's when it is governed by "à", "en", "dans", "au" and a meeting word
("tenu", "réunion", "visite", "pourparlers" ...) stands near it in the same sentence; the
dateline place ("Moscou, le 03 avril 2025", or ``Article.dateline_place``) is kept with role
``dateline``. Values are gazetteer ids: ``place:<geonameid>`` for a city, ``state:<ISO2>``
for a country. A place in a future or conditional clause ("effectueront une visite à
Moscou") is ``planned``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.extract.actors import LineIndex
from recoupe.extract.gazetteer import Gazetteer, strip_accents
from recoupe.records import Claim, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from recoupe.extract.context import ArticleContext

EXTRACTOR = "places.fr@1"
PLACE_KINDS = ("place", "state")
# Prepositions that put an event in a place ("à Moscou", "en Russie", "au Mali").
LOCATIVE = frozenset({"à", "a", "en", "dans", "au", "aux"})
# Determiners allowed between the preposition and the name ("en la Fédération", "dans la capitale").
_DETERMINERS = frozenset({"la", "le", "les", "l'", "l\u2019"})
# A meeting word must be this close (in tokens, same sentence) to the place.
MEETING_WINDOW = 10
# A dateline sits in the first lines of an article.
DATELINE_MAX_LINE = 6
# "Moscou, le 03 avril 2025" / "BAMAKO, 3 avril (AFP) -" / "Niamey (AFP) -".
_DATELINE = re.compile(
    r"^\s*([A-ZÀ-Þ][\w'’ .-]{1,40}?)\s*(?:,\s*(?:le\s+)?\d{1,2}(?:er)?\s+\w+|\((?:AFP|Reuters|AP|APS|ANP|AIB)\))")
# How far up the dependency tree to look for the verb that governs a place.
MAX_HEAD_STEPS = 6


def extract(ctx: "ArticleContext") -> list[Claim]:
    """``place`` claims for the event's places and the dateline place."""
    doc, gz, text = ctx.doc, ctx.gazetteer, ctx.article.text
    lines = LineIndex(text, gz)
    meeting = gz.words("meeting_words")
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    dateline = _dateline(ctx, gz)
    if dateline is not None:
        start, end, entity = dateline
        claims.append(_claim(ctx, entity, start, end, "dateline", False))
        seen.add((start, end))
    for ent in doc.ents:
        if (ent.start_char, ent.end_char) in seen or lines.is_junk(ent.start_char):
            continue
        entity = _place_of(ent, gz)
        if entity is None or not _governed(ent, entity):
            continue
        if not _near_meeting_word(ent, meeting):
            continue
        claims.append(_claim(ctx, entity, ent.start_char, ent.end_char, "event", _planned(ent)))
    return claims


def _claim(ctx: "ArticleContext", entity: Entity, start: int, end: int, role: str, planned: bool) -> Claim:
    return ctx.claim("place", entity.id, start, end, EXTRACTOR, planned=planned, name=entity.name,
                     country=entity.country, lat=entity.lat, lon=entity.lon, role=role)


def _place_of(ent: "Span", gz: Gazetteer) -> Entity | None:
    if ent.ent_id_:
        entity = gz.get(ent.ent_id_)
    elif ent.label_ == "LOC":
        entity = gz.resolve(ent.text, kinds=PLACE_KINDS)
    else:
        return None
    return entity if entity is not None and entity.kind in PLACE_KINDS else None


def _governed(ent: "Span", entity: Entity) -> bool:
    """True when a locative preposition introduces the name: "à Moscou", "en Russie",
    "au Mali". "à" before a country is a dative ("sa gratitude à la Russie"), not a place."""
    i = ent.start - 1
    doc = ent.doc
    while i >= 0 and doc[i].lower_ in _DETERMINERS:
        i -= 1
    if i < 0 or doc[i].lower_ not in LOCATIVE:
        return False
    return not (entity.kind == "state" and doc[i].lower_ in ("à", "a"))


def _near_meeting_word(ent: "Span", meeting: frozenset[str]) -> bool:
    sent = ent.sent
    lo = max(sent.start, ent.start - MEETING_WINDOW)
    hi = min(sent.end, ent.end + MEETING_WINDOW)
    for tok in ent.doc[lo:hi]:
        if strip_accents(tok.lower_) in meeting or strip_accents(tok.lemma_.lower()) in meeting:
            return True
    return False


# Future and conditional endings after the future stem ("form-er-a", "tiendr-ons").
_FUTURE_ENDINGS = ("aient", "ions", "iez", "ais", "ait", "ons", "ont", "ai", "as", "ez", "a")
# Irregular future stems by infinitive ending; compounds share them (obtenir -> obtiendr).
_IRREGULAR_STEMS = (("tenir", "tiendr"), ("venir", "viendr"), ("pouvoir", "pourr"), ("vouloir", "voudr"),
                    ("devoir", "devr"), ("recevoir", "recevr"), ("savoir", "saur"), ("falloir", "faudr"),
                    ("valoir", "vaudr"), ("envoyer", "enverr"), ("courir", "courr"), ("mourir", "mourr"),
                    ("faire", "fer"), ("voir", "verr"), ("avoir", "aur"), ("être", "ser"), ("aller", "ir"))


def _future_stem(lemma: str) -> str:
    for infinitive, stem in _IRREGULAR_STEMS:
        if lemma.endswith(infinitive):
            return lemma[: -len(infinitive)] + stem
    return lemma[:-1] if lemma.endswith("re") else lemma


def _is_future(tok: "Token") -> bool:
    """Future or conditional by the morphologizer, or by the form: the model often tags a
    future as present ("tiendrons"), so the ending is checked against the verb's future stem."""
    morph = tok.morph
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return True
    if "Fin" not in morph.get("VerbForm"):
        return False
    form, stem = tok.lower_, _future_stem(tok.lemma_.lower())
    return any(form.endswith(e) and form[: -len(e)] == stem for e in _FUTURE_ENDINGS)


def _planned(ent: "Span") -> bool:
    """True when the verb governing the place is in the future or conditional, directly
    ("effectueront une visite à Moscou"), through an auxiliary ("sera organisée") or a
    modal ("devrait se tenir")."""
    tok = ent.root
    for _ in range(MAX_HEAD_STEPS):
        if tok.pos_ in ("VERB", "AUX"):
            if _is_future(tok) or any(_is_future(c) for c in tok.children if c.dep_.startswith("aux")):
                return True
            if "Inf" in tok.morph.get("VerbForm") and tok.head is not tok:
                tok = tok.head  # "devrait se tenir": the modal carries the tense
                continue
            return False
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _dateline(ctx: "ArticleContext", gz: Gazetteer) -> tuple[int, int, Entity] | None:
    """The dateline place: ``Article.dateline_place`` when ingest found it (its first
    occurrence in the text), else a "Place, le <date>" line among the first lines."""
    text = ctx.article.text
    declared = ctx.article.dateline_place
    if declared:
        at = text.find(declared)
        entity = gz.resolve(declared, kinds=PLACE_KINDS)
        if at >= 0 and entity is not None:
            return at, at + len(declared), entity
    pos = 0
    for number, line in enumerate(text.split("\n")):
        if number >= DATELINE_MAX_LINE:
            break
        match = _DATELINE.match(line)
        if match:
            entity = gz.resolve(match.group(1), kinds=PLACE_KINDS)
            if entity is not None:
                return pos + match.start(1), pos + match.end(1), entity
        pos += len(line) + 1
    return None
