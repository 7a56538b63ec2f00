"""The command line as a user meets it: summaries, exit codes, one-line errors, idempotence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe.cli import app, main

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_cli_bad_inputs_are_reported_one_line_each_and_the_batch_goes_on(tmp_path):
    db = str(tmp_path / "r.db")
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n{not json\n', encoding="utf-8")
    (tmp_path / "big.txt").write_text("mot " * 400, encoding="utf-8")
    result = _run("ingest", str(tmp_path), "--db", db, "--max-bytes", "1000", "-q")
    assert result.exit_code == 1
    lines = [l for l in result.stderr.splitlines() if l.startswith("rejected:")]
    named = " ".join(lines)
    for name in ("empty.txt", "binary.txt", "notes.docx", "feed.jsonl:2", "big.txt"):
        assert name in named, f"{name} not reported: {lines}"
    assert all(len(l) < 300 for l in lines)
    assert re.search(r"\d+ stored, \d+ unchanged, 5 rejected", result.stderr)
    # The rejections are kept in the store and listed, once each even after a re-run.
    _run("ingest", str(tmp_path), "--db", db, "--max-bytes", "1000", "-q")
    listed = _run("rejected", "--db", db, "--format", "json")
    assert len(json.loads(listed.stdout)) == 5


def test_cli_unknown_event_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["recoupe", "dossier", "nope", "--db", str(tmp_path / "r.db")])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 1
    assert capsys.readouterr().err.strip().startswith("recoupe: error: no event 'nope'")


def test_cli_schema_prints_the_json_schema():
    result = _run("schema")
    schema = json.loads(result.stdout)
    assert {"articles", "events"} <= set(schema["properties"])


@pytest.mark.slow
def test_cli_ingest_twice_changes_nothing(tmp_path, samples_dir):
    db = str(tmp_path / "r.db")
    first = _run("ingest", str(samples_dir), "--db", db, "-q")
    assert re.search(r"[1-9]\d* stored, 0 unchanged", first.stderr), first.stderr
    before = _run("articles", "--db", db, "--format", "json").stdout
    events_before = _run("events", "--db", db, "--format", "json").stdout
    second = _run("ingest", str(samples_dir), "--db", db, "-q")
    assert re.search(r"^0 stored, [1-9]\d* unchanged", second.stderr, re.M), second.stderr
    assert _run("articles", "--db", db, "--format", "json").stdout == before
    assert _run("events", "--db", db, "--format", "json").stdout == events_before


def test_cli_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = [c for c in commands if f"recoupe {c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_cli_every_setting_is_documented_in_the_readme():
    from recoupe.settings import describe

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _, _ in describe() if f"`{name}`" not in readme]
    assert not missing, f"settings missing from README.md: {missing}"
