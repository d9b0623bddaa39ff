"""A claim is scrubbed again when queued: an error refuses it, a warning must be
acknowledged by its finding id (recorded in the ``queued`` event)."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit

#: 10 days before the payer's 180-day limit from 2026-01-15 runs out: TF-002 warns
NEAR_THE_LIMIT = dt.date(2026, 7, 4)


def test_a_claim_with_an_error_is_refused_with_its_findings(world: World, actor: Actor) -> None:
    header = ["E11"]  # a header code: DX-NB-001
    line = {"procedure": "99213", "charge": "125.00", "pointers": ["A"]}
    encounter = visit(world, actor, diagnoses=header, lines=[line])
    claim, _ = actions.build_claim(actor, encounter, today=TODAY)
    with pytest.raises(actions.QueueRefused) as refused:
        actions.queue_claim(actor, claim, acknowledge=["DX-NB-001"], today=TODAY)
    assert refused.value.errors == ("DX-NB-001",)
    assert [f["id"] for f in refused.value.findings] == ["DX-NB-001"]
    claim.refresh_from_db()
    assert claim.status == "errors"
    assert list(claim.events.values_list("kind", flat=True)) == ["created", "scrubbed", "scrubbed"]


def test_a_warning_must_be_acknowledged_by_name(world: World, actor: Actor) -> None:
    claim, result = actions.build_claim(actor, visit(world, actor), today=NEAR_THE_LIMIT)
    assert [(f.rule, f.severity) for f in result.findings] == [("TF-002", "warning")]
    with pytest.raises(actions.QueueRefused) as refused:
        actions.queue_claim(actor, claim, acknowledge=["DX-NB-001"], today=NEAR_THE_LIMIT)
    assert refused.value.errors == () and refused.value.unacknowledged == ("TF-002",)
    claim.refresh_from_db()
    assert claim.status == "ready"

    actions.queue_claim(actor, claim, acknowledge=["TF-002"], today=NEAR_THE_LIMIT)
    claim.refresh_from_db()
    assert claim.status == "queued"
    queued = claim.events.get(kind="queued")
    assert queued.data == {"acknowledged": ["TF-002"]}
    assert queued.user == actor.user


def test_a_clean_claim_queues_and_holds_and_releases(world: World, actor: Actor) -> None:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY)
    actions.hold_claim(actor, claim, "waiting for the referral")
    assert claim.status == "on_hold"
    with pytest.raises(actions.NotAllowed):
        actions.queue_claim(actor, claim, today=TODAY)
    actions.release_claim(actor, claim, "referral arrived")
    claim.refresh_from_db()
    assert claim.status == "queued"
    held = claim.events.get(kind="held")
    assert held.data == {"reason": "waiting for the referral"}
