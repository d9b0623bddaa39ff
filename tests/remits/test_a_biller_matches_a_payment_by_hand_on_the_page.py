"""The match page: a biller opens an unmatched payment from the work list, sees the
payment (CLP, patient, lines) and its candidates, picks one (or gives a claim number)
and it posts, audited; a second try, a claim of another practice and charges that do
not fit are refused in plain words and change nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim.audit.models import AuditEntry
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.practices.models import Membership
from cleanclaim.remits.actions import read
from cleanclaim.remits.models import ClaimPayment, Unmatched
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

from .unmatched_helpers import waiting_payment

pytestmark = pytest.mark.django_db


def _biller(tenant) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(tenant.users[Role.BILLER])
    return client


def test_it_shows_the_payment_and_its_candidates() -> None:
    home = build_world().home
    w = waiting_payment(home)
    client = _biller(home)
    listing = client.get("/remittances/unmatched/").content.decode()
    assert f'href="/remittances/unmatched/{w.unmatched.pk}/"' in listing
    page = client.get(f"/remittances/unmatched/{w.unmatched.pk}/").content.decode()
    assert "RC0000002" in page and "80053" in page and "165.00" in page
    assert "Claim OTHER1" in page and "Claim OTHER2" in page
    assert w.right.patient.last_name in page


def test_it_posts_against_the_candidate_picked_once_and_audited() -> None:
    home = build_world().home
    w = waiting_payment(home)
    client = _biller(home)
    url = f"/remittances/unmatched/{w.unmatched.pk}/"
    done = client.post(url, {"claim": str(w.right.pk)})
    assert done.status_code == 302 and done["Location"] == f"/remittances/{w.rf.pk}/"
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=w.right).count() == 6
    cpay = ClaimPayment.objects.get(claim=w.right)
    assert cpay.how == "by_hand"
    assert Unmatched.objects.get().resolved_by == home.users[Role.BILLER]
    entry = AuditEntry.objects.get(model="remits.ClaimPayment", action="update")
    assert entry.context == {"matched_by_hand": "OTHER1"}
    assert entry.user == home.users[Role.BILLER]

    again = client.post(url, {"claim": str(w.right.pk)})
    assert again.status_code == 422
    assert "matched already" in again.content.decode()
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=w.right).count() == 6
    assert "Nothing unmatched" in client.get("/remittances/unmatched/").content.decode()


def test_it_finds_a_claim_by_number_and_refuses_charges_that_do_not_fit() -> None:
    home = build_world().home
    w = waiting_payment(home)
    client = _biller(home)
    url = f"/remittances/unmatched/{w.unmatched.pk}/"
    refused = client.post(url, {"number": "OTHER2"})
    assert refused.status_code == 422
    text = refused.content.decode()
    assert "is not claim OTHER2" in text and "total charge 175.00" in text
    assert "post against this claim anyway" in text
    assert not LedgerEntry.objects.exclude(kind="charge").filter(claim=w.twin).exists()

    unknown = client.post(url, {"number": "NOPE"})
    assert unknown.status_code == 422 and "no claim NOPE" in unknown.content.decode()
    nothing = client.post(url, {})
    assert "choose one of the candidates" in nothing.content.decode()

    done = client.post(url, {"number": "OTHER2", "charge_differs_ok": "on"})
    assert done.status_code == 302
    assert ClaimPayment.objects.get(claim=w.twin).how == "by_hand"


def test_it_refuses_a_claim_of_another_practice() -> None:
    home = build_world().home
    w = waiting_payment(home)
    other = home.other_practice
    assert other is not None
    Membership.objects.create(user=home.users[Role.BILLER], practice=other, role=Role.BILLER)
    elsewhere = claims_for_835(
        read(many_claims_835(1, first=7))[0], other, home.payer, home.provider, home.location
    )[0]
    client = _biller(home)
    refused = client.post(f"/remittances/unmatched/{w.unmatched.pk}/", {"number": elsewhere.number})
    assert refused.status_code == 422
    text = refused.content.decode()
    assert f"{elsewhere.number} belongs to another practice" in text, text[text.find("<main") :]
    assert not LedgerEntry.objects.exclude(kind="charge").filter(claim=elsewhere).exists()
    assert Unmatched.objects.get().resolved_at is None


def test_a_biller_of_another_organisation_gets_404() -> None:
    world = build_world()
    w = waiting_payment(world.home)
    outsider = _biller(world.outsider)
    url = f"/remittances/unmatched/{w.unmatched.pk}/"
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"claim": str(w.right.pk)}).status_code == 404
    assert not LedgerEntry.objects.exclude(kind="charge").filter(claim=w.right).exists()
