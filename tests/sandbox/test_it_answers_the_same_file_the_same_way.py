"""Determinism: the same file, received by two sandboxes with fresh state on the same
day, gets byte-identical answers (control numbers included, since both start at 1)."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_837


def test_it_answers_byte_for_byte_the_same(make_adjudicator) -> None:
    data = make_837([golden_claim(0), golden_claim(1), golden_claim(2)])
    first = make_adjudicator(state="one").receive("b.837", data)
    second = make_adjudicator(state="two").receive("b.837", data)
    assert [(f.name, f.kind, f.data) for f in first] == [(f.name, f.kind, f.data) for f in second]
