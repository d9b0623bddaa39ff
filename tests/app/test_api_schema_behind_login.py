"""The OpenAPI schema is public in development and needs a session or a token in
production (``CLEANCLAIM_API_DOCS``, default ``login`` when production is on)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client, override_settings

from cleanclaim.api.models import ApiToken
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World
from cleanclaim.web.config import ConfigError, load

pytestmark = pytest.mark.django_db

SCHEMA = "/api/openapi.json"


@override_settings(API_DOCS="login")
def test_it_asks_for_a_login_or_a_token(world: World) -> None:
    assert Client().get(SCHEMA).status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer cc_wrong").get(SCHEMA).status_code == 401
    signed_in = Client()
    signed_in.force_login(world.home.users[Role.FRONT_DESK])
    assert signed_in.get(SCHEMA).json()["info"]["title"] == "cleanclaim API"
    _row, token = ApiToken.issue(world.home.users[Role.BILLER], "schema")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get(SCHEMA).status_code == 200


@override_settings(API_DOCS="public")
def test_it_serves_everyone_when_public(client: Client) -> None:
    assert client.get(SCHEMA).status_code == 200


def test_it_defaults_to_login_in_production_only(tmp_path: Path) -> None:
    base = {"CLEANCLAIM_VAR_DIR": str(tmp_path)}
    prod = {
        **base,
        "CLEANCLAIM_PRODUCTION": "1",
        "CLEANCLAIM_SECRET_KEY": "s" * 50,
        "CLEANCLAIM_ALLOWED_HOSTS": "billing.example",
    }
    assert load(base).api_docs == "public"
    assert load(prod).api_docs == "login"
    assert load({**prod, "CLEANCLAIM_API_DOCS": "public"}).api_docs == "public"
    with pytest.raises(ConfigError, match=r"^CLEANCLAIM_API_DOCS"):
        load({**base, "CLEANCLAIM_API_DOCS": "secret"})
