"""Web workbench under load: requests per second and p95 latency of the event page and of
``GET /api/events/{id}`` on a store of 10,000 articles (goal of issue 5: event page p95 under
100 ms).

The store is synthetic but made of real pipeline output. The real pipeline (spaCy, gazetteer,
sentence encoder, reconcile) runs ONCE over the template texts (``samples/`` plus the shared
AES–Russia corpus when ``../shared`` is present) into a template store. Its articles, claims,
events, derivations, facts and dossier records are then replicated until there are 10,000
articles: copy ``k`` of an article is its text plus a final line ``(Reprise n° k.)`` (so a new
id; every claim offset still points at the same words), copy ``k`` of an event groups the copies
``k`` of its articles under the id ``<event>-k``, and its facts and JSON dossier are the
template's with every article and event id rewritten. Everything is written through the
Store API (``save_article`` with claims, ``save_events``, ``save_dossier``) into a SQLite file,
as ``recoupe ingest`` would; no model runs per copy (running spaCy 10,000 times would take
hours and measure extraction, not the web layer).

The app (``create_app`` over that file) is served by uvicorn in a subprocess on 127.0.0.1
(a socket bound to port 0 in this process and handed over, so the port cannot be taken);
the load generator is this process: ``CLIENTS`` concurrent httpx clients on loopback, each
sending its next request as soon as the last one answered (a closed loop, so the server is
never flooded beyond ``CLIENTS`` requests in flight), over event ids drawn at random (seeded).
Each target runs ``WARMUP_S`` seconds unmeasured, then ``MEASURE_S`` seconds. Both processes
share this machine's (two, shared) cores, so figures are an honest lower bound.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 10_000
CLIENTS = 4  # concurrent clients: a handful of analysts hammering one server
WARMUP_S = 2.0  # seconds of unmeasured load before each measurement (imports, caches)
MEASURE_S = 20.0  # seconds measured per target
LIST_MEASURE_S = 8.0  # the list page is context, measured shorter
GOAL_P95_MS = 100.0  # issue 5: event page p95 under 100 ms
SEED = 20250403
SERVER_START_S = 60.0  # seconds to wait for the server subprocess to answer
DB_ENV = "RECOUPE_BENCH_DB"
REUSE_ENV = "RECOUPE_WEB_LOAD_DIR"  # a folder holding a web.db from build_store: skip the build
REQUEST_TIMEOUT_S = 30.0  # a request slower than this is a failure


def shared_corpus() -> Path | None:
    shared = Path(os.environ.get("RECOUPE_SHARED", ROOT.parent / "shared"))
    corpus = shared / "corpus" / "aes-russia-2025-04"
    return corpus if corpus.is_dir() else None


# ---------------------------------------------------------------- the synthetic store

def template_store(folder: Path):
    """The real pipeline, once, over the template texts. Returns (store, seconds)."""
    from recoupe.pipeline import Pipeline
    from recoupe.settings import Settings
    from recoupe.store import Store

    started = time.perf_counter()
    db = folder / "templates.db"
    store = Store.open(str(db))
    paths = [str(ROOT / "samples")] + ([str(shared_corpus())] if shared_corpus() else [])
    Pipeline(Settings(db=str(db)), store).ingest(paths)
    return store, time.perf_counter() - started


def _remap_fact(fact, ids: dict[str, str], event_id: str):
    from recoupe.records import Claim

    claims = tuple(replace(c, evidence=replace(c.evidence, article=ids[c.evidence.article]))
                   for c in fact.claims if isinstance(c, Claim))
    groups = tuple(tuple(ids.get(a, a) for a in g) for g in fact.independent_groups)
    return replace(fact, event=event_id, claims=claims, independent_groups=groups)


def build_store(folder: Path, size: int = ARTICLES) -> dict:
    """Replicate the template store into ``folder/web.db`` until it holds ``size`` articles."""
    from recoupe.pipeline import load_dossier
    from recoupe.records import Derivation, Event, article_id
    from recoupe.store import Store

    tstore, template_s = template_store(folder)
    t_articles = {a.id: a for a in tstore.articles()}
    t_claims = tstore.claims()
    t_events = [ev for ev in tstore.events() if ev.articles]
    t_derivs = tstore.derivations()
    dossiers = {ev.id: load_dossier(tstore, ev.id) for ev in t_events}
    records = {ev.id: json.dumps(tstore.dossier_record(ev.id)) for ev in t_events}
    first_dates = {r["id"]: r["first_date"] for r in tstore.event_summaries(limit=10_000)}
    entities = list(tstore.entities().values())
    per_copy = sum(len(ev.articles) for ev in t_events)
    if not per_copy:
        raise RuntimeError("the template store holds no event: the pipeline produced nothing")

    started = time.perf_counter()
    store = Store.open(str(folder / "web.db"))
    store.save_entities(entities)
    n, k = 0, 0
    while n < size:
        events, derivations, dossier_rows = [], [], []
        for ev in t_events:
            ids: dict[str, str] = {}
            for aid in ev.articles:
                if n >= size:
                    break
                a = t_articles[aid]
                text = f"{a.text}\n\n(Reprise n° {k}.)"  # appended: every claim offset stays valid
                new = replace(a, id=article_id(text), text=text, path=f"{a.path}#{k}")
                claims = [replace(c, evidence=replace(c.evidence, article=new.id)) for c in t_claims.get(aid, ())]
                store.save_article(new, claims)
                ids[aid] = new.id
                n += 1
            if not ids:
                break
            eid = f"{ev.id}-{k}"
            events.append(Event(eid, ev.title, tuple(ids.values()), {ids[a]: kind for a, kind in ev.kinds.items() if a in ids}))
            derivations += [Derivation(ids[d.article], ids[d.source], d.kind, d.score) for d in t_derivs
                            if d.article in ids and d.source in ids]
            text = records[ev.id]
            for old, new_id in ids.items():
                text = text.replace(old, new_id)
            record = json.loads(re.sub(re.escape(json.dumps(ev.id)), json.dumps(eid), text))
            record["articles"] = [ids[a] for a in record["articles"] if a in ids]
            facts = [_remap_fact(f, ids, eid) for f in dossiers[ev.id].facts
                     if all(c.evidence.article in ids for c in f.claims)]
            dossier_rows.append((eid, facts, dossiers[ev.id].summary, first_dates.get(ev.id), record))
        store.save_events(events, derivations)
        for row in dossier_rows:
            store.save_dossier(*row)
        k += 1
    tstore.close()
    detail = {"template_articles": len(t_articles), "template_events": len(t_events), "copies": k,
              "articles": store.count_articles(), "events": len(store.event_summaries(limit=100_000)),
              "template_pipeline_s": round(template_s, 1), "replicate_s": round(time.perf_counter() - started, 1),
              "db_mb": round((folder / "web.db").stat().st_size / 1e6, 1)}
    store.close()
    return detail


# ---------------------------------------------------------------- serving and load

def app_factory():
    """The app over the bench store (uvicorn --factory, in the server subprocess)."""
    from recoupe.settings import Settings
    from recoupe.store import Store
    from recoupe.web.app import create_app

    db = os.environ[DB_ENV]
    return create_app(Settings(db=db, token="bench-token-not-used-for-reads"), Store.open(db))


class Server:
    """uvicorn in a subprocess on a loopback socket bound here (port 0)."""

    def __init__(self, db: Path):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        env = {**os.environ, DB_ENV: str(db)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "web_load:app_factory", "--app-dir", str(ROOT / "bench"),
             "--fd", str(self.sock.fileno()), "--log-level", "warning", "--no-access-log"],
            pass_fds=(self.sock.fileno(),), env=env, cwd=str(ROOT))

    def wait(self) -> None:
        import httpx

        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}")
            try:
                if httpx.get(self.base + "/api/events?limit=1", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not answer in time")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.sock.close()


async def _load(base: str, paths: list[str], seconds: float, warmup: float) -> dict:
    """A closed loop of CLIENTS clients; latencies of the requests sent after the warm-up."""
    import httpx

    rng = random.Random(SEED)
    latencies: list[float] = []
    errors = 0
    start = time.perf_counter()
    measure_from = start + warmup
    stop = measure_from + seconds

    async def client(n: int) -> None:
        nonlocal errors
        local = random.Random(rng.random() + n)
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S) as http:
            while True:
                sent = time.perf_counter()
                if sent >= stop:
                    return
                try:
                    ok = (await http.get(local.choice(paths))).status_code == 200
                except httpx.HTTPError:  # a timeout counts, with its latency, as a failed request
                    ok = False
                took = time.perf_counter() - sent
                if sent >= measure_from:
                    latencies.append(took)
                    errors += not ok

    await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    return {"requests": len(latencies), "errors": errors, "rps": len(latencies) / seconds,
            "p95_ms": p95 * 1000, "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
            "max_ms": latencies[-1] * 1000 if latencies else float("nan")}


def load(base: str, paths: list[str], seconds: float = MEASURE_S) -> dict:
    return asyncio.run(_load(base, paths, seconds, WARMUP_S))


def run() -> list[dict]:
    from recoupe.store import Store

    with tempfile.TemporaryDirectory(prefix="recoupe-web-load-") as tmp:
        folder = Path(tmp)
        reuse = os.environ.get(REUSE_ENV)
        if reuse:  # a store built by an earlier run (build_store), to measure again quickly
            folder = Path(reuse)
            built = {"reused": str(folder / "web.db")}
        else:
            built = build_store(folder)
        store = Store.open(str(folder / "web.db"))
        event_ids = [r["id"] for r in store.event_summaries(limit=100_000)]
        article_ids = [a for ev in store.events()[:200] for a in ev.articles]
        store.close()
        server = Server(folder / "web.db")
        try:
            server.wait()
            # The analyst's view: the event page with the date's evidence marked in every article.
            page = load(server.base, [f"/events/{e}?fact=date" for e in event_ids])
            api = load(server.base, [f"/api/events/{e}" for e in event_ids])
            # Not measured: the q, actor and domain filters, whose correlated EXISTS in
            # Store.event_summaries takes minutes at this size (reported to the lead).
            listing = load(server.base, ["/", "/?has_conflicts=1", "/?date_from=2025-01-01&date_to=2025-12-31"],
                           LIST_MEASURE_S)
            article = load(server.base, [f"/articles/{a}" for a in article_ids], LIST_MEASURE_S)
        finally:
            server.stop()
    common = {**built, "clients": CLIENTS, "measure_s": MEASURE_S, "warmup_s": WARMUP_S}

    def rows(prefix: str, what: str, m: dict, goal: bool) -> list[dict]:
        detail = {**common, **{k: round(v, 2) if isinstance(v, float) else v for k, v in m.items()}, "target": what}
        return [
            {"name": f"{prefix}_p95_ms", "value": round(m["p95_ms"], 2), "unit": "ms",
             "baseline": "goal of issue 5: p95 under 100 ms" if goal else "event page goal (context)",
             "baseline_value": GOAL_P95_MS, "detail": detail},
            {"name": f"{prefix}_rps", "value": round(m["rps"], 1), "unit": "req/s",
             "baseline": "none: throughput on this shared 2-core machine, client and server on it",
             "baseline_value": None, "detail": detail},
        ]

    return (rows("web_event_page", "GET /events/{id}?fact=date", page, True)
            + rows("web_api_event", "GET /api/events/{id}", api, True)
            + rows("web_events_list", "GET / (plain, has_conflicts, date range)", listing, False)
            + rows("web_article_page", "GET /articles/{id}", article, False))
