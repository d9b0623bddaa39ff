"""Issue 15, done when (its check-in part) in Chromium against the demo: eligibility
goes to the sandbox clearinghouse's CAQH CORE endpoint over real HTTP (the default
sender finds the practice's sandbox connection); the front desk reads the copay and
the remaining deductible in the benefits summary, checks the patient in and the copay
is on the ledger. The patient whose plan the payer ended is flagged before the visit:
by the day's eligibility batch (its problems) and on Today's patients.

Screenshots go to ``test-artifacts/`` (git-ignored)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from cleanclaim.appointments.models import Appointment
from cleanclaim.clearinghouses import demo as sandbox_demo
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.testing.sandbox import demo_sandbox
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "issue15"


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_the_front_desk_checks_in_through_the_sandbox(
    live_server: Any, page: Any, tmp_path: Path
) -> None:
    ctx = demo.build()
    today = timezone.localdate()
    todays = Appointment.objects.filter(practice=ctx.practices[0], start__date=today)
    with_copay = next(
        a
        for a in todays.select_related("patient", "coverage").order_by("start")
        if a.coverage is not None
        and a.coverage.copay
        and a.coverage.is_self
        and a.coverage.payer.clearinghouse_connection == sandbox_demo.NAME
        and a.patient.account_number != sandbox_demo.INACTIVE_ACCOUNT
    )
    ended = todays.get(patient__account_number=sandbox_demo.INACTIVE_ACCOUNT)
    base = live_server.url
    with demo_sandbox(tmp_path / "sandbox", ctx.organisation, today=today) as sandbox:
        page.goto(f"{base}/login/")
        page.get_by_label("Email").fill("frontdesk@demo.test")
        page.get_by_label("Password").fill(demo.PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()

        # The night-before batch for today's schedule flags the ended plan.
        page.goto(base + reverse("eligibility:batch"))
        page.locator("#id_day").fill(f"{today:%Y-%m-%d}")
        page.get_by_role("button", name="Check every patient on that day").click()
        page.wait_for_load_state()
        page.get_by_text("inactive", exact=False).first.wait_for()
        problems = page.locator("main").inner_text()
        assert ended.patient.last_name in problems
        _shot(page, "1-batch-problems")
        assert not EligibilityCheck.objects.filter(status="failed").exists()  # all over HTTP
        page.goto(base + reverse("appointments:today"))
        link = page.locator(f"a[href$='/{ended.pk}/check-in/']")
        assert "inactive" in page.locator("#schedule tr", has=link).inner_text()
        _shot(page, "2-todays-patients")

        # Check in the patient with a copay: the summary from the sandbox's 271.
        page.locator(f"#schedule a[href$='/{with_copay.pk}/check-in/']").click()
        page.wait_for_load_state()
        page.get_by_role("link", name="Check eligibility").click()
        page.wait_for_load_state()
        page.locator("input[name=service_types][value='98']").check()  # office visit
        page.get_by_role("button", name="Check eligibility").click()
        page.wait_for_load_state()
        summary = page.locator("#benefits-summary")
        assert summary.locator("[data-status=active]").count() == 1
        copays = summary.locator("[data-field=copay]").all_inner_texts()
        assert with_copay.coverage.copay in [Decimal(t[1:]) for t in copays if t.startswith("$")]
        deductibles = " ".join(summary.locator("[data-field=deductible]").all_inner_texts())
        remaining = re.search(r"\$([\d.]+) of \$1000", deductibles)  # the plan's deductible
        assert remaining and Decimal(remaining[1]) < 1000, deductibles  # partly met
        _shot(page, "3-benefits-summary")
        assert sandbox.root.joinpath("state").exists()

        page.goto(base + reverse("appointments:check_in", args=[with_copay.pk]))
        assert page.get_by_label("Copay collected").input_value() == str(with_copay.coverage.copay)
        page.get_by_role("button", name="Collect and check in").click()
        page.wait_for_load_state()
        assert "Receipt: copay" in page.locator("#receipt").inner_text()
        _shot(page, "4-checked-in")
    assert LedgerEntry.objects.filter(key=f"checkin:{with_copay.pk}").count() == 1
