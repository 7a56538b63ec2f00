"""Reading input files: paths -> RawDocument | Rejected. The only ingest module touching disk.

Folders are walked recursively in sorted order, so a batch is read the same way every time.
Every problem is a :class:`Rejected` value with a one-line reason; the batch goes on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator, Literal, Mapping, Sequence

from recoupe.records import RawDocument, Rejected

FORMATS: Mapping[str, Literal["text", "html"]] = MappingProxyType({".txt": "text", ".md": "text", ".html": "html", ".htm": "html"})
JSONL = ".jsonl"
DEFAULT_MAX_BYTES = 5_000_000  # 5 MB: far above any article, far below what would hurt memory
DECLARED_FIELDS = ("url", "title", "author", "published", "outlet")
BINARY_SNIFF_BYTES = 8_192  # enough of the head of a file to tell text from binary
# Share of control bytes (other than tab, newlines, form feed) above which a file is binary.
BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_paths(paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Rejected]:
    """Read files and folders (recursive, sorted): ``.txt .md .html .htm .jsonl``.

    ``RawDocument.path`` is the path as given joined with the file name below it; a JSONL
    record's path is ``file.jsonl:LINE``. Hidden files inside folders are skipped.
    """
    for given in paths:
        if not os.path.exists(given):
            yield Rejected(given, "path not found")
        elif os.path.isdir(given):
            for rel in _walk(given):
                yield from read_file(os.path.join(given, rel), max_bytes)
        else:
            yield from read_file(given, max_bytes)


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = os.path.relpath(root, folder)
        for name in sorted(files):
            if not name.startswith("."):
                found.append(name if rel_root == "." else os.path.join(rel_root, name))
    return sorted(found)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Rejected]:
    """One file: a RawDocument (or one per JSONL line), or a Rejected naming the problem."""
    ext = Path(path).suffix.lower()
    if ext not in FORMATS and ext != JSONL:
        known = ", ".join([*FORMATS, JSONL])
        yield Rejected(path, f"unknown extension {ext or '(none)'!r}: expected one of {known}")
        return
    if ext == JSONL:
        yield from _read_jsonl(path, max_bytes)
        return
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            yield Rejected(path, f"file too large: {size:,} bytes, over the {max_bytes:,}-byte limit")
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield Rejected(path, f"cannot read file: {exc.strerror or exc}")
        return
    problem = check_bytes(data)
    if problem:
        yield Rejected(path, problem)
    else:
        yield RawDocument(path=path, fmt=FORMATS[ext], data=data)


def _read_jsonl(path: str, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """A JSON Lines export may hold thousands of articles: it is streamed, and the size limit
    applies to each record (line), not to the whole file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
            problem = check_bytes(head)
            if problem and not (problem.startswith("empty") and handle.read(1)):
                yield Rejected(path, problem)
                return
            handle.seek(0)
            yield from parse_jsonl(path, handle, max_bytes)
    except OSError as exc:
        yield Rejected(path, f"cannot read file: {exc.strerror or exc}")


def check_bytes(data: bytes) -> str | None:
    """The reason a file's bytes cannot be an article (empty, binary), or None."""
    if not data.strip():
        return "empty file" if not data else "empty file (only whitespace)"
    head = data[:BINARY_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return None  # UTF-16 text carries NUL bytes by design
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls > BINARY_CONTROL_SHARE * len(head):
        return f"binary file ({controls / len(head):.0%} control bytes, mostly not text)"
    return None


def parse_jsonl(path: str, lines: Iterable[bytes], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per JSON object line; each bad line is a Rejected with its line number."""
    for number, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        if len(raw_line) > max_bytes:
            yield Rejected(path, f"record too large: {len(raw_line):,} bytes, over the {max_bytes:,}-byte limit", line=number)
            continue
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")  # JSON Lines is UTF-8 by definition
        except UnicodeDecodeError as exc:
            yield Rejected(path, f"undecodable: JSON Lines must be UTF-8 ({exc.reason} at byte {exc.start})", line=number)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(path, f"invalid JSON: {exc.msg} (column {exc.colno})", line=number)
            continue
        if not isinstance(obj, dict):
            yield Rejected(path, f"not a JSON object (got {type(obj).__name__})", line=number)
            continue
        declared = {k: str(v).strip() for k in DECLARED_FIELDS if _scalar(v := obj.get(k)) and str(v).strip()}
        where = f"{path}:{number}"
        # "text" wins over "html" when both are given: it is what the user already cleaned.
        if isinstance(obj.get("text"), str) and obj["text"].strip():
            yield RawDocument(path=where, fmt="text", text=obj["text"], declared=declared)
        elif isinstance(obj.get("html"), str) and obj["html"].strip():
            yield RawDocument(path=where, fmt="html", text=obj["html"], declared=declared)
        else:
            yield Rejected(path, "no 'text' or 'html' field with content", line=number)


def _scalar(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)
