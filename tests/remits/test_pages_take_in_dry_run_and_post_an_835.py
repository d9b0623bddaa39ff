"""The remittance pages: a biller drops an 835, sees what would post, posts it and
sees the claim payments; an unbalanced file shows its differences; a Southside biller
gets 404 for the file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.actions import read
from cleanclaim.remits.models import RemittanceFile
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def test_it_takes_in_shows_and_posts() -> None:
    world = build_world()
    home = world.home
    data = many_claims_835(2)
    claims_for_835(read(data)[0], home.practice, home.payer, home.provider, home.location)
    client = Client()
    client.force_login(home.users[Role.BILLER])
    made = client.post(
        "/remittances/",
        {"practice": home.practice.pk, "file": SimpleUploadedFile("check.835", data)},
    )
    assert made.status_code == 302
    rf = RemittanceFile.objects.get()
    assert client.post(f"/remittances/{rf.pk}/dry-run/").status_code == 302
    page = client.get(f"/remittances/{rf.pk}/").content.decode()
    assert "What would post" in page and "RC0000002" in page and "exact" in page
    assert not LedgerEntry.objects.exclude(kind="charge").exists()
    client.post(f"/remittances/{rf.pk}/post/")
    page = client.get(f"/remittances/{rf.pk}/").content.decode()
    assert "Claim payments posted" in page and "patient_control_number" in page
    assert LedgerEntry.objects.exclude(kind="charge").count() == 12

    outsider = Client()
    outsider.force_login(world.outsider.users[Role.BILLER])
    assert outsider.get(f"/remittances/{rf.pk}/").status_code == 404
    assert "check.835" not in outsider.get("/remittances/").content.decode()


def test_an_unbalanced_file_shows_its_differences() -> None:
    home = build_world().home
    client = Client()
    client.force_login(home.users[Role.BILLER])
    data = many_claims_835(1).replace(b"SVC*HC:80053*40*30", b"SVC*HC:80053*40*31")
    client.post(
        "/remittances/",
        {"practice": home.practice.pk, "file": SimpleUploadedFile("bad.835", data)},
    )
    rf = RemittanceFile.objects.get()
    page = client.get(f"/remittances/{rf.pk}/").content.decode()
    assert "does not balance" in page and "line 2" in page
    client.post(f"/remittances/{rf.pk}/post/")
    assert not LedgerEntry.objects.exclude(kind="charge").exists()
