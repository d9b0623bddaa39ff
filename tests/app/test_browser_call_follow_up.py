"""In Chromium: a biller logs a call to a payer with a follow-up date from the
payer's page, sees it on the home page's follow-up list and marks it done."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from cleanclaim.payercalls.models import Call
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-calls-pass-1"


def test_it_logs_a_call_and_works_its_follow_up(live_server: Any, page: Any, world: World) -> None:
    biller = world.home.users[Role.BILLER]
    biller.set_password(PASSWORD)
    biller.save()
    base = live_server.url
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(biller.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Payers").click()
    page.get_by_role("link", name=world.home.payer.name).click()
    page.get_by_role("link", name="Log a call").click()
    page.get_by_label("Practice").select_option(label=world.home.practice.name)
    page.get_by_label("Contact").select_option(label=str(world.home.contact))
    page.get_by_label("Call reference number").fill("BRW-4411")
    page.get_by_label("What was learned").fill("Send the operative report; call back to confirm")
    today = timezone.localdate().isoformat()
    page.get_by_label("Follow up on").fill(today)
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"Call to {world.home.payer.name}").is_visible()
    call = Call.objects.get(reference="BRW-4411")
    assert call.follow_up_on is not None and call.follow_up_on.isoformat() == today

    page.get_by_role("link", name="cleanclaim").first.click()  # the brand goes home
    page.wait_for_load_state()
    followups = page.get_by_role("region", name="Follow-ups due")
    row = followups.get_by_role("row").filter(has_text="BRW-4411")
    assert row.count() == 1
    assert "Send the operative report" in row.inner_text()
    row.get_by_role("button", name="Mark the follow-up").click()
    page.wait_for_load_state()
    assert "marked done" in page.get_by_role("status").inner_text()
    assert page.get_by_role("region", name="Follow-ups due").get_by_text("BRW-4411").count() == 0
    call.refresh_from_db()
    assert call.done
