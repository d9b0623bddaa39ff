"""The generated writer (``loop_segments`` with a ``to_segment`` compiled per segment class)
gives exactly what the plain reference writer gives: the same segments, in the same order,
for every shared sample read with typed loops (the 999), and for
trees whose segments were read out of order or with odd widths and extra elements."""

from __future__ import annotations

import random
from pathlib import Path

from cleanclaim.x12 import parse
from cleanclaim.x12.loops import Loop, iter_segments, loop_segments, loop_segments_reference
from cleanclaim.x12.typed import TypedSegment


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
    assert checked >= 1  # the 999 samples (the other guides are guidekit trees)


def test_it_keeps_the_reference_order_when_positions_are_shuffled(shared_data: Path) -> None:
    rng = random.Random(7)
    for path in sorted((shared_data / "x12" / "999").iterdir())[:12]:
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
