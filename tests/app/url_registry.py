"""Every URL of the app, with how to build it and who may open it.

The URL walk (test_url_walk.py) fails for any URL pattern or API operation
missing here: adding a page or endpoint means adding one line.

Keys: the URL name (``"patients:detail"``); API operations are
``"METHOD api:url_name"`` (``"GET api:patient_detail"``). Django's admin
(namespace ``admin``) is covered as a whole: staff only.

``perm``: the permission from ``cleanclaim.tenancy.permissions`` the page
needs; ``SIGNED_IN`` any signed-in user; ``PUBLIC`` no sign-in.
``args``: URL kwargs built from the home tenant of the test world
(``cleanclaim.testing.personas``). ``kind``: ``object`` pages must answer 404
or 403 to an outsider; ``list`` pages must not show the home tenant's markers.
``phi``: whether a successful answer shows patient data; every such answer must write
an audit entry (``cleanclaim.audit.phi``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "<public>"
SIGNED_IN = "<signed-in>"


@dataclass(frozen=True)
class Entry:
    perm: str
    kind: str = "list"  # "list" | "object"
    args: Callable[[Any], dict[str, Any]] = field(default=lambda w: {})
    method: str = "GET"
    #: Status codes that mean "allowed" for this URL.
    ok: tuple[int, ...] = (200,)
    #: Does a successful answer show PHI (patient data)? Then the view is marked
    #: ``@shows_phi`` and every 200 must write an audit entry. No default: each new
    #: URL states it (None fails the URL walk).
    phi: bool | None = None


def appointment(w: Any) -> dict[str, Any]:
    """An appointment of the home tenant's patient today (made on first use)."""
    from django.utils import timezone

    from cleanclaim.appointments.models import Appointment

    found = Appointment.objects.filter(practice=w.home.practice).first()
    if found is None:
        found = Appointment.objects.create(
            practice=w.home.practice,
            patient=w.home.patient,
            provider=w.home.provider,
            location=w.home.location,
            coverage=w.home.coverage,
            start=timezone.now(),
        )
    return {"pk": found.pk}


def pk(attr: str) -> Callable[[Any], dict[str, Any]]:
    return lambda w: {"pk": w.obj(attr).pk}


def invitation(w: Any) -> dict[str, Any]:
    """A pending invitation of the home tenant (made on first use)."""
    from cleanclaim.practices.models import Invitation, InvitationRole

    found = Invitation.objects.filter(email="invited@northside.test").first()
    if found is None:
        from django.utils import timezone

        found = Invitation.objects.create(
            organisation=w.home.organisation,
            email="invited@northside.test",
            full_name="Invited Person",
            token_hash="0" * 64,
            expires=timezone.now() + dt.timedelta(days=7),
        )
        InvitationRole.objects.create(invitation=found, practice=w.home.practice, role="coder")
    return {"pk": found.pk}


def eligibility_check(w: Any) -> dict[str, Any]:
    """An eligibility check of the home tenant's coverage (made on first use)."""
    from cleanclaim.eligibility.models import EligibilityCheck

    c = w.home.coverage
    found = EligibilityCheck.objects.filter(coverage=c).order_by("pk").first()
    if found is None:
        found = EligibilityCheck.objects.create(
            practice=w.home.practice,
            patient=c.patient,
            coverage=c,
            day=dt.date(2026, 1, 15),
            request_x12="ISA*",
            status="failed",
            error="no connection",
        )
    return {"pk": found.pk}


def authorization(w: Any) -> dict[str, Any]:
    """An authorization of the home tenant's coverage (made on first use)."""
    from cleanclaim.authorizations.models import Authorization

    row = Authorization.objects.filter(coverage=w.home.coverage).first()
    if row is None:
        row = Authorization.objects.create(
            practice=w.home.practice,
            patient=w.home.patient,
            coverage=w.home.coverage,
            number="AUTH-URL",
            services="97110-97140",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2026, 12, 31),
        )
    return {"pk": row.pk}


