"""No secondary before the primary has answered: a claim with no posted payment is
refused, saying so, and nothing is built."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.claims.secondary import SecondaryRefused, build_secondary
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit
from .secondary_world import with_secondary


def test_it_refuses_an_unpaid_primary(world: World, actor: Actor) -> None:
    coverage = with_secondary(world)
    encounter = visit(world, actor)
    Encounter.objects.filter(pk=encounter.pk).update(secondary_coverage=coverage)
    primary, _ = actions.build_claim(actor, encounter, today=TODAY)
    with pytest.raises(SecondaryRefused, match="has no posted payment from"):
        build_secondary(actor, primary, today=TODAY)
    assert not Claim.objects.filter(primary_claim=primary).exists()
