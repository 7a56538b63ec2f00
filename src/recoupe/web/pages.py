"""The server-rendered pages of the workbench: events, one event, one article, actors,
ingest, login, and the judgement forms.

Everything is rendered on the server (Jinja2, auto-escaping on): evidence marks are built
from the stored offsets (:mod:`recoupe.web.views`), each text segment escaped by the template, so a page works
without JavaScript. ``static/app.js`` only scrolls marks into view and asks for
confirmation before merge and split. Writes (ingest, judgements) need the token cookie set by
``/login`` and answer POST-redirect-GET.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import re
from datetime import datetime, timezone
from typing import Any, Sequence
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from recoupe.errors import NotFound
from recoupe.records import Article, Judgement, RawDocument, Rejected
from recoupe.report.view import FLAG_TEXT, OUTCOME_TEXT, show_date
from recoupe.web.api import JudgementIn, _check_target, event_record, state
from recoupe.web.app import MAX_PASTE_CHARS, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, TOKEN_COOKIE, ApiError, WebState
from recoupe.web.views import (SLOT_LABELS, Span, article_label, derivation_forest, fact_items,
                               participant_item, segments, show_value)

router = APIRouter(include_in_schema=False)

AUTHOR_COOKIE = "recoupe_author"  # who signs the judgements; not a secret
PAGE_SIZE = 50  # events per list page
ACTOR_CHOICES = 500  # actors offered in the list page's filter (by name)
PARTNER_EVENTS = 100  # events read to offer the actors met alongside one actor
ACTOR_EVENTS = 500  # events listed on an actor's page
EVENTS_SCANNED = 100_000  # event summaries read to find an actor's (about 0.1 s per 3,000 events)
MERGE_WINDOW_DAYS = 60  # events offered for a merge: dated within two months of this one
MERGE_CANDIDATES = 20
COOKIE_MAX_AGE = 8 * 3600  # seconds: a working day, then log in again
# The whole multipart body, refused before parsing: every file at its limit plus the paste
# (4 bytes per character at worst in UTF-8) plus headers.
MAX_BODY_BYTES = MAX_UPLOAD_FILES * MAX_UPLOAD_BYTES + 4 * MAX_PASTE_CHARS + 100_000
DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
UPLOAD_FORMATS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}


# ---------------------------------------------------------------- helpers

def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    st = state(request)
    base = {"logged_in": st.authorised(request), "author": request.cookies.get(AUTHOR_COOKIE, ""),
            "path": request.url.path + (f"?{request.url.query}" if request.url.query else "")}
    return st.templates.TemplateResponse(request, name, {**base, **context}, status_code=status)


def local_path(target: str | None, default: str = "/") -> str:
    """A redirect target inside this site only (no scheme, no host, no '//')."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    return default if parts.scheme or parts.netloc else target


def check_write(request: Request) -> WebState:
    """A browser write: same origin (when the browser says), and the token cookie."""
    st = state(request)
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise ApiError(403, "cross-site form posts are refused")
    if not st.authorised(request):
        raise ApiError(401, "this action needs the write token: log in first")
    return st


