"""Settings: defaults, then the file, then RECOUPE_* variables, then flags."""

from __future__ import annotations

import pytest

from recoupe.errors import ConfigError
from recoupe.settings import Settings, load_settings


def test_settings_precedence_file_then_environment_then_flags(tmp_path):
    cfg = tmp_path / "recoupe.yaml"
    cfg.write_text("db: from-file.db\nmax_bytes: 1000\n", encoding="utf-8")
    s = load_settings(str(cfg), environ={"RECOUPE_DB": "from-env.db"})
    assert (s.db, s.max_bytes) == ("from-env.db", 1000)
    assert s.with_overrides(db="flag.db", max_bytes=None).db == "flag.db"
    assert load_settings(None, environ={}) == Settings()


@pytest.mark.parametrize("content, message", [
    ("max_bytes: -3\n", "positive whole number"),
    ("colour: blue\n", "unknown setting"),
    ("- a\n- b\n", "must be a mapping"),
])
def test_settings_bad_file_is_a_clear_error(tmp_path, content, message):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(str(cfg), environ={})
