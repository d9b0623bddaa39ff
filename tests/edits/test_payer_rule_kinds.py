"""Each kind of the payer rule language finds what it should on a claim of Alice
Adams (commercial plan ACME01), and nothing on a claim that follows the rule; a rule
applies only to dates of service from its effective date to its end date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
import time_machine

from cleanclaim.edits import ScrubContext, scrub_claim
from cleanclaim.edits.payer_rules_lang import parse_rules

HEAD = "rules:\n  - id: R1\n    payer: ACME01\n    effective: 2026-01-01\n"
TAIL = "    citation: ACME bulletin 2026-03\n    fix: do it\n"


def ctx_with(body: str, as_of: dt.date | None = None) -> ScrubContext:
    rules = parse_rules(HEAD + body + TAIL)
    return ScrubContext(as_of=as_of or dt.date(2026, 8, 20), payer_rules=rules)


def _found(claim, ctx) -> list:
    return [f for f in scrub_claim(claim, ctx).findings if "[payer rule R1]" in f.message]


def _ids(mk, claim, ctx) -> list[tuple[str, str]]:
    return [(f.rule, f.category) for f in _found(claim, ctx)]


@pytest.mark.parametrize(
    ("body", "bad", "good", "rule"),
    [
        (
            "    kind: not-covered\n    codes: [97110-97799]\n",
            {"lines": ("97110",)},
            {"lines": ("97010",)},
            "PAYER-NOT-COVERED",
        ),
        (
            "    kind: modifier-required\n    codes: ['97110']\n    modifiers: [GP]\n",
            {"lines": ("97110",)},
            {"lines": ("97110",), "modifiers": ("GP",)},
            "PAYER-MODIFIER",
        ),
        (
            "    kind: diagnosis-required\n    codes: ['97110']\n    diagnoses: [M54.50-M54.59]\n",
            {"lines": ("97110",)},
            {"lines": ("97110",), "diagnoses": ("M54.50",)},
            "PAYER-DX",
        ),
        (
            "    kind: units-limit\n    codes: [97110-97799]\n    units: 4\n    per: day\n",
            {"lines": ("97110",), "units": Decimal(5)},
            {"lines": ("97110",), "units": Decimal(4)},
            "PAYER-UNITS",
        ),
        (
            "    kind: referring-provider\n    codes: [97110-97799]\n",
            {"lines": ("97110",)},
            {"lines": ("97110",), "referring_npi": "1234567893"},
            "PAYER-REFERRING",
        ),
        (
            "    kind: place-of-service\n    codes: ['97110']\n    allowed: ['11', '22']\n",
            {"lines": ("97110",), "place_of_service": "12"},
            {"lines": ("97110",)},
            "PAYER-POS",
        ),
        (
            "    kind: secondary-claims\n    send: paper\n",
            {"payer_responsibility": "S"},
            {"payer_responsibility": "P"},
            "PAYER-SECONDARY",
        ),
        (
            "    kind: frequency-codes\n    accepted: ['1', '8']\n",
            {"frequency_code": "7", "original_claim_ref": "X1"},
            {"frequency_code": "8", "original_claim_ref": "X1"},
            "PAYER-FREQUENCY",
        ),
    ],
)
def test_it_checks_each_kind(mk, body: str, bad: dict, good: dict, rule: str) -> None:
    ctx = ctx_with(body)

    def build(spec: dict):
        spec = dict(spec)
        codes = spec.pop("lines", ("99213",))
        line_kw = {k: spec.pop(k) for k in ("modifiers", "units") if k in spec}
        return mk.claim(*[mk.line(i, c, **line_kw) for i, c in enumerate(codes, 1)], **spec)

    assert _ids(mk, build(bad), ctx) == [(rule, "payer-rule")]
    assert _ids(mk, build(good), ctx) == []


def test_units_per_period_add_up_over_the_claims_lines(mk) -> None:
    ctx = ctx_with("    kind: units-limit\n    codes: ['97110']\n    units: 3\n    per: 7 days\n")
    day = dt.date(2026, 8, 3)
    lines = [
        mk.line(i, "97110", units=Decimal(2), service_date=day + dt.timedelta(i)) for i in (1, 2)
    ]
    (f,) = _found(mk.claim(*lines), ctx)
    assert "4 units" in f.message and "allows 3 per 7 days" in f.message


def test_a_rule_stops_applying_after_its_end_date(mk) -> None:
    ctx = ctx_with("    end: 2026-06-30\n    kind: not-covered\n    codes: ['97110']\n")
    before = mk.claim(mk.line(1, "97110", service_date=dt.date(2026, 6, 30)))
    after = mk.claim(mk.line(1, "97110", service_date=dt.date(2026, 7, 1)))
    assert _ids(mk, before, ctx) == [("PAYER-NOT-COVERED", "payer-rule")]
    assert _ids(mk, after, ctx) == []


def test_a_rule_applies_from_its_effective_date(mk) -> None:
    ctx = ctx_with("    kind: not-covered\n    codes: ['97110']\n")
    early = mk.claim(mk.line(1, "97110", service_date=dt.date(2025, 12, 31)))
    assert _ids(mk, early, ctx) == []


@time_machine.travel(dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC), tick=False)
def test_a_claim_without_dates_is_judged_as_of_today(mk) -> None:
    rules = parse_rules(
        HEAD + "    end: 2026-06-30\n    kind: not-covered\n    codes: ['97110']\n" + TAIL
    )
    undated = mk.claim(mk.line(1, "97110", service_date=None))
    ctx = ScrubContext(payer_rules=rules)  # as of today: 2026-07-15, after the end
    assert ctx.as_of == dt.date(2026, 7, 15)
    assert _ids(mk, undated, ctx) == []
    earlier = replace(ctx, as_of=dt.date(2026, 6, 1))
    assert _ids(mk, undated, earlier) == [("PAYER-NOT-COVERED", "payer-rule")]


def test_prior_auth_is_an_auth_finding_citing_the_rule(mk) -> None:
    ctx = ctx_with("    kind: prior-auth\n    codes: [97110-97799]\n")
    (f,) = _found(mk.claim(mk.line(1, "97112")), ctx)
    assert f.rule == "PAYER-AUTH"
    assert f.category == "auth" and f.source == "ACME bulletin 2026-03 (payer rule R1)"
    assert f.fix == "do it" and f.carc == "197"
