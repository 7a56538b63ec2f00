"""The evaluation gate: every quality figure stays at or above its pinned floor.

Floors live in ``bench/floors/<benchmark>.json`` as ``{"<figure name>": floor}``; this test
runs each benchmark that has floors and fails when a figure drops below one. Floors only move
up: raise one when a change improves its figure. The benchmarks read ``../shared`` (public
data sets), so the gate is a real-corpus test and skips without it.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
FLOOR_FILES = sorted((BENCH / "floors").glob("*.json"))


def _run(name: str) -> dict[str, float]:
    path = BENCH / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, str(BENCH))
    try:
        spec.loader.exec_module(module)
        return {row["name"]: row["value"] for row in module.run()}
    finally:
        sys.path.remove(str(BENCH))


def test_quality_gate_has_floors():
    assert FLOOR_FILES, "no quality floors pinned in bench/floors/"


@pytest.mark.slow
@pytest.mark.parametrize("floor_file", FLOOR_FILES, ids=lambda p: p.stem)
def test_quality_gate_figures_stay_above_their_floors(floor_file, shared_dir):
    floors = json.loads(floor_file.read_text(encoding="utf-8"))
    figures = _run(floor_file.stem)
    missing = [name for name in floors if name not in figures]
    assert not missing, f"{floor_file.stem} no longer reports {missing}"
    below = {name: (figures[name], floor) for name, floor in floors.items() if figures[name] < floor}
    assert not below, f"figures below their floors (value, floor): {below}"
