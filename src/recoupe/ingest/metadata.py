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
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from recoupe.ingest.clean import BANNER_REASON, banner_parts, is_body, words
from recoupe.ingest.lexicon import (
    BYLINE_INTROS,
    BYLINE_PARTNERS,
    CORRESPONDENT_INTROS,
    CREDIT_WORDS,
    DAY_SUFFIXES,
    GENERIC_AUTHORS,
    MEDIA_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAME_STARTS,
    PLACE_LINKS,
    PLACE_PREPOSITIONS,
    PUBDATE_LINKS,
    PUBDATE_VERBS,
    RIGHTS_RESERVED,
    SOURCE_WORDS,
    TIME_LINKS,
    TIME_ZONES,
    WEEKDAYS,
    WIRE_CREDIT_LINKS,
    WIRE_CREDIT_ROLES,
)
from recoupe.records import Removed

def _alt(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first (so "mars" is tried before "mar")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# Scoped (?i:...): the dateline pattern around them is case-sensitive (places are capitalised).
_MONTH = rf"(?i:{_alt(list(MONTHS))})(?!\w)"
_WEEKDAY = rf"(?:(?i:{_alt(WEEKDAYS)})(?!\w)\.?,?\s+)"
_DAY_SUFFIX = rf"(?:{_alt(DAY_SUFFIXES)})?"
# "jeudi 13 mars 2025", "13 March 2025", "13th of March, 2025", "Thursday, March 13, 2025", "13/03/2025".
_DATE = (
    rf"{_WEEKDAY}?(?P<d>\d{{1,2}}){_DAY_SUFFIX}(?:\s+of)?\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})"
    rf"|{_WEEKDAY}?(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}){_DAY_SUFFIX},?\s+(?P<y2>\d{{4}})"
    r"|(?P<nd>\d{1,2})[/.\-](?P<nm>\d{1,2})[/.\-](?P<ny>\d{4})"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
# A day and month without the year, as wire datelines print it: "March 13", "13 mars".
_DAY_MONTH = (
    rf"(?P<pd>\d{{1,2}}){_DAY_SUFFIX}\s+(?P<pm>{_MONTH})\.?"
    rf"|(?P<pm2>{_MONTH})\.?\s+(?P<pd2>\d{{1,2}}){_DAY_SUFFIX}(?!\d)"
)
_CLOCK = (
    rf"(?:\s*(?:[-–—,|]|{_alt(TIME_LINKS)})?\s*\d{{1,2}}\s*[h:.]\s*\d{{2}}(?:\s*[ap]\.?m\.?)?"
    rf"(?:\s*\(?(?:{_alt(TIME_ZONES)})(?:\s*[+\-]\s*\d{{1,2}})?\)?)?)"
)

# "Moscou, le 03 avril 2025 -", "BAMAKO (AFP) -", "ANKARA, March 13 (Reuters) -",
# "BAMAKO, Mali (AP) —", "Bamako, 13 mars 2025 (AFP) -" at the start of a line.
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’\-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ \-](?:{_PLACE_WORD}|{_alt(PLACE_LINKS)})){{0,3}}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<region>{_PLACE}))?"
    rf"(?:\s*,\s*(?i:le\s+)?(?:(?P<date>{_DATE})|{_DAY_MONTH}))?"
    r"\s*(?:\((?P<agency>[A-Z][A-Za-z.&\- ]{1,24})\))?"
    r"\s*(?P<sep>[\-–—:]|$)"
)
DATELINE_SEARCH_LINES = 3  # the dateline is on one of the first lines after the title

