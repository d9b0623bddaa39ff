"""Fixtures for the SFTP tests: the sandbox's SFTP server on loopback, and settings to
reach it. Alice and Bob are two submitters of the same clearinghouse; each sees only
their own folder."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.clearinghouses.sftp.transport import SftpSettings
from cleanclaim.sandbox.sftp_server import SftpServer

PASSWORDS = {"alice": "alice-secret-42", "bob": "bob-secret-17"}


@dataclass
class Received:
    """What the server's ``on_upload`` saw, in order: (user, file name, bytes)."""

    files: list[tuple[str, str, bytes]] = field(default_factory=list)
    #: The most calls seen running at the same time.
    most_at_once: int = 0
    _running: int = 0

    def __call__(self, user: str, path: Path) -> None:
        self._running += 1
        self.most_at_once = max(self.most_at_once, self._running)
        time.sleep(0.005)  # a window for an overlapping call to show
        self.files.append((user, path.name, path.read_bytes()))
        self._running -= 1


@pytest.fixture
def received() -> Received:
    return Received()


@pytest.fixture
def sandbox(tmp_path: Path, received: Received) -> Iterator[SftpServer]:
    server = SftpServer(
        tmp_path / "root",
        host_key_path=tmp_path / "keys" / "host_key",
        users=dict(PASSWORDS),
        on_upload=received,
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings_for(sandbox: SftpServer) -> Callable[..., SftpSettings]:
    """Settings reaching the sandbox as ``user`` (Alice by default), with overrides."""

    def make(user: str = "alice", **overrides: Any) -> SftpSettings:
        values: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": sandbox.port,
            "username": user,
            "password": PASSWORDS.get(user, ""),
            "timeout": 5.0,
        }
        values.update(overrides)
        return SftpSettings(**values)

    return make
