"""999 code values (005010X231A1), each enum named for its element."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "FunctionalGroupAcknowledge",
    "GroupSyntaxError",
    "SetSyntaxError",
    "TransactionSetAcknowledgment",
]


class TransactionSetAcknowledgment(StrEnum):
    """IK501 Transaction Set Acknowledgment Code."""

    ACCEPTED = "A"
    ACCEPTED_WITH_ERRORS = "E"
    REJECTED_AUTHENTICATION = "M"
    REJECTED = "R"
    REJECTED_VALIDITY = "W"
    REJECTED_DECRYPTION = "X"


class FunctionalGroupAcknowledge(StrEnum):
    """AK901 Functional Group Acknowledge Code."""

    ACCEPTED = "A"
    ACCEPTED_WITH_ERRORS = "E"
    REJECTED_AUTHENTICATION = "M"
    PARTIALLY_ACCEPTED = "P"
    REJECTED = "R"
    REJECTED_VALIDITY = "W"
    REJECTED_DECRYPTION = "X"


class SetSyntaxError(StrEnum):
    """IK502-IK506 Implementation Transaction Set Syntax Error Code."""

    NOT_SUPPORTED = "1"
    TRAILER_MISSING = "2"
    CONTROL_NUMBER_MISMATCH = "3"
    SEGMENT_COUNT_MISMATCH = "4"
    SEGMENTS_IN_ERROR = "5"
    MISSING_OR_INVALID_ID = "6"
    MISSING_OR_INVALID_CONTROL_NUMBER = "7"
    AUTHENTICATION_KEY = "8"
    ENCRYPTION_KEY = "9"
    REQUESTED_SERVICE = "10"
    UNKNOWN_SECURITY_RECIPIENT = "11"
    INCORRECT_MESSAGE_LENGTH = "12"
    MESSAGE_AUTHENTICATION_CODE = "13"
    CONTROL_NUMBER_NOT_UNIQUE = "23"
    S3E_SECURITY_END = "24"
    S3E_SECURITY_START = "25"
    S3E_SECURITY_SEQUENCE = "26"
    S4E_SECURITY_END = "27"
    S4E_SECURITY_START = "28"
    S4E_SECURITY_SEQUENCE = "29"
    IMPLEMENTATION_SEGMENTS_IN_ERROR = "I5"
    IMPLEMENTATION_CONVENTION_NOT_SUPPORTED = "I6"


class GroupSyntaxError(StrEnum):
    """AK905-AK909 Functional Group Syntax Error Code."""

    NOT_SUPPORTED = "1"
    VERSION_NOT_SUPPORTED = "2"
    TRAILER_MISSING = "3"
    CONTROL_NUMBER_MISMATCH = "4"
    SET_COUNT_MISMATCH = "5"
    CONTROL_NUMBER_SYNTAX = "6"
    AUTHENTICATION_KEY = "10"
    ENCRYPTION_KEY = "11"
    REQUESTED_SERVICE = "12"
    UNKNOWN_SECURITY_RECIPIENT = "13"
    UNKNOWN_SECURITY_ORIGINATOR = "14"
    SYNTAX_ERROR_IN_DECRYPTED_TEXT = "15"
    SECURITY_NOT_SUPPORTED = "16"
    INCORRECT_MESSAGE_LENGTH = "17"
    MESSAGE_AUTHENTICATION_CODE = "18"
    CONTROL_NUMBER_NOT_UNIQUE = "19"
    S3E_SECURITY_END = "23"
    S3E_SECURITY_START = "24"
    S3E_SECURITY_SEQUENCE = "25"
    S4E_SECURITY_END = "26"
    S4E_SECURITY_START = "27"
    S4E_SECURITY_SEQUENCE = "28"
