"""Places of the event: where it happened (or will happen), not every place an article names.

A place is the event's when it is governed by "à", "en", "dans", "au" and a meeting word
("tenu", "réunion", "visite", "pourparlers" ...) stands near it in the same sentence; the
dateline place ("Moscou, le 03 avril 2025", or ``Article.dateline_place``) is kept with role
``dateline``. Values are gazetteer ids: ``place:<geonameid>`` for a city, ``state:<ISO2>``
for a country. A place in a future or conditional clause ("effectueront une visite à
Moscou", "doit se rendre à Agadez") is ``planned``. A place of ANOTHER occurrence than the
article's event gets role ``other_event``: "trois mois après leur première rencontre à
Ankara" (a past one), "la prochaine session se tiendra à Bamako", "la troisième session" in an
article on the second, or what a report of a done event announces for later (these have
``next_event`` True). A place completing a title ("l'ambassadeur de Chine au Niger") or
breaking down a count ("300 techniciens, dont 120 en Chine") is none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Sequence

from recoupe.extract.actors import LineIndex
from recoupe.extract.gazetteer import Gazetteer, strip_accents
from recoupe.extract.tokens import indices_matching, resolve
from recoupe.records import Claim, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from recoupe.extract.context import ArticleContext

EXTRACTOR = "places.fr@2"  # @2: a breakdown of a count is no event place (2026-12-06)
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
    lines = ctx.shared("lines", lambda: LineIndex(text, gz))
    meeting = gz.words("meeting_words")
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    dateline = _dateline(ctx, gz)
    if dateline is not None:
        start, end, entity = dateline
        claims.append(_claim(ctx, entity, start, end, "dateline", False))
        seen.add((start, end))
    # Tokens that are meeting words (form or lemma), found once for every rule below.
    hits = ctx.shared("meeting_indices", lambda: indices_matching(doc, meeting))
    main = _main_ordinal(doc, hits, gz.words("past_occurrence_words"))
    published = ctx.article.published or ""
    year = int(published[:4]) if published[:4].isdigit() else None
    found: list[tuple["Span", Entity, bool, str | None]] = []
    for ent in ctx.shared("ents", lambda: doc.ents):
        if (ent.start_char, ent.end_char) in seen or lines.is_junk(ent.start_char):
            continue
        entity = _place_of(ent, gz)
        if entity is None or not _governed(ent, entity) or _in_title(ent, gz) or _share_of_a_count(ent):
            continue
        if not _near_meeting_word(ent, hits):
            continue
        planned = _planned(ent, gz) or _later_year(ent, year)
        found.append((ent, entity, planned, _occurrence(ent, gz, hits, main)))
    # An article that reports its event as done: what it announces for later is another event
    # ("une mission d'experts doit se rendre à Agadez" after "se sont réunis à Bamako").
    # (A place with no verb, as in a heading "Un sommet stratégique à Moscou", says nothing.)
    reported = _reports_meeting(doc, hits)
    for ent, entity, planned, other in found:
        if other is None and planned and reported:
            other = "next"
        if other is None:
            claims.append(_claim(ctx, entity, ent.start_char, ent.end_char, "event", planned))
        else:
            claims.append(_claim(ctx, entity, ent.start_char, ent.end_char, "other_event", planned,
                                 next_event=other == "next"))
    return claims


# French ordinals of a meeting ("la deuxième session", "le 3e sommet").
ORDINALS = {"premier": 1, "premiere": 1, "1er": 1, "1re": 1, "deuxieme": 2, "second": 2, "seconde": 2,
            "2e": 2, "troisieme": 3, "3e": 3, "quatrieme": 4, "4e": 4, "cinquieme": 5, "5e": 5,
            "sixieme": 6, "6e": 6, "septieme": 7, "7e": 7, "huitieme": 8, "8e": 8, "neuvieme": 9,
            "9e": 9, "dixieme": 10, "10e": 10}
# Tokens between an ordinal or a "next"/"past" word and its meeting noun ("la toute première
# session", "leur première rencontre", "la session suivante").
QUALIFIER_GAP = 2


def _word(tok: "Token") -> str:
    return strip_accents(tok.lower_)


def _meeting_nouns(doc: "Doc", hits: Sequence[int], lo: int = 0, hi: int | None = None) -> list["Token"]:
    """The meeting nouns among the meeting-word tokens ``hits`` (sorted indices) in ``[lo, hi)``."""
    end = len(doc) if hi is None else hi
    return [doc[i] for i in hits[bisect_left(hits, lo):bisect_left(hits, end)] if doc[i].pos_ in ("NOUN", "PROPN")]


def _ordinal_of(doc: "Doc", i: int) -> int | None:
    """The ordinal of the meeting noun at ``i`` ("la deuxième session" -> 2)."""
    for j in range(max(0, i - QUALIFIER_GAP - 1), i):
        n = ORDINALS.get(_word(doc[j]))
        if n is not None:
            return n
    return None


def _past_qualified(doc: "Doc", i: int, past: frozenset[str]) -> bool:
    """"après leur première rencontre", "la précédente session": a meeting before the
    article's (not "après deux heures de discussions": a number makes it a duration)."""
    before = [doc[j] for j in range(max(doc[i].sent.start, i - QUALIFIER_GAP - 1), i)]
    return any(_word(t) in past for t in before) and not any(t.like_num and _word(t) not in ORDINALS for t in before)


def _main_ordinal(doc: "Doc", hits: Sequence[int], past: frozenset[str]) -> int | None:
    """The ordinal of the article's own event: the first "<ordinal> <meeting noun>" it gives
    (the title or the lead) that is not a past one, None when it gives none."""
    for tok in _meeting_nouns(doc, hits):
        if not _past_qualified(doc, tok.i, past):
            n = _ordinal_of(doc, tok.i)
            if n is not None:
                return n
    return None


