"""missing-data: ZIP+4, REF*F8 on replacements and voids, subscriber ID, patient
demographics, diagnoses, procedure, payer, line date, billing NPI."""

from __future__ import annotations

import pytest

from cleanclaim.edits import Address, Patient, Payer, Provider


def test_it_wants_a_nine_digit_billing_zip(mk, ctx) -> None:
    bp = Provider(mk.VALID_NPI, "Clinic", Address("1 Main", "", "Springfield", "IL", "62701"))
    (f,) = mk.findings(mk.claim(billing_provider=bp), ctx, "MD-001")
    assert "62701" in f.message and f.category == "missing-data" and f.carc == "16"


@pytest.mark.parametrize("freq", ["7", "8"])
def test_it_wants_ref_f8_on_replacement_and_void(mk, ctx, freq: str) -> None:
    (f,) = mk.findings(mk.claim(frequency_code=freq), ctx, "MD-002")
    assert f"frequency {freq}" in f.message
    assert (
        mk.findings(mk.claim(frequency_code=freq, original_claim_ref="PAYER123"), ctx, "MD-002")
        == []
    )


def test_it_wants_a_subscriber_id(mk, ctx) -> None:
    assert len(mk.findings(mk.claim(subscriber_id=""), ctx, "MD-003")) == 1


def test_it_wants_patient_birth_date_and_sex(mk, ctx) -> None:
    (f,) = mk.findings(mk.claim(patient=Patient("X", None, "")), ctx, "MD-004")
    assert "date of birth and sex" in f.message


def test_it_wants_a_diagnosis_a_procedure_and_a_line_date(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "", service_date=None), diagnoses=())
    assert {"MD-005", "MD-006", "MD-008"} <= set(mk.rules_of(c, ctx))


def test_it_wants_the_payer_and_the_billing_npi(mk, ctx) -> None:
    c = mk.claim(
        payer=Payer("", "", "commercial"),
        billing_provider=Provider("", "Clinic", Address(zip="627011234")),
    )
    assert {"MD-007", "MD-009"} <= set(mk.rules_of(c, ctx))
