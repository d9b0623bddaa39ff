"""Demo step: the payers' answer, posted — a batch of the first demo practice's claims
sent to the sandbox clearinghouse *in process* and its 999, 277CAs and 835s taken in
and posted, all through the product's own paths:

1. visits coded two weeks ago (:data:`VISITS`), their claims built, scrubbed and queued
   (``claims.actions``); one patient booked, checked in and paying at the desk first
   (:data:`AT_THE_DESK`, ``appointments.actions.check_in``);
2. the batch written and kept (``create_batch``) and sent (``send_batch``) to a
   :class:`cleanclaim.sandbox.Adjudicator` over the demo's world
   (:func:`.sandbox.world.world_for`, what ``var/sandbox/world.json`` holds) through
   :class:`.sandbox.inprocess.InProcessTransport`: the claims are ``submitted`` and
   their charges on the ledger (``ledger.charges.on_sent``);
3. the answers polled (``poll``): the 999 and 277CAs acknowledge the claims, each 835
   is taken in (``remits.actions.take_in_835``) and auto-posted (``post_file``):
   paid claims, the patient's share moved to the patient, a denial on the Denials work
   list (RF00007's plan ended at the payer yesterday: ``CO-27``), and for RF00028
   (Medicare with a commercial secondary) the secondary claim built by the posting,
   and queued (by the posting when it scrubs clean, else as a biller does, its
   warnings acknowledged);
4. one payment the practice cannot match: before intake, a claim payment for a patient
   control number the demo never sent (:data:`STRANGER`) is added to a copy of the
   first 835 the sandbox answers (BPR02 raised by what it pays, so the file still
   balances), and lands on the Unmatched work list.

The adjudicator's state lives in a temporary directory: the same demo gives the same
answers, and the running sandbox (``cleanclaim sandbox start``) knows nothing of these
claims (a 276 about them is answered "not found"). One demo key,
``remittance:<practice NPI>``, covers the whole answer: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone

from cleanclaim.appointments import actions as appointments
from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions as claim_actions
from cleanclaim.claims.demo import new_visit, visit_lines
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses import actions
from cleanclaim.clearinghouses.demo import NAME, inactive_members
from cleanclaim.clearinghouses.models import Batch, Connection
from cleanclaim.clearinghouses.sandbox.inprocess import InProcessTransport
from cleanclaim.clearinghouses.sandbox.world import world_for
from cleanclaim.sandbox import Adjudicator, OutFile, World
from cleanclaim.x12 import document_json, parse, write_json

#: account → (days ago, diagnoses, lines (code, modifiers, units, charge, pointers))
VISITS: list[tuple[str, int, list[str], list[tuple[str, list[str], str, str, str]]]] = [
    ("RF00014", 14, ["J06.9"], [("99213", [], "1", "125.00", "A")]),
    ("RF00013", 14, ["J02.9"], [("99213", [], "1", "125.00", "A")]),
    (
        "RF00018",
        13,
        ["E78.5"],
        [("99214", [], "1", "180.00", "A"), ("80061", [], "1", "45.00", "A")],
    ),
    (
        "RF00023",
        12,
        ["I10", "E11.9"],
        [("99214", [], "1", "180.00", "AB"), ("36415", [], "1", "15.00", "B")],
    ),
    ("RF00028", 12, ["E11.9"], [("99214", [], "1", "180.00", "A")]),
    ("RF00007", 0, ["J06.9"], [("99213", [], "1", "125.00", "A")]),
]
#: Paid at the desk at check-in, on the visit's day: RF00014 had 22.00 of its 25.00
#: copay on them (the 3.00 left is under the small-balance limit at the statement run).
AT_THE_DESK = {"RF00014": Decimal("22.00")}
#: The claim payment no demo claim answers to: patient control number, the patient's last
#: and first name, paid, charge.
STRANGER = ("DEMO-X-4471", "MORGENSTERN", "ELSA", Decimal("64.00"), Decimal("110.00"))


def build(ctx: Any) -> None:
    organisation = ctx.organisation
    if organisation is None or not ctx.practices:
        return
    practice = ctx.practices[0]
    connection = Connection.objects.filter(organisation=organisation, name=NAME).first()
    provider = practice.providers.order_by("pk").first()
    location = practice.locations.order_by("pk").first()
    if connection is None or provider is None or location is None:
        return  # a person removed what the answer needs: add nothing
    ctx.ensure(
        "remittances answered",
        f"remittance:{practice.npi}",
        Batch,
        lambda: _answer(ctx, practice, connection, provider, location),
        # a demo built before keys were kept: its one batch through the sandbox
        lambda: (
            Batch.objects.filter(practice=practice, connection=connection).order_by("pk").first()
        ),
    )


def _answer(ctx: Any, practice: Any, connection: Connection, provider: Any, location: Any) -> Any:
    actor = Actor(user=None, via="demo", label="demo")
    today = timezone.localdate()
    claims: list[Claim] = []
    for account, ago, dx, coded in VISITS:
        patient = practice.patients.filter(account_number=account).first()
        if patient is None:
            continue
        day = today - dt.timedelta(days=ago)
        if account in AT_THE_DESK:
            encounter = _checked_in(actor, practice, patient, provider, location, day)
            encounter = claim_actions.update_encounter(
                actor,
                encounter,
                expected_version=None,
                diagnoses=dx,
                lines=visit_lines(coded),
                today=today,
            )
        else:
            encounter = new_visit(actor, patient, provider, location, day, dx, coded)
        ctx.note("visits", True)
        claim, result = claim_actions.build_claim(actor, encounter, today=today)
        ctx.note("claims", True)
        warnings = [f.rule for f in result.findings if f.severity == "warning"]
        try:
            claim_actions.queue_claim(actor, claim, acknowledge=warnings, today=today)
        except claim_actions.QueueRefused:
            continue  # reference data that finds an error: the claim waits with its findings
        claims.append(claim)
    batch = _send(actor, practice, connection, claims, today)
    _queue_secondaries(ctx, actor, claims, today)
    return batch


def _checked_in(
    actor: Actor, practice: Any, patient: Any, provider: Any, location: Any, day: dt.date
) -> Any:
    """The patient booked at 09:00 on ``day`` and checked in, paying at the desk
    (``appointments.actions.check_in``: the copay on the ledger, the visit started)."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))
    appointment = appointments.schedule(
        actor,
        practice,
        patient=patient,
        provider=provider,
        location=location,
        start=start,
        duration=20,
        reason="sick visit",
        external_id=f"demo-remit-{patient.account_number}",
    )
    paid = appointments.check_in(
        actor, appointment, copay=AT_THE_DESK[patient.account_number], method="cash"
    )
    return paid.encounter


