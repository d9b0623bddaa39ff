"""The service type and reject reason labels are the X12 5010 code list's names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cleanclaim import benefits


@pytest.mark.shared_data
def test_it_uses_the_code_lists_names(shared_data: Path) -> None:
    path = shared_data / "codes" / "x12_5010_element_code_lists.csv"
    with path.open(newline="") as fh:
        names = {(r["element_id"], r["code"]): r["description"] for r in csv.DictReader(fh)}
    for code, label in benefits.SERVICE_TYPES.items():
        assert names[("1365", code)] == label
    for code in benefits.REJECT_REASONS:
        assert ("901", code) in names
    for code in benefits.FOLLOW_UP:
        assert ("889", code) in names


def test_it_exposes_only_its_public_names() -> None:
    assert all(not name.startswith("_") for name in benefits.__all__)
    assert {"build_270", "read_271", "BenefitsSummary"} <= set(benefits.__all__)
