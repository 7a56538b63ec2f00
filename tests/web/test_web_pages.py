"""The server-rendered pages: what an analyst sees and can do in the browser."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given, strategies as st

from recoupe.records import Article, Claim, Evidence, Removed, article_id
from recoupe.web.app import CSP
from recoupe.web.pages import local_path
from recoupe.web.views import Span, segments
from web_scenes import TOKEN, columns, marks

PAGES = ["/", "/events/ev-moscow", "/events/ev-moscow?fact=date", "/actors", "/actors/org:aes",
         "/ingest", "/login", "/api-docs"]


def test_pages_send_the_csp_header(client, meeting):
    _, ids = meeting
    for url in PAGES + [f"/articles/{ids['report']}", "/api/events", "/events/nope"]:
        r = client.get(url)
        assert r.headers["content-security-policy"] == CSP, url
        assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
        assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_use_no_inline_script_or_style(client, meeting):
    _, ids = meeting
    for url in PAGES + [f"/articles/{ids['report']}"]:
        html = client.get(url).text
        assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js" defer>'], url
        assert "<style" not in html and " style=" not in html, url
        assert "http://" not in html.replace("http://127.0.0.1", "") and "https://" not in html, url


def test_pages_static_assets_are_served(client):
    assert "mark" in client.get("/static/app.css").text
    assert client.get("/static/app.js").status_code == 200


def test_pages_events_list_shows_counts_and_filters(client):
    html = client.get("/").text
    assert 'href="/events/ev-moscow"' in html
    row = html.split('href="/events/ev-moscow"', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'data-label="[^"]+">(?:<span[^>]*>)?(\d+)', row) == ["4", "3", "2"]
    assert 'name="q"' in html and 'name="date_from"' in html and 'name="has_conflicts"' in html
    assert '<option value="security">' in html  # the domain filter offers the taxonomy
    assert "ev-moscow" not in client.get("/?q=Ouagadougou").text
    assert "ev-moscow" in client.get("/?q=Lavrov&date_from=&date_to=&actor=&domain=&has_conflicts=1").text
    assert client.get("/?date_from=last+week").status_code == 422


def test_pages_event_lists_conflicts_first(client):
    html = client.get("/events/ev-moscow").text
    facts = html.split('id="facts-h"', 1)[1].split("</table>", 1)[0]
    statuses = re.findall(r"badge-([a-z-]+)", facts)
    assert statuses[:2] == ["conflicting", "conflicting"]
    assert "conflicting" not in statuses[2:]
    conflicts = html.split('id="conflicts-h"', 1)[1].split("</section>", 1)[0]
    assert "Date" in conflicts and "Duration" in conflicts


def test_pages_selected_fact_marks_both_sides_in_every_article(client, meeting):
    store, ids = meeting
    html = client.get("/events/ev-moscow?fact=date").text
    cols = columns(html)
    assert len(cols) == 4
    marked = {col.split("/articles/", 1)[1].split('"', 1)[0]: marks(col) for col in cols if marks(col)}
    # The three reports carry a date: two agree (3 April), one disagrees (4 April).
    assert set(marked) == {ids["report"], ids["rewrite"], ids["other"]}
    assert marked[ids["other"]] == [("ev-disagree", "le 4 avril")]
    assert marked[ids["report"]] == [("ev-agree", "le 3 avril")]
    # Marks do not change the text: the column reads exactly like the stored article.
    report = next(c for c in cols if ids["report"] in c)
    text = unescape(re.sub(r"<[^>]+>", "", report.split('class="text"', 1)[1].split(">", 1)[1]).rsplit("</div>", 1)[0])
    assert text.strip() == store.article(ids["report"]).text
    # Without a selection nothing is marked.
    assert not marks(client.get("/events/ev-moscow").text)


def test_pages_every_selectable_fact_marks_evidence(client):
    html = client.get("/events/ev-moscow").text
    keys = set(re.findall(r"\?fact=([^\"#&]+)#evidence", html))
    assert {"date", "duration", "location", "planned-date", "quote-0", "domain-security", "commitment-0",
            "participant-person%3Asergei-lavrov"} <= keys
    for key in keys:
        page = client.get(f"/events/ev-moscow?fact={key}").text
        assert marks(page), key


def test_pages_event_without_a_stored_dossier_is_rebuilt(client, meeting):
    store, ids = meeting
    event = store.event("ev-moscow")
    store.save_events([event], store.derivations())  # replacing an event drops its dossier
    assert store.dossier_record("ev-moscow") is None
    assert "badge-conflicting" in client.get("/events/ev-moscow").text
    assert store.dossier_record("ev-moscow") is not None


def test_pages_unknown_ids_are_404_pages(client):
    for url in ("/events/nope", "/articles/nope", "/actors/state:ZZ"):
        r = client.get(url)
        assert r.status_code == 404 and "<h1>Error 404</h1>" in r.text


def test_pages_article_marks_every_claim_and_lists_removed_lines(client, meeting):
    store, ids = meeting
    html = client.get(f"/articles/{ids['report']}").text
    found = marks(html.split('class="text article-text"', 1)[1])
    claims = store.claims([ids["report"]])[ids["report"]]
    assert sorted(t for _, t in found) == sorted(c.evidence.text for c in claims)
    assert ("slot-date", "le 3 avril") in found and ("slot-quote", "Nous sommes prêts à aider nos amis du Sahel") in found
    assert 'title="actor: Sergueï Lavrov (actor.test@1)"' in html
    text = "Un article\n\nAvec un paragraphe."
    store.save_article(Article(article_id(text), "junk.txt", text, title="Un article",
                               removed=(Removed("Lire aussi : un autre article", "see-also"),
                                        Removed("Partager sur Facebook", "share-buttons"))))
    html = client.get(f"/articles/{article_id(text)}").text
    removed = html.split('id="removed-h"', 1)[1]
    assert "Lire aussi : un autre article" in removed and "see-also" in removed and "share-buttons" in removed


def test_pages_actor_lists_events_and_the_pair_timeline(client, meeting, settings):
    from web_scenes import add_article_event

    store, _ = meeting
    text = "La Russie et le Niger signent un accord\n\nNiamey, le 4 avril 2025\n\nLa Russie a signé un accord à Moscou."
    add_article_event(store, settings, text, "ev-niger", "Russie–Niger : accord énergétique")
    html = client.get("/actors/state:RU").text
    assert "/events/ev-moscow" in html and "/events/ev-niger" in html
    assert '<option value="org:aes"' in html  # actors met in its events are offered for a timeline
    pair = client.get("/actors/state:RU?with=org:aes").text
    timeline = pair.split('id="pair-h"', 1)[1].split("</section>", 1)[0]
    assert "/events/ev-moscow" in timeline and "/events/ev-niger" not in timeline
    assert "security" in timeline and "livrer des équipements militaires" in timeline
    actors = client.get("/actors").text
    assert 'href="/actors/state%3ARU"' in actors or 'href="/actors/state:RU"' in actors


def test_pages_login_sets_an_httponly_strict_cookie(client):
    r = client.post("/login", data={"token": TOKEN, "author": "Awa", "next": "/events/ev-moscow"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/events/ev-moscow"
    cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith("recoupe_token="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert client.post("/login", data={"token": "wrong"}).status_code == 401


def test_pages_login_by_url_redirects_and_never_off_site(client):
    r = client.get(f"/login?token={TOKEN}&next=/ingest", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ingest"  # the token leaves the URL
    assert "recoupe_token=" in r.headers["set-cookie"]
    assert client.get("/login?token=nope").status_code == 401
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        assert local_path(evil) == "/"
    assert local_path("/events/x?fact=date") == "/events/x?fact=date"


def test_pages_logout_forgets_the_token(logged_in):
    assert "Log out" in logged_in.get("/").text
    logged_in.post("/logout")
    assert "Log in" in logged_in.get("/").text
    r = logged_in.post("/events/ev-moscow/judgements", data={"target": "fact:ev-moscow:date", "action": "choose",
                                                             "value": "2025-04-04", "author": "x"})
    assert r.status_code == 401


def test_pages_choose_a_value_then_see_it_with_author_and_time(logged_in, meeting):
    store, _ = meeting
    html = logged_in.get("/events/ev-moscow?fact=date").text
    assert 'name="action" value="choose"' in html
    r = logged_in.post("/events/ev-moscow/judgements", follow_redirects=False, data={
        "target": "fact:ev-moscow:date", "action": "choose", "value": "2025-04-04", "author": "Awa Analyst",
        "back": "/events/ev-moscow?fact=date"})
    assert r.status_code == 303 and r.headers["location"] == "/events/ev-moscow?fact=date#judgements"
    page = logged_in.get("/events/ev-moscow").text
    judgements = page.split('id="judgements-h"', 1)[1]
    assert "Awa Analyst" in judgements and "choose" in judgements and "2025-04-04" in judgements
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', judgements)
    assert "chosen by Awa Analyst" in page and "4 April 2025" in page
    [j] = store.judgements()
    assert (j.target, j.action, j.value, j.author) == ("fact:ev-moscow:date", "choose", "2025-04-04", "Awa Analyst")


def test_pages_reject_a_claim_removes_it_from_the_fact(logged_in, meeting):
    _, ids = meeting
    html = logged_in.get("/events/ev-moscow?fact=date").text
    target = next(t for t in re.findall(r'name="target" value="(claim:[^"]+)"', html) if ids["other"] in t)
    r = logged_in.post("/events/ev-moscow/judgements", data={"target": target, "action": "reject",
                                                             "author": "Awa"}, follow_redirects=False)
    assert r.status_code == 303
    date = logged_in.get("/api/events/ev-moscow").json()["facts"]["date"]
    assert date["status"] != "conflicting" and {c["value"] for c in date["claims"]} == {"2025-04-03"}
    judgements = logged_in.get("/events/ev-moscow").text.split('id="judgements-h"', 1)[1]
    assert "reject" in judgements and "<q>le 4 avril</q>" in judgements  # what was judged, in words


def test_pages_judgements_survive_reingest_and_reanalysis(logged_in, meeting):
    from recoupe.pipeline import Pipeline
    from recoupe.settings import Settings

    store, ids = meeting
    logged_in.post("/events/ev-moscow/judgements", data={
        "target": "fact:ev-moscow:duration", "action": "choose", "value": "120", "author": "Awa"})
    pipeline = Pipeline(Settings(db=":memory:", token=TOKEN), store)
    outcome = pipeline.ingest_articles(store.articles())  # the same articles again
    assert outcome.stored == () and len(outcome.unchanged) == 4
    pipeline.refresh_dossier("ev-moscow")  # re-analysis rebuilds the dossier from machine output
    duration = logged_in.get("/api/events/ev-moscow").json()["facts"]["duration"]
    assert duration["value"] == 120 and duration["chosen_by"] == "Awa"
    assert "chosen by Awa" in logged_in.get("/events/ev-moscow").text


def test_pages_split_and_merge_forms(logged_in, meeting):
    store, ids = meeting
    r = logged_in.post("/events/ev-moscow/judgements", follow_redirects=False, data={
        "target": "event:ev-moscow", "action": "split", "articles": [ids["preview"]], "author": "Awa"})
    assert r.status_code == 303
    events = {ev.id: ev for ev in store.events()}
    assert len(events) == 2 and ids["preview"] not in events["ev-moscow"].articles
    other = next(e for e in events if e != "ev-moscow")
    r = logged_in.post("/events/ev-moscow/judgements", follow_redirects=False, data={
        "target": "event:ev-moscow", "action": "merge", "value": other, "author": "Awa"})
    assert r.status_code == 303
    assert [ev.id for ev in store.events()] == ["ev-moscow"] and len(store.event("ev-moscow").articles) == 4
    assert logged_in.get(f"/events/{other}").status_code == 404


def test_pages_bad_judgements_are_clear_422_pages(logged_in):
    bad = [{"target": "fact:ev-moscow:date", "action": "choose", "author": "Awa"},  # no value
           {"target": "fact:ev-moscow:date", "action": "choose", "value": "2025-04-04"},  # no author
           {"target": "event:ev-moscow", "action": "merge", "value": "nope", "author": "Awa"},
           {"target": "fact:other-event:date", "action": "choose", "value": "x", "author": "Awa"}]
    for data in bad:
        r = logged_in.post("/events/ev-moscow/judgements", data=data)
        assert r.status_code == 422, data
        assert "error-message" in r.text


def test_pages_cross_site_form_posts_are_refused(logged_in, meeting):
    store, _ = meeting
    r = logged_in.post("/events/ev-moscow/judgements", headers={"Origin": "https://evil.example"}, data={
        "target": "fact:ev-moscow:date", "action": "choose", "value": "2025-04-04", "author": "x"})
    assert r.status_code == 403 and store.judgements() == []


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8))
def test_pages_segments_keep_the_text_and_cover_each_span(text, pairs):
    spans = [Span(a, b, f"c{n}") for n, (a, b) in enumerate(pairs)]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    pos = 0
    for s in segs:
        for m in s.marks:  # a segment is marked only by spans that cover it
            assert m.start <= pos and pos + len(s.text) <= m.end
        pos += len(s.text)
    for sp in spans:
        if 0 <= sp.start < sp.end <= len(text):
            covered = "".join(s.text for s in segs if sp in s.marks)
            assert covered == text[sp.start:sp.end]


def test_pages_merge_form_offers_the_events_dated_near_this_one(logged_in, meeting, settings):
    from web_scenes import add_article_event

    store, _ = meeting
    near = "Sergueï Lavrov a reçu le 4 avril à Moscou une délégation du Niger sur la sécurité."
    far = "Réunion à Bamako le 3 avril de l'année suivante : rien à voir."
    add_article_event(store, settings, near, "ev-near", "Lavrov reçoit le Niger")
    add_article_event(store, settings, far, "ev-far", "Réunion à Bamako",
                      claims_of=lambda a: [Claim("date", "2026-04-03", Evidence(a.id, 20, 30, a.text[20:30], "date.test@1"))])
    form = logged_in.get("/events/ev-moscow").text.split('id="merge-candidates"', 1)[1].split("</datalist>", 1)[0]
    offered = re.findall(r'<option value="([^"]+)">([^<]*)</option>', form)
    assert [v for v, _ in offered] == ["ev-near"]
    assert "2025-04-04" in offered[0][1] and "Lavrov reçoit le Niger" in offered[0][1]
