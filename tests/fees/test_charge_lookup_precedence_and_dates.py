"""``charge_for`` and ``expected_allowed``: the code with its first modifier first, then
the code alone, in the schedule in force on the date; None when nothing prices it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cleanclaim.audit.actor import Actor
from cleanclaim.fees import actions
from cleanclaim.fees.models import ExpectedAllowed, Fee
from cleanclaim.fees.service import charge_for, expected_allowed
from cleanclaim.testing.personas import World

ACTOR = Actor(user=None, via="test")
D = Decimal


def _two_years(world: World) -> None:
    practice = world.home.other_practice
    y26 = actions.add_schedule(ACTOR, practice, "Fees 2026", dt.date(2026, 1, 1))
    Fee.objects.create(schedule=y26, code="99213", charge=D("120.00"))
    rt = Fee.objects.create(schedule=y26, code="20610", modifier="RT", charge=D("230.00"))
    bare = Fee.objects.create(schedule=y26, code="20610", charge=D("200.00"))
    ExpectedAllowed.objects.create(fee=rt, payer=world.home.payer, amount=D("150.00"))
    ExpectedAllowed.objects.create(fee=bare, payer=world.home.payer, amount=D("140.00"))
    y27 = actions.add_schedule(ACTOR, practice, "Fees 2027", dt.date(2027, 1, 1))
    Fee.objects.create(schedule=y27, code="99213", charge=D("125.00"))


def test_it_prices_the_code_with_its_first_modifier_before_the_code_alone(world: World) -> None:
    _two_years(world)
    p, on = world.home.other_practice, dt.date(2026, 6, 1)
    assert charge_for(p, "20610", ["RT"], on) == D("230.00")
    assert charge_for(p, "20610", ["RT", "59"], on) == D("230.00")
    assert charge_for(p, "20610", ["59", "RT"], on) == D("200.00")  # first modifier decides
    assert charge_for(p, "20610", ["LT"], on) == D("200.00")
    assert charge_for(p, "20610", [], on) == D("200.00")
    assert charge_for(p, "99213", ["25"], on) == D("120.00")
    assert charge_for(p, "99214", [], on) is None


def test_it_uses_the_schedule_in_force_on_the_date(world: World) -> None:
    _two_years(world)
    p = world.home.other_practice
    assert charge_for(p, "99213", [], dt.date(2026, 12, 31)) == D("120.00")
    assert charge_for(p, "99213", [], dt.date(2027, 1, 1)) == D("125.00")
    assert charge_for(p, "20610", [], dt.date(2027, 3, 1)) is None  # not in the 2027 schedule
    assert charge_for(p, "99213", [], dt.date(2025, 12, 31)) is None  # before any schedule


def test_a_new_schedule_closes_the_open_ended_one_before_it(world: World) -> None:
    _two_years(world)
    closed = world.home.other_practice.fee_schedules.get(name="Fees 2026")
    assert closed.effective_to == dt.date(2026, 12, 31)


def test_it_refuses_overlapping_schedules(world: World) -> None:
    _two_years(world)
    with pytest.raises(ValidationError, match="overlaps Fees 2026"):
        actions.add_schedule(
            ACTOR, world.home.other_practice, "Mid 2026", dt.date(2026, 6, 1), dt.date(2026, 7, 1)
        )


def test_it_finds_the_expected_allowed_amount_by_the_same_precedence(world: World) -> None:
    _two_years(world)
    p, payer, on = world.home.other_practice, world.home.payer, dt.date(2026, 6, 1)
    assert expected_allowed(p, payer, "20610", ["RT"], on) == D("150.00")
    assert expected_allowed(p, payer, "20610", ["LT"], on) == D("140.00")
    assert expected_allowed(p, payer, "99213", [], on) is None
    assert expected_allowed(p, world.outsider.payer, "20610", [], on) is None


def test_it_prices_nothing_for_another_practice(world: World) -> None:
    _two_years(world)
    assert charge_for(world.home.practice, "20610", ["RT"], dt.date(2026, 6, 1)) is None
    assert charge_for(world.outsider.practice, "20610", [], dt.date(2026, 6, 1)) is None
