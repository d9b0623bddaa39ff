"""``cleanclaim scheduler start`` (run by ``make run``) runs the scheduler in the
background with a pid file; ``stop`` stops it; with a broker the scheduler refuses,
naming the setting."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleanclaim.cli import scheduler as cli

SRC = Path(__file__).resolve().parents[2] / "src"


def test_it_starts_in_the_background_and_stops(tmp_path, monkeypatch) -> None:
    for name in [k for k in os.environ if k.startswith("CELERY_")] + ["DATABASE_URL"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLEANCLAIM_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    pid = cli.start(tmp_path)
    try:
        assert (tmp_path / cli.PID_FILE).read_text().strip() == str(pid)
        deadline = time.monotonic() + 20
        log = tmp_path / cli.LOG_FILE
        while time.monotonic() < deadline and "cleanclaim scheduler (pid" not in log.read_text():
            time.sleep(0.2)
        assert f"cleanclaim scheduler (pid {pid}, clock UTC): poll every 5 minutes" in (
            log.read_text()
        )
        assert cli.start(tmp_path) != pid  # a second start replaces the first
        assert not cli._alive_scheduler(pid)
    finally:
        assert cli.stop(tmp_path) is True
    assert not (tmp_path / cli.PID_FILE).exists()
    assert cli.stop(tmp_path) is False


@pytest.mark.parametrize("command", [["scheduler", "run"], ["beat"]])
def test_it_refuses_the_wrong_clock_naming_the_setting(tmp_path, command) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.pop("DATABASE_URL", None)
    env.update(CLEANCLAIM_VAR_DIR=str(tmp_path), PYTHONPATH=str(SRC))
    if command[0] == "scheduler":
        env["CELERY_BROKER_URL"] = "redis://127.0.0.1:1/0"
    out = subprocess.run(
        [sys.executable, "-m", "cleanclaim", *command], env=env, capture_output=True, text=True
    )
    assert out.returncode == 2
    assert "CELERY_BROKER_URL is" in out.stderr
