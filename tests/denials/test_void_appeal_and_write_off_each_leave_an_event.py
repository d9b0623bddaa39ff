"""Void (frequency 8), appeal (a PDF letter with the claim's facts and a follow-up
date) and write off (a ledger write-off) each append an event to the claim and close
or update the denial."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from pypdf import PdfReader

from cleanclaim.audit.actor import Actor
from cleanclaim.denials import actions
from cleanclaim.denials.models import Denial
from cleanclaim.ledger.models import LedgerEntry

from .conftest import post_denied

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)
ACTOR = Actor(user=None, label="biller")


def _kinds(d: Denial) -> list[str]:
    return list(d.claim.events.order_by("id").values_list("kind", flat=True))


@time_machine.travel(NOW, tick=False)
def test_void(world: Any) -> None:
    post_denied(world)
    d = Denial.objects.get()
    void = actions.void(ACTOR, d, "billed to the wrong patient")
    assert (void.frequency, void.payer_claim_control_number) == ("8", "PCN000000001")
    d.refresh_from_db()
    assert d.status == "voided" and _kinds(d)[-1] == "voided"
    with pytest.raises(actions.NotOpen):
        actions.write_off(ACTOR, d, "too late")


@time_machine.travel(NOW, tick=False)
def test_appeal_letter_reads_back(world: Any) -> None:
    post_denied(world)
    d = Denial.objects.get()
    d = actions.appeal(ACTOR, d, argument="The authorization PA-1 was granted by phone.")
    assert d.status == "appealed" and d.follow_up == dt.date(2026, 3, 5)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(d.appeal_pdf))).pages)
    for fact in ("RC0000001", "PCN000000001", "CO-197", "99213", "01/15/2026", "PA-1", "125"):
        assert fact in text, fact
    assert "DOE1" in text
    assert _kinds(d)[-1] == "appealed"
    assert d.claim.status == "paid"  # an appeal leaves the status


@time_machine.travel(NOW, tick=False)
def test_write_off_posts_to_the_ledger(world: Any) -> None:
    post_denied(world)
    d = Denial.objects.get()
    actions.write_off(ACTOR, d, "no authorization: contract forbids billing the patient")
    entry = LedgerEntry.objects.get(kind="write_off", source=f"denial:{d.pk}")
    assert (entry.bucket, entry.amount, entry.reason) == ("insurance", Decimal(-25), "CO-197")
    d.refresh_from_db()
    assert d.status == "written_off" and _kinds(d)[-1] == "written_off"
    with pytest.raises(ValueError, match="say why"):
        actions.write_off(ACTOR, d, " ")


def _home(world_tenant: Any, day: int) -> str:
    from django.test import Client

    from cleanclaim.tenancy.permissions import Role

    with time_machine.travel(dt.datetime(2026, 2, day, 12, tzinfo=dt.UTC), tick=False):
        client = Client()
        client.force_login(world_tenant.users[Role.BILLER])
        answer = client.get("/")
        assert answer.status_code == 200
        return str(answer.content.decode())


def test_appeal_follow_up_shows_on_home_when_due(world: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        post_denied(world)
        d = actions.appeal(ACTOR, Denial.objects.get(), follow_up=dt.date(2026, 2, 10))
    assert "appeal-followups" not in _home(world.home, 9)
    html = _home(world.home, 10)
    assert "appeal-followups" in html and f"/denials/{d.pk}/" in html
    assert "appeal-followups" not in _home(world.outsider, 10)
