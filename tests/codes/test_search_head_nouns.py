"""An equipment or supply code whose description starts with the item ("Walker, folding,
wheeled, ..."; "Cane, includes canes of all materials, ...") is what the item's name
finds first: above codes that only mention the item ("Seat attachment, walker") and above
ICD-10-CM titles that reach the word another way."""

from __future__ import annotations

import datetime as dt

from cleanclaim.codes.model import SYSTEMS
from cleanclaim.codes.search import KINDS
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def _codes(store: Store, query: str, systems: tuple[str, ...]) -> list[str]:
    return [h.code for h in store.search(query, systems=systems, as_of=D, limit=5)]


def test_it_ranks_the_walkers_above_walker_attachments(equipment_store: Store) -> None:
    codes = _codes(equipment_store, "walker", KINDS["procedure"])
    assert set(codes[:2]) == {"E0130", "E0143"}, codes
    assert set(codes[2:4]) == {"E0154", "E0156"}, codes


def test_it_ranks_the_item_above_diagnoses_when_every_system_is_searched(
    equipment_store: Store,
) -> None:
    hits = equipment_store.search("walker", systems=SYSTEMS, as_of=D, limit=5)
    assert [h.system for h in hits[:2]] == ["hcpcs", "hcpcs"], hits
    assert equipment_store.search("cane", systems=SYSTEMS, as_of=D, limit=1)[0].code == "E0100"


def test_the_qualifiers_after_the_head_still_narrow_the_answer(equipment_store: Store) -> None:
    assert _codes(equipment_store, "folding walker", KINDS["procedure"])[0] == "E0143"
    assert _codes(equipment_store, "rolling walker", KINDS["procedure"])[0] == "E0143"
