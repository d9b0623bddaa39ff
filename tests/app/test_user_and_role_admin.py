"""The admin role sets the role per practice of its organisation's users (people join by
invitation: tests/app/test_invitation_*.py)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import Membership
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _admin(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    return client


def test_it_changes_a_role_and_deactivates(world: World) -> None:
    target = world.home.users[Role.CODER]
    practice = world.home.practice
    response = _admin(world).post(
        reverse("manage:user_roles", args=[target.pk]), {f"role_{practice.pk}": "biller"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.is_active
    assert Membership.objects.get(user=target, practice=practice).role == "biller"
    entry = AuditEntry.objects.get(model="practices.User", action="update")
    assert entry.changes["is_active"] == [True, False]


def test_it_cannot_reach_users_of_another_organisation(world: World) -> None:
    outsider = world.outsider.users[Role.FRONT_DESK]
    url = reverse("manage:user_roles", args=[outsider.pk])
    assert _admin(world).post(url, {"active": "on"}).status_code == 404
