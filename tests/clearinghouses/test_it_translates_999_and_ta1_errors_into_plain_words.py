"""A 999's IK3/IK4 errors and a TA1's note code read as plain words, naming the
segment and element."""

from __future__ import annotations

from cleanclaim.clearinghouses.acks import explain_set, read_999, read_ta1
from cleanclaim.testing.acknowledgments import ack_999, ta1

NM1_ERROR = {
    "segment_id": "NM1",
    "position": "12",
    "loop": "2010AA",
    "code": "8",
    "context": ["CLM01:C1"],
    "element_errors": [{"position": "9", "code": "7", "value": "123"}],
}


def test_an_element_error_names_the_segment_element_and_claim() -> None:
    data = ack_999(7, [{"control_number": "0007", "status": "R", "segment_errors": [NM1_ERROR]}])
    (group,) = read_999(data)
    assert group.group_control_number == "7"
    (problem,) = explain_set(group.acknowledgment.sets[0])
    assert problem.field == "NM109"
    assert "invalid code value ('123')" in problem.text
    assert "segment NM1 at position 12 in loop 2010AA (claim C1)" in problem.text
    assert problem.code == "IK403 7"


def test_a_set_rejected_without_segments_says_the_ik5_code() -> None:
    data = ack_999(7, [{"control_number": "0007", "status": "R", "error_codes": ["4"]}])
    (problem,) = explain_set(read_999(data)[0].acknowledgment.sets[0])
    assert problem.text == "Transaction set 0007: segment count mismatch"


def test_a_ta1_rejection_names_the_isa_element() -> None:
    (ack,) = read_ta1(ta1(42, "R", "006"))
    assert ack.rejected
    assert int(ack.control_number) == 42
    problem = ack.problem()
    assert problem.text == "The interchange sender ID is not valid"
    assert problem.field == "ISA06"
