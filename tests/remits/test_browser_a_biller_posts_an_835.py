"""In Chromium: a demo biller drops an 835 on the Remittance page, looks at what would
post, posts it and sees each claim payment with how it matched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.practices.models import Practice
from cleanclaim.remits.actions import read
from cleanclaim.testing.remits import claims_for_835, many_claims_835
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_biller_posts_an_835(live_server: Any, page: Any, tmp_path: Path) -> None:
    demo.build()
    practice = Practice.objects.filter(organisation__name=demo.ORGANISATION).order_by("pk")[0]
    # what the demo's own answer posted and the check-in took, left aside
    demo_entries = list(LedgerEntry.objects.values_list("pk", flat=True))
    posted = LedgerEntry.objects.exclude(kind="charge").exclude(pk__in=demo_entries)
    data = many_claims_835(2)
    claims_for_835(
        read(data)[0],
        practice,
        practice.organisation.payers.order_by("pk")[0],
        practice.providers.order_by("pk")[0],
        practice.locations.order_by("pk")[0],
    )
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("biller@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Remittance").first.click()
    page.wait_for_load_state()
    page.get_by_label("Practice").select_option(str(practice.pk))
    page.get_by_label("File").set_input_files(
        {"name": "check.835", "mimeType": "application/edi-x12", "buffer": data}
    )
    page.get_by_role("button", name="Take in the 835").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="What would post").click()
    page.locator("#dry-run").wait_for()
    assert "RC0000002" in page.locator("#dry-run").inner_text()
    page.screenshot(path=str(tmp_path / "remit-dry-run.png"), full_page=True)
    assert not posted.exists()

    page.get_by_role("button", name="Post", exact=True).click()
    page.locator("#payments").wait_for()
    text = page.locator("#payments").inner_text()
    assert "patient_control_number" in text and "exact" in text
    page.screenshot(path=str(tmp_path / "remit-posted.png"), full_page=True)
    assert posted.count() == 12
