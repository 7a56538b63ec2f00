"""Article text is hostile input: every page escapes it. An article whose title, text,
quotes, actors, outlet, removed lines and judgements are full of script tags and
event-handler attributes is stored, then every page is parsed: no tag or attribute of
the payload may come out as markup."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from recoupe.ingest import build_article
from recoupe.pipeline import Pipeline
from recoupe.records import Claim, Entity, Event, Evidence, RawDocument, Removed
from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.web.app import create_app
from web_scenes import TOKEN, LightPipeline

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "</textarea><script>alert(2)</script>",
    "</mark><svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">clic</a>",
    "<iframe src=//evil.example></iframe>",
)
EVIL = " ".join(PAYLOADS)
TEXT = (f"Titre {PAYLOADS[0]} à Moscou\n\n"
        f"Moscou, le 3 avril 2025 {PAYLOADS[1]}\n\n"
        f"Le ministre {PAYLOADS[2]} a rencontré {PAYLOADS[3]} le 3 avril à Moscou.\n\n"
        f"« Nous {PAYLOADS[4]} sommes prêts {PAYLOADS[5]} », a déclaré {PAYLOADS[6]}.\n\n"
        f"La coopération porte sur la sécurité {PAYLOADS[7]}.\n\n"
        "Lire aussi : autre chose")
EVIL_ACTOR = 'person:"><script>alert(1)</script>'
EVIL_EVENT = 'ev-"><svg onload=alert(1)>'
BAD_TAGS = {"img", "svg", "iframe", "object", "embed", "base"}  # none of which our pages use


class Markup(HTMLParser):
    """Every tag and attribute a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_inert(html: str, where: str) -> None:
    parser = Markup()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in BAD_TAGS, f"{where}: <{tag}> came out as markup"
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": None}, f"{where}: a foreign <script>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"{where}: event handler attribute {name}"
            assert name != "autofocus", f"{where}: injected attribute {name}"
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith(("javascript:", "//evil")), f"{where}: {name}={value}"
    assert "<script>alert" not in html, where


def _claim(text: str, aid: str, slot: str, value: str, needle: str, **attrs) -> Claim:
    start = text.index(needle)
    end = start + len(needle)
    return Claim(slot, value, Evidence(aid, start, end, text[start:end], f"{slot}.evil@1"), False, attrs)


def evil_store(settings: Settings) -> tuple[Store, str]:
    store = Store.open(":memory:")
    raw = RawDocument(path=f"{PAYLOADS[1]}.txt", fmt="text", data=TEXT.encode("utf-8"),
                      declared={"outlet": PAYLOADS[2], "author": PAYLOADS[0], "url": PAYLOADS[6]})
    a = build_article(raw)
    assert not hasattr(a, "reason"), a
    a = replace(a, removed=a.removed + (Removed(PAYLOADS[5], PAYLOADS[1]),), credits=(PAYLOADS[3],),
                dateline_place=PAYLOADS[0])
    t = a.text
    claims = [
        _claim(t, a.id, "date", "2025-04-03", "le 3 avril 2025 " + PAYLOADS[1]),
        _claim(t, a.id, "place", "place:524901", "Moscou", role="event", name=PAYLOADS[0], country=PAYLOADS[2]),
        _claim(t, a.id, "actor", EVIL_ACTOR, PAYLOADS[3], name=PAYLOADS[1], kind="person"),
        _claim(t, a.id, "quote", f"Nous {PAYLOADS[4]} sommes prêts {PAYLOADS[5]}",
               f"Nous {PAYLOADS[4]} sommes prêts {PAYLOADS[5]}", speaker=EVIL_ACTOR, speaker_text=PAYLOADS[6],
               direct=True),
        _claim(t, a.id, "domain", PAYLOADS[7], "sécurité " + PAYLOADS[7]),
        _claim(t, a.id, "commitment", PAYLOADS[2], "a rencontré " + PAYLOADS[3], actor=EVIL_ACTOR,
               actor_text=PAYLOADS[0]),
    ]
    store.save_article(a, claims)
    store.save_entities([Entity(EVIL_ACTOR, "person", PAYLOADS[4], (PAYLOADS[5],), roles=(PAYLOADS[6],))])
    store.save_events([Event(EVIL_EVENT, EVIL, (a.id,), {a.id: "report"})], [])
    Pipeline(settings, store).refresh_dossier(EVIL_EVENT)
    return store, a.id


