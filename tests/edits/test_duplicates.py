"""duplicate: same code, modifiers and date twice; 76/77/91 mark deliberate repeats."""

from __future__ import annotations

import datetime as dt


def test_it_flags_the_same_service_twice(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "87880"), mk.line(2, "87880"))
    (f,) = mk.findings(c, ctx, "DUP-001")
    assert f.line == 2 and "line 1" in f.message and f.carc == "18"


def test_it_accepts_a_repeat_marked_with_91_or_another_date(mk, ctx) -> None:
    rep = mk.claim(mk.line(1, "87880"), mk.line(2, "87880", modifiers=("91",)))
    other_day = mk.claim(mk.line(1, "87880"), mk.line(2, "87880", service_date=dt.date(2026, 8, 4)))
    assert mk.findings(rep, ctx, "DUP-001") == []
    assert mk.findings(other_day, ctx, "DUP-001") == []


def test_it_tells_two_drugs_under_one_unclassified_code_apart(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "J3490", ndc="00338004938"), mk.line(2, "J3490", ndc="08290033010"))
    assert mk.findings(c, ctx, "DUP-001") == []
    same = mk.claim(mk.line(1, "J3490", ndc="00338004938"), mk.line(2, "J3490", ndc="00338004938"))
    assert len(mk.findings(same, ctx, "DUP-001")) == 1
