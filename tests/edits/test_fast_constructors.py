"""The reader's generated constructors (cleanclaim.edits.fastinit) build the same
frozen claims as the dataclasses' own ``__init__``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.edits.claim import Address, Patient, Payer, Provider, ScrubClaim, ServiceLine
from cleanclaim.edits.fastinit import maker


def test_it_builds_equal_hashable_frozen_objects() -> None:
    make = maker(ServiceLine)
    args = (2, "99213", ("25",), Decimal("80.00"), Decimal(1), (1, 2), dt.date(2026, 8, 3),
            None, "1234567893", "HC", (), "", "")  # fmt: skip
    fast = make(*args)
    slow = ServiceLine(*args)
    assert fast == slow and hash(fast) == hash(slow)
    assert fast.modifiers == ("25",) and fast.dx_pointers == (1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.procedure = "99214"  # type: ignore[misc]


def test_it_requires_every_field() -> None:
    make = maker(Payer)
    with pytest.raises(TypeError):
        make("Medicare", "12345")  # profile missing: no defaults are applied


def test_it_refuses_classes_it_cannot_build() -> None:
    @dataclasses.dataclass
    class WithPostInit:
        a: int

        def __post_init__(self) -> None:
            self.a += 1

    with pytest.raises(TypeError, match="__post_init__"):
        maker(WithPostInit)
    with pytest.raises(TypeError, match="not a dataclass"):
        maker(dict)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int = 0

    with pytest.raises(TypeError, match="not a slotted dataclass"):
        maker(NoSlots)


@pytest.mark.parametrize("cls", [Address, Patient, Payer, Provider, ScrubClaim, ServiceLine])
def test_it_takes_the_fields_in_declaration_order(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    obj = maker(cls)(*names)  # each field holds its own name
    assert [getattr(obj, n) for n in names] == names
