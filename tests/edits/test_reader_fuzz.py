"""Mutated 837P samples never make the scrubber raise anything but the X12 engine's
own error (which the CLI turns into one line and exit 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.edits import ScrubContext, scrub_claim
from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12 import X12Error

SAMPLE = "x12/837P/stupidedi_X222A1_pass_commercial-health-insurance.edi"
CTX = ScrubContext(as_of=dt.date(2026, 8, 20))
ALPHABET = b"*:~^>0123456789ABZ.-\n "


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_it_only_raises_x12error_on_mutated_input(shared_data: Path, data: st.DataObject) -> None:
    raw = bytearray((shared_data / SAMPLE).read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(106, len(raw) - 1))  # keep the ISA readable most of the time
        op = data.draw(st.sampled_from(["set", "del", "ins"]))
        ch = data.draw(st.sampled_from(list(ALPHABET)))
        if op == "set":
            raw[i] = ch
        elif op == "del":
            del raw[i]
        else:
            raw.insert(i, ch)
    try:
        got = read_837p(bytes(raw), syntax="guide")
    except X12Error:
        return
    for rc in got.claims:
        scrub_claim(rc.claim, CTX, rc.findings)
