"""Three CO-197 denials of one code for one payer within 30 days propose a prior-auth
payer rule citing them; a manager accepts it and the scrubber then flags the code.
Two are not enough; a dismissed proposal writes no rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import override_settings

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.scrubbing import context_for, scrub
from cleanclaim.denials import proposals
from cleanclaim.denials.models import Denial, Proposal
from cleanclaim.payerrules.models import RuleSet

from .conftest import post_denied

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)
MANAGER = Actor(user=None, label="manager")


@time_machine.travel(NOW, tick=False)
def test_three_denials_propose_and_acceptance_makes_the_scrubber_flag(world: Any) -> None:
    post_denied(world, 2, trace="T1")
    assert not Proposal.objects.exists()  # two are not enough
    post_denied(world, 1, trace="T2", first=3)
    proposal = Proposal.objects.get()
    assert (proposal.kind, proposal.procedure, proposal.reason) == ("prior-auth", "99213", "CO-197")
    assert set(proposal.denials.all()) == set(Denial.objects.all())
    for d in Denial.objects.all():
        assert f"#{d.pk}" in proposal.text
    home = world.home
    claim = home.claim  # a 99213 visit of the same payer
    before = scrub(claim, context_for(home.practice, NOW.date()))
    assert not [f for f in before.findings if "payer rule DENIALS-" in f.message]
    proposals.accept(MANAGER, proposal)
    version = RuleSet.objects.get(payer=home.payer).current()
    assert version is not None and "kind: prior-auth" in version.text
    after = scrub(claim, context_for(home.practice, NOW.date()))
    rule_id = f"DENIALS-{home.payer.payer_id}-99213-197"
    flagged = [f for f in after.findings if f"[payer rule {rule_id}]" in f.message]
    assert flagged, [f.message for f in after.findings]
    assert "CO-197 denials" in flagged[0].source
    with pytest.raises(proposals.NotOpen):
        proposals.dismiss(MANAGER, proposal)


@override_settings(DENIALS_REPEAT_COUNT=2)
@time_machine.travel(NOW, tick=False)
def test_threshold_is_a_setting_and_dismissal_writes_no_rule(world: Any) -> None:
    post_denied(world, 2, trace="T1")
    proposal = Proposal.objects.get()
    proposals.dismiss(MANAGER, proposal, "the payer fixed its system")
    assert not RuleSet.objects.filter(payer=world.home.payer).exists()
    assert Proposal.objects.get().status == "dismissed"
