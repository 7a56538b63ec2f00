"""Metadata read from the text itself: title, byline / signature, dateline, credits.

Works on the cleaned, non-blank lines (one paragraph a line). Byline, signature, credit and
publication-date lines are taken out of the text (kept as ``Removed`` with reasons
``byline``, ``signature``, ``credit``, ``pubdate``); the title and the dateline stay, so that
claims can point at them.

Author names are normalised one way: a word written in capitals ("SIKOU", "DIAKITE") is
turned into capitalised form ("Sikou", "Diakite"), particles ("DE", "DU") into lower case;
words already in mixed case ("Amen K.") are kept as written. So "PAR SIKOU BAH" gives
"Sikou Bah" and "Oumar DIAKITE" gives "Oumar Diakite".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Sequence

from recoupe.ingest.clean import is_body, words
from recoupe.records import Removed

MONTHS: Mapping[str, int] = MappingProxyType({
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\.?\s+(?P<y>\d{{4}})"
    r"|(?P<nd>\d{1,2})[/.\-](?P<nm>\d{1,2})[/.\-](?P<ny>\d{4})"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)

# "Moscou, le 03 avril 2025", "BAMAKO (AFP) -", "Niamey, 12 mars 2024 –" at the start of a line.
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’\-]*"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ \-](?:{_PLACE_WORD}|de|du|des|la|el|sur|en)){{0,3}})"
    r"\s*(?:\((?P<agency>[A-Z][A-Za-z.\- ]{1,20})\))?"
    rf"\s*(?:,\s*(?:le\s+)?(?P<date>{_DATE}))?"
    r"\s*(?P<sep>[\-–—:]|$)"
)
DATELINE_SEARCH_LINES = 3  # the dateline is on one of the first lines after the title

_BYLINE = re.compile(
    r"(?:par|écrit par|ecrit par|rédigé par|redige par|publié par|un article de|"
    r"propos recueillis par|de notre (?:envoyé spécial|envoyée spéciale|correspondant|correspondante)"
    r"(?: (?:à|a) [\w'’\-]+)?,?|by)\s*:?\s+(?P<name>[^,]{2,60}?)(?:\s+avec\s+(?P<with>[^,]{2,60}))?"
    r"(?:\s*,\s*(?P<role>.{0,80}))?\s*$",
    re.IGNORECASE,
)
BYLINE_MAX_WORDS = 14
_ONE_WORD_SIGNER = re.compile(r"[A-ZÀ-Ý][\w'’.\-]{1,30}")
ROLE_MAX_WORDS = 8  # "envoyée spéciale à Ankara", "correspondant régional à Gao"
_PUBDATE = re.compile(rf"(?:publié|mis en ligne|posté|mis à jour)\s+le\s+(?P<date>{_DATE})", re.IGNORECASE)
# A line that is only a date, with an optional time: "14 mars 2025 - 07:15".
_DATE_ONLY = re.compile(rf"(?P<date>{_DATE})(?:\s*(?:[-–—,]|à)?\s*\d{{1,2}}\s*[h:]\s*\d{{2}}(?:\s*GMT)?)?", re.IGNORECASE)
_SOURCE = re.compile(r"(?:sources?)\s*:\s*(?P<what>.{2,80})$", re.IGNORECASE)
_CREDIT = re.compile(
    r"(?:cr[ée]dits?(?: photos?)?|photo|avec)\s*:?\s*(?:l['’])?(?P<what>.{2,80})$", re.IGNORECASE
)
CREDIT_MAX_WORDS = 14  # "Source : Cellule de communication du ministère des Affaires étrangères"
# A press-office or agency signature: capitals and digits, joined by / - & ("DCRP/MAECR-BE").
_OFFICE_CODE = re.compile(r"[\(\[]?[A-Z][A-Z0-9]*(?:[/\-&.][A-Z0-9]+)*[\)\]]?")
AGENCY_MAX_CHARS = 6  # "AFP", "APS", "ANP", "(MAP)": a lone short acronym is an agency credit
# Wire-style credits: "(Reporting by Grace Mensah; Editing by Tom Adeyemi)".
_REPORTING = re.compile(r"\((?:additional )?(?:reporting|writing|editing|rédaction|avec) (?:by|par) [^()]{2,120}\)", re.IGNORECASE)
_INITIALS = re.compile(r"(?:[A-ZÀ-Ý]\.){2,4}")  # "A.R.S.": a signature in initials
# "Fatoumata DEMBÉLÉ, envoyée spéciale à Ankara": a name, then a short role in lower case.
_NAME_ROLE = re.compile(r"(?P<name>[^,]{3,50}),\s+(?P<role>[a-zà-ÿ][^,.;!?]{2,60})")
_GENERIC_AUTHOR = re.compile(r"(?:la |l['’])?(?:r[ée]daction|admin|webmaster|staff|équipe)\b", re.IGNORECASE)
NAME_MAX_WORDS = 4  # "Amina Kabo Djarmah", "Jean de la Fontaine"
_NOT_NAME_START = frozenset({"le", "la", "les", "un", "une", "des", "the", "a", "an"})
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "d'", "d’", "el", "ben", "bin", "ould", "van", "von", "da"})


@dataclass(frozen=True)
class TextMetadata:
    """What the text says about itself, and the lines left once bylines etc. are taken out."""

    kept: tuple[str, ...]
    removed: tuple[Removed, ...]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    dateline_place: str | None = None
    credits: tuple[str, ...] = ()
    outlet: str | None = None


def parse_date(text: str) -> str | None:
    """The first French date in ``text`` as ISO ``YYYY-MM-DD``; None when none or impossible."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        if m.group("d"):
            day = dt.date(int(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d")))
        else:
            day = dt.date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
    except ValueError:
        return None
    return day.isoformat()


def _fix_case(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return word
    # "JEAN-PIERRE" -> "Jean-Pierre", "D'ALMEIDA" -> "D'Almeida"
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word.lower())


def normalise_name(name: str) -> str:
    """Capitalised form for words written in capitals; other words as written."""
    out = []
    for i, word in enumerate(name.split()):
        fixed = _fix_case(word)
        out.append(fixed.lower() if i > 0 and fixed.lower() in _PARTICLES else fixed)
    return " ".join(out)


def name_like(line: str) -> bool:
    """A person's (or a desk's) name: 2 to 4 capitalised words, no digits, no sentence."""
    ws = line.split()
    if not 2 <= len(ws) <= NAME_MAX_WORDS or re.search(r"[\d!?;:«»,()]", line):
        return False
    if ws[0].lower() in _NOT_NAME_START and not _GENERIC_AUTHOR.match(line):
        return False  # "Les Echos", "The Tour Dates": an article opens a heading, not a name
    if line.endswith(".") and not re.search(r"\b[A-ZÀ-Ý]\.$", line):
        return False  # a sentence end, not an initial ("Amen K.")
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in ws)


def _byline(line: str) -> str | None:
    if len(line.split()) > BYLINE_MAX_WORDS:
        return None
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    name = m.group("name").strip()
    # A one-word signer is a desk or an outlet ("Par AfriqueActu24", "Par AFP"), still a byline.
    if name_like(name) or _GENERIC_AUTHOR.fullmatch(name) or _ONE_WORD_SIGNER.fullmatch(name):
        return normalise_name(name) if not _ONE_WORD_SIGNER.fullmatch(name) else name
    return None


def _credit(line: str) -> tuple[str, str | None] | None:
    """(credit, outlet named by it) when the line is a credit, else None."""
    if len(line.split()) > CREDIT_MAX_WORDS:
        return None
    m = _SOURCE.fullmatch(line)
    if m:
        return line, m.group("what").strip().rstrip(".")
    m = _CREDIT.fullmatch(line)
    if m and (re.match(r"cr[ée]dit|photo", line, re.IGNORECASE) or re.fullmatch(r"[A-Z][\w.\- ]{1,20}", m.group("what"))):
        return line, None
    if _REPORTING.fullmatch(line):
        return line.strip("()"), None
    return None


def _office_code(line: str) -> bool:
    """A press-office or agency signature ("DCRP/MAECR-BE", "AFP"); only read at the end of a text."""
    return bool(_OFFICE_CODE.fullmatch(line)) and ("/" in line or "-" in line or len(line.strip("()[]")) <= AGENCY_MAX_CHARS)


def _signature(line: str) -> str | None:
    """The author named by a closing line; "" for initials only; None when not a signature."""
    if name_like(line):
        return normalise_name(line)
    if _INITIALS.fullmatch(line):
        return ""
    m = _NAME_ROLE.fullmatch(line)
    if m and name_like(m.group("name")) and len(m.group("role").split()) <= ROLE_MAX_WORDS:
        return normalise_name(m.group("name"))
    return None


def _dateline(line: str) -> tuple[str, str | None, str | None] | None:
    """(place, ISO date or None, agency or None) when the line starts with a dateline."""
    m = _DATELINE.match(line)
    if not m:
        return None
    place, date, agency = m.group("place"), m.group("date"), m.group("agency")
    # Without a date or an agency, only "BAMAKO - text" reads as a dateline (not "AES" or "Mali - Russie").
    if not (date or agency or (place.isupper() and m.group("sep") in ("-", "–", "—") and m.end() < len(line))):
        return None
    return normalise_name(place), parse_date(date) if date else None, agency


def read_metadata(lines: Sequence[str]) -> TextMetadata:
    """Read title, author, dateline, credits from cleaned lines; take out byline/signature/credit lines."""
    lines = list(lines)
    n = len(lines)
    reasons: dict[int, str] = {}
    bylines: list[str] = []
    credits: list[str] = []
    outlet: str | None = None
    published: str | None = None
    for i, line in enumerate(lines):
        if i == 0 and n > 1:
            continue  # the first line is the title
        if (name := _byline(line)) is not None:
            reasons[i] = "byline"
            bylines.append(name)
        elif (credit := _credit(line)) is not None:
            reasons[i] = "credit"
            credits.append(credit[0])
            outlet = outlet or credit[1]
        elif ((m := _PUBDATE.match(line)) or (m := _DATE_ONLY.fullmatch(line))) and len(words(line)) <= BYLINE_MAX_WORDS:
            reasons[i] = "pubdate"
            published = published or parse_date(m.group("date"))

    last_body = next((i for i in range(n - 1, -1, -1) if i not in reasons and is_body(lines[i])), -1)

    # Signatures: name-only lines closing the text, after the last body paragraph ("Amen K.",
    # "Oumar DIAKITE"). Read from the end; the first other line stops the search, so a
    # heading followed by a list is never taken for a name.
    signatures: list[str] = []
    for i in range(n - 1, last_body, -1) if last_body >= 0 else ():
        if i in reasons:
            continue
        if _office_code(lines[i]):
            reasons[i] = "credit"
            credits.insert(0, lines[i].strip("()[]"))
            continue
        name = _signature(lines[i])
        if name is None:
            break
        reasons[i] = "signature"
        if name:
            signatures.insert(0, name)

    author = _choose_author(bylines, signatures)
    kept = [line for i, line in enumerate(lines) if i not in reasons]
    removed = tuple(Removed(lines[i], reasons[i]) for i in sorted(reasons))
    title = kept[0] if kept else None

    place = None
    for line in kept[1 : 1 + DATELINE_SEARCH_LINES]:
        found = _dateline(line)
        if found:
            place, date, agency = found
            published = published or date
            if agency and agency not in credits:
                credits.append(agency)
            break
    return TextMetadata(tuple(kept), removed, title, author, published, place, tuple(credits), outlet)


def _choose_author(bylines: Sequence[str], signatures: Sequence[str]) -> str | None:
    """A named person wins over a generic desk ("La Rédaction"); a byline over a signature."""
    for name in (*bylines, *signatures):
        if not _GENERIC_AUTHOR.match(name):
            return name
    return (bylines or signatures or [None])[0]
