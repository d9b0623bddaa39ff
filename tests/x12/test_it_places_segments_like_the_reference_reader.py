"""The generated placers of ``parse_loop`` build the same tree as the plain
interpreter (``parse_loop_reference``, kept in ``loops_reference.py`` beside this
test): on every shared sample, read through each guide that uses the shared loop
reader, as written and with its segments reversed, shuffled, repeated and dropped
(so overflow, unknown segments, repeated single loops and triggers out of place all
occur)."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from loops_reference import parse_loop_reference

from cleanclaim.x12 import X12Error, loops
from cleanclaim.x12.envelope import read_document
from cleanclaim.x12.loops import Loop, parse_loop
from cleanclaim.x12.segments import Segment
from cleanclaim.x12.typed import TypedSegment
from cleanclaim.x12.x222a1_837p.loops import Transaction837P
from cleanclaim.x12.x231a1_999.loops import Transaction999

ROOTS = (Transaction837P, Transaction999)


def dump(x: Any) -> Any:
    """The tree with every class, field, element text, width and position."""
    if isinstance(x, Loop):
        return (type(x).__name__, tuple((f, dump(getattr(x, f))) for f in x.__dataclass_fields__))
    if isinstance(x, list):
        return ("list", tuple(dump(v) for v in x))
    if isinstance(x, TypedSegment):
        return (type(x).__name__, repr(x), x.width, x.position)
    if isinstance(x, Segment):
        return ("Segment", x.id, tuple(x.elements), x.position)
    return x


def variants(segs: list[Segment], seed: str) -> list[list[Segment]]:
    rnd = random.Random(seed)
    out = [segs, segs[::-1]]
    for _ in range(3):
        shuffled = list(segs)
        rnd.shuffle(shuffled)
        out.append(shuffled)
    for _ in range(3):
        repeated = list(segs)
        for _ in range(max(1, len(repeated) // 5)):
            repeated.insert(rnd.randrange(len(repeated)), repeated[rnd.randrange(len(segs))])
        out.append(repeated)
    out.append([s for s in segs if rnd.random() < 0.7])
    # segments without the qualifier element, and an empty one
    out.append([Segment(s.id, [], s.position) if rnd.random() < 0.2 else s for s in segs])
    return out


def transactions(shared_data: Path) -> list[tuple[str, list[Segment], Any]]:
    out = []
    for path in sorted(p for p in (shared_data / "x12").rglob("*") if p.is_file()):
        try:
            doc = read_document(path.read_bytes())
        except X12Error:
            continue
        for ic, _, ts in doc.transactions():
            out.append((path.name, ts.segments, ic.delimiters))
    return out


def check_same(shared_data: Path) -> int:
    count = 0
    for name, segs, delimiters in transactions(shared_data):
        for root in ROOTS:
            for v in variants(segs, name):
                want = dump(parse_loop_reference(root(), v, delimiters))
                got = dump(parse_loop(root(), v, delimiters))
                assert got == want, (name, root.__name__)
                # the split form (what a file read gives): positions follow each other
                renum = [Segment(s.id, s.elements, 7 + k) for k, s in enumerate(v)]
                split = [[s.id, *s.elements] for s in renum]
                want = dump(parse_loop_reference(root(), renum, delimiters))
                got = dump(loops.parse_loop_split(root(), split, 7, delimiters))
                assert got == want, (name, root.__name__, "split form")
                count += 1
    return count


def test_generated_placers_match_the_interpreter(shared_data):
    assert check_same(shared_data) > 1000


@pytest.mark.parametrize("root", ROOTS)
def test_an_empty_transaction_and_a_lone_unknown_segment(root):
    from cleanclaim.x12.segments import DEFAULT_DELIMITERS

    for segs in ([], [Segment("ZZZ", ["1"], 1)], [Segment("SE", [], 1)] * 3):
        want = dump(parse_loop_reference(root(), segs, DEFAULT_DELIMITERS))
        assert dump(parse_loop(root(), segs, DEFAULT_DELIMITERS)) == want
