"""A benefit with 0 visits remaining (EB06 29, EB09 VS, EB10 0) is used up; a deductible
with 0 remaining is met, which is not a problem."""

from __future__ import annotations

from cleanclaim.benefits import read_271
from cleanclaim.testing.eligibility import answer, member


def test_it_lists_visits_used_up_but_not_a_met_deductible() -> None:
    benefits = [
        {"eligibility_code": "1", "service_types": ["30"]},
        {"eligibility_code": "F", "service_types": ["33"], "time_period": "29",
         "quantity_qualifier": "VS", "quantity": "0"},
        {"eligibility_code": "C", "coverage_level": "IND", "service_types": ["30"],
         "time_period": "29", "amount": "0"},
    ]  # fmt: skip
    summary = read_271(answer([member(benefits)]))
    assert summary.exhausted() == ["no visits remaining for 33"]
