"""The web workbench and HTTP API: an app factory over one store.

``create_app(settings, store)`` builds a FastAPI app with two routers: ``web.api`` (JSON under
``/api``) and ``web.pages`` (server-rendered pages). Security lives here, in one place:

* every write needs the bearer token (``Authorization: Bearer <token>``, or for the browser
  the HttpOnly cookie set by ``/login``); reads are open;
* ``serve`` refuses a non-loopback address without a token (:func:`check_bind`);
* a Content-Security-Policy forbids inline scripts and any asset from elsewhere;
* one error shape for the API: ``{"ok": false, "error": ..., "status": ...}``.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from recoupe.errors import ConfigError, NotFound, RecoupeError
from recoupe.settings import Settings
from recoupe.store import Store

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "recoupe_token"

# Uploads are hostile input: bounded in count and size before anything is parsed.
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 5_000_000  # per file; the same default as the CLI's --max-bytes
MAX_PASTE_CHARS = 1_000_000

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token: reads would be public and
    writes impossible to protect."""
    if token:
        return
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ConfigError(f"refusing to bind {host}: set RECOUPE_TOKEN to serve beyond loopback")


@dataclass
class WebState:
    """What the routers share: settings, the store, the write token, the pipeline (lazy)."""

    settings: Settings
    store: Store
    token: str
    templates: Jinja2Templates
    generated_token: bool = False
    _pipeline: Any = field(default=None, repr=False)
    # Writes (ingest, judgements) run one at a time: the pipeline and its models are shared.
    write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def pipeline(self) -> Any:
        if self._pipeline is None:
            from recoupe.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings, self.store)
        return self._pipeline

    def authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(TOKEN_COOKIE, "")
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())


class ApiError(RecoupeError):
    """An error with an HTTP status, raised by the routers."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _error_body(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def create_app(settings: Settings, store: Store, pipeline: Any = None) -> FastAPI:
    """The app. ``pipeline`` may be passed in (tests share one with loaded models)."""
    from recoupe.web import api, pages

    token = settings.token or secrets.token_urlsafe(24)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape is on for .html
    state = WebState(settings, store, token, templates, generated_token=not settings.token,
                     _pipeline=pipeline)
    # Swagger UI and ReDoc load scripts from a CDN and inline: impossible offline and under our
    # CSP. The OpenAPI document stays at /openapi.json, described for people at /api-docs.
    app = FastAPI(title="recoupe", version=_version(), docs_url=None, redoc_url=None,
                  description="Cross-checked news events: reads are open, writes need a bearer token.")
    app.state.recoupe = state

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api")

    def page_error(request: Request, status: int, message: str) -> HTMLResponse:
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        if wants_json(request):
            return JSONResponse(_error_body(exc.status, str(exc)), status_code=exc.status)
        return page_error(request, exc.status, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        if wants_json(request):
            return JSONResponse(_error_body(404, str(exc)), status_code=404)
        return page_error(request, 404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if wants_json(request):
            return JSONResponse(_error_body(exc.status_code, message), status_code=exc.status_code)
        return page_error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        message = f"invalid request: {where}: {first.get('msg', 'bad value')}" if where else "invalid request"
        if wants_json(request):
            return JSONResponse(_error_body(422, message), status_code=422)
        return page_error(request, 422, message)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


def _version() -> str:
    from recoupe import __version__

    return __version__