@pytest.fixture
def evil(settings):
    store, aid = evil_store(settings)
    client = TestClient(create_app(settings, store, pipeline=LightPipeline(settings, store)))
    client.post("/login", data={"token": TOKEN, "author": PAYLOADS[3]})
    yield client, store, aid
    store.close()


def pages(client: TestClient, aid: str) -> list[str]:
    e = quote(EVIL_EVENT, safe="")
    urls = ["/", f"/?q={quote(PAYLOADS[0])}", f"/?actor={quote(EVIL_ACTOR)}", f"/events/{e}",
            f"/articles/{aid}", "/actors", f"/actors/{quote(EVIL_ACTOR, safe='')}",
            f"/actors/{quote(EVIL_ACTOR, safe='')}?with={quote(EVIL_ACTOR)}", "/ingest", "/api-docs",
            f"/login?next={quote(PAYLOADS[6])}", f"/events/{quote(PAYLOADS[0], safe='')}",
            f"/articles/{quote(PAYLOADS[1], safe='')}"]
    html = client.get(f"/events/{e}").text
    import re

    urls += [f"/events/{e}?fact={k}" for k in set(re.findall(r"\?fact=([^\"#&]+)#evidence", html))]
    return urls


def test_xss_every_page_escapes_a_hostile_article(evil):
    client, store, aid = evil
    e = quote(EVIL_EVENT, safe="")
    r = client.post(f"/events/{e}/judgements", data={"target": f"fact:{EVIL_EVENT}:location", "action": "choose",
                                                     "value": PAYLOADS[1], "author": PAYLOADS[2]})
    assert r.status_code == 200, r.text  # followed the redirect back to the page
    assert store.judgements(), "the hostile judgement is stored"
    urls = pages(client, aid)
    assert len(urls) > 15
    for url in urls:
        r = client.get(url)
        assert r.status_code in (200, 404), url
        assert_inert(r.text, url)
    # The payload is shown to the analyst, as text.
    article = client.get(f"/articles/{aid}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article


def test_xss_ingest_outcome_escapes_file_names_and_rejections(evil):
    client, _, _ = evil
    feed = ('{"text": "Titre\\n\\nUn texte assez long pour un article.", "title": "' + PAYLOADS[2].replace('"', '\\"')
            + '"}\n{' + PAYLOADS[0] + "\n").encode()
    r = client.post("/ingest", files=[("files", (f"{PAYLOADS[1]}.jsonl", feed, "text/plain"))])
    assert r.status_code == 201
    assert_inert(r.text, "ingest outcome")
    r = client.post("/ingest", files=[("files", (f"{PAYLOADS[0]}.exe", b"MZ", "text/plain"))])
    assert r.status_code == 422
    assert_inert(r.text, "ingest error")


def test_xss_api_returns_json_never_html(evil):
    client, _, aid = evil
    r = client.get(f"/api/articles/{aid}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["title"].startswith("Titre <script>")  # stored as given; escaping is the renderer's job


@pytest.mark.slow
def test_xss_hostile_text_through_the_real_pipeline(settings, resources, encoder):
    """The hostile text pasted into /ingest and analysed by the real stages (spaCy,
    encoder): whatever they extract, every page stays inert."""
    store = Store.open(":memory:")
    client = TestClient(create_app(settings, store, pipeline=Pipeline(settings, store, resources, encoder)))
    client.post("/login", data={"token": TOKEN, "author": "Awa"})
    r = client.post("/ingest", data={"text": TEXT, "title": PAYLOADS[0], "outlet": PAYLOADS[1]})
    assert r.status_code == 201, r.text
    assert_inert(r.text, "ingest outcome")
    [a] = store.articles()
    assert store.claims([a.id])[a.id], "the real extractors found claims in the hostile text"
    [ev] = store.events()
    for url in [f"/events/{quote(ev.id, safe='')}", f"/articles/{a.id}", "/", "/actors"]:
        assert_inert(client.get(url).text, url)
    html = client.get(f"/events/{quote(ev.id, safe='')}").text
    import re

    for key in set(re.findall(r"\?fact=([^\"#&]+)#evidence", html)):
        assert_inert(client.get(f"/events/{quote(ev.id, safe='')}?fact={key}").text, key)
