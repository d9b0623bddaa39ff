"""Code values of 276/277 (005010X212) and 277CA (005010X214), as enums.

The guides' own code lists come with the loop trees (pyx12's maps read at run
time with our ``patches_*.json``; validation checks them); the claim status
category (STC01-1, code source 507) and claim status (STC01-2, code source 508)
are external code lists maintained by the Code Maintenance Committee. The
category values here are checked against pyx12's copy of list 507
(``../shared/data/codes/x12_code_values_pyx12.csv``, ``claim_status_cat``) by
tests/x12_guides/test_it_names_codes_as_x12_does.py.
"""

from __future__ import annotations

from enum import StrEnum


class HierarchicalLevelCode(StrEnum):
    """HL03 Hierarchical Level Code (276/277; 277CA uses PT for the patient)."""

    INFORMATION_SOURCE = "20"
    INFORMATION_RECEIVER = "21"
    SERVICE_PROVIDER = "19"
    SUBSCRIBER = "22"
    DEPENDENT = "23"
    PATIENT = "PT"


class ClaimStatusCategoryCode(StrEnum):
    """STC01-1 Health Care Claim Status Category Code (code source 507), main values."""

    ACKNOWLEDGEMENT_FORWARDED = "A0"
    ACKNOWLEDGEMENT_RECEIPT = "A1"
    ACKNOWLEDGEMENT_ACCEPTANCE_INTO_ADJUDICATION_SYSTEM = "A2"
    ACKNOWLEDGEMENT_RETURNED_AS_UNPROCESSABLE_CLAIM = "A3"
    ACKNOWLEDGEMENT_NOT_FOUND = "A4"
    ACKNOWLEDGEMENT_SPLIT_CLAIM = "A5"
    ACKNOWLEDGEMENT_REJECTED_FOR_MISSING_INFORMATION = "A6"
    ACKNOWLEDGEMENT_REJECTED_FOR_INVALID_INFORMATION = "A7"
    ACKNOWLEDGEMENT_REJECTED_FOR_RELATIONAL_FIELD_IN_ERROR = "A8"
    PENDING_ADJUDICATION_DETAILS_IN_PROCESS = "P0"
    PENDING_IN_PROCESS = "P1"
    PENDING_PAYER_REVIEW = "P2"
    PENDING_PROVIDER_REQUESTED_INFORMATION = "P3"
    PENDING_PATIENT_REQUESTED_INFORMATION = "P4"
    PENDING_PAYER_ADMINISTRATIVE_SYSTEM_HOLD = "P5"
    FINALIZED = "F0"
    FINALIZED_PAYMENT = "F1"
    FINALIZED_DENIAL = "F2"
    FINALIZED_REVISED = "F3"
    FINALIZED_ADJUDICATION_COMPLETE_NO_PAYMENT_FORTHCOMING = "F4"
    RESPONSE_NOT_POSSIBLE_ERROR_ON_SUBMITTED_REQUEST_DATA = "E0"
    RESPONSE_NOT_POSSIBLE_SYSTEM_STATUS = "E1"
    INFORMATION_HOLDER_IS_NOT_RESPONDING = "E2"
    CORRECTION_REQUIRED_RELATIONAL_FIELDS_IN_ERROR = "E3"
    TRADING_PARTNER_AGREEMENT_SPECIFIC_REQUIREMENT_NOT_MET = "E4"
    DATA_SEARCH_UNSUCCESSFUL = "D0"

    @property
    def rejected(self) -> bool:
        """Whether the claim did not enter adjudication (A3, A6, A7, A8)."""
        return self.value in ("A3", "A6", "A7", "A8")


class ActionCode(StrEnum):
    """STC03 Action Code in 277CA (005010X214): was the claim accepted?"""

    ACCEPT = "WQ"
    REJECT = "U"
