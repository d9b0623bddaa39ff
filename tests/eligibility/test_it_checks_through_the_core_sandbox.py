"""Over real HTTP: the 270 goes in the CAQH CORE envelope to the sandbox's endpoint
(``CoreServer`` on the loopback, answering with the in-process payer) and the 271 comes
back into the check; a clearinghouse that is down leaves a failed check with the
reason in plain words."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.caqhcore import X12_271_RESPONSE, CoreClient, CoreEnvelope
from cleanclaim.eligibility import actions
from cleanclaim.sandbox.core_server import CoreServer
from cleanclaim.testing.eligibility import responder
from cleanclaim.testing.personas import World

USERS = {"northside": "sandbox pass 1"}
DAY = __import__("datetime").date(2026, 12, 7)


@pytest.fixture
def sandbox() -> Iterator[CoreServer]:
    payer = responder()

    def handle(envelope: CoreEnvelope) -> tuple[str, bytes]:
        return X12_271_RESPONSE, payer(None, envelope.payload.decode())

    server = CoreServer(handle, users=USERS).start()
    yield server
    server.stop()


def _client(url: str) -> CoreClient:
    return CoreClient(url, "northside", USERS["northside"], "CLEANCLAIM", "SANDBOX", name="Sandbox")


def test_it_checks_over_http(world: World, sandbox: CoreServer, monkeypatch: Any) -> None:
    monkeypatch.setattr(actions, "connection_for", lambda practice: _client(sandbox.url))
    row = actions.check(Actor.process(), world.home.coverage, ["98"], day=DAY)
    assert row.status == "answered", row.error
    assert row.result == "active"
    assert row.benefits().headline("98").copay == 25


def test_it_keeps_the_reason_when_the_clearinghouse_is_down(world: World, monkeypatch: Any) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = CoreClient(
        f"http://127.0.0.1:{port}/core", "northside", "x", "CLEANCLAIM", "SANDBOX",
        name="Sandbox", attempts=1, budget=2.0,
    )  # fmt: skip
    monkeypatch.setattr(actions, "connection_for", lambda practice: client)
    row = actions.check(Actor.process(), world.home.coverage, (), day=DAY)
    assert row.status == "failed"
    assert "Sandbox" in row.error
