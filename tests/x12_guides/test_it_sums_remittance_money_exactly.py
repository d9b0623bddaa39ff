"""Remittance money math is exact Decimal: any amounts that balance on paper
balance in the 835 we build and read back; one cent off anywhere does not."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanclaim.x12 import parse, validate
from cleanclaim.x12._json_view import document_json, write_json

CENTS = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c) / 100)


def _remittance(lines: list[tuple[Decimal, Decimal, Decimal]], plb: Decimal) -> dict:
    """One claim; each line (charge, paid, contractual) with PR covering the rest."""
    services = []
    for n, (charge, paid, co) in enumerate(lines):
        pr = charge - paid - co
        services.append(
            {
                "procedure": f"9921{n % 5}",
                "charge": str(charge),
                "paid": str(paid),
                "adjustments": [
                    {"group": "CO", "reason": "45", "amount": str(co)},
                    {"group": "PR", "reason": "2", "amount": str(pr)},
                ],
            }
        )
    charge = sum((c for c, _, _ in lines), Decimal(0))
    paid = sum((p for _, p, _ in lines), Decimal(0))
    return {
        "transaction_set": "835",
        "total_payment": str(paid - plb),
        "payment_date": "2026-11-20",
        "trace_number": "T1",
        "payer_identifier": "1999999999",
        "payer": {
            "name": "P",
            "address": {"lines": ["1 A"], "city": "DENVER", "state": "CO", "postal_code": "80202"},
            "contacts": [{"name": "X", "qualifier": "TE", "number": "8005551212"}],
        },
        "payee": {"name": "C", "id_qualifier": "XX", "id": "1234567893"},
        "claims": [
            {
                "patient_control_number": "PCN1",
                "status_code": "1",
                "charge": str(charge),
                "paid": str(paid),
                "services": services,
            }
        ],
        "provider_adjustments": [
            {
                "provider_id": "1234567893",
                "fiscal_period_date": "2026-12-31",
                "reason": "L6",
                "amount": str(plb),
            }
        ]
        if plb
        else [],
    }


def _balanced(obj: dict) -> bool:
    parsed = validate(parse(write_json(obj)))
    tx = document_json(parsed)["transactions"][0]
    balancing = {f.code for f in parsed.findings() if f.code.startswith("x12.835")}
    assert tx["balanced"] is (not balancing)
    return bool(tx["balanced"])


LINES = st.lists(st.tuples(CENTS, CENTS, CENTS), min_size=1, max_size=4).map(
    lambda xs: [(c + p + co, p, co) for c, p, co in xs]  # charge ≥ paid + contractual
)


@settings(max_examples=40, deadline=None)
@given(LINES, CENTS)
def test_it_balances_any_amounts_that_add_up(lines, plb):
    assert _balanced(_remittance(lines, plb))


@settings(max_examples=40, deadline=None)
@given(LINES, CENTS)
def test_it_notices_one_cent(lines, plb):
    obj = _remittance(lines, plb)
    obj["total_payment"] = str(Decimal(obj["total_payment"]) + Decimal("0.01"))
    assert not _balanced(obj)
