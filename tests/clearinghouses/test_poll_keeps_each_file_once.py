"""Polling fetches each waiting file, keeps it once (by checksum), hands it to the
intake and archives it; the same bytes again (a clearinghouse sending a file twice)
are not taken in a second time; the CLI says what it did, one line a file."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import actions
from cleanclaim.clearinghouses.models import TransmissionFile
from cleanclaim.cli import main
from cleanclaim.testing.personas import World

from .conftest import FakeTransport, make_connection

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, label="system: test")
ACK = (
    b"ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*NORTHSIDE      *261205*1200*^*"
    b"00501*000000007*0*T*:~GS*FA*SANDBOXCH*NORTHSIDE*20261205*1200*7*X*005010X231A1~"
    b"ST*999*0001*005010X231A1~"
)


def test_it_keeps_each_file_once_and_takes_it_in(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = make_connection(world)
    remote = FakeTransport()
    remote.outbound = {"B1.999": ACK, "notes.txt": b"hello"}
    monkeypatch.setattr("cleanclaim.clearinghouses.sandbox.batch_transport", lambda c: remote)
    taken: list[str] = []

    def take_in(actor: object, file: TransmissionFile) -> str:
        taken.append(file.name)
        return "accepted"

    monkeypatch.setattr("cleanclaim.clearinghouses.intake.take_in", take_in)

    result = actions.poll(ACTOR, connection)

    assert result.listed == 2 and taken == ["B1.999", "notes.txt"]
    kept = TransmissionFile.objects.get(name="B1.999")
    assert kept.direction == "in" and kept.kind == "999" and bytes(kept.content) == ACK
    assert kept.outcome == "accepted" and kept.processed_at is not None
    assert TransmissionFile.objects.get(name="notes.txt").kind == "other"
    assert remote.archived == ["B1.999", "notes.txt"] and remote.outbound == {}

    remote.outbound = {"B1-again.999": ACK}  # the same bytes under another name
    assert main(["clearinghouse", "poll", connection.name]) == 0
    assert taken == ["B1.999", "notes.txt"]
    assert TransmissionFile.objects.filter(direction="in").count() == 2
    assert "sandbox: B1-again.999: already taken in" in capsys.readouterr().out


def test_it_says_which_connection_could_not_be_reached(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = make_connection(world)

    class Refused(Exception):
        message = "cannot reach 127.0.0.1 port 2222: connection refused"

    def no_server(c: object) -> object:
        raise Refused()

    monkeypatch.setattr("cleanclaim.clearinghouses.sandbox.batch_transport", no_server)
    assert main(["clearinghouse", "poll"]) == 1
    assert f"{connection.name}: cannot reach 127.0.0.1 port 2222" in capsys.readouterr().err
