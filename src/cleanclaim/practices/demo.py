"""Demo step: the organisation, two practices, providers, locations and one user per role."""

from __future__ import annotations

from typing import Any

from cleanclaim.npi import check_digit
from cleanclaim.practices.models import (
    Membership,
    Organisation,
    Practice,
    RenderingProvider,
    ServiceLocation,
    User,
)
from cleanclaim.tenancy.permissions import Role

#: The demo organisation and its logins (``<role>@demo.test``); the password is refused
#: everywhere outside the demo (practices.passwords) and in production (web.demo).
ORGANISATION = "Demo Billing Service"
DOMAIN = "demo.test"
PASSWORD = "cleanclaim-demo"


def demo_npi(first_nine: str) -> str:
    """A syntactically valid NPI (correct Luhn check digit) for synthetic data."""
    return first_nine + str(check_digit(first_nine))


PRACTICES: list[dict[str, Any]] = [
    {
        "name": "Riverside Family Medicine",
        "legal_name": "RIVERSIDE FAMILY MEDICINE PC",
        "npi": demo_npi("190000001"),
        "tin": "931234501",
        "taxonomy": "207Q00000X",  # family medicine
        "address_line1": "1200 River Road",
        "city": "Salem",
        "state": "OR",
        "zip_code": "97301-4321",
        "phone": "5035550100",
        "providers": [
            ("Ana", "Okafor", "MD", "190000101", "207Q00000X"),
            ("Ben", "Lindqvist", "DO", "190000102", "207Q00000X"),
            ("Carla", "Mendes", "NP", "190000103", "363LF0000X"),
        ],
        "locations": [
            ("Riverside main office", "1200 River Road", "Salem", "97301-4321", "11"),
            ("Riverside telehealth", "1200 River Road", "Salem", "97301-4321", "10"),
        ],
    },
    {
        "name": "Hillcrest Orthopedics",
        "legal_name": "HILLCREST ORTHOPEDICS LLC",
        "npi": demo_npi("190000002"),
        "tin": "931234502",
        "taxonomy": "207X00000X",  # orthopaedic surgery
        "address_line1": "45 Summit Avenue",
        "address_line2": "Suite 300",
        "city": "Eugene",
        "state": "OR",
        "zip_code": "97401-2200",
        "phone": "5415550199",
        "providers": [
            ("David", "Nakamura", "MD", "190000201", "207X00000X"),
            ("Elena", "Rossi", "MD", "190000202", "207XS0114X"),
        ],
        "locations": [
            ("Hillcrest clinic", "45 Summit Avenue", "Eugene", "97401-2200", "11"),
            ("Valley outpatient surgery", "800 Mill Street", "Eugene", "97401-3311", "22"),
        ],
    },
]


def build(ctx: Any) -> None:

    org, _ = ctx.ensure(
        "organisations",
        "organisation",
        Organisation,
        find=lambda: Organisation.objects.filter(name=ORGANISATION).first(),
        create=lambda: Organisation.objects.create(
            name=ORGANISATION, kind=Organisation.Kind.BILLING_SERVICE
        ),
    )
    ctx.organisation = org
    # One entry per spec, None for a practice a person removed, so indexes hold.
    ctx.practices.extend(_practice(ctx, org, spec) for spec in PRACTICES)
    _users(ctx, org)


def _practice(ctx: Any, org: Organisation, spec: dict[str, Any]) -> Practice | None:
    fields = {k: v for k, v in spec.items() if k not in {"providers", "locations"}}
    practice: Practice | None
    practice, _ = ctx.ensure(
        "practices",
        f"practice:{spec['npi']}",
        Practice,
        find=lambda: Practice.objects.filter(organisation=org, npi=spec["npi"]).first(),
        create=lambda: Practice.objects.create(organisation=org, **fields),
    )
    if practice is None:
        return None
    for first, last, cred, nine, taxonomy in spec["providers"]:
        npi = demo_npi(nine)
        ctx.ensure(
            "rendering providers",
            f"provider:{npi}",
            RenderingProvider,
            find=lambda npi=npi: RenderingProvider.objects.filter(
                practice=practice, npi=npi
            ).first(),
            create=lambda first=first, last=last, cred=cred, npi=npi, taxonomy=taxonomy: (
                RenderingProvider.objects.create(
                    practice=practice,
                    npi=npi,
                    first_name=first,
                    last_name=last,
                    credential=cred,
                    taxonomy=taxonomy,
                )
            ),
        )
    for name, line1, city, zip_code, pos in spec["locations"]:
        ctx.ensure(
            "service locations",
            f"location:{spec['npi']}:{name}",
            ServiceLocation,
            find=lambda name=name: ServiceLocation.objects.filter(
                practice=practice, name=name
            ).first(),
            create=lambda name=name, line1=line1, city=city, zip_code=zip_code, pos=pos: (
                ServiceLocation.objects.create(
                    practice=practice,
                    name=name,
                    address_line1=line1,
                    city=city,
                    state="OR",
                    zip_code=zip_code,
                    place_of_service=pos,
                )
            ),
        )
    return practice


def _users(ctx: Any, org: Organisation) -> None:
    """One login per role, with a role at each demo practice when it is created.

    An existing demo user is left exactly as a person left it: its roles (a
    revoked one stays revoked), whether it may sign in, and its password.
    """

    for role in Role:
        email = f"{role.value.replace('_', '')}@{DOMAIN}"
        user, made = ctx.ensure(
            "users",
            f"user:{role.value}",
            User,
            find=lambda email=email: User.objects.filter(email=email).first(),
            create=lambda email=email, role=role: User.objects.create_user(
                email, PASSWORD, full_name=f"Demo {role.label.lower()}", organisation=org
            ),
        )
        if not made:
            continue
        for practice in ctx.practices:
            if practice is not None:
                Membership.objects.create(user=user, practice=practice, role=role)
