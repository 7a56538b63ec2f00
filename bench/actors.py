"""Canonical actors on our own gold set (gold/actors.jsonl): micro precision, recall and F1.

Each gold line is a short French news paragraph we wrote (ALL-CAPS names, titles, demonyms,
role phrases, line breaks, share lines, bylines) with the set of canonical actor ids a reader
would list. Per text, the predicted set is the set of ``actor`` claim values; true positives,
false positives and false negatives are summed over texts (micro average).

Baseline, measured in the same run: spaCy's own French NER (``fr_core_news_md`` without our
entity ruler and fixer), its PER/ORG/LOC/MISC entities mapped through the same gazetteer
(unknown PER -> ``person:<slug>``, unknown ORG -> ``org:<slug>``, places dropped).

Also counted on the shared corpus (``../shared/corpus``): junk actors (social networks, radio
and site names, line-start verbs, bylines), ours vs the same baseline.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold" / "actors.jsonl"
SHARED = Path(os.environ.get("RECOUPE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "aes-russia-2025-04"
# Surfaces that are never actors of the shared corpus's event (what a reader strikes out).
JUNK_SURFACES = frozenset({"facebook", "telegram", "whatsapp", "ortm", "rtb", "rtn", "info matin", "finance",
                           "tf", "suivez", "laisser", "principal", "a", "la redaction", "dcrp", "amen k.",
                           "amina kabo djarmah", "oumar", "oumar diakite", "sikou bah", "excellences", "sem",
                           "capitaine", "général", "les parties", "parties", "états", "état"})


def _counts(pred: set[str], gold: set[str]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _baseline_ids(doc, gz) -> list[tuple[str, str]]:
    """(id, surface) of spaCy's plain NER entities mapped through the gazetteer."""
    from recoupe.extract.gazetteer import slug

    out = []
    for ent in doc.ents:
        kinds = {"PER": ("person",), "LOC": ("state", "place")}.get(ent.label_, ("org", "state", "person"))
        entity = gz.resolve(ent.text, kinds=kinds)
        if entity is not None:
            if entity.kind != "place":
                out.append((entity.id, ent.text))
        elif ent.label_ == "PER" and slug(ent.text):
            out.append(("person:" + slug(ent.text), ent.text))
        elif ent.label_ in ("ORG", "MISC") and slug(ent.text):
            out.append(("org:" + slug(ent.text), ent.text))
    return out


def run() -> list[dict]:
    import spacy

    from recoupe.extract import actors, load_resources
    from recoupe.extract.context import ArticleContext
    from recoupe.records import Article, article_id

    res = load_resources(("fr",))
    nlp, gz, pack = res.nlps["fr"], res.gazetteer, res.packs["fr"]
    plain = spacy.load(pack.spacy_model)
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours, base = [0, 0, 0], [0, 0, 0]
    misses: list[str] = []
    started = time.perf_counter()
    for row in rows:
        text, gold = row["text"], set(row["actors"])
        article = Article(id=article_id(text), path="gold", text=text, language="fr")
        ctx = ArticleContext(article=article, doc=nlp(text), gazetteer=gz, pack=pack)
        pred = {c.value for c in actors.extract(ctx)}
        for i, n in enumerate(_counts(pred, gold)):
            ours[i] += n
        misses += [f"-{x}" for x in gold - pred] + [f"+{x}" for x in pred - gold]
        bpred = {i for i, _ in _baseline_ids(plain(text), gz)}
        for i, n in enumerate(_counts(bpred, gold)):
            base[i] += n
    p, r, f = _prf(*ours)
    bp, br, bf = _prf(*base)
    detail = (f"{len(rows)} gold texts, {sum(len(json.loads(x)['actors']) for x in GOLD.read_text().splitlines() if x.strip())}"
              f" gold actors; tp/fp/fn ours {ours}, spaCy NER {base}; {time.perf_counter() - started:.1f} s")
    figures = [
        {"name": "actors.precision", "value": round(p, 4), "unit": "ratio", "baseline": "spaCy fr_core_news_md NER via gazetteer",
         "baseline_value": round(bp, 4), "detail": detail},
        {"name": "actors.recall", "value": round(r, 4), "unit": "ratio", "baseline": "spaCy fr_core_news_md NER via gazetteer",
         "baseline_value": round(br, 4), "detail": "errors (-missed +spurious): " + ", ".join(sorted(misses)[:40])},
        {"name": "actors.f1", "value": round(f, 4), "unit": "ratio", "baseline": "spaCy fr_core_news_md NER via gazetteer",
         "baseline_value": round(bf, 4), "detail": "micro F1 over per-text sets of canonical ids"},
    ]
    if CORPUS.is_dir():
        junk, bjunk, seen = [], [], 0
        for path in sorted(CORPUS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            article = Article(id=article_id(text), path=str(path), text=text, language="fr")
            ctx = ArticleContext(article=article, doc=nlp(text), gazetteer=gz, pack=pack)
            claims = actors.extract(ctx)
            seen += len(claims)
            junk += [c.evidence.text for c in claims if c.evidence.text.lower() in JUNK_SURFACES]
            bjunk += [s for _, s in _baseline_ids(plain(text), gz) if s.strip().lower() in JUNK_SURFACES]
        figures.append({"name": "actors.corpus_junk", "value": len(junk), "unit": "junk actor mentions (lower is better)",
                        "baseline": "spaCy fr_core_news_md NER via gazetteer", "baseline_value": len(bjunk),
                        "detail": f"{seen} actor mentions on the 5 shared articles; ours: {sorted(set(junk))}; "
                                  f"baseline: {sorted(set(bjunk))}"})
    return figures


if __name__ == "__main__":
    for fig in run():
        print(json.dumps(fig, ensure_ascii=False))
