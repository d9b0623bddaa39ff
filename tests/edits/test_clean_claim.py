"""Alice's well-formed claim raises nothing: every rule family stays quiet on a
clean claim (the false-alarm baseline)."""

from __future__ import annotations


def test_it_finds_nothing_on_a_clean_claim(mk, ctx, ncci_ctx) -> None:
    c = mk.claim(mk.line(1, "99213"), mk.line(2, "87880", dx_pointers=(1,)))
    assert mk.rules_of(c, ctx) == []
    assert mk.rules_of(c, ncci_ctx) == []
