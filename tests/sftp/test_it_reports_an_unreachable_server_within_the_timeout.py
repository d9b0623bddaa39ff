"""Nothing listening, or something listening that never speaks SSH: ``Unreachable`` in
plain words, within the timeout, never a hang."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from cleanclaim.clearinghouses.sftp.transport import SftpSettings, SftpTransport, Unreachable


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says anything."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield int(listener.getsockname()[1])


def test_it_reports_nothing_listening(closed_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(Unreachable) as failed:
        SftpTransport(SftpSettings(host="127.0.0.1", port=closed_port, timeout=2.0)).connect()
    assert time.monotonic() - started < 2.0
    assert failed.value.message == (
        f"the SFTP server 127.0.0.1:{closed_port} could not be reached (Connection refused)"
    )


def test_it_gives_up_on_a_silent_server_within_the_timeout(silent_port: int) -> None:
    settings = SftpSettings(host="127.0.0.1", port=silent_port, password="pw", timeout=1.0)
    started = time.monotonic()
    with pytest.raises(Unreachable, match=f"127.0.0.1:{silent_port} did not complete"):
        SftpTransport(settings).connect()
    assert time.monotonic() - started < 3.0


def test_it_reports_an_unknown_host() -> None:
    settings = SftpSettings(host="no-such-host.invalid", timeout=2.0)
    with pytest.raises(Unreachable, match=r"no-such-host\.invalid:22 could not be reached"):
        SftpTransport(settings).connect()
