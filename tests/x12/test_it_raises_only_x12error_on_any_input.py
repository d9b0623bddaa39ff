"""Fuzzing the reader: random bytes and mutated files never raise anything but X12Error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.x12 import X12Error, document_json, parse, validate, write_json
from cleanclaim.x12.x231a1_999 import build_ack

GOLDEN_TEXT = (Path(__file__).parent / "golden" / "claims.837").read_text()
ISA = GOLDEN_TEXT[: GOLDEN_TEXT.index("~") + 1]


def _exercise(data: bytes | str) -> None:
    try:
        parsed = validate(parse(data))
        build_ack(parsed)
        write_json(document_json(parsed))
    except X12Error as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_it_survives_random_bytes(data: bytes) -> None:
    _exercise(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_it_survives_garbage_after_a_valid_isa(tail: bytes) -> None:
    _exercise(ISA.encode() + tail)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(GOLDEN_TEXT) - 1),
            st.integers(min_value=0, max_value=12),
            st.text(alphabet="*:^~\n0123456789ABZ -.", max_size=6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_it_survives_mutations_of_a_valid_file(edits: list[tuple[int, int, str]]) -> None:
    text = GOLDEN_TEXT
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    _exercise(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(GOLDEN_TEXT.split("~\n")[1:-1]))
def test_it_survives_shuffled_segments(segments: list[str]) -> None:
    _exercise(ISA + "\n" + "~\n".join(segments) + "~\n")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    pick=st.integers(min_value=0, max_value=10_000),
    at=st.floats(min_value=0, max_value=1),
    cut=st.integers(min_value=0, max_value=20),
    insert=st.text(alphabet="*:^~>\n0123456789HLSECLMNV -", max_size=8),
)
def test_it_survives_mutations_of_the_shared_samples(
    samples_837p: list[Path], pick: int, at: float, cut: int, insert: str
) -> None:
    data = samples_837p[pick % len(samples_837p)].read_bytes().decode("latin-1")
    i = int(at * len(data))
    _exercise(data[:i] + insert + data[i + cut :])
