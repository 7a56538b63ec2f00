"""French lexicon of the temporal tagger (:mod:`recoupe.extract.timex`).

Plain data, plus one small generator for number words. Everything here is general French
(calendar words, number words, approximation markers, tense cues, meeting vocabulary); no
entry comes from a particular article. Another language adds its own ``timex_lexicon``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

# Month names, with the spellings met in news copy (accents often lost in feeds) and the
# dotted abbreviations of datelines ("3 sept. 2024").
MONTHS: Mapping[str, int] = MappingProxyType({
    "janvier": 1, "janv.": 1, "février": 2, "fevrier": 2, "févr.": 2, "fevr.": 2, "mars": 3,
    "avril": 4, "avr.": 4, "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept.": 9, "octobre": 10, "oct.": 10, "novembre": 11, "nov.": 11,
    "décembre": 12, "decembre": 12, "déc.": 12, "dec.": 12,
})

# Monday = 0, as datetime.date.weekday().
WEEKDAYS: Mapping[str, int] = MappingProxyType({
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
})

# Seasons as TimeML codes.
SEASONS: Mapping[str, str] = MappingProxyType({
    "printemps": "SP", "été": "SU", "ete": "SU", "automne": "FA", "hiver": "WI",
})

# Parts of the day as TimeML codes ("hier soir" -> 2025-04-02TEV); midi/minuit are clock times.
PARTS_OF_DAY: Mapping[str, str] = MappingProxyType({
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "apres-midi": "AF", "soir": "EV",
    "soirée": "EV", "nuit": "NI", "journée": "DT",
})

# Day offsets of the deictic day words.
DAY_WORDS: Mapping[str, int] = MappingProxyType({
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
    "après-demain": 2, "apres-demain": 2,
})

# Day offsets from the last date mentioned ("le lendemain" of the meeting).
CHAINED_DAY_WORDS: Mapping[str, int] = MappingProxyType({
    "veille": -1, "avant-veille": -2, "lendemain": 1, "surlendemain": 2,
})

# Adverbs that point at the present, past or future as a whole (TimeML *_REF values).
REF_WORDS: Mapping[str, str] = MappingProxyType({
    "actuellement": "PRESENT_REF", "maintenant": "PRESENT_REF", "désormais": "PRESENT_REF",
    "pour l'instant": "PRESENT_REF", "pour le moment": "PRESENT_REF",
    "à l'heure actuelle": "PRESENT_REF", "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF",
    "auparavant": "PAST_REF", "autrefois": "PAST_REF", "jadis": "PAST_REF", "naguère": "PAST_REF",
    "l'avenir": "FUTURE_REF", "le futur": "FUTURE_REF", "prochainement": "FUTURE_REF",
})

# Duration units: TimeML letter, whether it sits after the "T" of an ISO duration, its
# length in minutes (for ``minutes`` attrs and sorting; months and years are average lengths).
DURATION_UNITS: Mapping[str, tuple[str, bool, float]] = MappingProxyType({
    "seconde": ("S", True, 1 / 60), "minute": ("M", True, 1.0), "heure": ("H", True, 60.0),
    "jour": ("D", False, 1440.0), "journée": ("D", False, 1440.0), "nuit": ("D", False, 1440.0),
    "semaine": ("W", False, 10080.0), "mois": ("M", False, 43830.0),
    "trimestre": ("Q", False, 131490.0), "semestre": ("M6", False, 262980.0),
    "an": ("Y", False, 525960.0), "année": ("Y", False, 525960.0),
    "décennie": ("DE", False, 5259600.0), "siècle": ("CE", False, 52596000.0),
})

# Approximation markers in front of a duration or a clock time, longest first in the grammar.
APPROX_MARKERS: Mapping[str, str] = MappingProxyType({
    "près de": "about", "pres de": "about", "environ": "about", "quelque": "about",
    "presque": "about", "autour de": "about", "approximativement": "about", "vers": "about",
    "aux alentours de": "about", "une bonne": "about", "un bon": "about",
    "plus de": "at_least", "plus d'": "at_least", "au moins": "at_least",
    "au-delà de": "at_least", "pas moins de": "at_least",
    "moins de": "at_most", "moins d'": "at_most", "à peine": "at_most", "au plus": "at_most",
    "pas plus de": "at_most", "tout au plus": "at_most",
})

# Quantifiers that make a duration vague ("plusieurs heures" -> PXH).
VAGUE_QUANTIFIERS: tuple[str, ...] = (
    "plusieurs", "quelques", "de longues", "de longs", "de nombreuses", "de nombreux",
    "des", "ces derniers", "ces dernières", "les derniers", "les dernières",
)

# Adjectives that TimeML marks as pointing at the present or the future ("l'actuel
# gouvernement", "la prochaine réunion").
REF_ADJECTIVES: Mapping[str, str] = MappingProxyType({
    "actuel": "PRESENT_REF", "actuelle": "PRESENT_REF", "actuels": "PRESENT_REF",
    "actuelles": "PRESENT_REF", "prochain": "FUTURE_REF", "prochaine": "FUTURE_REF",
    "prochains": "FUTURE_REF", "prochaines": "FUTURE_REF", "futur": "FUTURE_REF",
    "future": "FUTURE_REF", "futurs": "FUTURE_REF", "futures": "FUTURE_REF",
})

# Terms of office with a fixed length, in years.
TERMS: Mapping[str, int] = MappingProxyType({"quinquennat": 5, "septennat": 7})

# Nouns whose complement "de N ans" is a length of time, not an age ("une peine de 2 ans").
DURATION_HEADS: frozenset[str] = frozenset({
    "peine", "peines", "durée", "période", "délai", "mandat", "mandats", "contrat", "prison",
    "réclusion", "emprisonnement", "absence", "bail", "plan", "programme", "séjour", "exil",
    "captivité", "détention", "carrière", "règne", "guerre", "conflit", "retard", "attente",
    "suspension", "interdiction", "transition", "moratoire", "trêve", "engagement", "prêt",
    "sursis", "ferme", "plus", "moins", "près", "environ", "espace", "cours", "bout", "terme",
})

# Words after a month/day that place it before or after the anchor.
PAST_MARKERS: tuple[str, ...] = ("dernier", "derniers", "dernière", "dernières", "passé", "passée")
NEXT_MARKERS: tuple[str, ...] = ("prochain", "prochains", "prochaine", "prochaines")

# Boundary words of a month or a year ("début avril", "fin 2024") -> TimeML mod.
BOUNDARY_WORDS: Mapping[str, str] = MappingProxyType({
    "début": "START", "debut": "START", "fin": "END", "mi": "MID", "milieu": "MID",
    "courant": "MID", "mi-": "MID",
})

# Meeting vocabulary: a sentence with one of these is about an event, not background.
# Regular expressions over lower-cased text.
EVENT_TRIGGERS: tuple[str, ...] = (
    r"rencontres?", r"réunions?", r"visites?", r"sommets?", r"consultations?",
    r"séances? de travail", r"pourparlers", r"entretiens?", r"tenue?s?", r"s'est tenue?",
    r"se sont tenue?s", r"ont débuté", r"a débuté", r"a eu lieu", r"ont eu lieu",
    r"aura lieu", r"auront lieu", r"se tiendra", r"se tiendront", r"discussions?", r"échanges",
    r"négociations?", r"conférences?", r"assemblées?", r"conseils?", r"forums?", r"session",
    r"audiences?", r"cérémonies?", r"signature", r"signé", r"entamé", r"reçu", r"accueilli",
    r"s'est rendu", r"se sont rendus", r"se rendront", r"effectueront", r"effectuera",
    r"s'est entretenu", r"se sont entretenus", r"s'est réuni", r"se sont réunis",
    # Participles agree: "ont été reçus", "les accords signés", "ont rencontré".
    r"reçue?s", r"accueillie?s?", r"signée?s", r"entamée?s?", r"réunie?s?", r"rencontrée?s?",
    r"se sont retrouvée?s", r"s'est retrouvée?", r"séances?", r"s'est déroulée?", r"se sont déroulée?s",
)

# Meeting nouns that also name other things: "les travaux ont duré trois heures" (a working
# session) but "les travaux dureront 30 mois" (a building site). A meeting only for short
# durations (see ``timex_event.SHORT_EVENT_MAX_MINUTES``).
SHORT_EVENT_NOUNS: tuple[str, ...] = (r"travaux", r"mission")

# Words right before a duration that make it something other than the event's length:
# "en cinq ans" (a trend), "depuis quinze ans", "sur cinq ans", "il y a deux ans", "dans
# trois mois", "d'ici deux ans", "pour cinq ans" (a term).
DURATION_NOT_LENGTH_BEFORE: tuple[str, ...] = (
    r"\ben", r"\bdepuis", r"\bsur", r"\bil\s+y\s+a", r"\bvoici", r"\bdans", r"\bd'ici", r"\bpour",
    r"\bpar",
)
# Words right after a duration that make it an offset ("trois mois après leur rencontre").
DURATION_OFFSET_AFTER: tuple[str, ...] = (
    r"après", r"apres", r"avant", r"plus\s+tôt", r"plus\s+tard", r"auparavant", r"plus\s+loin",
)
# Verbs whose complement is how long something lasted ("a duré", "se sont prolongées",
# "s'est étendue sur deux jours", "devrait durer"). Not "étalé sur cinq ans": a plan's
# schedule, not an event's length.
LASTING_VERBS: tuple[str, ...] = (
    r"dur(?:e|ent|é|ée|ées|és|er|era|eront|erait|eraient|ait|aient|ant|ée\s+de)",
    r"prolong(?:e|ent|é|ée|ées|és|er|era|eront|erait|eraient|ait|aient)",
    r"étend(?:u|ue|us|ues|re|ra|ront|rait|raient)?",
    r"poursuivi(?:e|s|es)?",
)
# Prepositions of extent right before a duration: "pendant près de deux heures",
# "au terme de plusieurs heures de discussions", "à l'issue de trois jours de travaux".
EXTENT_PREPOSITIONS: tuple[str, ...] = (
    r"pendant", r"durant", r"au\s+terme\s+d(?:e|')", r"au\s+bout\s+d(?:e|')", r"à\s+l'issue\s+d(?:e|')",
    r"a\s+l'issue\s+d(?:e|')", r"une\s+durée\s+d(?:e|')", r"d'une\s+durée\s+d(?:e|')",
)
# Words right before a date that bound something else: a deadline ("d'ici 2027", "avant la
# fin mai"), a start ("depuis 2019", "dès janvier", "à partir de septembre"), an end
# ("jusqu'en 2030"), a comparison ("contre 640 millions en 2024" is caught as a bare year).
DATE_NOT_EVENT_BEFORE: tuple[str, ...] = (
    r"\bd'ici(?:\s+à)?", r"\bdepuis", r"\bdès", r"\bjusqu'(?:à|en|au)?", r"\bà\s+partir\s+d(?:e|u|')?",
    r"\bavant(?:\s+la|\s+le)?", r"\bau\s+plus\s+tard(?:\s+la|\s+le)?", r"\bà\s+l'horizon",
    r"\bcontre",
)

# Lexical cues of a planned (announced, expected) event when no parse is available.
PLANNED_CUES: tuple[str, ...] = (
    r"devrai(?:t|ent)", r"prévue?s?", r"doi(?:t|vent) se tenir", r"aura lieu", r"auront lieu",
    r"se rendront", r"se rendra", r"effectueront", r"effectuera", r"est attendue?s?",
    r"sont attendue?s?", r"se tiendra", r"se tiendront", r"programmée?s?", r"annoncée? pour",
    r"porteront", r"portera", r"sera", r"seront", r"pourrai(?:t|ent)", r"va se", r"vont se",
)

# Words ending like a future/conditional verb that are not verbs (for the lexical tense guess).
NOT_FUTURE_VERBS: frozenset[str] = frozenset({
    "extra", "opéra", "caméra", "sierra", "cobra", "tiara", "para", "zebra", "cara", "mantra",
    "tantra", "chimera", "ultra", "contra", "sahara", "kara", "sera-t-il", "dora", "flora",
    "nora", "vera", "laura", "sara", "samira", "amira", "tora", "bora", "ra",
    "libera", "terra", "guerra", "serra", "herrera", "ferrera", "madeira", "choléra",
    "retrait", "retraits", "extrait", "extraits", "portrait", "portraits", "attrait", "attraits",
    "trait", "traits", "abstrait", "distrait", "soustrait", "vrai", "bras", "front", "fronts",
    "affront", "affronts", "environs", "patrons", "marrons", "citrons", "escadrons", "perez",
    "suarez", "alvarez", "ramirez", "gomez", "rodriguez", "tras", "gras", "embarras", "taliban",
})

_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize")
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def number_words() -> dict[str, int]:
    """French number words 1..99 (with and without hyphens), plus "une", "cent", "mille".

    Both the traditional spelling ("vingt et un", "soixante-dix") and the 1990 one
    ("vingt-et-un") are accepted, because news copy mixes them.
    """
    words: dict[str, int] = {w: i for i, w in enumerate(_UNITS) if i}
    words["une"] = 1
    for n in range(17, 20):
        words[f"dix-{_UNITS[n - 10]}"] = n
    for ten, name in _TENS.items():
        words[name] = ten
        if ten == 60:
            continue
        for unit in range(1, 10):
            if unit == 1:
                words[f"{name} et un"] = ten + 1
                words[f"{name}-et-un"] = ten + 1
                words[f"{name} et une"] = ten + 1
            else:
                words[f"{name}-{_UNITS[unit]}"] = ten + unit
    for n in range(61, 80):  # soixante et un .. soixante-dix-neuf
        rest = n - 60
        if rest == 1:
            words["soixante et un"] = n
            words["soixante-et-un"] = n
        elif rest == 11:
            words["soixante et onze"] = n
            words["soixante-et-onze"] = n
        elif rest < 17:
            words[f"soixante-{_UNITS[rest]}"] = n
        else:
            words[f"soixante-dix-{_UNITS[rest - 10]}"] = n
    words["quatre-vingts"] = 80
    words["quatre-vingt"] = 80
    for n in range(81, 100):
        rest = n - 80
        words[f"quatre-vingt-{_UNITS[rest] if rest < 17 else 'dix-' + _UNITS[rest - 10]}"] = n
    words["cent"] = 100
    words["mille"] = 1000
    return words


# Fractions written as words before a unit ("une demi-heure", "un quart d'heure").
FRACTIONS: Mapping[str, float] = MappingProxyType({
    "une demi-": 0.5, "un demi-": 0.5, "un quart d'": 0.25, "un quart de ": 0.25,
    "trois quarts d'": 0.75, "trois quarts de ": 0.75,
})
