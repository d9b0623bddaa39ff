"""In Chromium: a biller opens the demo's rejected claim from the *Rejected* work list,
reads the reason and the field to fix, corrects the claim and queues it again; the
timeline keeps the rejection."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.claims.models import Claim
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_biller_fixes_and_requeues_the_rejected_demo_claim(live_server: Any, page: Any) -> None:
    demo.build()
    claim = Claim.objects.get(status="rejected")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("biller@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/claims/lists/rejected/")
    row = page.locator(f"#row-{claim.pk}")
    assert "contract or member number is not valid" in row.inner_text()
    assert "fix it in the patient's coverage" in row.inner_text()
    row.get_by_role("link", name="Fix").click()
    page.wait_for_load_state()

    section = page.locator("section.rejection")
    assert "field to fix: Subscriber member ID" in section.inner_text()
    page.get_by_role("button", name="Queue for submission").click()
    page.wait_for_load_state()

    claim.refresh_from_db()
    assert claim.status == "queued"
    timeline = page.locator("ol.timeline").inner_text()
    assert "acknowledged" in timeline and "rejected" in timeline
    assert timeline.strip().endswith("queued by biller@demo.test")
