"""The demo organisation: enough real-looking data for every screen.

``build()`` runs the steps in ``STEPS`` in order inside one transaction; each
step is ``"module:function"`` taking the shared :class:`DemoContext` and
creating only what is missing (natural keys, never blind inserts), so running
the demo twice changes nothing. A later capability extends the demo by adding
one line to ``STEPS`` (e.g. ``"cleanclaim.claims.demo:build"``).

Everything is synthetic: names come from a seeded pseudo-random generator,
NPIs are made valid with :func:`cleanclaim.npi.check_digit` and are not
those of real providers.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

ORGANISATION = "Demo Billing Service"
DOMAIN = "demo.test"
PASSWORD = "cleanclaim-demo"

STEPS: list[str] = [
    "cleanclaim.practices.demo:build",
    "cleanclaim.payers.demo:build",
    "cleanclaim.patients.demo:build",
]


@dataclass
class DemoContext:
    """What the steps share: the organisation, its practices and payers, and counts."""

    organisation: Any = None
    practices: list[Any] = field(default_factory=list)
    payers: dict[str, Any] = field(default_factory=dict)
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)

    def note(self, what: str, created: bool) -> None:
        (self.created if created else self.existing)[what] += 1

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.existing))
        out = [f"demo: {ORGANISATION}"]
        for name in names:
            out.append(
                f"  {name}: {self.created[name]} created, {self.existing[name]} already there"
            )
        return out


def build(on_step: Callable[[str], None] | None = None) -> DemoContext:
    """Run every step in one transaction; ``on_step(name)`` is told as each one finishes."""
    ctx = DemoContext()
    with transaction.atomic():
        for step in STEPS:
            module_name, func = step.split(":")
            getattr(importlib.import_module(module_name), func)(ctx)
            if on_step is not None:
                on_step(step)
    return ctx


def exists() -> bool:
    from django.db.utils import DatabaseError

    from cleanclaim.practices.models import Organisation

    try:
        return Organisation.objects.filter(name=ORGANISATION).exists()
    except DatabaseError:
        return False


def is_demo_user(user: Any) -> bool:
    """A user of the demo (their email is at the demo's domain)."""
    return str(getattr(user, "email", "")).lower().endswith(f"@{DOMAIN}")


def logins() -> list[tuple[str, str]]:
    """(email, role label) of the demo users, one per role."""
    from cleanclaim.practices.permissions import Role

    return [(f"{role.value.replace('_', '')}@{DOMAIN}", str(role.label)) for role in Role]


def logins_text() -> str:
    lines = [f"Demo logins (password for all: {PASSWORD}):"]
    for email, role in logins():
        lines.append(f"  {email:<22} {role}")
    return "\n".join(lines)
