"""Run every benchmark in bench/, print one table, write out/bench.json.

Each ``bench/<name>.py`` (not starting with ``_`` and not this file) exposes
``run() -> list[dict]``; each dict is one figure::

    {"name", "value", "unit", "baseline", "baseline_value", "detail"}

``baseline`` names what we compare against (a published system, or a reference measured in
the same run) and ``baseline_value`` its figure. Ratios are measured within one run: the
machines are shared and noisy, so absolute seconds are only context.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ("name", "value", "unit", "baseline", "baseline_value", "detail")


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="out/bench.json")
    parser.add_argument("only", nargs="*", help="benchmark names to run (default: all)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    scripts = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_") and p.name != "run_all.py")
    if args.only:
        scripts = [p for p in scripts if p.stem in args.only]
    figures: list[dict] = []
    failed = []
    for path in scripts:
        started = time.perf_counter()
        print(f"== {path.stem}", flush=True)
        try:
            rows = _load(path).run()
        except Exception:  # a broken benchmark is reported, the others still run
            traceback.print_exc()
            failed.append(path.stem)
            continue
        for row in rows:
            missing = [k for k in KEYS if k not in row]
            if missing:
                raise SystemExit(f"{path.name}: figure {row.get('name')} lacks {missing}")
            figures.append({k: row[k] for k in KEYS})
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    print()
    print(f"{'figure':<48} {'value':>12} {'unit':<12} {'baseline':>12}  baseline name")
    for f in figures:
        value = f"{f['value']:.3f}" if isinstance(f["value"], float) else str(f["value"])
        base = f["baseline_value"]
        base = f"{base:.3f}" if isinstance(base, float) else ("" if base is None else str(base))
        print(f"{f['name']:<48} {value:>12} {f['unit']:<12} {base:>12}  {f['baseline'] or ''}")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
