"""MUE: units over the value, per line for adjudication indicator 1, per date of
service summed over lines for 2 (policy) and 3 (clinical)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from cleanclaim.codes import ncci
from cleanclaim.edits import ScrubContext

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mue_ctx(shared_data: Path, tmp_path: Path) -> ScrubContext:
    ncci.import_file(
        shared_data / "ncci" / "MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv", tmp_path
    )
    ncci.import_file(FIXTURES / "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv", tmp_path)
    return ScrubContext(as_of=dt.date(2026, 11, 20), ncci=ncci.load_tables(tmp_path))


def test_it_flags_units_over_a_per_day_mue_summed_across_lines(mk, mue_ctx) -> None:
    # 0001U: MUE 1, MAI 2 (real excerpt, effective 2026-07-01)
    c = mk.claim(mk.line(1, "0001U"), mk.line(2, "0001U", modifiers=("91",)))
    (f,) = mk.findings(c, mue_ctx, "NCCI-MUE-001")
    assert (f.category, f.line, f.carc) == ("ncci-mue", 1, "151")
    assert "2 units of 0001U" in f.message and "MAI 2" in f.message
    assert (
        f.source
        == "NCCI MUE practitioner, effective 2026-07-01 (MAI 2 Date of Service Edit: Policy)"
    )


def test_it_allows_units_up_to_the_mue(mk, mue_ctx) -> None:
    c = mk.claim(mk.line(1, "0009U", units=Decimal(2)))  # MUE 2, MAI 3
    assert mk.findings(c, mue_ctx, "NCCI-MUE-001") == []


def test_it_checks_a_line_edit_per_line_not_per_day(mk, mue_ctx) -> None:
    dos = dt.date(2026, 10, 5)  # the fixture release effective 2026-10-01 is in force
    two_lines = mk.claim(
        mk.line(1, "11042", service_date=dos, modifiers=("RT",)),
        mk.line(2, "11042", service_date=dos, modifiers=("LT",)),
    )
    assert mk.findings(two_lines, mue_ctx, "NCCI-MUE-001") == []
    one_line = mk.claim(mk.line(1, "11042", service_date=dos, units=Decimal(2)))
    (f,) = mk.findings(one_line, mue_ctx, "NCCI-MUE-001")
    assert "per line (MAI 1)" in f.message


def test_it_uses_the_release_in_force_on_the_date_of_service(mk, mue_ctx) -> None:
    # 11042 is only in the October release: a July DOS is not checked against it
    c = mk.claim(mk.line(1, "11042", units=Decimal(3), service_date=dt.date(2026, 8, 3)))
    assert mk.findings(c, mue_ctx, "NCCI-MUE-001") == []
