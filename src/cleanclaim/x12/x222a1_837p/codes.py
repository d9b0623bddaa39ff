"""837P code values (005010X222A1), each enum named for the element it fills.

Only the values the implementation guide allows for that element are listed;
external code lists that change outside the guide (place of service, CARC,
taxonomy) are checked for form only.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "US_STATES",
    "BenefitsAssignment",
    "ClaimFilingIndicator",
    "ClaimFrequency",
    "DiagnosisQualifier",
    "EntityTypeQualifier",
    "FilingIndicator",
    "Gender",
    "HierarchicalLevel",
    "IndividualRelationship",
    "PayerResponsibility",
    "ProductServiceQualifier",
    "ProviderAcceptAssignment",
    "ReleaseOfInformation",
    "UnitOfMeasure",
]


class ClaimFrequency(StrEnum):
    """CLM05-3 Claim Frequency Type Code (NUBC code source 235, as the 837P allows)."""

    ORIGINAL = "1"
    CORRECTED = "6"
    REPLACEMENT = "7"
    VOID = "8"


class FilingIndicator(StrEnum):
    """SBR09 Claim Filing Indicator Code (2000B, 2320)."""

    OTHER_NON_FEDERAL = "11"
    PPO = "12"
    POS = "13"
    EPO = "14"
    INDEMNITY = "15"
    HMO_MEDICARE_RISK = "16"
    DENTAL_MAINTENANCE = "17"
    AUTOMOBILE_MEDICAL = "AM"
    BLUE_CROSS_BLUE_SHIELD = "BL"
    CHAMPUS = "CH"
    COMMERCIAL = "CI"
    DISABILITY = "DS"
    FEDERAL_EMPLOYEES = "FI"
    HMO = "HM"
    LIABILITY_MEDICAL = "LM"
    MEDICARE_PART_A = "MA"
    MEDICARE_PART_B = "MB"
    MEDICAID = "MC"
    OTHER_FEDERAL = "OF"
    TITLE_V = "TV"
    VETERANS_AFFAIRS = "VA"
    WORKERS_COMPENSATION = "WC"
    MUTUALLY_DEFINED = "ZZ"


ClaimFilingIndicator = FilingIndicator


class PayerResponsibility(StrEnum):
    """SBR01 Payer Responsibility Sequence Number Code."""

    PRIMARY = "P"
    SECONDARY = "S"
    TERTIARY = "T"
    FOUR = "A"
    FIVE = "B"
    SIX = "C"
    SEVEN = "D"
    EIGHT = "E"
    NINE = "F"
    TEN = "G"
    ELEVEN = "H"
    UNKNOWN = "U"


class IndividualRelationship(StrEnum):
    """SBR02 / PAT01 Individual Relationship Code."""

    SPOUSE = "01"
    SELF = "18"
    CHILD = "19"
    EMPLOYEE = "20"
    UNKNOWN = "21"
    ORGAN_DONOR = "39"
    CADAVER_DONOR = "40"
    LIFE_PARTNER = "53"
    OTHER = "G8"


class Gender(StrEnum):
    """DMG03 Gender Code."""

    FEMALE = "F"
    MALE = "M"
    UNKNOWN = "U"


class EntityTypeQualifier(StrEnum):
    """NM102 Entity Type Qualifier."""

    PERSON = "1"
    NON_PERSON = "2"


class HierarchicalLevel(StrEnum):
    """HL03 Hierarchical Level Code."""

    BILLING_PROVIDER = "20"
    SUBSCRIBER = "22"
    PATIENT = "23"


class ProviderAcceptAssignment(StrEnum):
    """CLM07 Provider Accept Assignment Code."""

    ASSIGNED = "A"
    LAB_SERVICES_ONLY = "B"
    NOT_ASSIGNED = "C"


class BenefitsAssignment(StrEnum):
    """CLM08 Benefits Assignment Certification Indicator."""

    NO = "N"
    NOT_APPLICABLE = "W"
    YES = "Y"


class ReleaseOfInformation(StrEnum):
    """CLM09 Release of Information Code."""

    INFORMED_CONSENT = "I"
    YES = "Y"


class DiagnosisQualifier(StrEnum):
    """HI0n-1 Code List Qualifier Code for diagnoses (ICD-10-CM ABK/ABF; ICD-9-CM BK/BF)."""

    ICD10_PRINCIPAL = "ABK"
    ICD10_OTHER = "ABF"
    ICD9_PRINCIPAL = "BK"
    ICD9_OTHER = "BF"


class ProductServiceQualifier(StrEnum):
    """SV101-1 Product/Service ID Qualifier."""

    HCPCS = "HC"
    HIEC = "IV"
    MUTUALLY_DEFINED = "ER"
    ABC = "WK"


class UnitOfMeasure(StrEnum):
    """SV103 Unit or Basis for Measurement Code."""

    MINUTES = "MJ"
    UNIT = "UN"


#: N402 values for US addresses (states, DC, territories, military "states").
_STATES = """
AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI FM MH PW AA AE AP
"""
US_STATES: frozenset[str] = frozenset(_STATES.split())
