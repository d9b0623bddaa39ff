"""The demo practice has a week of visits in every state of the work lists: to code,
with errors, ready to submit, queued and on hold, and an older claim sent with no answer;
a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_the_demo_visits_cover_every_state() -> None:
    demo.build()
    visits = Encounter.objects.all()
    assert visits.count() == 12
    week = dt.date.today() - dt.timedelta(days=7)
    assert sum(1 for v in visits if v.service_from < week) == 1  # the claim with no answer
    assert sum(1 for v in visits if not v.claims.exists() and not v.coded) == 2
    statuses = Counter(Claim.objects.values_list("status", flat=True))
    assert statuses == {
        "errors": 2,
        "ready": 3,
        "queued": 2,
        "on_hold": 1,
        "submitted": 1,
        "rejected": 1,
    }
    rejected = Claim.objects.get(status="rejected")
    assert rejected.events.get(kind="acknowledged").data["problems"][0]["field"]
    held = Claim.objects.get(status="on_hold")
    assert held.events.get(kind="held").data["reason"]
    second = demo.build()
    assert second.created["visits"] == 0 and second.created["claims"] == 0
    assert Claim.objects.count() == 10
