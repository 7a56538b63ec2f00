"""What kind of article: ``report``, ``preview``, ``communique`` or ``opinion``.

The rule, in order (lexical cues on the text outside quotations, plus the extracted claims):

1. ``communique``: the article *is* an official statement: its title says so ("Communiqué
   conjoint", "Communiqué de presse") or it speaks in the parties' own convention voice ("Les
   Parties sont convenues", "la Partie russe", at least ``COMMUNIQUE_MIN_CUES`` times, or once with
   a press-office signature in ``credits``), and it never cites a communiqué in the third person
   ("précise le communiqué", "selon le communiqué", "renseigne le document"). An article that
   quotes a communiqué is a journalist's report *about* it: ``report``.
2. ``opinion``: an editorial label at the head ("Éditorial", "Tribune", "Point de vue",
   "Chronique", "Opinion"), an editorial phrase ("selon nous", "à notre avis", "à mon avis"),
   or a first-person author (``OPINION_FIRST_PERSON`` first-person singular words outside quotes).
3. ``preview``: written before the event: future/conditional verbs and "sera l'occasion", "est
   attendu", "devrait" outnumber past-tense verbs (passé composé) outside quotes, with at least
   ``PREVIEW_MIN_FUTURE`` of them; date claims about the event count as votes (planned dates for,
   dates reported as past against).
4. ``report`` otherwise.

Quotations are removed first: a minister who says "we will meet again" in a report does not
make the report a preview, nor "je" in a quote make it an opinion.
"""

from __future__ import annotations

import re
from typing import Sequence

from recoupe.records import Article, ArticleKind, Claim

# Convention-voice cues needed to call a text a communiqué without a press-office signature.
COMMUNIQUE_MIN_CUES = 2
# Future/conditional markers needed (outside quotes) before a text can be a preview: one
# "devrait" in a report's last line is a forecast, not a preview.
PREVIEW_MIN_FUTURE = 2
# Each event date claim (about_event) counts as this many verbs: a planned date of the event is
# strong evidence of a preview, a past one of a report.
DATE_CLAIM_VOTE = 2
# First-person singular words outside quotes that make the author a columnist.
OPINION_FIRST_PERSON = 4
# Characters at the head of the text where an editorial or communiqué label is looked for.
HEAD_CHARS = 200

_QUOTED = re.compile(r"«[^»]*»|<<.*?>>|“[^”]*”|\"[^\"\n]*\"", re.DOTALL)

