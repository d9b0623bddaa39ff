"""Each user sees only ``root/<user>``: ``..``, absolute paths and symbolic links leading
out of it reach nothing outside."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest

from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import PASSWORDS


@pytest.fixture
def alice(sandbox: SftpServer) -> Iterator[paramiko.SFTPClient]:
    """A plain SFTP client signed in as Alice (the transport only takes bare names)."""
    transport = paramiko.Transport(("127.0.0.1", sandbox.port))
    transport.connect(username="alice", password=PASSWORDS["alice"])
    client = paramiko.SFTPClient.from_transport(transport)
    assert client is not None
    yield client
    client.close()
    transport.close()


@pytest.fixture
def secrets(sandbox: SftpServer, tmp_path: Path) -> Path:
    (sandbox.root / "bob" / "outbound" / "bob.835").write_bytes(b"Bob's remittance")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not for sandbox users")
    return outside


def test_it_shows_the_home_as_the_root(alice: paramiko.SFTPClient) -> None:
    assert sorted(alice.listdir("/")) == ["inbound", "outbound"]
    assert sorted(alice.listdir("../../..")) == ["inbound", "outbound"]
    assert alice.normalize("../../etc") == "/etc"


@pytest.mark.parametrize(
    "path",
    ["../bob/outbound/bob.835", "/../bob/outbound/bob.835", "inbound/../../bob/outbound/bob.835"],
)
def test_it_does_not_reach_another_user(
    alice: paramiko.SFTPClient, secrets: Path, path: str
) -> None:
    with pytest.raises(FileNotFoundError):
        alice.open(path).read()


def test_it_does_not_reach_absolute_paths(alice: paramiko.SFTPClient, secrets: Path) -> None:
    with pytest.raises(FileNotFoundError):
        alice.open(str(secrets)).read()
    with pytest.raises(FileNotFoundError):
        alice.stat("/etc/passwd")


def test_it_writes_escaping_paths_inside_the_home_or_not_at_all(
    alice: paramiko.SFTPClient, sandbox: SftpServer
) -> None:
    with alice.open("../../inbound/x.837", "wb") as f:
        f.write(b"ISA~")
    assert (sandbox.root / "alice" / "inbound" / "x.837").read_bytes() == b"ISA~"
    with pytest.raises(FileNotFoundError):
        alice.open("../bob/inbound/x.837", "wb")
    assert list((sandbox.root / "bob" / "inbound").iterdir()) == []


def test_it_refuses_symbolic_links_out(
    alice: paramiko.SFTPClient, sandbox: SftpServer, secrets: Path
) -> None:
    home = sandbox.root / "alice"
    os.symlink(secrets, home / "outbound" / "link.999")
    os.symlink(secrets.parent, home / "out")
    with pytest.raises(PermissionError):
        alice.open("outbound/link.999").read()
    with pytest.raises(PermissionError):
        alice.listdir("out")
    with pytest.raises(PermissionError):
        alice.rename("outbound/link.999", "inbound/link.837")
    with pytest.raises(OSError, match="unsupported"):
        alice.symlink(str(secrets), "inbound/mine")
