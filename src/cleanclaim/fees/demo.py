"""Demo step: a fee schedule for each demo practice, in force from 2026-01-01, covering
the codes the demo bills (codes only: CPT descriptions are AMA-licensed). Charges are
synthetic; the Medicare Part B row of each carries an expected allowed amount."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.fees import actions
from cleanclaim.fees.models import FeeSchedule

NAME = "Standard fees 2026"
EFFECTIVE = dt.date(2026, 1, 1)
#: (code, modifier, charge): office visits, preventive visits, in-office tests and
#: injections, vaccines, minor procedures, therapy.
FEES: tuple[tuple[str, str, str], ...] = (
    ("99202", "", "95.00"), ("99203", "", "145.00"), ("99204", "", "220.00"),
    ("99205", "", "290.00"), ("99211", "", "35.00"), ("99212", "", "75.00"),
    ("99213", "", "120.00"), ("99214", "", "175.00"), ("99215", "", "240.00"),
    ("99213", "25", "120.00"), ("99214", "25", "175.00"),
    ("99385", "", "210.00"), ("99386", "", "230.00"), ("99395", "", "190.00"),
    ("99396", "", "205.00"), ("99391", "", "150.00"), ("99392", "", "160.00"),
    ("36415", "", "15.00"), ("81002", "", "12.00"), ("85025", "", "28.00"),
    ("80053", "", "40.00"), ("80061", "", "45.00"), ("83036", "", "30.00"),
    ("87880", "", "35.00"), ("93000", "", "60.00"), ("94010", "", "55.00"),
    ("96372", "", "30.00"), ("90471", "", "25.00"), ("90472", "", "15.00"),
    ("90686", "", "40.00"), ("90715", "", "55.00"), ("G0008", "", "25.00"),
    ("11102", "", "140.00"), ("17110", "", "125.00"), ("12001", "", "160.00"),
    ("20610", "", "200.00"), ("20610", "RT", "200.00"), ("20610", "LT", "200.00"),
    ("69210", "", "70.00"), ("99406", "", "30.00"),
    ("97110", "GP", "45.00"), ("97140", "GP", "42.00"),
)  # fmt: skip
#: Expected Medicare Part B allowed amount: a synthetic share of the charge.
MEDICARE_SHARE = Decimal("0.62")


def build(ctx: Any) -> None:
    actor = Actor(user=None, via="demo")
    medicare = ctx.payers.get("medicare")
    for practice in ctx.practices:
        schedule, made = ctx.ensure(
            "fee schedules",
            f"fees:{practice.npi}:{NAME}",
            FeeSchedule,
            find=lambda practice=practice: FeeSchedule.objects.filter(
                practice=practice, name=NAME
            ).first(),
            create=lambda practice=practice: actions.add_schedule(actor, practice, NAME, EFFECTIVE),
        )
        if schedule is None or not made:
            continue  # an earlier run made it; a person may have changed it since
        for code, modifier, charge in FEES:
            amount = Decimal(charge)
            allowed = {}
            if medicare is not None:
                allowed[medicare] = (amount * MEDICARE_SHARE).quantize(Decimal("0.01"))
            actions.add_fee(actor, schedule, code, modifier, amount, allowed)
