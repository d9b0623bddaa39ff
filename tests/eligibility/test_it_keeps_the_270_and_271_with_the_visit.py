"""A check sends the 270 for the coverage and day asked, keeps the raw 270 and 271 and
the parsed summary, and is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.eligibility import actions
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

DAY = dt.date(2026, 12, 7)


def test_it_keeps_the_exchange_and_the_summary(world: World, answers: dict[str, Any]) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    row = actions.check(Actor.system(desk), world.home.coverage, ["98"], day=DAY, appointment=41)
    row = EligibilityCheck.objects.get(pk=row.pk)
    assert row.status == "answered"
    assert row.result == "active"
    assert row.appointment_id == 41
    assert "EQ*98~" in row.request_x12 and "DTP*291*D8*20261207~" in row.request_x12
    assert f"NM1*IL*1*{world.home.patient.last_name}" in row.request_x12
    assert row.response_x12.startswith("ISA*") and "EB*B**98" in row.response_x12
    assert row.summary["plan_name"] == "SILVER PPO"
    assert row.benefits().headline("98").copay == 25
    entry = AuditEntry.objects.get(model="eligibility.EligibilityCheck", object_pk=str(row.pk))
    assert entry.action == "create"


def test_it_keeps_a_check_that_got_no_answer(world: World) -> None:
    """No connection and no sender set: the check is kept as failed, with the reason."""
    row = actions.check(Actor.process(), world.home.coverage, (), day=DAY)
    assert row.status == "failed"
    assert "not set up" in row.error or "no real-time connection" in row.error
    assert row.request_x12.startswith("ISA*")


def test_it_refuses_a_service_type_that_is_no_code(world: World) -> None:
    import pytest

    with pytest.raises(ValueError, match="not a service type code"):
        actions.check(Actor.process(), world.home.coverage, ["office visit"], day=DAY)
