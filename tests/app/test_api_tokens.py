"""API token auth: tokens are stored hashed, work as Bearer, can be revoked;
the API answers 401 without credentials and keeps the same scoping."""

from __future__ import annotations

from django.test import Client

from cleanclaim.api.models import ApiToken, digest
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def test_it_stores_only_a_digest(world: World) -> None:
    row, plain = ApiToken.issue(world.home.users[Role.BILLER], "clearinghouse sync")
    assert plain.startswith("cc_")
    assert row.token_digest == digest(plain)
    assert plain not in {row.token_digest, row.prefix}


def test_it_authenticates_a_bearer_token(world: World) -> None:
    _, plain = ApiToken.issue(world.home.users[Role.BILLER], "script")
    response = Client().get("/api/payers", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 200
    assert [p["name"] for p in response.json()] == [world.home.payer.name]


def test_it_refuses_revoked_and_unknown_tokens(world: World) -> None:
    row, plain = ApiToken.issue(world.home.users[Role.BILLER], "script")
    row.revoked = True
    row.save()
    assert Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 401
    assert Client().get("/api/me", HTTP_AUTHORIZATION="Bearer cc_nope").status_code == 401
    assert Client().get("/api/me").status_code == 401


def test_it_applies_roles_to_token_callers(world: World) -> None:
    _, plain = ApiToken.issue(world.home.users[Role.CODER], "script")
    response = Client().get("/api/payers", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 403


def test_it_serves_the_openapi_schema(world: World) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert "/api/patients/{pk}" in schema["paths"]
    assert "/api/me" in schema["paths"]
