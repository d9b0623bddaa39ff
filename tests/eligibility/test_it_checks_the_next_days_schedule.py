"""The night-before batch checks every patient seen on the day (the in-process task),
shows its progress and lists the problems: inactive, not found, name mismatch."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from cleanclaim.claims.models import Encounter
from cleanclaim.eligibility.models import EligibilityBatch
from cleanclaim.testing.eligibility import INACTIVE_BENEFITS
from cleanclaim.testing.personas import World


def test_it_checks_the_day_and_lists_the_problems(
    world: World, desk: Client, answers: dict[str, Any]
) -> None:
    visit = Encounter.objects.filter(practice=world.home.practice).first()
    assert visit is not None
    day = visit.service_from
    answers[world.home.coverage.member_id] = INACTIVE_BENEFITS
    response = desk.post(reverse("eligibility:batch"), {"day": day.isoformat()})
    batch = EligibilityBatch.objects.get()
    assert response["Location"] == reverse("eligibility:batch_detail", kwargs={"pk": batch.pk})
    assert batch.status == "done" and batch.total == 1
    fragment = desk.get(
        reverse("eligibility:batch_progress", kwargs={"pk": batch.pk}), HTTP_HX_REQUEST="true"
    )
    assert 'data-done="1" data-total="1"' in fragment.content.decode()
    assert fragment["HX-Refresh"] == "true"
    page = desk.get(response["Location"]).content.decode()
    assert 'data-problem="inactive"' in page
    assert world.home.patient.last_name in page


def test_it_lists_not_found_and_name_mismatch(
    world: World, desk: Client, answers: dict[str, Any]
) -> None:
    from cleanclaim.audit.actor import Actor
    from cleanclaim.eligibility import batch as batches

    visit = Encounter.objects.filter(practice=world.home.practice).first()
    assert visit is not None
    row = batches.start_batch(Actor.process(), world.home.practice, visit.service_from)
    answers[world.home.coverage.member_id] = "not found"
    batches.run_batch(Actor.process(), row)
    kinds = [p.kind for p in batches.problems(row)]
    assert kinds == ["not found"]
    answers[world.home.coverage.member_id] = {
        "last_name": "Otherly",
        "benefits": [{"eligibility_code": "1", "service_types": ["30"]}],
    }
    again = batches.start_batch(Actor.process(), world.home.practice, visit.service_from)
    batches.run_batch(Actor.process(), again)
    assert [p.kind for p in batches.problems(again)] == ["name mismatch"]


def test_it_checks_nobody_on_an_empty_day(world: World, desk: Client) -> None:
    desk.post(reverse("eligibility:batch"), {"day": "2031-01-01"})
    batch = EligibilityBatch.objects.get()
    assert batch.total == 0 and batch.status == "done"
    assert batch.day == dt.date(2031, 1, 1)
