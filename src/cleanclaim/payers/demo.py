"""Demo step: the starter payer profiles (:mod:`cleanclaim.payers.starter`):
Medicare Part B, a state Medicaid plan and two commercial plans."""

from __future__ import annotations

from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.payers import actions, starter
from cleanclaim.payers.models import Payer

PAYERS: list[dict[str, Any]] = [{"key": key, **spec} for key, spec in starter.PROFILES.items()]


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
