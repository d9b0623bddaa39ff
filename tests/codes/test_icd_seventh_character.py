"""7th characters: inherited definitions, the placeholder X, generated full codes
(ICD-10-CM Official Guidelines FY2026 I.A.4-I.A.5)."""

from __future__ import annotations

import datetime as dt

from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def test_it_accepts_a_six_character_code_with_its_seventh(package_store: Store) -> None:
    got = package_store.lookup("icd10cm", "S93.401A", D)
    assert got.code is not None and got.code.billable is True
    assert got.code.parent == "S93.401"
    assert got.code.long.endswith("initial encounter")


def test_it_requires_the_placeholder_x_on_short_codes(package_store: Store) -> None:
    assert package_store.lookup("icd10cm", "T36.0X1A", D).code is not None
    assert package_store.lookup("icd10cm", "T360X1A", D).code is not None
    missing_x = package_store.lookup("icd10cm", "T36.01A", D)
    assert missing_x.code is None and "not in ICD-10-CM" in missing_x.message
    assert package_store.lookup("icd10cm", "S02.0XXA", D).code is not None


def test_it_rejects_a_seventh_character_the_category_does_not_define(package_store: Store) -> None:
    assert package_store.lookup("icd10cm", "S93.401Z", D).code is None


def test_it_says_a_leaf_needs_its_seventh_character(package_store: Store) -> None:
    got = package_store.lookup("icd10cm", "S93.401", D)
    assert got.code is not None and got.code.billable is False
    assert "needs a 7th character" in got.message


def test_it_inherits_the_definition_from_the_category(package_store: Store) -> None:
    values = package_store.icd_seventh_characters("S93.401", D)
    assert values == {"A": "initial encounter", "D": "subsequent encounter", "S": "sequela"}
    assert package_store.icd_seventh_characters("E11.9", D) == {}


def test_it_generates_every_valid_full_code(package_store: Store) -> None:
    full = package_store.icd_full_codes("S42.001", D)
    assert full[0] == "S42.001A" and "S42.001S" in full and len(full) == 7
    assert package_store.icd_full_codes("W59.22", D) == ["W59.22XA", "W59.22XD", "W59.22XS"]
