"""The rejection work list: each claim a 999/TA1/277CA rejected, with the reason in
plain words, the field to fix, where, and a link to fix it; scoped to the user's
organisation; managers see it without the link."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.acknowledgments import ack_277ca
from cleanclaim.testing.personas import World

from .conftest import new_claim, received, send

URL = "/claims/lists/rejected/"


def _rejected(world: World, actor: Actor, connection: Connection) -> int:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False):
        take_in(
            actor,
            received(
                connection, "r.277", ack_277ca([{"pcn": claim.number, "status": "A7:562:85"}])
            ),
        )
    return claim.pk


def test_a_biller_sees_the_reason_field_and_fix_link(
    world: World, actor: Actor, connection: Connection
) -> None:
    pk = _rejected(world, actor, connection)
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    with time_machine.travel(dt.datetime(2026, 3, 5, 10, tzinfo=dt.UTC), tick=False):
        body = client.get(URL).content.decode()
    row = body[body.index(f'<tr id="row-{pk}">') :]
    row = row[: row.index("</tr>")]
    assert "Billing provider&#x27;s NPI is not valid" in row
    assert "Billing provider NPI — fix it in practice set-up" in row
    assert f'href="/claims/{pk}/">Fix</a>' in row
    assert "<td>3</td>" in row  # days since the rejection
    reads = AuditEntry.objects.filter(action="read").values_list("context", flat=True)
    assert any("work list rejected" in str(c.get("query", "")) for c in reads)


def test_a_manager_sees_the_list_without_the_fix_link(
    world: World, actor: Actor, connection: Connection
) -> None:
    pk = _rejected(world, actor, connection)
    client = Client()
    client.force_login(world.home.users[Role.MANAGER])
    body = client.get(URL).content.decode()
    assert f'<tr id="row-{pk}">' in body
    assert ">Fix</a>" not in body


def test_another_organisation_never_sees_the_claim(
    world: World, actor: Actor, connection: Connection
) -> None:
    pk = _rejected(world, actor, connection)
    client = Client()
    client.force_login(world.outsider.users[Role.BILLER])
    body = client.get(URL).content.decode()
    assert f'<tr id="row-{pk}">' not in body
    assert world.home.patient.last_name not in body
