"""Fuzz: random bytes and mutated samples of every guide never raise anything
but X12Error, whether read, validated, shown as JSON or written back."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.x12 import X12Error, parse, validate
from cleanclaim.x12._json_view import document_json, write_json

_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "x12"
_SAMPLES = {
    "835": "835/stupidedi_X221A1_pass_multiple-claims-single-check.edi",
    "270": "270/stupidedi_X279A1_pass_generic-request-by-physician-for-patient-(dependent)"
    "-eligibility.edi",
    "271": "271/lfh_271_005010X279A1__dependent-health-benefit-check.271",
    "276": "276/stupidedi_X212_pass_claim-request.edi",
    "277": "277/stupidedi_X212_pass_provider-response.edi",
    "999": "999/stupidedi_X231A1_pass_response-to-functional-group-containing-3-837s.edi",
    "278": "278/stupidedi_X217_pass_response-to-non-emergency-transportation.edi",
}


def _text(kind: str) -> str:
    path = _DATA / _SAMPLES[kind]
    return path.read_text(encoding="latin-1") if path.is_file() else "ISA*00~"


def _read(data: str | bytes) -> None:
    with contextlib.suppress(X12Error):
        parsed = validate(parse(data))
        write_json(document_json(parsed))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_it_survives_random_bytes(data):
    _read(data)


@pytest.mark.parametrize("kind", sorted(_SAMPLES))
def test_it_survives_mutated_samples(kind):
    text = _text(kind)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.integers(0, len(text) - 1),
        st.integers(0, 40),
        st.text("*:~^>0123456789AZ.-", max_size=6),
    )
    def mutate(start, length, insert):
        _read(text[:start] + insert + text[start + length :])

    mutate()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    [
        "group",
        "result",
        "transaction_sets",
        "segment_errors",
        "element_errors",
        "context",
        "functional_id",
        "control_number",
        "transaction_set",
        "segment_id",
        "position",
        "code",
    ]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_KEYS, _JSON, max_size=4), st.dictionaries(_KEYS, _JSON, max_size=4))
def test_it_builds_a_999_from_any_json_fields_or_says_why(ack, group):
    """The 999 convenient fields, any shape: a 999, or an X12Error naming the field."""
    with contextlib.suppress(X12Error):
        write_json({"transaction_set": "999", "acknowledgment": {**ack, "group": group}})
