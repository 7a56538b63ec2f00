"""The French temporal grammar: regular expressions over the lexicon of
:mod:`recoupe.extract.packs.fr.timex_lexicon`, one per family of expressions.

Each rule has a name (kept in ``Timex.rule``), a compiled pattern and the name of the
handler in :mod:`recoupe.extract.timex_rules` that turns a match into a value. Patterns are
built once at import time from immutable lexicon data; they are constants, not state.

Span conventions follow ISO-TimeML as annotated in FR-TimeBank: determiners ("le 3 avril",
"ce jeudi", "les années 60") and approximation markers ("près de deux heures", "vers 15 h")
are inside the expression; prepositions ("en 2024", "depuis trois ans", "à 10 h") are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.extract.packs.fr import timex_lexicon as lex


@dataclass(frozen=True)
class Rule:
    """One grammar rule: ``handler`` names a function of :mod:`timex_rules`."""

    name: str
    pattern: re.Pattern[str]
    handler: str
    priority: int = 0  # breaks ties between overlapping matches of equal length


def _alt(words, suffix: str = "") -> str:
    """Alternation of ``words``, longest first, apostrophes matching both ' and ’."""
    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("'", "['’]") + suffix for w in parts) + ")"


NUMBER_WORDS = lex.number_words()

# Building blocks. SP is white space with at most one line break (a date never spans
# paragraphs); B/E are word boundaries that also work next to accented letters.
SP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
B = r"(?<![\w'’-])"
E = r"(?![\w])"
MONTH = "(?:" + _alt([m for m in lex.MONTHS if not m.endswith(".")]) + E + "|" + \
    _alt([m for m in lex.MONTHS if m.endswith(".")]) + ")"
WEEKDAY = _alt(lex.WEEKDAYS) + E
DAYNUM = r"(?:premier|(?:3[01]|[12]\d|0?[1-9])(?:er|ᵉʳ|e)?)(?![\d\w])"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?!\d|[.,]\d)"
YEAR2 = r"['’]?\d\d(?!\s*[\w%])(?![.,]\d)"
NUMWORD = _alt(NUMBER_WORDS) + E
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?![\d.,]*\d)|{NUMWORD})"
PASTNEXT = _alt(lex.PAST_MARKERS + lex.NEXT_MARKERS) + E
BOUND = r"(?:(?:au\s+|en\s+)?(?:début|debut|fin|milieu|courant)(?:\s+(?:de\s+|du\s+mois\s+d['’]?))?|mi\s*-\s*)"
DET = r"(?:le|ce|cette)"
UNIT_NAMES = {
    "seconde": "seconde", "secondes": "seconde", "minute": "minute", "minutes": "minute",
    "heure": "heure", "heures": "heure", "jour": "jour", "jours": "jour", "journée": "journée",
    "journées": "journée", "nuit": "nuit", "nuits": "nuit", "semaine": "semaine",
    "semaines": "semaine", "mois": "mois", "trimestre": "trimestre", "trimestres": "trimestre",
    "semestre": "semestre", "semestres": "semestre", "an": "an", "ans": "an", "année": "année",
    "années": "année", "décennie": "décennie", "décennies": "décennie", "siècle": "siècle",
    "siècles": "siècle",
}
UNIT = _alt(UNIT_NAMES) + E
APPROX = _alt(lex.APPROX_MARKERS)
VAGUE = _alt(lex.VAGUE_QUANTIFIERS) + E
POD = r"(?:matin|matinée|après-midi|apres-midi|soir|soirée|nuit)" + E
CLOCK = r"(?:[01]?\d|2[0-4])\s?h(?:\s?(?:[0-5]\d))?(?![\w])"
TIME_PREP = r"(?:à|a|vers|dès|jusqu['’]à|avant|après|de|entre|et|aux\s+alentours\s+de|autour\s+de)"

_F = re.IGNORECASE


# Boundaries that also let an expression follow an elided article ("d'hier", "qu'un an") or a
# hyphen ("1982-1990", "mars-avril").
B_ELIDED = r"(?<![\w-])"
B_HYPHEN = r"(?<![\w'’])"


def _r(name: str, pattern: str, handler: str, priority: int = 0, boundary: str = B) -> Rule:
    return Rule(name, re.compile(boundary + pattern, _F), handler, priority)


