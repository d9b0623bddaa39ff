"""A home practice whose 835 denied claim lines CO-197 (authorization absent)."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.testing import denials as testing
from cleanclaim.testing.personas import build_world


def post_denied(world: Any, n: int = 1, *, trace: str = "TRACE1000", first: int = 1) -> Any:
    return testing.post_denied(world.home, n, trace=trace, first=first)


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
