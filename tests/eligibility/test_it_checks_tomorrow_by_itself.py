"""The scheduled night-before batch (``cleanclaim.eligibility.night_before``, run by the
scheduler at ``CLEANCLAIM_ELIGIBILITY_AT``): a batch for tomorrow at every practice
with visits tomorrow, none for a practice with nobody to check, and none again for a
practice that already has tomorrow's batch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from cleanclaim.claims.models import Encounter
from cleanclaim.eligibility.models import EligibilityBatch
from cleanclaim.eligibility.tasks import night_before
from cleanclaim.testing.personas import World


def _eve(world: World) -> tuple[dt.date, dt.datetime]:
    visit = Encounter.objects.filter(practice=world.home.practice).order_by("pk").first()
    assert visit is not None
    day = visit.service_from
    eve = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(18), tzinfo=dt.UTC)
    return day, eve


def test_it_checks_tomorrows_visits_at_each_practice_once(
    world: World, answers: dict[str, Any]
) -> None:
    day, eve = _eve(world)
    others = Encounter.objects.filter(service_from=day).exclude(practice=world.home.practice)
    with time_machine.travel(eve, tick=False):
        first = night_before()
        again = night_before()
    batch = EligibilityBatch.objects.get(practice=world.home.practice)
    assert batch.day == day and batch.status == "done" and batch.total == 1
    assert batch.checks.count() == 1
    assert first["practices"] == 1 + others.values("practice").distinct().count()
    assert first["checked"] >= 1
    assert again["practices"] == 0 and again["already"] == first["practices"]
    assert EligibilityBatch.objects.count() == first["practices"]


def test_it_makes_no_batch_for_a_day_with_nobody_booked(
    world: World, answers: dict[str, Any]
) -> None:
    with time_machine.travel(dt.datetime(2031, 1, 1, 18, tzinfo=dt.UTC), tick=False):
        done = night_before()
    assert done == {"practices": 0, "checked": 0, "failed": 0, "already": 0}
    assert not EligibilityBatch.objects.exists()
