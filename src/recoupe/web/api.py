"""The HTTP API under ``/api``: the same records as ``recoupe analyze --format json``.

Reads are open; writes (``POST``) need the bearer token. Pydantic models live here, at the
edge, and are turned into recoupe's records before anything else sees them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from recoupe.errors import NotFound
from recoupe.records import Judgement, RawDocument, Rejected
from recoupe.web.app import MAX_PASTE_CHARS, ApiError, WebState

router = APIRouter(prefix="/api", tags=["api"])

JUDGEMENT_ACTIONS = ("confirm", "reject", "choose", "merge", "split")


def state(request: Request) -> WebState:
    return request.app.state.recoupe


def require_token(request: Request) -> None:
    """Every write needs ``Authorization: Bearer $RECOUPE_TOKEN`` (401 without it)."""
    if not state(request).authorised(request):
        raise ApiError(401, "this write needs Authorization: Bearer <RECOUPE_TOKEN>")


class ArticleIn(BaseModel):
    """One article to ingest, as in a JSON Lines file: ``text`` or ``html``, and metadata."""

    text: Optional[str] = Field(None, max_length=MAX_PASTE_CHARS)
    html: Optional[str] = Field(None, max_length=MAX_PASTE_CHARS)
    url: Optional[str] = Field(None, max_length=2000)
    title: Optional[str] = Field(None, max_length=1000)
    author: Optional[str] = Field(None, max_length=300)
    published: Optional[str] = Field(None, max_length=40)
    outlet: Optional[str] = Field(None, max_length=300)

    @model_validator(mode="after")
    def one_body(self) -> "ArticleIn":
        if not (self.text or self.html):
            raise ValueError("give the article's text or html")
        return self


class JudgementIn(BaseModel):
    target: str = Field(..., min_length=3, max_length=300,
                        description="claim:<article>:<start>:<end>:<slot>, fact:<event>:<slot> or event:<id>")
    action: Literal["confirm", "reject", "choose", "merge", "split"]
    value: Optional[str] = Field(None, max_length=2000)
    author: str = Field(..., min_length=1, max_length=200)


def event_record(st: WebState, event_id: str) -> dict[str, Any]:
    """The stored dossier record of an event (kept up to date with judgements)."""
    record = st.store.dossier_record(event_id)
    if record is None:
        if st.store.event(event_id) is None:
            raise NotFound(f"no event {event_id!r}")
        dossier = st.pipeline().refresh_dossier(event_id)
        record = st.store.dossier_record(event_id) if dossier else None
    if record is None:
        raise NotFound(f"no event {event_id!r}")
    return record


@router.get("/events", summary="Events, newest first, with search and filters")
def list_events(request: Request, q: Optional[str] = Query(None, max_length=200),
                actor: Optional[str] = Query(None, max_length=200),
                domain: Optional[str] = Query(None, max_length=40),
                has_conflicts: bool = False,
                date_from: Optional[str] = Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
                date_to: Optional[str] = Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
                limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    rows = state(request).store.event_summaries(q=q, actor=actor, domain=domain, has_conflicts=has_conflicts,
                                                date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    return {"ok": True, "events": rows}


@router.get("/events/{event_id}", summary="One event: the same record as `analyze --format json`")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return event_record(state(request), event_id)


@router.get("/articles/{article_id}", summary="One article with its claims and evidence")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    from recoupe.report.json import article_to_json

    st = state(request)
    article = st.store.article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}")
    record = article_to_json(article, st.store.claims([article_id]).get(article_id, ()))
    record["event"] = st.store.event_of_article(article_id)
    return record


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest one article (text or html, with optional metadata)")
def post_article(request: Request, body: ArticleIn):
    st = state(request)
    declared = {k: v for k, v in body.model_dump().items() if k not in ("text", "html") and v}
    raw = RawDocument(path=f"api:{declared.get('url') or 'post'}", fmt="html" if body.html else "text",
                      text=body.html or body.text, declared=declared)
    article = st.pipeline().build(raw)
    if isinstance(article, Rejected):
        raise ApiError(422, f"article rejected: {article.reason}")
    with st.write_lock:
        outcome = st.pipeline().ingest_articles([article])
    created = bool(outcome.stored)
    return JSONResponse({"ok": True, "id": article.id, "stored": created,
                         "event": st.store.event_of_article(article.id)},
                        status_code=201 if created else 200)


@router.post("/judgements", status_code=201, dependencies=[Depends(require_token)],
             summary="Record an analyst's judgement; it survives re-analysis")
def post_judgement(request: Request, body: JudgementIn) -> dict[str, Any]:
    st = state(request)
    _check_target(st, body)
    j = Judgement(target=body.target, action=body.action, value=body.value, author=body.author,
                  at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    with st.write_lock:
        events = st.pipeline().judge(j)
    return {"ok": True, "judgement": {"target": j.target, "action": j.action, "value": j.value,
                                      "author": j.author, "at": j.at}, "events": events}


def _check_target(st: WebState, body: JudgementIn) -> None:
    kind, _, rest = body.target.partition(":")
    parts = rest.split(":")
    if kind == "event":
        if st.store.event(rest) is None:
            raise NotFound(f"no event {rest!r}")
        if body.action not in ("merge", "split"):
            raise ApiError(422, "an event judgement is merge or split")
        if body.action == "merge" and (not body.value or st.store.event(body.value) is None):
            raise ApiError(422, "merge needs the id of another event as value")
        if body.action == "split" and not body.value:
            raise ApiError(422, "split needs the comma-separated article ids to move out as value")
    elif kind == "fact":
        if len(parts) != 2 or st.store.event(parts[0]) is None:
            raise ApiError(422, "a fact target is fact:<event>:<slot> of a stored event")
        if body.action == "choose" and not body.value:
            raise ApiError(422, "choose needs the chosen value")
    elif kind == "claim":
        if len(parts) != 4 or st.store.article(parts[0]) is None:
            raise ApiError(422, "a claim target is claim:<article>:<start>:<end>:<slot> of a stored article")
        if body.action not in ("confirm", "reject"):
            raise ApiError(422, "a claim judgement is confirm or reject")
    else:
        raise ApiError(422, "target must start with claim:, fact: or event:")
