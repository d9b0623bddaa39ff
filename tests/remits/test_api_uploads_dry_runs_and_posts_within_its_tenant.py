"""Through the API a biller uploads an 835, sees the dry run, posts it; a Southside
biller sees neither the file nor its payments; an unbalanced upload is refused with
the difference."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.actions import read
from cleanclaim.remits.models import ClaimPayment
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def _upload(client: Client, practice: int, data: bytes) -> object:
    return client.post(
        f"/api/remittances?practice={practice}&name=check.835",
        data=data,
        content_type="application/edi-x12",
    )


def test_it_uploads_dry_runs_and_posts() -> None:
    world = build_world()
    home = world.home
    data = many_claims_835(3)
    claims_for_835(read(data)[0], home.practice, home.payer, home.provider, home.location)
    client = Client()
    client.force_login(home.users[Role.BILLER])
    made = _upload(client, home.practice.pk, data)
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    assert made.json()["status"] == "received"
    assert _upload(client, home.practice.pk, data).status_code == 200  # same bytes

    dry = client.post(f"/api/remittances/{pk}/post?dry_run=true")
    assert dry.status_code == 200
    shown = dry.json()["would_post"]
    assert [c["how"] for c in shown] == ["patient_control_number"] * 3
    assert shown[0]["lines"][0]["how"] == "exact"
    assert not LedgerEntry.objects.exclude(kind="charge").exists()

    posted = client.post(f"/api/remittances/{pk}/post")
    assert posted.json() == {
        "dry_run": False,
        "posted": 3,
        "skipped": 0,
        "unmatched": 0,
        "would_post": [],
    }
    detail = client.get(f"/api/remittances/{pk}").json()
    assert [p["claim"] for p in detail["payments"]] == ["RC0000001", "RC0000002", "RC0000003"]

    outsider = Client()
    outsider.force_login(world.outsider.users[Role.BILLER])
    assert outsider.get(f"/api/remittances/{pk}").status_code == 404
    assert outsider.post(f"/api/remittances/{pk}/post").status_code == 404
    assert outsider.get("/api/remittances/unmatched").json() == []
    assert _upload(outsider, home.practice.pk, data).status_code == 404


def test_an_unbalanced_upload_is_refused_with_the_difference() -> None:
    home = build_world().home
    client = Client()
    client.force_login(home.users[Role.BILLER])
    data = many_claims_835(2).replace(b"BPR*I*220*", b"BPR*I*219.5*")
    made = _upload(client, home.practice.pk, data).json()
    assert made["status"] == "refused"
    assert [(d["level"], d["difference"]) for d in made["differences"]] == [("payment", "-0.5")]
    assert client.post(f"/api/remittances/{made['id']}/post").status_code == 409
    assert (
        not ClaimPayment.objects.exists()
        and not LedgerEntry.objects.exclude(kind="charge").exists()
    )
