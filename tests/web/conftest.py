"""Fixtures of the web tests: a hand-made store served by the real app (no model loaded),
and the launch arguments of Debian's Chromium for the browser test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.settings import Settings
from recoupe.web.app import create_app

# The helpers module beside this file, importable whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_scenes import TOKEN, LightPipeline, meeting_store  # noqa: E402

CHROMIUM = os.environ.get("RECOUPE_CHROMIUM", "/usr/bin/chromium")
# Flags that make Debian's Chromium behave offline and headless here (see BROWSER-TESTS.md):
# no GPU, no QUIC, and no DNS look-up for anything but the loopback server under test.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


@pytest.fixture
def settings() -> Settings:
    return Settings(db=":memory:", token=TOKEN)


@pytest.fixture
def meeting(settings):
    """(store, ids): one four-article event whose date and duration conflict."""
    store, ids = meeting_store(settings)
    yield store, ids
    store.close()


@pytest.fixture
def client(settings, meeting) -> TestClient:
    store, _ = meeting
    return TestClient(create_app(settings, store, pipeline=LightPipeline(settings, store)))


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def logged_in(client) -> TestClient:
    """The client with the token cookie and an author, as after /login."""
    r = client.post("/login", data={"token": TOKEN, "author": "Awa Analyst", "next": "/"}, follow_redirects=False)
    assert r.status_code == 303
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch arguments, pointed at Debian's Chromium (Playwright's own
    browser download cannot work offline). Skips when no Chromium is installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (set RECOUPE_CHROMIUM or run `make browser`)")
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": args}
