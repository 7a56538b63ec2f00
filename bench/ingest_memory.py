"""Peak memory of the real ingest path (issue 3: under 1.5 GB for a batch of 10,000 articles).

What runs is what ``recoupe ingest FOLDER`` runs: :meth:`recoupe.pipeline.Pipeline.ingest` over a
folder of JSON Lines files, into a fresh SQLite file, with the real resources (spaCy pipeline,
gazetteer, sentence encoder): read and clean, extract, classify, store, group into events,
derivations, facts and dossiers. Each size runs in a fresh process, which reads its peak RSS
(``VmHWM`` of ``/proc/self/status``; ``ru_maxrss`` where there is no /proc) at every progress
step and at the end.

The articles: the 5 articles of ``../shared/corpus/aes-russia-2025-04`` and the plain-text
samples of ``samples/`` (13 texts, covering 4 real events), replicated. Copy ``g`` of the set
(``g = i // 13``) is a *news cycle* of its own: it is published ``CYCLE_DAYS`` days after copy
``g - 1`` (the declared ``published`` date of the JSONL record), every year written in its
text is moved to that publication year, and one sentence naming the cycle and the text is
added at the end, so every article has a distinct cleaned text (a distinct id). Copies of one
cycle group together like the originals do (several events of a few articles); two cycles are
further apart than grouping's time window, so the corpus does not collapse into one event:
it is a stream of news cycles, as a long-running ingest of a real feed would be.

Figures: the peak RSS of the largest measured size, and the peak for ``TARGET_ARTICLES``
extrapolated linearly from the growth between the two measured sizes (running 10,000
articles takes the better part of an hour on the shared 2-core machine). The smaller size is
past the first few hundred articles, which fill bounded caches (word forms, gazetteer
look-ups) and the allocator's arenas: a slope taken over them (130 to 390 articles, as this
bench once did) projects that one-time growth onto all 10,000. Run
``python bench/ingest_memory.py --size N`` to measure one size directly (it prints the
RSS at every progress step on stderr).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RECOUPE_SHARED", ROOT.parent / "shared"))
SIZES = (390, 1300)  # articles per measured ingest (30 and 100 news cycles)
TARGET_ARTICLES = 10_000
CYCLE_DAYS = 45  # days between two news cycles: more than grouping's 30-day window
FIRST_DAY = dt.date(1960, 1, 5)
RECORDS_PER_FILE = 500
_YEAR = re.compile(r"\b(20[12]\d)\b")


def _base_texts() -> list[str]:
    paths = sorted((SHARED / "corpus" / "aes-russia-2025-04").glob("*.txt"))
    paths += sorted((ROOT / "samples").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def synthetic_records(n: int) -> list[dict]:
    """``n`` distinct JSONL records: news cycles of the base texts (see the module docstring)."""
    base = _base_texts()
    out = []
    for i in range(n):
        cycle, k = divmod(i, len(base))
        published = FIRST_DAY + dt.timedelta(days=CYCLE_DAYS * cycle)
        shift = published.year - 2025
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), base[k])
        text = text.rstrip() + (f"\n\nCet article appartient au cycle d'actualité numéro {cycle} "
                                f"et reprend le texte de référence numéro {k}.\n")
        out.append({"published": published.isoformat(), "text": text})
    return out


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    records = synthetic_records(n)
    for f in range(0, n, RECORDS_PER_FILE):
        with open(folder / f"feed-{f // RECORDS_PER_FILE:04d}.jsonl", "w", encoding="utf-8") as out:
            for r in records[f:f + RECORDS_PER_FILE]:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")


def _rss_mb() -> float:
    # VmHWM is this process's own high-water mark. ru_maxrss is not: Linux carries the parent's
    # peak over fork and exec, so under bench/run_all.py (models and ECB+ already loaded) every
    # child "started" at the parent's 1.9 GB.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, verbose: bool = False) -> dict:
    """Ingest ``n`` synthetic articles through the real pipeline (call in a fresh process)."""
    from recoupe.pipeline import Pipeline
    from recoupe.settings import Settings
    from recoupe.store import Store

    with tempfile.TemporaryDirectory(prefix="recoupe-ingest-memory-") as tmp:
        folder = Path(tmp) / "in"
        write_corpus(folder, n)
        db = str(Path(tmp) / "r.db")
        start = time.time()
        points: list[tuple[str, int, int, float]] = [("start", 0, n, _rss_mb())]
        last: dict[str, float] = {}

        def progress(stage: str, done: int, total: int) -> None:
            now = time.time()
            # One point per stage every few seconds (and the last of each stage).
            if done < total and now - last.get(stage, 0.0) < 5:
                return
            last[stage] = now
            points.append((stage, done, total, _rss_mb()))
            if verbose:
                print(f"{now - start:7.0f}s {stage} {done}/{total} peak {points[-1][3]:.0f} MB",
                      file=sys.stderr, flush=True)

        store = Store.open(db)
        try:
            outcome = Pipeline(Settings(db=db), store).ingest([str(folder)], progress)
            peak = _rss_mb()
            events = len(store.events())
            articles = store.count_articles()
        finally:
            store.close()
    return {"n": n, "peak_mb": peak, "points": points, "seconds": time.time() - start,
            "stored": len(outcome.stored), "articles": articles, "events": events,
            "rejected": len(outcome.rejected)}


def _run_size(n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--size", str(n), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    if not (SHARED / "corpus").is_dir():
        return []
    small, large = (_run_size(n) for n in SIZES)
    slope = (large["peak_mb"] - small["peak_mb"]) / (large["n"] - small["n"])
    projected = large["peak_mb"] + max(0.0, slope) * (TARGET_ARTICLES - large["n"])

    def described(m: dict) -> str:
        steps = {}
        for stage, done, total, mb in m["points"]:
            steps[stage] = round(mb)  # the last point of each stage
        return (f"{m['n']} articles ({m['articles']} stored, {m['events']} events) in "
                f"{m['seconds']:.0f} s, peak {m['peak_mb']:.0f} MB; peak after each stage {steps}")

    return [
        {"name": "ingest_memory.peak_rss_mb", "value": round(large["peak_mb"]), "unit": "MB (measured)",
         "baseline": "limit (issue 3)", "baseline_value": 1536,
         "detail": "recoupe ingest (Pipeline.ingest) of a folder of JSONL news cycles into a new SQLite "
                   "file, real resources, one fresh process; " + described(large)},
        {"name": "ingest_memory.peak_rss_mb_10k", "value": round(projected), "unit": "MB (extrapolated)",
         "baseline": "limit (issue 3)", "baseline_value": 1536,
         "detail": f"{described(small)}; {described(large)}; growth {slope * 1000:.1f} MB per 1,000 "
                   f"articles between the two, extrapolated linearly to {TARGET_ARTICLES}"},
    ]


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--size":
        result = measure(int(sys.argv[2]), verbose="--json" not in sys.argv)
        print(json.dumps(result))
    else:
        for fig in run():
            print(json.dumps(fig, ensure_ascii=False))
