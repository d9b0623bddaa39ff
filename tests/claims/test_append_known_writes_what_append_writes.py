"""``events.append_known`` (the posting loop's two-statement append, trusting the status
the caller read) writes the event and derived status :func:`events.append` writes,
refuses what it refuses, and falls back to it when the held status is stale."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import events
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.testing.personas import build_world

pytestmark = pytest.mark.django_db


def _sent_claim() -> Claim:
    claim = build_world().home.claim
    actor = Actor.process()
    for kind, data in (("scrubbed", {"errors": 0}), ("queued", {}), ("submitted", {})):
        events.append(actor, claim, kind, data)
    return Claim.objects.get(pk=claim.pk)


def test_it_writes_the_event_and_status_in_two_statements() -> None:
    claim = _sent_claim()
    with CaptureQueriesContext(connection) as queries:
        event = events.append_known(Actor.process(), claim, events.Kind.PAID, {"paid": "10"})
    assert len(queries) == 2
    assert event.kind == "paid" and event.data == {"paid": "10"}
    assert claim.status == "paid"
    assert Claim.objects.get(pk=claim.pk).status == "paid"
    history = ClaimEvent.objects.filter(claim=claim).order_by("id").values_list("kind", "data")
    assert events.status_of(history) == "paid"


def test_it_refuses_what_append_refuses_and_writes_nothing() -> None:
    claim = _sent_claim()
    before = ClaimEvent.objects.filter(claim=claim).count()
    with pytest.raises(events.NotAllowed):
        events.append_known(Actor.process(), claim, events.Kind.REVERSED, {})
    assert ClaimEvent.objects.filter(claim=claim).count() == before
    assert Claim.objects.get(pk=claim.pk).status == "submitted"


def test_it_falls_back_to_append_when_the_held_status_is_stale() -> None:
    claim = _sent_claim()
    stale = Claim.objects.get(pk=claim.pk)
    events.append(Actor.process(), claim, events.Kind.DENIED, {})
    assert stale.status == "submitted"
    # held "submitted", the row is "denied": a reversal is allowed from denied only
    events.append_known(Actor.process(), stale, events.Kind.REVERSED, {})
    assert Claim.objects.get(pk=claim.pk).status == "accepted"
    assert stale.status == "accepted"
