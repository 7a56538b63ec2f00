"""recoupe.ingest: raw documents to cleaned articles.

:func:`build_article` is pure (no disk, no network): decode, extract the main text of HTML,
clean plain text with our junk rules, read metadata from the text, detect the language.
Reading files is :func:`recoupe.ingest.reader.read_paths`.
"""

from __future__ import annotations

import re

from recoupe.ingest.clean import PHRASE_RULES, RULES, clean_lines, normalise_whitespace, unwrap
from recoupe.ingest.decode import decode_bytes
from recoupe.ingest.html import extract_html
from recoupe.ingest.language import LanguageDetector
from recoupe.ingest.metadata import normalise_name, parse_date, read_metadata
from recoupe.records import Article, RawDocument, Rejected, Removed, article_id

__all__ = ["build_article", "LanguageDetector"]

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def build_article(raw: RawDocument, detector: LanguageDetector | None = None) -> Article | Rejected:
    """Decode, clean and describe one raw document.

    Pass one ``detector`` for a whole batch (it loads the language model once); without it
    a detector is created for this call. Declared metadata (JSONL fields, HTML metadata)
    wins over what is read from the text.
    """
    if raw.text is not None:
        content: str | None = raw.text
    elif raw.data is not None:
        content = None if raw.fmt == "html" else decode_bytes(raw.data)
        if raw.fmt == "text" and content is None:
            return Rejected(raw.path, "undecodable: neither UTF-8 nor a recognisable legacy encoding")
    else:
        return Rejected(raw.path, "no content")

    declared: dict[str, str | None] = {}
    if raw.fmt == "html":
        page = extract_html(raw.data if content is None else content)  # trafilatura reads <meta charset>
        if page is None:
            return Rejected(raw.path, "no article text found in the HTML page")
        body = page.text
        declared = {"title": page.title, "author": page.author, "outlet": page.outlet, "url": page.url,
                    "published": page.published}
    else:
        body = content or ""

    declared.update({k: v for k, v in raw.declared.items() if v})  # the user's JSONL fields win
    normalised = normalise_whitespace(body)
    if raw.fmt == "html":
        lines = [line for line in normalised.split("\n") if line]  # trafilatura gives one paragraph a line
    else:
        lines = unwrap(normalised)
    title = declared.get("title")
    if title and (not lines or lines[0] != normalise_whitespace(title)):
        lines.insert(0, normalise_whitespace(title))  # the title is the first line, whatever the source
    cleaned = clean_lines(lines, PHRASE_RULES if raw.fmt == "html" else RULES)
    meta = read_metadata(cleaned.kept, cleaned.removed)
    if not meta.kept:
        return Rejected(raw.path, "no text left after cleaning (only junk lines)")
    text = "\n\n".join(meta.kept)

    author = declared.get("author")
    declared_date = declared.get("published")
    published = (_iso_day(declared_date) or parse_date(declared_date) if declared_date else None) or meta.published
    detector = detector or LanguageDetector()
    return Article(
        id=article_id(text),
        path=raw.path,
        text=text,
        title=declared.get("title") or meta.title,
        url=declared.get("url"),
        outlet=declared.get("outlet") or meta.outlet,
        author=normalise_name(author) if author else meta.author,
        published=published,
        dateline_place=meta.dateline_place,
        language=detector.detect(text),
        removed=_in_input_order(cleaned.removed, meta.removed, lines),
        credits=meta.credits,
    )


def _iso_day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a declared ISO date ("2025-04-03T10:00:00Z" too); None otherwise."""
    m = _ISO_DAY.match(value.strip()) if value else None
    return "-".join(m.groups()) if m else None


def _in_input_order(junk: tuple[Removed, ...], meta: tuple[Removed, ...], lines: list[str]) -> tuple[Removed, ...]:
    """All removed lines in the order they appeared in the input (duplicates keep their order)."""
    pending = list(junk) + list(meta)
    ordered: list[Removed] = []
    for line in lines:
        for k, item in enumerate(pending):
            if item.line == line:
                ordered.append(pending.pop(k))
                break
    return tuple(ordered + pending)
