"""``coverage_status``: not checked, verified today, stale (checked before the visit
day), inactive; a check the night before for the visit day counts (frozen time)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.eligibility import actions
from cleanclaim.eligibility.status import coverage_status
from cleanclaim.testing.eligibility import INACTIVE_BENEFITS
from cleanclaim.testing.personas import World

VISIT = dt.date(2026, 12, 8)


def _at(day: dt.date, hour: int = 10) -> Any:
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC))


def test_it_moves_from_not_checked_to_verified_to_stale(
    world: World, answers: dict[str, Any]
) -> None:
    cov = world.home.coverage
    assert coverage_status(cov, VISIT) == "not checked"
    with _at(VISIT):
        actions.check(Actor.process(), cov, (), day=VISIT)
        assert coverage_status(cov, VISIT) == "verified today"
    assert coverage_status(cov, VISIT + dt.timedelta(days=1)) == "stale"


def test_it_counts_the_night_before_batch_for_the_visit_day(
    world: World, answers: dict[str, Any]
) -> None:
    cov = world.home.coverage
    with _at(VISIT - dt.timedelta(days=1), hour=20):
        actions.check(Actor.process(), cov, (), day=VISIT)
    assert coverage_status(cov, VISIT) == "verified today"
    with _at(VISIT - dt.timedelta(days=3)):
        actions.check(Actor.process(), cov, (), day=VISIT - dt.timedelta(days=3))
    # the latest answer is the night-before one still
    assert coverage_status(cov, VISIT) == "verified today"


def test_it_says_inactive_when_the_payer_does(world: World, answers: dict[str, Any]) -> None:
    cov = world.home.coverage
    answers[cov.member_id] = INACTIVE_BENEFITS
    with _at(VISIT):
        actions.check(Actor.process(), cov, (), day=VISIT)
        assert coverage_status(cov, VISIT) == "inactive"


def test_it_ignores_failures(world: World) -> None:
    cov = world.home.coverage
    with _at(VISIT):
        actions.check(Actor.process(), cov, (), day=VISIT)  # no sender: failed
        assert coverage_status(cov, VISIT) == "not checked"
