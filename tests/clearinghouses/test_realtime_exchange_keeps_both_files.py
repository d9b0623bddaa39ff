"""A real-time request through a connection (the CORE envelope, to the sandbox's CORE
endpoint on loopback): the answer's payload comes back and both files are kept; a
clearinghouse that does not answer within the budget, or refuses the password, is a
plain message naming the connection, within the budget."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from cleanclaim.caqhcore.envelope import X12_270_REQUEST, X12_271_RESPONSE, CoreEnvelope
from cleanclaim.clearinghouses.models import Connection, TransmissionFile
from cleanclaim.clearinghouses.realtime import RealtimeError, exchange
from cleanclaim.clearinghouses.secrets import encrypt
from cleanclaim.sandbox.core_server import CoreServer
from cleanclaim.testing.personas import World

from .conftest import make_connection

pytestmark = pytest.mark.django_db
REQUEST = b"ISA*00*...270 request...~"
ANSWER = b"ISA*00*...271 answer...~"
SLOW = "SLOWPAYER"


def _handler(envelope: CoreEnvelope) -> tuple[str, bytes]:
    return X12_271_RESPONSE, ANSWER + envelope.payload[-4:]


def _delay(envelope: CoreEnvelope) -> float:
    return 4.0 if envelope.receiver_id == SLOW else 0.0


@pytest.fixture
def server() -> Iterator[CoreServer]:
    running = CoreServer(_handler, users={"north": "pw-north"}, delay=_delay)
    running.start()
    yield running
    running.stop()


def _core(
    world: World, server: CoreServer, *, name: str, password: str, receiver: str
) -> Connection:
    return make_connection(
        world,
        name=name,
        plugin="core",
        settings={
            "core_url": server.url,
            "core_username": "north",
            "core_form": "mime",
            "core_receiver_id": receiver,
            "core_budget": 1.5,
        },
        secrets=encrypt({"core_password": password}),
    )


def test_it_answers_the_payload_and_keeps_both_files(world: World, server: CoreServer) -> None:
    connection = _core(world, server, name="core", password="pw-north", receiver="SANDBOXCH")
    assert exchange(connection, X12_270_REQUEST, REQUEST) == ANSWER + REQUEST[-4:]
    kept = {(f.direction, f.kind) for f in TransmissionFile.objects.filter(connection=connection)}
    assert kept == {("out", "270"), ("in", "271")}


def test_it_says_the_clearinghouse_did_not_answer_within_the_budget(
    world: World, server: CoreServer
) -> None:
    connection = _core(world, server, name="slow", password="pw-north", receiver=SLOW)
    started = time.monotonic()
    with pytest.raises(RealtimeError) as caught:
        exchange(connection, X12_270_REQUEST, REQUEST)
    assert time.monotonic() - started < 2.5
    assert caught.value.kind == "ClearinghouseDidNotAnswer" and caught.value.retryable
    assert "slow" in caught.value.message and "answer" in caught.value.message


def test_it_says_the_password_was_refused(world: World, server: CoreServer) -> None:
    connection = _core(world, server, name="wrong", password="nope", receiver="SANDBOXCH")
    with pytest.raises(RealtimeError) as caught:
        exchange(connection, X12_270_REQUEST, REQUEST)
    assert caught.value.kind == "BadCredentials" and not caught.value.retryable
    assert "wrong" in caught.value.message
