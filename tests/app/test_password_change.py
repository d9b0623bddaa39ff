"""A person changes their own password: validators apply, the session survives,
the change is audited without the password."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World
from cleanclaim.web import demo

OLD = "violet harbour lantern sixty"
NEW = "copper meadow trumpet ninety"


@pytest.fixture
def client(world: World, settings) -> Client:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = world.home.users[Role.BILLER]
    user.set_password(OLD)
    user.save()
    client = Client()
    client.force_login(user)
    return client


def _change(client: Client, old: str, new: str):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("account:password"),
        {"old_password": old, "new_password1": new, "new_password2": new},
    )


def test_it_links_the_page_from_every_signed_in_page(client: Client) -> None:
    body = client.get(reverse("work:claims")).content.decode()
    assert f'href="{reverse("account:password")}"' in body


def test_it_changes_the_password_and_keeps_the_session(client: Client, world: World) -> None:
    response = _change(client, OLD, NEW)
    assert response.status_code == 302
    user = world.home.users[Role.BILLER]
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(reverse("work:claims")).status_code == 200
    entry = AuditEntry.objects.get(model="practices.User", object_pk=str(user.pk))
    assert entry.context == {"event": "password changed"}
    written = json.dumps([entry.changes, entry.context])
    assert NEW not in written and OLD not in written


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (demo.PASSWORD, "published with the demo"),
        ("biller.northside1", "too similar"),
        ("password1234", "too common"),
        ("1234567890123", "entirely numeric"),
    ],
)
def test_it_refuses_a_weak_new_password(
    client: Client, world: World, new: str, message: str
) -> None:
    response = _change(client, OLD, new)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["new_password2"])
    user = world.home.users[Role.BILLER]
    user.refresh_from_db()
    assert user.check_password(OLD)
    assert not AuditEntry.objects.filter(model="practices.User").exists()


def test_it_needs_the_old_password(client: Client) -> None:
    response = _change(client, "not the old one at all", NEW)
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
