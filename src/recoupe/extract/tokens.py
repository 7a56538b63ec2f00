"""Token look-ups several extractors share, read from the ``Doc``'s attribute arrays (one
C-level pass) instead of building a Python ``Token`` for every word of the article."""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

_POS_IDS = {"VERB": VERB, "AUX": AUX}


def tokens_with_pos(doc: Any, tags: tuple[str, ...] = ("VERB", "AUX")) -> list[Any]:
    """The tokens of ``doc`` whose coarse part of speech is one of ``tags`` ("VERB", "AUX"),
    in text order. Any iterable of token-like objects works too (read one by one)."""
    if doc is None:
        return []
    if not isinstance(doc, Doc) or any(t not in _POS_IDS for t in tags):
        return [t for t in doc if getattr(t, "pos_", "") in tags]
    if not len(doc):
        return []
    pos = doc.to_array(POS)
    mask = pos == _POS_IDS[tags[0]]
    for tag in tags[1:]:
        mask |= pos == _POS_IDS[tag]
    return [doc[int(i)] for i in mask.nonzero()[0]]


# Accent- and case-folded forms by string hash (hashes are stable across documents). Bounded:
# cleared when full, so a long ingest does not keep every word it ever met.
_FOLDED: dict[int, str] = {}
_FOLDED_MAX = 200_000


def _folded(strings: Any, key: int, lower: bool) -> str:
    found = _FOLDED.get(key)
    if found is None:
        from recoupe.extract.gazetteer import strip_accents

        text = strings[key]
        found = strip_accents(text.lower() if lower else text)
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[key] = found
    return found


def indices_matching(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose folded form (``strip_accents(lower_)``) or folded lemma is
    in ``words``, read from the attribute arrays: one dictionary look-up per token instead of
    building a ``Token`` and folding its strings."""
    if not isinstance(doc, Doc):
        from recoupe.extract.gazetteer import strip_accents

        return [t.i for t in doc if strip_accents(t.lower_) in words or strip_accents(t.lemma_.lower()) in words]
    if not len(doc):
        return []
    strings = doc.vocab.strings
    out = []
    for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
        if _folded(strings, lower, False) in words or _folded(strings, lemma, True) in words:
            out.append(i)
    return out


def indices_with_form(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose folded form (``strip_accents(lower_)``, not the lemma) is in
    ``words``, read from the attribute arrays."""
    if not isinstance(doc, Doc):
        from recoupe.extract.gazetteer import strip_accents

        return [t.i for t in doc if strip_accents(t.lower_) in words]
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if _folded(strings, lower, False) in words]


# ---------------------------------------------------------------- gazetteer look-ups

# Per gazetteer (a frozen object, kept here by reference so its id is never reused while
# cached): look-ups that are pure functions of their arguments, shared by the articles of a
# process (names and words come back from one article to the next). Bounded: each cache is
# cleared when full.
_GZ_MEMOS: dict[int, tuple[Any, dict[str, dict[Any, Any]]]] = {}
_GZ_MEMO_MAX = 100_000


def gazetteer_memo(gz: Any, name: str) -> dict[Any, Any]:
    """The look-up cache ``name`` of the gazetteer ``gz``: keys and values are the caller's,
    values must depend on the key and the gazetteer only."""
    known = _GZ_MEMOS.get(id(gz))
    if known is None or known[0] is not gz:
        if len(_GZ_MEMOS) >= 8:
            _GZ_MEMOS.clear()
        known = _GZ_MEMOS[id(gz)] = (gz, {})
    memo = known[1].setdefault(name, {})
    if len(memo) >= _GZ_MEMO_MAX:
        memo.clear()
    return memo


def resolve(gz: Any, surface: str, kinds: tuple[str, ...]) -> Any:
    """``gz.resolve(surface, kinds=kinds)``, remembered (the fuzzy match of an unknown name
    is the costly part of resolving it)."""
    memo = gazetteer_memo(gz, "resolve")
    key = (surface, kinds)
    if key in memo:
        return memo[key]
    found = memo[key] = gz.resolve(surface, kinds=kinds)
    return found


# ---------------------------------------------------------------- character maps

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def translate_non_ascii(text: str, table: dict[int, Any]) -> str:
    """``text.translate(table)`` for a table that leaves ASCII alone (an accent table):
    only the runs of non-ASCII characters go through ``translate``, several times faster
    on French text, where most characters are ASCII."""
    if text.isascii():
        return text
    return _NON_ASCII_RUN.sub(lambda m: m.group().translate(table), text)


def strip_accents_fast(text: str) -> str:
    """``gazetteer.strip_accents(text)``, with its first pass (the French accent table)
    through :func:`translate_non_ascii`."""
    from recoupe.extract.gazetteer import ACCENT_TABLE, strip_accents

    if text.isascii():
        return text
    text = translate_non_ascii(text, ACCENT_TABLE)
    # The accent table maps to ASCII only, so strip_accents repeats that pass as a no-op.
    return text if text.isascii() else strip_accents(text)


