"""The generated writer (``loop_segments`` with a ``to_segment`` compiled per segment
class) gives exactly what the plain reference writer (``loops_reference.py``) gives:
the same segments, in the same order, for every shared sample of every guide, for
trees built in memory (guide order), and for trees whose segments were read out of
order or with odd widths and extra elements."""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from loops_reference import loop_segments_reference

from cleanclaim.x12 import DEFAULT_DELIMITERS, parse, write_json
from cleanclaim.x12.loops import Loop, iter_segments, loop_segments
from cleanclaim.x12.typed import TypedSegment
from cleanclaim.x12.x222a1_837p.building import build_837p


def _same(tree: Loop, delimiters) -> None:  # type: ignore[no-untyped-def]
    fast = [[*s.as_list(), s.position] for s in loop_segments(tree, delimiters)]
    ref = [[*s.as_list(), s.position] for s in loop_segments_reference(tree, delimiters)]
    assert fast == ref


def test_it_writes_every_sample_as_the_reference_does(shared_data: Path) -> None:
    checked = 0
    for path in sorted((shared_data / "x12").rglob("*")):
        if not path.is_file():
            continue
        try:
            parsed = parse(path.read_bytes())
        except Exception:  # 4010, prose before the ISA: refused elsewhere, on purpose
            continue
        for t in parsed.transactions:
            if isinstance(t.data, Loop):
                _same(t.data, t.interchange.delimiters)
                checked += 1
    assert checked >= 36  # the 837P and 999 samples (the other guides are guidekit trees)


def test_it_writes_a_tree_built_in_memory_in_guide_order() -> None:
    golden = json.loads((Path(__file__).parent / "golden" / "claims.json").read_text())
    tx = build_837p(golden["transactions"][0], now=datetime(2026, 11, 2, 9, 30))
    assert all(seg.position == 0 for _, _, seg in iter_segments(tx))
    _same(tx, DEFAULT_DELIMITERS)
    assert (
        write_json(golden, now=datetime(2026, 11, 2, 9, 30))
        == (Path(__file__).parent / "golden" / "claims.837").read_text()
    )


def test_it_keeps_the_reference_order_when_positions_are_shuffled(shared_data: Path) -> None:
    rng = random.Random(7)
    for path in sorted((shared_data / "x12" / "837P").iterdir())[:12]:
        try:
            parsed = parse(path.read_bytes())
        except Exception:
            continue
        for t in parsed.transactions:
            segs = [seg for _, _, seg in iter_segments(t.data)]
            positions = [s.position for s in segs]
            rng.shuffle(positions)
            for s, p in zip(segs, positions, strict=True):
                s.position = p
            for s in rng.sample(segs, k=min(3, len(segs))):
                s.position = 0  # built in memory: guide order from that loop up
            for s in segs:
                if isinstance(s, TypedSegment) and rng.random() < 0.2:
                    s.width += rng.randint(0, 3)
                    if rng.random() < 0.3:
                        s.extra = (*s.extra, "", "X")
            _same(t.data, t.interchange.delimiters)
