"""The demo practice shows the money side: its claims sent to the sandbox clearinghouse
(in process) and the payers' 999, 277CAs and 835s taken in and posted — paid claims,
a denial, a secondary built by the posting and queued, a payment nobody can match —
and the month's statements run, one paid in part at the desk."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.models import Batch, TransmissionFile
from cleanclaim.denials.models import Denial
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.models import ClaimPayment, RemittanceFile, Unmatched
from cleanclaim.statements.models import Statement, StatementRun
from cleanclaim.statements.pdf import render
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_it_sends_the_claims_and_posts_the_answers() -> None:
    demo.build()
    [batch] = Batch.objects.all()
    assert batch.status == "accepted" and batch.claim_count == 6
    kinds = sorted(TransmissionFile.objects.filter(direction="in").values_list("kind", flat=True))
    assert kinds == ["277CA", "835", "835", "835", "999"]

    files = RemittanceFile.objects.all()
    assert files.count() == 3
    assert set(files.values_list("status", flat=True)) == {"posted"}
    assert all(f.differences == [] for f in files)  # the stranger's payment balanced too

    paid = ClaimPayment.objects.filter(claim__isnull=False, paid__gt=0)
    assert sorted(paid.values_list("claim__patient__account_number", "paid")) == [
        ("RF00013", Decimal("75.00")),
        ("RF00014", Decimal("50.00")),
        ("RF00018", Decimal("135.00")),
    ]
    statuses = dict(Claim.objects.filter(responsibility="P").values_list("number", "status"))
    assert list(statuses.values()).count("paid") == 5

    [denial] = Denial.objects.all()
    assert denial.claim.patient.account_number == "RF00007"  # plan ended at the payer
    assert (denial.group, denial.carc, denial.status) == ("CO", "27", "open")
    assert denial.claim.status == "denied"

    secondary = Claim.objects.get(responsibility="S")
    assert secondary.patient.account_number == "RF00028"
    assert secondary.status == "queued"
    assert secondary.payer.payer_id == "DEMO04"

    [stranger] = Unmatched.objects.all()
    assert stranger.claim_payment.patient_control_number == "DEMO-X-4471"
    assert stranger.claim_payment.paid == Decimal("64.00")

    # the polled files came for the organisation (no practice): the biller sees them listed
    assert set(files.values_list("practice", flat=True)) == {None}
    biller = Client()
    biller.force_login(User.objects.get(email="biller@demo.test"))
    listed = biller.get("/remittances/").content.decode()
    assert all(f"/remittances/{f.pk}/" in listed for f in files), listed


def test_it_runs_the_months_statements_with_a_payment_at_the_desk() -> None:
    demo.build()
    [run] = StatementRun.objects.all()
    [statement] = Statement.objects.filter(run=run)
    assert statement.patient.account_number == "RF00023"  # the Medicare deductible
    assert statement.amount_due == Decimal("117.80")
    assert render(statement, "", "").startswith(b"%PDF")

    assert run.written_off == 1  # RF00014: 3.00 left of the copay after 22.00 at the desk
    [small] = LedgerEntry.objects.filter(reason="small-balance")
    assert (small.patient.account_number, small.amount) == ("RF00014", Decimal("-3.00"))
    desk = LedgerEntry.objects.get(key__startswith="checkin:")
    assert (desk.patient.account_number, desk.amount) == ("RF00014", Decimal("-22.00"))

    [paid] = LedgerEntry.objects.filter(source=f"statement:{statement.pk}")
    assert (paid.amount, paid.reason) == (Decimal("-40.00"), "card")
