"""Deductible and out-of-pocket are read as totals per period (EB06 23 calendar year)
and what remains (EB06 29), for the individual (EB02 IND) apart from the family, in
network apart from out of network; coinsurance (EB08) and the copay (EB07) too."""

from __future__ import annotations

from decimal import Decimal

from cleanclaim.benefits import read_271
from cleanclaim.testing.eligibility import answer, member

BENEFITS = [
    {"eligibility_code": "1", "service_types": ["30"], "plan_description": "SILVER PPO"},
    {
        "eligibility_code": "B",
        "service_types": ["98"],
        "time_period": "27",
        "amount": "25",
        "in_network": True,
    },
    {"eligibility_code": "A", "service_types": ["30"], "percent": "0.2", "in_network": True},
    {
        "eligibility_code": "C",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "23",
        "amount": "1500",
        "in_network": True,
    },
    {
        "eligibility_code": "C",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "29",
        "amount": "1200.50",
        "in_network": True,
    },
    {
        "eligibility_code": "C",
        "coverage_level": "FAM",
        "service_types": ["30"],
        "time_period": "23",
        "amount": "3000",
        "in_network": True,
    },
    {
        "eligibility_code": "C",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "23",
        "amount": "4000",
        "in_network": False,
    },
    {
        "eligibility_code": "G",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "23",
        "amount": "6000",
        "in_network": True,
    },
    {
        "eligibility_code": "G",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "29",
        "amount": "5100",
        "in_network": True,
    },
]


def test_it_reads_the_ten_second_figures() -> None:
    summary = read_271(answer([member(BENEFITS)]))
    head = summary.headline("98")
    assert summary.status == "active"
    assert summary.plan_name == "SILVER PPO"
    assert head.copay == Decimal("25")
    assert head.coinsurance == Decimal("0.2")
    assert (head.deductible_total, head.deductible_remaining) == (
        Decimal("1500"),
        Decimal("1200.50"),
    )
    assert (head.oop_total, head.oop_remaining) == (Decimal("6000"), Decimal("5100"))
    family = [ln.amount for ln in summary.lines if ln.level == "family"]
    assert family == [Decimal("3000")]


def test_it_keeps_amounts_through_its_json() -> None:
    summary = read_271(answer([member(BENEFITS)]))
    again = type(summary).from_json(summary.as_json())
    assert again.headline("98") == summary.headline("98")
    assert again.as_json() == summary.as_json()
