"""How grouping time grows with the corpus: 1k, 10k and 100k articles.

Synthetic stream built from ECB+ (982 English articles): replica ``k`` of the corpus is published
in its own 45-day period (``2010-01-01 + 45*k`` days, each article on a day between 0 and 9 of
the period chosen from its topic), with ids ``<ecb id>#<k>``. Within one period the articles
compete exactly as in ECB+ (all 43 topics at once, same texts); across periods the time window
(30 days) retires old events from the index, as a real stream retires past news. Texts are
tokenised afresh for every replica, so the cost measured is the real one. The sentence encoder
is not used here (grouping without lead embeddings: 0.1 s per article would make 100k articles
take three hours of encoding, a per-article cost that is linear by construction); everything
else (features, TF-IDF, index, scoring, vetoes, titles, kinds) runs as in production.
The number of similarity computations is reported beside the seconds: it does not depend on
the load of the (shared) machine, so its ratio is the cleaner measure of linearity.
"""

from __future__ import annotations

import datetime as dt
import time

SIZES = (1_000, 10_000, 100_000)
PERIOD_DAYS = 45
BASE = dt.date(2010, 1, 1)


def _stream(rows: list[dict], size: int):
    from recoupe.records import Article

    out = []
    k = 0
    while len(out) < size:
        start = BASE + dt.timedelta(days=PERIOD_DAYS * k)
        for r in rows:
            if len(out) >= size:
                break
            day = (start + dt.timedelta(days=r["topic"] % 10)).isoformat()
            out.append(Article(id=f"{r['id']}#{k}", path=r["id"], text=r["text"], language="en", published=day))
        k += 1
    return out


def run() -> list[dict]:
    from ecbplus import load_rows

    from recoupe.events.grouping import Grouper

    rows = load_rows()
    if not rows:
        return []
    seconds: dict[int, float] = {}
    events: dict[int, int] = {}
    comparisons: dict[int, int] = {}
    for size in SIZES:
        articles = _stream(rows, size)
        started = time.perf_counter()
        grouper = Grouper(None)
        result = grouper.run(articles, {})
        seconds[size] = time.perf_counter() - started
        events[size] = len(result)
        comparisons[size] = grouper.comparisons
        del articles, result, grouper
    ratio = seconds[100_000] / seconds[10_000]
    detail = "; ".join(f"{n}: {seconds[n]:.1f} s, {events[n]} events, {comparisons[n]} cluster-pair similarity computations"
                       for n in SIZES)
    figures = [
        {"name": f"events_grouping_seconds_{n // 1000}k", "value": round(seconds[n], 2), "unit": "s",
         "baseline": None, "baseline_value": None, "detail": detail}
        for n in SIZES
    ]
    figures.append({"name": "events_comparisons_ratio_100k_10k",
                    "value": round(comparisons[100_000] / max(comparisons[10_000], 1), 2), "unit": "ratio",
                    "baseline": "linear cost (all pairs would be 100)", "baseline_value": 10.0,
                    "detail": "similarity computations, independent of machine load; " + detail})
    figures.append({"name": "events_scaling_ratio_100k_10k", "value": round(ratio, 2), "unit": "ratio",
                    "baseline": "linear cost (quadratic would be 100)", "baseline_value": 10.0,
                    "detail": "synthetic ECB+ replication with shifted dates, no encoder; " + detail})
    return figures


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for row in run():
        print(row)
