"""Tense of the clause around a temporal expression: is it announced (future, conditional)
or reported (past)? With a spaCy ``Doc`` we read the morphology of the governing verb;
without one, French verb endings and a few cue phrases. Used both to resolve a bare
weekday ("samedi" in a future clause is next Saturday) and to mark dates as planned.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from recoupe.extract.packs.fr import timex_lexicon as lex

Tense = str | None  # "future", "past" or None

# Characters looked at around an expression for its verb, when there is no parse: about a
# dozen words before, half that after (French puts the time adverb after its verb).
CLAUSE_BEFORE = 80
CLAUSE_AFTER = 40

_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# Future and conditional endings ("effectueront", "se tiendra", "devrait", "pourraient").
_FUTURE = re.compile(
    r"\b\w{2,}(?:erai|eras|era|erons|erez|eront|irai|ira|irons|iront|drai|dra|dront|rra|rront|"
    r"ra|ront|rait|raient)\b", re.IGNORECASE)
# "va se tenir", "vont signer": near future with aller.
_NEAR_FUTURE = re.compile(r"\b(?:va|vont|allons|allez)\s+(?:se\s+|s['’]|l['’]|les?\s+)?\w+(?:er|ir|re)\b", re.IGNORECASE)
# Compound past and imperfect ("a eu lieu", "se sont tenus", "était").
# "est"/"sont" + participle is also the present passive ("est fixé"): only the verbs that
# take "être" in the compound past count there.
_PAST = re.compile(
    r"\b(?:a|ont|avait|avaient|eut|eurent|s['’]est|se\s+sont|s['’]était|se\s+sont|ai|avons|avez)"
    r"\s+(?:\w+\s+){0,2}?\w+(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ert|erte|ort|ait|is)\b"
    r"|\b(?:est|sont|était|étaient|fut|furent)\s+(?:\w+\s+)?(?:arrivé|parti|venu|revenu|devenu|allé|"
    r"mort|décédé|né|entré|rentré|sorti|tombé|resté|retourné|passé|monté|descendu)e?s?\b"
    r"|\b\w{2,}(?<!r)(?:ait|aient)\b", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:" + "|".join(lex.PLANNED_CUES) + r")\b", re.IGNORECASE)
_NOT_VERBS = lex.NOT_FUTURE_VERBS | {"front", "affront", "entra", "opéra", "choléra", "caméra"}


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (split on . ! ? and line breaks)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() + 1 if m else len(text))


def lexical_tense(text: str, pos: int) -> Tense:
    """The tense of the verb nearest to ``pos`` in its sentence, from verb endings."""
    start, end = sentence_bounds(text, pos)
    # The clause around the expression: a verb far away in a long sentence governs
    # something else.
    start, end = max(start, pos - CLAUSE_BEFORE), min(end, pos + CLAUSE_AFTER)
    cues: list[tuple[int, str]] = []
    for m in _FUTURE.finditer(text, start, end):
        if m.group().lower() not in _NOT_VERBS and not m.group().istitle():
            cues.append((m.start(), "future"))
    for m in _NEAR_FUTURE.finditer(text, start, end):
        cues.append((m.start(), "future"))
    for m in _PLANNED.finditer(text, start, end):
        cues.append((m.start(), "future"))
    for m in _PAST.finditer(text, start, end):
        cues.append((m.start(), "past"))
    if not cues:
        return None
    return min(cues, key=lambda c: abs(c[0] - pos))[1]


def _verb_tense(verb: Any) -> str:
    """Tense of a spaCy verb token with its auxiliaries: "future" (future, conditional,
    "aller" + infinitive, "devoir"/"prévoir"), "past" (compound past, imperfect, simple
    past) or "present" (including the present passive "est fixé")."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    for t in [verb] + auxes:
        if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood"):
            return "future"
        if t.lemma_ == "aller" and t.dep_.startswith("aux"):
            return "future"
    if verb.lemma_ in ("devoir", "prévoir") or verb.lower_ in ("prévu", "prévue", "prévus", "prévues"):
        return "future"
    if "Part" in verb.morph.get("VerbForm"):
        for a in auxes:
            if a.dep_ == "aux:tense":
                return "past"  # "a eu lieu", "se sont tenus"
            if any(x in a.morph.get("Tense") for x in ("Past", "Imp")):
                return "past"  # "était fixé"
        return "present" if auxes else "past"  # "est fixé" / a bare participle clause
    if any(x in verb.morph.get("Tense") for x in ("Past", "Imp")):
        return "past"
    return "present"


def doc_tense(doc: Any, pos: int) -> str | None:
    """Tense of the first verb above the token at character ``pos`` in a spaCy ``Doc``
    ("future", "past", "present"), None when no verb governs it."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[0]
    for _ in range(8):  # walk up to the governing verb; a dependency chain is short
        if token.pos_ in ("VERB", "AUX") and token is not span[0]:
            if "Inf" in token.morph.get("VerbForm") and token.head is not token \
                    and token.head.pos_ in ("VERB", "AUX") and token.dep_ == "xcomp":
                token = token.head  # "devrait durer deux heures": the modal carries the tense
                continue
            return _verb_tense(token)
        if token.head is token:
            break
        token = token.head
    return None


def parse_of(doc: Any, text: str) -> bool:
    """True when ``doc`` is a spaCy parse of ``text``: same length and the same last token
    (``Doc.text`` would rebuild the whole string from its tokens: costly per call)."""
    if doc is None or not hasattr(doc, "__len__"):
        return False
    if not len(doc):
        return text == ""
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text) and text.startswith(last.text, last.idx)


def tense_reader(text: str, doc: Any = None) -> Callable[[int], Tense]:
    """A function position -> tense, from the parse when ``doc`` is given (falling back to
    verb endings where the parse says nothing), else from verb endings alone."""
    if not parse_of(doc, text):
        return lambda pos: lexical_tense(text, pos)

    def read(pos: int) -> Tense:
        tense = doc_tense(doc, pos)
        if tense is None:
            return lexical_tense(text, pos)
        return None if tense == "present" else tense

    return read
