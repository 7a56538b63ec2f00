"""The language-specific words the metadata readers know, French and English, in one place.

Adding a language means adding its words here; the patterns in ``metadata.py`` are built
from these tables and never spell a word themselves. Every table is read-only.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

# Month names and the abbreviations sites print ("janv.", "Sept", "Feb"), lower case.
MONTHS: Mapping[str, int] = MappingProxyType({
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    # English (the abbreviations shared with French are above: oct, nov, dec, sept)
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "october": 10, "november": 11, "december": 12,
})
WEEKDAYS: tuple[str, ...] = (
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)
# "1er mars", "1st March", "13th of March": what may follow the day number.
DAY_SUFFIXES: tuple[str, ...] = ("er", "st", "nd", "rd", "th")
# Time zones printed after a clock time on a date line ("18:42 GMT").
TIME_ZONES: tuple[str, ...] = ("GMT", "UTC", "TU", "WAT", "CET", "CEST", "EST", "EDT")

# Words that open a byline, before the name ("Par", "Écrit par", "By").
BYLINE_INTROS: tuple[str, ...] = (
    "par", "écrit par", "ecrit par", "rédigé par", "redige par", "publié par", "un article de",
    "propos recueillis par",
    "by", "written by", "words by", "story by", "reported by",
)
# "De notre envoyée spéciale à Ankara, ...", "From our correspondent in ...".
CORRESPONDENT_INTROS: tuple[str, ...] = (
    "de notre envoyé spécial", "de notre envoyée spéciale", "de notre correspondant",
    "de notre correspondante", "from our correspondent", "from our special correspondent",
)
# "Par X avec Y": the word joining the signer and a partner outlet or agency.
BYLINE_PARTNERS: tuple[str, ...] = ("avec", "with")  # not "et"/"and": those join co-authors
# Prepositions between a correspondent's role and the place ("envoyée spéciale à Ankara").
PLACE_PREPOSITIONS: tuple[str, ...] = ("à", "a", "in", "en", "au")

# "Publié le 13 mars 2025", "Published on 13 March 2025", "Updated: March 13, 2025".
PUBDATE_VERBS: tuple[str, ...] = (
    "publié", "publiée", "mis en ligne", "posté", "mis à jour", "modifié",
    "published", "posted", "updated", "first published", "last updated",
)
PUBDATE_LINKS: tuple[str, ...] = ("le", "on", ":")
# "Hier à 21h40": the word before a clock time in French.
TIME_LINKS: tuple[str, ...] = ("à", "at")

# A credit line's heading ("Source :", "Crédit photo :", "Photo :").
SOURCE_WORDS: tuple[str, ...] = ("source", "sources")
CREDIT_WORDS: tuple[str, ...] = (
    "crédit", "crédits", "credit", "credits", "crédit photo", "crédits photos", "photo",
    "photo credit",
)
# Wire credits in brackets: "(Reporting by X; Editing by Y)", "(Rédaction : X)".
WIRE_CREDIT_ROLES: tuple[str, ...] = (
    "reporting", "additional reporting", "writing", "editing", "compiled", "rédaction",
    "avec", "édité", "edite",
)
WIRE_CREDIT_LINKS: tuple[str, ...] = ("by", "par")

# A desk signs, not a person: "La Rédaction", "Staff", "Newsroom".
GENERIC_AUTHORS: tuple[str, ...] = (
    "rédaction", "redaction", "admin", "webmaster", "staff", "équipe", "newsroom",
    "editorial", "desk", "staff writer", "staff reporter",
)
# Words that make a multi-word signer a medium, not a person ("Par Sahel Wire", "Par Burkina
# Info", "By Gao Radio"): outlets and agencies are named like people, with two capitalised words.
MEDIA_WORDS: frozenset[str] = frozenset({
    "wire", "news", "presse", "press", "agence", "agency", "média", "médias", "media", "info",
    "infos", "actu", "actualité", "actualités", "tv", "télé", "télévision", "television", "radio",
    "hebdo", "quotidien", "journal", "magazine", "mag", "times", "tribune", "online", "gazette",
    "daily", "weekly", "herald", "monitor", "observateur", "courrier",
})
# Articles that open a heading ("Les Echos", "The Tour Dates"), never a person's name.
NOT_NAME_STARTS: frozenset[str] = frozenset({"le", "la", "les", "un", "une", "des", "the", "a", "an"})
# Particles inside a name, written in lower case ("Jean de la Fontaine", "Ahmed Ould Abdallah").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "du", "des", "la", "le", "d'", "d’", "el", "ben", "bin", "ould", "van", "von", "da"}
)
# Place words allowed in a multi-word dateline place ("Bobo-Dioulasso", "Saint-Louis du Sénégal").
PLACE_LINKS: tuple[str, ...] = ("de", "du", "des", "la", "el", "sur", "en", "of")
# The end of a copyright line, after the holder ("© Sahel Matin 2025. Tous droits réservés").
RIGHTS_RESERVED: tuple[str, ...] = ("tous droits réservés", "droits réservés", "all rights reserved")