_BYLINE = re.compile(
    rf"(?:(?:{_alt(BYLINE_INTROS)})\s*:?\s+"
    rf"|(?:{_alt(CORRESPONDENT_INTROS)})(?:\s+(?:{_alt(PLACE_PREPOSITIONS)})\s+[\w'’\-]+)?,?\s+)"
    rf"(?P<name>[^,]{{2,60}}?)(?:\s+(?:{_alt(BYLINE_PARTNERS)})\s+(?P<with>[^,]{{2,60}}))?"
    r"(?:\s*,\s*(?P<role>.{0,80}))?\s*$",
    re.IGNORECASE,
)
BYLINE_MAX_WORDS = 14
_ONE_WORD_SIGNER = re.compile(r"[A-ZÀ-Ý][\w'’.\-]{1,30}")
ROLE_MAX_WORDS = 8  # "envoyée spéciale à Ankara", "correspondant régional à Gao"
_PUBDATE = re.compile(
    rf"(?:{_alt(PUBDATE_VERBS)})\s*(?:(?:{_alt(PUBDATE_LINKS)})\s*)?(?P<date>{_DATE})", re.IGNORECASE
)
# A line that is only a date, with an optional time: "14 mars 2025 - 07:15", "13 March 2025, 18:42 GMT".
_DATE_ONLY = re.compile(rf"(?P<date>{_DATE}){_CLOCK}?", re.IGNORECASE)
_SOURCE = re.compile(rf"(?:{_alt(SOURCE_WORDS)})\s*:\s*(?P<what>.{{2,80}})$", re.IGNORECASE)
_CREDIT = re.compile(
    rf"(?:{_alt(CREDIT_WORDS)}|{_alt(BYLINE_PARTNERS)})\s*:?\s*(?:l['’])?(?P<what>.{{2,80}})$", re.IGNORECASE
)
# The heading must be followed by a colon ("Photo : X"): "Crédit agricole ..." is a heading, not a credit.
_CREDIT_HEAD = re.compile(rf"(?:{_alt(CREDIT_WORDS)})\s*:", re.IGNORECASE)
CREDIT_MAX_WORDS = 14  # "Source : Cellule de communication du ministère des Affaires étrangères"
# A press-office or agency signature: capitals and digits, joined by / - & ("DCRP/MAECR-BE").
_OFFICE_CODE = re.compile(r"[\(\[]?[A-Z][A-Z0-9]*(?:[/\-&.][A-Z0-9]+)*[\)\]]?")
AGENCY_MAX_CHARS = 6  # "AFP", "APS", "ANP", "(MAP)": a lone short acronym is an agency credit
# Wire-style credits: "(Reporting by Grace Mensah; Editing by Tom Adeyemi)".
_REPORTING = re.compile(
    rf"\((?:{_alt(WIRE_CREDIT_ROLES)})\s*(?:(?:{_alt(WIRE_CREDIT_LINKS)})|:)\s*[^()]{{2,120}}\)", re.IGNORECASE
)
_INITIALS = re.compile(r"(?:[A-ZÀ-Ý]\.){2,4}")  # "A.R.S.": a signature in initials
# "Fatoumata DEMBÉLÉ, envoyée spéciale à Ankara": a name, then a short role in lower case.
_NAME_ROLE = re.compile(r"(?P<name>[^,]{3,50}),\s+(?P<role>[a-zà-ÿ][^,.;!?]{2,60})")
_GENERIC_AUTHOR = re.compile(rf"(?:la |l['’]|the )?(?:{_alt(GENERIC_AUTHORS)})\b", re.IGNORECASE)
NAME_MAX_WORDS = 4  # "Amina Kabo Djarmah", "Jean de la Fontaine"
# "© Sahel Wire 2025. All rights reserved.", "© 2025 Sahel Matin - Tous droits réservés".
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<holder>[A-ZÀ-Ý][^.|,©\d]{1,40}?)\s*(?:\d{4})?\s*(?:[.,|\-–—].*)?$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(rf"(?:{_alt(RIGHTS_RESERVED)})\b", re.IGNORECASE)
OUTLET_MAX_WORDS = 5  # "L'Éclaireur de Bamako", "Le Veilleur du Niger"


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
    """The first date in ``text`` (French, English or numeric day first) as ISO ``YYYY-MM-DD``.

    None when there is none or it is impossible (31 February).
    """
    m = _DATE_RE.search(text)
    if not m:
        return None
    if m.group("d"):
        return _iso(m.group("y"), m.group("m"), m.group("d"))
    if m.group("d2"):
        return _iso(m.group("y2"), m.group("m2"), m.group("d2"))
    return _iso(m.group("ny"), m.group("nm"), m.group("nd"))


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    """ISO day from parts (a month given by name or number); None when impossible."""
    if isinstance(month, str) and not month.isdigit():
        month = MONTHS[re.sub(r"\s+", " ", month.lower())]
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


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
        out.append(fixed.lower() if i > 0 and fixed.lower() in NAME_PARTICLES else fixed)
    return " ".join(out)


