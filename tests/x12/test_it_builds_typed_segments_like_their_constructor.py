"""``typed.maker``'s generated constructors give the same segment as the dataclass
constructor, for every typed segment class of every guide, with fewer, as many and
more element texts than declared, with and without a memo of composite splits."""

from __future__ import annotations

import random

from cleanclaim.x12 import all_guides
from cleanclaim.x12.segments import Segment
from cleanclaim.x12.typed import TypedSegment, maker, segment_meta


def classes() -> list[type[TypedSegment]]:
    all_guides()  # imports every guide package
    out: list[type[TypedSegment]] = []
    todo = [TypedSegment]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            out.append(sub)
            todo.append(sub)
    return out


def reference(cls: type[TypedSegment], raw: list[str], position: int, comp: str) -> TypedSegment:
    meta = segment_meta(cls)
    n = meta.n
    vals: list[object] = list(raw[:n]) + [""] * max(0, n - len(raw))
    for i in meta.composites:
        v = vals[i]
        assert isinstance(v, str)
        vals[i] = tuple(v.split(comp)) if v else ()
    return cls(*vals, extra=tuple(raw[n:]), width=len(raw), position=position)  # type: ignore[arg-type]


def state(seg: TypedSegment) -> tuple[object, ...]:
    return (repr(seg), seg.width, seg.position)


def test_makers_match_the_constructor():
    rnd = random.Random(837)
    texts = ["", "A", "HC:99213", "1:2", ":", "ABK:E119:X", "10.5", "::"]
    found = classes()
    assert len(found) > 15  # the shared ones (ST, SE, BHT, NM1...) and the guides' own
    for cls in found:
        make = maker(cls)
        memo: dict[str, tuple[str, ...]] = {}
        n = segment_meta(cls).n
        for k in sorted({0, 1, n - 1, n, n + 1, n + 3} - {-1}):
            for _ in range(4):
                raw = [rnd.choice(texts) for _ in range(k)]
                want = state(reference(cls, raw, 7, ":"))
                assert state(make(list(raw), 7, ":")) == want, cls
                assert state(make(list(raw), 7, ":", memo)) == want, cls
                seg = cls.from_segment(Segment(cls.TAG, list(raw), 7), _Delims())
                assert state(seg) == want, cls


class _Delims:
    component = ":"


def test_the_memo_shares_equal_component_tuples():
    from cleanclaim.x12.common import REF

    make = maker(REF)
    memo: dict[str, tuple[str, ...]] = {}
    a = make(["EI", "1", "", "2U:1"], 1, ":", memo)
    b = make(["EI", "2", "", "2U:1"], 2, ":", memo)
    assert a.reference_identifier == ("2U", "1")
    assert b.reference_identifier is a.reference_identifier
    assert memo == {"2U:1": ("2U", "1")}
