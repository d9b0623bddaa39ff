"""999 segments (005010X231A1): AK1, AK2, IK3, CTX, IK4, IK5, AK9 (+ ST/SE)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..common import SE, ST
from ..typed import AN, ID, N0, TypedSegment, el

__all__ = ["AK1", "AK2", "AK9", "CTX", "IK3", "IK4", "IK5", "SE", "ST"]


@dataclass(slots=True)
class AK1(TypedSegment):
    """Functional Group Response Header: which group (GS) this acknowledges."""

    TAG: ClassVar[str] = "AK1"
    functional_identifier_code: str = el("AK101", "Functional Identifier Code", ID, 2, 2)
    group_control_number: str = el("AK102", "Group Control Number", N0, 1, 9)
    version_release_industry_identifier_code: str = el(
        "AK103", "Version / Release / Industry Identifier Code", AN, 1, 12
    )


@dataclass(slots=True)
class AK2(TypedSegment):
    """Transaction Set Response Header: which transaction set (ST)."""

    TAG: ClassVar[str] = "AK2"
    transaction_set_identifier_code: str = el("AK201", "Transaction Set Identifier Code", ID, 3, 3)
    transaction_set_control_number: str = el("AK202", "Transaction Set Control Number", AN, 4, 9)
    implementation_convention_reference: str = el(
        "AK203", "Implementation Convention Reference", AN, 1, 35
    )


@dataclass(slots=True)
class IK3(TypedSegment):
    """Error Identification: the segment in error."""

    TAG: ClassVar[str] = "IK3"
    segment_id_code: str = el("IK301", "Segment ID Code", ID, 2, 3)
    segment_position_in_transaction_set: str = el(
        "IK302", "Segment Position in Transaction Set", N0, 1, 10
    )
    loop_identifier_code: str = el("IK303", "Loop Identifier Code", AN, 1, 4)
    implementation_segment_syntax_error_code: str = el(
        "IK304", "Implementation Segment Syntax Error Code", ID, 1, 3
    )


@dataclass(slots=True)
class CTX(TypedSegment):
    """Segment Context / Business Unit Identifier (e.g. ``CTX*CLM01:123``)."""

    TAG: ClassVar[str] = "CTX"
    context_identification: tuple[str, ...] = el(
        "CTX01", "Context Identification", AN, 1, 35, composite=True
    )
    segment_id_code: str = el("CTX02", "Segment ID Code", ID, 2, 3)
    segment_position_in_transaction_set: str = el(
        "CTX03", "Segment Position in Transaction Set", N0, 1, 10
    )
    loop_identifier_code: str = el("CTX04", "Loop Identifier Code", AN, 1, 4)
    position_in_segment: tuple[str, ...] = el(
        "CTX05", "Position in Segment", N0, 1, 2, composite=True
    )
    reference_in_segment: tuple[str, ...] = el(
        "CTX06", "Reference in Segment", N0, 1, 4, composite=True
    )


@dataclass(slots=True)
class IK4(TypedSegment):
    """Implementation Data Element Note: the element in error.

    IK401 composite: -1 element position in segment, -2 component position,
    -3 repetition position.
    """

    TAG: ClassVar[str] = "IK4"
    position_in_segment: tuple[str, ...] = el(
        "IK401", "Position in Segment", N0, 1, 2, composite=True
    )
    data_element_reference_number: str = el("IK402", "Data Element Reference Number", N0, 1, 4)
    implementation_data_element_syntax_error_code: str = el(
        "IK403", "Implementation Data Element Syntax Error Code", ID, 1, 3
    )
    copy_of_bad_data_element: str = el("IK404", "Copy of Bad Data Element", AN, 1, 99)


@dataclass(slots=True)
class IK5(TypedSegment):
    """Implementation Transaction Set Response Trailer: accepted / rejected."""

    TAG: ClassVar[str] = "IK5"
    transaction_set_acknowledgment_code: str = el(
        "IK501", "Transaction Set Acknowledgment Code", ID, 1, 1
    )
    syntax_error_code_1: str = el(
        "IK502", "Implementation Transaction Set Syntax Error Code", ID, 1, 3
    )
    syntax_error_code_2: str = el(
        "IK503", "Implementation Transaction Set Syntax Error Code", ID, 1, 3
    )
    syntax_error_code_3: str = el(
        "IK504", "Implementation Transaction Set Syntax Error Code", ID, 1, 3
    )
    syntax_error_code_4: str = el(
        "IK505", "Implementation Transaction Set Syntax Error Code", ID, 1, 3
    )
    syntax_error_code_5: str = el(
        "IK506", "Implementation Transaction Set Syntax Error Code", ID, 1, 3
    )


@dataclass(slots=True)
class AK9(TypedSegment):
    """Functional Group Response Trailer: counts and the group's verdict."""

    TAG: ClassVar[str] = "AK9"
    functional_group_acknowledge_code: str = el(
        "AK901", "Functional Group Acknowledge Code", ID, 1, 1
    )
    number_of_transaction_sets_included: str = el(
        "AK902", "Number of Transaction Sets Included", N0, 1, 6
    )
    number_of_received_transaction_sets: str = el(
        "AK903", "Number of Received Transaction Sets", N0, 1, 6
    )
    number_of_accepted_transaction_sets: str = el(
        "AK904", "Number of Accepted Transaction Sets", N0, 1, 6
    )
    functional_group_syntax_error_code_1: str = el(
        "AK905", "Functional Group Syntax Error Code", ID, 1, 3
    )
    functional_group_syntax_error_code_2: str = el(
        "AK906", "Functional Group Syntax Error Code", ID, 1, 3
    )
    functional_group_syntax_error_code_3: str = el(
        "AK907", "Functional Group Syntax Error Code", ID, 1, 3
    )
    functional_group_syntax_error_code_4: str = el(
        "AK908", "Functional Group Syntax Error Code", ID, 1, 3
    )
    functional_group_syntax_error_code_5: str = el(
        "AK909", "Functional Group Syntax Error Code", ID, 1, 3
    )
