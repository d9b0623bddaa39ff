"""Demo step: contacts at the demo payers and a few logged calls, one with its
follow-up due (so a biller's home page has something to work).

Phone numbers are in the 555-01xx range reserved for fiction. Dates are set
relative to the day the demo is first built; a re-run finds the calls by key
and changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.patients.models import Patient
from cleanclaim.payercalls import actions
from cleanclaim.payercalls.models import Call, Contact

CONTACTS: list[dict[str, Any]] = [
    {
        "key": "medicare-pr",
        "payer": "medicare",
        "role": Contact.Role.PROVIDER_RELATIONS,
        "name": "Provider contact center",
        "phone": "800-555-0101",
        "hours": "Mon-Fri 8:00-16:00 Pacific",
        "notes": "Have the NPI, PTAN and TIN ready; the IVR asks for them first.",
    },
    {
        "key": "medicare-enroll",
        "payer": "medicare",
        "role": Contact.Role.CREDENTIALING,
        "name": "Provider enrollment",
        "phone": "800-555-0102",
        "hours": "Mon-Fri 8:00-16:00 Pacific",
    },
    {
        "key": "cascade-claims",
        "payer": "cascade",
        "role": Contact.Role.CLAIMS,
        "name": "Dana Whitfield",
        "phone": "503-555-0123",
        "email": "claims@cascade.example",
        "hours": "Mon-Fri 7:30-17:00 Pacific",
        "notes": "Direct line of the claims team lead.",
    },
    {
        "key": "summit-pr",
        "payer": "summit",
        "role": Contact.Role.PROVIDER_RELATIONS,
        "name": "Marcus Lee",
        "phone": "206-555-0145",
        "email": "providers@summit.example",
    },
]

#: (key, payer, contact key, patient account, days ago, reference, learned,
#:  follow up in days (None: no follow-up), done)
CALLS: list[tuple[str, str, str | None, str | None, int, str, str, int | None, bool]] = [
    (
        "cascade-referral",
        "cascade",
        "cascade-claims",
        "RF00003",
        9,
        "CHI-240117-5521",
        "Claim pended: a referral from the primary care physician must be on file before "
        "specialist visits are paid. Send the referral by fax and call back.",
        -2,
        False,
    ),
    (
        "medicare-reopening",
        "medicare",
        "medicare-pr",
        None,
        20,
        "MAC-88213",
        "Corrected claims are not accepted electronically: a wrong modifier is fixed "
        "through a telephone or written reopening, not a frequency code 7 claim.",
        None,
        False,
    ),
    (
        "summit-fax",
        "summit",
        "summit-pr",
        None,
        3,
        "SMH-0412",
        "Appeal fax number changed; new one confirmed by provider relations.",
        10,
        False,
    ),
]


def build(ctx: Any) -> None:
    actor = Actor(user=None, via="demo")
    contacts: dict[str, Contact | None] = {}
    for spec in CONTACTS:
        payer = ctx.payers.get(spec["payer"])
        fields = {k: v for k, v in spec.items() if k not in ("key", "payer")}
        if payer is None:  # a demo payer a person removed
            continue
        contacts[spec["key"]], _ = ctx.ensure(
            "payer contacts",
            f"contact:{spec['key']}",
            Contact,
            find=lambda payer=payer, name=spec["name"]: Contact.objects.filter(
                payer=payer, name=name
            ).first(),
            create=lambda payer=payer, fields=fields: actions.add_contact(actor, payer, **fields),
        )
    if not ctx.practices:
        return
    practice = ctx.practices[0]
    now = timezone.now().replace(second=0, microsecond=0)
    today = timezone.localdate()
    for key, payer_key, contact_key, account, ago, ref, learned, follow, done in CALLS:
        payer = ctx.payers.get(payer_key)
        if payer is None:
            continue
        patient = (
            Patient.objects.filter(practice=practice, account_number=account).first()
            if account
            else None
        )
        fields: dict[str, Any] = {
            "called_at": now - dt.timedelta(days=ago),
            "contact": contacts.get(contact_key) if contact_key else None,
            "reference": ref,
            "learned": learned,
            "follow_up_on": today + dt.timedelta(days=follow) if follow is not None else None,
            "done": done,
            "patient": patient,
        }
        ctx.ensure(
            "payer calls",
            f"call:{key}",
            Call,
            find=lambda payer=payer, ref=ref: Call.objects.filter(
                practice=practice, payer=payer, reference=ref
            ).first(),
            create=lambda payer=payer, fields=fields: actions.log_call(
                actor, practice, payer, **fields
            ),
        )
