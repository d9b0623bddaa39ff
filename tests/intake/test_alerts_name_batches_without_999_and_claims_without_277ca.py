"""Alerts, as of a moment (frozen time): a batch with no 999 an hour after upload, a
claim with no 277CA a day after its batch was sent; shown on the home page, scoped."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses.alerts import alerts
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.acknowledgments import ack_277ca, ack_999
from cleanclaim.testing.personas import World

from .conftest import new_claim, received, send

SENT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_a_batch_has_no_999_alert_after_an_hour_only(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = send(actor, connection, [new_claim(world, actor)], sent_at=SENT)
    biller = world.home.users[Role.BILLER]
    assert alerts(biller, SENT + dt.timedelta(minutes=59)).no_999 == []
    (alert,) = alerts(biller, SENT + dt.timedelta(minutes=61)).no_999
    assert alert.batch_id == batch.pk
    assert "has no 999 1 hour after upload" in alert.text


def test_a_999_ends_the_batch_alert_and_the_277ca_alert_follows_a_day_later(
    world: World, actor: Actor, connection: Connection
) -> None:
    claim = new_claim(world, actor)
    batch = send(actor, connection, [claim], sent_at=SENT)
    take_in(
        actor,
        received(
            connection,
            "a.999",
            ack_999(batch.gs06, [{"control_number": str(batch.st02), "status": "A"}]),
        ),
    )
    biller = world.home.users[Role.BILLER]
    found = alerts(biller, SENT + dt.timedelta(hours=23))
    assert found.count == 0
    found = alerts(biller, SENT + dt.timedelta(hours=25))
    assert found.no_999 == []
    (alert,) = found.no_277ca
    assert alert.claim_id == claim.pk
    assert f"Claim {claim.number} (batch {batch.pk}) has no 277CA" in alert.text


def test_a_277ca_ends_the_claim_alert(world: World, actor: Actor, connection: Connection) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim], sent_at=SENT)
    with time_machine.travel(SENT + dt.timedelta(hours=2), tick=False):
        take_in(
            actor,
            received(connection, "a.277", ack_277ca([{"pcn": claim.number, "status": "A2:20"}])),
        )
    assert alerts(world.home.users[Role.BILLER], SENT + dt.timedelta(days=3)).no_277ca == []


def test_the_home_page_shows_them_to_the_organisation_only(
    world: World, actor: Actor, connection: Connection
) -> None:
    send(actor, connection, [new_claim(world, actor)], sent_at=SENT)
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    with time_machine.travel(SENT + dt.timedelta(days=2), tick=False):
        body = client.get("/").content.decode()
        assert "has no 999 2 days after upload" in body
        client.force_login(world.outsider.users[Role.BILLER])
        assert "has no 999" not in client.get("/").content.decode()
