"""The adapter maps the 837P view's claim item by item (a claim built in the test)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.paper import Cms1500Error, from_837p
from cleanclaim.x12.x222a1_837p.view import Address, Claim, Party, Payer, Person, ServiceLine


def _view(**changes: object) -> Claim:
    subscriber = Person(
        name="DOE, JOHN",
        last_name="DOE",
        first_name="JOHN",
        dob="1958-01-31",
        sex="M",
        member_id="W123456789",
        address=Address("12 OAK ST", "APT 4", "PORTLAND", "OR", "97201"),
        relationship="01",
    )
    patient = Person(
        name="DOE, JANE",
        last_name="DOE",
        first_name="JANE",
        middle_name="QUINN",
        dob="1960-04-02",
        sex="F",
        member_id="W123456789",
        relationship="01",
    )
    claim = Claim(
        claim_id="ACCT1001",
        total_charge=Decimal("143.50"),
        frequency_code="7",
        place_of_service="11",
        diagnoses=["E11.9", "I10"],
        diagnosis_qualifiers=["ABK", "ABF"],
        billing_provider=Party(
            npi="1245319599",
            name="CASCADE FAMILY CLINIC",
            tax_id="93-1234567",
            address=Address("400 RIVER RD", "", "PORTLAND", "OR", "972021234"),
        ),
        rendering_provider=Party(npi="1234567893", name="SMITH, ANN"),
        referring_provider=Party(npi="1003000126", name="JONES, BOB"),
        subscriber=subscriber,
        patient=patient,
        payer=Payer("DEMO HEALTH PLAN", "DEMO01"),
        filing_indicator="CI",
        group_number="GRP7781",
        payer_claim_control_number="PCN998877",
        prior_authorization="PA1",
        assignment="A",
        lines=[
            ServiceLine("99213", ["25"], Decimal("125"), Decimal(1), [1, 2], "2026-11-03"),
            ServiceLine(
                "J1815",
                [],
                Decimal("18.50"),
                Decimal(5),
                [1],
                "2026-11-03",
                service_date_end="2026-11-04",
                ndc="00169750111",
                ndc_quantity=Decimal("2.5"),
                ndc_unit="ML",
                rendering_npi="1497758544",
            ),
        ],
    )
    for key, value in changes.items():
        setattr(claim, key, value)
    return claim


def test_it_maps_each_item() -> None:
    paper = from_837p(_view())
    assert (paper.insurance_type, paper.insured_id) == ("group", "W123456789")
    assert paper.patient_name == "DOE, JANE, Q" and paper.insured_name == "DOE, JOHN"
    assert paper.patient_birth_date == dt.date(1960, 4, 2) and paper.patient_sex == "F"
    assert paper.insured_birth_date == dt.date(1958, 1, 31) and paper.insured_sex == "M"
    assert paper.relationship == "spouse"
    assert paper.insured_address.street == "12 OAK ST APT 4"
    assert (paper.insured_group, paper.insured_plan) == ("GRP7781", "DEMO HEALTH PLAN")
    assert (paper.referring_qualifier, paper.referring_name, paper.referring_npi) == (
        "DN",
        "JONES, BOB",
        "1003000126",
    )
    assert paper.icd_indicator == "0" and list(paper.diagnoses) == ["E11.9", "I10"]
    assert (paper.resubmission_code, paper.original_reference) == ("7", "PCN998877")
    assert paper.prior_authorization == "PA1"
    assert (paper.tax_id, paper.tax_id_is_ssn) == ("931234567", False)
    assert (paper.patient_account, paper.accept_assignment) == ("ACCT1001", True)
    assert paper.total == Decimal("143.50")
    assert (paper.billing_name, paper.billing_npi) == ("CASCADE FAMILY CLINIC", "1245319599")
    first, second = paper.lines
    assert (first.pointers, first.rendering_npi, first.place_of_service) == (
        "AB",
        "1234567893",
        "11",
    )
    assert first.modifiers == ("25",) and first.date_to is None
    assert (second.ndc, second.rendering_npi, second.units) == ("00169750111", "1497758544", 5)
    assert (second.ndc_unit, second.ndc_quantity) == ("ML", Decimal("2.5"))
    assert second.date_to == dt.date(2026, 11, 4)


@pytest.mark.parametrize(
    ("filing", "kind"),
    [
        ("MB", "medicare"),
        ("MC", "medicaid"),
        ("CH", "tricare"),
        ("VA", "champva"),
        ("BL", "group"),
        ("WC", "other"),
    ],
)
def test_it_ticks_the_insurance_type_of_the_filing_indicator(filing: str, kind: str) -> None:
    assert from_837p(_view(filing_indicator=filing)).insurance_type == kind


def test_it_leaves_item_22_empty_for_an_original_claim() -> None:
    paper = from_837p(_view(frequency_code="1"))
    assert (paper.resubmission_code, paper.original_reference) == ("", "")


def test_it_names_the_box_of_a_date_it_cannot_read() -> None:
    patient = _view().patient
    patient.dob = "1960-02-31"
    with pytest.raises(Cms1500Error, match=r"claim ACCT1001: box 3: '1960-02-31' is not a date"):
        from_837p(_view(patient=patient))
