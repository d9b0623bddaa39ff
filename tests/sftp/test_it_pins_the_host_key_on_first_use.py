"""The host key is accepted and exposed on first use, checked afterwards; a different key
is refused before any credential is sent, naming the host and both fingerprints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import paramiko
import pytest

from cleanclaim.clearinghouses.sftp.transport import (
    HostKeyMismatch,
    SftpSettings,
    SftpTransport,
    fingerprint,
)
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import PASSWORDS


class _Watched(dict[str, str]):
    """A user table that notes every sign-in attempt the server looks up."""

    asked: list[str]

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.append(key)
        return super().get(key, default)


def test_it_exposes_the_key_then_accepts_it_pinned(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with SftpTransport(settings_for()) as first:
        seen = first.host_key
    assert seen == sandbox.host_key
    assert seen.startswith("ssh-ed25519 AAAA")

    with SftpTransport(settings_for(pinned_host_key=seen)) as pinned:
        assert pinned.list_outbound() == []


def test_it_refuses_another_key_before_signing_in(tmp_path: Path) -> None:
    users = _Watched(PASSWORDS)
    users.asked = []
    first = SftpServer(tmp_path / "root", host_key_path=tmp_path / "key1", users=users)
    first.start()
    pinned = first.host_key
    first.stop()
    impostor = SftpServer(tmp_path / "root", host_key_path=tmp_path / "key2", users=users)
    impostor.start()
    try:
        settings = SftpSettings(
            host="127.0.0.1",
            port=impostor.port,
            username="alice",
            password=PASSWORDS["alice"],
            pinned_host_key=pinned,
            timeout=5.0,
        )
        users.asked.clear()
        with pytest.raises(HostKeyMismatch) as refused:
            SftpTransport(settings).connect()
    finally:
        impostor.stop()

    assert users.asked == []  # no password was offered to the impostor
    message = refused.value.message
    assert f"127.0.0.1:{impostor.port}" in message
    assert fingerprint(pinned) in message and fingerprint(impostor.host_key) in message
    assert fingerprint(pinned) != fingerprint(impostor.host_key)
    assert PASSWORDS["alice"] not in message


def test_it_prints_fingerprints_as_openssh_does(tmp_path: Path, sandbox: SftpServer) -> None:
    key = paramiko.PKey.from_path(tmp_path / "keys" / "host_key")
    assert fingerprint(sandbox.host_key) == key.fingerprint
    assert fingerprint(sandbox.host_key).startswith("SHA256:")
