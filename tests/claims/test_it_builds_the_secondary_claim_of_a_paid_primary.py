"""A primary the payer has paid, with a secondary coverage on the visit: the secondary
claim is built (responsibility S, the secondary payer), carries the primary's
adjudication in 2320/2330A/2330B and 2430 with the 835's amounts, is scrubbed and
queued, and its 837P passes pyx12's validator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.secondary import build_secondary
from cleanclaim.claims.x837p import write_837p
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse, validate
from cleanclaim.x12.x222a1_837p import claims as view_claims

from .conftest import TODAY
from .secondary_world import adjudication, paid_primary, with_secondary

NOW = dt.datetime(2026, 2, 1, 9, 30, tzinfo=dt.UTC)


def test_it_builds_scrubs_and_queues_the_secondary(
    world: World, actor: Actor, pyx12_validate: Callable[[str], tuple[bool, list[dict[str, Any]]]]
) -> None:
    coverage = with_secondary(world)
    primary = paid_primary(world, actor, coverage)
    secondary, result = build_secondary(
        actor, primary, adjudication=adjudication(primary), today=TODAY
    )
    assert (secondary.responsibility, secondary.payer, secondary.coverage) == (
        "S",
        coverage.payer,
        coverage,
    )
    assert secondary.primary_claim == primary and secondary.number != primary.number
    kinds = list(secondary.events.values_list("kind", flat=True))
    assert kinds[0] == "created" and "scrubbed" in kinds and kinds[-1] == "queued", (
        kinds,
        result.findings,
    )
    assert secondary.status == "queued"

    text = write_837p([secondary], now=NOW)
    flat = text.replace("\n", "")
    home = world.home
    assert f"~NM1*PR*2*{coverage.payer.name}*****PI*CAS02~" in flat  # 2010BB: the secondary
    assert "~HL*2*1*22*0~SBR*S*18*G-77******CI~" in flat
    assert "~SBR*P*18*******CI~AMT*D*90~AMT*EAF*30~OI***Y***Y~" in flat
    assert f"~NM1*IL*1*{home.patient.last_name}*{home.patient.first_name}****MI*" in flat
    payer = primary.payer
    assert (
        f"~NM1*PR*2*{payer.name}*****PI*{payer.payer_id}~DTP*573*D8*20260128~REF*F8*PCN-7788~"
        in flat
    )
    assert (
        f"~SVD*{payer.payer_id}*72*HC:99213**1~CAS*CO*45*28~CAS*PR*2*25~DTP*573*D8*20260128~"
        in flat
    )
    assert (
        f"~SVD*{payer.payer_id}*18*HC:36415**1~CAS*CO*45*2~CAS*PR*2*5~DTP*573*D8*20260128~" in flat
    )
    assert validate(parse(text)).findings() == []
    ok, errors = pyx12_validate(text)
    assert ok and errors == [], errors
    (read,) = view_claims(parse(text).transactions[0].data)
    assert read.other_payers[0].paid == 90 and read.other_payers[0].payer_id == payer.payer_id
