"""Reading then writing every shared sample gives back the same segments."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest
from conftest_paths import SAMPLES
from samples import KINDS, NOT_X12, X4010

from cleanclaim.x12 import X12Error, parse


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_it_writes_back_the_segments_it_read(path, shared_data):
    if path.name in NOT_X12 | X4010:
        with pytest.raises(X12Error) as exc:
            parse(path.read_bytes())
        expected = "4010" if path.name in X4010 else "not an X12 file"
        assert expected in str(exc.value)
        assert "\n" not in str(exc.value)
        return
    parsed = parse(path.read_bytes())
    assert parsed.transactions
    for t in parsed.transactions:
        assert t.guide.st01 in KINDS
        written = t.guide.write(t.data, t.interchange.delimiters)
        assert [s.as_list() for s in written] == [s.as_list() for s in t.ts.segments]