RULES: tuple[Rule, ...] = (
    # "les 3 et 4 avril 2025", "du 11 au 12 mars", "entre le 3 et le 5 mai", "du 30 mars au 2 avril"
    _r("interval_days",
       rf"(?:(?P<det>les|le|du|entre{SP}le|entre{SP}les){SP})?(?:(?P<wd1>{WEEKDAY}){SP})?(?P<d1>{DAYNUM})(?P<mid>(?:{SP}?,{SP}?{DAYNUM})*)(?:{SP}(?P<m1>{MONTH}))?"
       rf"(?:{SP}(?P<y1>{YEAR4}))?{SP}?(?P<conj>et|au|à|-){SP}?(?:le{SP})?(?:(?P<wd2>{WEEKDAY}){SP})?(?P<d2>{DAYNUM}){SP}(?P<m2>{MONTH})"
       rf"(?:{SP}(?P<y2>{YEAR4}))?(?:{SP}(?P<rel>{PASTNEXT}))?", "interval_days", 3),
    # "jeudi 3 avril 2025", "le 1er mars 2024", "3 avril 2025"
    _r("date_full",
       rf"(?:(?P<det>{DET}){SP})?(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<d>{DAYNUM}){SP}(?P<m>{MONTH}){SP}?(?P<y>{YEAR4}|{YEAR2})",
       "date_full", 2),
    # "03/04/2025", "3.4.2025", "2025-04-03"
    _r("date_numeric",
       rf"(?:(?P<det>{DET}){SP})?(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<d>[0-3]?\d)(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{{4}}|\d\d)(?![\d/.]\d)",
       "date_numeric", 2),
    _r("date_iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])", "date_iso", 2),
    # "ce 3 avril", "jeudi 3 avril", "le 8 mars dernier", "13 avril prochains"
    _r("date_day_month",
       rf"(?:(?P<det>{DET}){SP})?(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<d>{DAYNUM}){SP}(?P<m>{MONTH})(?:{SP}(?P<rel>{PASTNEXT}))?",
       "date_day_month", 1),
    # "septembre 2023", "fin septembre 2000", "mai 1988", "le mois de juin 2024"
    _r("month_year",
       rf"(?P<b>{BOUND}{SP}?)?(?:(?:le{SP})?mois{SP}(?:de{SP}|d['’]))?(?P<m>{MONTH}){SP}?(?:-{SP}?)?(?P<y>{YEAR4}|{YEAR2})",
       "month_year", 1),
    # "en avril", "début avril", "juin prochain", "le mois de juin"
    _r("month",
       rf"(?P<b>{BOUND}{SP}?)?(?P<mois>(?:le{SP})?mois{SP}(?:de{SP}|d['’]))?(?P<m>{MONTH})(?:{SP}(?P<rel>{PASTNEXT}))?",
       "month", 0, B_HYPHEN),
    # "les années 60", "début des années 1990"
    _r("decade",
       rf"(?:(?P<b>début|debut|fin|milieu){SP}des{SP}|les{SP})?années{SP}(?P<c>19|20)?(?P<dd>[1-9]0|00)(?!\d)",
       "decade", 1),
    _r("decade_words",
       rf"(?:(?P<b>début|debut|fin|milieu){SP}des{SP}|les{SP})?années{SP}(?P<w>vingt|trente|quarante|cinquante|soixante-dix|soixante|quatre-vingt-dix|quatre-vingts?)(?![\w-])",
       "decade", 1),
    # "la fin du XIXe siècle", "le XXe siècle"
    _r("century",
       rf"(?:(?:la{SP})?(?P<b>début|debut|fin|milieu){SP}du{SP}|le{SP})?(?P<r>[IVX]{{1,5}})(?:e|è|ème|eme){SP}siècle{E}",
       "century", 1),
    # "fin 2024", "l'année 2001", "1990", "l'an 2000"
    _r("year",
       rf"(?P<b>{BOUND}{SP}?)?(?P<lan>(?:l['’]an(?:née)?|année|cette{SP}année){SP})?(?P<y>{YEAR4})",
       "year", 0, B_HYPHEN),
    # "en 97" (two-digit year after "en")
    _r("year2", rf"(?<=\ben\s)(?P<y>['’]?\d\d)(?!\s*[\w%])(?![.,]\d)", "year2"),
    # "l'an dernier", "l'année prochaine", "cette année", "la fin de l'année"
    _r("year_rel",
       rf"(?:(?:la{SP})?(?P<b>fin|début|debut|milieu){SP}(?:de{SP}l['’]|d['’])année(?:{SP}(?P<rel2>dernière|prochaine|passée|précédente|suivante))?"
       rf"|(?P<cette>cette{SP}année|cette{SP}même{SP}année)"
       rf"|l['’](?:an|année){SP}(?P<rel>dernier|dernière|prochain|prochaine|passée|précédente|suivante){E})",
       "year_rel", 1),
    # "cette semaine", "la semaine prochaine", "ce week-end"
    _r("week",
       rf"(?:(?P<cette>cette|ce|le|la){SP})(?:(?P<rel0>même){SP})?(?P<w>semaine|week-end|weekend){E}"
       rf"(?:{SP}(?P<rel>prochaine|prochain|dernière|dernier|passée|passé|précédente|précédent|suivante|suivant){E})?",
       "week"),
    # "ce mois-ci", "le mois dernier", "le mois prochain"
    _r("month_rel",
       rf"(?:ce{SP}mois(?:-ci)?|le{SP}mois{SP}(?P<rel>dernier|prochain|passé|précédent|suivant)"
       rf"|(?:la{SP})?(?P<b>fin|début|debut|milieu){SP}du{SP}mois(?:{SP}(?P<rel2>dernier|prochain|passé|précédent|suivant))?){E}",
       "month_rel", 1),
    # "l'automne", "cet été", "en hiver", "au printemps 2024"
    _r("season",
       rf"(?:(?P<det>l['’]|cet{SP}|ce{SP}|le{SP})|(?<=\ben\s)|(?<=\bau\s)|(?<=\bd['’]))(?P<s>printemps|été|automne|hiver){E}"
       rf"(?:{SP}(?P<y>{YEAR4})|{SP}(?P<rel>dernier|prochain){E})?",
       "season"),
    # "il y a trois jours", "dans deux semaines"
    _r("offset", rf"(?P<dir>il{SP}y{SP}a|voici|dans){SP}(?P<n>{NUMBER}|une?|quelques){SP}(?P<u>jours?|semaines?|mois|ans?|années?){E}",
       "offset", 1),
    # "hier", "aujourd'hui vendredi", "hier soir", "demain matin"
    _r("day_word",
       rf"(?P<w>avant-hier|après-demain|apres-demain|hier|aujourd['’]hui|demain)"
       rf"(?:{SP}(?P<wd>{WEEKDAY}))?(?:{SP}(?:en{SP}début{SP}d['’]|en{SP}fin{SP}d['’]|dans{SP}l['’])?(?P<pod>{POD}))?",
       "day_word", 0, B_ELIDED),
    # "le lendemain", "la veille", "le lendemain matin"
    _r("chained_day", rf"(?:(?:le|la){SP})?(?:(?P<w>lendemain|surlendemain|veille|avant-veille)|(?P<same>même{SP}jour)){E}(?:{SP}(?P<pod>matin|soir){E})?",
       "chained_day"),
    # "ce jeudi", "jeudi dernier", "mardi soir", "ce même lundi après-midi"
    _r("weekday",
       rf"(?:(?P<det>ce|ce{SP}même|le){SP})?(?P<wd>{WEEKDAY})(?:{SP}(?P<rel>dernier|prochain|passé){E})?(?:{SP}(?P<pod>{POD}))?",
       "weekday"),
    # "ce soir", "cette nuit", "ce matin", "cet après-midi"
    _r("this_pod", r"(?:ce|cet|cette)\s+(?P<pod>matin|soir|après-midi|apres-midi|nuit)(?![\w-])", "this_pod"),
    # "en fin d'après-midi", "en début de soirée"
    _r("pod_bound", rf"(?:(?<=\ben\s)|(?<=\bà\sla\s))(?P<b>fin|début|milieu){SP}(?:d['’]|de{SP})(?P<pod>après-midi|apres-midi|matinée|soirée|nuit){E}", "pod_bound"),
    # "dans la soirée", "la nuit de lundi à mardi"
    _r("pod_phrase",
       rf"la{SP}(?P<pod>soirée|nuit|matinée){E}(?:{SP}(?:de|du){SP}(?P<wd>{WEEKDAY}){SP}(?:à|au){SP}{WEEKDAY})?",
       "pod_phrase"),
    _r("pod_phrase_night", rf"la{SP}nuit{SP}(?:de|du){SP}(?P<wd>{WEEKDAY}){SP}(?:à|au){SP}{WEEKDAY}{E}", "pod_phrase", 1),
    # "21 h 45", "10h30", "vers 15 h 30" (and durations "1h30 d'échanges")
    _r("clock", rf"(?:(?P<mod>{APPROX}){SP}?)?(?P<h>[01]?\d|2[0-4])\s?h(?:\s?(?P<mn>[0-5]\d))?(?![\w])(?!\s?/)(?:{SP}(?P<loc>locales?){E})?",
       "clock"),
    # "à 10 heures", "à deux heures", "vers midi"
    _r("clock_words",
       rf"(?P<h>\d{{1,2}}|{NUMWORD}){SP}heures?(?:{SP}(?P<mn>[0-5]\d|trente|quinze|quarante-cinq|et{SP}demie|et{SP}quart))?{E}",
       "clock_words", 1),
    _r("noon", rf"(?:(?P<vers>vers){SP})?(?P<w>midi|minuit)(?![\w-])", "noon"),
    # "près de deux heures", "environ 1h30", "plus de trois heures", "45 minutes", "un an"
    _r("duration",
       rf"(?:(?P<mod>{APPROX}){SP}?|(?:ces|les){SP}derni(?:er|ère)s{SP})?(?<!\d[\s.])(?P<n>{NUMBER}|une?)(?:{SP}(?P<et>et{SP}demie?))?{SP}(?P<u>{UNIT})(?:{SP}(?P<et2>et{SP}demie?){E})?",
       "duration", 0, B_ELIDED),
    # "deux heures trente", "2 heures 30 minutes", "une heure et quart"
    _r("duration_hm_words",
       rf"(?:(?P<mod>{APPROX}){SP}?)?(?<!\d[\s.])(?P<h>{NUMBER}|une?){SP}heures?{SP}(?:et{SP})?(?P<mn>[0-5]?\d|{NUMWORD}|quart|demie)(?:{SP}minutes?)?{E}",
       "duration_hm_words", 0, B_ELIDED),
    _r("duration_fraction",
       rf"(?:(?P<mod>{APPROX}){SP}?)?(?P<f>une{SP}demi-|un{SP}demi-|un{SP}quart{SP}d['’]|un{SP}quart{SP}de{SP}|trois{SP}quarts{SP}d['’]|trois{SP}quarts{SP}de{SP})(?P<u>{UNIT})",
       "duration_fraction", 1),
    _r("duration_vague", rf"(?P<q>{VAGUE}){SP}(?P<u>{UNIT})", "duration_vague"),
    # "chaque année", "tous les jeudis", "par an"
    _r("set_every",
       rf"(?P<q>chaque|tous{SP}les|toutes{SP}les)(?:{SP}(?P<n>{NUMBER}))?{SP}(?P<u>{UNIT}|{_alt(lex.WEEKDAYS)}s?{E})",
       "set_every"),
    _r("set_per", rf"(?<=\bpar\s)(?P<u>an|jour|mois|semaine|année|heure|trimestre|semestre){E}", "set_per"),
    _r("set_adj", r"(?P<u>annuel|annuelle|annuels|annuelles|hebdomadaires?)(?![\w])", "set_adj"),
    # "actuellement", "désormais", "l'avenir"
    _r("ref", _alt(lex.REF_WORDS) + E, "ref"),
    # "l'actuel président", "la prochaine rencontre": TimeML marks these adjectives too
    _r("ref_adj", rf"(?P<w>actuel|actuelle|actuels|actuelles|prochain|prochaine|prochains|prochaines|futur|future|futurs|futures){E}", "ref_adj", -1),
    # "un quinquennat": named terms of office
    _r("term", r"(?P<w>quinquennats?|septennats?)(?![\w])", "term"),
)
