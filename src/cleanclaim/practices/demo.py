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
from cleanclaim.practices.permissions import Role


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
    org, created = Organisation.objects.get_or_create(
        name="Demo Billing Service", defaults={"kind": Organisation.Kind.BILLING_SERVICE}
    )
    ctx.organisation = org
    ctx.note("organisations", created)
    for spec in PRACTICES:
        fields = {k: v for k, v in spec.items() if k not in {"providers", "locations"}}
        practice = Practice.objects.filter(organisation=org, npi=spec["npi"]).first()
        ctx.note("practices", practice is None)
        if practice is None:
            practice = Practice.objects.create(organisation=org, **fields)
        ctx.practices.append(practice)
        for first, last, cred, nine, taxonomy in spec["providers"]:
            _, made = RenderingProvider.objects.get_or_create(
                practice=practice,
                npi=demo_npi(nine),
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "credential": cred,
                    "taxonomy": taxonomy,
                },
            )
            ctx.note("rendering providers", made)
        for name, line1, city, zip_code, pos in spec["locations"]:
            _, made = ServiceLocation.objects.get_or_create(
                practice=practice,
                name=name,
                defaults={
                    "address_line1": line1,
                    "city": city,
                    "state": "OR",
                    "zip_code": zip_code,
                    "place_of_service": pos,
                },
            )
            ctx.note("service locations", made)
    _users(ctx, org)


def _users(ctx: Any, org: Organisation) -> None:
    from cleanclaim.web.demo import DOMAIN, PASSWORD

    for role in Role:
        email = f"{role.value.replace('_', '')}@{DOMAIN}"
        user = User.objects.filter(email=email).first()
        made = user is None
        if user is None:
            user = User.objects.create_user(
                email, PASSWORD, full_name=f"Demo {role.label.lower()}", organisation=org
            )
        ctx.note("users", made)
        for practice in ctx.practices:
            Membership.objects.get_or_create(user=user, practice=practice, defaults={"role": role})