# Future and conditional forms are recognised word by word (a suffix test is ~20x faster than
# a regex with a variable-length prefix): 3rd person future (effectueront, porteront, sera,
# permettra) and conditional of expectation (devrait, pourraient).
_FUTURE_SUFFIXES = ("eront", "iront", "dront", "vront", "rront", "era", "ira", "dra", "rra")
_FUTURE_WORDS = frozenset(
    "sera seront fera feront aura auront ira iront pourra pourront devra devront viendra tiendra "
    "devrait devraient pourrait pourraient serait seraient will".split()
)
# Not futures although they end like one.
_FUTURE_EXCEPTIONS = frozenset("front affront opéra caméra camera opera chimera ère sphère era extra".split())
_FUTURE_PHRASE = re.compile(
    r"\b(?:(?:va|vont)\s+(?:se\s+|s['’])?\w+(?:er|ir|re)"  # near future: vont se réunir
    r"|(?:est|sont)\s+attendu(?:e|s|es)?|prévu(?:e|s|es)?\s+(?:pour|le|les|du|à|en)"
    r"|(?:is|are)\s+(?:expected|scheduled|due)\s+to)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def _future_count(text: str) -> int:
    words = 0
    for w in _WORD.findall(text):
        lower = w.lower()
        if len(lower) >= 4 and lower not in _FUTURE_EXCEPTIONS and (lower in _FUTURE_WORDS or lower.endswith(_FUTURE_SUFFIXES)):
            words += 1
        elif lower in _FUTURE_WORDS:
            words += 1
    return words + len(_FUTURE_PHRASE.findall(text))


_PAST = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:été|eu|fait|dit|pris|mis|\w{2,}(?:é|ée|és|ées|i|is|u|us|int|ert))"
    r"|(?:s['’]est|se\s+sont|s['’]était|se\s+sont\s+\w+)\s+\w{2,}(?:é|ée|és|ées|u|ue|us|ues|i|ie|is|ies|int|inte)"
    r"|(?:has|have|had)\s+\w+ed|\w{3,}ed\s+(?:on|in|at|to|by)|(?:said|told|met|held|took|was|were))\b",
    re.IGNORECASE,
)
_CONVENTION = re.compile(
    r"\b(?:les\s+(?:deux\s+)?parties\s+(?:sont\s+convenues|ont\s+convenu|ont\s+décidé|ont\s+réaffirmé|se\s+sont)"
    r"|la\s+partie\s+\w+\s+(?:a|s['’]est)|les\s+parties\s+\w+\s+et\s+\w+|the\s+parties\s+(?:agreed|have\s+agreed))",
    re.IGNORECASE,
)
_CITES_COMMUNIQUE = re.compile(
    r"\b(?:selon|d['’]après|dans|précise|indique|souligne|note|renseigne|poursuit|ajoute)\s+le\s+"
    r"(?:communiqué|document|texte)"
    r"|communiqué\s+(?:conjoint\s+)?(?:ayant|qui\s+a)\s+sanctionné|\ble\s+communiqué\s+(?:conjoint\s+)?(?:précise|indique|souligne|note)"
    r"|according\s+to\s+the\s+(?:statement|communiqu[ée])",
    re.IGNORECASE,
)
_COMMUNIQUE_TITLE = re.compile(r"\bcommuniqué\s+(?:conjoint|de\s+presse|final|officiel)|\bjoint\s+(?:statement|communiqu[ée])", re.IGNORECASE)
_PRESS_OFFICE = re.compile(
    r"\b(?:service|cellule|direction|bureau)\s+(?:de\s+(?:la\s+)?)?(?:communication|presse)|\bDCRP\b|\bpress\s+office\b",
    re.IGNORECASE,
)
_EDITORIAL_LABEL = re.compile(r"^\W*(?:[ée]ditorial|tribune|point\s+de\s+vue|chronique|opinion|op-ed|editorial)\b",
                              re.IGNORECASE | re.MULTILINE)
_EDITORIAL_PHRASE = re.compile(r"\b(?:selon\s+nous|à\s+notre\s+avis|à\s+mon\s+avis|nous\s+estimons|in\s+my\s+view|i\s+believe)\b",
                               re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:je|j['’]|moi|mon|ma|mes|me|m['’])(?=\W)", re.IGNORECASE)


def strip_quotes(text: str) -> str:
    """``text`` with quoted passages blanked (same length, so offsets stay meaningful)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def classify(article: Article, claims: Sequence[Claim] = ()) -> ArticleKind:
    """The kind of ``article`` (see the module docstring for the rule)."""
    text = article.text
    own = strip_quotes(text)
    head = text[:HEAD_CHARS]
    if _is_communique(article, own, head):
        return "communique"
    if _EDITORIAL_LABEL.search(head) or _EDITORIAL_PHRASE.search(own) or len(_FIRST_PERSON.findall(own)) >= OPINION_FIRST_PERSON:
        return "opinion"
    future = _future_count(own)
    past = len(_PAST.findall(own))
    planned = sum(1 for c in claims if c.slot == "date" and c.attrs.get("about_event") and c.planned)
    happened = sum(1 for c in claims if c.slot == "date" and c.attrs.get("about_event") and not c.planned)
    if future >= PREVIEW_MIN_FUTURE and future + DATE_CLAIM_VOTE * planned > past + DATE_CLAIM_VOTE * happened:
        return "preview"
    return "report"


def _is_communique(article: Article, own: str, head: str) -> bool:
    lower = own.lower()
    if any(w in lower for w in ("communiqu", "document", "texte", "statement")) and _CITES_COMMUNIQUE.search(own):
        return False
    cues = len(_CONVENTION.findall(own)) if ("parti" in lower) else 0
    signed = any(_PRESS_OFFICE.search(c) for c in article.credits)
    titled = bool(_COMMUNIQUE_TITLE.search(head))
    return titled or cues >= COMMUNIQUE_MIN_CUES or (signed and cues >= 1)
