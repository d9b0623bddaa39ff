"""Fixtures for the CMS-1500 tests: a claim built here, and the PDF read back.

The persona: Jane Q. Doe, covered by her own group health plan, seen on 3 November 2026
for type 2 diabetes and hypertension; the clinic bills an office visit with modifier 25
and an injection with its NDC.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from cleanclaim.paper import Address, Cms1500Claim, Cms1500Line
from cleanclaim.testing.pdf import Placed, placed_text


def visit(**changes: Any) -> Cms1500Line:
    base = Cms1500Line(
        date_from=dt.date(2026, 11, 3),
        procedure="99213",
        modifiers=("25",),
        pointers="AB",
        charge=Decimal("125.00"),
        units=Decimal(1),
        place_of_service="11",
        rendering_npi="1234567893",
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def line() -> Callable[..., Cms1500Line]:
    """A service line; keyword arguments change it."""
    return visit


@pytest.fixture
def claim() -> Cms1500Claim:
    return Cms1500Claim(
        insurance_type="group",
        insured_id="XYZ123456789",
        patient_name="DOE, JANE, Q",
        patient_birth_date=dt.date(1960, 4, 2),
        patient_sex="F",
        insured_name="DOE, JANE, Q",
        patient_address=Address("12 OAK ST", "PORTLAND", "OR", "97201", "5035550111"),
        insured_address=Address("12 OAK ST", "PORTLAND", "OR", "97201"),
        insured_group="GRP7781",
        insured_plan="DEMO HEALTH PLAN",
        diagnoses=("E11.9", "I10"),
        prior_authorization="PA20261103",
        lines=(
            visit(),
            visit(
                procedure="J1815",
                modifiers=(),
                pointers="A",
                charge=Decimal("18.50"),
                units=Decimal(5),
                ndc="00169750111",
                ndc_unit="UN",
                ndc_quantity=Decimal(5),
            ),
        ),
        tax_id="931234567",
        patient_account="ACCT1001",
        accept_assignment=True,
        billing_name="CASCADE FAMILY CLINIC",
        billing_address=Address("400 RIVER RD", "PORTLAND", "OR", "97202", "5035550100"),
        billing_npi="1245319599",
        payer_name="DEMO HEALTH PLAN",
    )


@pytest.fixture
def read_back() -> Callable[..., Placed]:
    return placed_text
