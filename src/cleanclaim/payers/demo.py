"""Demo step: Medicare Part B, a Medicaid plan and two commercial plans.

Payer ids are invented for the demo (no clearinghouse routes on them);
timely filing: Medicare Part B one year (42 CFR 424.44), the others as a
payer contract might set them.
"""

from __future__ import annotations

from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.payers import actions
from cleanclaim.payers.models import Payer

PAYERS: list[dict[str, Any]] = [
    {
        "key": "medicare",
        "name": "Medicare Part B (demo MAC)",
        "payer_id": "DEMO01",
        "kind": Payer.Kind.MEDICARE_B,
        "timely_filing_days": 365,
    },
    {
        "key": "medicaid",
        "name": "Oregon Health Plan (demo Medicaid)",
        "payer_id": "DEMO02",
        "kind": Payer.Kind.MEDICAID,
        "timely_filing_days": 365,
    },
    {
        "key": "cascade",
        "name": "Cascade Health Insurance",
        "payer_id": "DEMO03",
        "kind": Payer.Kind.COMMERCIAL,
        "timely_filing_days": 180,
    },
    {
        "key": "summit",
        "name": "Summit Mutual Health",
        "payer_id": "DEMO04",
        "kind": Payer.Kind.COMMERCIAL,
        "timely_filing_days": 90,
    },
]


def build(ctx: Any) -> None:
    actor = Actor(user=None, via="demo")
    for spec in PAYERS:
        fields = {k: v for k, v in spec.items() if k != "key"}
        payer, _ = ctx.ensure(
            "payers",
            f"payer:{spec['payer_id']}",
            Payer,
            find=lambda spec=spec: Payer.objects.filter(
                organisation=ctx.organisation, payer_id=spec["payer_id"]
            ).first(),
            create=lambda fields=fields: actions.add_payer(actor, ctx.organisation, **fields),
        )
        ctx.payers[spec["key"]] = payer
