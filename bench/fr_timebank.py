"""FR-TimeBank 1.1: recoupe's French temporal tagger scored the TempEval-3 way.

Reads the ISO-TimeML ``.tml`` files of ``<shared>/bench/fr-timebank/Data`` (shared is
``$RECOUPE_SHARED`` or the directory beside the checkout), strips the inline tags to get the
text and the gold TIMEX3 spans, tags the text with :func:`recoupe.extract.timex.tag` anchored
on the document creation time (DCT), and reports:

* strict span F1 (same offsets), relaxed span F1 (any overlap, one-to-one);
* value F1: a relaxed match whose TimeML value is right is a true positive,
  P = tp / predicted, R = tp / gold;
* type accuracy over the relaxed matches.

Baseline: HeidelTime on FR-TimeBank (published): strict F1 0.86, value F1 0.74.
Intervals are scored as their two ends, as FR-TimeBank annotates them. No spaCy: tense
comes from verb endings (spaCy would only change modality, which TimeBank does not score).

Run: ``python bench/fr_timebank.py [--errors]`` or through ``bench/run_all.py fr_timebank``.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from recoupe.extract.timex import Timex, tag  # noqa: E402

BASELINE = "HeidelTime (published, FR-TimeBank)"
HEIDELTIME = {"strict": 0.86, "value": 0.74}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    name: str
    dct: date
    text: str
    gold: tuple[Gold, ...]


def shared_dir() -> Path:
    return Path(os.environ.get("RECOUPE_SHARED", ROOT.parent / "shared"))


def read_tml(path: Path) -> Doc:
    """Text and gold TIMEX3 of one ISO-TimeML file (the DCT TIMEX3 is not in the text)."""
    root = ElementTree.parse(path).getroot()
    dct = date.fromisoformat(root.find("DCT/TIMEX3").get("value")[:10])
    pieces: list[str] = []
    gold: list[Gold] = []
    size = 0

    def walk(el: ElementTree.Element) -> None:
        nonlocal size
        if el.text:
            pieces.append(el.text)
            size += len(el.text)
        for child in el:
            start = size
            walk(child)
            if child.tag == "TIMEX3":
                gold.append(Gold(start, size, child.get("type"), child.get("value")))
            if child.tail:
                pieces.append(child.tail)
                size += len(child.tail)

    walk(root.find("TEXT"))
    return Doc(path.stem, dct, "".join(pieces), tuple(gold))


def load_docs(data: Path) -> list[Doc]:
    return [read_tml(p) for p in sorted(data.glob("*.tml"))]


def flatten(timexes: list[Timex]) -> list[Timex]:
    """Intervals become their two ends, as TimeML annotates them."""
    out = []
    for t in timexes:
        out.extend(t.parts or (t,))
    return out


def score(docs: list[Doc], predictions: list[list[Timex]]) -> dict[str, float | int]:
    """TempEval-3 counts and figures over all documents."""
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    for doc, preds in zip(docs, predictions):
        n_gold += len(doc.gold)
        n_pred += len(preds)
        used: set[int] = set()
        for g in doc.gold:
            best = None
            for i, p in enumerate(preds):
                if i in used or not (p.start < g.end and g.start < p.end):
                    continue
                if best is None or (p.start, p.end) == (g.start, g.end):
                    best = i
            if best is None:
                continue
            used.add(best)
            p = preds[best]
            relaxed += 1
            strict += (p.start, p.end) == (g.start, g.end)
            value_ok += p.value == g.value
            type_ok += p.type == g.type

    def f1(tp: int) -> float:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "gold": n_gold, "predicted": n_pred, "strict_tp": strict, "relaxed_tp": relaxed,
        "value_tp": value_ok, "strict_f1": f1(strict), "relaxed_f1": f1(relaxed),
        "value_f1": f1(value_ok), "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "strict_precision": strict / n_pred if n_pred else 0.0,
        "strict_recall": strict / n_gold if n_gold else 0.0,
    }


def predict(docs: list[Doc]) -> list[list[Timex]]:
    return [flatten(tag(d.text, d.dct)) for d in docs]


def run() -> list[dict]:
    data = shared_dir() / "bench" / "fr-timebank" / "Data"
    if not data.is_dir():
        return []
    docs = load_docs(data)
    started = time.perf_counter()
    preds = predict(docs)
    seconds = time.perf_counter() - started
    s = score(docs, preds)
    detail = (f"{len(docs)} docs, {s['gold']} gold TIMEX3, {s['predicted']} predicted; "
              f"strict P {s['strict_precision']:.3f} R {s['strict_recall']:.3f}; {seconds:.2f} s")
    row = {"unit": "F1", "baseline": BASELINE, "detail": detail}
    return [
        {**row, "name": "fr_timebank.strict_f1", "value": round(s["strict_f1"], 4),
         "baseline_value": HEIDELTIME["strict"]},
        {**row, "name": "fr_timebank.relaxed_f1", "value": round(s["relaxed_f1"], 4),
         "baseline_value": None},
        {**row, "name": "fr_timebank.value_f1", "value": round(s["value_f1"], 4),
         "baseline_value": HEIDELTIME["value"]},
        {**row, "name": "fr_timebank.type_accuracy", "value": round(s["type_accuracy"], 4),
         "unit": "accuracy", "baseline_value": None},
    ]


def _errors(docs: list[Doc], preds: list[list[Timex]]) -> None:
    """Print misses, false alarms and wrong values, for grammar work."""
    for doc, ps in zip(docs, preds):
        for g in doc.gold:
            hit = [p for p in ps if p.start < g.end and g.start < p.end]
            gs = doc.text[g.start:g.end]
            ctx = doc.text[max(0, g.start - 40):g.start].replace("\n", " ")
            if not hit:
                print(f"MISS  {doc.name} {g.type:8} {g.value:14} {gs!r}   <<{ctx}")
            else:
                p = hit[0]
                tags = []
                if (p.start, p.end) != (g.start, g.end):
                    tags.append("SPAN")
                if p.value != g.value:
                    tags.append("VALUE")
                if tags:
                    print(f"{'+'.join(tags):10} {doc.name} dct={doc.dct} gold={gs!r} {g.value} | "
                          f"pred={p.text!r} {p.value} ({p.rule})   <<{ctx}")
        for p in ps:
            if not any(p.start < g.end and g.start < p.end for g in doc.gold):
                ctx = doc.text[max(0, p.start - 40):p.end + 20].replace("\n", " ")
                print(f"FALSE {doc.name} {p.type:8} {p.value:14} {p.text!r} ({p.rule})   <<{ctx}")


if __name__ == "__main__":
    docs = load_docs(shared_dir() / "bench" / "fr-timebank" / "Data")
    preds = predict(docs)
    if "--errors" in sys.argv:
        _errors(docs, preds)
    for k, v in score(docs, preds).items():
        print(f"{k:18} {v:.4f}" if isinstance(v, float) else f"{k:18} {v}")
