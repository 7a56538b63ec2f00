"""The workbench in a real browser: Debian's Chromium driven by Playwright (pytest-playwright's
``page`` fixture; launch arguments in conftest.py). The shared corpus is analysed by the real
pipeline, served by uvicorn on loopback, and an analyst's path is walked: open the event,
click a conflicting fact, see both sides' evidence highlighted, log in, record a choice,
reload, find it. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from recoupe.pipeline import Pipeline
from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TOKEN = "browser-test-token"
SERVER_START_S = 20  # seconds to wait for uvicorn to listen
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def served(shared_corpus, resources, encoder, tmp_path_factory):
    """The shared corpus through the real pipeline into a temporary store, served on
    127.0.0.1 from a thread (a socket bound to port 0: nobody else can take the port)."""
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "recoupe.db"
    settings = Settings(db=str(db), token=TOKEN)
    store = Store.open(str(db))
    pipeline = Pipeline(settings, store, resources, encoder)
    outcome = pipeline.ingest([str(shared_corpus)])
    assert outcome.stored, outcome.summary()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store, pipeline), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", store
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def conflicted_event(store: Store) -> str:
    """The event with the most articles among those with a conflicting date or duration."""
    rows = [r for r in store.event_summaries(has_conflicts=True, limit=500)
            if any(f["status"] == "conflicting" and f["slot"] in ("date", "duration") and not f["planned"]
                   for f in store.fact_rows(r["id"]))]
    assert rows, "the shared corpus has a conflicting date or duration"
    return max(rows, key=lambda r: r["articles"])["id"]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_browser_conflict_evidence_and_judgement(served, page):
    base, store = served
    event_id = conflicted_event(store)
    page.goto(f"{base}/events/{event_id}")
    assert page.locator("h1").inner_text().strip()
    assert page.locator("mark").count() == 0  # nothing highlighted before a choice
    shot(page, "event")

    # Click a conflicting fact (date or duration): both sides' evidence lights up.
    fact = page.locator("tr.status-conflicting a.fact").filter(has_text="Date").or_(
        page.locator("tr.status-conflicting a.fact").filter(has_text="Duration")).first
    label = fact.inner_text()
    fact.click()
    page.wait_for_url("**fact=*")
    assert page.locator("#evidence-h").inner_text().startswith(f"Evidence: {label}")
    assert page.locator(".col.has-marks").count() >= 2, "evidence marked in at least two articles"
    assert page.locator(".col mark.ev-agree").count() >= 1
    assert page.locator(".col mark.ev-disagree").count() >= 1, "the disagreeing side is highlighted too"
    sides = page.locator("ul.sides li").all_inner_texts()
    assert len(sides) >= 2
    shot(page, "event-conflict")

    # Judging needs the token: log in from the header, come back to the same fact.
    assert page.locator("form.choose").count() == 0
    page.get_by_role("link", name="Log in").first.click()
    page.fill("input[name=token]", TOKEN)
    page.fill("input[name=author]", "Awa Analyst")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**/events/{event_id}?fact=*")

    # Choose the second side's value (the one the machine did not pick).
    choice = page.locator("form.choose input[name=value]").nth(1)
    chosen_value = choice.get_attribute("value")
    choice.check()
    page.get_by_role("button", name="Record my choice").click()
    page.wait_for_url("**#judgements")
    page.reload()
    judgements = page.locator("#judgements").inner_text()
    assert "Awa Analyst" in judgements and "choose" in judgements and chosen_value in judgements
    assert page.locator(".chosen", has_text="chosen by Awa Analyst").count() == 1
    shot(page, "event-judged")
    [j] = [j for j in store.judgements() if j.author == "Awa Analyst"]
    assert j.action == "choose" and j.value == chosen_value


def test_browser_keyboard_and_phone_width(served, page):
    base, store = served
    event_id = conflicted_event(store)
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/events/{event_id}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    # A fact is a real link: focus it and press Enter.
    page.locator("a.fact").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**fact=*")
    assert page.locator(".col.has-marks").count() >= 1
    # Readable at phone width: nothing wider than the screen.
    for url in (f"/events/{event_id}", "/", f"/articles/{store.articles()[0].id}", "/ingest"):
        page.goto(base + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{url} is {overflow}px wider than a phone"
    page.goto(f"{base}/events/{event_id}")
    shot(page, "event-phone")
    page.goto(base + "/")
    shot(page, "events-phone")
