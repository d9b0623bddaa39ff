"""Code values of the 835 (005010X221A1), as enums named after their element.

The guide's complete code lists live in the spec built from pyx12's map (validation reads them
there); these enums name the values programs branch on. Source: ASC X12N
005010X221A1 (Health Care Claim Payment/Advice), element notes for BPR01,
BPR03, BPR04, CLP02, CAS01 and PLB03-1, as carried by pyx12's 835 map; names
checked against the X12 5010 element code lists (elements 305, 478, 591, 1029,
1033, 426) by tests/x12_guides/test_it_names_codes_as_x12_does.py. CAS01 ``CR``
(corrections and reversals) exists in the X12 list but not in 005010X221A1.
"""

from __future__ import annotations

from enum import StrEnum


class TransactionHandlingCode(StrEnum):
    """BPR01 Transaction Handling Code."""

    REMITTANCE_INFORMATION_ONLY = "I"
    PAYMENT_ACCOMPANIES_REMITTANCE_ADVICE = "C"
    MAKE_PAYMENT_ONLY = "D"
    NOTIFICATION_ONLY = "H"
    PRENOTIFICATION_OF_FUTURE_TRANSFERS = "P"
    SPLIT_PAYMENT_AND_REMITTANCE = "U"
    HANDLING_PARTY_OPTION_TO_SPLIT = "X"


class CreditDebitFlagCode(StrEnum):
    """BPR03 Credit/Debit Flag Code."""

    CREDIT = "C"
    DEBIT = "D"


class PaymentMethodCode(StrEnum):
    """BPR04 Payment Method Code."""

    AUTOMATED_CLEARING_HOUSE = "ACH"
    FINANCIAL_INSTITUTION_OPTION = "BOP"
    CHECK = "CHK"
    FEDERAL_RESERVE_FUNDS_WIRE = "FWT"
    NON_PAYMENT_DATA = "NON"


class ClaimStatusCode(StrEnum):
    """CLP02 Claim Status Code."""

    PROCESSED_AS_PRIMARY = "1"
    PROCESSED_AS_SECONDARY = "2"
    PROCESSED_AS_TERTIARY = "3"
    DENIED = "4"
    PROCESSED_AS_PRIMARY_FORWARDED = "19"
    PROCESSED_AS_SECONDARY_FORWARDED = "20"
    PROCESSED_AS_TERTIARY_FORWARDED = "21"
    REVERSAL_OF_PREVIOUS_PAYMENT = "22"
    NOT_OUR_CLAIM_FORWARDED = "23"
    PREDETERMINATION_PRICING_ONLY = "25"


class ClaimAdjustmentGroupCode(StrEnum):
    """CAS01 Claim Adjustment Group Code (who bears the adjustment)."""

    CONTRACTUAL_OBLIGATIONS = "CO"
    OTHER_ADJUSTMENTS = "OA"
    PAYOR_INITIATED_REDUCTIONS = "PI"
    PATIENT_RESPONSIBILITY = "PR"


class ProviderAdjustmentReasonCode(StrEnum):
    """PLB03-1 Adjustment Reason Code (provider-level adjustments), common values."""

    ACCELERATION_OF_BENEFITS = "AP"
    REBATE = "B2"
    ADJUSTMENT = "CS"
    CAPITAL_PASSTHRU = "CV"
    FORWARDING_BALANCE = "FB"
    HEMOPHILIA_CLOTTING_FACTOR_SUPPLEMENT = "HM"
    INTEREST_OWED = "L6"
    LEVY = "LE"
    OVERPAYMENT_RECOVERY = "WO"
    AUTHORIZED_RETURN = "72"
