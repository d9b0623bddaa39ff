"""Typed segments shared by several 5010 guides (X12 dictionary names, types and lengths).

Guides import these and add their own; a guide's *usage* of an element
(required here, not used there, which codes) lives in its ``validation.py``,
not here. Lengths and types follow the X12 5010 data element dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ..money import read_amount
from .typed import AN, DT, ID, N0, TM, R, TypedSegment, el

__all__ = [
    "AMT",
    "BHT",
    "CAS",
    "DMG",
    "DTP",
    "HL",
    "LQ",
    "N3",
    "N4",
    "NM1",
    "NTE",
    "PER",
    "PRV",
    "QTY",
    "REF",
    "SE",
    "ST",
    "TRN",
]


@dataclass(slots=True)
class ST(TypedSegment):
    """Transaction Set Header."""

    TAG: ClassVar[str] = "ST"
    transaction_set_identifier_code: str = el("ST01", "Transaction Set Identifier Code", ID, 3, 3)
    transaction_set_control_number: str = el("ST02", "Transaction Set Control Number", AN, 4, 9)
    implementation_convention_reference: str = el(
        "ST03", "Implementation Convention Reference", AN, 1, 35
    )


@dataclass(slots=True)
class SE(TypedSegment):
    """Transaction Set Trailer."""

    TAG: ClassVar[str] = "SE"
    number_of_included_segments: str = el("SE01", "Number of Included Segments", N0, 1, 10)
    transaction_set_control_number: str = el("SE02", "Transaction Set Control Number", AN, 4, 9)


@dataclass(slots=True)
class BHT(TypedSegment):
    """Beginning of Hierarchical Transaction."""

    TAG: ClassVar[str] = "BHT"
    hierarchical_structure_code: str = el("BHT01", "Hierarchical Structure Code", ID, 4, 4)
    transaction_set_purpose_code: str = el("BHT02", "Transaction Set Purpose Code", ID, 2, 2)
    reference_identification: str = el("BHT03", "Reference Identification", AN, 1, 50)
    date: str = el("BHT04", "Date", DT, 8, 8)
    time: str = el("BHT05", "Time", TM, 4, 8)
    transaction_type_code: str = el("BHT06", "Transaction Type Code", ID, 2, 2)


@dataclass(slots=True)
class HL(TypedSegment):
    """Hierarchical Level."""

    TAG: ClassVar[str] = "HL"
    hierarchical_id_number: str = el("HL01", "Hierarchical ID Number", AN, 1, 12)
    hierarchical_parent_id_number: str = el("HL02", "Hierarchical Parent ID Number", AN, 1, 12)
    hierarchical_level_code: str = el("HL03", "Hierarchical Level Code", ID, 1, 2)
    hierarchical_child_code: str = el("HL04", "Hierarchical Child Code", ID, 1, 1)


@dataclass(slots=True)
class NM1(TypedSegment):
    """Individual or Organizational Name."""

    TAG: ClassVar[str] = "NM1"
    entity_identifier_code: str = el("NM101", "Entity Identifier Code", ID, 2, 3)
    entity_type_qualifier: str = el("NM102", "Entity Type Qualifier", ID, 1, 1)
    name_last_or_organization_name: str = el("NM103", "Name Last or Organization Name", AN, 1, 60)
    name_first: str = el("NM104", "Name First", AN, 1, 35)
    name_middle: str = el("NM105", "Name Middle", AN, 1, 25)
    name_prefix: str = el("NM106", "Name Prefix", AN, 1, 10)
    name_suffix: str = el("NM107", "Name Suffix", AN, 1, 10)
    identification_code_qualifier: str = el("NM108", "Identification Code Qualifier", ID, 1, 2)
    identification_code: str = el("NM109", "Identification Code", AN, 2, 80)
    entity_relationship_code: str = el("NM110", "Entity Relationship Code", ID, 2, 2)
    entity_identifier_code_2: str = el("NM111", "Entity Identifier Code", ID, 2, 3)
    name_last_or_organization_name_2: str = el("NM112", "Name Last or Organization Name", AN, 1, 60)


@dataclass(slots=True)
class N3(TypedSegment):
    """Party Location (street address)."""

    TAG: ClassVar[str] = "N3"
    address_information: str = el("N301", "Address Information", AN, 1, 55)
    address_information_2: str = el("N302", "Address Information", AN, 1, 55)


@dataclass(slots=True)
class N4(TypedSegment):
    """Geographic Location (city, state, ZIP)."""

    TAG: ClassVar[str] = "N4"
    city_name: str = el("N401", "City Name", AN, 2, 30)
    state_or_province_code: str = el("N402", "State or Province Code", ID, 2, 2)
    postal_code: str = el("N403", "Postal Code", ID, 3, 15)
    country_code: str = el("N404", "Country Code", ID, 2, 3)
    location_qualifier: str = el("N405", "Location Qualifier", ID, 1, 2)
    location_identifier: str = el("N406", "Location Identifier", AN, 1, 30)
    country_subdivision_code: str = el("N407", "Country Subdivision Code", ID, 1, 3)


@dataclass(slots=True)
class REF(TypedSegment):
    """Reference Information."""

    TAG: ClassVar[str] = "REF"
    reference_identification_qualifier: str = el(
        "REF01", "Reference Identification Qualifier", ID, 2, 3
    )
    reference_identification: str = el("REF02", "Reference Identification", AN, 1, 50)
    description: str = el("REF03", "Description", AN, 1, 80)
    reference_identifier: tuple[str, ...] = el(
        "REF04", "Reference Identifier", AN, 1, 50, composite=True
    )


@dataclass(slots=True)
class DTP(TypedSegment):
    """Date or Time or Period."""

    TAG: ClassVar[str] = "DTP"
    date_time_qualifier: str = el("DTP01", "Date/Time Qualifier", ID, 3, 3)
    date_time_period_format_qualifier: str = el(
        "DTP02", "Date Time Period Format Qualifier", ID, 2, 3
    )
    date_time_period: str = el("DTP03", "Date Time Period", AN, 1, 35)


@dataclass(slots=True)
class PER(TypedSegment):
    """Administrative Communications Contact."""

    TAG: ClassVar[str] = "PER"
    contact_function_code: str = el("PER01", "Contact Function Code", ID, 2, 2)
    name: str = el("PER02", "Name", AN, 1, 60)
    communication_number_qualifier: str = el("PER03", "Communication Number Qualifier", ID, 2, 2)
    communication_number: str = el("PER04", "Communication Number", AN, 1, 256)
    communication_number_qualifier_2: str = el("PER05", "Communication Number Qualifier", ID, 2, 2)
    communication_number_2: str = el("PER06", "Communication Number", AN, 1, 256)
    communication_number_qualifier_3: str = el("PER07", "Communication Number Qualifier", ID, 2, 2)
    communication_number_3: str = el("PER08", "Communication Number", AN, 1, 256)
    contact_inquiry_reference: str = el("PER09", "Contact Inquiry Reference", AN, 1, 20)


@dataclass(slots=True)
class DMG(TypedSegment):
    """Demographic Information."""

    TAG: ClassVar[str] = "DMG"
    date_time_period_format_qualifier: str = el(
        "DMG01", "Date Time Period Format Qualifier", ID, 2, 3
    )
    date_time_period: str = el("DMG02", "Date Time Period", AN, 1, 35)
    gender_code: str = el("DMG03", "Gender Code", ID, 1, 1)
    marital_status_code: str = el("DMG04", "Marital Status Code", ID, 1, 1)
    race_or_ethnicity: tuple[str, ...] = el(
        "DMG05", "Composite Race or Ethnicity Information", AN, 1, 30, composite=True
    )
    citizenship_status_code: str = el("DMG06", "Citizenship Status Code", ID, 1, 2)
    country_code: str = el("DMG07", "Country Code", ID, 2, 3)
    basis_of_verification_code: str = el("DMG08", "Basis of Verification Code", ID, 1, 2)
    quantity: str = el("DMG09", "Quantity", R, 1, 15)
    code_list_qualifier_code: str = el("DMG10", "Code List Qualifier Code", ID, 1, 3)
    industry_code: str = el("DMG11", "Industry Code", AN, 1, 30)


@dataclass(slots=True)
class PRV(TypedSegment):
    """Provider Information (taxonomy)."""

    TAG: ClassVar[str] = "PRV"
    provider_code: str = el("PRV01", "Provider Code", ID, 1, 3)
    reference_identification_qualifier: str = el(
        "PRV02", "Reference Identification Qualifier", ID, 2, 3
    )
    reference_identification: str = el("PRV03", "Reference Identification", AN, 1, 50)
    state_or_province_code: str = el("PRV04", "State or Province Code", ID, 2, 2)
    provider_specialty_information: tuple[str, ...] = el(
        "PRV05", "Provider Specialty Information", AN, 1, 3, composite=True
    )
    provider_organization_code: str = el("PRV06", "Provider Organization Code", ID, 3, 3)


@dataclass(slots=True)
class AMT(TypedSegment):
    """Monetary Amount Information."""

    TAG: ClassVar[str] = "AMT"
    amount_qualifier_code: str = el("AMT01", "Amount Qualifier Code", ID, 1, 3)
    monetary_amount: str = el("AMT02", "Monetary Amount", R, 1, 18)
    credit_debit_flag_code: str = el("AMT03", "Credit/Debit Flag Code", ID, 1, 1)

    @property
    def amount(self) -> Decimal | None:
        return read_amount(self.monetary_amount)


@dataclass(slots=True)
class NTE(TypedSegment):
    """Note/Special Instruction."""

    TAG: ClassVar[str] = "NTE"
    note_reference_code: str = el("NTE01", "Note Reference Code", ID, 3, 3)
    description: str = el("NTE02", "Description", AN, 1, 80)


@dataclass(slots=True)
class CAS(TypedSegment):
    """Claims Adjustment: a group code and up to six reason/amount/quantity triples."""

    TAG: ClassVar[str] = "CAS"
    claim_adjustment_group_code: str = el("CAS01", "Claim Adjustment Group Code", ID, 1, 2)
    reason_code_1: str = el("CAS02", "Claim Adjustment Reason Code", ID, 1, 5)
    amount_1: str = el("CAS03", "Monetary Amount", R, 1, 18)
    quantity_1: str = el("CAS04", "Quantity", R, 1, 15)
    reason_code_2: str = el("CAS05", "Claim Adjustment Reason Code", ID, 1, 5)
    amount_2: str = el("CAS06", "Monetary Amount", R, 1, 18)
    quantity_2: str = el("CAS07", "Quantity", R, 1, 15)
    reason_code_3: str = el("CAS08", "Claim Adjustment Reason Code", ID, 1, 5)
    amount_3: str = el("CAS09", "Monetary Amount", R, 1, 18)
    quantity_3: str = el("CAS10", "Quantity", R, 1, 15)
    reason_code_4: str = el("CAS11", "Claim Adjustment Reason Code", ID, 1, 5)
    amount_4: str = el("CAS12", "Monetary Amount", R, 1, 18)
    quantity_4: str = el("CAS13", "Quantity", R, 1, 15)
    reason_code_5: str = el("CAS14", "Claim Adjustment Reason Code", ID, 1, 5)
    amount_5: str = el("CAS15", "Monetary Amount", R, 1, 18)
    quantity_5: str = el("CAS16", "Quantity", R, 1, 15)
    reason_code_6: str = el("CAS17", "Claim Adjustment Reason Code", ID, 1, 5)
    amount_6: str = el("CAS18", "Monetary Amount", R, 1, 18)
    quantity_6: str = el("CAS19", "Quantity", R, 1, 15)


@dataclass(slots=True)
class QTY(TypedSegment):
    """Quantity Information."""

    TAG: ClassVar[str] = "QTY"
    quantity_qualifier: str = el("QTY01", "Quantity Qualifier", ID, 2, 2)
    quantity: str = el("QTY02", "Quantity", R, 1, 15)


@dataclass(slots=True)
class TRN(TypedSegment):
    """Trace."""

    TAG: ClassVar[str] = "TRN"
    trace_type_code: str = el("TRN01", "Trace Type Code", ID, 1, 2)
    reference_identification: str = el("TRN02", "Reference Identification", AN, 1, 50)
    originating_company_identifier: str = el("TRN03", "Originating Company Identifier", AN, 10, 10)
    reference_identification_2: str = el("TRN04", "Reference Identification", AN, 1, 50)


@dataclass(slots=True)
class LQ(TypedSegment):
    """Industry Code Identification (form and remark codes)."""

    TAG: ClassVar[str] = "LQ"
    code_list_qualifier_code: str = el("LQ01", "Code List Qualifier Code", ID, 1, 3)
    industry_code: str = el("LQ02", "Industry Code", AN, 1, 30)


# Keep DT importable for guides that declare date elements next to these.
_ = DT
