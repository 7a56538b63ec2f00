"""Bytes to text: UTF-8 first, then charset-normalizer for legacy encodings (Latin-1, cp1252)."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

# A UTF-8 file with a few corrupt bytes (a bad copy, a truncated download) is still read, the
# bad bytes shown as U+FFFD, when they are at most this share of the file.
MAX_BAD_UTF8_SHARE = 0.005

# Byte-order marks that name their encoding outright.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# French text in a Western legacy encoding: when charset-normalizer hesitates between
# single-byte code pages, cp1252 is what French sites and Windows editors write (it is
# Latin-1 plus the curly apostrophe, the euro sign and œ).
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "iso8859_1")


def decode_bytes(data: bytes) -> str | None:
    """Decode ``data`` to text; None when no encoding gives readable text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return _mostly_utf8(data)
    encodings = {m.encoding for m in matches}
    text = str(best)
    if best.encoding not in _WESTERN and _latin_only(text) and any(e in encodings for e in _WESTERN):
        # A close call between Latin-script code pages (cp1250 reads "à" as "ŕ"): prefer the
        # Western one. A Cyrillic or Arabic reading is left alone.
        western = next(e for e in _WESTERN if e in encodings)
        try:
            return data.decode(western)
        except UnicodeDecodeError:
            pass
    return text


def _latin_only(text: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha())


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    return text if text.count("\ufffd") <= MAX_BAD_UTF8_SHARE * len(data) else None
