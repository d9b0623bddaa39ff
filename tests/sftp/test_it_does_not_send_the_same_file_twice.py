"""The same bytes under a name already in inbound are not sent again (``already_there``);
other bytes under that name are refused, never overwritten."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from cleanclaim.clearinghouses.sftp.transport import SftpError, SftpSettings, SftpTransport
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import Received


def test_it_answers_already_there_for_the_same_bytes(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings], received: Received
) -> None:
    with SftpTransport(settings_for()) as sftp:
        first = sftp.upload("B000010.837", b"ISA*same bytes~")
    with SftpTransport(settings_for()) as sftp:
        second = sftp.upload("B000010.837", b"ISA*same bytes~")

    assert (first.already_there, second.already_there) == (False, True)
    assert second.sha256 == first.sha256 == hashlib.sha256(b"ISA*same bytes~").hexdigest()
    assert len(received.files) == 1


@pytest.mark.parametrize("other", [b"ISA*other bytes~", b"ISA*same bytes~ and more"])
def test_it_refuses_other_bytes_under_the_same_name(
    sandbox: SftpServer,
    settings_for: Callable[..., SftpSettings],
    received: Received,
    other: bytes,
) -> None:
    with SftpTransport(settings_for()) as sftp:
        sftp.upload("B000011.837", b"ISA*same bytes~")
        with pytest.raises(SftpError, match=r"already in inbound .* other content") as refused:
            sftp.upload("B000011.837", other)

    assert "127.0.0.1" in refused.value.message
    inbound = sandbox.root / "alice" / "inbound"
    assert (inbound / "B000011.837").read_bytes() == b"ISA*same bytes~"
    assert [p.name for p in inbound.iterdir()] == ["B000011.837"]
    assert len(received.files) == 1
