"""Exporting a schedule and importing the file into another gives the same rows, charges
and expected allowed amounts; importing it into the same schedule changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.fees import actions
from cleanclaim.fees.models import Fee
from cleanclaim.fees.transfer import export_csv, read_fees
from cleanclaim.testing.personas import World

ACTOR = Actor(user=None, via="test")
FILE = (
    "code,modifier,charge,allowed:{payer}\n"
    "99213,,120.00,92.18\n"
    "20610,RT,230.50,\n"
    "G0008,,30,25.5\n"
    "0001U,,99.99,\n"
)


class NoCodes:
    def lookup(self, system: str, code: str, as_of: dt.date) -> object:
        return type("F", (), {"code": code})()

    def completeness(self, system: str, code: str, as_of: dt.date) -> str:
        return ""


def _rows(schedule: object) -> list[tuple[object, ...]]:
    return sorted(
        (f.code, f.modifier, f.charge, tuple((a.payer.payer_id, a.amount) for a in f.allowed.all()))
        for f in Fee.objects.filter(schedule=schedule)
    )


def _import(world: World, text: str, name: str, effective: dt.date | None) -> object:
    payer_ids = [world.home.payer.payer_id]
    table = read_fees(text, "f.csv", known_payers=payer_ids)
    plan = actions.plan_import(
        world.home.other_practice, table, name=name, effective=effective, codes=NoCodes()
    )
    return plan, actions.apply_import(ACTOR, plan)


def test_it_round_trips(world: World) -> None:
    text = FILE.format(payer=world.home.payer.payer_id)
    _, first = _import(world, text, "A", dt.date(2026, 1, 1))
    exported = export_csv(first)
    assert exported.splitlines()[0] == f"code,modifier,charge,allowed:{world.home.payer.payer_id}"
    _, second = _import(world, exported, "B", dt.date(2027, 1, 1))
    assert _rows(first) == _rows(second)
    assert len(_rows(first)) == 4
    assert export_csv(second) == exported
    plan, _ = _import(world, exported, "B", None)
    assert (len(plan.added), len(plan.changed), len(plan.removed), plan.unchanged) == (0, 0, 0, 4)


def test_a_reimport_replaces_the_rows(world: World) -> None:
    text = FILE.format(payer=world.home.payer.payer_id)
    _, schedule = _import(world, text, "A", dt.date(2026, 1, 1))
    plan, _ = _import(world, "code,charge\n99213,125\n99214,150\n", "A", None)
    assert (len(plan.added), len(plan.changed), len(plan.removed)) == (1, 1, 3)
    assert _rows(schedule) == [
        ("99213", "", Decimal("125.00"), ()),
        ("99214", "", Decimal("150.00"), ()),
    ]


def test_an_import_planned_before_another_is_refused_whole(world: World) -> None:
    text = FILE.format(payer=world.home.payer.payer_id)
    _, schedule = _import(world, text, "A", dt.date(2026, 1, 1))
    table = read_fees("code,charge\n99213,1\n", "late.csv")
    late = actions.plan_import(world.home.other_practice, table, name="A", codes=NoCodes())
    _import(world, "code,charge\n99213,2\n", "A", None)
    with pytest.raises(actions.StaleEdit):
        actions.apply_import(ACTOR, late)
    assert _rows(schedule) == [("99213", "", Decimal("2.00"), ())]
    both = actions.plan_import(
        world.home.other_practice, table, name="B", effective=dt.date(2027, 1, 1), codes=NoCodes()
    )
    _import(world, "code,charge\n99213,3\n", "B", dt.date(2027, 1, 1))
    with pytest.raises(actions.ImportRefused, match="could not be made"):
        actions.apply_import(ACTOR, both)