def name_like(line: str) -> bool:
    """A person's (or a desk's) name: 2 to 4 capitalised words, no digits, no sentence."""
    ws = line.split()
    if not 2 <= len(ws) <= NAME_MAX_WORDS or re.search(r"[\d!?;:«»,()]", line):
        return False
    if ws[0].lower() in NOT_NAME_STARTS and not _GENERIC_AUTHOR.match(line):
        return False  # "Les Echos", "The Tour Dates": an article opens a heading, not a name
    if line.endswith(".") and not re.search(r"\b[A-ZÀ-Ý]\.$", line):
        return False  # a sentence end, not an initial ("Amen K.")
    return all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in ws)


@dataclass(frozen=True)
class Byline:
    """A byline's signer: a person (the author) or an organisation (an outlet or agency), and a partner."""

    name: str
    organisation: bool
    partner: str | None = None


def _byline(line: str) -> Byline | None:
    if len(line.split()) > BYLINE_MAX_WORDS:
        return None
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    name = m.group("name").strip()
    partner = m.group("with").strip().rstrip(".") if m.group("with") else None
    if _is_medium(name):
        return Byline(name, True, partner)
    if name_like(name) or _GENERIC_AUTHOR.fullmatch(name):
        return Byline(normalise_name(name), False, partner)
    # A one-word signer is an outlet, a desk or an agency ("Par AfriqueActu24", "Par AFP"):
    # still a byline, but it names no author.
    if _ONE_WORD_SIGNER.fullmatch(name):
        return Byline(name, True, partner)
    return None


def _is_medium(name: str) -> bool:
    """A signer named with a media word ("Sahel Wire", "Burkina Info"): an outlet, not a person."""
    return any(w.lower() in MEDIA_WORDS for w in name.split())


def _same_name(a: str, b: str) -> bool:
    """Names equal up to case, accents and spacing ("Kayes MATIN" is "Kayes Matin")."""
    def key(name: str) -> str:
        bare = unicodedata.normalize("NFKD", name.casefold())
        return " ".join("".join(ch for ch in bare if not unicodedata.combining(ch)).split())
    return key(a) == key(b)


def _credit(line: str) -> tuple[str, str | None] | None:
    """(credit, outlet named by it) when the line is a credit, else None."""
    if len(line.split()) > CREDIT_MAX_WORDS:
        return None
    m = _SOURCE.fullmatch(line)
    if m:
        return line, m.group("what").strip().rstrip(".")
    m = _CREDIT.fullmatch(line)
    if m and (_CREDIT_HEAD.match(line) or re.fullmatch(r"[A-Z][\w.\- ]{1,20}", m.group("what"))):
        return line, None
    if _REPORTING.fullmatch(line):
        return line.strip("()"), None
    return None


def _copyright_holder(line: str) -> str | None:
    """The holder named by a copyright line ("© Sahel Wire 2025. All rights reserved." -> "Sahel Wire")."""
    m = _COPYRIGHT_HOLDER.fullmatch(line.strip())
    if not m:
        return None
    holder = m.group("holder").strip(" -–—")
    if not holder or _RIGHTS.match(holder) or len(holder.split()) > OUTLET_MAX_WORDS:
        return None
    return holder


def _banner_site(line: str) -> str | None:
    """The site named by a banner line ("AfriqueActu24 | Toute l'Afrique en temps réel")."""
    parts = banner_parts(line)
    return parts[0] if parts and len(parts[0].split()) <= OUTLET_MAX_WORDS else None