# ---------------------------------------------------------------- case-folded scanning
#
# Python's ``re`` with IGNORECASE is several times slower than a case-sensitive scan, and a
# leading look-behind ("(?<!\w)") turns off its fast search for the first character. A
# pattern whose literals are all lower case matches the same characters case-insensitively
# on a text as case-sensitively on ``text.lower()``, as long as lowering keeps every offset
# and the text has none of the few characters ``re`` folds specially ("ſ", "ı", "µ",
# Greek...). :func:`lowered` and :class:`Prescreen` use that to skip windows cheaply; the
# original pattern still makes every match, so results do not change.

try:  # Python >= 3.11
    from re import _parser as _sre_parse
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

    _EXTRA_CASES = {}

_SPECIAL_FOLDS = frozenset(chr(k) for k in _EXTRA_CASES) | frozenset(
    chr(v) for vs in _EXTRA_CASES.values() for v in vs)
_UNSAFE_FOLDS = frozenset(c for c in _SPECIAL_FOLDS if not c.isascii())
_SAFE_CHAR: dict[str, bool] = {}
_LOWERED: list[Any] = [None, None]  # the last text asked for, and its lowered form


def _safe_char(ch: str) -> bool:
    found = _SAFE_CHAR.get(ch)
    if found is None:
        low = ch.lower()
        found = len(low) == 1 and low not in _UNSAFE_FOLDS
        if len(_SAFE_CHAR) < 100_000:
            _SAFE_CHAR[ch] = found
    return found


def lowered(text: str) -> str | None:
    """``text.lower()`` when a lower-case pattern matches it case-sensitively exactly where
    the pattern matches ``text`` case-insensitively (same offsets, no special folds), else
    None. The last text is remembered: every extractor of an article asks for the same one."""
    if _LOWERED[0] is text:
        return _LOWERED[1]  # type: ignore[no-any-return]
    low: str | None = text.lower()
    if len(low) != len(text) or not all(_safe_char(ch) for ch in set(text)):  # type: ignore[arg-type]
        low = None
    _LOWERED[0], _LOWERED[1] = text, low
    return low


_LOOKBEHIND_HEAD = re.compile(r"^(?:\(\?<[!=](?:[^()\\\[]|\\.|\[(?:[^\]\\]|\\.)*\])*\))+")


def _check_lower(items: Any, where: str) -> None:
    """Raise unless every literal of the parsed pattern is its own lower case and folds
    plainly, and no group turns IGNORECASE off or refers back to another."""
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            chars: Any = (chr(av),)
        elif name == "RANGE":
            chars = (chr(i) for i in range(av[0], av[1] + 1))
        elif name in ("GROUPREF", "GROUPREF_EXISTS"):
            raise ValueError(f"{where}: back-references are not supported")
        else:
            chars = ()
        for ch in chars:
            if ch.lower() != ch or ch in _UNSAFE_FOLDS:
                raise ValueError(f"{where}: literal {ch!r} is not plain lower case")
        if name == "SUBPATTERN" and av[2] & re.IGNORECASE:
            raise ValueError(f"{where}: a group turns IGNORECASE off")
        if name in ("IN", "BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT",
                    "ASSERT", "ASSERT_NOT", "ATOMIC_GROUP"):
            subs: Any = av
            if name == "IN":
                subs = [av]
            elif name == "BRANCH":
                subs = av[1]
            elif name == "SUBPATTERN":
                subs = [av[3]]
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                subs = [av[2]]
            elif name in ("ASSERT", "ASSERT_NOT"):
                subs = [av[1]]
            elif name == "ATOMIC_GROUP":
                subs = [av]
            for sub in subs:
                _check_lower(sub, where)


def case_sensitive_twin(pattern: "re.Pattern[str]", drop_lookbehind: bool = False) -> "re.Pattern[str]":
    """``pattern`` compiled without IGNORECASE, for matching on :func:`lowered` text; with
    ``drop_lookbehind``, also without its leading look-behind assertions (the twin then
    matches wherever ``pattern`` does, and maybe more). Raises ValueError when a literal
    is not lower case (the twin would miss what ``pattern`` matches)."""
    source = pattern.pattern
    if drop_lookbehind:
        source = _LOOKBEHIND_HEAD.sub("", source, count=1)
    flags = pattern.flags & ~re.IGNORECASE
    _check_lower(_sre_parse.parse(source, flags), source[:60])
    return re.compile(source, flags)


class Prescreen:
    """A cheap test that ``pattern`` cannot match in a window: ``False`` from :meth:`may_match`
    means ``pattern.search(text, lo, hi)`` finds nothing; ``True`` means it might. The test
    is a case-sensitive scan of the lowered text without the pattern's leading look-behind
    (a superset of its matches, with the same window ends); on a text :func:`lowered`
    refuses, every window may match. A pattern :func:`case_sensitive_twin` refuses (an
    upper-case literal, a back-reference) has no test (every window may match) unless
    ``strict``, where the refusal is raised."""

    def __init__(self, pattern: "re.Pattern[str]", strict: bool = True) -> None:
        self.pattern = pattern
        self.twin: "re.Pattern[str] | None" = None
        try:
            self.twin = case_sensitive_twin(pattern, drop_lookbehind=True)
        except ValueError:
            if strict:
                raise

    def may_match(self, low: str | None, lo: int, hi: int) -> bool:
        return low is None or self.twin is None or self.twin.search(low, lo, hi) is not None
