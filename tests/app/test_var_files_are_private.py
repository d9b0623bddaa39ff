"""``var/`` is 0700 and the SQLite database and the secret key 0600, whatever the
umask, and files left looser by an older version are tightened on start."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanclaim.web.config import load


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def test_it_creates_var_the_database_and_the_key_private(tmp_path: Path, umask: int) -> None:
    var = tmp_path / "deep" / "var"
    config = load({"CLEANCLAIM_VAR_DIR": str(var)})
    assert _mode(var) == 0o700
    assert _mode(Path(config.databases["default"]["NAME"])) == 0o600
    assert _mode(var / "secret_key") == 0o600


def test_it_tightens_what_an_older_version_left_readable(tmp_path: Path, umask: int) -> None:
    var = tmp_path / "var"
    var.mkdir()
    for name in ("cleanclaim.sqlite3", "cleanclaim.sqlite3-wal", "secret_key"):
        (var / name).write_text("k" * 60)
        (var / name).chmod(0o644)
    var.chmod(0o755)
    load({"CLEANCLAIM_VAR_DIR": str(var)})
    assert _mode(var) == 0o700
    for name in ("cleanclaim.sqlite3", "cleanclaim.sqlite3-wal", "secret_key"):
        assert _mode(var / name) == 0o600, name


def test_it_makes_a_database_outside_var_private_too(tmp_path: Path, umask: int) -> None:
    db = tmp_path / "elsewhere" / "billing.db"
    load({"CLEANCLAIM_VAR_DIR": str(tmp_path / "var"), "DATABASE_URL": f"sqlite:///{db}"})
    assert _mode(db) == 0o600
