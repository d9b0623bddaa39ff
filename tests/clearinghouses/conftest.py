"""Fixtures for the clearinghouse tests: the two-organisation world and a connection."""

from __future__ import annotations

import pytest

from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def make_connection(
    world: World, *, name: str = "sandbox", plugin: str = "sandbox", **extra: object
) -> Connection:
    fields: dict[str, object] = {
        "organisation": world.home.organisation,
        "name": name,
        "plugin": plugin,
        "settings": {
            "host": "127.0.0.1",
            "sftp_port": 2222,
            "core_port": 8089,
            "username": "north",
        },
        "usage_indicator": "T",
        "isa_sender_id": "NORTHSIDE",
        "isa_receiver_id": "SANDBOXCH",
        "gs_sender": "NORTHSIDE",
        "gs_receiver": "SANDBOXCH",
        "submitter_name": "NORTHSIDE BILLING",
        "submitter_id": "NORTHSIDE",
        "submitter_contact": "BILLING OFFICE",
        "submitter_phone": "5555550100",
        "receiver_name": "SANDBOX CLEARINGHOUSE",
        "receiver_id": "SANDBOXCH",
    }
    fields.update(extra)
    return Connection.objects.create(**fields)


@pytest.fixture
def connection(world: World) -> Connection:
    return make_connection(world)
