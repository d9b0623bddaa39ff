"""Test personas: two organisations that must never see each other.

Northside Billing (the home organisation) runs two practices, *Northside
Family Practice* (where the role users work) and *Northside Pediatrics*
(where nobody but ``multi`` works: practice-level scoping inside one
organisation). Southside Clinic is the outsider with one user per role.
Every name below is a *marker*: a test that finds Northside markers in a page
served to a Southside user has found a leak.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.test import Client
from django.test.client import ClientMixin
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.npi import check_digit
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import (
    Membership,
    Organisation,
    Practice,
    RenderingProvider,
    ServiceLocation,
    User,
)
from cleanclaim.tenancy.permissions import Role


def npi(first_nine: str) -> str:
    return first_nine + str(check_digit(first_nine))


@dataclass
class Tenant:
    organisation: Organisation
    practice: Practice
    other_practice: Practice | None
    payer: Payer
    patient: Patient
    other_patient: Patient | None
    coverage: Coverage
    provider: RenderingProvider
    location: ServiceLocation
    users: dict[Role, User] = field(default_factory=dict)
    markers: list[str] = field(default_factory=list)
    contact: Contact | None = None
    #: A call about ``patient`` with its follow-up due (on the follow-up list).
    call: Call | None = None
    #: The practice's fee schedule (in force from 2026-01-01) and one of its rows.
    fee_schedule: FeeSchedule | None = None
    fee: Fee | None = None
    #: A coded visit of ``patient`` and the claim built from it.
    encounter: Any = None
    claim: Any = None


@dataclass
class World:
    home: Tenant
    outsider: Tenant
    staff: User

    def obj(self, name: str) -> Any:
        """An object of the home tenant by attribute name (used by the URL registry);
        ``user_<role>`` names the home user holding that role."""
        if name.startswith("user_"):
            return self.home.users[Role(name.removeprefix("user_"))]
        return getattr(self.home, name)


def _practice(org: Organisation, name: str, nine: str, tin: str) -> Practice:
    return Practice.objects.create(
        organisation=org,
        name=name,
        legal_name=name.upper(),
        npi=npi(nine),
        tin=tin,
        taxonomy="207Q00000X",
        address_line1="1 Main Street",
        city="Portland",
        state="OR",
        zip_code="97201-1234",
    )


def _patient(practice: Practice, first: str, last: str, account: str) -> Patient:
    return Patient.objects.create(
        practice=practice,
        account_number=account,
        first_name=first,
        last_name=last,
        date_of_birth=dt.date(1950, 5, 17),
        sex="F",
        address_line1="9 Elm Street",
        city="Portland",
        state="OR",
        zip_code="97201",
    )


def _tenant(prefix: str, org_name: str, nine: int, with_second: bool) -> Tenant:
    org = Organisation.objects.create(name=org_name, kind=Organisation.Kind.BILLING_SERVICE)
    practice = _practice(org, f"{prefix} Family Practice", f"{nine}00001", f"{nine}00001")
    other = (
        _practice(org, f"{prefix} Pediatrics", f"{nine}00002", f"{nine}00002")
        if with_second
        else None
    )
    payer = Payer.objects.create(
        organisation=org,
        name=f"{prefix} Mutual",
        payer_id=f"{prefix[:3].upper()}01",
        kind=Payer.Kind.COMMERCIAL,
        timely_amount=180,
    )
    patient = _patient(practice, f"{prefix}ina", f"{prefix}son", f"{prefix[:2].upper()}001")
    other_patient = (
        _patient(other, f"{prefix}ella", f"{prefix}berg", f"{prefix[:2].upper()}002")
        if other
        else None
    )
    coverage = Coverage.objects.create(
        patient=patient,
        payer=payer,
        priority=1,
        member_id=f"{prefix.upper()}MEMBER1",
        effective_date=dt.date(2025, 1, 1),
    )
    provider = RenderingProvider.objects.create(
        practice=practice,
        first_name="Pat",
        last_name=f"{prefix}doc",
        npi=npi(f"{nine}00011"),
        taxonomy="207Q00000X",
    )
    location = ServiceLocation.objects.create(
        practice=practice,
        name=f"{prefix} main office",
        address_line1="1 Main Street",
        city="Portland",
        state="OR",
        zip_code="97201-1234",
        place_of_service="11",
    )
    tenant = Tenant(
        org, practice, other, payer, patient, other_patient, coverage, provider, location
    )
    tenant.contact = Contact.objects.create(
        payer=payer,
        role=Contact.Role.PROVIDER_RELATIONS,
        name=f"{prefix} Rep Quinby",
        phone="503-555-0100",
        hours="Mon-Fri 8-5",
    )
    tenant.call = Call.objects.create(
        practice=practice,
        payer=payer,
        called_at=dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC),
        patient=patient,
        contact=tenant.contact,
        reference=f"{prefix[:3].upper()}-REF-77",
        learned=f"{prefix} needs the referral on file",
        follow_up_on=dt.date(2026, 1, 12),
    )
    tenant.fee_schedule = FeeSchedule.objects.create(
        practice=practice, name=f"{prefix} Standard Fees", effective_from=dt.date(2026, 1, 1)
    )
    tenant.fee = Fee.objects.create(
        schedule=tenant.fee_schedule, code="99213", charge=Decimal("120.00")
    )
    _visit_and_claim(tenant)
    for role in Role:
        user = User.objects.create_user(
            f"{role.value}@{prefix.lower()}.test", None, organisation=org
        )
        Membership.objects.create(user=user, practice=practice, role=role)
        tenant.users[role] = user
    tenant.markers = [
        org.name,
        practice.name,
        payer.name,
        patient.last_name,
        coverage.member_id,
        provider.last_name,
        location.name,
        practice.npi,
        tenant.contact.name,
        tenant.call.reference,
        tenant.call.learned,
        tenant.fee_schedule.name,
        *(u.email for u in tenant.users.values()),
    ]
    if other_patient is not None:
        tenant.markers.append(other_patient.last_name)
    return tenant


def _visit_and_claim(tenant: Tenant) -> None:
    """A visit of the tenant's patient (hypertension, an office visit) and its claim, made
    as the other world objects are (rows, no audit entries): the claim has its ``created``
    event and is to be scrubbed."""
    from decimal import Decimal

    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims import events
    from cleanclaim.claims.models import Claim, ClaimLine, Encounter, EncounterLine

    day = dt.date(2026, 1, 15)
    encounter = Encounter.objects.create(
        practice=tenant.practice,
        patient=tenant.patient,
        rendering_provider=tenant.provider,
        location=tenant.location,
        place_of_service=tenant.location.place_of_service,
        service_from=day,
        service_to=day,
        coverage=tenant.coverage,
        diagnoses=["I10"],
    )
    charge = Decimal("125.00")
    EncounterLine.objects.create(
        encounter=encounter, number=1, procedure="99213", charge=charge, pointers=["A"]
    )
    claim = Claim.objects.create(
        practice=tenant.practice,
        encounter=encounter,
        patient=tenant.patient,
        coverage=tenant.coverage,
        payer=tenant.payer,
        rendering_provider=tenant.provider,
        location=tenant.location,
        place_of_service=encounter.place_of_service,
        service_from=day,
        service_to=day,
        diagnoses=["I10"],
        total_charge=charge,
    )
    claim.number = f"CC{claim.pk:08d}"
    Claim.objects.filter(pk=claim.pk).update(number=claim.number)
    ClaimLine.objects.create(
        claim=claim,
        number=1,
        procedure="99213",
        units=1,
        charge=charge,
        pointers=[1],
        service_date=day,
    )
    events.append(Actor.process(), claim, events.Kind.CREATED, {"encounter": encounter.pk})
    tenant.encounter, tenant.claim = encounter, claim


def build_world() -> World:
    """Both organisations with their users (passwords unusable: log in with force_login)."""
    home = _tenant("Northside", "Northside Billing", 1234, with_second=True)
    outsider = _tenant("Southside", "Southside Clinic", 1567, with_second=False)
    staff = User.objects.create_superuser("operator@platform.test", None)
    return World(home=home, outsider=outsider, staff=staff)


def verified_login(client: Client, user: User) -> None:
    """``force_login`` plus a passed second factor: the session is marked verified
    with a confirmed TOTP device (made for the test when the user has none), as
    ``django_otp.login`` does after a right code. ``tests/conftest.py`` makes the
    test client's ``force_login`` do this, so tests about other things sign in as
    before; the tests of the second factor sign in through the real pages."""
    ClientMixin.force_login(client, user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test device", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
