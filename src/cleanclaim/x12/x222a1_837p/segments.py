"""837P segments (005010X222A1) beyond the shared ones in :mod:`cleanclaim.x12.common`.

Field names are the X12 element names; each field's ``el(...)`` carries the
element reference (``CLM05``), type and length from the 5010 dictionary.
Amounts stay text as read (lossless); the ``*_amount``-style properties give
``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ...money import read_amount
from ..common import (
    AMT,
    BHT,
    CAS,
    DMG,
    DTP,
    HL,
    LQ,
    N3,
    N4,
    NM1,
    NTE,
    PER,
    PRV,
    QTY,
    REF,
    SE,
    ST,
)
from ..typed import AN, ID, N0, R, TypedSegment, el
from .line_segments import CR3, CTP, FRM, LIN, MEA, PS1, SV1, SV5, SVD

__all__ = [
    "AMT",
    "BHT",
    "CAS",
    "CLM",
    "CN1",
    "CR1",
    "CR2",
    "CR3",
    "CRC",
    "CTP",
    "CUR",
    "DMG",
    "DTP",
    "FRM",
    "HCP",
    "HI",
    "HL",
    "K3",
    "LIN",
    "LQ",
    "LX",
    "MEA",
    "MOA",
    "N3",
    "N4",
    "NM1",
    "NTE",
    "OI",
    "PAT",
    "PER",
    "PRV",
    "PS1",
    "PWK",
    "QTY",
    "REF",
    "SBR",
    "SE",
    "ST",
    "SV1",
    "SV5",
    "SVD",
]


@dataclass(slots=True)
class CUR(TypedSegment):
    """Foreign Currency Information (2000A)."""

    TAG: ClassVar[str] = "CUR"
    entity_identifier_code: str = el("CUR01", "Entity Identifier Code", ID, 2, 3)
    currency_code: str = el("CUR02", "Currency Code", ID, 3, 3)


@dataclass(slots=True)
class SBR(TypedSegment):
    """Subscriber Information (2000B) / Other Subscriber Information (2320)."""

    TAG: ClassVar[str] = "SBR"
    payer_responsibility_sequence_number_code: str = el(
        "SBR01", "Payer Responsibility Sequence Number Code", ID, 1, 1
    )
    individual_relationship_code: str = el("SBR02", "Individual Relationship Code", ID, 2, 2)
    reference_identification: str = el("SBR03", "Reference Identification", AN, 1, 50)
    name: str = el("SBR04", "Name", AN, 1, 60)
    insurance_type_code: str = el("SBR05", "Insurance Type Code", ID, 1, 3)
    coordination_of_benefits_code: str = el("SBR06", "Coordination of Benefits Code", ID, 1, 1)
    yes_no_condition_or_response_code: str = el(
        "SBR07", "Yes/No Condition or Response Code", ID, 1, 1
    )
    employment_status_code: str = el("SBR08", "Employment Status Code", ID, 2, 2)
    claim_filing_indicator_code: str = el("SBR09", "Claim Filing Indicator Code", ID, 1, 2)


@dataclass(slots=True)
class PAT(TypedSegment):
    """Patient Information (2000B, 2000C)."""

    TAG: ClassVar[str] = "PAT"
    individual_relationship_code: str = el("PAT01", "Individual Relationship Code", ID, 2, 2)
    patient_location_code: str = el("PAT02", "Patient Location Code", ID, 1, 1)
    employment_status_code: str = el("PAT03", "Employment Status Code", ID, 2, 2)
    student_status_code: str = el("PAT04", "Student Status Code", ID, 1, 1)
    date_time_period_format_qualifier: str = el(
        "PAT05", "Date Time Period Format Qualifier", ID, 2, 3
    )
    date_time_period: str = el("PAT06", "Date Time Period", AN, 1, 35)
    unit_or_basis_for_measurement_code: str = el(
        "PAT07", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    weight: str = el("PAT08", "Weight", R, 1, 10)
    yes_no_condition_or_response_code: str = el(
        "PAT09", "Yes/No Condition or Response Code", ID, 1, 1
    )


@dataclass(slots=True)
class CLM(TypedSegment):
    """Claim Information (2300).

    CLM05 is the composite Health Care Service Location Information:
    CLM05-1 place of service, CLM05-2 facility code qualifier (``B``),
    CLM05-3 claim frequency type code.
    """

    TAG: ClassVar[str] = "CLM"
    claim_submitters_identifier: str = el("CLM01", "Claim Submitter's Identifier", AN, 1, 38)
    monetary_amount: str = el("CLM02", "Monetary Amount", R, 1, 18)
    claim_filing_indicator_code: str = el("CLM03", "Claim Filing Indicator Code", ID, 1, 2)
    non_institutional_claim_type_code: str = el(
        "CLM04", "Non-Institutional Claim Type Code", ID, 1, 2
    )
    health_care_service_location_information: tuple[str, ...] = el(
        "CLM05", "Health Care Service Location Information", AN, 1, 2, composite=True
    )
    provider_or_supplier_signature_indicator: str = el(
        "CLM06", "Yes/No Condition or Response Code", ID, 1, 1
    )
    provider_accept_assignment_code: str = el("CLM07", "Provider Accept Assignment Code", ID, 1, 1)
    benefits_assignment_certification_indicator: str = el(
        "CLM08", "Yes/No Condition or Response Code", ID, 1, 1
    )
    release_of_information_code: str = el("CLM09", "Release of Information Code", ID, 1, 1)
    patient_signature_source_code: str = el("CLM10", "Patient Signature Source Code", ID, 1, 1)
    related_causes_information: tuple[str, ...] = el(
        "CLM11", "Related Causes Information", AN, 1, 3, composite=True
    )
    special_program_code: str = el("CLM12", "Special Program Code", ID, 2, 3)
    clm13: str = el("CLM13", "Yes/No Condition or Response Code", ID, 1, 1)
    clm14: str = el("CLM14", "Level of Service Code", ID, 1, 3)
    clm15: str = el("CLM15", "Yes/No Condition or Response Code", ID, 1, 1)
    clm16: str = el("CLM16", "Provider Agreement Code", ID, 1, 1)
    clm17: str = el("CLM17", "Claim Status Code", ID, 1, 2)
    clm18: str = el("CLM18", "Yes/No Condition or Response Code", ID, 1, 1)
    clm19: str = el("CLM19", "Claim Submission Reason Code", ID, 2, 2)
    delay_reason_code: str = el("CLM20", "Delay Reason Code", ID, 1, 2)

    @property
    def total_charge(self) -> Decimal | None:
        """CLM02 as a Decimal."""
        return read_amount(self.monetary_amount)

    @property
    def place_of_service(self) -> str:
        """CLM05-1."""
        return self.component(5, 1)

    @property
    def frequency_code(self) -> str:
        """CLM05-3."""
        return self.component(5, 3)


@dataclass(slots=True)
class HI(TypedSegment):
    """Health Care Information Codes (diagnoses, 2300): twelve composites.

    Each composite: -1 code list qualifier (ABK principal, ABF other ICD-10-CM),
    -2 industry code (the code without its dot), -3..-9 not used in 837P
    diagnosis HI except -9 present-on-admission (not used in professional).
    """

    TAG: ClassVar[str] = "HI"
    hi01: tuple[str, ...] = el("HI01", "Health Care Code Information", AN, 1, 30, composite=True)
    hi02: tuple[str, ...] = el("HI02", "Health Care Code Information", AN, 1, 30, composite=True)
    hi03: tuple[str, ...] = el("HI03", "Health Care Code Information", AN, 1, 30, composite=True)
    hi04: tuple[str, ...] = el("HI04", "Health Care Code Information", AN, 1, 30, composite=True)
    hi05: tuple[str, ...] = el("HI05", "Health Care Code Information", AN, 1, 30, composite=True)
    hi06: tuple[str, ...] = el("HI06", "Health Care Code Information", AN, 1, 30, composite=True)
    hi07: tuple[str, ...] = el("HI07", "Health Care Code Information", AN, 1, 30, composite=True)
    hi08: tuple[str, ...] = el("HI08", "Health Care Code Information", AN, 1, 30, composite=True)
    hi09: tuple[str, ...] = el("HI09", "Health Care Code Information", AN, 1, 30, composite=True)
    hi10: tuple[str, ...] = el("HI10", "Health Care Code Information", AN, 1, 30, composite=True)
    hi11: tuple[str, ...] = el("HI11", "Health Care Code Information", AN, 1, 30, composite=True)
    hi12: tuple[str, ...] = el("HI12", "Health Care Code Information", AN, 1, 30, composite=True)

    def codes(self) -> list[tuple[str, str]]:
        """``(qualifier, code)`` for each composite present, in order."""
        out = []
        for v in (
            self.hi01,
            self.hi02,
            self.hi03,
            self.hi04,
            self.hi05,
            self.hi06,
            self.hi07,
            self.hi08,
            self.hi09,
            self.hi10,
            self.hi11,
            self.hi12,
        ):
            if v:
                out.append((v[0], v[1] if len(v) > 1 else ""))
        return out


@dataclass(slots=True)
class LX(TypedSegment):
    """Transaction Segment Count (2400 service line number)."""

    TAG: ClassVar[str] = "LX"
    assigned_number: str = el("LX01", "Assigned Number", N0, 1, 6)


@dataclass(slots=True)
class PWK(TypedSegment):
    """Paperwork (claim and line supplemental information)."""

    TAG: ClassVar[str] = "PWK"
    report_type_code: str = el("PWK01", "Report Type Code", ID, 2, 2)
    report_transmission_code: str = el("PWK02", "Report Transmission Code", ID, 1, 2)
    report_copies_needed: str = el("PWK03", "Report Copies Needed", N0, 1, 2)
    entity_identifier_code: str = el("PWK04", "Entity Identifier Code", ID, 2, 3)
    identification_code_qualifier: str = el("PWK05", "Identification Code Qualifier", ID, 1, 2)
    identification_code: str = el("PWK06", "Identification Code", AN, 2, 80)


@dataclass(slots=True)
class CN1(TypedSegment):
    """Contract Information."""

    TAG: ClassVar[str] = "CN1"
    contract_type_code: str = el("CN101", "Contract Type Code", ID, 2, 2)
    monetary_amount: str = el("CN102", "Monetary Amount", R, 1, 18)
    percent: str = el("CN103", "Percent, Decimal Format", R, 1, 6)
    reference_identification: str = el("CN104", "Reference Identification", AN, 1, 50)
    terms_discount_percent: str = el("CN105", "Terms Discount Percent", R, 1, 6)
    version_identifier: str = el("CN106", "Version Identifier", AN, 1, 30)


@dataclass(slots=True)
class CR1(TypedSegment):
    """Ambulance Transport Information."""

    TAG: ClassVar[str] = "CR1"
    unit_or_basis_for_measurement_code: str = el(
        "CR101", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    weight: str = el("CR102", "Weight", R, 1, 10)
    ambulance_transport_code: str = el("CR103", "Ambulance Transport Code", ID, 1, 1)
    ambulance_transport_reason_code: str = el("CR104", "Ambulance Transport Reason Code", ID, 1, 1)
    unit_or_basis_for_measurement_code_2: str = el(
        "CR105", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    quantity: str = el("CR106", "Quantity", R, 1, 15)
    address_information: str = el("CR107", "Address Information", AN, 1, 55)
    address_information_2: str = el("CR108", "Address Information", AN, 1, 55)
    description: str = el("CR109", "Description", AN, 1, 80)
    description_2: str = el("CR110", "Description", AN, 1, 80)


@dataclass(slots=True)
class CR2(TypedSegment):
    """Spinal Manipulation Service Information."""

    TAG: ClassVar[str] = "CR2"
    count: str = el("CR201", "Count", N0, 1, 9)
    quantity: str = el("CR202", "Quantity", R, 1, 15)
    subluxation_level_code: str = el("CR203", "Subluxation Level Code", ID, 2, 3)
    subluxation_level_code_2: str = el("CR204", "Subluxation Level Code", ID, 2, 3)
    unit_or_basis_for_measurement_code: str = el(
        "CR205", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    quantity_2: str = el("CR206", "Quantity", R, 1, 15)
    quantity_3: str = el("CR207", "Quantity", R, 1, 15)
    nature_of_condition_code: str = el("CR208", "Nature of Condition Code", ID, 1, 1)
    yes_no_condition_or_response_code: str = el(
        "CR209", "Yes/No Condition or Response Code", ID, 1, 1
    )
    description: str = el("CR210", "Description", AN, 1, 80)
    description_2: str = el("CR211", "Description", AN, 1, 80)
    yes_no_condition_or_response_code_2: str = el(
        "CR212", "Yes/No Condition or Response Code", ID, 1, 1
    )


@dataclass(slots=True)
class CRC(TypedSegment):
    """Conditions Indicator."""

    TAG: ClassVar[str] = "CRC"
    code_category: str = el("CRC01", "Code Category", ID, 2, 2)
    yes_no_condition_or_response_code: str = el(
        "CRC02", "Yes/No Condition or Response Code", ID, 1, 1
    )
    condition_indicator: str = el("CRC03", "Condition Indicator", ID, 2, 3)
    condition_indicator_2: str = el("CRC04", "Condition Indicator", ID, 2, 3)
    condition_indicator_3: str = el("CRC05", "Condition Indicator", ID, 2, 3)
    condition_indicator_4: str = el("CRC06", "Condition Indicator", ID, 2, 3)
    condition_indicator_5: str = el("CRC07", "Condition Indicator", ID, 2, 3)


@dataclass(slots=True)
class HCP(TypedSegment):
    """Health Care Pricing (repricing)."""

    TAG: ClassVar[str] = "HCP"
    pricing_methodology: str = el("HCP01", "Pricing Methodology", ID, 2, 2)
    monetary_amount: str = el("HCP02", "Monetary Amount", R, 1, 18)
    monetary_amount_2: str = el("HCP03", "Monetary Amount", R, 1, 18)
    reference_identification: str = el("HCP04", "Reference Identification", AN, 1, 50)
    rate: str = el("HCP05", "Rate", R, 1, 9)
    reference_identification_2: str = el("HCP06", "Reference Identification", AN, 1, 50)
    monetary_amount_3: str = el("HCP07", "Monetary Amount", R, 1, 18)
    product_service_id: str = el("HCP08", "Product/Service ID", AN, 1, 48)
    product_service_id_qualifier: str = el("HCP09", "Product/Service ID Qualifier", ID, 2, 2)
    product_service_id_2: str = el("HCP10", "Product/Service ID", AN, 1, 48)
    unit_or_basis_for_measurement_code: str = el(
        "HCP11", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    quantity: str = el("HCP12", "Quantity", R, 1, 15)
    reject_reason_code: str = el("HCP13", "Reject Reason Code", ID, 2, 2)
    policy_compliance_code: str = el("HCP14", "Policy Compliance Code", ID, 1, 2)
    exception_code: str = el("HCP15", "Exception Code", ID, 1, 2)


@dataclass(slots=True)
class K3(TypedSegment):
    """File Information."""

    TAG: ClassVar[str] = "K3"
    fixed_format_information: str = el("K301", "Fixed Format Information", AN, 1, 80)


@dataclass(slots=True)
class OI(TypedSegment):
    """Other Insurance Coverage Information (2320)."""

    TAG: ClassVar[str] = "OI"
    claim_filing_indicator_code: str = el("OI01", "Claim Filing Indicator Code", ID, 1, 2)
    claim_submission_reason_code: str = el("OI02", "Claim Submission Reason Code", ID, 2, 2)
    benefits_assignment_certification_indicator: str = el(
        "OI03", "Yes/No Condition or Response Code", ID, 1, 1
    )
    patient_signature_source_code: str = el("OI04", "Patient Signature Source Code", ID, 1, 1)
    provider_agreement_code: str = el("OI05", "Provider Agreement Code", ID, 1, 1)
    release_of_information_code: str = el("OI06", "Release of Information Code", ID, 1, 1)


@dataclass(slots=True)
class MOA(TypedSegment):
    """Outpatient Adjudication Information (2320)."""

    TAG: ClassVar[str] = "MOA"
    percentage_as_decimal: str = el("MOA01", "Percentage as Decimal", R, 1, 10)
    monetary_amount: str = el("MOA02", "Monetary Amount", R, 1, 18)
    reference_identification: str = el("MOA03", "Reference Identification", AN, 1, 50)
    reference_identification_2: str = el("MOA04", "Reference Identification", AN, 1, 50)
    reference_identification_3: str = el("MOA05", "Reference Identification", AN, 1, 50)
    reference_identification_4: str = el("MOA06", "Reference Identification", AN, 1, 50)
    reference_identification_5: str = el("MOA07", "Reference Identification", AN, 1, 50)
    monetary_amount_2: str = el("MOA08", "Monetary Amount", R, 1, 18)
    monetary_amount_3: str = el("MOA09", "Monetary Amount", R, 1, 18)
