"""EB01 6 (inactive) makes the summary inactive; EB01 R names another payer
(coordination of benefits); EB11 Y flags the service types needing authorization;
plan dates (DTP 346/347) bound the days the coverage is active."""

from __future__ import annotations

import datetime as dt

from cleanclaim.benefits import read_271
from cleanclaim.testing.eligibility import answer, member


def test_it_reads_inactive_coverage() -> None:
    summary = read_271(answer([member([{"eligibility_code": "6", "service_types": ["30"]}])]))
    assert summary.status == "inactive"
    assert summary.active_on(dt.date(2026, 12, 5)) is False


def test_it_bounds_activity_by_the_plan_dates() -> None:
    dates = [{"qualifier": "346", "date": "2026-01-01"}, {"qualifier": "347", "date": "2026-12-31"}]
    summary = read_271(
        answer([member([{"eligibility_code": "1", "service_types": ["30"]}], plan_dates=dates)])
    )
    assert summary.dates["plan_end"] == ("2026-12-31", "")
    assert summary.active_on(dt.date(2026, 12, 5)) is True
    assert summary.active_on(dt.date(2027, 1, 2)) is False


def test_it_names_other_payers_and_authorization_flags() -> None:
    benefits = [
        {"eligibility_code": "1", "service_types": ["30"]},
        {"eligibility_code": "R", "service_types": ["30"], "plan_description": "MEDICARE PART B"},
        {"eligibility_code": "1", "service_types": ["MH"], "authorization_required": "Y"},
    ]
    summary = read_271(answer([member(benefits)]))
    assert [p.name for p in summary.other_payers] == ["MEDICARE PART B"]
    assert summary.auth_required_for == ["MH"]
    assert summary.headline("MH").auth_required is True
    assert summary.headline("98").auth_required is False
