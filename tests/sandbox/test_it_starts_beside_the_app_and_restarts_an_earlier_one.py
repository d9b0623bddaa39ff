"""``cleanclaim sandbox start`` (what ``make run`` runs): the sandbox serves in the
background; a second start stops the first and serves again on the same ports (a
second ``make run`` never fails on its own earlier sandbox); a port another program
holds is a plain error naming the setting; ``stop`` ends it."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from cleanclaim.cli import CLIError, _sandbox_run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_it_restarts_an_earlier_sandbox_and_stops(tmp_path: Path) -> None:
    root = tmp_path / "sandbox"
    sftp, core = _free_port(), _free_port()
    users = tmp_path / "users"
    users.write_text("demo:a-password\n")
    first = _sandbox_run.start(
        root, host="127.0.0.1", sftp_port=sftp, core_port=core, users_file=users
    )
    try:
        second = _sandbox_run.start(
            root, host="127.0.0.1", sftp_port=sftp, core_port=core, users_file=users
        )
        assert second != first and not _alive(first)
        assert (root / "sandbox.pid").read_text().strip() == str(second)
        with socket.create_connection(("127.0.0.1", sftp), timeout=2) as s:
            assert s.recv(4).startswith(b"SSH-")
    finally:
        assert _sandbox_run.stop(root)
    assert not _alive(second)
    assert not _sandbox_run.stop(root)  # nothing left to stop


def test_it_names_the_setting_when_another_program_holds_the_port(tmp_path: Path) -> None:
    with socket.socket() as stranger:
        stranger.bind(("127.0.0.1", 0))
        stranger.listen()
        taken = stranger.getsockname()[1]
        with pytest.raises(CLIError, match="CLEANCLAIM_SANDBOX_SFTP_PORT"):
            _sandbox_run.start(
                tmp_path, host="127.0.0.1", sftp_port=taken, core_port=_free_port(), users_file=None
            )
