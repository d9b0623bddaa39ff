"""``cleanclaim sandbox serve``: serves on the ports asked until stopped; a bad world or
user is one line and exit status 2."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from cleanclaim.cli import build_parser, main
from cleanclaim.cli import sandbox as cli_sandbox


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _connect(port: int, seconds: float = 20.0) -> socket.socket:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_it_serves_until_stopped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sftp, core = _free_port(), _free_port()
    args = build_parser().parse_args(
        [
            "sandbox",
            "serve",
            "--root",
            str(tmp_path),
            "--sftp-port",
            str(sftp),
            "--core-port",
            str(core),
            "--today",
            "2026-11-05",
            "--user",
            "demo:secret",
        ]
    )
    stop = threading.Event()
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(cli_sandbox.run(args, stop=stop)))
    thread.start()
    try:
        # the servers listen once both are up (the host key is written before): retry
        # the connection until then, a loaded machine may take a while
        with _connect(sftp) as conn:
            assert conn.recv(4).startswith(b"SSH-")
        _connect(core).close()
    finally:
        stop.set()
        thread.join(10)
    assert done == [0]
    assert (tmp_path / "sftp" / "demo" / "inbound").is_dir()


def test_it_refuses_a_bad_world(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"payers": [{"payer_id": "1"}]}))
    status = main(["sandbox", "serve", "--root", str(tmp_path), "--world", str(world)])
    assert status == 2
    assert "world.payers[0].name is required" in capsys.readouterr().err


def test_it_refuses_a_user_without_a_password(tmp_path: Path, capsys) -> None:
    assert main(["sandbox", "serve", "--root", str(tmp_path), "--user", "demo"]) == 2
    assert "NAME:PASSWORD" in capsys.readouterr().err


def test_it_reads_the_users_from_a_file(tmp_path: Path, monkeypatch) -> None:
    secret = tmp_path / "users"
    secret.write_text("demo:from-file,other:two\n")
    monkeypatch.delenv("CLEANCLAIM_SANDBOX_USERS", raising=False)
    monkeypatch.setenv("CLEANCLAIM_SANDBOX_USERS_FILE", str(secret))
    assert cli_sandbox._users([]) == {"demo": "from-file", "other": "two"}
    assert cli_sandbox._users(["x:y"]) == {"x": "y"}
