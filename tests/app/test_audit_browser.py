"""The admin role browses and filters its own organisation's audit trail."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def test_it_filters_by_action_and_hides_other_organisations(world: World) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    record(Actor(desk), "read", world.home.patient)
    record(Actor(desk), "update", world.home.patient, changes={"city": ["A", "B"]})
    outsider = world.outsider.users[Role.FRONT_DESK]
    record(Actor(outsider), "read", world.outsider.patient)

    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    page = client.get(reverse("manage:audit"), {"action": "update"})
    entries = list(page.context["page"])
    assert [e.action for e in entries] == ["update"]
    assert "city" in page.content.decode()

    everything = list(client.get(reverse("manage:audit")).context["page"])
    admin = world.home.users[Role.ADMIN]
    # the desk's entries, and the admin's own reading of the trail
    assert {e.user_label for e in everything} == {desk.email, admin.email}


def test_it_says_which_filter_is_wrong(world: World) -> None:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    page = client.get(reverse("manage:audit"), {"from": "yesterday"})
    assert page.status_code == 200
    assert page.context["errors"] == {"from": "use a date like 2026-11-27"}
    assert 'aria-describedby="f-from-error"' in page.content.decode()
