"""Over the sandbox's real SFTP server: polling collects the answers waiting in the
outbound folder, keeps each once and archives it; what does not match the patterns
stays where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import actions
from cleanclaim.clearinghouses.models import TransmissionFile
from cleanclaim.clearinghouses.secrets import encrypt
from cleanclaim.sandbox.sftp_server import SftpServer
from cleanclaim.testing.personas import World

from .conftest import make_connection

pytestmark = pytest.mark.django_db
ACK = (
    b"ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*NORTHSIDE      *261205*1200*^*"
    b"00501*000000007*0*T*:~GS*FA*SANDBOXCH*NORTHSIDE*20261205*1200*7*X*005010X231A1~"
    b"ST*999*0001*005010X231A1~"
)


def test_it_collects_and_archives_the_answers(world: World, tmp_path: Path) -> None:
    with SftpServer(
        tmp_path / "root", host_key_path=tmp_path / "host_key", users={"north": "pw-north-1"}
    ) as sftp:
        outbound = sftp.home("north") / "outbound"
        (outbound / "000000007.999").write_bytes(ACK)
        (outbound / "readme.txt").write_bytes(b"not an answer")
        connection = make_connection(
            world,
            settings={"host": "127.0.0.1", "sftp_port": sftp.port, "username": "north"},
            secrets=encrypt({"password": "pw-north-1"}),
        )
        result = actions.poll(Actor(user=None, label="system: test"), connection)

        assert [(name, kind) for name, kind, _ in result.taken] == [("000000007.999", "999")]
        kept = TransmissionFile.objects.get(direction="in")
        assert bytes(kept.content) == ACK
        # handed to intake, which says what it did with it (no batch has that GS06 here)
        assert kept.processed_at is not None
        assert "no batch of this connection has that GS06" in kept.outcome
        assert sorted(p.name for p in outbound.iterdir() if p.is_file()) == ["readme.txt"]
