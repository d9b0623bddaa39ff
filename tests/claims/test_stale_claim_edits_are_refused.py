"""Two billers open the same claim; the second save is refused with what changed
(optimistic locking), and a claim once queued is not edited in place."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def test_the_second_stale_save_is_refused(world: World, actor: Actor) -> None:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    opened = claim.version
    actions.edit_claim(actor, claim, expected_version=opened, prior_authorization="AUTH-1")
    with pytest.raises(actions.StaleEdit) as stale:
        actions.edit_claim(actor, claim, expected_version=opened, prior_authorization="AUTH-2")
    assert [c.field for c in stale.value.changed] == ["prior_authorization"]
    assert stale.value.changed[0].current == "AUTH-1"
    claim.refresh_from_db()
    assert claim.prior_authorization == "AUTH-1"
    assert claim.status == "built"  # edited: to be scrubbed again
    edited = claim.events.get(kind="edited")
    assert edited.data == {"changes": {"prior_authorization": ["", "AUTH-1"]}}


def test_a_queued_claim_is_not_edited(world: World, actor: Actor) -> None:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY)
    with pytest.raises(actions.NotAllowed):
        actions.edit_claim(actor, claim, prior_authorization="AUTH-9")
