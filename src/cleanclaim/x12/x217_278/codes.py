"""Code values of the 278 (005010X217), as enums named after their element.

The guide's full code lists are in the trees built from pyx12's maps and our
5010 corrections (what validation checks); these enums name the values
programs branch on. Source: ASC X12N 005010X217, element notes of BHT02, HL03,
UM01, UM02, UM06 and HCR01; names checked against the X12 5010 element code
lists (``../shared/data/codes/x12_5010_element_code_lists.csv``, elements 353,
735, 1525, 1322, 1338, 306) by tests/x12_guides/test_it_names_codes_as_x12_does.py.
"""

from __future__ import annotations

from enum import StrEnum


class TransactionSetPurposeCode(StrEnum):
    """BHT02: which tree reads the 278 (request 13 or 01, response 11)."""

    CANCELLATION = "01"
    RESPONSE = "11"
    REQUEST = "13"


class HierarchicalLevelCode(StrEnum):
    """HL03 Hierarchical Level Code (278): UMO (information source), requester
    (information receiver), subscriber, dependent, patient event, service."""

    INFORMATION_SOURCE = "20"
    INFORMATION_RECEIVER = "21"
    SUBSCRIBER = "22"
    DEPENDENT = "23"
    EVENT = "EV"
    SERVICES = "SS"


class RequestCategoryCode(StrEnum):
    """UM01 Request Category Code."""

    ADMISSION_REVIEW = "AR"
    HEALTH_SERVICES_REVIEW = "HS"
    INDIVIDUAL = "IN"
    SPECIALTY_CARE_REVIEW = "SC"


class CertificationTypeCode(StrEnum):
    """UM02 Certification Type Code."""

    APPEAL_IMMEDIATE = "1"
    APPEAL_STANDARD = "2"
    CANCEL = "3"
    EXTENSION = "4"
    INITIAL = "I"
    RENEWAL = "R"
    REVISED = "S"


class LevelOfServiceCode(StrEnum):
    """UM06 Level of Service Code."""

    EMERGENCY = "03"
    ELECTIVE = "E"
    URGENT = "U"


class ActionCode(StrEnum):
    """HCR01 Action Code: the UMO's certification decision (278 response)."""

    CERTIFIED_IN_TOTAL = "A1"
    NOT_CERTIFIED = "A3"
    PENDED = "A4"
    MODIFIED = "A6"
    CANCELLED = "C"
    CONTACT_PAYER = "CT"
    NO_ACTION_REQUIRED = "NA"
