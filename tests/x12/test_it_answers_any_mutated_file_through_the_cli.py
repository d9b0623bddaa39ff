"""Fuzz: ``cleanclaim x12 validate`` and ``cleanclaim scrub`` on a mutated or cut-off
837P (the golden file) exit 0, 1 or 2, and on 2 say why in one line naming the file;
never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.cli import main

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_bytes()
BYTES = list(b"*:~^>|\n\x00\xff0123456789ISAGSTCLMHISE")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(GOLDEN)
    if draw(st.booleans()):
        del raw[draw(st.integers(0, len(raw))) :]
    for _ in range(draw(st.integers(0, 6))):
        if not raw:
            break
        i = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["set", "del", "ins"]))
        if op == "set":
            raw[i] = draw(st.sampled_from(BYTES))
        elif op == "del":
            del raw[i]
        else:
            raw.insert(i, draw(st.sampled_from(BYTES)))
    return bytes(raw)


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(mutated())
def test_it_exits_0_1_or_2_with_a_reason(capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "claims.837"
        path.write_bytes(data)
        for args in (["x12", "validate", str(path)], ["scrub", str(path), "--as-of", "2026-08-20"]):
            capsys.readouterr()
            code = main(args)
            err = capsys.readouterr().err
            assert code in (0, 1, 2), args
            if code == 2:
                lines = [ln for ln in err.splitlines() if ln.startswith("cleanclaim ")]
                assert lines and str(path) in lines[-1], err
