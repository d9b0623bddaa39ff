"""The world JSON: the example file reads; a bad field is named in the error."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sandbox_helpers import EXAMPLE_WORLD

from cleanclaim.sandbox.world import World, WorldError


def test_it_reads_the_example_world() -> None:
    world = World.load(EXAMPLE_WORLD)
    acme = world.payers["60054"]
    assert acme.fee("99214", ["25"]) == Decimal("130.00")
    assert acme.fee("99999", []) is None
    jane = world.member("60054", "w123456789")
    assert jane is not None and jane.active_on(dt.date(2026, 6, 1))
    assert not jane.active_on(dt.date(2027, 1, 1))
    assert jane.benefit("98") is not None and jane.benefit("98").copay == Decimal("25.00")
    assert jane.benefit("47") == jane.benefit("30")
    assert world.payers["SLOW1"].behaviour == "timeout"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda o: o["payers"][0].update(behaviour="asleep"), "world.payers[0].behaviour"),
        (lambda o: o["payers"][0]["fees"].update({"99213": 92.0}), "world.payers[0].fees.99213"),
        (lambda o: o["members"][0].update(payer_id="NOPE"), "world.members[0].payer_id"),
        (lambda o: o["members"][1].update(birth_date="30/01/1980"), "world.members[1].birth_date"),
    ],
)
def test_it_names_the_bad_field(change, message: str) -> None:
    obj = json.loads(EXAMPLE_WORLD.read_text())
    change(obj)
    with pytest.raises(WorldError, match=message.replace("[", r"\[").replace("]", r"\]")):
        World.from_json(obj)
