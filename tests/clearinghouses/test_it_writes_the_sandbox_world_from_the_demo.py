"""The demo's world for the sandbox comes from our own records (the sandbox never
reads our database): every routed payer with its expected allowed amounts and filing
limit, a member per policy with plan dates and benefits (the card's copay for office
visits, a deductible partly met), one plan ended at the payer, written 0600."""

from __future__ import annotations

import datetime as dt
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from cleanclaim.clearinghouses import demo as sandbox_demo
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.patients.models import Coverage
from cleanclaim.sandbox.world import World
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_it_writes_the_world_the_sandbox_reads(tmp_path: Path) -> None:
    ctx = demo.build()
    connection = Connection.objects.get(organisation=ctx.organisation, name="sandbox")
    assert connection.plugin == "sandbox" and connection.usage_indicator == "T"
    path = sandbox_demo.export(ctx.organisation, connection, tmp_path / "world.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    world = World.load(path)

    routed = set(
        ctx.organisation.payers.filter(clearinghouse_connection="sandbox").values_list(
            "payer_id", flat=True
        )
    )
    assert set(world.payers) == routed and "DEMO04" not in routed  # the portal payer stays out
    medicare = world.payers["DEMO01"]
    assert medicare.kind == "medicare" and medicare.fees["99213"] == Decimal("74.40")
    assert medicare.timely_filing_days == 360
    covered = Coverage.objects.filter(payer__payer_id__in=routed)
    assert {mid for _payer, mid in world.members} == {
        m.upper() for m in covered.values_list("member_id", flat=True)
    }

    with_copay = covered.filter(copay__gt=0).select_related("patient").first()
    assert with_copay is not None
    member = world.member(with_copay.payer.payer_id, with_copay.member_id)
    assert member is not None and member.last_name == with_copay.patient.last_name.upper()
    office = next(b for b in member.benefits if b.service_type == "98")
    assert office.copay == with_copay.copay
    plan = next(b for b in member.benefits if b.service_type == "30")
    assert plan.deductible_total == Decimal("1000.00") and plan.deductible_met < 1000

    ended = Coverage.objects.get(patient__account_number=sandbox_demo.INACTIVE_ACCOUNT, priority=1)
    gone = world.member(ended.payer.payer_id, ended.member_id)
    assert gone is not None
    assert gone.active_to == timezone.localdate() - dt.timedelta(days=1)
    assert ended.termination_date is None  # the practice's record still says active

    # the payer knows the authorizations it approved: the demo's partly used therapy one
    from cleanclaim.authorizations.models import Authorization

    approved = (
        Authorization.objects.filter(status="approved", coverage__payer__payer_id__in=routed)
        .exclude(number="")
        .select_related("coverage__payer")
        .first()
    )
    assert approved is not None
    holder = world.member(approved.coverage.payer.payer_id, approved.coverage.member_id)
    assert holder is not None
    on_file = next(a for a in holder.authorizations if a.number == approved.number)
    assert on_file.start == approved.start_date and on_file.end == approved.end_date
    lo = approved.services.replace(",", " ").split()[0].partition("-")[0]
    assert on_file.covers(lo, approved.start_date)
    assert not on_file.covers(lo, approved.end_date + dt.timedelta(days=1))
