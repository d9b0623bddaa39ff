"""GET /api/me says who the caller is, where they work and what they may do."""

from __future__ import annotations

from django.test import Client

from cleanclaim.tenancy.permissions import ROLE_PERMISSIONS, Role
from cleanclaim.testing.personas import World


def test_it_describes_the_signed_in_user(world: World) -> None:
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    me = client.get("/api/me").json()
    assert me["email"] == "biller@northside.test"
    assert me["organisation"] == "Northside Billing"
    assert me["roles"] == [
        {
            "practice_id": world.home.practice.pk,
            "practice": world.home.practice.name,
            "role": "biller",
        }
    ]
    assert me["permissions"] == sorted(ROLE_PERMISSIONS[Role.BILLER])


def test_it_lists_only_the_callers_practices(world: World) -> None:
    client = Client()
    client.force_login(world.home.users[Role.CODER])
    names = [p["name"] for p in client.get("/api/practices").json()]
    assert names == [world.home.practice.name]
