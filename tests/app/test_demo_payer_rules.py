"""The demo keeps the starter payer rules as the first version of the rule sets of the
demo payers they name, so the rules pages show what the scrubber applies."""

from __future__ import annotations

import pytest

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
    assert sorted(v.rule_set.payer.payer_id for v in versions) == ["DEMO01", "DEMO02"]
    assert {v.number for v in versions} == {1}
    assert sorted(current_rules(org.pk), key=lambda r: r.id) == sorted(
        load_payer_rules(), key=lambda r: r.id
    )
    demo.build()  # again: nothing new
    assert RuleVersion.objects.filter(rule_set__organisation=org).count() == 2
