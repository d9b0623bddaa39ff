"""A primary's answer that does not add up to the claim (here the 835's paid amount is
off by 5.00 from its lines and adjustments) is refused naming the claim and the
difference; nothing is written."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.claims.secondary import SecondaryRefused, build_secondary
from cleanclaim.testing.personas import World

from .conftest import TODAY
from .secondary_world import adjudication, paid_primary, with_secondary


def test_it_names_the_claim_and_the_difference(world: World, actor: Actor) -> None:
    primary = paid_primary(world, actor, with_secondary(world))
    answer = replace(adjudication(primary), paid=Decimal("85.00"))
    with pytest.raises(SecondaryRefused) as err:
        build_secondary(actor, primary, adjudication=answer, today=TODAY)
    message = str(err.value)
    assert message.startswith(f"secondary of claim {primary.number}: ")
    assert "other_payers[0] (NOR01) does not balance" in message and "= 5, not 0.00" in message
    assert not Claim.objects.filter(primary_claim=primary).exists()
