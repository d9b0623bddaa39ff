"""Fixtures for the clearinghouse tests: the two-organisation world and a connection."""

from __future__ import annotations

import pytest

from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def make_connection(
    world: World, *, name: str = "sandbox", plugin: str = "sandbox", **extra: object
) -> Connection:
    fields: dict[str, object] = {
        "organisation": world.home.organisation,
        "name": name,
        "plugin": plugin,
        "settings": {
            "host": "127.0.0.1",
            "sftp_port": 2222,
            "core_port": 8089,
            "username": "north",
        },
        "usage_indicator": "T",
        "isa_sender_id": "NORTHSIDE",
        "isa_receiver_id": "SANDBOXCH",
        "gs_sender": "NORTHSIDE",
        "gs_receiver": "SANDBOXCH",
        "submitter_name": "NORTHSIDE BILLING",
        "submitter_id": "NORTHSIDE",
        "submitter_contact": "BILLING OFFICE",
        "submitter_phone": "5555550100",
        "receiver_name": "SANDBOX CLEARINGHOUSE",
        "receiver_id": "SANDBOXCH",
    }
    fields.update(extra)
    return Connection.objects.create(**fields)


@pytest.fixture
def connection(world: World) -> Connection:
    return make_connection(world)


def queue(claim: object) -> None:
    """Scrubbed clean and queued, as ``claims.actions.queue_claim`` leaves a claim."""
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims import events

    actor = Actor(user=None, label="system: test")
    events.append(actor, claim, events.Kind.SCRUBBED, {"errors": 0, "warnings": 0})
    events.append(actor, claim, events.Kind.QUEUED, {"acknowledged": []})


def copy_claim(claim: object, number: str) -> object:
    """Another claim like ``claim`` (same visit, lines copied), with its created event."""
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims import events
    from cleanclaim.claims.models import Claim

    assert isinstance(claim, Claim)
    lines = list(claim.lines.all())
    twin = Claim.objects.get(pk=claim.pk)
    twin.pk = None
    twin.id = None
    twin.number = number
    twin.status = "built"
    twin.version = 1
    twin.save()
    for line in lines:
        line.pk = None
        line.id = None
        line.claim = twin
        line.save()
    events.append(Actor(user=None, label="system: test"), twin, events.Kind.CREATED, {})
    return twin


def route(world: World, connection: Connection, *, routed_id: str = "") -> None:
    """The home payer's claims go through ``connection`` (with another payer id there)."""
    from cleanclaim.payers.models import PayerConnectionId

    payer = world.home.payer
    payer.clearinghouse_connection = connection.name
    payer.save(update_fields=["clearinghouse_connection"])
    if routed_id:
        PayerConnectionId.objects.create(
            payer=payer, connection=connection.name, connection_payer_id=routed_id
        )


class FakeUploaded:
    def __init__(self, name: str, sha256: str, already_there: bool) -> None:
        self.name, self.sha256, self.already_there = name, sha256, already_there


class FakeTransport:
    """A remote folder in memory with the SFTP transport's methods (for tests of the
    actions' logic; the SFTP tests use the real server on loopback)."""

    def __init__(self) -> None:
        self.inbound: dict[str, bytes] = {}
        self.outbound: dict[str, bytes] = {}
        self.uploads = 0
        self.fail_next = False
        self.host_key = "ssh-ed25519 AAAAfake"
        self.archived: list[str] = []

    def __enter__(self) -> FakeTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def upload(self, name: str, data: bytes) -> FakeUploaded:
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
        if name in self.inbound:
            return FakeUploaded(name, digest, True)
        self.inbound[name] = data
        self.uploads += 1
        if self.fail_next:
            self.fail_next = False
            err = OSError("the connection to 127.0.0.1 was cut during the upload")
            raise err
        return FakeUploaded(name, digest, False)

    def list_outbound(self) -> list[FakeRemote]:
        return [FakeRemote(name, len(data), 0.0) for name, data in sorted(self.outbound.items())]

    def fetch(self, name: str) -> bytes:
        return self.outbound[name]

    def done(self, name: str) -> None:
        self.archived.append(name)
        del self.outbound[name]


class FakeRemote:
    def __init__(self, name: str, size: int, mtime: float) -> None:
        self.name, self.size, self.mtime = name, size, mtime
