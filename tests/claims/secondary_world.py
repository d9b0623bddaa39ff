"""The test world's home patient with a secondary coverage, a primary claim the primary
payer has paid (its events as the 835 posting leaves them) and that payer's 835."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.claims.secondary import Adjudication, adjudication_from_835
from cleanclaim.patients.models import Coverage
from cleanclaim.payers.models import Payer
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse

from .conftest import DOS, TODAY

PAID_ON = dt.date(2026, 1, 28)


def with_secondary(world: World, *, submission: str = Payer.Submission.ELECTRONIC) -> Coverage:
    """A supplement plan as the home patient's secondary coverage."""
    home = world.home
    payer = Payer.objects.create(
        organisation=home.practice.organisation,
        name="Cascade Supplement",
        payer_id="CAS02",
        kind=Payer.Kind.COMMERCIAL,
        timely_amount=365,
        submission=submission,
        claims_address="PO BOX 4000\nSALEM OR 97301" if submission == "paper" else "",
    )
    return Coverage.objects.create(
        patient=home.patient,
        payer=payer,
        priority=2,
        member_id="SUPP445566",
        group_number="G-77",
        effective_date=dt.date(2025, 1, 1),
    )


def paid_primary(world: World, actor: Actor, secondary: Coverage) -> Claim:
    """A visit (99213 125.00, 36415 25.00) billed to the primary, submitted and paid."""
    encounter = actions.create_encounter(
        actor,
        world.home.patient,
        rendering_provider=world.home.provider,
        service_from=DOS,
        location=world.home.location,
        diagnoses=["I10", "E11.9"],
        lines=[
            {"procedure": "99213", "charge": Decimal("125.00"), "pointers": ["A", "B"]},
            {"procedure": "36415", "charge": Decimal("25.00"), "pointers": ["A"]},
        ],
    )
    Encounter.objects.filter(pk=encounter.pk).update(secondary_coverage=secondary)
    encounter.refresh_from_db()
    claim, _ = actions.build_claim(actor, encounter, today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY, acknowledge=_warnings(claim))
    events.append(actor, claim, events.Kind.SUBMITTED, {"file": "test"})
    events.append(actor, claim, events.Kind.PAID, {"paid": "90.00"})
    claim.refresh_from_db()
    return claim


def _warnings(claim: Claim) -> list[str]:
    last = claim.events.filter(kind="scrubbed").order_by("-id").first()
    return [f["rule"] for f in (last.data.get("findings") or []) if f.get("severity") == "warning"]


def era(
    claim: Claim, *, status: str = "1", paid: str = "90", svc1: str = "SVC*HC:99213*125*72**1"
) -> str:
    """The primary's 835 for ``claim``: 150.00 billed; 99213 paid 72.00 (CO-45 28.00,
    PR-2 25.00), 36415 paid 18.00 (CO-45 2.00, PR-2 5.00) — patient share 30.00."""
    payer = claim.payer
    npi = claim.practice.npi
    body = [
        "ST*835*0001",
        f"BPR*I*{paid}*C*CHK************20260128",
        "TRN*1*CHK100200*1999999999",
        f"N1*PR*{payer.name}*XV*{payer.payer_id}",
        "N3*1 PAYER WAY",
        "N4*SALEM*OR*97301",
        "PER*BL*CLAIMS*TE*8005550100",
        f"N1*PE*{claim.practice.legal_name}*XX*{npi}",
        "LX*1",
        f"CLP*{claim.number}*{status}*150*{paid}*30*12*PCN-7788",
        f"NM1*QC*1*{claim.patient.last_name}*{claim.patient.first_name}****MI*HOMEMEMBER1",
        *(["NM1*TT*2*CASCADE SUPPLEMENT*****PI*CAS02"] if status == "19" else []),
        svc1,
        "DTM*472*20260115",
        "CAS*CO*45*28",
        "CAS*PR*2*25",
        "SVC*HC:36415*25*18**1",
        "DTM*472*20260115",
        "CAS*CO*45*2",
        "CAS*PR*2*5",
    ]
    body.append(f"SE*{len(body) + 1}*0001")
    isa = (
        "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       "
        "*260128*0900*^*00501*000000001*0*T*:~"
    )
    return (
        isa
        + "GS*HP*PAYER*PRACTICE*20260128*0900*1*X*005010X221A1~"
        + "~".join(body)
        + ("~GE*1*1~IEA*1*000000001~")
    )


def adjudication(claim: Claim, **kw: str) -> Adjudication:
    """The primary's answer read from its 835 (as the posting reads it)."""
    (t,) = parse(era(claim, **kw)).transactions
    (payment,) = t.data.remittance.claims
    return adjudication_from_835(
        payment,
        list(claim.lines.order_by("number")),
        paid_on=PAID_ON,
        payer_id=claim.payer.payer_id,
    )
