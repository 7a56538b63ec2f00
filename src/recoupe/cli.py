"""recoupe's command line: a thin shell over the pipeline, the store and the reports.

Errors derived from :class:`recoupe.errors.RecoupeError` become one line on stderr and an
exit code here, in one place (:func:`main`).
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.table import Table

from recoupe import __version__
from recoupe.errors import NotFound, RecoupeError
from recoupe.pipeline import Pipeline, load_dossier
from recoupe.settings import Settings, describe, load_settings
from recoupe.store import Store

app = typer.Typer(help="recoupe: cross-check the news. Ingest articles, extract facts with "
                       "evidence, group them into events, reconcile every fact across sources.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
# Piped or redirected, rich would assume 80 columns and wrap every table cell; 160 keeps a row on a line.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)

# Shared options, declared once.
DbOpt = typer.Option(None, "--db", help="Store file (default ./recoupe.db, or RECOUPE_DB); ':memory:' for none.")
ConfigOpt = typer.Option(None, "--config", help="Settings file (YAML).")


class TableOrJson(str, Enum):
    table = "table"
    json = "json"


TableFormatOpt = typer.Option(TableOrJson.table, "--format", "-f", help="table or json.")


class ReportFormat(str, Enum):
    json = "json"
    md = "md"
    html = "html"


def _settings(config: Optional[str], **flags) -> Settings:
    return load_settings(config).with_overrides(**flags)


@contextmanager
def _store(settings: Settings) -> Iterator[Store]:
    store = Store.open(settings.db)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress(enabled: bool):
    """A rich progress bar on a terminal; nothing otherwise (logs and pipes stay clean)."""
    if not (enabled and err.is_terminal):
        yield lambda stage, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _write(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


def _report_rejections(outcome) -> None:
    for r in outcome.rejected:
        err.print(f"rejected: {r.message()}", markup=False, highlight=False)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders (.txt .md .html .htm .jsonl), read recursively."),
    db: Optional[str] = DbOpt,
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Reject files larger than this (default 5000000)."),
    gazetteer: Optional[str] = typer.Option(None, "--gazetteer", help="Your own gazetteer YAML, merged over the shipped one."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    config: Optional[str] = ConfigOpt,
) -> None:
    """Ingest articles: clean, store, extract, group into events, reconcile. Re-running changes nothing."""
    settings = _settings(config, db=db, max_bytes=max_bytes, gazetteer=gazetteer)
    with _store(settings) as store, _progress(not quiet) as progress:
        outcome = Pipeline(settings, store).ingest(paths, progress)
    _report_rejections(outcome)
    err.print(outcome.summary(), highlight=False)
    if outcome.rejected:
        raise typer.Exit(1)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files or folders to analyse."),
    format: ReportFormat = typer.Option(ReportFormat.json, "--format", "-f", help="json, md or html."),
    db: Optional[str] = typer.Option(":memory:", "--db", help="Store to use (default: in memory, nothing kept)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    gazetteer: Optional[str] = typer.Option(None, "--gazetteer", help="Your own gazetteer YAML."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Reject files larger than this."),
    config: Optional[str] = ConfigOpt,
) -> None:
    """One shot: ingest PATHs and print the articles and their events (json, md or html)."""
    from recoupe.report import html as html_report
    from recoupe.report import markdown as md_report
    from recoupe.report.json import analysis_to_json

    settings = _settings(config, db=db, max_bytes=max_bytes, gazetteer=gazetteer)
    with _store(settings) as store:
        with _progress(True) as progress:
            outcome = Pipeline(settings, store).ingest(paths, progress)
        _report_rejections(outcome)
        article_ids = list(outcome.articles)
        articles = store.articles(article_ids)
        order = {aid: i for i, aid in enumerate(article_ids)}
        articles.sort(key=lambda a: order[a.id])
        event_ids = []
        for aid in article_ids:
            eid = store.event_of_article(aid)
            if eid and eid not in event_ids:
                event_ids.append(eid)
        dossiers = [d for d in (load_dossier(store, eid) for eid in event_ids) if d is not None]
        if format is ReportFormat.json:
            claims = store.claims(article_ids)
            text = json.dumps(analysis_to_json(articles, claims, dossiers), ensure_ascii=False, indent=2)
        elif format is ReportFormat.md:
            text = md_report.render(dossiers)
        else:
            text = html_report.render(dossiers)
    _write(text, output)
    err.print(outcome.summary(), highlight=False)
    if outcome.rejected:
        raise typer.Exit(1)


@app.command()
def articles(
    db: Optional[str] = DbOpt,
    format: TableOrJson = TableFormatOpt,
    show_removed: bool = typer.Option(False, "--show-removed", help="Also list the junk lines removed, with the rule that removed each."),
    config: Optional[str] = ConfigOpt,
) -> None:
    """List stored articles."""
    from recoupe.report.json import article_to_json

    settings = _settings(config, db=db)
    with _store(settings) as store:
        items = store.articles()
    if format is TableOrJson.json:
        rows = [article_to_json(a) for a in items]
        if not show_removed:
            for r in rows:
                r.pop("removed", None)
        _write(json.dumps(rows, ensure_ascii=False, indent=2), None)
        return
    table = Table("id", "published", "lang", "kind", "outlet", "author", "title", "path")
    for a in items:
        table.add_row(a.id, a.published or "", a.language or "?", a.kind, a.outlet or "",
                      a.author or "", (a.title or "")[:60], a.path)
    out.print(table)
    if show_removed:
        for a in items:
            for r in a.removed:
                out.print(f"{a.id}  [{r.reason}]  {r.line}", markup=False, highlight=False)


@app.command()
def rejected(
    db: Optional[str] = DbOpt,
    format: TableOrJson = TableFormatOpt,
    config: Optional[str] = ConfigOpt,
) -> None:
    """List the files and lines that were rejected, with the reason."""
    settings = _settings(config, db=db)
    with _store(settings) as store:
        items = store.rejections()
    if format is TableOrJson.json:
        _write(json.dumps([{"path": r.path, "line": r.line, "reason": r.reason} for r in items],
                          ensure_ascii=False, indent=2), None)
        return
    for r in items:
        out.print(r.message(), markup=False, highlight=False)
    err.print(f"{len(items)} rejected", highlight=False)


@app.command()
def entities(
    db: Optional[str] = DbOpt,
    format: TableOrJson = TableFormatOpt,
    config: Optional[str] = ConfigOpt,
) -> None:
    """List canonical actors with their aliases and how many articles name them."""
    settings = _settings(config, db=db)
    with _store(settings) as store:
        counts = store.actor_counts()
        known = store.entities([c[0] for c in counts])
    rows = []
    for eid, n_articles, n_mentions in counts:
        e = known.get(eid)
        rows.append({"id": eid, "name": e.name if e else eid, "kind": e.kind if e else eid.split(":")[0],
                     "aliases": list(e.aliases) if e else [], "articles": n_articles, "mentions": n_mentions})
    if format is TableOrJson.json:
        _write(json.dumps(rows, ensure_ascii=False, indent=2), None)
        return
    table = Table("id", "name", "kind", "articles", "mentions", "aliases")
    for r in rows:
        table.add_row(r["id"], r["name"], r["kind"], str(r["articles"]), str(r["mentions"]),
                      ", ".join(r["aliases"][:6]))
    out.print(table)


@app.command()
def events(
    db: Optional[str] = DbOpt,
    format: TableOrJson = TableFormatOpt,
    config: Optional[str] = ConfigOpt,
) -> None:
    """List events with their article, source and conflict counts."""
    settings = _settings(config, db=db)
    with _store(settings) as store:
        items = store.events()
        facts = store.fact_rows()
        derivs = store.derivations()
    conflicts: dict[str, int] = {}
    dates: dict[str, str] = {}
    for f in facts:
        if f["status"] == "conflicting":
            conflicts[f["event_id"]] = conflicts.get(f["event_id"], 0) + 1
        if f["slot"] == "date" and not f["planned"] and f["value"]:
            dates.setdefault(f["event_id"], f["value"])
    derived = {d.article for d in derivs}
    rows = [{"id": ev.id, "title": ev.title, "date": dates.get(ev.id), "articles": len(ev.articles),
             "independent_sources": len([a for a in ev.articles if a not in derived]),
             "conflicts": conflicts.get(ev.id, 0)} for ev in items]
    if format is TableOrJson.json:
        _write(json.dumps(rows, ensure_ascii=False, indent=2), None)
        return
    table = Table("id", "date", "articles", "independent", "conflicts", "title")
    for r in rows:
        table.add_row(r["id"], r["date"] or "", str(r["articles"]), str(r["independent_sources"]),
                      str(r["conflicts"]), r["title"][:70])
    out.print(table)


@app.command()
def dossier(
    event: str = typer.Argument(..., help="Event id (see `recoupe events`)."),
    db: Optional[str] = DbOpt,
    format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f", help="md, html or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    config: Optional[str] = ConfigOpt,
) -> None:
    """The dossier of one event: facts with statuses, conflicts, quotes, sources."""
    from recoupe.report import html as html_report
    from recoupe.report import markdown as md_report
    from recoupe.report.json import dossier_to_json

    settings = _settings(config, db=db)
    with _store(settings) as store:
        d = load_dossier(store, event)
    if d is None:
        raise NotFound(f"no event {event!r} in {settings.db}")
    if format is ReportFormat.json:
        text = json.dumps(dossier_to_json(d), ensure_ascii=False, indent=2)
    elif format is ReportFormat.md:
        text = md_report.render([d])
    else:
        text = html_report.render([d])
    _write(text, output)


@app.command()
def schema() -> None:
    """Print the JSON Schema of `analyze --format json`."""
    from importlib.resources import files

    _write(files("recoupe").joinpath("schema/recoupe.schema.json").read_text(encoding="utf-8"), None)


@app.command()
def settings() -> None:
    """List every setting with its default and meaning."""
    table = Table("setting", "default", "meaning")
    for name, default, help_text in describe():
        table.add_row(name, default, help_text)
    out.print(table)


@app.command()
def serve(
    db: Optional[str] = DbOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (non-loopback needs RECOUPE_TOKEN)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    config: Optional[str] = ConfigOpt,
) -> None:
    """Serve the web workbench and the HTTP API over the store."""
    import uvicorn

    from recoupe.web.app import check_bind, create_app

    settings = _settings(config, db=db)
    check_bind(host, settings.token)
    store = Store.open(settings.db)
    web = create_app(settings, store)
    if web.state.recoupe.generated_token:
        # No RECOUPE_TOKEN: writes use a token made for this run only, shown to whoever started it.
        err.print(f"no RECOUPE_TOKEN set: this session's write token is {web.state.recoupe.token}\n"
                  f"sign in for judgements at http://{host}:{port}/login", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="info")


@app.command()
def version() -> None:
    """Print recoupe's version."""
    _write(__version__, None)


def main() -> None:
    """Entry point: turn recoupe's own errors into one line and an exit code."""
    try:
        app()
    except RecoupeError as exc:
        err.print(f"recoupe: error: {exc}", markup=False, highlight=False)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
