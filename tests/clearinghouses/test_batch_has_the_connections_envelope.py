"""A batch is the practice's queued claims routed through the connection, in one 837P
whose envelope, submitter, receiver and payer id all come from that connection; the
file is kept with its checksum before anything is sent."""

from __future__ import annotations

import hashlib

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import actions
from cleanclaim.clearinghouses.models import Batch, TransmissionFile
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse, validate

from .conftest import make_connection, queue, route

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, label="system: test")


def test_it_writes_one_valid_837p_from_the_connection(world: World) -> None:
    connection = make_connection(world, usage_indicator="P")
    route(world, connection, routed_id="SBX01")
    queue(world.home.claim)
    other = make_connection(world, name="elsewhere")
    queue(world.outsider.claim)  # another organisation's queued claim

    [batch] = actions.create_batch(ACTOR, world.home.practice, connection)

    kept = TransmissionFile.objects.get(batch=batch)
    data = bytes(kept.content)
    assert kept.direction == "out" and kept.kind == "837P"
    assert kept.sha256 == hashlib.sha256(data).hexdigest() and kept.size == len(data)
    text = data.decode()
    isa = text.split("~")[0].split("*")
    assert isa[6].strip() == "NORTHSIDE" and isa[8].strip() == "SANDBOXCH"
    assert isa[13] == f"{batch.isa13:09d}" and isa[15] == "P" and batch.usage_indicator == "P"
    assert "GS*HC*NORTHSIDE*SANDBOXCH*" in text
    assert "NM1*41*2*NORTHSIDE BILLING*****46*NORTHSIDE~" in text
    assert "NM1*40*2*SANDBOX CLEARINGHOUSE*****46*SANDBOXCH~" in text
    assert "*PI*SBX01~" in text  # 2010BB: the payer's id on this connection
    assert f"CLM*{world.home.claim.number}*" in text
    assert world.outsider.claim.number not in text
    checked = validate(parse(data))
    assert not checked.has_errors, [str(f) for f in checked.findings() if f.is_error]
    assert batch.claim_count == 1 and batch.total_charge == world.home.claim.total_charge
    assert [bc.patient_control_number for bc in batch.batch_claims.all()] == [
        world.home.claim.number
    ]
    world.home.claim.refresh_from_db()
    assert world.home.claim.status == "queued"  # submitted only once uploaded
    assert batch.status == Batch.Status.QUEUED
    with pytest.raises(actions.NothingToSend):  # the claim is spoken for
        actions.create_batch(ACTOR, world.home.practice, connection)
    with pytest.raises(actions.NothingToSend):  # routed elsewhere
        actions.create_batch(ACTOR, world.home.practice, other)
