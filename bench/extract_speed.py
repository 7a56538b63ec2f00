"""Extraction throughput: our full extract stage vs spaCy's own ``nlp.pipe``.

Texts: the 5 articles of ``../shared/corpus/aes-russia-2025-04`` and the plain-text samples
of ``samples/`` (raw file text, no ingest cleaning), replicated to ``N_SPEED`` texts.
In one run, on the same texts:

* spaCy: the pack's pinned model, loaded plainly, ``nlp.pipe(texts, batch_size)``;
* ours: ``recoupe.extract.extract_articles`` (our pipeline = the same model + entity ruler +
  fixer, then every extractor: actors, places, timex, quotes, domains, commitments, figures).

Figures: our words per second, and ratio = spaCy time / our time (goal >= 0.75: what we add
costs less than a third of spaCy's own time). Times are CPU time of this process
(``time.process_time``), not wall time: the machine is shared by several people and wall
time mostly measures their load. The two passes alternate ``REPEATS`` times and the fastest
of each is kept (the detail also gives the median ratio of the paired passes).

Memory is measured on the real ingest path by ``bench/ingest_memory.py`` (extraction streams
its batch there, so keeping every claim in memory, as this file once did, measured nothing the
product does).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RECOUPE_SHARED", ROOT.parent / "shared"))
N_SPEED = 40  # texts per speed pass (~21,000 words)
REPEATS = 5  # alternating passes per side; the fastest of each is kept (others' load only adds time)
BATCH_SIZE = 32


def _texts() -> list[str]:
    paths = sorted((SHARED / "corpus" / "aes-russia-2025-04").glob("*.txt"))
    paths += sorted((ROOT / "samples").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _articles(n: int):
    from recoupe.records import Article, article_id

    base = _texts()
    for i in range(n):
        # A distinct tail so every copy is its own article (ids are hashes of the text).
        text = base[i % len(base)] + f"\n\n{i}"
        yield Article(id=article_id(text), path=f"copy{i}", text=text, language="fr")


def _breakdown(articles, res) -> dict[str, float]:
    """CPU seconds of one pass, by part: our spaCy pipeline, then each extractor."""
    from recoupe.extract import EXTRACTORS, _modules
    from recoupe.extract.context import ArticleContext

    nlp = res.nlps["fr"]
    t = time.process_time()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE))
    parts = {"spacy+ruler+fixer": time.process_time() - t}
    modules = list(zip(EXTRACTORS, _modules()))
    for article, doc in zip(articles, docs):
        ctx = ArticleContext(article=article, doc=doc, gazetteer=res.gazetteer, pack=res.packs["fr"])
        for name, module in modules:
            t = time.process_time()
            ctx.claims.extend(module.extract(ctx))
            parts[name] = parts.get(name, 0.0) + time.process_time() - t
    return parts


def run() -> list[dict]:
    import spacy

    from recoupe.extract import extract_articles, load_resources

    if not (SHARED / "corpus").is_dir():
        return []
    articles = list(_articles(N_SPEED))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    res = load_resources(("fr",), batch_size=BATCH_SIZE)
    plain = spacy.load(res.packs["fr"].spacy_model)
    list(plain.pipe(texts[:5]))  # warm-up both
    extract_articles(articles[:5], res)
    spacy_s, ours_s = [], []
    for _ in range(REPEATS):
        t = time.process_time()
        for _doc in plain.pipe(texts, batch_size=BATCH_SIZE):
            pass
        spacy_s.append(time.process_time() - t)
        t = time.process_time()
        claims = extract_articles(articles, res)
        ours_s.append(time.process_time() - t)
    spacy_t, ours_t = min(spacy_s), min(ours_s)
    paired = sorted(a / b for a, b in zip(spacy_s, ours_s))
    median_ratio = paired[len(paired) // 2]
    n_claims = sum(len(v) for v in claims.values())
    parts = _breakdown(articles, res)
    figures = [
        {"name": "extract_speed.words_per_second", "value": round(words / ours_t), "unit": "words/s",
         "baseline": "spaCy fr_core_news_md nlp.pipe alone", "baseline_value": round(words / spacy_t),
         "detail": f"{len(texts)} texts, {words} words, {n_claims} claims; ours {ours_t:.1f} s (all 7 "
                   f"extractors + ruler + fixer), spaCy {spacy_t:.1f} s; CPU time, fastest of {REPEATS}; "
                   f"all passes (spaCy, ours): {[(round(a, 1), round(b, 1)) for a, b in zip(spacy_s, ours_s)]}"},
        {"name": "extract_speed.ratio_to_spacy", "value": round(spacy_t / ours_t, 3), "unit": "spaCy time / our time",
         "baseline": "goal (issue 3)", "baseline_value": 0.75,
         "detail": "1.0 = no cost on top of spaCy; 0.75 = our additions take a third of spaCy's time. "
                   f"Median of the {REPEATS} paired passes: {median_ratio:.3f}. "
                   "CPU seconds by part (one pass): " + ", ".join(f"{k} {v:.2f}" for k, v in parts.items())},
    ]
    return figures


if __name__ == "__main__":
    for fig in run():
        print(json.dumps(fig, ensure_ascii=False))
