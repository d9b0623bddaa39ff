"""The claim scrubber reads the payer's latest answer on file: inactive on the date of
service is ELIG-001, the payer's other member id ELIG-002; a practice that never checks
eligibility gets no eligibility findings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.scrubbing import context_for, scrub
from cleanclaim.eligibility import actions
from cleanclaim.testing.eligibility import INACTIVE_BENEFITS
from cleanclaim.testing.personas import World


def _rules(world: World) -> list[str]:
    claim = world.home.claim
    result = scrub(claim, context_for(claim.practice, dt.date(2026, 1, 20)))
    return sorted(f.rule for f in result.findings if f.rule.startswith("ELIG"))


def _dos(world: World) -> dt.date:
    return world.home.claim.encounter.service_from


def test_it_is_silent_for_a_practice_that_never_checks(world: World) -> None:
    assert _rules(world) == []


def test_it_reports_inactive_coverage(world: World, answers: dict[str, Any]) -> None:
    answers[world.home.coverage.member_id] = INACTIVE_BENEFITS
    actions.check(Actor.process(), world.home.coverage, (), day=_dos(world))
    assert "ELIG-001" in _rules(world)


def test_it_reports_the_payers_member_id(world: World, answers: dict[str, Any]) -> None:
    answers[world.home.coverage.member_id] = {
        "member_id": "NEWID-1",
        "benefits": [{"eligibility_code": "1", "service_types": ["30"]}],
    }
    actions.check(Actor.process(), world.home.coverage, (), day=_dos(world))
    assert "ELIG-002" in _rules(world)
