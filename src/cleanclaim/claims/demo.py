"""Demo step: a week of visits at the first demo practice, in every state of the work
lists — visits still to code, claims with errors, ready to submit, queued, on hold — and
one older visit whose claim was sent weeks ago with no answer since, and one whose claim
the payer rejected (a 277CA: member ID not valid).

Dates count back from the day the demo is built (the last seven days; forty for the
claim with no answer), so the claims are within their filing limits. Each visit and
each claim has a stable demo key (``visit:<practice NPI>:<n>``,
``claim:<practice NPI>:<n>``): a second run finds them and changes nothing
(``cleanclaim.web.demo``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.ledger import charges

#: (days ago, state, diagnoses, lines: (procedure, modifiers, units, charge, pointers))
VISITS: list[tuple[int, str, list[str], list[tuple[str, list[str], str, str, str]]]] = [
    (1, "to code", [], []),
    (1, "to code", [], []),
    (2, "errors", ["E11"], [("99213", [], "1", "125.00", "A")]),  # a header code
    (
        3,
        "errors",
        ["I10"],
        [("99213", [], "1", "125.00", "A"), ("99213", [], "1", "125.00", "A")],  # a duplicate
    ),
    (2, "ready", ["I10", "E11.9"], [("99214", [], "1", "180.00", "AB")]),
    (3, "ready", ["J06.9"], [("99213", [], "1", "125.00", "A")]),
    (
        4,
        "ready",
        ["E78.5", "I10"],
        [("99213", [], "1", "125.00", "AB"), ("36415", [], "1", "15.00", "A")],
    ),
    (5, "queued", ["I10"], [("99212", [], "1", "85.00", "A")]),
    (
        6,
        "queued",
        ["E11.9", "E78.5"],
        [("99214", [], "1", "180.00", "AB"), ("36415", [], "1", "15.00", "A")],
    ),
    (7, "on hold", ["J06.9"], [("99213", [], "1", "125.00", "A")]),
    (40, "no answer", ["I10"], [("99213", [], "1", "125.00", "A")]),
    (6, "rejected", ["I10"], [("99213", [], "1", "125.00", "A")]),
]
#: Days ago the "no answer" claim was sent (past the default CLEANCLAIM_NO_ANSWER_DAYS).
SENT_DAYS_AGO = 38
HOLD_REASON = "waiting for the referral on file"
#: The demo rejection: a 277CA's STC01 (category, status, entity): member ID not valid.
REJECTION = ("A7", "164", "IL")


def _patients(practice: Any, day: dt.date) -> list[tuple[Any, Any]]:
    """The practice's patients with a coverage in force on ``day`` (primary first)."""
    out = []
    for patient in practice.patients.order_by("account_number"):
        coverage = actions.primary_coverage(patient, day)
        if coverage is not None:
            out.append((patient, coverage))
    return out


def build(ctx: Any) -> None:
    practice = ctx.practices[0]
    today = dt.date.today()
    provider = practice.providers.order_by("pk").first()
    location = practice.locations.order_by("pk").first()
    people = _patients(practice, today - dt.timedelta(days=7))
    if provider is None or location is None or len(people) < len(VISITS):
        return  # a person removed what the visits need: add nothing
    actor = Actor(user=None, via="demo", label="demo")
    for n, (ago, state, dx, lines) in enumerate(VISITS, start=1):
        patient, _coverage = people[n - 1]
        day = today - dt.timedelta(days=ago)

        def visit(
            patient: Any = patient, day: dt.date = day, dx: Any = dx, lines: Any = lines
        ) -> Encounter:
            return new_visit(actor, patient, provider, location, day, dx, lines)

        def same_visit(patient: Any = patient, day: dt.date = day) -> Encounter | None:
            return patient.encounters.filter(service_from=day).order_by("pk").first()  # type: ignore[no-any-return]

        encounter, _ = ctx.ensure(
            "visits", f"visit:{practice.npi}:{n}", Encounter, visit, same_visit
        )
        if encounter is None or state == "to code":
            continue

        def claim(encounter: Encounter = encounter, state: str = state) -> Claim:
            made, _result = actions.build_claim(actor, encounter, today=today)
            if state in ("queued", "on hold", "no answer", "rejected"):
                actions.queue_claim(actor, made, today=today)
            if state == "no answer":
                sent = timezone.now() - dt.timedelta(days=SENT_DAYS_AGO)
                events.append(actor, made, Kind.SUBMITTED, {"batch": "demo"}, at=sent)
                charges.on_sent(actor, [made])
            if state == "rejected":
                _rejected(actor, made)
            if state == "on hold":
                actions.hold_claim(actor, made, HOLD_REASON)
            return made

        def its_claim(encounter: Encounter = encounter) -> Claim | None:
            return encounter.claims.order_by("pk").first()  # type: ignore[no-any-return]

        ctx.ensure("claims", f"claim:{practice.npi}:{n}", Claim, claim, its_claim)


def visit_lines(coded: Any) -> list[dict[str, Any]]:
    """A demo visit's lines, ``(procedure, modifiers, units, charge, pointers)`` each, as
    the encounter actions take them."""
    return [
        {"procedure": p, "modifiers": m, "units": u, "charge": c, "pointers": list(ptr)}
        for p, m, u, c, ptr in coded
    ]


def new_visit(
    actor: Actor, patient: Any, provider: Any, location: Any, day: dt.date, dx: Any, coded: Any
) -> Encounter:
    """A demo visit of ``patient`` on ``day``, coded (see :func:`visit_lines`)."""
    return actions.create_encounter(
        actor,
        patient,
        rendering_provider=provider,
        service_from=day,
        location=location,
        diagnoses=dx,
        lines=visit_lines(coded),
    )


def _rejected(actor: Actor, claim: Claim) -> None:
    """Sent two days ago; the payer's 277CA rejected it the next day."""
    from cleanclaim.clearinghouses.acks import explain_stc
    from cleanclaim.x12.x212_276_277.view import StatusInformation

    now = timezone.now()
    events.append(actor, claim, Kind.SUBMITTED, {"batch": "demo"}, at=now - dt.timedelta(days=2))
    charges.on_sent(actor, [claim])
    problem = explain_stc(StatusInformation(*REJECTION))
    events.append(
        actor,
        claim,
        Kind.ACKNOWLEDGED,
        {"accepted": False, "codes": [problem.code], "problems": [problem.as_dict()]},
        at=now - dt.timedelta(days=1),
    )