def eligibility_batch(w: Any) -> dict[str, Any]:
    """A finished eligibility batch of the home tenant (made on first use)."""
    from cleanclaim.eligibility.models import EligibilityBatch

    found = EligibilityBatch.objects.filter(practice=w.home.practice).first()
    if found is None:
        found = EligibilityBatch.objects.create(
            practice=w.home.practice, day=dt.date(2026, 1, 15), status="done"
        )
    return {"pk": found.pk}


def remittance(w: Any) -> dict[str, Any]:
    """A small 835 taken in for the home practice (made on first use)."""
    from cleanclaim.audit.actor import Actor
    from cleanclaim.remits.actions import take_in_835
    from cleanclaim.testing.remits import many_claims_835

    rf = take_in_835(Actor(user=None, label="test"), w.home.practice, "a.835", many_claims_835(1))
    return {"pk": rf.pk}


def unmatched(w: Any) -> dict[str, Any]:
    """An unmatched payment of the home practice: an 835 no claim answers, posted
    (made on first use)."""
    from cleanclaim.audit.actor import Actor
    from cleanclaim.remits.actions import post_file, take_in_835
    from cleanclaim.remits.models import Unmatched
    from cleanclaim.testing.remits import many_claims_835

    found = Unmatched.objects.filter(practice=w.home.practice).first()
    if found is None:
        actor = Actor(user=None, label="test")
        data = many_claims_835(1, trace="WALK1", first=90)
        post_file(actor, take_in_835(actor, w.home.practice, "walk.835", data))
        found = Unmatched.objects.get(practice=w.home.practice)
    return {"pk": found.pk}


def rule_key(w: Any) -> dict[str, Any]:
    return {"key": "CO-45"}


def connection(w: Any) -> dict[str, Any]:
    """A sandbox connection of the home tenant (made on first use)."""
    from cleanclaim.clearinghouses.models import Connection

    found, _ = Connection.objects.get_or_create(
        organisation=w.home.organisation,
        name="walk",
        defaults={
            "plugin": "sandbox",
            "settings": {"host": "127.0.0.1", "sftp_port": 9, "core_port": 9, "username": "u"},
            "isa_sender_id": "S",
            "isa_receiver_id": "R",
            "gs_sender": "S",
            "gs_receiver": "R",
        },
    )
    return {"pk": found.pk}


def batch(w: Any) -> dict[str, Any]:
    """A sent batch of the home tenant's claim with its file (made on first use)."""
    from cleanclaim.clearinghouses.models import Batch, BatchClaim, Connection, TransmissionFile

    conn = Connection.objects.get(pk=connection(w)["pk"])
    found, made = Batch.objects.get_or_create(
        practice=w.home.practice,
        connection=conn,
        isa13=1,
        defaults={"gs06": 1, "st02": 1, "usage_indicator": "T", "status": "sent"},
    )
    if made:
        BatchClaim.objects.create(
            batch=found, claim=w.home.claim, patient_control_number=w.home.claim.number, position=1
        )
        TransmissionFile.objects.create(
            connection=conn,
            practice=w.home.practice,
            batch=found,
            direction="out",
            kind="837P",
            name="walk.837",
            sha256="0" * 64,
            size=3,
            content=b"ISA",
        )
    return {"pk": found.pk}


def denial(w: Any) -> dict[str, Any]:
    """A CO-197 denial of the home practice, from a posted 835 (made on first use)."""
    from cleanclaim.denials.models import Denial
    from cleanclaim.testing.denials import post_denied

    found = Denial.objects.filter(practice=w.home.practice).first()
    if found is None:
        post_denied(w.home, trace="WALK1")
        found = Denial.objects.filter(practice=w.home.practice).get()
    return {"pk": found.pk}


def proposal(w: Any) -> dict[str, Any]:
    """A payer rule proposed from the home denial (made on first use)."""
    from cleanclaim.denials.models import Denial, Proposal
    from cleanclaim.denials.proposals import rule_text

    found = Proposal.objects.filter(organisation=w.home.organisation).first()
    if found is None:
        d = Denial.objects.get(pk=denial(w)["pk"])
        found = Proposal.objects.create(
            organisation=w.home.organisation,
            payer=d.payer,
            procedure=d.procedure,
            reason=d.reason,
            kind="prior-auth",
            text=rule_text("prior-auth", [d]),
        )
    return {"pk": found.pk}


