"""A home practice whose 835 denied claim lines CO-197 (authorization absent)."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.remits import actions
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835


def denied_835(n: int = 1, *, trace: str = "TRACE1000", first: int = 1) -> bytes:
    """``many_claims_835`` with each office visit's CO-45 turned into CO-197 + RARC N54."""
    return (
        many_claims_835(n, trace=trace, first=first)
        .replace(b"CAS*CO*45*25~", b"CAS*CO*197*25~")
        .replace(b"CAS*PR*2*20~", b"CAS*PR*2*20~LQ*HE*N54~")
    )


def post_denied(world: Any, n: int = 1, *, trace: str = "TRACE1000", first: int = 1) -> Any:
    home = world.home
    actor = Actor(user=None, label="system: test")
    data = denied_835(n, trace=trace, first=first)
    claims_for_835(actions.read(data)[0], home.practice, home.payer, home.provider, home.location)
    rf = actions.take_in_835(actor, home.practice, f"{trace}.835", data)
    assert rf.status == "received", rf.differences
    actions.post_file(actor, rf)
    return rf


@pytest.fixture
def world() -> Any:
    return build_world()


def with_visit_lines(claim: Any) -> Any:
    """Give the claim's visit the claim's lines (test set-up: ``claims_for_835`` makes
    claims without them), so a replacement can be built from the visit."""
    from cleanclaim.claims.models import EncounterLine

    for ln in claim.lines.all():
        EncounterLine.objects.create(
            encounter=claim.encounter,
            number=ln.number,
            procedure=ln.procedure,
            modifiers=ln.modifiers,
            units=ln.units,
            charge=ln.charge,
            pointers=["A"],
            service_date=ln.service_date,
        )
    return claim
