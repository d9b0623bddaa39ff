"""A secondary claim (responsibility S) after a primary paid, as view objects: the shape
the other-payer tests share (2320/2330A/2330B for the primary, a 2430 per line)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from cleanclaim.x12.x222a1_837p import (
    Adjustment,
    Claim,
    LineAdjudication,
    OtherPayer,
    OtherSubscriber,
    ServiceLine,
)
from cleanclaim.x12.x222a1_837p.building import Receiver, Submitter
from cleanclaim.x12.x222a1_837p.view import Address, Party, Payer, Person

SUBMITTER = Submitter("RIVERSIDE FAMILY MEDICINE", "RFM0001", "ALICE BILLER", phone="5035550100")
RECEIVER = Receiver("DEMO CLEARINGHOUSE", "CH0001")
CREATED = datetime(2026, 12, 1, 9, 30)


def secondary_claim(*, line2_paid: str = "30.00") -> Claim:
    """Two lines (100.00 and 50.00); the primary (Medicare Part B) paid 64.00 and 30.00,
    contractual CO-45 and patient coinsurance PR-2 on each line, a claim-level PR-1."""
    subscriber = Person(
        last_name="DOE",
        first_name="JANE",
        dob="1950-04-02",
        sex="F",
        member_id="SEC998877",
        address=Address("12 ELM ST", "", "PORTLAND", "OR", "97201"),
    )
    adjudicated = "2026-11-20"
    return Claim(
        claim_id="RFM-2001",
        total_charge=Decimal("150.00"),
        frequency_code="1",
        place_of_service="11",
        diagnoses=["E11.9"],
        billing_provider=Party(
            npi="1234567893",
            name="RIVERSIDE FAMILY MEDICINE",
            entity_type="organization",
            address=Address("1 MAIN ST", "", "PORTLAND", "OR", "972011234"),
            tax_id="931234567",
        ),
        rendering_provider=None,
        subscriber=subscriber,
        patient=Person(),
        payer=Payer("ACME SUPPLEMENT", "ACME02"),
        payer_responsibility="S",
        filing_indicator="CI",
        lines=[
            ServiceLine(
                "99213",
                [],
                Decimal("100.00"),
                Decimal(1),
                [1],
                "2026-11-02",
                adjudications=[
                    LineAdjudication(
                        payer_id="MCR01",
                        paid=Decimal("64.00"),
                        procedure="99213",
                        adjudicated_on=adjudicated,
                        units=Decimal(1),
                        adjustments=[
                            Adjustment("CO", "45", Decimal("20.00")),
                            Adjustment("PR", "2", Decimal("16.00")),
                        ],
                    )
                ],
            ),
            ServiceLine(
                "36415",
                [],
                Decimal("50.00"),
                Decimal(1),
                [1],
                "2026-11-02",
                adjudications=[
                    LineAdjudication(
                        payer_id="MCR01",
                        paid=Decimal(line2_paid),
                        procedure="36415",
                        adjudicated_on=adjudicated,
                        units=Decimal(1),
                        adjustments=[
                            Adjustment("CO", "45", Decimal("12.50")),
                            Adjustment("PR", "2", Decimal("7.50")),
                        ],
                    )
                ],
            ),
        ],
        other_payers=[
            OtherPayer(
                responsibility="P",
                relationship="18",
                filing_indicator="MB",
                payer_name="MEDICARE PART B",
                payer_id="MCR01",
                subscriber=OtherSubscriber(
                    last_name="DOE", first_name="JANE", member_id="1EG4TE5MK73"
                ),
                paid=Decimal("94.00"),
                remaining_patient_liability=Decimal("23.50"),
                remark_codes=["MA01"],
                adjudicated_on=adjudicated,
                payer_claim_control_number="MCR-555-0001",
            )
        ],
    )
