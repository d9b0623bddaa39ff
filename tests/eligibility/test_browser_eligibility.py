"""In Chromium: the front desk checks a patient's eligibility and reads the copay and
the remaining deductible; the night-before batch flags a patient whose coverage is
inactive before the visit."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.claims.models import Encounter
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.eligibility import INACTIVE_BENEFITS
from cleanclaim.testing.personas import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-eligibility-pass-1"


def _sign_in(page: Any, base: str, world: World) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    desk.set_password(PASSWORD)
    desk.save()
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(desk.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_it_checks_and_shows_the_benefits(
    live_server: Any, page: Any, world: World, answers: dict[str, Any]
) -> None:
    _sign_in(page, live_server.url, world)
    page.goto(f"{live_server.url}/eligibility/coverage/{world.home.coverage.pk}/")
    assert page.get_by_text("Not checked").first.is_visible()
    page.get_by_label("Date of service").fill("2026-12-07")
    page.get_by_label("98 Professional (Physician) Visit - Office").check()
    page.get_by_role("button", name="Check eligibility").click()
    page.wait_for_load_state()
    summary = page.get_by_role("region", name="Benefits summary")
    assert summary.get_by_text("Active").is_visible()
    row = summary.get_by_role("row").filter(has_text="Office")
    assert "$25" in row.inner_text()
    assert "$1200 of $1500" in row.inner_text()


def test_it_flags_inactive_coverage_the_night_before(
    live_server: Any, page: Any, world: World, answers: dict[str, Any]
) -> None:
    visit = Encounter.objects.filter(practice=world.home.practice).first()
    assert visit is not None
    answers[world.home.coverage.member_id] = INACTIVE_BENEFITS
    _sign_in(page, live_server.url, world)
    page.goto(f"{live_server.url}/eligibility/batch/")
    page.get_by_label("Visit day").fill(visit.service_from.isoformat())
    page.get_by_role("button", name="Check every patient on that day").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 of 1 checked").is_visible()
    problem = page.locator('tr[data-problem="inactive"]')
    assert problem.count() == 1
    assert world.home.patient.last_name in problem.inner_text()
