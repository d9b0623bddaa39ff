"""Eligibility and claim status find the practice's real-time connection (its own
before its organisation's; one without real time is passed over), may hand the X12
as text, and catch a failure as a CORE error with its plain message."""

from __future__ import annotations

import pytest

from cleanclaim.caqhcore.errors import ClearinghouseDown, CoreError
from cleanclaim.clearinghouses.realtime import connection_for, exchange
from cleanclaim.testing.personas import World

from .conftest import make_connection

pytestmark = pytest.mark.django_db


def test_it_prefers_the_practices_own_real_time_connection(world: World) -> None:
    practice = world.home.practice
    assert connection_for(practice) is None
    make_connection(world, name="batch only", plugin="sftp", settings={"host": "h"})
    assert connection_for(practice) is None  # SFTP with no CORE URL
    shared = make_connection(world, name="shared")
    assert connection_for(practice) == shared
    own = make_connection(world, name="own", practice=practice)
    assert connection_for(practice) == own
    assert connection_for(world.home.other_practice) == shared
    assert connection_for(world.outsider.practice) is None


def test_it_answers_a_failure_as_a_core_error(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection = make_connection(world, name="down")

    class Refusing:
        def exchange(self, payload_type: str, payload: bytes) -> None:
            assert payload == b"ISA*270~"
            raise ClearinghouseDown("clearinghouse down refused the connection", connection="down")

    monkeypatch.setattr("cleanclaim.clearinghouses.sandbox.realtime", lambda c: Refusing())
    with pytest.raises(CoreError) as caught:
        exchange(connection, "X12_270_Request_005010X279A1", "ISA*270~")
    assert caught.value.message == "clearinghouse down refused the connection"
    assert caught.value.retryable and caught.value.connection == "down"
