"""In Chromium: a demo biller opens the Denials work list after an 835 denied a visit
CO-197, opens the denial, drafts the appeal, then writes another denial off."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cleanclaim.denials.models import Denial
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.practices.models import Practice
from cleanclaim.testing.denials import post_denied
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_biller_works_a_denial(live_server: Any, page: Any, tmp_path: Path) -> None:
    demo.build()
    practice = Practice.objects.filter(organisation__name=demo.ORGANISATION).order_by("pk")[0]
    tenant = SimpleNamespace(
        practice=practice,
        payer=practice.organisation.payers.order_by("pk")[0],
        provider=practice.providers.order_by("pk")[0],
        location=practice.locations.order_by("pk")[0],
    )
    post_denied(tenant, 2, trace="BROWSER1")
    # this 835's two (the demo's own answer denied a visit CO-27 before)
    first, second = Denial.objects.filter(claim_payment__remittance__trace="BROWSER1").order_by(
        "id"
    )
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("biller@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Denials").first.click()
    page.locator("#denials").wait_for()
    assert "CO-197" in page.locator("#denials").inner_text()
    page.screenshot(path=str(tmp_path / "denials-work-list.png"), full_page=True)

    page.get_by_role("link", name=first.claim.number).click()
    page.locator("#denial").wait_for()
    assert "Authorization" in page.locator("#denial").inner_text()
    page.get_by_label("Argument").fill("Authorization PA-9 was granted by phone.")
    page.get_by_role("button", name="Appeal").click()
    page.get_by_role("link", name="Appeal letter (PDF)").wait_for()
    page.screenshot(path=str(tmp_path / "denial-appealed.png"), full_page=True)
    first.refresh_from_db()
    assert first.status == "appealed" and bytes(first.appeal_pdf).startswith(b"%PDF")

    page.goto(f"{live_server.url}/denials/{second.pk}/")
    page.locator("form").filter(has_text="Write off").get_by_label("Why").fill("below threshold")
    page.get_by_role("button", name="Write off").click()
    page.get_by_text("Written off").first.wait_for()
    assert LedgerEntry.objects.filter(kind="write_off", source=f"denial:{second.pk}").exists()
