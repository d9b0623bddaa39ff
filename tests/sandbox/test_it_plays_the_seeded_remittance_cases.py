"""Seeded 835 cases, by the start of the subscriber's member id (docs/sandbox.md):
SPLIT (two CLP for one claim), REVERSE (paid, reversed with CLP02 22, corrected),
XOVER (CLP02 19, forwarded to another payer), INTEREST (a PLB L6 interest line)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sandbox_helpers import EXAMPLE_WORLD, golden_claim, make_837, of_kind, our_errors, remits

from cleanclaim.sandbox.world import World
from cleanclaim.x12 import parse


@pytest.fixture
def seeded_world() -> World:
    obj = json.loads(EXAMPLE_WORLD.read_text())
    jane = obj["members"][0]
    for seed in ("SPLIT1", "REVERSE1", "XOVER1", "INTEREST1"):
        obj["members"].append(dict(jane, member_id=seed))
    return World.from_json(obj)


def _file(make_adjudicator, world: World, member_id: str, pyx12_validate) -> bytes:
    claim = golden_claim(0)
    claim["subscriber"] = dict(claim["subscriber"], member_id=member_id)
    (remit,) = of_kind(make_adjudicator(w=world).receive("s.837", make_837([claim])), "835")
    assert our_errors(remit.data) == []
    ok, errors = pyx12_validate(remit.data)
    assert ok, errors
    return remit.data


def test_it_splits_a_claim_into_two_payments(
    make_adjudicator, seeded_world, pyx12_validate
) -> None:
    first, second = remits(_file(make_adjudicator, seeded_world, "SPLIT1", pyx12_validate))[
        "RFM-1001"
    ]
    assert first.clp.total_claim_charge_amount == Decimal("150.00")
    assert second.clp.total_claim_charge_amount == Decimal("32.50")
    assert first.clp.payer_claim_control_number != second.clp.payer_claim_control_number


def test_it_reverses_and_corrects_a_payment(make_adjudicator, seeded_world, pyx12_validate) -> None:
    data = _file(make_adjudicator, seeded_world, "REVERSE1", pyx12_validate)
    original, reversal, correction = remits(data)["RFM-1001"]
    assert [c.clp.claim_status_code for c in (original, reversal, correction)] == ["1", "22", "1"]
    assert reversal.clp.claim_payment_amount == -original.clp.claim_payment_amount
    bpr = parse(data).transactions[0].data.remittance.bpr
    assert bpr.total_actual_provider_payment_amount == correction.clp.claim_payment_amount


def test_it_marks_a_crossover(make_adjudicator, seeded_world, pyx12_validate) -> None:
    (claim,) = remits(_file(make_adjudicator, seeded_world, "XOVER1", pyx12_validate))["RFM-1001"]
    assert claim.clp.claim_status_code == "19"


def test_it_pays_interest_in_a_plb(make_adjudicator, seeded_world, pyx12_validate) -> None:
    data = _file(make_adjudicator, seeded_world, "INTEREST1", pyx12_validate)
    remittance = parse(data).transactions[0].data.remittance
    (plb,) = remittance.provider_adjustments
    # 1 % of 105.00 paid, as a negative PLB (it raises the payment): BPR02 = 105.00 + 1.05
    assert "PLB*1245319599*20261231*L6:RFM-1001*-1.05~" in data.decode()
    assert remittance.bpr.total_actual_provider_payment_amount == Decimal("106.05")
    assert plb is not None
