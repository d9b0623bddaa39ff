"""Every deadline of a claim, with frozen time: timely filing from the date of service,
a secondary claim from the primary's payment date, a corrected claim from the original
determination, appeals from the decisions; days left, basis, citation and hold; a date
that is not known is said, never guessed.

Persona: Bob Baker, seen 2026-01-15 at Cascade Health (180 days, corrected claims 90
days, appeals 180 and 60 days), with Medicare Part B as primary for his secondary claim.
"""

from __future__ import annotations

import datetime as dt

import time_machine

from cleanclaim.deadlines import Limit, PayerLimits
from cleanclaim.deadlines.calc import ClaimDates, deadlines

D = dt.date
DOS = D(2026, 1, 15)

CASCADE = PayerLimits(
    timely=Limit(180, citation="Cascade provider contract §4.2"),
    secondary=Limit(90, citation="Cascade provider manual, coordination of benefits"),
    corrected=Limit(90, citation="Cascade provider manual, corrected claims"),
    appeal_first=Limit(180, citation="Cascade appeals policy, level 1"),
    appeal_second=Limit(60, citation="Cascade appeals policy, level 2"),
    hold="until the referral arrives",
)
MEDICARE = PayerLimits(timely=Limit(12, "months", "42 CFR 424.44(a)(1)"))


def by_kind(found: list) -> dict:
    return {d.kind: d for d in found}


@time_machine.travel(dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC), tick=False)
def test_it_dates_the_timely_limit_from_the_date_of_service() -> None:
    (d,) = deadlines(CASCADE, ClaimDates(service_from=DOS, service_to=D(2026, 1, 20)))
    assert d.kind == "timely" and d.due == D(2026, 7, 14)  # 2026-01-15 + 180 days
    assert d.days_left == 74 and not d.past
    assert d.basis == "180 days from the date of service 2026-01-15"
    assert d.citation == "Cascade provider contract §4.2"
    assert d.hold == "until the referral arrives" and d.default is False


@time_machine.travel(dt.datetime(2027, 3, 2, 12, tzinfo=dt.UTC), tick=False)
def test_it_counts_days_past_as_negative() -> None:
    (d,) = deadlines(MEDICARE, ClaimDates(service_from=D(2026, 3, 1)))
    assert d.due == D(2027, 3, 1) and d.days_left == -1 and d.past
    assert d.basis == "12 months from the date of service 2026-03-01"
    assert d.citation == "42 CFR 424.44(a)(1)"


@time_machine.travel(dt.datetime(2027, 3, 1, 12, tzinfo=dt.UTC), tick=False)
def test_the_last_day_is_still_on_time() -> None:
    (d,) = deadlines(MEDICARE, ClaimDates(service_from=D(2026, 3, 1)))
    assert d.days_left == 0 and not d.past


def test_a_leap_day_date_of_service_is_due_on_february_28() -> None:
    (d,) = deadlines(MEDICARE, ClaimDates(service_from=D(2028, 2, 29)), today=D(2029, 1, 1))
    assert d.due == D(2029, 2, 28) and d.days_left == 58


@time_machine.travel(dt.datetime(2026, 8, 1, 12, tzinfo=dt.UTC), tick=False)
def test_a_secondary_claim_counts_from_the_primarys_payment() -> None:
    dates = ClaimDates(service_from=DOS, secondary=True, primary_paid=D(2026, 6, 10))
    (d,) = deadlines(CASCADE, dates)
    assert d.kind == "secondary" and d.due == D(2026, 9, 8)  # 2026-06-10 + 90 days
    assert d.days_left == 38
    assert d.basis == "90 days from the primary payer's payment date 2026-06-10"
    assert d.citation == "Cascade provider manual, coordination of benefits"


def test_a_secondary_claim_without_the_primarys_payment_date_says_so() -> None:
    dates = ClaimDates(service_from=DOS, secondary=True)
    (d,) = deadlines(CASCADE, dates, today=D(2026, 8, 1))
    assert d.kind == "secondary" and d.due is None and d.days_left is None and not d.past
    assert "primary payer's payment date" in d.missing and "2330B DTP*573" in d.missing
    assert "not known" in d.basis


def test_a_secondary_claim_at_a_payer_without_a_secondary_limit_uses_the_timely_one() -> None:
    dates = ClaimDates(service_from=D(2026, 1, 31), secondary=True, primary_paid=D(2026, 6, 1))
    (d,) = deadlines(MEDICARE, dates, today=D(2026, 8, 1))
    assert d.kind == "timely" and d.due == D(2027, 1, 31)


def test_a_claim_without_a_date_of_service_says_so() -> None:
    (d,) = deadlines(CASCADE, ClaimDates(), today=D(2026, 8, 1))
    assert d.kind == "timely" and d.due is None and d.missing == "the date of service"


@time_machine.travel(dt.datetime(2026, 9, 1, 12, tzinfo=dt.UTC), tick=False)
def test_a_corrected_claim_counts_from_the_original_determination() -> None:
    dates = ClaimDates(service_from=DOS, corrected=True, original_determination=D(2026, 7, 31))
    found = by_kind(deadlines(CASCADE, dates))
    assert set(found) == {"timely", "corrected"}
    c = found["corrected"]
    assert c.due == D(2026, 10, 29) and c.days_left == 58
    assert c.citation == "Cascade provider manual, corrected claims"
    assert found["timely"].past  # the original filing limit ran out in July


def test_a_corrected_claim_without_its_originals_determination_says_so() -> None:
    dates = ClaimDates(service_from=DOS, corrected=True)
    found = by_kind(deadlines(CASCADE, dates, today=D(2026, 9, 1)))
    assert found["corrected"].due is None and "determination" in found["corrected"].missing


@time_machine.travel(dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC), tick=False)
def test_appeals_count_from_the_decisions_they_contest() -> None:
    dates = ClaimDates(
        service_from=DOS, determination=D(2026, 3, 2), first_level_decision=D(2026, 8, 31)
    )
    found = by_kind(deadlines(CASCADE, dates))
    assert list(found) == ["timely", "appeal_first", "appeal_second"]
    first, second = found["appeal_first"], found["appeal_second"]
    assert first.due == D(2026, 8, 29) and first.days_left == -33
    assert first.basis == "180 days from the initial determination date 2026-03-02"
    assert second.due == D(2026, 10, 30) and second.days_left == 29
    assert second.basis == "60 days from the first-level appeal decision date 2026-08-31"
    assert second.citation == "Cascade appeals policy, level 2"


def test_limits_a_payer_does_not_set_give_no_deadline() -> None:
    dates = ClaimDates(
        service_from=DOS,
        corrected=True,
        original_determination=D(2026, 3, 1),
        determination=D(2026, 3, 1),
        first_level_decision=D(2026, 4, 1),
    )
    assert [d.kind for d in deadlines(MEDICARE, dates, today=D(2026, 5, 1))] == ["timely"]


def test_a_default_limit_says_it_is_a_default() -> None:
    limits = PayerLimits(timely=Limit(90, citation="90-day default"), default=True)
    (d,) = deadlines(limits, ClaimDates(service_from=DOS), today=D(2026, 2, 1))
    assert d.default is True and d.due == D(2026, 4, 15)
