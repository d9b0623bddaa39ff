"""Answers are listed from the outbound folder by the connection's file-name patterns
(case-insensitive, never a temporary or a folder), fetched, then archived, deleted or
kept; folder names are settings (some clearinghouses name them the other way round)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from cleanclaim.clearinghouses.sftp.transport import (
    RemoteFile,
    SftpError,
    SftpSettings,
    SftpTransport,
)
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import Received


def _drop(sandbox: SftpServer, folder: str, name: str, data: bytes, mtime: int) -> None:
    path = sandbox.root / "alice" / folder / name
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))


@pytest.fixture
def answers(sandbox: SftpServer) -> SftpServer:
    _drop(sandbox, "outbound", "B1.999", b"999 one", 1_800_000_300)
    _drop(sandbox, "outbound", "B1_277CA.277", b"277 one", 1_800_000_200)
    _drop(sandbox, "outbound", "ERA0001.835", b"835 one", 1_800_000_100)
    _drop(sandbox, "outbound", "TA1_B2.TA1", b"ta1", 1_800_000_400)
    _drop(sandbox, "outbound", "half.999.part", b"99", 1_800_000_000)
    _drop(sandbox, "outbound", "readme.txt", b"hello", 1_800_000_000)
    (sandbox.root / "alice" / "outbound" / "old.999").mkdir()
    return sandbox


def test_it_lists_matching_files_oldest_first(
    answers: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with SftpTransport(settings_for()) as sftp:
        listed = sftp.list_outbound()
    assert listed == [
        RemoteFile("ERA0001.835", 7, 1_800_000_100),
        RemoteFile("B1_277CA.277", 7, 1_800_000_200),
        RemoteFile("B1.999", 7, 1_800_000_300),
        RemoteFile("TA1_B2.TA1", 3, 1_800_000_400),
    ]


def test_it_takes_patterns_from_the_settings_case_insensitively(
    answers: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with SftpTransport(settings_for(collect_patterns=("*.999", "README.*"))) as sftp:
        assert [f.name for f in sftp.list_outbound()] == ["readme.txt", "B1.999"]


def test_it_fetches_then_archives(
    answers: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    home = answers.root / "alice"
    with SftpTransport(settings_for()) as sftp:
        assert sftp.fetch("B1.999") == b"999 one"
        sftp.done("B1.999")
        assert "B1.999" not in [f.name for f in sftp.list_outbound()]
    assert (home / "archive" / "B1.999").read_bytes() == b"999 one"
    assert not (home / "outbound" / "B1.999").exists()


def test_it_archives_a_name_seen_before(
    answers: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    home = answers.root / "alice"
    (home / "done").mkdir()
    (home / "done" / "B1.999").write_bytes(b"an older 999 of that name")
    with SftpTransport(settings_for(archive_dir="done")) as sftp:
        sftp.done("B1.999")
    assert (home / "done" / "B1.999").read_bytes() == b"999 one"


def test_it_deletes_or_keeps_as_set(
    answers: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    outbound = answers.root / "alice" / "outbound"
    with SftpTransport(settings_for(after_collect="delete")) as sftp:
        sftp.done("ERA0001.835")
    assert not (outbound / "ERA0001.835").exists()
    with SftpTransport(settings_for(after_collect="keep")) as sftp:
        sftp.done("B1.999")
    assert (outbound / "B1.999").read_bytes() == b"999 one"
    assert not (answers.root / "alice" / "archive").exists()


def test_it_names_a_file_that_is_not_there(
    answers: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with SftpTransport(settings_for()) as sftp, pytest.raises(SftpError, match="not on the"):
        sftp.fetch("B9.999")


def test_it_follows_swapped_folder_names(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings], received: Received
) -> None:
    """A clearinghouse whose "outbound" is where we upload and "inbound" where answers wait."""
    home = sandbox.root / "alice"
    (home / "inbound" / "B5.999").write_bytes(b"999 five")
    swapped = settings_for(inbound_dir="outbound", outbound_dir="inbound")
    with SftpTransport(swapped) as sftp:
        sftp.upload("B5.837", b"ISA*five~")
        assert [f.name for f in sftp.list_outbound()] == ["B5.999"]
        assert sftp.fetch("B5.999") == b"999 five"
    assert (home / "outbound" / "B5.837").read_bytes() == b"ISA*five~"
    assert received.files == []  # the sandbox only takes what lands in its inbound


def test_it_refuses_a_missing_outbound_folder(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with (
        SftpTransport(settings_for(outbound_dir="answers")) as sftp,
        pytest.raises(SftpError, match="'answers' does not exist"),
    ):
        sftp.list_outbound()
