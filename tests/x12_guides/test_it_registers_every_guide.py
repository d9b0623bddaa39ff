"""The core's registry finds each guide of this area by transaction set and
version (277 and 277CA share ST01 and differ by version), and refuses 4010."""

from __future__ import annotations

import pytest

from cleanclaim.x12 import X12Error
from cleanclaim.x12._registry import find_guide

CASES = [
    ("835", "005010X221A1", "835", "HP"),
    ("835", "005010X221", "835", "HP"),
    ("270", "005010X279A1", "270", "HS"),
    ("271", "005010X279A1", "271", "HB"),
    ("271", "005010X279", "271", "HB"),
    ("276", "005010X212", "276", "HR"),
    ("277", "005010X212", "277", "HN"),
    ("277", "005010X214", "277CA", "HN"),
]


@pytest.mark.parametrize(("st01", "version", "name", "functional_id"), CASES)
def test_it_finds_the_guide(st01, version, name, functional_id):
    guide = find_guide(st01, version)
    assert (guide.name, guide.functional_id) == (name, functional_id)


@pytest.mark.parametrize(("st01", "version"), [("835", "004010X091A1"), ("270", "004010X092A1")])
def test_it_refuses_4010_in_one_line(st01, version):
    with pytest.raises(X12Error) as exc:
        find_guide(st01, version)
    assert "4010" in str(exc.value) and "\n" not in str(exc.value)
