"""A bad environment stops the CLI with one line on stderr and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("CLEANCLAIM_", "DATABASE_"))},
        "PYTHONPATH": str(SRC),
        "CLEANCLAIM_VAR_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "cleanclaim", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
        check=False,
    )


def test_it_prints_one_line_naming_the_variable(tmp_path: Path) -> None:
    result = _run(tmp_path, "manage", "check", CLEANCLAIM_SESSION_IDLE_MINUTES="soon")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "cleanclaim manage: CLEANCLAIM_SESSION_IDLE_MINUTES: expected a whole number, got 'soon'"
    ]
    assert "Traceback" not in result.stderr


def test_it_rejects_a_bad_serve_address(tmp_path: Path) -> None:
    result = _run(tmp_path, "serve", "--addr", "localhost:http")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "cleanclaim serve: --addr: expected HOST:PORT like 127.0.0.1:8000, got 'localhost:http'"
    )


def test_it_refuses_the_demo_in_production(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        "demo",
        CLEANCLAIM_PRODUCTION="1",
        CLEANCLAIM_SECRET_KEY="p" * 50,
        CLEANCLAIM_ALLOWED_HOSTS="billing.example",
    )
    assert result.returncode == 2
    assert "refusing to create demo logins" in result.stderr
