"""Posting a primary's payment with the patient's share left and a secondary coverage
on the visit builds, scrubs and queues the secondary claim, once; a crossover (CLP02
19: the payer forwarded the claim itself) gets none."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.models import Claim
from cleanclaim.patients.models import Coverage
from cleanclaim.payers.models import Payer
from cleanclaim.remits import actions as remits
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, build_world

DOS = dt.date(2026, 1, 15)
TODAY = dt.date(2026, 2, 1)


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def actor(world: World) -> Actor:
    return Actor.system(world.home.users[Role.BILLER], via="test")


def _sent_primary(world: World, actor: Actor) -> Claim:
    home = world.home
    Coverage.objects.create(
        patient=home.patient,
        payer=Payer.objects.create(
            organisation=home.organisation,
            name="Cascade Supplement",
            payer_id="CAS02",
            kind=Payer.Kind.COMMERCIAL,
            timely_amount=365,
        ),
        priority=2,
        member_id="SUPP445566",
        effective_date=dt.date(2025, 1, 1),
    )
    encounter = actions.create_encounter(
        actor,
        home.patient,
        rendering_provider=home.provider,
        service_from=DOS,
        location=home.location,
        diagnoses=["I10"],
        lines=[{"procedure": "99213", "charge": Decimal("125.00"), "pointers": ["A"]}],
    )
    claim, _ = actions.build_claim(actor, encounter, today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY)
    events.append(actor, claim, events.Kind.SUBMITTED, {"file": "test"})
    claim.refresh_from_db()
    return claim


def _era(claim: Claim, status: str, trace: str) -> bytes:
    """The primary's 835: 125.00 billed, paid 72.00 (CO-45 28.00, PR-2 25.00)."""
    body = [
        "ST*835*0001",
        "BPR*I*72*C*CHK************20260128",
        f"TRN*1*{trace}*1999999999",
        f"N1*PR*{claim.payer.name}*XV*{claim.payer.payer_id}",
        "N3*1 PAYER WAY",
        "N4*SALEM*OR*97301",
        "PER*BL*CLAIMS*TE*8005550100",
        f"N1*PE*{claim.practice.legal_name}*XX*{claim.practice.npi}",
        "LX*1",
        f"CLP*{claim.number}*{status}*125*72*25*12*PCN-7788",
        f"NM1*QC*1*{claim.patient.last_name}*{claim.patient.first_name}****MI*M1",
        *(["NM1*TT*2*CASCADE SUPPLEMENT*****PI*CAS02"] if status == "19" else []),
        "SVC*HC:99213*125*72**1",
        "DTM*472*20260115",
        "CAS*CO*45*28",
        "CAS*PR*2*25",
    ]
    body.append(f"SE*{len(body) + 1}*0001")
    return (
        "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       "
        "*260128*0900*^*00501*000000001*0*T*:~GS*HP*PAYER*PRACTICE*20260128*0900*1*X*"
        "005010X221A1~" + "~".join(body) + "~GE*1*1~IEA*1*000000001~"
    ).encode()


def test_it_queues_the_secondary_once(world: World, actor: Actor) -> None:
    primary = _sent_primary(world, actor)
    rf = remits.take_in_835(actor, world.home.practice, "era.835", _era(primary, "1", "T1"))

    assert remits.post_file(actor, rf).posted == 1
    remits.post_file(actor, rf)

    (secondary,) = Claim.objects.filter(primary_claim=primary)
    assert secondary.responsibility == Claim.Responsibility.SECONDARY
    assert secondary.payer.payer_id == "CAS02"
    assert secondary.status == "queued"


def test_a_crossover_gets_no_secondary(world: World, actor: Actor) -> None:
    primary = _sent_primary(world, actor)
    rf = remits.take_in_835(actor, world.home.practice, "era.835", _era(primary, "19", "T2"))

    assert remits.post_file(actor, rf).posted == 1

    assert not Claim.objects.filter(primary_claim=primary).exists()
