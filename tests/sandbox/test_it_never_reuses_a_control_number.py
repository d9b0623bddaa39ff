"""Control numbers (ISA13/GS06) come from state_dir: never reused, even by a new
adjudicator on the same state (a restart)."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_837

from cleanclaim.x12 import parse


def _isa13s(files) -> list[str]:
    return [
        f.data.decode().split("*")[13]
        if f.kind == "TA1"
        else parse(f.data).document.interchanges[0].isa.get(13)
        for f in files
    ]


def test_it_keeps_counting_across_a_restart(make_adjudicator) -> None:
    before = make_adjudicator().receive("a.837", make_837([golden_claim(0)]))
    after = make_adjudicator().receive("b.837", make_837([golden_claim(1)], control=102))
    after += make_adjudicator().receive("c.837", b"garbage")
    numbers = _isa13s(before) + _isa13s(after)
    assert numbers == [str(n).rjust(9, "0") for n in range(1, 8)]
