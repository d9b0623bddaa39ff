"""The pages: a biller runs the month's statements and downloads the mailing CSV and a
PDF; the front desk records a payment against the statement; a credit is refunded from
the refund work list; another organisation sees none of it."""

from __future__ import annotations

from decimal import Decimal

import time_machine
from django.urls import reverse

from cleanclaim.ledger import actions as ledger
from cleanclaim.statements.models import Statement
from cleanclaim.tenancy.permissions import Role

from .helpers import answered_visit


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_runs_pays_and_refunds_through_the_pages(world, client) -> None:
    answered_visit(world)
    home, patient = world.home, world.home.patient
    client.force_login(home.users[Role.BILLER])
    response = client.post(
        reverse("statements:runs"),
        {"practice": str(home.practice.pk), "statement_date": "2026-03-01"},
    )
    statement = Statement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("statements:run", args=[statement.run_id])
    page = client.get(response["Location"]).content.decode()
    assert patient.account_number in page and "25.00" in page
    csv_text = client.get(reverse("statements:run_csv", args=[statement.run_id])).content
    assert patient.account_number.encode() in csv_text
    pdf = client.get(reverse("statements:pdf", args=[statement.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    client.force_login(home.users[Role.FRONT_DESK])
    pay_url = reverse("statements:pay", args=[statement.pk])
    assert "Record a payment" in client.get(pay_url).content.decode()
    bad = client.post(pay_url, {"amount": "1.5.0", "method": "cash", "reference": "R1"})
    assert bad.status_code == 200 and ledger.balance(patient)["patient"] == Decimal("25.00")
    done = client.post(pay_url, {"amount": "40.00", "method": "cash", "reference": "R1"})
    assert done["Location"] == reverse("statements:ledger", args=[patient.pk])
    assert ledger.balance(patient)["patient"] == Decimal("-15.00")
    ledger_page = client.get(done["Location"]).content.decode()
    assert "-15.00" in ledger_page and "credit: refund due" in ledger_page

    client.force_login(home.users[Role.MANAGER])
    refunds = client.get(reverse("statements:refunds")).content.decode()
    assert patient.account_number in refunds and "-15.00" in refunds
    refund_url = reverse("statements:refund", args=[patient.pk])
    too_much = client.post(refund_url, {"amount": "20.00", "method": "check", "reference": "C9"})
    assert too_much.status_code == 200 and "the credit is 15.00" in too_much.content.decode()
    ok = client.post(refund_url, {"amount": "15.00", "method": "check", "reference": "C9"})
    assert ok.status_code == 302
    assert ledger.balance(patient)["patient"] == Decimal("0.00")

    outsider = world.outsider.users[Role.MANAGER]
    client.force_login(outsider)
    assert patient.account_number not in client.get(reverse("statements:refunds")).content.decode()
    assert client.get(reverse("statements:pdf", args=[statement.pk])).status_code == 404
    assert client.get(reverse("statements:ledger", args=[patient.pk])).status_code == 404
    assert client.get(reverse("statements:run", args=[statement.run_id])).status_code == 404
