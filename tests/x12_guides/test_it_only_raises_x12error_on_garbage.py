"""Fuzz: random bytes and mutated samples never raise anything but X12Error."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.x12 import X12Error, parse, validate

_SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/data/x12/835/stupidedi_X221A1_pass_multiple-claims-single-check.edi"
)
_TEXT = _SAMPLE.read_text() if _SAMPLE.is_file() else "ISA*00~"


def _read(data: str | bytes) -> None:
    with contextlib.suppress(X12Error):
        validate(parse(data))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_it_survives_random_bytes(data):
    _read(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, len(_TEXT) - 1), st.integers(0, 40), st.text("*:~^0123456789AZ.-", max_size=6)
)
def test_it_survives_mutated_835(start, length, insert):
    _read(_TEXT[:start] + insert + _TEXT[start + length :])
