"""Sending a batch uploads the kept bytes, then marks the batch sent and each claim
``submitted`` (batch, ISA13, file); an upload cut off marks the batch failed with the
plain message, and sending again finishes without sending a second copy. (The same
with the real SFTP server on loopback: test_cut_upload_is_sent_once_over_sftp.py.)"""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import ClaimEvent
from cleanclaim.clearinghouses import actions, tasks
from cleanclaim.clearinghouses.models import Batch
from cleanclaim.testing.personas import World

from .conftest import FakeTransport, copy_claim, make_connection, queue, route

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, label="system: test")


def test_it_sends_once_and_marks_each_claim(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    connection = make_connection(world)
    route(world, connection)
    second = copy_claim(world.home.claim, "CC-SECOND")
    queue(world.home.claim)
    queue(second)
    remote = FakeTransport()
    monkeypatch.setattr("cleanclaim.clearinghouses.sandbox.batch_transport", lambda c: remote)
    [batch] = actions.create_batch(ACTOR, world.home.practice, connection)
    remote.fail_next = True

    with pytest.raises(OSError):
        tasks.send_batch.delay(batch.pk)
    batch.refresh_from_db()
    assert batch.status == Batch.Status.FAILED and "cut" in batch.error
    assert not ClaimEvent.objects.filter(kind="submitted").exists()

    tasks.send_batch.delay(batch.pk)
    batch.refresh_from_db()
    assert batch.status == Batch.Status.SENT and batch.attempts == 2
    assert batch.progress_done == batch.progress_total > 0
    assert remote.uploads == 1 and list(remote.inbound) == [
        f"CC{connection.pk:04d}_{batch.isa13:09d}.837"
    ]
    events = ClaimEvent.objects.filter(kind="submitted").order_by("claim_id")
    assert [e.data for e in events] == [
        {"batch": batch.pk, "isa13": f"{batch.isa13:09d}", "file": next(iter(remote.inbound))}
    ] * 2
    world.home.claim.refresh_from_db()
    assert world.home.claim.status == "submitted"
    connection.refresh_from_db()
    assert connection.pinned_host_key == "ssh-ed25519 AAAAfake"  # pinned on first use

    tasks.send_batch.delay(batch.pk)  # a sent batch is left alone
    assert ClaimEvent.objects.filter(kind="submitted").count() == 2


def test_it_splits_claims_beyond_the_limit_with_new_control_numbers(world: World) -> None:
    connection = make_connection(world)
    route(world, connection)
    claims = [
        world.home.claim,
        copy_claim(world.home.claim, "CC-2"),
        copy_claim(world.home.claim, "CC-3"),
    ]
    for claim in claims:
        queue(claim)
    batches = actions.create_batch(ACTOR, world.home.practice, connection, limit=2)
    assert [b.claim_count for b in batches] == [2, 1]
    assert len({b.isa13 for b in batches}) == 2
    assert len({f.sha256 for b in batches for f in b.files.all()}) == 2
