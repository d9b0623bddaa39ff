"""The PTP rule over claims, with the real v322r0 rows: column 2 denied unless
modifier indicator 1 and an NCCI-associated modifier on either line."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.edits import ScrubContext


def test_it_flags_a_modifier_1_pair_billed_together(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "0001U"), mk.line(2, "0030U"))
    (f,) = mk.findings(c, ncci_ctx, "NCCI-PTP-001")
    assert (f.category, f.severity, f.line, f.carc) == ("ncci-ptp", "error", 2, "236")
    assert "0030U" in f.message and "0001U" in f.message
    assert f.source.startswith("NCCI PTP practitioner v322r0, effective 2018-07-01")


@pytest.mark.parametrize("modifier", ["59", "XU", "XS", "RT", "91"])
def test_it_lets_an_ncci_associated_modifier_bypass_indicator_1(
    mk, ncci_ctx: ScrubContext, modifier: str
) -> None:
    c = mk.claim(mk.line(1, "0001U"), mk.line(2, "0030U", modifiers=(modifier,)))
    assert mk.findings(c, ncci_ctx, "NCCI-PTP-001") == []


def test_it_does_not_accept_an_unrelated_modifier_as_bypass(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "0001U"), mk.line(2, "0030U", modifiers=("GT",)))
    assert len(mk.findings(c, ncci_ctx, "NCCI-PTP-001")) == 1


def test_it_reports_indicator_0_even_with_modifier_59(mk, ncci_ctx: ScrubContext) -> None:
    dos = dt.date(2023, 5, 2)
    c = mk.claim(
        mk.line(1, "0001A", service_date=dos),
        mk.line(2, "36591", modifiers=("59",), service_date=dos),
    )
    (f,) = mk.findings(c, ncci_ctx, "NCCI-PTP-002")
    assert f.line == 2 and "indicator 0" in f.message


def test_it_ignores_pairs_on_different_dates(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "0001U"), mk.line(2, "0030U", service_date=dt.date(2026, 8, 4)))
    assert mk.findings(c, ncci_ctx, "NCCI-PTP-001") == []


def test_it_ignores_an_edit_deleted_before_the_date_of_service(mk, ncci_ctx: ScrubContext) -> None:
    # 0001U/0029U deleted 2026-06-30; the claim's DOS is 2026-08-03
    c = mk.claim(mk.line(1, "0001U"), mk.line(2, "0029U"))
    assert mk.findings(c, ncci_ctx, "NCCI-PTP-001") == []
