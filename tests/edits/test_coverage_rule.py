"""coverage: with the practice's coverage on file (``ScrubContext.coverage``), a date of
service after the coverage with the billed payer ended is COV-001 (CARC 27), before it
starts COV-002 (CARC 26), a payer not on any coverage of the member COV-003 (CARC 109,
a warning); a member id not on file, or no coverage source at all, is not judged."""

from __future__ import annotations

import datetime as dt

from cleanclaim.edits import Payer, ScrubContext, scrub_claim
from cleanclaim.edits.coverage import CoveragePeriod, CoverageTable

MEMBER = "XJH123456789"  # the conftest claim's subscriber id
ACME = ("ACME01", "ACME HEALTH")


def _ctx(*periods: CoveragePeriod) -> ScrubContext:
    return ScrubContext(as_of=dt.date(2026, 8, 20), coverage=CoverageTable(periods))


def _cov(c, ctx: ScrubContext) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule for f in scrub_claim(c, ctx).findings if f.category == "coverage"]


def _period(start: dt.date, end: dt.date | None = None, payer=ACME, member=MEMBER):  # type: ignore[no-untyped-def]
    return CoveragePeriod(member, payer[0], payer[1], start, end, "primary coverage of AC001")


def test_it_is_silent_while_the_coverage_runs(mk) -> None:
    ctx = _ctx(_period(dt.date(2026, 1, 1)))
    assert mk.findings(mk.claim(), ctx, "COV-001") == []
    assert _cov(mk.claim(), ctx) == []


def test_it_flags_a_service_after_the_coverage_ended(mk) -> None:
    ctx = _ctx(_period(dt.date(2025, 1, 1), mk.DOS - dt.timedelta(days=1)))
    (f,) = mk.findings(mk.claim(), ctx, "COV-001")
    assert (f.severity, f.category, f.carc, f.line) == ("error", "coverage", "27", 1)
    assert f"ended {mk.DOS - dt.timedelta(days=1)}" in f.message and "ACME HEALTH" in f.message
    assert "AC001" in f.source


def test_the_last_day_of_coverage_is_covered(mk) -> None:
    ctx = _ctx(_period(dt.date(2025, 1, 1), mk.DOS))
    assert mk.findings(mk.claim(), ctx, "COV-001") == []


def test_it_flags_a_service_before_the_coverage_starts(mk) -> None:
    ctx = _ctx(_period(mk.DOS + dt.timedelta(days=1)))
    (f,) = mk.findings(mk.claim(), ctx, "COV-002")
    assert (f.severity, f.carc) == ("error", "26")


def test_it_names_only_the_lines_outside_the_coverage(mk) -> None:
    later = mk.DOS + dt.timedelta(days=40)
    ctx = _ctx(_period(dt.date(2025, 1, 1), mk.DOS + dt.timedelta(days=30)))
    c = mk.claim(mk.line(1), mk.line(2, "36415", service_date=later))
    (f,) = mk.findings(c, ctx, "COV-001")
    assert f.line == 2 and "line 2 (36415" in f.message and "line 1" not in f.message


def test_a_gap_between_two_coverages_is_after_the_first_ended(mk) -> None:
    ctx = _ctx(
        _period(dt.date(2025, 1, 1), mk.DOS - dt.timedelta(days=10)),
        _period(mk.DOS + dt.timedelta(days=10)),
    )
    assert _cov(mk.claim(), ctx) == ["COV-001"]


def test_it_warns_when_the_payer_billed_is_not_on_file(mk) -> None:
    ctx = _ctx(_period(dt.date(2025, 1, 1), payer=("OTHER9", "OTHER PLAN")))
    (f,) = mk.findings(mk.claim(), ctx, "COV-003")
    assert (f.severity, f.carc) == ("warning", "109") and "OTHER PLAN (OTHER9)" in f.message


def test_member_ids_compare_without_case_or_blanks(mk) -> None:
    ctx = _ctx(_period(dt.date(2025, 1, 1), mk.DOS - dt.timedelta(days=1), member=" xjh123456789"))
    c = mk.claim(payer=Payer("ACME HEALTH", "acme01 ", "commercial"))
    assert [f.rule for f in mk.findings(c, ctx, "COV-001")] == ["COV-001"]


def test_it_does_not_judge_an_unknown_member_or_without_records(mk) -> None:
    ended = _period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), member="SOMEONE-ELSE")
    assert _cov(mk.claim(), _ctx(ended)) == []
    assert _cov(mk.claim(), ScrubContext(as_of=dt.date(2026, 8, 20))) == []
    # the same claim is judged once its member is on file
    assert _cov(mk.claim(), _ctx(ended, _period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))) == [
        "COV-001"
    ]
