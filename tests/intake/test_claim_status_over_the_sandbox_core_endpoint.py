"""A 276 over the CAQH CORE envelope to the sandbox's real endpoint on the loopback:
the 277 comes back and is recorded; an endpoint that does not answer gives the plain
"did not answer" message within the time budget, recorded on the claim."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.caqhcore.client import CoreClient
from cleanclaim.caqhcore.envelope import X12_277_RESPONSE, CoreEnvelope
from cleanclaim.claims import status_inquiry
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.sandbox.core_server import CoreServer
from cleanclaim.testing.acknowledgments import status_277
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse

from .conftest import TODAY, new_claim, send

USERS = {"north": "sandbox-password"}
BUDGET = 1.5


def _answer(envelope: CoreEnvelope) -> tuple[str, bytes]:
    """The payer's 277 for the claim the 276 names (its TRN02)."""
    text = envelope.payload.decode()
    assert parse(envelope.payload).transactions[0].ts.set_id == "276"
    return X12_277_RESPONSE, status_277(text.split("TRN*1*")[1].split("~")[0], "A2:20")


@pytest.fixture
def endpoint() -> Iterator[Callable[..., CoreServer]]:
    started: list[CoreServer] = []

    def make(**kwargs: object) -> CoreServer:
        server = CoreServer(_answer, users=USERS, **kwargs)  # type: ignore[arg-type]
        started.append(server.start())
        return server

    yield make
    for server in started:
        server.stop()


def _through(server: CoreServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real-time exchange of a connection, as the clearinghouse app wires it: a
    CORE client with the connection's ids, the answer's payload back."""

    def exchange(connection: Connection, payload_type: str, x12: bytes) -> bytes:
        client = CoreClient(
            server.url,
            "north",
            USERS["north"],
            connection.isa_sender_id,
            connection.isa_receiver_id,
            budget=BUDGET,
            attempts=2,
            backoff=0.1,
            name=connection.name,
        )
        return client.exchange(payload_type, x12).envelope.payload

    monkeypatch.setattr(status_inquiry, "_exchange", exchange)


def test_a_276_gets_its_277_over_the_core_envelope(
    world: World,
    actor: Actor,
    connection: Connection,
    endpoint: Callable[..., CoreServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    _through(endpoint(), monkeypatch)
    answer = status_inquiry.ask(actor, claim, today=TODAY)
    assert answer.ok, answer.text
    assert answer.text == "Accepted into the payer's adjudication system: Accepted for processing"


def test_an_endpoint_that_does_not_answer_is_a_plain_message_within_the_budget(
    world: World,
    actor: Actor,
    connection: Connection,
    endpoint: Callable[..., CoreServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    _through(endpoint(delay=lambda envelope: 10.0), monkeypatch)
    started = time.monotonic()
    answer = status_inquiry.ask(actor, claim, today=TODAY)
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET + 1.0
    assert not answer.ok
    assert "did not answer" in answer.text
    assert "sandbox" in answer.text  # the connection is named
    event = claim.events.order_by("-id").first()
    assert (event.kind, event.data["ok"]) == ("status_answer", False)
