"""A claim status inquiry (276) goes through the claim's connection in real time; the
277's statuses are recorded on the claim in plain words; a failure is recorded and
answered with its plain message, never raised."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import status_inquiry
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.acknowledgments import status_277
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse, validate

from .conftest import TODAY, new_claim, send


class Unanswered(Exception):
    """What the real-time exchange raises: a CORE error with a plain message."""

    message = "The clearinghouse sandbox did not answer within 20 seconds"


def test_it_records_the_payers_answer(
    world: World, actor: Actor, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    sent: list[tuple[str, str, bytes]] = []

    def exchange(conn: Connection, payload_type: str, x12: bytes) -> bytes:
        sent.append((conn.name, payload_type, x12))
        return status_277(claim.number, "F1:65", paid="100")

    monkeypatch.setattr(status_inquiry, "_exchange", exchange)
    answer = status_inquiry.ask(actor, claim, today=TODAY)
    assert answer.ok
    assert answer.text == "Finalized: paid: Paid"
    assert answer.statuses[0]["paid"] == "100"
    ((name, payload_type, x12),) = sent
    assert (name, payload_type) == ("sandbox", "X12_276_Request_005010X212")
    parsed = parse(x12)
    validate(parsed)
    assert not parsed.has_errors
    assert f"TRN*1*{claim.number}~" in x12.decode()
    event = claim.events.order_by("-id").first()
    assert event.kind == "status_answer"
    assert event.data["ok"] is True
    claim.refresh_from_db()
    assert claim.status == "submitted"


def test_a_clearinghouse_that_does_not_answer_is_a_recorded_message(
    world: World, actor: Actor, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])

    def exchange(conn: Connection, payload_type: str, x12: bytes) -> bytes:
        raise Unanswered(Unanswered.message)

    monkeypatch.setattr(status_inquiry, "_exchange", exchange)
    answer = status_inquiry.ask(actor, claim, today=TODAY)
    assert not answer.ok
    assert answer.text == Unanswered.message
    event = claim.events.order_by("-id").first()
    assert (event.kind, event.data["ok"], event.data["text"]) == (
        "status_answer",
        False,
        Unanswered.message,
    )


def test_a_claim_not_sent_is_not_asked(world: World, actor: Actor) -> None:
    claim = new_claim(world, actor)
    answer = status_inquiry.ask(actor, claim, today=TODAY)
    assert not answer.ok
    assert "not out" in answer.text
    assert claim.events.filter(kind="status_answer").count() == 0
