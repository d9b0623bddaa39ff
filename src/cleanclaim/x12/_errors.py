"""Errors and findings of the X12 engine.

Two kinds of trouble, kept apart:

* :class:`X12Error` -- the input cannot be used at all (not X12, a version we do
  not support, a broken envelope we cannot walk). One line, names what and
  where. The CLI prints it on stderr and exits 2; nothing else ever escapes the
  reader (the fuzz tests hold us to that).
* :class:`Finding` -- a deviation from the implementation guide found while
  validating a file we *could* read. Each finding carries where it is (1-based
  segment position in the file, segment id, loop id, element reference such as
  ``2300 CLM05-3``), a message a biller understands, a severity, a stable string
  ``code`` (``x12.element.invalid-code``, ``837p.billing.zip9``, ...) and the
  codes the 999 acknowledgment uses for it:

  - ``ik304``: the segment syntax error code (999 IK304, X12 element 620),
  - ``ik403``: the element syntax error code (999 IK403, X12 element 621).

  The 999 code lists are those of 005010X231A1 (IK304 codes 1-8 and the
  implementation codes I4, I6-I9; IK403 codes 1-10, 12, 13 and I6, I9-I13).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "IK304",
    "IK403",
    "Finding",
    "Severity",
    "X12Error",
]


class X12Error(Exception):
    """Unusable X12 input: a one-line message naming what and where.

    ``position`` is the 1-based segment index in the file when known.
    """

    def __init__(self, message: str, *, position: int | None = None, segment_id: str = "") -> None:
        self.message = " ".join(message.split())
        self.position = position
        self.segment_id = segment_id
        where = ""
        if position is not None:
            where = f"segment {position}"
            if segment_id:
                where += f" ({segment_id})"
            where += ": "
        super().__init__(where + self.message)


class Severity(StrEnum):
    """How bad a finding is. Errors reject the transaction set in a 999."""

    ERROR = "error"
    WARNING = "warning"


class IK304:
    """999 IK304 implementation segment syntax error codes (X12 element 620)."""

    UNRECOGNIZED_SEGMENT = "1"
    UNEXPECTED_SEGMENT = "2"
    REQUIRED_SEGMENT_MISSING = "3"
    LOOP_OVER_MAXIMUM = "4"
    SEGMENT_OVER_MAXIMUM_USE = "5"
    SEGMENT_NOT_IN_TRANSACTION_SET = "6"
    SEGMENT_OUT_OF_SEQUENCE = "7"
    SEGMENT_HAS_ELEMENT_ERRORS = "8"
    NOT_USED_SEGMENT_PRESENT = "I4"
    DEPENDENT_SEGMENT_MISSING = "I6"
    LOOP_UNDER_MINIMUM = "I7"
    SEGMENT_UNDER_MINIMUM_USE = "I8"
    DEPENDENT_NOT_USED_SEGMENT_PRESENT = "I9"


class IK403:
    """999 IK403 implementation data element syntax error codes (X12 element 621)."""

    REQUIRED_ELEMENT_MISSING = "1"
    CONDITIONAL_ELEMENT_MISSING = "2"
    TOO_MANY_ELEMENTS = "3"
    TOO_SHORT = "4"
    TOO_LONG = "5"
    INVALID_CHARACTER = "6"
    INVALID_CODE_VALUE = "7"
    INVALID_DATE = "8"
    INVALID_TIME = "9"
    EXCLUSION_VIOLATED = "10"
    TOO_MANY_REPETITIONS = "12"
    TOO_MANY_COMPONENTS = "13"
    CODE_NOT_USED_IN_IMPLEMENTATION = "I6"
    DEPENDENT_ELEMENT_MISSING = "I9"
    NOT_USED_ELEMENT_PRESENT = "I10"
    TOO_FEW_REPETITIONS = "I11"
    PATTERN_MATCH_FAILURE = "I12"
    DEPENDENT_NOT_USED_ELEMENT_PRESENT = "I13"


@dataclass(frozen=True, slots=True)
class Finding:
    """One deviation from the implementation guide.

    Attributes:
        code: stable id of the rule, e.g. ``"x12.element.invalid-code"``.
        message: what is wrong, in words a biller understands.
        severity: :class:`Severity`.
        position: 1-based index of the segment in the file (0 when the finding is
            about something missing at the end of the file).
        segment_id: the segment's tag, e.g. ``"CLM"``.
        loop_id: implementation guide loop, e.g. ``"2300"`` (``""`` for envelopes).
        element: element reference, e.g. ``"2300 CLM05-3"`` (``""`` for a
            segment-level finding).
        ik304: 999 IK304 segment syntax error code, or ``""``.
        ik403: 999 IK403 element error code, or ``""``.
        element_position: IK401 position of the element in the segment (0 if none).
        component_position: IK401-2 component position (0 if none).
        value: the offending value, ``""`` if none (copied into IK404).
        st_control: ST02 of the transaction set the finding belongs to.
        segment_in_set: 1-based position of the segment within its transaction
            set (ST = 1), as 999 IK302 wants.
    """

    code: str
    message: str
    severity: Severity = Severity.ERROR
    position: int = 0
    segment_id: str = ""
    loop_id: str = ""
    element: str = ""
    ik304: str = ""
    ik403: str = ""
    element_position: int = 0
    component_position: int = 0
    value: str = ""
    st_control: str = ""
    segment_in_set: int = 0

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, object]:
        """The finding as plain JSON-ready data."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "position": self.position,
            "segment_id": self.segment_id,
            "loop_id": self.loop_id,
            "element": self.element,
            "ik304": self.ik304,
            "ik403": self.ik403,
            "value": self.value,
            "st_control": self.st_control,
        }

    def line(self) -> str:
        """One human line: ``segment 12 CLM (2300 CLM05-3): message``."""
        ref = self.element or self.loop_id
        where = f"segment {self.position} {self.segment_id}".rstrip()
        if ref:
            where += f" ({ref})"
        return f"{self.severity.value}: {where}: {self.message}"
