"""In Chromium: after an 835 posted the patients' shares, a demo biller runs the month's
statements, opens the run, fetches a statement's PDF and records a check against it on
the patient's ledger, which then shows the lower balance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.practices.models import Practice
from cleanclaim.remits import actions as remits
from cleanclaim.statements.models import Statement
from cleanclaim.testing.pdf import placed_text
from cleanclaim.testing.remits import claims_for_835, many_claims_835
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_biller_runs_statements_and_records_a_check(
    live_server: Any, page: Any, tmp_path: Path
) -> None:
    demo.build()
    already = list(Statement.objects.values_list("pk", flat=True))  # the demo's own run
    practice = Practice.objects.filter(organisation__name=demo.ORGANISATION).order_by("pk")[0]
    data = many_claims_835(2, trace="STMT0001")
    claims_for_835(
        remits.read(data)[0],
        practice,
        practice.organisation.payers.order_by("pk")[0],
        practice.providers.order_by("pk")[0],
        practice.locations.order_by("pk")[0],
    )
    actor = Actor(user=None, label="system: test")
    remits.post_file(actor, remits.take_in_835(actor, practice, "two.835", data))

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("biller@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Statements").first.click()
    page.wait_for_load_state()
    page.get_by_label("Practice").select_option(str(practice.pk))
    page.get_by_role("button", name="Run statements").click()
    page.wait_for_load_state()
    assert "statements made" in page.locator("body").inner_text()
    page.screenshot(path=str(tmp_path / "statement-run.png"), full_page=True)

    statement = Statement.objects.filter(
        practice=practice, patient__account_number__startswith="R"
    ).exclude(pk__in=already)
    first = statement.order_by("pk")[0]
    assert first.amount_due == 20
    pdf = page.request.get(f"{live_server.url}/statements/{first.pk}/statement.pdf")
    assert pdf.status == 200
    assert "Amount due: $20.00" in [t for t, _, _ in placed_text(pdf.body())]

    page.goto(f"{live_server.url}/statements/patients/{first.patient_id}/ledger/")
    page.get_by_role("link", name="Record a payment").click()
    page.wait_for_load_state()
    page.get_by_label("Amount paid").fill("12.50")
    page.get_by_label("Method").select_option("check")
    page.get_by_label("Receipt or check number").fill("4471")
    page.get_by_role("button", name="Record payment").click()
    page.wait_for_load_state()
    assert "Payment of 12.50 recorded." in page.locator("body").inner_text()
    assert "7.50" in page.locator("#ledger-totals").inner_text()
    page.screenshot(path=str(tmp_path / "statement-ledger.png"), full_page=True)
