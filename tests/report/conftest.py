"""The report tests reuse the reconcile tests' hand-made scenes."""

from __future__ import annotations

import sys
from pathlib import Path

# tests/ folders are not packages: make tests/reconcile/reconcile_scenes.py importable here.
_SCENES = str(Path(__file__).resolve().parents[1] / "reconcile")
if _SCENES not in sys.path:
    sys.path.insert(0, _SCENES)
