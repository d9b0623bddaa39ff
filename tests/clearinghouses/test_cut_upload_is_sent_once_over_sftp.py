"""Over the sandbox's real SFTP server on loopback: a batch whose upload is cut midway
is marked failed with a plain message; sending it again delivers exactly one copy
(``on_upload`` runs once) and only then are its claims submitted. The host key is
pinned on first use; a server showing another key afterwards is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import ClaimEvent
from cleanclaim.clearinghouses import actions, tasks
from cleanclaim.clearinghouses.models import Batch, Connection
from cleanclaim.clearinghouses.secrets import encrypt
from cleanclaim.sandbox.sftp_server import SftpServer
from cleanclaim.testing.personas import World

from .conftest import copy_claim, make_connection, queue, route

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, label="system: test")
PASSWORD = "north-sftp-pw-51"
OTHER_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO0t" + "fake" * 10


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[SftpServer, list[tuple[str, str]]]]:
    seen: list[tuple[str, str]] = []
    running = SftpServer(
        tmp_path / "root",
        host_key_path=tmp_path / "host_key",
        users={"north": PASSWORD},
        on_upload=lambda user, path: seen.append((user, path.name)),
    )
    running.start()
    yield running, seen
    running.stop()


def _connection(world: World, server: SftpServer) -> Connection:
    return make_connection(
        world,
        settings={"host": "127.0.0.1", "sftp_port": server.port, "username": "north", "timeout": 5},
        secrets=encrypt({"password": PASSWORD}),
    )


def test_it_sends_a_cut_batch_once(
    world: World, server: tuple[SftpServer, list[tuple[str, str]]]
) -> None:
    sftp, seen = server
    connection = _connection(world, sftp)
    route(world, connection)
    for n in range(30):  # a file of some size, so the cut lands mid-upload
        queue(copy_claim(world.home.claim, f"CC-CUT-{n}"))
    [batch] = actions.create_batch(ACTOR, world.home.practice, connection)
    assert batch.progress_total > 4000
    sftp.cut_after_bytes = 2000

    with pytest.raises(Exception) as cut:
        tasks.send_batch.delay(batch.pk)
    batch.refresh_from_db()
    assert batch.status == Batch.Status.FAILED and batch.error
    assert "127.0.0.1" in getattr(cut.value, "message", str(cut.value))
    assert seen == [] and not ClaimEvent.objects.filter(kind="submitted").exists()

    sftp.cut_after_bytes = None
    tasks.send_batch.delay(batch.pk)
    batch.refresh_from_db()
    assert batch.status == Batch.Status.SENT and batch.attempts == 2
    name = batch.files.get().name
    assert seen == [("north", name)]
    inbound = sftp.home("north") / "inbound"
    assert sorted(p.name for p in inbound.iterdir()) == [name]
    assert (inbound / name).read_bytes() == bytes(batch.files.get().content)
    assert ClaimEvent.objects.filter(kind="submitted").count() == 30
    connection.refresh_from_db()
    assert connection.pinned_host_key == sftp.host_key


def test_it_counts_a_batch_already_delivered_as_sent(
    world: World, server: tuple[SftpServer, list[tuple[str, str]]]
) -> None:
    """The upload got through the rename but the worker died before recording it:
    sending again finds the same bytes there and sends nothing."""
    sftp, seen = server
    connection = _connection(world, sftp)
    route(world, connection)
    queue(world.home.claim)
    [batch] = actions.create_batch(ACTOR, world.home.practice, connection)
    kept = batch.files.get()
    with actions.registry.plugin("sandbox").batch_transport(connection) as transport:
        transport.upload(kept.name, bytes(kept.content))
    assert len(seen) == 1

    tasks.send_batch.delay(batch.pk)
    batch.refresh_from_db()
    assert batch.status == Batch.Status.SENT and len(seen) == 1


def test_it_refuses_a_server_showing_another_host_key(
    world: World, server: tuple[SftpServer, list[tuple[str, str]]]
) -> None:
    sftp, _seen = server
    connection = _connection(world, sftp)
    Connection.objects.filter(pk=connection.pk).update(pinned_host_key=OTHER_KEY)
    connection.refresh_from_db()
    with pytest.raises(Exception) as refused:
        actions.check_connection(ACTOR, connection)
    assert "host key" in getattr(refused.value, "message", "").lower()
