"""An abbreviation an official description spells out in parentheses ("continuous positive
airway pressure (cpap) device") finds that code and every code written with the long words
("Full face mask used with positive airway pressure device")."""

from __future__ import annotations

import datetime as dt

from cleanclaim.codes.search import KINDS
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)
PROCEDURE = KINDS["procedure"]


def _codes(store: Store, query: str) -> list[str]:
    return [h.code for h in store.search(query, systems=PROCEDURE, as_of=D, limit=5)]


def test_it_finds_the_device_by_its_abbreviation(equipment_store: Store) -> None:
    assert _codes(equipment_store, "cpap")[0] == "E0601"
    assert _codes(equipment_store, "tens")[0] == "E0720"
    assert _codes(equipment_store, "tens unit")[0] == "E0720"


def test_it_finds_supplies_written_with_the_long_words(equipment_store: Store) -> None:
    assert _codes(equipment_store, "cpap mask")[0] == "A7030"
    assert "A7037" in _codes(equipment_store, "cpap tubing")[:2]


def test_it_does_not_take_any_aside_in_parentheses_for_an_abbreviation(
    equipment_store: Store,
) -> None:
    # "Walker, rigid (pickup), ...": "pickup" is not spelled by the words before it
    assert _codes(equipment_store, "pickup") == ["E0130"]
