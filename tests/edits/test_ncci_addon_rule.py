"""Add-on code edits (fixture in the CMS AOC layout): type 1 needs a listed
primary the same day; types 2 and 3 need some primary service that day; type 3
without a listed primary is a warning."""

from __future__ import annotations

import datetime as dt

from cleanclaim.edits import ScrubContext


def test_it_flags_a_type_1_addon_without_its_primary(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "99213"), mk.line(2, "99292"))
    (f,) = mk.findings(c, ncci_ctx, "NCCI-AOC-001")
    assert (f.category, f.severity, f.line, f.carc) == ("ncci-addon", "error", 2, "107")
    assert "99291" in f.message
    assert f.source == "NCCI add-on code edits 2026Q3 (type 1)"


def test_it_accepts_a_type_1_addon_with_any_listed_primary(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "22612"), mk.line(2, "22614"))
    assert mk.findings(c, ncci_ctx, "NCCI-AOC-001") == []


def test_it_needs_the_primary_on_the_same_date(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "99291", service_date=dt.date(2026, 8, 2)), mk.line(2, "99292"))
    assert len(mk.findings(c, ncci_ctx, "NCCI-AOC-001")) == 1


def test_it_flags_a_type_2_addon_billed_alone(mk, ncci_ctx: ScrubContext) -> None:
    alone = mk.claim(mk.line(1, "99153"))
    assert len(mk.findings(alone, ncci_ctx, "NCCI-AOC-001")) == 1
    with_service = mk.claim(mk.line(1, "45378"), mk.line(2, "99153"))
    assert mk.findings(with_service, ncci_ctx, "NCCI-AOC-001") == []


def test_it_warns_on_a_type_3_addon_without_a_listed_primary(mk, ncci_ctx: ScrubContext) -> None:
    c = mk.claim(mk.line(1, "64490"), mk.line(2, "64462"))
    (f,) = mk.findings(c, ncci_ctx, "NCCI-AOC-001")
    assert f.severity == "warning" and "64461" in f.message


def test_it_skips_an_addon_edit_deleted_before_the_date_of_service(
    mk, ncci_ctx: ScrubContext
) -> None:
    c = mk.claim(mk.line(1, "0001T"))  # fixture edit ended 2019-12-31
    assert mk.findings(c, ncci_ctx, "NCCI-AOC-001") == []
