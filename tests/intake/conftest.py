"""Fixtures for the intake tests: the test world, a connection, claims sent in a batch
and a received file."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.control import next_numbers
from cleanclaim.clearinghouses.models import Batch, BatchClaim, Connection, TransmissionFile
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, build_world

DOS = dt.date(2026, 1, 15)
TODAY = dt.date(2026, 2, 1)


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def biller(world: World) -> User:
    return world.home.users[Role.BILLER]


@pytest.fixture
def actor(biller: User) -> Actor:
    return Actor.system(biller, via="test")


def connection_of(world: World, name: str = "sandbox") -> Connection:
    return Connection.objects.create(
        organisation=world.home.organisation,
        name=name,
        plugin="sandbox",
        usage_indicator="T",
        isa_sender_id="NORTHSIDE",
        isa_receiver_id="SANDBOXCH",
        gs_sender="NORTHSIDE",
        gs_receiver="SANDBOXCH",
        submitter_name="NORTHSIDE BILLING",
        submitter_id="NORTHSIDE",
        submitter_contact="BILLING OFFICE",
        submitter_phone="5555550100",
        receiver_name="SANDBOX CLEARINGHOUSE",
        receiver_id="SANDBOXCH",
    )


@pytest.fixture
def connection(world: World) -> Connection:
    return connection_of(world)


def new_claim(world: World, actor: Actor) -> Claim:
    """A clean claim of the home patient, built from a coded visit (status ready)."""
    encounter = actions.create_encounter(
        actor,
        world.home.patient,
        rendering_provider=world.home.provider,
        service_from=DOS,
        location=world.home.location,
        diagnoses=["I10"],
        lines=[{"procedure": "99213", "units": 1, "charge": Decimal("125.00"), "pointers": ["A"]}],
    )
    claim, _ = actions.build_claim(actor, encounter, today=TODAY)
    return claim


def send(actor: Actor, connection: Connection, claims: list[Claim], **extra: Any) -> Batch:
    """What sending does to the rows: a batch with fresh control numbers, its claims,
    each claim ``submitted`` (queued first when it is not yet)."""
    numbers = next_numbers(connection)
    batch = Batch.objects.create(
        practice=claims[0].practice,
        connection=connection,
        status=Batch.Status.SENT,
        isa13=numbers.isa13,
        gs06=numbers.gs06,
        st02=numbers.st02,
        usage_indicator=connection.usage_indicator,
        claim_count=len(claims),
        total_charge=sum((c.total_charge for c in claims), Decimal("0.00")),
        sent_at=extra.pop("sent_at", None) or dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC),
        **extra,
    )
    for i, claim in enumerate(claims, start=1):
        BatchClaim.objects.create(
            batch=batch, claim=claim, patient_control_number=claim.number, position=i
        )
        claim.refresh_from_db()
        if claim.status != "queued":
            actions.queue_claim(actor, claim, today=TODAY)
        events.append(actor, claim, Kind.SUBMITTED, {"batch": batch.pk})
    return batch


def received(connection: Connection, name: str, data: bytes) -> TransmissionFile:
    return TransmissionFile.objects.create(
        connection=connection,
        direction=TransmissionFile.Direction.IN,
        kind=TransmissionFile.Kind.OTHER,
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        content=data,
    )
