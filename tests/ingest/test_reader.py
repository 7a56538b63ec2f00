"""Reading files and folders: every problem is a Rejected value, the batch goes on."""

from __future__ import annotations

import json
import os

from recoupe.ingest.reader import read_paths
from recoupe.records import RawDocument, Rejected

TEXT = "Titre\n\nLes ministres se sont réunis à Niamey pour parler de sécurité régionale.\n"


def _one(path, **kw):
    (item,) = list(read_paths([str(path)], **kw))
    return item


def test_reader_reads_text_markdown_and_html_with_formats(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.HTML").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [(os.path.basename(i.path), i.fmt) for i in items] == [("a.txt", "text"), ("b.md", "text"), ("c.HTML", "html")]
    assert items[0].data == TEXT.encode("utf-8")


def test_reader_walks_folders_recursively_sorted_and_joins_the_given_path(tmp_path, monkeypatch):
    (tmp_path / "corpus" / "z").mkdir(parents=True)
    (tmp_path / "corpus" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus" / "z" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus" / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    paths = [i.path for i in read_paths(["corpus/"])]
    assert paths == ["corpus/b.txt", "corpus/z/a.txt"]
    assert [i.path for i in read_paths(["corpus/b.txt"])] == ["corpus/b.txt"]


def test_reader_rejects_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b" \n\t\n")
    assert _one(tmp_path / "e.txt").reason == "empty file"
    assert "empty file" in _one(tmp_path / "w.txt").reason


def test_reader_rejects_binary_file(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    item = _one(tmp_path / "b.txt")
    assert isinstance(item, Rejected) and item.reason.startswith("binary file")


def test_reader_rejects_mostly_control_bytes(tmp_path):
    (tmp_path / "c.txt").write_bytes(bytes(range(1, 9)) * 50)
    assert _one(tmp_path / "c.txt").reason.startswith("binary file")


def test_reader_rejects_file_over_the_limit_naming_size_and_limit(tmp_path):
    (tmp_path / "big.txt").write_text("mot " * 300, encoding="utf-8")
    item = _one(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(item, Rejected)
    assert "1,200 bytes" in item.reason and "1,000-byte limit" in item.reason


def test_reader_rejects_unknown_extension_and_missing_path(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    item = _one(tmp_path / "doc.pdf")
    assert "unknown extension '.pdf'" in item.reason
    missing = _one(tmp_path / "nope.txt")
    assert missing.reason == "path not found"


def test_reader_batch_goes_on_after_a_rejection(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "missing"), str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Rejected", "Rejected", "RawDocument"]


def test_reader_jsonl_one_document_a_line_with_declared_metadata(tmp_path):
    rows = [
        {"text": "Un texte.", "url": "https://exemple.ml/a", "title": "T", "author": "A. Traoré",
         "published": "2025-04-03", "outlet": "Le Sahel", "extra": "ignoré"},
        {"html": "<p>Un texte.</p>", "title": None},
    ]
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    first, second = list(read_paths([str(path)]))
    assert isinstance(first, RawDocument) and first.path == f"{path}:1" and first.fmt == "text"
    assert first.text == "Un texte."
    assert dict(first.declared) == {"url": "https://exemple.ml/a", "title": "T", "author": "A. Traoré",
                                    "published": "2025-04-03", "outlet": "Le Sahel"}
    assert second.path == f"{path}:2" and second.fmt == "html" and dict(second.declared) == {}


def test_reader_jsonl_malformed_lines_name_line_and_problem(tmp_path):
    path = tmp_path / "lot.jsonl"
    path.write_text('{"text": "ok"}\n{"text": \n[1, 2]\n{"title": "sans texte"}\n{"text": "  "}\n', encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert isinstance(items[0], RawDocument)
    bad = [(i.line, i.reason.split(":")[0].split(" (")[0]) for i in items[1:]]
    assert bad == [(2, "invalid JSON"), (3, "not a JSON object"), (4, "no 'text' or 'html' field with content"),
                   (5, "no 'text' or 'html' field with content")]
    assert items[1].message().startswith(f"{path}:2: invalid JSON")


def test_reader_jsonl_not_utf8_is_undecodable(tmp_path):
    path = tmp_path / "lot.jsonl"
    path.write_bytes('{"text": "été"}\n'.encode("latin-1"))
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, Rejected) and item.reason.startswith("undecodable") and item.line == 1


def test_reader_jsonl_size_limit_applies_to_each_record(tmp_path):
    path = tmp_path / "lot.jsonl"
    small, big = json.dumps({"text": "court"}), json.dumps({"text": "long " * 400})
    path.write_text("\n".join([small, big, small]) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)], max_bytes=1000))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "RawDocument"]
    assert items[1].line == 2 and items[1].reason.startswith("record too large")


def test_reader_jsonl_empty_and_binary(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    assert [i.reason.split(" (")[0] for i in read_paths([str(tmp_path)])] == ["binary file", "empty file"]
