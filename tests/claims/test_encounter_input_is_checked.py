"""A visit is refused, nothing written, with every bad field named: codes checked as
of the date of service, pointers within the diagnoses, at most four modifiers."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import Encounter
from cleanclaim.testing.personas import World

from .conftest import visit


def test_it_names_each_bad_field(world: World, actor: Actor) -> None:
    before = Encounter.objects.count()
    with pytest.raises(actions.Invalid) as bad:
        visit(
            world,
            actor,
            diagnoses=["I10", "ZZZ.99"],
            lines=[
                {
                    "procedure": "9921",
                    "charge": "12.345",
                    "pointers": ["A", "C"],
                    "modifiers": ["25", "59", "XS", "76", "77"],
                }
            ],
        )
    errors = bad.value.message_dict
    assert set(errors) == {
        "diagnoses[1]",
        "lines[0].procedure",
        "lines[0].charge",
        "lines[0].pointers",
        "lines[0].modifiers",
    }
    assert "'C' points to no diagnosis" in errors["lines[0].pointers"][0]
    assert Encounter.objects.count() == before


def test_it_stores_the_visit_with_the_primary_coverage(world: World, actor: Actor) -> None:
    encounter = visit(world, actor, diagnoses=["i10", "E119"])
    assert encounter.diagnoses == ["I10", "E11.9"]
    assert encounter.coverage == world.home.coverage
    assert encounter.place_of_service == world.home.location.place_of_service
    line = encounter.lines.get()
    assert (line.procedure, line.pointers) == ("99213", ["A", "B"])
