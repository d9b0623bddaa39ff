"""A batch goes to a temporary name first and is renamed once complete, so the
clearinghouse only ever takes whole files (and ``on_upload`` runs once, for the final name)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from cleanclaim.clearinghouses.sftp.transport import (
    SftpError,
    SftpSettings,
    SftpTransport,
    TransferCut,
)
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import Received

DATA = b"ISA*00*" + b"x" * 200_000 + b"~IEA*1*000000001~"


@pytest.mark.parametrize("posix_rename", [True, False], ids=["posix-rename", "plain-rename"])
def test_it_renames_the_whole_file_into_inbound_and_calls_on_upload_once(
    sandbox: SftpServer,
    settings_for: Callable[..., SftpSettings],
    received: Received,
    posix_rename: bool,
) -> None:
    sandbox.offers_posix_rename = posix_rename
    with SftpTransport(settings_for()) as sftp:
        sent = sftp.upload("B000001.837", DATA)

    assert sent.name == "B000001.837"
    assert sent.sha256 == hashlib.sha256(DATA).hexdigest()
    assert sent.already_there is False
    inbound = sandbox.root / "alice" / "inbound"
    assert sorted(p.name for p in inbound.iterdir()) == ["B000001.837"]
    assert (inbound / "B000001.837").read_bytes() == DATA
    assert received.files == [("alice", "B000001.837", DATA)]


def test_it_uses_the_temporary_suffix_from_the_settings(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings], received: Received
) -> None:
    sandbox.cut_after_bytes = 1000  # stop it half way to see the temporary name
    with SftpTransport(settings_for(temp_suffix=".tmp")) as sftp, pytest.raises(TransferCut):
        sftp.upload("B000002.837", DATA)
    inbound = sandbox.root / "alice" / "inbound"
    assert [p.name for p in inbound.iterdir()] == ["B000002.837.tmp"]
    assert received.files == []


def test_it_refuses_names_with_folders(settings_for: Callable[..., SftpSettings]) -> None:
    with SftpTransport(settings_for()) as sftp, pytest.raises(SftpError, match="plain file"):
        sftp.upload("../B000003.837", DATA)
