"""Every 837P the claims app writes passes pyx12's validator: a file of several claims
built from visits (the test world's and more, one with a referring provider and a
prior authorization), and the claims of each shared 837P sample written back out
through the same writer (``write_views``, the submitter and receiver of a practice)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import Claim
from cleanclaim.claims.x837p import submitter_receiver, write_837p, write_views
from cleanclaim.testing.personas import World, npi
from cleanclaim.x12 import parse, validate
from cleanclaim.x12.x222a1_837p import claims as view_claims

from .conftest import TODAY, visit

Referee = Callable[[str], tuple[bool, list[dict[str, Any]]]]
NOW = dt.datetime(2026, 2, 1, 9, 30, tzinfo=dt.UTC)


def test_claims_built_from_visits_pass_pyx12(
    world: World, actor: Actor, pyx12_validate: Referee
) -> None:
    visit(
        world,
        actor,
        referring_npi=npi("123400099"),
        referring_last_name="REFERRER",
        referring_first_name="RITA",
        prior_authorization="PA-7781",
        lines=[
            {"procedure": "99214", "modifiers": ["25"], "charge": "180", "pointers": ["A", "B"]},
            {"procedure": "93000", "charge": "45.25", "units": "1", "pointers": ["A"]},
            {
                "procedure": "J1885",
                "charge": "12.00",
                "units": "2",
                "pointers": ["B"],
                "ndc": "00409-3795-01",
                "ndc_quantity": "2",
            },
        ],
    )
    for encounter in world.home.patient.encounters.all():
        if not encounter.claims.exists():
            actions.build_claim(actor, encounter, today=TODAY)
    claims = list(Claim.objects.filter(practice=world.home.practice).order_by("pk"))
    assert len(claims) == 2
    text = write_837p(claims, now=NOW)
    assert "REF*G1*PA-7781" in text and "NM1*DN*1*REFERRER*RITA" in text
    # the drug line's NDC, quantity and unit go into its loop 2410
    assert "SV1*HC:J1885*12*UN*2***2~DTP*472*D8*" in text.replace("\n", "")
    assert "~LIN**N4*00409379501~CTP****2*UN~" in text.replace("\n", "")
    ok, errors = pyx12_validate(text)
    assert ok and errors == [], errors
    assert validate(parse(text)).findings() == []
    read = view_claims(parse(text).transactions[0].data)
    assert sorted(c.claim_id for c in read) == [c.number for c in claims]
    drug = [ln for c in read for ln in c.lines if ln.procedure == "J1885"]
    assert [(ln.ndc, ln.ndc_quantity, ln.ndc_unit) for ln in drug] == [
        ("00409379501", Decimal("2"), "UN")
    ]


@pytest.mark.shared_data
def test_the_claims_of_each_sample_written_back_pass_pyx12(
    world: World, samples_837p: list[Path], pyx12_validate: Referee
) -> None:
    submitter, receiver = submitter_receiver(world.home.claim)
    written = 0
    for path in samples_837p:
        for t in parse(path.read_bytes()).transactions:
            # a claim the view could not read whole is not written; nor one whose 2320
            # lacks its required 2330B other payer (cob.example3.A): the builder refuses it
            whole = [
                c
                for c in view_claims(t.data)
                if not c.notes and all(o.payer_name for o in c.other_payers)
            ]
            if not whole:
                continue
            text = write_views(whole, submitter, receiver, now=NOW)
            ok, errors = pyx12_validate(text)
            assert ok and errors == [], (path.name, errors)
            written += 1
    assert written > 0
