"""A 277CA names each claim by its patient control number (TRN02 = our CLM01): each
gets an ``acknowledged`` event, rejected with the reason and field to fix, or accepted
keeping the payer's claim control number."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.acknowledgments import ack_277ca
from cleanclaim.testing.personas import World

from .conftest import connection_of, new_claim, received, send


def test_it_accepts_one_claim_and_rejects_another(
    world: World, actor: Actor, connection: Connection
) -> None:
    good, bad = new_claim(world, actor), new_claim(world, actor)
    send(actor, connection, [good, bad])
    data = ack_277ca(
        [
            {"pcn": good.number, "status": "A2:20:PR", "payer_claim": "PAYER-CCN-1"},
            {"pcn": bad.number, "status": "A7:562:85"},
        ]
    )
    outcome = take_in(actor, received(connection, "x.277", data))
    assert outcome == "277CA: 1 accepted, 1 rejected"
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == "accepted"
    assert good.events.order_by("-id").first().data["payer_claim_number"] == "PAYER-CCN-1"
    assert bad.status == "rejected"
    (problem,) = bad.events.order_by("-id").first().data["problems"]
    assert problem["text"] == "Billing provider's NPI is not valid"
    assert problem["where"] == "practice set-up"


def test_a_claim_sent_through_another_connection_is_not_matched(
    world: World, actor: Actor, connection: Connection
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection_of(world, "other"), [claim])
    outcome = take_in(
        actor, received(connection, "y.277", ack_277ca([{"pcn": claim.number, "status": "A2:20"}]))
    )
    assert "1 not matched" in outcome
    assert Claim.objects.get(pk=claim.pk).status == "submitted"
