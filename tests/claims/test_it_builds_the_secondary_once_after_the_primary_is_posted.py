"""The posting's hook: after a primary's payment with patient responsibility left and a
secondary coverage on the visit, the secondary is built, once; a primary with nothing
left for the patient, or no secondary coverage, gets none."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.claims.secondary import SecondaryRefused, after_primary_posted, build_secondary
from cleanclaim.testing.personas import World

from .conftest import TODAY
from .secondary_world import adjudication, paid_primary, with_secondary


def test_it_builds_it_once(world: World, actor: Actor) -> None:
    primary = paid_primary(world, actor, with_secondary(world))
    answer = adjudication(primary)
    secondary = after_primary_posted(actor, primary, adjudication=answer)
    assert secondary is not None and secondary.status == "queued"
    assert after_primary_posted(actor, primary, adjudication=answer) is None
    with pytest.raises(
        SecondaryRefused, match=f"already has its secondary claim {secondary.number}"
    ):
        build_secondary(actor, primary, adjudication=answer, today=TODAY)
    assert Claim.objects.filter(primary_claim=primary).count() == 1


def test_it_builds_none_without_a_secondary_coverage(world: World, actor: Actor) -> None:
    coverage = with_secondary(world)
    primary = paid_primary(world, actor, coverage)
    Encounter.objects.filter(pk=primary.encounter_id).update(secondary_coverage=None)
    coverage.delete()
    primary.refresh_from_db()
    assert after_primary_posted(actor, primary, adjudication=adjudication(primary)) is None
    assert not Claim.objects.filter(primary_claim=primary).exists()
