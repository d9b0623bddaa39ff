"""The demo keeps the starter payer rules as the first version of the rule sets of the
demo payers they name, so the rules pages show what the scrubber applies; Cascade
(DEMO03) gets its prior-authorization list from the authorizations demo step."""

from __future__ import annotations

import pytest

from cleanclaim.authorizations import demo as auth_demo
from cleanclaim.edits.context import load_payer_rules
from cleanclaim.payerrules.models import RuleVersion
from cleanclaim.payerrules.service import current_rules
from cleanclaim.practices.models import Organisation
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_the_demo_payers_carry_the_starter_rules() -> None:
    demo.build()
    org = Organisation.objects.get(name=demo.ORGANISATION)
    versions = RuleVersion.objects.filter(rule_set__organisation=org)
    assert sorted(v.rule_set.payer.payer_id for v in versions) == ["DEMO01", "DEMO02", "DEMO03"]
    assert {v.number for v in versions} == {1}
    starter = {r.id for r in load_payer_rules()}
    assert sorted((r for r in current_rules(org.pk) if r.id in starter), key=lambda r: r.id) == (
        sorted(load_payer_rules(), key=lambda r: r.id)
    )
    assert {r.id for r in current_rules(org.pk)} - starter == {"PAYER-DEMO03-AUTH-PT"}
    assert auth_demo.PAYER == "DEMO03"
    demo.build()  # again: nothing new
    assert RuleVersion.objects.filter(rule_set__organisation=org).count() == 3
