"""A connection cut mid-upload leaves only the temporary file; sending again completes
with exactly one final file and one ``on_upload``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cleanclaim.clearinghouses.sftp.transport import SftpSettings, SftpTransport, TransferCut
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import Received

DATA = bytes(range(256)) * 2000  # 512,000 bytes


def test_it_leaves_a_temporary_file_then_completes_on_the_retry(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings], received: Received
) -> None:
    sandbox.cut_after_bytes = 100_000
    inbound = sandbox.root / "alice" / "inbound"

    with SftpTransport(settings_for()) as sftp, pytest.raises(TransferCut) as cut:
        sftp.upload("B000007.837", DATA)

    assert "127.0.0.1" in cut.value.message and "B000007.837" in cut.value.message
    assert [p.name for p in inbound.iterdir()] == ["B000007.837.part"]
    assert (inbound / "B000007.837.part").stat().st_size <= 100_000
    assert received.files == []
    assert sandbox.cut_after_bytes is None  # the fault fires once

    with SftpTransport(settings_for()) as sftp:
        again = sftp.upload("B000007.837", DATA)
        once_more = sftp.upload("B000007.837", DATA)

    assert again.already_there is False and once_more.already_there is True
    assert [p.name for p in inbound.iterdir()] == ["B000007.837"]
    assert (inbound / "B000007.837").read_bytes() == DATA
    assert received.files == [("alice", "B000007.837", DATA)]
