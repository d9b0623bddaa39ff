"""payer-rule: declarative rules from data (the shipped demo file and a custom one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.edits import Payer
from cleanclaim.edits.context import load_payer_rules

DEMO01 = Payer("DEMO ONE", "DEMO01", "commercial")
DEMO02 = Payer("DEMO TWO", "DEMO02", "commercial")


def test_it_requires_a_telehealth_modifier_for_pos_02(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "99213"), payer=DEMO01, place_of_service="02")
    (f,) = mk.findings(c, ctx, "PAYER-DEMO01-TELE")
    assert (f.category, f.line, f.carc) == ("payer-rule", 1, "4")
    ok = mk.claim(mk.line(1, "99213", modifiers=("95",)), payer=DEMO01, place_of_service="02")
    assert mk.findings(ok, ctx, "PAYER-DEMO01-TELE") == []


def test_it_requires_prior_auth_for_listed_procedures(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "72148"), payer=DEMO02)
    (f,) = mk.findings(c, ctx, "PAYER-DEMO02-AUTH-IMAGING")
    assert "72148" in f.message and f.carc == "197"
    assert (
        mk.findings(
            mk.claim(mk.line(1, "72148"), payer=DEMO02, prior_auth="AUTH1"),
            ctx,
            "PAYER-DEMO02-AUTH-IMAGING",
        )
        == []
    )


def test_it_leaves_other_payers_alone(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "72148"), place_of_service="02")
    assert [r for r in mk.rules_of(c, ctx) if r.startswith("PAYER-")] == []


def test_it_names_the_rule_that_lacks_a_field(tmp_path: Path) -> None:
    p = tmp_path / "rules.json"
    p.write_text(json.dumps({"rules": [{"id": "X", "payers": ["*"]}]}))
    with pytest.raises(ValueError, match="rule #1 lacks"):
        load_payer_rules(p)
