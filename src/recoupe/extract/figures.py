"""Figures: amounts with their unit and what they measure.

"multiplié par dix" -> ``x10`` (unit ``factor``), "1 200 milliards de FCFA" ->
``1200000000000`` XOF, "2,5 millions d'euros" -> ``2500000`` EUR, "30 %" -> ``30`` percent,
"500 soldats" -> ``500`` soldats, "3 000 tonnes" -> ``3000`` t.

A number alone is never a figure: it needs a unit (a currency, a percent sign, a measure
unit, a counted noun) or a factor verb. Nouns of time ("avril", "ans", "heures") make it
a date, a duration or an age, which the time extractor owns; ordinals ("1er", "premier")
and numbers glued to letters ("G5", "Covid-19") are not matched at all.

Number parsing (:func:`parse_number`) reads digits with French separators ("1 200 000",
"1.200.000", "2,5"), number words ("trois cents", "quatre-vingt-dix", "deux millions") and
scale words after digits ("1 200 milliards", "15 Mds"). The lexicon lives in
``packs/<code>/figures.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

import yaml

from recoupe.extract.packs import PACKS_DIR
from recoupe.records import Claim

if TYPE_CHECKING:  # pragma: no cover
    from recoupe.extract.context import ArticleContext
    from recoupe.extract.packs import LanguagePack

EXTRACTOR = "figures.fr@1"

_CACHE_KEY = "figures.lexicon"

# Separators of thousands seen in French text: space, no-break space, narrow no-break space.
_SPACES = " \u00a0\u202f"
_DIGITS = (
    rf"(?:\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?"  # 1 200 000 / 1 200,5
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.200.000
    r"|\d+(?:[,.]\d+)?)"  # 1200 / 2,5 / 2.5
)
# Not inside a longer token: no letter, slash, or decimal part glued on either side.
_DIGITS_BOUNDED = rf"(?<![\w/.,]){_DIGITS}(?![\w/]|[.,]\d)"
# A spelled-out number below this is a figure only with a known counted noun or unit:
# "les deux parties", "les trois pays" are not amounts an analyst compares.
MIN_SPELLED_COUNT = 10
# Words that, right before a number, make it part of a name or reference.
_REFERENCE_BEFORE = re.compile(
    r"(?:n°|no\.?|num[ée]ro|article|r[ée]solution|d[ée]cret|loi|page|chapitre|l['’]an|an)\s*$", re.I)
# How far back (characters) we look for "multiplié par" before a number.
_FACTOR_WINDOW = 40
_FACTOR_BEFORE = re.compile(r"(?<!\w)(multipli\w*|divis\w*)\s+par\s+$", re.I)
_DOUBLING = re.compile(
    r"(?<!\w)(?:a|ont|avait|avaient|aura|auront|été|sera|seront|va|vont|devrait|devraient)"
    r"(?:\s+\w+)?\s+(doubl|tripl|quadrupl|décupl)(?:é|ée|és|ées|er)(?!\w)", re.I)
_DOUBLING_FACTORS = {"doubl": 2, "tripl": 3, "quadrupl": 4, "décupl": 10}


def _alternation(words: list[str]) -> str:
    """Longest first, spaces as any white space, word-bounded when alphabetic."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        frag = re.escape(w).replace(r"\ ", r"\s+")
        parts.append(frag + (r"(?!\w)" if w[-1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class FigureLexicon:
    """Compiled French (or other pack) lexicon for numbers, currencies and units."""

    number_words: Mapping[str, int]
    scales: Mapping[str, int]
    currencies: Mapping[str, str]
    percent: frozenset[str]
    units: Mapping[str, str]
    counted: frozenset[str]
    not_units: frozenset[str]
    number: re.Pattern[str]
    after: re.Pattern[str]
    currency_before: re.Pattern[str]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "FigureLexicon":
        words = {str(k).lower(): int(v) for k, v in data["number_words"].items()}
        scales = {str(k).lower(): int(v) for k, v in data["scales"].items()}
        currencies = {str(k).lower(): str(v) for k, v in data["currencies"].items()}
        units = {str(k).lower(): str(v) for k, v in data["units"].items()}
        percent = frozenset(str(p).lower() for p in data["percent"])
        # "cent" and "mille" belong in spelled numbers; abbreviations (Mds) only after digits.
        spelled = [w for w in words] + [s for s in scales if s.isalpha() and len(s) > 3]
        word = r"(?:" + "|".join(sorted(spelled, key=len, reverse=True)) + r")"
        word_seq = rf"(?<![\w-]){word}(?:(?:[\s-]+et[\s-]+|[\s-]+|-){word})*(?![\w-])"
        scale_after = _alternation(list(scales))
        number = re.compile(rf"(?P<digits>{_DIGITS_BOUNDED}(?:\s+{scale_after})?)|(?P<words>{word_seq})", re.I)
        unit_alts = _alternation(list(currencies) + list(percent) + list(units))
        after = re.compile(
            rf"\s*(?:(?:de|d['’])\s*)?(?:(?P<unit>{unit_alts})|(?P<noun>[^\W\d_][\w’'-]*))", re.I)
        symbols = [c for c in currencies if not c[-1].isalnum()]
        currency_before = re.compile(rf"(?P<cur>{_alternation(symbols)})\s*$", re.I)
        return cls(words, scales, currencies, percent, units,
                   frozenset(str(w).lower() for w in data["counted"]),
                   frozenset(str(w).lower() for w in data["not_units"]),
                   number, after, currency_before)

    @classmethod
    def load(cls, code: str) -> "FigureLexicon":
        with (PACKS_DIR / code / "figures.yaml").open(encoding="utf-8") as fh:
            return cls.from_mapping(yaml.safe_load(fh))


def lexicon(pack: "LanguagePack") -> FigureLexicon:
    """The compiled lexicon of ``pack``, built once and kept on the pack's data."""
    return pack.compiled(_CACHE_KEY, lambda: FigureLexicon.load(pack.code))


def parse_digits(text: str) -> float | None:
    """``"1 200 000"``, ``"1.200.000"``, ``"2,5"``, ``"1 200,50"`` -> float; None if not a number."""
    s = text.strip()
    for sp in _SPACES:
        s = s.replace(sp, "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")  # dots grouping thousands, French style
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def parse_words(text: str, lex: FigureLexicon) -> float | None:
    """``"trois cents"`` -> 300, ``"quatre-vingt-dix"`` -> 90, ``"deux millions"`` -> 2e6."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "et"]
    if not tokens:
        return None
    total = group = current = 0
    previous = ""
    for tok in tokens:
        if tok in lex.number_words:
            value = lex.number_words[tok]
            if value == 20 and previous == "quatre":
                current += 80 - 4  # quatre-vingt(s)
            else:
                current += value
        elif tok in lex.scales:
            scale = lex.scales[tok]
            if scale == 100:
                current = (current or 1) * 100
            elif scale == 1000:
                group += (current or 1) * 1000
                current = 0
            else:
                total += ((group + current) or 1) * scale
                group = current = 0
        else:
            return None
        previous = tok
    return float(total + group + current)


def parse_number(text: str, lex: FigureLexicon) -> float | None:
    """Any written number: digits with French separators, an optional scale word after
    them ("1 200 milliards", "2,5 millions"), or number words."""
    m = re.fullmatch(rf"\s*({_DIGITS})(?:\s+(\S+))?\s*", text)
    if m:
        value = parse_digits(m.group(1))
        if value is None:
            return None
        if m.group(2):
            scale = lex.scales.get(m.group(2).lower())
            if scale is None:
                return None
            value *= scale
        return value
    return parse_words(text, lex)


def format_number(value: float) -> str:
    """The canonical string of an amount: ``1200000000000``, ``2.5``."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Figure:
    """One amount found in a text, before it becomes a claim."""

    start: int
    end: int
    value: str
    number: float
    unit: str
    rule: str
    unit_start: int  # where the unit word starts (for finding what it measures)


def find_figures(text: str, lex: FigureLexicon, noun_at: Any = None) -> list[Figure]:
    """Every figure in ``text``. ``noun_at(start, end) -> bool`` says whether a word is a
    common noun (from the spaCy ``Doc``); without it only known counted nouns count. Pure."""
    out: list[Figure] = []
    covered = 0  # end of the last figure: "pour cent" after "30" is not a new number
    for m in lex.number.finditer(text):
        start, end = m.span()
        if start < covered:
            continue
        digits = m.group("digits") is not None
        number = parse_number(m.group(), lex)
        if number is None:
            continue
        before = text[max(0, start - _FACTOR_WINDOW):start]
        factor = _FACTOR_BEFORE.search(before)
        if factor:
            f_start = start - len(before) + factor.start()
            value = number if factor.group(1).lower().startswith("multipli") else 1 / number if number else 0
            out.append(Figure(f_start, end, "x" + format_number(value), value, "factor", "factor", f_start))
            covered = end
            continue
        if _REFERENCE_BEFORE.search(before):
            continue
        figure = _with_unit(text, m, number, digits, lex, noun_at)
        if figure is not None:
            out.append(figure)
            covered = figure.end
    for m in _DOUBLING.finditer(text):
        value = float(_DOUBLING_FACTORS[m.group(1).lower()])
        out.append(Figure(m.start(1), m.end(), "x" + format_number(value), value, "factor", "doubling",
                          m.start(1)))
    return sorted(out, key=lambda f: f.start)


def _with_unit(text: str, m: re.Match[str], number: float, digits: bool, lex: FigureLexicon,
               noun_at: Any) -> Figure | None:
    start, end = m.span()
    spelled_small = not digits and number < MIN_SPELLED_COUNT
    if not digits and number == 1 and m.group().strip().lower() in ("un", "une"):
        return None  # the article "un", not an amount
    pre = lex.currency_before.search(text[max(0, start - 4):start])
    if pre and digits:
        cur = lex.currencies[pre.group("cur").lower()]
        return Figure(start - len(pre.group()), end, format_number(number), number, cur, "currency", start)
    a = lex.after.match(text, end)
    if a is None:
        return None
    unit_word = a.group("unit")
    if unit_word is not None:
        key = " ".join(unit_word.lower().split())
        u_start = a.start("unit")
        if key in lex.currencies:
            return Figure(start, a.end(), format_number(number), number, lex.currencies[key], "currency", u_start)
        if key in lex.percent:
            return Figure(start, a.end(), format_number(number), number, "percent", "percent", u_start)
        return Figure(start, a.end(), format_number(number), number, lex.units[key], "unit", u_start)
    noun = a.group("noun").lower().replace("’", "'")
    if noun in lex.not_units or noun in lex.scales:
        return None
    if noun in lex.counted:
        return Figure(start, a.end(), format_number(number), number, noun, "count", a.start("noun"))
    if spelled_small or noun_at is None or not noun_at(a.start("noun"), a.end("noun")):
        return None
    return Figure(start, a.end(), format_number(number), number, noun, "count", a.start("noun"))


# ---------------------------------------------------------------------------------------
# What a figure measures, from the dependency parse.

_SUBJECT = ("nsubj", "nsubj:pass")


def _clean_phrase(tokens: list[Any]) -> str | None:
    while tokens and tokens[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ"):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    # The span's own text (``Doc.text`` would rebuild the whole article's text each time).
    return " ".join(tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text.split())


def _subject_of(verb: Any) -> str | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT and child.pos_ != "PRON":  # "il", "qui": no measure
            return _clean_phrase(list(child.subtree))
    return None


def measure_of(doc: Any, fig: Figure) -> str | None:
    """The noun phrase a figure measures: the subject of "multiplié" for a factor; the noun
    before "de" ("un budget de 2 millions"); a "de" complement of a percent or unit
    ("30 % des exportations", "3 000 tonnes de blé"); else, for money and percents, the
    subject of the governing verb ("les échanges ont atteint ...")."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(fig.unit_start, fig.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span[0]
    if fig.unit == "factor":
        return _subject_of(head) if head.pos_ in ("VERB", "AUX", "ADJ") else None
    first = doc.char_span(fig.start, fig.end, alignment_mode="expand")[0]
    if first.i >= 2 and first.nbor(-1).lower_ in ("de", "d'", "d’"):
        back = []
        i = first.i - 2
        while i >= 0 and doc[i].pos_ in ("NOUN", "ADJ") and len(back) < 4:
            back.insert(0, doc[i])
            i -= 1
        if back and any(t.pos_ == "NOUN" for t in back):
            return _clean_phrase(back)
    unit_tok = span[-1] if fig.rule != "currency" else span[0]
    if fig.unit == "percent" or fig.rule in ("unit", "count"):
        for tok in (unit_tok, span[0]):
            for child in tok.children:
                if child.dep_.startswith("nmod") and child.i > unit_tok.i:
                    return _clean_phrase(list(child.subtree))
    if fig.rule == "count":
        return None  # "500 soldats": the noun is the unit; the verb's subject is not measured
    tok = unit_tok
    for _ in range(3):  # climb to the verb that governs the amount
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ in ("VERB", "AUX"):
        return _subject_of(tok)
    return None


def extract(ctx: "ArticleContext") -> list[Claim]:
    """One ``figure`` claim per amount with a unit in the article."""
    doc = ctx.doc
    text = ctx.article.text
    noun_at = None
    if doc is not None and doc.has_annotation("POS"):
        def noun_at(s: int, e: int) -> bool:
            span = doc.char_span(s, e, alignment_mode="expand")
            return span is not None and len(span) > 0 and span[0].pos_ == "NOUN"
    claims = []
    for fig in find_figures(text, lexicon(ctx.pack), noun_at):
        claims.append(ctx.claim("figure", fig.value, fig.start, fig.end, EXTRACTOR,
                                number=fig.number, unit=fig.unit, measure=measure_of(doc, fig),
                                rule=fig.rule))
    return claims
