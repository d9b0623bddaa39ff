"""A manager sets up a payer in Chromium, with its filing limit and where that figure
comes from, and finds the whole profile on the payer's page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from cleanclaim.payers.models import Payer
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _field(page: Any, label: str) -> Any:
    """The field labelled ``label`` (the label may end with the required mark)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def test_a_manager_sets_up_a_payer_and_sees_its_profile(live_server: Any, page: Any) -> None:
    demo.build()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("manager@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/payers/")
    page.get_by_role("link", name="Add a payer").click()
    _field(page, "Name").fill("Willamette Valley Health")
    _field(page, "Payer id").fill("WVH01")
    _field(page, "Type").select_option("hmo")
    _field(page, "Clearinghouse connection").fill("Office Ally")
    _field(page, "Timely filing limit").fill("6")
    _field(page, "Timely filing unit").select_option("months")
    _field(page, "Timely filing source").fill("WVH provider manual 7.3")
    _field(page, "First-level appeal limit").fill("60")
    _field(page, "Submission hold").fill("until the referral arrives")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()

    payer = Payer.objects.get(payer_id="WVH01")
    assert page.url == f"{live_server.url}/payers/{payer.pk}/"
    assert page.get_by_role("heading", name="Willamette Valley Health").is_visible()
    limits = page.get_by_role("region", name="Time limits")
    assert "6 months from the date of service (WVH provider manual 7.3)" in limits.inner_text()
    assert "60 days from the initial determination" in limits.inner_text()
    assert "until the referral arrives" in limits.inner_text()
    claims = page.get_by_role("region", name="How claims go").inner_text()
    assert "HM (from the type)" in claims and "Office Ally" in claims
