"""The front desk runs a check from the coverage's eligibility page and reads the
summary: active, copay, deductible remaining of total; the outsider sees nothing."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def test_it_runs_a_check_and_shows_the_figures(
    world: World, desk: Client, answers: dict[str, Any]
) -> None:
    url = reverse("eligibility:check", kwargs={"pk": world.home.coverage.pk})
    response = desk.post(url, {"day": "2026-12-07", "service_types": ["30", "98"]})
    row = EligibilityCheck.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("eligibility:detail", kwargs={"pk": row.pk})
    page = desk.get(response["Location"]).content.decode()
    assert 'data-status="active"' in page
    assert "SILVER PPO" in page
    assert "$25" in page  # the office-visit copay
    assert "$1200 of $1500" in page  # deductible remaining of total
    assert "$5100 of $6000" in page
    assert "20%" in page
    assert AuditEntry.objects.filter(
        model="eligibility.EligibilityCheck", object_pk=str(row.pk), action="read"
    ).exists()
    latest = desk.get(url).content.decode()
    assert 'data-coverage-status="verified today"' in latest


def test_it_shows_nothing_to_an_outsider(world: World, answers: dict[str, Any]) -> None:
    outsider = Client()
    outsider.force_login(world.outsider.users[Role.FRONT_DESK])
    url = reverse("eligibility:check", kwargs={"pk": world.home.coverage.pk})
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"day": "2026-12-07"}).status_code == 404
    assert not EligibilityCheck.objects.exists()


def test_it_explains_a_rejection(world: World, desk: Client, answers: dict[str, Any]) -> None:
    answers[world.home.coverage.member_id] = "not found"
    url = reverse("eligibility:check", kwargs={"pk": world.home.coverage.pk})
    page = desk.get(desk.post(url, {"day": "2026-12-07"})["Location"]).content.decode()
    assert 'data-status="rejected"' in page
    assert "did not find the subscriber" in page
    assert "Please correct and resubmit" in page
