"""The admin role adds users to its organisation and sets their role per practice."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import Membership, User
from cleanclaim.practices.permissions import Role
from cleanclaim.testing.personas import World


def _admin(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    return client


def test_it_adds_a_user_with_a_role(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    practice = world.home.practice
    response = _admin(world).post(
        reverse("manage:user_create"),
        {
            "email": "New.Coder@Northside.test",
            "full_name": "New Coder",
            "password": "a long enough passphrase",
            "active": "on",
            f"role_{practice.pk}": "coder",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.coder@northside.test")
    assert user.organisation == world.home.organisation
    assert list(user.memberships.values_list("practice", "role")) == [(practice.pk, "coder")]
    entry = AuditEntry.objects.get(model="practices.User", action="create")
    assert entry.changes["roles"] == {practice.name: "coder"}


def test_it_rejects_a_weak_password(world: World) -> None:
    response = _admin(world).post(
        reverse("manage:user_create"),
        {"email": "x@northside.test", "full_name": "X", "password": "short", "active": "on"},
    )
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert not User.objects.filter(email="x@northside.test").exists()


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
