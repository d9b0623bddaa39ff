"""payer-rule and auth: the packaged starter rules (payer rules as data) over claims;
each finding carries its kind's catalogue id, the payer rule's id and its citation."""

from __future__ import annotations

from cleanclaim.edits import Payer

DEMO01 = Payer("DEMO ONE", "DEMO01", "commercial")
DEMO02 = Payer("DEMO TWO", "DEMO02", "commercial")


def test_it_requires_a_telehealth_modifier_for_pos_02(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "99213"), payer=DEMO01, place_of_service="02")
    (f,) = mk.findings(c, ctx, "PAYER-MODIFIER")
    assert (f.category, f.line, f.carc) == ("payer-rule", 1, "4")
    assert "payer rule PAYER-DEMO01-TELE" in f.message
    assert f.source.startswith("DEMO01 provider manual")
    ok = mk.claim(mk.line(1, "99213", modifiers=("95",)), payer=DEMO01, place_of_service="02")
    assert mk.findings(ok, ctx, "PAYER-MODIFIER") == []


def test_it_requires_prior_auth_for_listed_procedures(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "72148"), payer=DEMO02)
    (f,) = mk.findings(c, ctx, "PAYER-AUTH")
    assert "72148" in f.message and f.carc == "197" and f.category == "auth"
    assert "PAYER-DEMO02-AUTH-IMAGING" in f.message
    authorized = mk.claim(mk.line(1, "72148"), payer=DEMO02, prior_auth="AUTH1")
    assert mk.findings(authorized, ctx, "PAYER-AUTH") == []


def test_it_leaves_other_payers_alone(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "72148"), place_of_service="02")
    assert [r for r in mk.rules_of(c, ctx) if r.startswith("PAYER-")] == []
