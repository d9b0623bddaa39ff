"""The demo practice has a week of visits in every state of the work lists: to code,
with errors, ready to submit, queued and on hold, and an older claim sent with no answer;
a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.web import demo
from cleanclaim.web.models import DemoObject

pytestmark = pytest.mark.django_db


def _of_the_claims_step(model: type, kind: str) -> list[str]:
    """The objects ``claims.demo`` made (keys ``visit:<NPI>:<n>``, ``claim:<NPI>:<n>``);
    the authorizations and the payers' answer add visits of their own."""
    keys = DemoObject.objects.filter(key__regex=rf"^{kind}:[0-9]+:[0-9]+$", model=model._meta.label)
    return list(keys.values_list("object_pk", flat=True))


def test_the_demo_visits_cover_every_state() -> None:
    demo.build()
    visits = Encounter.objects.filter(pk__in=_of_the_claims_step(Encounter, "visit"))
    assert visits.count() == 12
    week = dt.date.today() - dt.timedelta(days=7)
    assert sum(1 for v in visits if v.service_from < week) == 1  # the claim with no answer
    assert sum(1 for v in visits if not v.claims.exists() and not v.coded) == 2
    claims = Claim.objects.filter(pk__in=_of_the_claims_step(Claim, "claim"))
    statuses = Counter(claims.values_list("status", flat=True))
    assert statuses == {
        "errors": 2,
        "ready": 3,
        "queued": 2,
        "on_hold": 1,
        "submitted": 1,
        "rejected": 1,
    }
    rejected = claims.get(status="rejected")
    assert rejected.events.get(kind="acknowledged").data["problems"][0]["field"]
    held = claims.get(status="on_hold")
    assert held.events.get(kind="held").data["reason"]
    second = demo.build()
    assert second.created["visits"] == 0 and second.created["claims"] == 0
    assert claims.count() == 10
