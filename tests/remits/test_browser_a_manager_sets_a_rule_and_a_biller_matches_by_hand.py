"""In Chromium: the demo manager holds CO-45 for review on the Posting rules page; the
demo biller opens an unmatched payment from the work list, picks the candidate claim
and posts it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.practices.models import Practice
from cleanclaim.remits.models import ClaimPayment, PostingRule
from cleanclaim.web import demo

from .unmatched_helpers import waiting_payment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Any, url: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_a_rule_changes_and_a_payment_is_matched(
    live_server: Any, page: Any, tmp_path: Path
) -> None:
    demo.build()
    practice = Practice.objects.filter(organisation__name=demo.ORGANISATION).order_by("pk")[0]

    _sign_in(page, live_server.url, "manager@demo.test")
    page.get_by_role("link", name="Posting rules").first.click()
    page.wait_for_load_state()
    page.locator("#choose-practice").get_by_label("Practice").select_option(str(practice.pk))
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    form = page.locator("#add-rule")
    form.get_by_label("Key").fill("CO-45")
    form.get_by_label("Action").select_option("hold")
    form.get_by_role("button", name="Save the rule").click()
    page.wait_for_load_state()
    row = page.locator("#rule-co-45").inner_text()
    assert "Hold for review" in row and "this practice" in row and "manager@demo.test" in row
    page.screenshot(path=str(tmp_path / "posting-rules.png"), full_page=True)
    assert PostingRule.objects.get(practice=practice, key="CO-45").action == "hold"

    # the rule is back to the default before the payment posts (a held CO-45 would
    # leave the line for review, which is the rule's business, not this test's)
    page.get_by_role("button", name="Remove CO-45").click()
    page.wait_for_load_state()
    assert not PostingRule.objects.filter(practice=practice).exists()

    tenant = SimpleNamespace(
        practice=practice,
        payer=practice.organisation.payers.order_by("pk")[0],
        provider=practice.providers.order_by("pk")[0],
        location=practice.locations.order_by("pk")[0],
    )
    w = waiting_payment(tenant)
    _sign_in(page, live_server.url, "biller@demo.test")
    page.get_by_role("link", name="Remittance").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Unmatched payments").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Match RC0000002").click()
    page.wait_for_load_state()
    assert "80053" in page.locator("#payment-lines").inner_text()
    page.get_by_label("Claim OTHER1", exact=False).check()
    page.get_by_role("button", name="Post against this claim").click()
    page.wait_for_load_state()
    assert "Posted against claim OTHER1" in page.content()
    page.screenshot(path=str(tmp_path / "matched.png"), full_page=True)
    assert ClaimPayment.objects.get(claim=w.right).how == "by_hand"
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=w.right).count() == 6
