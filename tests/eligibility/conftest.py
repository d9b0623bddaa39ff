"""Fixtures for the eligibility tests: the two-organisation world, an in-process payer
(``CLEANCLAIM_ELIGIBILITY_SENDER``) and a signed-in front desk."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing import eligibility as payer
from cleanclaim.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def answers(settings: Any) -> Iterator[dict[str, Any]]:
    settings.CLEANCLAIM_ELIGIBILITY_SENDER = "cleanclaim.testing.eligibility.send"
    payer.ANSWERS.clear()
    yield payer.ANSWERS
    payer.ANSWERS.clear()


@pytest.fixture
def desk(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.FRONT_DESK])
    return client
