"""Main text and metadata of a saved HTML page, through trafilatura and htmldate."""

from __future__ import annotations

from dataclasses import dataclass

import htmldate
import trafilatura

# favor_precision is the best setting on the article-extraction benchmark (see
# bench/html_extraction.py), but on a few pages it keeps only a fragment of the body. When the
# precise text is shorter than this share of the balanced extraction, the balanced one is used.
PRECISE_MIN_SHARE = 0.5


@dataclass(frozen=True)
class HtmlPage:
    """What a page declares and its main text (one paragraph a line)."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def extract_html(html: str | bytes) -> HtmlPage | None:
    """Main text without navigation or comments, and the page's metadata; None when no text."""
    doc = trafilatura.bare_extraction(html, include_comments=False, favor_precision=True, with_metadata=True)
    precise = (doc.text or "") if doc is not None else ""
    balanced = trafilatura.extract(html, include_comments=False) or ""
    text = precise if len(precise) >= PRECISE_MIN_SHARE * len(balanced) else balanced
    if not text.strip():
        return None
    published = _publication_date(html) or (doc.date if doc is not None else None)
    if doc is None:
        return HtmlPage(text=text, published=published)
    return HtmlPage(
        text=text,
        title=doc.title or None,
        author=doc.author or None,
        outlet=doc.sitename or None,
        url=doc.url or None,
        published=published,
    )


def _publication_date(html: str | bytes) -> str | None:
    # original_date: the first publication, not the last update, is what a dateline states.
    try:
        return htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except ValueError:  # htmldate raises on pages it cannot parse at all
        return None
