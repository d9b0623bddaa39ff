"""The "Scheduled work" page shows managers each job, its timing and its last runs, so
a person can see the polling is alive; a failure's error text is for platform staff."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World
from cleanclaim.web.models import ScheduledRun


def test_it_shows_the_jobs_and_their_last_runs(world: World) -> None:
    at = dt.datetime(2027, 3, 1, 12, 5, tzinfo=dt.UTC)
    ScheduledRun.objects.create(
        job="poll", started_at=at, finished_at=at, outcome="ok", detail="2 connections polled"
    )
    ScheduledRun.objects.create(
        job="claim_status", started_at=at, finished_at=at, outcome="failed", detail="Boom: secret"
    )
    client = Client()
    client.force_login(world.home.users[Role.MANAGER])
    page = client.get(reverse("work:scheduled")).content.decode()
    assert "poll: every 5 minutes" in page
    assert "eligibility: daily at 18:00" in page and "CLEANCLAIM_ELIGIBILITY_AT" in page
    assert "2027-03-01 12:05:00" in page and "2 connections polled" in page
    assert "Boom: secret" not in page and "see the server's log" in page
    assert "Not run yet." in page  # eligibility has no run


def test_it_says_when_the_polling_has_stopped(world: World) -> None:
    from django.utils import timezone

    now = timezone.now()
    ScheduledRun.objects.create(job="poll", started_at=now - dt.timedelta(minutes=11))
    ScheduledRun.objects.create(job="claim_status", started_at=now - dt.timedelta(minutes=1))
    client = Client()
    client.force_login(world.home.users[Role.MANAGER])
    page = client.get(reverse("work:scheduled")).content.decode()
    assert 'data-late="poll"' in page and "it last started 11" in page
    assert 'data-late="claim_status"' not in page
    assert 'data-late="eligibility"' in page and "it has never run" in page
    ScheduledRun.objects.create(job="poll", started_at=now - dt.timedelta(minutes=4))
    page = client.get(reverse("work:scheduled")).content.decode()
    assert 'data-late="poll"' not in page


def test_it_tells_platform_staff_why_a_run_failed(world: World) -> None:
    at = dt.datetime(2027, 3, 1, 7, tzinfo=dt.UTC)
    ScheduledRun.objects.create(
        job="claim_status", started_at=at, finished_at=at, outcome="failed", detail="Boom: why"
    )
    manager = world.home.users[Role.MANAGER]
    manager.is_staff = True
    manager.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(manager)
    assert "Boom: why" in client.get(reverse("work:scheduled")).content.decode()