def _send(
    actor: Actor, practice: Any, connection: Connection, claims: list[Claim], today: dt.date
) -> Batch:
    world = world_for(
        connection.organisation,
        connection,
        today=today,
        inactive=inactive_members(connection.organisation),
    )
    with tempfile.TemporaryDirectory(prefix="cleanclaim-demo-sandbox-") as state:
        adjudicator = Adjudicator(World.from_json(world), today=today, state_dir=Path(state))
        transport = InProcessTransport(adjudicator)
        [batch] = actions.create_batch(actor, practice, connection, only=[c.pk for c in claims])
        actions.send_batch(actor, batch, transport=transport)
        first = next((n for n, f in enumerate(transport.answers) if f.kind == "835"), None)
        if first is not None:
            transport.answers[first] = _with_stranger(transport.answers[first])
        actions.poll(actor, connection, transport=transport)
    return batch


def _queue_secondaries(ctx: Any, actor: Actor, claims: list[Claim], today: dt.date) -> None:
    """The secondaries the posting built, queued as a biller does (warnings read) when
    the posting did not queue them itself."""
    for claim in Claim.objects.filter(
        replaces=None, encounter__in=[c.encounter_id for c in claims], responsibility="S"
    ):
        ctx.note("secondary claims", True)
        if claim.status == "queued":
            continue
        result = claim_actions.scrub_claim(actor, claim, today=today)
        warnings = [f.rule for f in result.findings if f.severity == "warning"]
        claim_actions.queue_claim(actor, claim, acknowledge=warnings, today=today)


def _with_stranger(answer: OutFile) -> OutFile:
    """The 835 ``answer`` with one more claim payment (:data:`STRANGER`) before its PLBs
    (BPR02 raised by what it pays; SE01 counted again by ``write_json``)."""
    number, last, first, paid, charge = STRANGER
    doc = document_json(parse(answer.data))
    tx = doc["transactions"][0]
    segments: list[list[str]] = tx["segments"]
    day = next((s[2] for s in segments if s[0] == "DTM" and s[1] == "472"), "")
    loop = [
        ["CLP", number, "1", str(charge), str(paid), "0", "12", f"{number}-PCN"],
        ["NM1", "QC", "1", last, first, "", "", "", "MI", "XJ4471002"],
        ["SVC", "HC:99213", str(charge), str(paid), "", "1"],
        ["DTM", "472", day],
        ["CAS", "CO", "45", str(charge - paid)],
        ["AMT", "B6", str(paid)],
    ]
    at = next(
        (i for i, s in enumerate(segments) if s[0] in ("PLB", "SE")),
        len(segments),
    )
    tx["segments"] = segments[:at] + loop + segments[at:]
    for s in tx["segments"]:
        if s[0] == "BPR":
            s[2] = str(Decimal(s[2]) + paid)
            if s[1] == "H":
                s[1] = "I"
    data = write_json(doc).encode("ascii")
    return OutFile(answer.name, data, answer.kind)
