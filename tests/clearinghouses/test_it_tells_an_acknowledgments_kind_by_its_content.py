"""The kind of a received file comes from its content, never its name."""

from __future__ import annotations

from cleanclaim.clearinghouses.acks import kind_of
from cleanclaim.testing.acknowledgments import ack_277ca, ack_999, ta1


def test_it_tells_a_999() -> None:
    assert kind_of(ack_999(7, [{"control_number": "0007", "status": "A"}])) == "999"


def test_it_tells_a_ta1() -> None:
    assert kind_of(ta1(7)) == "TA1"


def test_it_tells_a_277ca_by_its_guide() -> None:
    assert kind_of(ack_277ca([{"pcn": "C1", "status": "A2:20:PR"}])) == "277CA"


def test_anything_else_is_other() -> None:
    assert kind_of(b"hello") == "other"
