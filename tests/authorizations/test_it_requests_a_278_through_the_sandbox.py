"""A 278 asked through the practice's real-time connection: the demo's sandbox
connection on loopback (CAQH CORE envelope, X12_278_REQUEST) answers, and the answer
is recorded as an authorization with both X12 files kept; with no real-time
connection the request is refused in plain words and nothing is recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.authorizations.models import Authorization
from cleanclaim.authorizations.x278 import NotSent, request_through_connection
from cleanclaim.clearinghouses import demo as sandbox_demo
from cleanclaim.clearinghouses.models import Connection, TransmissionFile
from cleanclaim.patients.models import Coverage
from cleanclaim.testing.sandbox import demo_sandbox
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db(transaction=True)


def _routed_coverage(ctx: demo.DemoContext) -> Coverage:
    return (
        Coverage.objects.filter(
            patient__practice=ctx.practices[0],
            payer__clearinghouse_connection=sandbox_demo.NAME,
            relationship="18",
        )
        .exclude(patient__account_number=sandbox_demo.INACTIVE_ACCOUNT)
        .select_related("patient__practice", "payer")
        .order_by("pk")
        .first()
    )


def test_it_records_the_sandbox_answer(tmp_path: Path) -> None:
    ctx = demo.build()
    coverage = _routed_coverage(ctx)
    today = timezone.localdate()
    actor = Actor(user=None, label="system: test")
    with demo_sandbox(tmp_path / "sandbox", ctx.organisation, today=today):
        auth = request_through_connection(
            actor, coverage, ["97110"], today, today + dt.timedelta(days=60)
        )
    assert auth.source == Authorization.Source.X278
    assert auth.status in {"approved", "requested", "denied"}
    if auth.status == "approved":
        assert auth.number
    assert auth.request_x12.startswith("ISA") and "ST*278" in auth.request_x12
    assert "ST*278" in auth.response_x12
    kinds = set(TransmissionFile.objects.values_list("kind", flat=True))
    assert {"278"} <= kinds


def test_it_refuses_without_a_real_time_connection() -> None:
    ctx = demo.build()
    coverage = _routed_coverage(ctx)
    Connection.objects.filter(organisation=ctx.organisation).update(active=False)
    before = Authorization.objects.count()
    with pytest.raises(NotSent, match="no real-time clearinghouse connection"):
        request_through_connection(
            Actor(user=None, label="system: test"),
            coverage,
            ["97110"],
            dt.date(2026, 12, 1),
            dt.date(2026, 12, 31),
        )
    assert Authorization.objects.count() == before
