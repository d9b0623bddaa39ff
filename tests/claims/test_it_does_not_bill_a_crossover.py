"""A crossover (the primary's 835 says CLP02 19: processed as primary, forwarded to the
next payer) is not billed by us: building the secondary is refused with the payer it
went to, and the posting hook builds nothing."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.claims.secondary import SecondaryRefused, after_primary_posted, build_secondary
from cleanclaim.testing.personas import World

from .conftest import TODAY
from .secondary_world import adjudication, paid_primary, with_secondary


def test_it_refuses_with_the_payer_it_was_forwarded_to(world: World, actor: Actor) -> None:
    primary = paid_primary(world, actor, with_secondary(world))
    crossed = adjudication(primary, status="19")
    with pytest.raises(SecondaryRefused) as err:
        build_secondary(actor, primary, adjudication=crossed, today=TODAY)
    assert str(err.value) == (
        f"claim {primary.number} was forwarded to CASCADE SUPPLEMENT by the primary "
        f"({primary.payer.name}, a crossover): the secondary is not billed by us"
    )
    assert after_primary_posted(actor, primary, adjudication=crossed) is None
    assert not Claim.objects.filter(primary_claim=primary).exists()