def _occurrence(ent: "Span", gz: Gazetteer, hits: Sequence[int], main: int | None) -> str | None:
    """``"next"`` or ``"past"`` when the meeting noun by the place names another occurrence
    than the article's event ("la prochaine session se tiendra à Bamako", "la troisième
    session à Istanbul" in an article on the second, "trois mois après leur première rencontre
    à Ankara"); None for the article's own event."""
    doc, sent = ent.doc, ent.sent
    lo, hi = max(sent.start, ent.start - MEETING_WINDOW), min(sent.end, ent.end + MEETING_WINDOW)
    nxt, past = gz.words("next_occurrence_words"), gz.words("past_occurrence_words")
    for tok in _meeting_nouns(doc, hits, lo, hi):
        near = [doc[j] for j in range(max(sent.start, tok.i - QUALIFIER_GAP - 1), min(hi, tok.i + QUALIFIER_GAP + 1))
                if j != tok.i]
        if any(_word(t) in nxt for t in near):
            return "next"
        if tok.i < ent.start and _past_qualified(doc, tok.i, past):
            return "past"
        n = _ordinal_of(doc, tok.i)
        if n is not None and main is not None and n != main:
            return "next" if n > main else "past"
    return None


def _reports_meeting(doc: "Doc", hits: Sequence[int]) -> bool:
    """A meeting word in a compound past ("se sont réunis", "les travaux ont duré", "ont été
    reçus"): the article reports its event as done."""
    for i in hits:
        tok = doc[i]
        verb = tok if tok.pos_ == "VERB" else tok.head
        if verb.pos_ == "VERB" and any(c.dep_ == "aux:tense" for c in verb.children):
            return True
    return False


def _later_year(ent: "Span", year: int | None) -> bool:
    """A year after the publication's by the place ("l'ouverture en janvier 2026 à
    Ouagadougou" in a 2025 article): what is said to happen there is still to come."""
    if year is None:
        return False
    sent = ent.sent
    lo, hi = max(sent.start, ent.start - MEETING_WINDOW), min(sent.end, ent.end + MEETING_WINDOW)
    return any(len(t.text) == 4 and t.text.isdigit() and year < int(t.text) <= year + YEARS_AHEAD
               for t in ent.doc[lo:hi])


# A four-digit number at most this many years after publication is a year, not an amount.
YEARS_AHEAD = 30


def _in_title(ent: "Span", gz: Gazetteer) -> bool:
    """"l'ambassadeur de Chine au Niger": the place completes a person's title."""
    titles = gz.words("title_nouns")
    doc = ent.doc
    for j in range(ent.start - 1, max(ent.sent.start, ent.start - 6) - 1, -1):
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].is_punct:
            return False
        if _word(doc[j]) in titles:
            return True
    return False


def _claim(ctx: "ArticleContext", entity: Entity, start: int, end: int, role: str, planned: bool,
           **extra: object) -> Claim:
    return ctx.claim("place", entity.id, start, end, EXTRACTOR, planned=planned, name=entity.name,
                     country=entity.country, lat=entity.lat, lon=entity.lon, role=role, **extra)


def _place_of(ent: "Span", gz: Gazetteer) -> Entity | None:
    if ent.ent_id_:
        entity = gz.get(ent.ent_id_)
    elif ent.label_ == "LOC":
        entity = resolve(gz, ent.text, PLACE_KINDS)
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


def _share_of_a_count(ent: "Span") -> bool:
    """True for a place that says where part of a count is ("300 techniciens, dont 120 en
    Chine", "dont 40 % au Mali"): a breakdown, not where the event happened."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in _DETERMINERS:
        i -= 1
    # i is the preposition (checked by _governed); before it: "dont" + a number (+ a unit word).
    for back in range(i - 1, max(ent.sent.start, i - 5) - 1, -1):
        tok = doc[back]
        if tok.lower_ == "dont":
            return any(t.like_num or t.pos_ == "NUM" for t in doc[back + 1:i])
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _near_meeting_word(ent: "Span", hits: Sequence[int]) -> bool:
    sent = ent.sent
    lo = max(sent.start, ent.start - MEETING_WINDOW)
    hi = min(sent.end, ent.end + MEETING_WINDOW)
    return bisect_left(hits, lo) < bisect_left(hits, hi)


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


def _planned(ent: "Span", gz: Gazetteer) -> bool:
    """True when the verb governing the place is in the future or conditional, directly
    ("effectueront une visite à Moscou"), through an auxiliary ("sera organisée") or a
    modal ("devrait se tenir"), or announces what is to come ("doit se rendre à Agadez",
    "est attendue à Niamey", "est prévue à Bamako")."""
    cues = gz.words("future_cue_lemmas")
    tok = ent.root
    for _ in range(MAX_HEAD_STEPS):
        if tok.pos_ in ("VERB", "AUX"):
            if _is_future(tok) or any(_is_future(c) for c in tok.children if c.dep_.startswith("aux")):
                return True
            if strip_accents(tok.lemma_.lower()) in cues:
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
        entity = resolve(gz, declared, PLACE_KINDS)
        if at >= 0 and entity is not None:
            return at, at + len(declared), entity
    pos = 0
    for number, line in enumerate(text.split("\n")):
        if number >= DATELINE_MAX_LINE:
            break
        match = _DATELINE.match(line)
        if match:
            entity = resolve(gz, match.group(1), PLACE_KINDS)
            if entity is not None:
                return pos + match.start(1), pos + match.end(1), entity
        pos += len(line) + 1
    return None
