"""Character-level pieces of quote extraction: quote marks, sentences, paragraphs.

Pure functions over a string, independent of spaCy, so that every offset they return indexes
the article text exactly (the evidence invariant) whatever the tokenizer does with ``<<``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> closing mark. "<<" / ">>" is how some West African sites type « ».
PAIRS: tuple[tuple[str, str], ...] = (("<<", ">>"), ("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'))
OPENERS: tuple[str, ...] = tuple(o for o, _ in PAIRS)
_CLOSER: dict[str, str] = dict(PAIRS)
_OPENER = re.compile("|".join(re.escape(o) for o in OPENERS))  # in PAIRS order: "<<" before the rest

# A blank line ends a paragraph; a quote never runs over one unless it is re-opened.
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
WRAP_MIN_LINE = 50  # characters: a shorter line without final punctuation is a title, not a wrap
WRAP_MIN_PREVIOUS = 30  # ... unless it follows a line of at least this many characters that was wrapped
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
# Abbreviations whose final dot does not end a sentence.
_ABBREV = re.compile(r"(?:\b(?:M|Mme|Mlle|Dr|Pr|Me|St|Ste|etc|cf|av|apr|J\.-C|S\.E\.M|S\.E|n°)|\b[A-Z])\.$")


@dataclass(frozen=True)
class QuoteSpan:
    """One pair of quote marks. ``start:end`` are the quoted words (trimmed of white space),
    ``open_start:close_end`` the whole quotation including its marks. ``closed`` is False
    when the writer never closed it (the quote then runs to the end of its line)."""

    open_start: int
    start: int
    end: int
    close_end: int
    mark: str
    closed: bool = True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _straight_opens(text: str, i: int) -> bool:
    """A straight double quote opens when it follows white space, a bracket or the start."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{:'’-–—"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``, in order. Marks nested inside a quotation belong
    to it (``« ... “...” ... »`` is one quote). A quotation whose closing mark is missing before
    the next blank line, or before the same opener comes again, is closed at the end of its line."""
    spans: list[QuoteSpan] = []
    i, n = 0, len(text)
    while i < n:
        found = _OPENER.search(text, i)  # jump to the next opening mark
        if found is None:
            break
        i = found.start()
        opener = found.group()
        closer = _CLOSER[opener]
        if opener == '"' and not _straight_opens(text, i):
            i += 1
            continue
        inner_start = i + len(opener)
        blank = _BLANK_LINE.search(text, inner_start)
        limit = blank.start() if blank else n
        close = text.find(closer, inner_start, limit)
        again = text.find(opener, inner_start, limit) if opener != closer else -1
        if close == -1 or (again != -1 and again < close):
            line_end = text.find("\n", inner_start)
            stop = min(x for x in (line_end, again if again != -1 else n, n) if x != -1)
            s, e = _trim(text, inner_start, stop)
            if e > s:
                spans.append(QuoteSpan(i, s, e, stop, opener, closed=False))
            i = max(stop, i + 1)
            continue
        s, e = _trim(text, inner_start, close)
        if e > s:
            spans.append(QuoteSpan(i, s, e, close + len(closer), opener))
        i = close + len(closer)
    return spans


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """``text`` with the quoted words replaced by ``_`` (same length, same offsets), so that rules
    looking for speech verbs and speakers never read inside a quotation."""
    chars = list(text)
    for q in spans:
        for k in range(q.start, q.end):
            if chars[k] != "\n":
                chars[k] = "_"
    return "".join(chars)


def _inside(pos: int, spans: list[QuoteSpan]) -> bool:
    return any(q.open_start < pos < q.close_end for q in spans)


_CAPITAL_NEXT = re.compile(r"[ \u00a0]+[A-ZÀ-ÖØ-Þ]")


def split_sentences(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: a line break, or ``. ! ? …`` before a capital, a digit or a
    quote mark; never inside a quotation, never after an abbreviation or an initial."""
    cuts = [0]
    for m in re.finditer(r"\n+|[.!?…]+(?=[\s\u00a0]+[«“\"<A-ZÀ-ÖØ-Þ0-9])", text):
        pos = m.end()
        if _inside(m.start(), spans):
            continue
        if m.group() == "\n" and wrapped(text, m.start()):
            continue
        if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 6):m.start() + 1]):
            continue
        cuts.append(pos)
    for q in spans:
        # « Nous irons jusqu'au bout. » Selon lui, ...: the quoted words end a sentence and
        # the next one starts after the closing mark
        if q.closed and text[q.start:q.end].rstrip()[-1:] in (".", "!", "?", "…") \
                and _CAPITAL_NEXT.match(text, q.close_end):
            cuts.append(q.close_end)
    cuts = sorted(set(cuts))
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        s, e = _trim(text, a, b)
        if e > s:
            out.append((s, e))
    return out


def wrapped(text: str, pos: int) -> bool:
    """True when the single line break at ``pos`` wraps a sentence: the line before is long
    (not a title) and does not end a sentence, and the next line goes on with a word."""
    ends = (".", "!", "?", "…", ":", "»", "”", '"', ">>")
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos].rstrip()
    nxt = text[pos + 1:pos + 2]
    if not (nxt.isalnum() or nxt in ("«", "“")) or not line or line.endswith(ends):
        return False  # (a wrapped line may open a quote: "assure que\n« personne ... »")
    if len(line) >= WRAP_MIN_LINE:
        return True
    # a short line is still a wrap when the line before it was wrapped too
    prev = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)].rstrip()
    return line_start > 0 and not prev.endswith(ends) and len(prev) >= WRAP_MIN_PREVIOUS


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin (after a line break), in order; the first is 0."""
    return [0] + [m.end() for m in re.finditer(r"\n+", text)
                  if m.end() - m.start() > 1 or not wrapped(text, m.start())]


def paragraph_of(pos: int, starts: list[int]) -> int:
    """Index of the paragraph holding ``pos``."""
    lo = 0
    for k, s in enumerate(starts):
        if s <= pos:
            lo = k
        else:
            break
    return lo


def words(text: str) -> list[str]:
    """Word tokens (letters, digits, apostrophes and hyphens kept inside)."""
    return _WORD.findall(text)


def normalise_space(text: str) -> str:
    """Collapse every run of white space (incl. no-break spaces) into one space."""
    return " ".join(text.split())
