"""A payer that paid a line under another code (SVC01 99212, with SVC06 the 99213 we
billed): the 2430 goes to the line billed, with the code as adjudicated in SVD03."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.testing.personas import World

from .secondary_world import adjudication, paid_primary, with_secondary


def test_it_matches_by_the_code_as_submitted(world: World, actor: Actor) -> None:
    primary = paid_primary(world, actor, with_secondary(world))
    answer = adjudication(primary, svc1="SVC*HC:99212*125*72**1*HC:99213")
    line1, line2 = answer.lines[1], answer.lines[2]
    assert (line1.procedure, line1.paid, line1.units) == ("99212", 72, 1)
    assert (line2.procedure, line2.paid) == ("36415", 18)
