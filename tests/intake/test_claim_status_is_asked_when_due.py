"""Claims with no answer after the payer profile's ``claim_status_after_days`` are
asked about by the task; others are not (frozen time)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import status_inquiry
from cleanclaim.clearinghouses import tasks
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.acknowledgments import status_277
from cleanclaim.testing.personas import World

from .conftest import new_claim, send

SENT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_it_asks_after_the_payers_days_only(
    world: World, actor: Actor, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    payer = world.home.payer
    payer.claim_status_after_days = 10
    payer.save()
    with time_machine.travel(SENT, tick=False):
        claim = new_claim(world, actor)
        send(actor, connection, [claim], sent_at=SENT)
    monkeypatch.setattr(
        status_inquiry, "_exchange", lambda c, t, x: status_277(claim.number, "P1:20")
    )
    assert status_inquiry.due(SENT + dt.timedelta(days=9)) == []
    with time_machine.travel(SENT + dt.timedelta(days=11), tick=False):
        # the task's body, run here (the broker and its worker are the send tests' concern)
        assert tasks.ask_due_claim_status() == {
            "asked": 1,
            "answered": 1,
            "failed": 0,
        }
        assert status_inquiry.due(SENT + dt.timedelta(days=11)) == []  # asked today
    event = claim.events.order_by("-id").first()
    assert event.kind == "status_answer"
    assert event.data["text"] == "Pending: in process: Accepted for processing"
    assert [c.pk for c in status_inquiry.due(SENT + dt.timedelta(days=22))] == [claim.pk]
