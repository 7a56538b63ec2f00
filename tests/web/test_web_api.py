"""The HTTP API: the same records as `analyze --format json`, open reads, token-guarded
writes, one error shape."""

from __future__ import annotations

import pytest

from web_scenes import TOKEN

ERROR_KEYS = {"ok", "error", "status"}


def assert_error(r, status: int) -> None:
    assert r.status_code == status
    body = r.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]


def test_api_events_lists_counts(client):
    body = client.get("/api/events").json()
    assert body["ok"] is True
    [row] = body["events"]
    assert row["id"] == "ev-moscow"
    # Four articles, one a rewrite of another: three independent sources; date and duration conflict.
    assert (row["articles"], row["independent_sources"], row["conflicts"]) == (4, 3, 2)


@pytest.mark.parametrize("query, found", [
    ("q=Moscou", True), ("q=Lavrov", True), ("q=Ouagadougou", False),
    ("has_conflicts=true", True), ("actor=person:sergei-lavrov", True), ("actor=state:FR", False),
    ("domain=security", True), ("domain=health", False),
    ("date_from=2025-04-01&date_to=2025-04-30", True), ("date_from=2025-05", False),
])
def test_api_events_filters(client, query, found):
    rows = client.get(f"/api/events?{query}").json()["events"]
    assert bool(rows) is found


def test_api_event_is_the_stored_dossier_record(client, meeting):
    store, ids = meeting
    body = client.get("/api/events/ev-moscow").json()
    assert body == store.dossier_record("ev-moscow")
    assert body["facts"]["date"]["status"] == "conflicting"
    assert {c["value"] for c in body["facts"]["date"]["claims"]} == {"2025-04-03", "2025-04-04"}


def test_api_article_claims_point_into_the_text(client, meeting):
    _, ids = meeting
    body = client.get(f"/api/articles/{ids['report']}").json()
    assert body["event"] == "ev-moscow"
    assert body["claims"], "the report has claims"
    for c in body["claims"]:
        assert body["text"][c["start"]:c["end"]] == c["text"]


WRITES = [
    ("/api/articles", {"json": {"text": "Un texte.\n\nAvec deux paragraphes."}}),
    ("/api/judgements", {"json": {"target": "fact:ev-moscow:date", "action": "choose", "value": "2025-04-04",
                                  "author": "x"}}),
    ("/events/ev-moscow/judgements", {"data": {"target": "fact:ev-moscow:date", "action": "choose",
                                               "value": "2025-04-04", "author": "x"}}),
    ("/ingest", {"data": {"text": "Un texte collé.\n\nDeuxième paragraphe."}}),
]


@pytest.mark.parametrize("path, kwargs", WRITES)
@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "Basic " + TOKEN])
def test_api_every_write_without_the_token_is_401(client, meeting, path, kwargs, header):
    store, _ = meeting
    headers = {"Authorization": header} if header else {}
    r = client.post(path, headers=headers, **kwargs)
    assert r.status_code == 401
    if path.startswith("/api"):
        assert_error(r, 401)
    else:
        assert "log in" in r.text.lower()
    assert store.count_articles() == 4 and store.judgements() == []


def test_api_judgement_with_token_is_201_and_applied(client, auth, meeting):
    r = client.post("/api/judgements", headers=auth, json={
        "target": "fact:ev-moscow:date", "action": "choose", "value": "2025-04-04", "author": "Awa"})
    assert r.status_code == 201
    assert r.json()["ok"] is True and r.json()["events"] == ["ev-moscow"]
    date = client.get("/api/events/ev-moscow").json()["facts"]["date"]
    assert date["value"] == "2025-04-04" and date["chosen_by"] == "Awa"
    assert date["machine_value"] == "2025-04-03"


def test_api_post_article_with_token_is_201_then_200(client, auth, meeting):
    store, _ = meeting
    article = {"text": "Niamey accueille un forum sur l'énergie\n\nLe forum s'est ouvert lundi.",
               "title": "Forum de Niamey", "outlet": "Le Veilleur", "published": "2025-05-02"}
    r = client.post("/api/articles", headers=auth, json=article)
    assert r.status_code == 201
    body = r.json()
    assert body["ok"] is True and body["stored"] is True and body["event"]
    assert client.get(f"/api/articles/{body['id']}").json()["title"] == "Forum de Niamey"
    again = client.post("/api/articles", headers=auth, json=article)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert store.count_articles() == 5


def test_api_error_shape(client, auth):
    assert_error(client.get("/api/events/nope"), 404)
    assert_error(client.get("/api/articles/nope"), 404)
    assert_error(client.get("/api/events?date_from=yesterday"), 422)
    assert_error(client.post("/api/judgements", headers=auth, json={"target": "fact:ev-moscow:date"}), 422)
    assert_error(client.post("/api/judgements", headers=auth, json={
        "target": "fact:ev-moscow:date", "action": "explode", "author": "x"}), 422)
    assert_error(client.post("/api/judgements", headers=auth, json={
        "target": "event:nope", "action": "merge", "value": "ev-moscow", "author": "x"}), 404)
    assert_error(client.post("/api/articles", headers=auth, json={"title": "no body"}), 422)
    assert_error(client.post("/api/articles", json={"text": "x"}), 401)
    assert_error(client.get("/api/nowhere"), 404)


def test_api_openapi_documents_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/articles",
              "/api/judgements"):
        assert p in paths
    assert not any(p.startswith(("/events", "/login", "/ingest")) for p in paths)  # pages stay out of the API docs
    # The people's page for the API works offline under the CSP (Swagger's CDN page could not).
    page = client.get("/api-docs")
    assert page.status_code == 200 and "/api/judgements" in page.text