def site_outlet(removed: Sequence[Removed]) -> str | None:
    """The outlet named by the site's own furniture: its banner, else its copyright line."""
    for item in removed:
        if item.reason == BANNER_REASON and (site := _banner_site(item.line)):
            return site
    for item in removed:
        if item.reason == "copyright" and (holder := _copyright_holder(item.line)):
            return holder
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


def _dateline(line: str, published: str | None) -> tuple[str, str | None, str | None] | None:
    """(place, ISO date or None, agency or None) when the line starts with a dateline.

    A dateline without the year ("ANKARA, March 13 (Reuters) -") takes the year of the
    publication date when there is one.
    """
    m = _DATELINE.match(line)
    if not m:
        return None
    place, agency = m.group("place"), m.group("agency")
    if m.group("date"):
        date = parse_date(m.group("date"))
    elif (m.group("pd") or m.group("pd2")) and published:
        day, month = (m.group("pd"), m.group("pm")) if m.group("pd") else (m.group("pd2"), m.group("pm2"))
        date = _iso(published[:4], month, day)
    else:
        date = None
    has_date = bool(m.group("date") or m.group("pd") or m.group("pd2"))
    # Without a date or an agency, only "BAMAKO - text" reads as a dateline (not "AES" or "Mali - Russie").
    if not (has_date or agency or (place.isupper() and m.group("sep") in ("-", "–", "—") and m.end() < len(line))):
        return None
    return normalise_name(place), date, agency


def read_metadata(lines: Sequence[str], furniture: Sequence[Removed] = ()) -> TextMetadata:
    """Read title, author, dateline, credits from cleaned lines; take out byline/signature/credit lines.

    ``furniture`` are the lines the cleaning stage removed: a banner or a copyright line there
    names the site that published the text, which wins over a "Source :" credit (a copy
    credits its original).
    """
    lines = list(lines)
    n = len(lines)
    reasons: dict[int, str] = {}
    bylines: list[str] = []
    credits: list[str] = []
    partners: list[str] = []
    source_outlet: str | None = None
    signer_outlet: str | None = None
    published: str | None = None
    for i, line in enumerate(lines):
        if i == 0 and n > 1:
            continue  # the first line is the title
        if (byline := _byline(line)) is not None:
            reasons[i] = "byline"
            if byline.organisation:
                signer_outlet = signer_outlet or byline.name
            else:
                bylines.append(byline.name)
            if byline.partner:
                partners.append(byline.partner)
        elif (credit := _credit(line)) is not None:
            reasons[i] = "credit"
            credits.append(credit[0])
            source_outlet = source_outlet or credit[1]
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

    # A signer that is also the outlet named by a credit ("Source : Kayes Matin") is the outlet.
    named = [o for o in (source_outlet, signer_outlet, site_outlet(furniture)) if o]
    bylines = [b for b in bylines if not any(_same_name(b, o) for o in named)]
    signatures = [s for s in signatures if not any(_same_name(s, o) for o in named)]
    author = _choose_author(bylines, signatures)
    kept = [line for i, line in enumerate(lines) if i not in reasons]
    removed = tuple(Removed(lines[i], reasons[i]) for i in sorted(reasons))
    title = kept[0] if kept else None

    place = None
    for line in kept[1 : 1 + DATELINE_SEARCH_LINES]:
        found = _dateline(line, published)
        if found:
            place, date, agency = found
            published = published or date
            if agency:
                partners.append(agency)
            break
    # A partner or agency already named by a credit line is not credited twice.
    for partner in partners:
        if not any(partner in credit for credit in credits):
            credits.append(partner)
    outlet = site_outlet(furniture) or signer_outlet or source_outlet
    return TextMetadata(tuple(kept), removed, title, author, published, place, tuple(credits), outlet)


def _choose_author(bylines: Sequence[str], signatures: Sequence[str]) -> str | None:
    """A named person wins over a generic desk ("La Rédaction"); a byline over a signature."""
    for name in (*bylines, *signatures):
        if not _GENERIC_AUTHOR.match(name):
            return name
    return (bylines or signatures or [None])[0]
