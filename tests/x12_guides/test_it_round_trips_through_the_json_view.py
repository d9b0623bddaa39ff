"""``x12 parse --json`` then ``x12 write`` gives back the same transaction sets
for every 835/270/271/276/277 sample (the envelope trailers are recomputed by
the core, so two samples with wrong SE02/IEA02 differ there only)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_paths import SAMPLES
from samples import NOT_X12, X4010

from cleanclaim.x12 import parse
from cleanclaim.x12._json_view import document_json, write_json

READABLE = [p for p in SAMPLES if p.name not in NOT_X12 | X4010]


def _sets(parsed) -> list[list[list[str]]]:
    out = []
    for t in parsed.transactions:
        segs = [s.as_list() for s in t.ts.segments]
        out.append(segs[:-1] if segs and segs[-1][0] == "SE" else segs)  # SE01/02 recomputed
    return out


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_it_writes_the_json_view_back_to_the_same_segments(path, shared_data):
    parsed = parse(path.read_bytes())
    view = json.loads(json.dumps(document_json(parsed, file=path.name)))
    again = parse(write_json(view))
    assert _sets(again) == _sets(parsed)
    assert [t.interchange.isa.as_list() for t in again.transactions] == [
        t.interchange.isa.as_list() for t in parsed.transactions
    ]
