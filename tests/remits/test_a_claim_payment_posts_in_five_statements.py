"""Posting reads the file's claims, lines and rules once, then writes each claim
payment with five statements (claim payment, line postings, ledger entries, the claim's
status, its event), whatever the file's size; every posting is still made."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import LinePosting
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db

N = 30


def test_it_posts_each_claim_payment_in_five_statements() -> None:
    home = build_world().home
    data = many_claims_835(N)
    claims_for_835(actions.read(data)[0], home.practice, home.payer, home.provider, home.location)
    actor = Actor.process()
    rf = actions.take_in_835(actor, home.practice, "many.835", data)

    with CaptureQueriesContext(connection) as queries:
        summary = actions.post_file(actor, rf)

    statements = [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    assert summary.posted == N
    assert len(statements) <= 5 * N + 15, len(statements)
    assert LinePosting.objects.filter(claim_payment__remittance=rf).count() == 2 * N
    assert LedgerEntry.objects.filter(source=f"remit:{rf.pk}").count() == 6 * N
    numbers = [f"RC{i:07d}" for i in range(1, N + 1)]
    assert set(Claim.objects.filter(number__in=numbers).values_list("status", flat=True)) == {
        "paid"
    }
