"""The scrubber's reader takes a transaction set in the tokenizer's split form (as read
from a file) or as Segments (once built): both give the same claims and findings, on
every 837P sample and on copies whose segments were cut short or emptied."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12 import X12Error
from cleanclaim.x12._envelope import TransactionSet


def _read(data: bytes) -> list[str]:
    try:
        got = read_837p(data)
    except X12Error as exc:
        return [f"X12Error: {exc}"]
    claims = [repr((rc.claim, rc.findings, rc.view)) for rc in got.claims]
    return claims + [repr(ff) for ff in got.findings]


def _cut(data: bytes, seed: int) -> bytes:
    """Some segments lose their last elements, a few all of them."""
    rnd = random.Random(seed)
    out = []
    for seg in data.split(b"~"):
        parts = seg.split(b"*")
        head = parts[0].strip()
        if head not in (b"ISA", b"GS", b"ST", b"SE", b"GE", b"IEA") and rnd.random() < 0.15:
            parts = parts[: rnd.randrange(1, max(2, len(parts)))]
        out.append(b"*".join(parts))
    return b"~".join(out)


def test_both_forms_read_the_same(shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [
        p
        for p in sorted((shared_data / "x12" / "837P").iterdir())
        if "004010" not in p.name and "case_1" not in p.name
    ]
    inputs = [p.read_bytes() for p in files]
    inputs += [_cut(d, i) for i, d in enumerate(inputs)]
    split = [_read(d) for d in inputs]
    monkeypatch.setattr(TransactionSet, "split_form", lambda self: None)
    plain = [_read(d) for d in inputs]
    assert split == plain
    assert sum(len(x) for x in split) > 60  # claims read, not only errors
