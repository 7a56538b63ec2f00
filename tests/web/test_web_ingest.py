"""Ingest from the browser: files or a pasted text through the same pipeline as the CLI;
bounded uploads; a malformed upload is refused with a clear message and the store untouched."""

from __future__ import annotations

import json

import pytest

from recoupe.web.app import MAX_PASTE_CHARS, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES

TEXT = ("Le Burkina Faso et la Russie signent un accord nucléaire\n\n"
        "Ouagadougou, le 12 mai 2025\n\n"
        "Les deux pays ont signé lundi un accord pour la construction d'une centrale.\n\n"
        "Partager sur Facebook")


def jsonl(*objs) -> bytes:
    return "\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objs).encode()


def test_ingest_page_stores_files_and_shows_the_outcome(logged_in, meeting):
    store, _ = meeting
    feed = jsonl({"text": "Le Mali accueille un sommet\n\nBamako, 2 juin 2025\n\nLe sommet s'est ouvert.",
                  "title": "Sommet de Bamako", "outlet": "L'Éclaireur"},
                 "{not json",
                 {"title": "sans texte"})
    files = [("files", ("burkina.txt", TEXT.encode("utf-8"), "text/plain")),
             ("files", ("feed.jsonl", feed, "application/octet-stream"))]
    r = logged_in.post("/ingest", files=files)
    assert r.status_code == 201
    html = r.text
    assert "2 stored, 0 unchanged, 2 rejected" in html
    assert "Sommet de Bamako" in html and "burkina.txt" in html
    assert "feed.jsonl:2: invalid JSON" in html and "feed.jsonl:3: no &#39;text&#39; or &#39;html&#39; field" in html
    assert html.count('href="/events/') >= 2  # each stored article links to its event
    assert store.count_articles() == 6
    stored = next(a for a in store.articles() if a.path == "burkina.txt")
    assert "Partager sur Facebook" not in stored.text  # the same cleaning as the CLI
    assert any(r.line == "Partager sur Facebook" for r in stored.removed)
    again = logged_in.post("/ingest", files=files)
    assert again.status_code == 200 and "0 stored, 2 unchanged" in again.text
    assert store.count_articles() == 6


def test_ingest_page_accepts_a_pasted_text(logged_in, meeting):
    store, _ = meeting
    r = logged_in.post("/ingest", data={"text": TEXT, "outlet": "Faso Matin", "published": "2025-05-12"})
    assert r.status_code == 201 and "1 stored" in r.text
    a = next(a for a in store.articles() if a.path == "pasted text")
    assert (a.outlet, a.published) == ("Faso Matin", "2025-05-12")


BAD_UPLOADS = {
    "unknown type": ([("files", ("report.pdf", b"%PDF-1.4 ...", "application/pdf"))], 422, "unknown file type"),
    "binary": ([("files", ("photo.txt", b"\x89PNG\x00\x00\x01" * 200, "text/plain"))], 422, "binary file"),
    "empty": ([("files", ("empty.txt", b"   \n", "text/plain"))], 422, "empty file"),
    "no JSON line": ([("files", ("feed.jsonl", b"{oops\n[1, 2]\n", "text/plain"))], 422, "no usable JSON line"),
    "too large": ([("files", ("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "text/plain"))], 413, "too large"),
    "too many": ([("files", (f"f{i}.txt", b"Un titre\n\nUn texte.", "text/plain")) for i in range(MAX_UPLOAD_FILES + 1)],
                 400, "Too many files"),
    "one bad among good": ([("files", ("good.txt", TEXT.encode(), "text/plain")),
                            ("files", ("bad.exe", b"MZ\x00\x00", "application/octet-stream"))], 422, "bad.exe"),
}


@pytest.mark.parametrize("case", list(BAD_UPLOADS))
def test_ingest_page_refuses_a_malformed_upload_without_touching_the_store(logged_in, meeting, case):
    store, _ = meeting
    files, status, message = BAD_UPLOADS[case]
    r = logged_in.post("/ingest", files=files)
    assert r.status_code == status
    assert message in r.text and "error-message" in r.text
    assert store.count_articles() == 4 and store.rejections() == []


def test_ingest_page_bounds_the_pasted_text(logged_in, meeting):
    store, _ = meeting
    r = logged_in.post("/ingest", data={"text": "a" * (MAX_PASTE_CHARS + 1)})
    assert r.status_code == 413 and "pasted text too long" in r.text
    r = logged_in.post("/ingest", data={"text": "  "})
    assert r.status_code == 422 and "nothing to ingest" in r.text
    assert store.count_articles() == 4


def test_ingest_page_without_token_is_401_and_the_form_says_so(client, meeting):
    store, _ = meeting
    assert "Log in</a> with the write token" in client.get("/ingest").text
    r = client.post("/ingest", files=[("files", ("a.txt", TEXT.encode(), "text/plain"))])
    assert r.status_code == 401 and store.count_articles() == 4