def optional(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


# ---------------------------------------------------------------- events

@router.get("/", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    """The events, newest first, with search and filters as a GET form."""
    st = state(request)
    p = request.query_params
    q, actor, domain = optional(p.get("q")), optional(p.get("actor")), optional(p.get("domain"))
    date_from, date_to = optional(p.get("date_from")), optional(p.get("date_to"))
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not DAY.match(value):
            raise ApiError(422, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")
    if any(len(v or "") > 200 for v in (q, actor, domain)):
        raise ApiError(422, "search terms are limited to 200 characters")
    has_conflicts = p.get("has_conflicts") in ("1", "on", "true")
    try:
        page = max(0, int(p.get("page") or 0))
    except ValueError:
        raise ApiError(422, "page must be a whole number") from None
    rows = st.store.event_summaries(q=q, actor=actor, domain=domain, has_conflicts=has_conflicts,
                                    date_from=date_from, date_to=date_to, limit=PAGE_SIZE + 1,
                                    offset=page * PAGE_SIZE)
    # The stored entities are those the claims refer to: a short table, read in milliseconds
    # (counting mentions per actor over every claim takes half a second on 10,000 articles).
    actors = sorted((e for e in st.store.entities().values() if e.kind != "place"), key=lambda e: e.name.lower())
    filters = {k: v for k, v in (("q", q), ("actor", actor), ("domain", domain), ("date_from", date_from),
                                 ("date_to", date_to), ("has_conflicts", "1" if has_conflicts else None)) if v}
    more = urlencode({**filters, "page": page + 1}) if len(rows) > PAGE_SIZE else None
    less = urlencode({**filters, "page": page - 1}) if page > 0 else None
    return render(request, "events.html", {
        "rows": rows[:PAGE_SIZE], "filters": filters, "page": page, "more": more, "less": less,
        "actors": [(e.id, e.name) for e in actors[:ACTOR_CHOICES]], "domains": _domains(),
        "show_date": show_date})


def _domains() -> list[str]:
    """The keys of the cooperation taxonomy (from the French pack; [] if it cannot be read)."""
    try:
        from recoupe.extract.domains import PACKS_DIR
        import yaml

        data = yaml.safe_load((PACKS_DIR / "fr" / "domains.yaml").read_text(encoding="utf-8")) or {}
        return sorted((data.get("domains") or {}).keys())
    except (OSError, ImportError, AttributeError, ValueError):
        return []


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """The dossier, live: facts (conflicts first), the selected fact's evidence side by side,
    quotes, the derivation graph, planned vs happened, judgements and their forms."""
    st = state(request)
    record = event_record(st, event_id)
    items = fact_items(record)
    key = request.query_params.get("fact") or ""
    selected = next((i for i in items if i.key == key), None)
    if selected is None and key.startswith("participant-"):
        selected = participant_item(record, key[len("participant-"):], st.store.claims(list(record.get("articles", []))))
    articles = st.store.articles(list(record.get("articles", [])))
    number = {a.id: n for n, a in enumerate(articles, 1)}
    spans: dict[str, list[Span]] = {}
    for c in selected.claims if selected else ():
        spans.setdefault(c["article"], []).append(Span(c["start"], c["end"], c["cls"], f"{selected.label}: {c.get('shown', '')}"))
    # Articles with evidence first, so the sides of a conflict sit next to each other.
    columns = sorted(articles, key=lambda a: (a.id not in spans, number[a.id]))
    kinds = record.get("kinds") or {}
    derived_from = {}
    for d in record.get("derivations") or []:
        derived_from.setdefault(d["article"], []).append(d)
    planned_rows = []
    for slot, f in (record.get("planned") or {}).items():
        h = (record.get("facts") or {}).get(slot)
        planned_rows.append({"label": SLOT_LABELS.get(slot, slot), "planned": show_value(slot, f.get("value"), f),
                             "happened": show_value(slot, h.get("value"), h) if h else "not reported",
                             "outcome": OUTCOME_TEXT.get(str(f.get("outcome")), str(f.get("outcome") or ""))})
    announced = [{"label": SLOT_LABELS.get(a.get("slot"), a.get("slot")),
                  "value": show_value(a.get("slot"), a.get("value"), a), "status": a.get("status", ""),
                  "articles": a.get("articles") or []} for a in record.get("announced") or []]
    quotes = sorted(enumerate(record.get("quotes") or []), key=lambda iq: (not iq[1].get("flags"), -len(iq[1].get("variants", [])), iq[0]))
    return render(request, "event.html", {
        # Only an analyst who may merge sees the form: readers do not pay for the query.
        "merge_candidates": merge_candidates(st, record) if st.authorised(request) else [],
        "ev": record, "items": items, "selected": selected, "quotes": quotes,
        "facts": [i for i in items if i.kind in ("value", "planned", "figure")],
        "conflicts": [i for i in items if i.status == "conflicting"],
        "domains": [i for i in items if i.kind == "domain"],
        "commitments": [i for i in items if i.kind == "commitment"], "columns": columns, "number": number,
        "by_id": {a.id: a for a in articles}, "label": article_label, "kinds": kinds,
        "segs": {a.id: segments(a.text, spans.get(a.id, ())) for a in columns}, "spans": spans,
        "derived_from": derived_from, "forest": derivation_forest([a.id for a in articles], record.get("derivations") or []),
        "planned_rows": planned_rows, "announced": announced, "flag_text": FLAG_TEXT, "participants": record.get("participants") or [],
        "judgements": record.get("judgements") or [], "judged_text": _judged_text(st, record)})


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def merge_candidates(st: WebState, record: dict[str, Any], days: int = MERGE_WINDOW_DAYS) -> list[dict[str, Any]]:
    """Events an analyst may want to merge into this one: those dated within ``days`` of it
    (the newest when it has no date), nearest first, offered in the merge form so nobody has
    to copy an id. One bounded SQL query: fast on a large store."""
    day = _day(((record.get("facts") or {}).get("date") or {}).get("value"))
    if day is None:
        rows = st.store.event_summaries(limit=MERGE_CANDIDATES + 1)
    else:
        window = dt.timedelta(days=days)
        rows = st.store.event_summaries(date_from=(day - window).isoformat(), date_to=(day + window).isoformat(),
                                        limit=MERGE_CANDIDATES + 1)

    def distance(row: dict[str, Any]) -> int:
        other = _day(row.get("first_date"))
        return abs((other - day).days) if day and other else 0

    others = [r for r in rows if r["id"] != record.get("id")]
    return sorted(others, key=lambda r: (distance(r), r["id"]))[:MERGE_CANDIDATES]


def _judged_text(st: WebState, record: dict[str, Any]) -> dict[str, str]:
    """The words each judged claim points at (a rejected claim is gone from the dossier but
    not from the store), so the page shows what was judged, not only its target."""
    targets = {j["target"] for j in record.get("judgements") or [] if j["target"].startswith("claim:")}
    if not targets:
        return {}
    out = {}
    for cs in st.store.claims(list(record.get("articles", []))).values():
        for c in cs:
            t = f"claim:{c.evidence.article}:{c.evidence.start}:{c.evidence.end}:{c.slot}"
            if t in targets:
                out[t] = c.evidence.text
    return out


@router.post("/events/{event_id}/judgements")
async def judge_form(request: Request, event_id: str) -> Response:
    """A judgement from the event page: checked and applied exactly like POST /api/judgements,
    then back to the page (POST-redirect-GET)."""
    st = check_write(request)
    form = await request.form()
    value = optional(form.get("value_other")) or optional(form.get("value"))
    if form.get("action") == "split":
        value = ",".join(str(v) for v in form.getlist("articles")) or None
    try:
        body = JudgementIn(target=str(form.get("target") or ""), action=str(form.get("action") or ""),
                           value=value, author=optional(form.get("author")) or "")
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ApiError(422, f"invalid judgement: {'.'.join(str(x) for x in first['loc'])}: {first['msg']}") from None
    if not body.target.startswith(("claim:", f"fact:{event_id}:", f"event:{event_id}")):
        raise ApiError(422, "this form judges only this event, its facts and its articles' claims")
    _check_target(st, body)
    j = Judgement(target=body.target, action=body.action, value=body.value, author=body.author,
                  at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    await run_in_threadpool(_serialised, request, st.pipeline().judge, j)
    back = local_path(optional(form.get("back")), f"/events/{quote(event_id)}")
    response = RedirectResponse(back + "#judgements", status_code=303)
    response.set_cookie(AUTHOR_COOKIE, body.author, max_age=COOKIE_MAX_AGE, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


# ---------------------------------------------------------------- articles and actors

@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """The cleaned text with every claim marked, and the removed lines with their rule."""
    st = state(request)
    a = st.store.article(article_id)
    if a is None:
        raise NotFound(f"no article {article_id!r}")
    claims = sorted(st.store.claims([a.id]).get(a.id, ()), key=lambda c: (c.evidence.start, c.evidence.end))
    ids = {c.value for c in claims if c.slot in ("actor", "place")} | {
        str(c.attrs.get("speaker")) for c in claims if c.slot == "quote" and c.attrs.get("speaker")}
    names = {k: e.name for k, e in st.store.entities(sorted(ids)).items()}
    spans = [Span(c.evidence.start, c.evidence.end, f"slot-{c.slot}" + (" planned" if c.planned else ""),
                  f"{c.slot}: {names.get(c.value, c.value)} ({c.evidence.extractor})") for c in claims]
    event = st.store.event_of_article(a.id)
    kind = a.kind
    if kind == "unknown" and event:  # the events stage's verdict, when the record was not updated
        kind = ((st.store.dossier_record(event) or {}).get("kinds") or {}).get(a.id, kind)
    return render(request, "article.html", {
        "a": a, "kind": kind, "claims": claims, "names": names, "segs": segments(a.text, spans), "event": event})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    st = state(request)
    counts = st.store.actor_counts()
    ents = st.store.entities([a for a, _, _ in counts])
    return render(request, "actors.html", {"rows": [(a, ents.get(a), n, m) for a, n, m in counts]})


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    """Every event an actor took part in; with ``?with=<other>``, the pair's timeline."""
    st = state(request)
    other = optional(request.query_params.get("with"))
    ent = st.store.entities([actor_id] + ([other] if other else []))
    event_ids = set(st.store.events_of_actor(actor_id))
    if not event_ids and actor_id not in ent:
        raise NotFound(f"no actor {actor_id!r}")
    # Filtered here rather than with event_summaries(actor=...), whose correlated EXISTS scans
    # every claim of the actor once per event (minutes on 10,000 articles; reported to the lead).
    rows = [r for r in st.store.event_summaries(limit=EVENTS_SCANNED) if r["id"] in event_ids][:ACTOR_EVENTS]
    partners: dict[str, tuple[str, int]] = {}
    for r in rows[:PARTNER_EVENTS]:
        for p in (st.store.dossier_record(r["id"]) or {}).get("participants") or []:
            if p.get("id") and p["id"] != actor_id:
                name, n = partners.get(p["id"], (p.get("name") or p["id"], 0))
                partners[p["id"]] = (name, n + 1)
    pair = None
    if other:
        both = set(st.store.events_of_actor(other))
        pair = []
        for r in sorted((r for r in rows if r["id"] in both), key=lambda r: (r["first_date"] or "9999", r["id"])):
            rec = st.store.dossier_record(r["id"]) or {}
            pair.append({**r, "domains": [d["domain"] for d in rec.get("domains") or []],
                         "commitments": [c for c in rec.get("commitments") or []
                                         if c.get("actor_id") in (actor_id, other)]})
    return render(request, "actor.html", {
        "actor_id": actor_id, "ent": ent.get(actor_id), "rows": rows, "other": other,
        "other_name": ent[other].name if other and other in ent else (partners.get(other or "", (other, 0))[0]),
        "pair": pair, "partners": sorted(partners.items(), key=lambda kv: (-kv[1][1], kv[1][0])),
        "show_date": show_date})


# ---------------------------------------------------------------- ingest

@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", {"outcome": None, "limits": _limits()})


def _limits() -> dict[str, int]:
    return {"files": MAX_UPLOAD_FILES, "bytes": MAX_UPLOAD_BYTES, "chars": MAX_PASTE_CHARS}


def upload_documents(files: Sequence[tuple[str, bytes]]) -> tuple[list[RawDocument], list[Rejected]]:
    """Uploaded files -> raw documents, the same checks as the CLI's reader, nothing on disk.
    A file that cannot be an article at all (type, size, binary, empty, not one usable JSON
    line) raises ApiError: the whole upload is refused before the store is touched. Bad lines
    of an otherwise good JSON Lines file are rejections, as in the CLI."""
    from recoupe.ingest.reader import check_bytes, parse_jsonl

    docs: list[RawDocument] = []
    rejected: list[Rejected] = []
    for name, data in files:
        ext = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
        if ext not in UPLOAD_FORMATS and ext != ".jsonl":
            raise ApiError(422, f"{name}: unknown file type {ext or '(none)'!r}: upload .txt, .md, .html, .htm or .jsonl")
        if len(data) > MAX_UPLOAD_BYTES:
            raise ApiError(413, f"{name}: file too large: over the {MAX_UPLOAD_BYTES:,}-byte limit")
        problem = check_bytes(data)
        if problem:
            raise ApiError(422, f"{name}: {problem}")
        if ext == ".jsonl":
            found = list(parse_jsonl(name, io.BytesIO(data), MAX_UPLOAD_BYTES))  # iterates lines, as a file
            good = [d for d in found if isinstance(d, RawDocument)]
            if not good:
                reasons = "; ".join(r.message() for r in found[:3] if isinstance(r, Rejected))
                raise ApiError(422, f"{name}: no usable JSON line ({reasons or 'empty'})")
            docs += good
            rejected += [r for r in found if isinstance(r, Rejected)]
        else:
            docs.append(RawDocument(path=name, fmt=UPLOAD_FORMATS[ext], data=data))  # type: ignore[arg-type]
    return docs, rejected


def _build(docs: Sequence[RawDocument], rejected: list[Rejected]) -> tuple[list[Article], list[Rejected]]:
    """Clean the raw documents as ``recoupe ingest`` does (one language detector per batch)."""
    from recoupe.ingest import LanguageDetector, build_article

    detector = LanguageDetector()
    articles: list[Article] = []
    for raw in docs:
        result = build_article(raw, detector)
        (rejected if isinstance(result, Rejected) else articles).append(result)
    return articles, rejected


def _serialised(request: Request, write: Any, *args: Any) -> Any:
    """Run one write at a time (ingests and judgements regroup events: two at once could
    interleave). Called in the thread pool, so the server keeps answering reads meanwhile."""
    with request.app.state.recoupe.write_lock:
        return write(*args)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_upload(request: Request) -> HTMLResponse:
    """Files or a pasted text through the same pipeline as ``recoupe ingest``."""
    st = check_write(request)
    size = request.headers.get("content-length")
    if size and size.isdigit() and int(size) > MAX_BODY_BYTES:
        raise ApiError(413, f"upload too large: at most {MAX_UPLOAD_FILES} files of {MAX_UPLOAD_BYTES:,} bytes")
    async with request.form(max_files=MAX_UPLOAD_FILES, max_fields=20, max_part_size=4 * MAX_PASTE_CHARS) as form:
        files = []
        for item in form.getlist("files"):
            if isinstance(item, str) or not getattr(item, "filename", None):
                continue
            data = await item.read(MAX_UPLOAD_BYTES + 1)  # one byte more tells "too large"
            files.append((str(item.filename).rsplit("/", 1)[-1], data))
        paste = str(form.get("text") or "")
        declared = {k: v for k in ("title", "url", "outlet", "published") if (v := optional(form.get(k)))}
    if len(paste) > MAX_PASTE_CHARS:
        raise ApiError(413, f"pasted text too long: at most {MAX_PASTE_CHARS:,} characters")
    if not files and not paste.strip():
        raise ApiError(422, "nothing to ingest: choose files or paste a text")
    docs, rejected = upload_documents(files)
    if paste.strip():
        docs.append(RawDocument(path="pasted text", fmt="text", text=paste, declared=declared))
    articles, rejected = await run_in_threadpool(_build, docs, rejected)
    outcome = await run_in_threadpool(_serialised, request, st.pipeline().ingest_articles, articles, rejected)
    by_id = {a.id: a for a in articles}
    rows = [{"id": aid, "path": by_id[aid].path, "title": by_id[aid].title,
             "status": "stored" if aid in outcome.stored else "unchanged", "event": st.store.event_of_article(aid)}
            for aid in outcome.articles]
    return render(request, "ingest.html", {"outcome": outcome, "rows": rows, "limits": _limits()},
                  status=201 if outcome.stored else 200)


# ---------------------------------------------------------------- login

@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    """The token form; ``?token=`` logs in once and redirects (the token leaves the URL)."""
    st = state(request)
    nxt = local_path(request.query_params.get("next"))
    token = request.query_params.get("token")
    if token is not None:
        if hmac.compare_digest(token.encode(), st.token.encode()):
            return _logged_in(request, nxt, request.query_params.get("author"))
        return render(request, "login.html", {"next": nxt, "error": "wrong token"}, status=401)
    return render(request, "login.html", {"next": nxt, "error": None})


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    st = state(request)
    form = await request.form()
    nxt = local_path(optional(form.get("next")))
    token = str(form.get("token") or "")
    if not token or not hmac.compare_digest(token.encode(), st.token.encode()):
        return render(request, "login.html", {"next": nxt, "error": "wrong token"}, status=401)
    return _logged_in(request, nxt, optional(form.get("author")))


def _logged_in(request: Request, nxt: str, author: str | None) -> Response:
    st = state(request)
    response = RedirectResponse(nxt, status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(TOKEN_COOKIE, st.token, max_age=COOKIE_MAX_AGE, httponly=True, samesite="strict",
                        secure=secure, path="/")
    if author:
        response.set_cookie(AUTHOR_COOKIE, author[:200], max_age=COOKIE_MAX_AGE, httponly=True,
                            samesite="strict", secure=secure, path="/")
    return response


@router.api_route("/logout", methods=["GET", "POST"])
def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(TOKEN_COOKIE, path="/")
    return response


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a plain page: Swagger UI at /docs needs a CDN and inline
    scripts, which the CSP and an offline machine both refuse."""
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [(p.get("name"), p.get("in"), p.get("required", False), (p.get("schema") or {}).get("type", ""))
                      for p in op.get("parameters", [])]
            body = ((op.get("requestBody") or {}).get("content") or {}).get("application/json", {}).get("schema", {})
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "params": params, "body": (body.get("$ref") or "").rsplit("/", 1)[-1],
                           "write": method.lower() != "get"})
    schemas = spec.get("components", {}).get("schemas", {})
    models = {name: s for name, s in schemas.items() if name in {r["body"] for r in routes}}
    return render(request, "api_docs.html", {"routes": routes, "models": models, "spec": spec})
