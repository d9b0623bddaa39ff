"""Demo step: prior authorizations at the first demo practice, through the app's actions.

* the payer rule that makes them matter: Cascade Health (``DEMO03``) wants prior
  authorization for physical therapy (97110-97140) and joint injections (20610), a
  first version of its rule set (:mod:`cleanclaim.payerrules`), so the sandbox's world
  and the scrubber both know it;
* four Cascade patients, each with a coded visit and its claim built (which uses the
  authorization's units, :mod:`cleanclaim.authorizations.consumption`):

  ======== ============================================== ===========================
  account  authorization                                  what the pages show
  ======== ============================================== ===========================
  RF00015  PT, 12 units, 4 used by the visit              units partly used
  RF00021  PT, 10 units, 8 used                           ``units`` warning (2 left)
  RF00022  injection, ended 30 days ago                   AUTH-002 on the claim
  RF00029  none: an injection that needs one              AUTH-001 on the claim
  ======== ============================================== ===========================

Each object has a stable demo key (``payer-rules:DEMO03``, ``authorization:<account>``,
``visit:auth:<account>``, ``claim:auth:<account>``): a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.authorizations import actions
from cleanclaim.authorizations.models import Authorization
from cleanclaim.claims import actions as claim_actions
from cleanclaim.claims.demo import new_visit
from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.patients.models import Patient
from cleanclaim.payerrules import actions as rule_actions
from cleanclaim.payerrules.models import RuleSet

PAYER = "DEMO03"
RULES = """rules:
  - id: PAYER-DEMO03-AUTH-PT
    payer: DEMO03
    kind: prior-auth
    codes: [97110-97140, "20610"]
    meaning: Demo payer DEMO03 requires prior authorization for therapy and joint injections
    effective: 2020-01-01
    severity: error
    carc: "197"
    citation: DEMO03 utilization management list (demo payer set-up)
    fix: Obtain the authorization number from the payer and record it before the visit.
"""
THERAPY = "97110-97140"
INJECTION = "20610"

#: account → (authorization: (services, units, modifiers, days from start, days to end)
#: or None, the visit: days ago, diagnoses, lines (code, modifiers, units, charge, pointers))
CASES: list[tuple[str, tuple[str, str, list[str], int, int] | None, int, list[str], list[Any]]] = [
    (
        "RF00015",
        (THERAPY, "12", ["GP"], -20, 70),
        6,
        ["M54.50"],
        [("97110", ["GP"], "2", "90.00", "A"), ("97140", ["GP"], "2", "84.00", "A")],
    ),
    (
        "RF00021",
        (THERAPY, "10", ["GP"], -30, 60),
        5,
        ["M25.511"],
        [("97110", ["GP"], "4", "180.00", "A"), ("97140", ["GP"], "4", "168.00", "A")],
    ),
    (
        "RF00022",
        (INJECTION, "1", [], -120, -30),
        8,
        ["M17.11"],
        [("20610", [], "1", "200.00", "A")],
    ),
    ("RF00029", None, 4, ["M17.12"], [("20610", [], "1", "200.00", "A")]),
]


def build(ctx: Any) -> None:
    if not ctx.practices or ctx.payers.get("cascade") is None:
        return
    practice = ctx.practices[0]
    payer = ctx.payers["cascade"]
    actor = Actor(user=None, via="demo", label="demo")
    ctx.ensure(
        "payer rule sets",
        f"payer-rules:{PAYER}",
        RuleSet,
        find=lambda: RuleSet.objects.filter(payer=payer).first(),
        create=lambda: (
            rule_actions.save_version(
                actor, payer, RULES, "prior authorization list (demo payer set-up)"
            ).rule_set
        ),
    )
    provider = practice.providers.order_by("pk").first()
    location = practice.locations.order_by("pk").first()
    if provider is None or location is None:
        return
    today = dt.date.today()
    for account, auth, ago, dx, lines in CASES:
        patient = Patient.objects.filter(practice=practice, account_number=account).first()
        if patient is None:
            continue
        coverage = claim_actions.primary_coverage(patient, today)
        if coverage is None or coverage.payer_id != payer.pk:
            continue  # a person changed the patient's insurance: leave it be
        if auth is not None:
            services, units, modifiers, start, end = auth

            def record(
                coverage: Any = coverage,
                services: str = services,
                units: str = units,
                modifiers: list[str] = modifiers,
                start: int = start,
                end: int = end,
                account: str = account,
            ) -> Authorization:
                return actions.record_authorization(
                    actor,
                    coverage,
                    services=services,
                    number=f"CH{account[2:]}",
                    units_authorized=Decimal(units),
                    modifiers=modifiers,
                    start_date=today + dt.timedelta(days=start),
                    end_date=today + dt.timedelta(days=end),
                    source=Authorization.Source.PORTAL,
                    notes="demo: recorded from the payer's portal",
                )

            ctx.ensure(
                "authorizations",
                f"authorization:{account}",
                Authorization,
                record,
                lambda patient=patient: patient.authorizations.order_by("pk").first(),
            )
        day = today - dt.timedelta(days=ago)

        def visit(
            patient: Patient = patient, day: dt.date = day, dx: list[str] = dx, lines: Any = lines
        ) -> Encounter:
            return new_visit(actor, patient, provider, location, day, dx, lines)

        encounter, _ = ctx.ensure(
            "visits",
            f"visit:auth:{account}",
            Encounter,
            visit,
            lambda patient=patient, day=day: (
                patient.encounters.filter(service_from=day).order_by("pk").first()
            ),
        )
        if encounter is None:
            continue
        ctx.ensure(
            "claims",
            f"claim:auth:{account}",
            Claim,
            lambda encounter=encounter: claim_actions.build_claim(actor, encounter, today=today)[0],
            lambda encounter=encounter: encounter.claims.order_by("pk").first(),
        )
