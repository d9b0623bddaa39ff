"""A payer profile's limits, as the deadline engine reads them: every limit with its
unit and citation, keyed by every id a claim may carry for the payer."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.deadlines import Limit, PayerLimits
from cleanclaim.payers import actions, starter
from cleanclaim.payers.deadlines import limits_by_payer_id, limits_for
from cleanclaim.payers.models import Payer
from cleanclaim.testing.personas import World

ACTOR = Actor(user=None, via="test")


@pytest.fixture
def medicare(world: World) -> Payer:
    return actions.add_payer(ACTOR, world.home.organisation, **starter.MEDICARE_B)


def test_it_gives_medicare_part_b_its_cited_limits(medicare: Payer) -> None:
    limits = limits_for(medicare)
    assert limits.timely == Limit(
        12, "months", "42 CFR 424.44(a)(1): 1 calendar year after the date of service"
    )
    assert limits.appeal_first == Limit(120, "days", starter.MEDICARE_B["appeal_first_citation"])
    assert limits.appeal_second == Limit(180, "days", starter.MEDICARE_B["appeal_second_citation"])
    assert limits.corrected == Limit(12, "months", starter.MEDICARE_B["corrected_citation"])
    assert "42 CFR 405.942(a)" in limits.appeal_first.citation
    assert "42 CFR 405.962(a)" in limits.appeal_second.citation
    assert limits.secondary is None
    assert (limits.hold, limits.default) == ("", False)


def test_it_gives_a_limit_not_set_as_none_and_the_hold_as_text(world: World) -> None:
    payer = actions.add_payer(ACTOR, world.home.organisation, **starter.SUMMIT)
    limits = limits_for(payer)
    assert limits == PayerLimits(
        timely=Limit(90, "days", "example: participating provider contract (adjust)"),
        appeal_first=Limit(60, "days", "example (adjust)"),
        hold="example: held until the referral from the primary care provider arrives",
    )


def test_it_keys_every_payer_by_each_of_its_ids(world: World, medicare: Payer) -> None:
    actions.update_payer(ACTOR, medicare, alias_payer_ids="OLDMB1 OLDMB2")
    actions.set_connection_ids(ACTOR, medicare, {"Availity": "MCRB9", "Office Ally": "MB77"})

    by_id = limits_by_payer_id(world.home.organisation)

    assert set(by_id) == {"DEMO01", "OLDMB1", "OLDMB2", "MCRB9", "MB77", world.home.payer.payer_id}
    assert {by_id[k].timely for k in ("DEMO01", "OLDMB1", "MCRB9", "MB77")} == {
        limits_for(medicare).timely
    }
    assert by_id[world.home.payer.payer_id].timely == Limit(180, "days", "")
    assert world.outsider.payer.payer_id not in by_id


def test_a_payers_own_id_wins_over_another_payers_other_id(world: World, medicare: Payer) -> None:
    actions.update_payer(ACTOR, medicare, alias_payer_ids=world.home.payer.payer_id)
    by_id = limits_by_payer_id(world.home.organisation)
    assert by_id[world.home.payer.payer_id].timely == Limit(180, "days", "")


def test_it_resolves_a_practices_overrides_for_every_payer(world: World, medicare: Payer) -> None:
    actions.set_override(ACTOR, medicare, world.home.practice, {"timely_amount": 11})
    assert limits_by_payer_id(world.home.organisation, world.home.practice)["DEMO01"].timely == (
        Limit(11, "months", medicare.timely_citation)
    )
    assert limits_by_payer_id(world.home.organisation)["DEMO01"].timely.amount == 12