def batch_file(w: Any) -> dict[str, Any]:
    from cleanclaim.clearinghouses.models import TransmissionFile

    return {"pk": TransmissionFile.objects.get(batch_id=batch(w)["pk"]).pk}


def statement(w: Any) -> dict[str, Any]:
    """A statement of the home patient in a run of cycle 2026-03 (made on first use)."""
    from decimal import Decimal

    from cleanclaim.statements.models import Statement, StatementRun

    run, _ = StatementRun.objects.get_or_create(
        practice=w.home.practice, cycle="2026-03", defaults={"statement_date": dt.date(2026, 3, 1)}
    )
    found, _ = Statement.objects.get_or_create(
        practice=w.home.practice,
        patient=w.home.patient,
        cycle="2026-03",
        defaults={
            "run": run,
            "statement_date": run.statement_date,
            "amount_due": Decimal("25.00"),
            "data": {"account": w.home.patient.account_number, "visits": [], "aging": {}},
        },
    )
    return {"pk": found.pk}


def statement_run(w: Any) -> dict[str, Any]:
    from cleanclaim.statements.models import Statement

    return {"pk": Statement.objects.get(pk=statement(w)["pk"]).run_id}


REGISTRY: dict[str, Entry] = {
    # shell
    # billers and managers see their follow-ups due (calls may name a patient)
    "home": Entry(SIGNED_IN, ok=(200, 302), phi=True),
    "login": Entry(PUBLIC, ok=(200, 302), phi=False),
    "logout": Entry(PUBLIC, method="POST", ok=(302,), phi=False),
    # a person's own account (the walk's sessions have passed the second factor, so
    # enrol and verify send them on; tests/app/test_second_factor*.py cover the pages)
    "account:password": Entry(SIGNED_IN, phi=False),
    "account:enrol": Entry(SIGNED_IN, ok=(302,), phi=False),
    "account:verify": Entry(SIGNED_IN, ok=(302,), phi=False),
    # an invitation's link; without a valid token: 400 (tests/app/test_invitations_*.py)
    "account:invitation": Entry(PUBLIC, ok=(400,), phi=False),
    # patients
    "patients:list": Entry("patients.view", phi=True),
    "patients:create": Entry("patients.change", phi=False),
    "patients:detail": Entry("patients.view", "object", pk("patient"), phi=True),
    "patients:edit": Entry("patients.change", "object", pk("patient"), phi=True),
    "patients:coverage_add": Entry("patients.change", "object", pk("patient"), phi=True),
    "patients:coverage_edit": Entry("patients.change", "object", pk("coverage"), phi=True),
    # no card stored for the walk's coverage: 404 (tests/front_desk cover a stored one)
    "patients:coverage_card": Entry(
        "patients.view",
        "object",
        lambda w: {"pk": w.obj("coverage").pk, "side": "front"},
        ok=(404,),
        phi=True,
    ),
    # appointments and check-in (tests/front_desk)
    "appointments:today": Entry("patients.view", phi=True),
    "appointments:new": Entry("checkin.work", phi=False),
    "appointments:import": Entry("checkin.work", phi=False),
    "appointments:check_in": Entry("checkin.work", "object", appointment, phi=True),
    # payers
    "payers:list": Entry("payers.view", phi=False),
    "payers:create": Entry("payers.change", phi=False),
    "payers:detail": Entry("payers.view", "object", pk("payer"), phi=False),
    "payers:edit": Entry("payers.change", "object", pk("payer"), phi=False),
    "payers:connections": Entry("payers.change", "object", pk("payer"), phi=False),
    "payers:override": Entry(
        "payers.change",
        "object",
        lambda w: {"pk": w.obj("payer").pk, "practice": w.obj("practice").pk},
        phi=False,
    ),
    # payer contacts and calls (a call may name a patient: its pages are PHI)
    "payercalls:contact_add": Entry("payers.contacts", "object", pk("payer"), phi=False),
    "payercalls:contact_edit": Entry("payers.contacts", "object", pk("contact"), phi=False),
    "payercalls:contact_deactivate": Entry(
        "payers.contacts", "object", pk("contact"), method="POST", ok=(302,), phi=False
    ),
    "payercalls:payer_calls": Entry("calls.log", "object", pk("payer"), phi=True),
    "payercalls:call_new": Entry("calls.log", "object", pk("payer"), phi=False),
    "payercalls:patient_call_new": Entry("calls.log", "object", pk("patient"), phi=True),
    "payercalls:call": Entry("calls.log", "object", pk("call"), phi=True),
    "payercalls:call_done": Entry(
        "calls.log", "object", pk("call"), method="POST", ok=(302,), phi=False
    ),
    # payer rules (versions are made by tests/app/test_payer_rules_*.py)
    "payerrules:rules": Entry("payers.view", "object", pk("payer"), phi=False),
    "payerrules:edit": Entry("payers.change", "object", pk("payer"), phi=False),
    "payerrules:new": Entry("payers.change", "object", pk("payer"), phi=False),
    "payerrules:diff": Entry("payers.view", "object", pk("payer"), phi=False),
    "payerrules:revert": Entry("payers.change", "object", pk("payer"), phi=False),
    # fee schedules (tests/fees)
    "fees:list": Entry("fees.view", phi=False),
    "fees:import": Entry("fees.manage", phi=False),
    "fees:detail": Entry("fees.view", "object", pk("fee_schedule"), phi=False),
    "fees:export": Entry("fees.view", "object", pk("fee_schedule"), phi=False),
    "fees:fee_edit": Entry("fees.manage", "object", pk("fee"), phi=False),
    # in-app admin
    "manage:users": Entry("users.manage", phi=False),
    "manage:user_invite": Entry("users.manage", phi=False),
    "manage:invitation_resend": Entry(
        "users.manage", "object", invitation, method="POST", ok=(302,), phi=False
    ),
    "manage:invitation_cancel": Entry(
        "users.manage", "object", invitation, method="POST", ok=(302,), phi=False
    ),
    "manage:user_roles": Entry("users.manage", "object", pk("user_front_desk"), phi=False),
    "manage:practices": Entry("practices.manage", phi=False),
    "manage:practice": Entry("practices.manage", "object", pk("practice"), phi=False),
    "manage:practice_edit": Entry("practices.manage", "object", pk("practice"), phi=False),
    "manage:provider_add": Entry("practices.manage", "object", pk("practice"), phi=False),
    "manage:provider_edit": Entry("practices.manage", "object", pk("provider"), phi=False),
    "manage:location_add": Entry("practices.manage", "object", pk("practice"), phi=False),
    "manage:location_edit": Entry("practices.manage", "object", pk("location"), phi=False),
    "manage:audit": Entry("audit.view", phi=True),
    "manage:audit_export": Entry("audit.view", phi=True),
    # placeholders for later capabilities
    "work:claims": Entry("claims.work", phi=False),
    "claims:encounter_new": Entry("coding.work", "object", pk("patient"), phi=True),
    "claims:encounter_detail": Entry("coding.work", "object", pk("encounter"), phi=True),
    "claims:encounter_code": Entry("coding.work", "object", pk("encounter"), phi=True),
    "claims:encounter_code_check": Entry(
        "coding.work", "object", pk("encounter"), method="POST", phi=True
    ),
    "claims:encounter_claim": Entry(
        "claims.work", "object", pk("encounter"), method="POST", ok=(302,), phi=True
    ),
    "claims:claim_detail": Entry("claims.work", "object", pk("claim"), phi=True),
    # queued (302) or refused by the day's scrub (422) or its status (409)
    "claims:claim_queue": Entry(
        "claims.work", "object", pk("claim"), method="POST", ok=(302, 409, 422), phi=True
    ),
    "claims:claim_hold": Entry(  # no reason given
        "claims.work", "object", pk("claim"), method="POST", ok=(422,), phi=True
    ),
    "claims:claim_void": Entry(  # not confirmed
        "claims.work", "object", pk("claim"), method="POST", ok=(422,), phi=True
    ),
    # the test world's claim is not sent: refused, naming why (409)
    "claims:claim_status": Entry(
        "claims.work", "object", pk("claim"), method="POST", ok=(409,), phi=True
    ),
    "claims:claim_837p": Entry("claims.work", "object", pk("claim"), phi=True),
    "claims:claim_cms1500": Entry("claims.work", "object", pk("claim"), phi=True),
    "claims:visits_to_code": Entry("worklists.visits", phi=True),  # lists name patients
    # no ready claim of a paper payer in the test world: refused, naming why
    "claims:print_paper": Entry("claims.work", method="POST", ok=(422,), phi=True),
    "claims:worklist": Entry("worklists.claims", args=lambda w: {"slug": "deadlines"}, phi=True),
    "work:reports": Entry("reports.view", phi=False),
    "work:scheduled": Entry("reports.view", phi=False),
    # coding screen, code pages, reference data status (tests/integ)
    "coding:screen": Entry("coding.work", phi=False),
    "coding:search": Entry("coding.work", phi=False),
    "coding:pick": Entry("coding.work", method="POST", ok=(400,), phi=False),  # no code given
    "coding:remove": Entry("coding.work", method="POST", ok=(302,), phi=False),
    "coding:code": Entry(
        "coding.work", args=lambda w: {"system": "icd10cm", "code": "E11"}, phi=False
    ),
    "coding:refdata": Entry("refdata.view", phi=False),
    # scrubber pages (tests/integ)
    "scrubbing:upload": Entry("claims.work", phi=False),
    "scrubbing:rules": Entry("claims.work", phi=False),
    # clearinghouse connections (administrators) and batches (billers)
    "clearinghouses:connections": Entry("practices.manage", phi=False),
    "clearinghouses:connection_create": Entry("practices.manage", phi=False),
    "clearinghouses:connection_edit": Entry("practices.manage", "object", connection, phi=False),
    # nothing listens on the walk's port: the message says so (302 back to the list)
    "clearinghouses:connection_check": Entry(
        "practices.manage", "object", connection, method="POST", ok=(302,), phi=False
    ),
    "clearinghouses:batches": Entry("claims.submit", phi=False),
    "clearinghouses:batch_send": Entry("claims.submit", method="POST", ok=(422,), phi=False),
    "clearinghouses:batch_collect": Entry("claims.submit", method="POST", ok=(422,), phi=False),
    "clearinghouses:batch_detail": Entry("claims.submit", "object", batch, phi=True),
    "clearinghouses:batch_progress": Entry("claims.submit", "object", batch, phi=False),
    # the walk's batch is sent: nothing to send again (302 back to the batch)
    "clearinghouses:batch_retry": Entry(
        "claims.submit", "object", batch, method="POST", ok=(302,), phi=False
    ),
    "clearinghouses:file_download": Entry("claims.submit", "object", batch_file, phi=True),
    # API
    "api:openapi-json": Entry(PUBLIC, phi=False),
    "api:api-root": Entry(PUBLIC, ok=(200, 404), phi=False),
    "api-index": Entry(PUBLIC, phi=False),  # JSON: version and links, no data
    "api-docs": Entry(SIGNED_IN, phi=False),
    "api-not-found": Entry(
        PUBLIC, args=lambda w: {"rest": "no-such-operation"}, ok=(404,), phi=False
    ),
    # Django admin: its sign-in page is public; everything else is staff only (below)
    "admin:login": Entry(PUBLIC, ok=(200, 302), phi=False),
    "GET api:me": Entry(SIGNED_IN, phi=False),
    "GET api:practice_list": Entry(SIGNED_IN, phi=False),
    "GET api:practice_detail": Entry("practices.manage", "object", pk("practice"), phi=False),
    "GET api:patient_list": Entry("patients.view", phi=True),
    "GET api:patient_detail": Entry("patients.view", "object", pk("patient"), phi=True),
    "GET api:payer_list": Entry("payers.view", phi=False),
    "GET api:policy_list": Entry("patients.view", "object", pk("patient"), phi=True),
    "POST api:policy_list": Entry(  # empty body: 422 naming the fields
        "patients.change", "object", pk("patient"), method="POST", ok=(422,), phi=True
    ),
    "PATCH api:policy_detail": Entry(
        "patients.change", "object", pk("coverage"), method="PATCH", ok=(428,), phi=True
    ),
    "GET api:appointment_list": Entry("patients.view", phi=True),
    "POST api:appointment_list": Entry("checkin.work", method="POST", ok=(422,), phi=True),
    "PATCH api:appointment_detail": Entry(
        "checkin.work", "object", appointment, method="PATCH", ok=(428,), phi=True
    ),
    # an empty body checks in without a copay (a repeat changes nothing)
    "POST api:appointment_check_in": Entry(
        "checkin.work", "object", appointment, method="POST", ok=(200,), phi=True
    ),
    "GET api:payer_detail": Entry("payers.view", "object", pk("payer"), phi=False),
    "POST api:payer_list": Entry("payers.change", method="POST", ok=(422,), phi=False),  # empty
    # PATCH without a version: 428 (optimistic locking, decision 0505)
    "PATCH api:patient_detail": Entry(
        "patients.change", "object", pk("patient"), method="PATCH", ok=(428,), phi=True
    ),
    "PATCH api:payer_detail": Entry(
        "payers.change", "object", pk("payer"), method="PATCH", ok=(428,), phi=False
    ),
    "GET api:contact_list": Entry("payers.view", phi=False),
    "POST api:contact_list": Entry("payers.contacts", method="POST", ok=(422,), phi=False),
    "PATCH api:contact_detail": Entry(
        "payers.contacts", "object", pk("contact"), method="PATCH", ok=(428,), phi=False
    ),
    "GET api:call_list": Entry("calls.log", phi=True),
    "POST api:call_list": Entry("calls.log", method="POST", ok=(422,), phi=True),  # empty body
    "GET api:call_detail": Entry("calls.log", "object", pk("call"), phi=True),
    "PATCH api:call_detail": Entry(
        "calls.log", "object", pk("call"), method="PATCH", ok=(428,), phi=True
    ),
    "GET api:payer_rules": Entry("payers.view", "object", pk("payer"), phi=False),
    # the walk's payer has no versions yet: 404 for a version, and for a diff
    "GET api:payer_rule_version": Entry(
        "payers.view",
        "object",
        lambda w: {"pk": w.obj("payer").pk, "number": 1},
        ok=(404,),
        phi=False,
    ),
    "GET api:payer_rule_diff": Entry("payers.view", "object", pk("payer"), ok=(404,), phi=False),
    "POST api:payer_rule_versions": Entry(
        "payers.change", "object", pk("payer"), method="POST", ok=(422,), phi=False
    ),
    "POST api:payer_rule_revert": Entry(
        "payers.change", "object", pk("payer"), method="POST", ok=(422,), phi=False
    ),
    "POST api:scrub": Entry("claims.work", method="POST", ok=(400,), phi=True),  # empty body
    "GET api:codes_search": Entry("coding.work", phi=False),
    "GET api:fee_schedule_list": Entry("fees.view", phi=False),
    "GET api:fee_rows": Entry("fees.view", "object", pk("fee_schedule"), phi=False),
    "GET api:fee_charge": Entry("fees.view", ok=(422,), phi=False),  # no practice given
    "POST api:fee_import": Entry("fees.manage", method="POST", ok=(422,), phi=False),  # empty
    "POST api:encounter_list": Entry("coding.work", method="POST", ok=(422,), phi=True),  # empty
    "POST api:encounter_claim": Entry(
        "claims.work", "object", pk("encounter"), method="POST", ok=(201,), phi=True
    ),
    "GET api:claim_detail": Entry("claims.work", "object", pk("claim"), phi=True),
    "GET api:connection_list": Entry("practices.manage", phi=False),
    "POST api:connection_list": Entry("practices.manage", method="POST", ok=(422,), phi=False),
    "GET api:batch_list": Entry("claims.submit", phi=False),
    "POST api:batch_list": Entry("claims.submit", method="POST", ok=(422,), phi=False),  # empty
    "GET api:batch_detail": Entry("claims.submit", "object", batch, phi=True),
    "GET api:claim_events": Entry("claims.work", "object", pk("claim"), phi=True),
    "GET api:claim_837p": Entry("claims.work", "object", pk("claim"), phi=True),
    "GET api:claim_cms1500": Entry("claims.work", "object", pk("claim"), phi=True),
    # denials (issue 16): actions answer 302 (the page shows any refusal), the API 409
    # once the walk's first call has worked the denial
    "denials:list": Entry("worklists.claims", phi=True),
    "denials:detail": Entry("worklists.claims", "object", denial, phi=True),
    "denials:act": Entry("denials.work", "object", denial, method="POST", ok=(302, 400), phi=True),
    "denials:appeal_pdf": Entry("worklists.claims", "object", denial, ok=(200, 404), phi=True),
    "denials:proposals": Entry("payers.change", phi=False),
    "denials:proposal_decide": Entry(
        "payers.change", "object", proposal, method="POST", ok=(302,), phi=False
    ),
    "GET api:denial_list": Entry("worklists.claims", phi=True),
    "GET api:denial_detail": Entry("worklists.claims", "object", denial, phi=True),
    "GET api:denial_appeal_pdf": Entry(
        "worklists.claims", "object", denial, ok=(200, 404), phi=True
    ),
    "POST api:denial_correct": Entry(
        "denials.work", "object", denial, method="POST", ok=(200, 409, 422), phi=True
    ),
    "POST api:denial_void": Entry(
        "denials.work", "object", denial, method="POST", ok=(422,), phi=True
    ),
    "POST api:denial_appeal": Entry(
        "denials.work", "object", denial, method="POST", ok=(200, 409, 422), phi=True
    ),
    "POST api:denial_write_off": Entry(
        "denials.work", "object", denial, method="POST", ok=(422,), phi=True
    ),
    "GET api:denial_proposals": Entry("payers.change", phi=False),
    "POST api:denial_proposal_accept": Entry(
        "payers.change", "object", proposal, method="POST", ok=(200, 409, 422), phi=False
    ),
    "POST api:denial_proposal_dismiss": Entry(
        "payers.change", "object", proposal, method="POST", ok=(200, 409, 422), phi=False
    ),
    "remits:list": Entry("remittance.post", phi=False),
    "remits:unmatched": Entry("remittance.post", phi=True),
    "remits:detail": Entry("remittance.post", "object", remittance, phi=True),
    "remits:dry_run": Entry(
        "remittance.post", "object", remittance, method="POST", ok=(302,), phi=True
    ),
    "remits:post": Entry(
        "remittance.post", "object", remittance, method="POST", ok=(302,), phi=False
    ),
    "POST api:remittance_upload": Entry(  # no practice given
        "remittance.post", method="POST", ok=(422,), phi=False
    ),
    "GET api:remittance_unmatched": Entry("remittance.post", phi=True),
    # an empty form or body names what is missing (422)
    "remits:match": Entry("remittance.post", "object", unmatched, phi=True),
    "POST api:remittance_match": Entry(
        "remittance.post", "object", unmatched, method="POST", ok=(422,), phi=True
    ),
    "remits:rules": Entry("payers.view", phi=False),
    "remits:rules_set": Entry("payers.change", method="POST", ok=(422,), phi=False),
    "remits:rules_remove": Entry("payers.change", method="POST", ok=(422,), phi=False),
    "remits:rules_auto_post": Entry("payers.change", method="POST", ok=(422,), phi=False),
    "GET api:posting_rules": Entry("payers.view", phi=False),
    "PUT api:posting_rule": Entry(
        "payers.change", args=rule_key, method="PUT", ok=(422,), phi=False
    ),
    "DELETE api:posting_rule": Entry(
        "payers.change", args=rule_key, method="DELETE", ok=(422,), phi=False
    ),
    "GET api:remittance_detail": Entry("remittance.post", "object", remittance, phi=True),
    "POST api:remittance_post": Entry(
        "remittance.post", "object", remittance, method="POST", phi=True
    ),
    # queued (200), already queued (409) or refused by the day's scrub (422: the test
    # world's visit of 2026-01-15 is past its payer's filing limit on a later day)
    "POST api:claim_queue": Entry(
        "claims.work", "object", pk("claim"), method="POST", ok=(200, 409, 422), phi=True
    ),
    # the test world's claim is not sent (409) or the empty body names the reason (422)
    "POST api:claim_void": Entry(
        "claims.work", "object", pk("claim"), method="POST", ok=(409, 422), phi=True
    ),
    # eligibility (issue 15): a check and a batch of the home tenant, made on first use
    "eligibility:check": Entry("eligibility.check", "object", pk("coverage"), phi=True),
    "eligibility:detail": Entry("eligibility.check", "object", eligibility_check, phi=True),
    "eligibility:apply": Entry(
        "patients.change", "object", eligibility_check, method="POST", ok=(302,), phi=False
    ),
    "eligibility:batch": Entry("eligibility.check", phi=False),
    "eligibility:batch_detail": Entry("eligibility.check", "object", eligibility_batch, phi=True),
    "eligibility:batch_progress": Entry(
        "eligibility.check", "object", eligibility_batch, phi=False
    ),
    # no connection in the test world: the check is kept as failed (201), or the empty
    # body names the missing coverage (422)
    "POST api:eligibility_list": Entry("eligibility.check", method="POST", ok=(201, 422), phi=True),
    "GET api:eligibility_detail": Entry("eligibility.check", "object", eligibility_check, phi=True),
    "GET api:patient_eligibility": Entry("eligibility.check", "object", pk("patient"), phi=True),
    # prior authorizations (issue 15)
    "authorizations:patient": Entry("patients.view", "object", pk("patient"), phi=True),
    "authorizations:status": Entry(
        "patients.change", "object", authorization, method="POST", ok=(302,), phi=True
    ),
    # the walk's empty POST is refused with a message (tests/authorizations cover a 278)
    "authorizations:request": Entry(
        "patients.change", "object", pk("patient"), method="POST", ok=(302,), phi=True
    ),
    # no file kept in the walk: 404 (tests/authorizations cover a stored one)
    "authorizations:attachment": Entry(
        "patients.view", "object", lambda w: {"pk": 999999}, ok=(404,), phi=True
    ),
    "GET api:patient_authorizations": Entry("patients.view", "object", pk("patient"), phi=True),
    "POST api:authorization_list": Entry("patients.change", method="POST", ok=(201, 422), phi=True),
    "POST api:authorization_status": Entry(
        "patients.change", "object", authorization, method="POST", ok=(200, 422), phi=True
    ),
    "POST api:authorization_attach": Entry(
        "patients.change", "object", authorization, method="POST", ok=(201, 422), phi=True
    ),
    # the test world's claim is not sent: 409 naming why
    "POST api:claim_status": Entry(
        "claims.work", "object", pk("claim"), method="POST", ok=(409,), phi=True
    ),
    # patient balances and statements (tests/statements)
    "statements:runs": Entry("statements.work", phi=False),
    "statements:run": Entry("statements.work", "object", statement_run, phi=True),
    "statements:run_csv": Entry("statements.work", "object", statement_run, phi=True),
    "statements:pdf": Entry("patients.view", "object", statement, phi=True),
    "statements:pay": Entry("payments.take", "object", statement, phi=True),
    "statements:ledger": Entry("patients.view", "object", pk("patient"), phi=True),
    "statements:refunds": Entry("statements.work", phi=True),
    "statements:refund": Entry("statements.work", "object", pk("patient"), phi=True),
    "statements:settings": Entry("statements.work", "object", pk("practice"), phi=False),
    "GET api:statement_ledger": Entry("patients.view", "object", pk("patient"), phi=True),
    "GET api:statement_runs": Entry("statements.work", phi=False),
    "POST api:statement_runs": Entry(
        "statements.work", method="POST", ok=(422,), phi=True
    ),  # empty body
    "GET api:statement_run": Entry("statements.work", "object", statement_run, phi=True),
    "POST api:statement_payment": Entry(
        "payments.take", "object", statement, method="POST", ok=(422,), phi=True
    ),  # empty body
    "GET api:statement_credits": Entry("statements.work", phi=True),
    "POST api:statement_refund": Entry(
        "statements.work", "object", pk("patient"), method="POST", ok=(422,), phi=True
    ),  # empty body
}

#: Namespaces covered as a whole: every URL in them is for platform staff only.
STAFF_NAMESPACES = {"admin"}
STAFF_PREFIX = "django-admin/"
