"""The demo organisation: enough real-looking data for every screen.

``build()`` runs the steps in ``STEPS`` in order inside one transaction; each
step is ``"module:function"`` taking the shared :class:`DemoContext` and
creating only what is missing, through :meth:`DemoContext.ensure`: every demo
object has a stable key (``patient:RF00001``) recorded in
:class:`~cleanclaim.web.models.DemoObject` when it is created. A re-run finds
its objects by that key, so it never changes, duplicates or brings back what a
person has edited, renamed, re-numbered or removed (a revoked role stays
revoked); running the demo twice changes nothing. A later capability extends the demo by adding
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
from typing import Any, TypeVar

from django.db import transaction

from cleanclaim.practices.demo import DOMAIN, ORGANISATION, PASSWORD

M = TypeVar("M")

STEPS: list[str] = [
    "cleanclaim.practices.demo:build",
    "cleanclaim.payers.demo:build",
    "cleanclaim.patients.demo:build",
    "cleanclaim.payercalls.demo:build",
    "cleanclaim.payerrules.demo:build",
    "cleanclaim.fees.demo:build",
    "cleanclaim.claims.demo:build",
    "cleanclaim.appointments.demo:build",
    "cleanclaim.authorizations.demo:build",
    "cleanclaim.clearinghouses.demo:build",
    "cleanclaim.clearinghouses.demo_answers:build",
    "cleanclaim.web.demo_statements:build",
]


@dataclass
class DemoContext:
    """What the steps share: the organisation, its practices and payers, and counts."""

    organisation: Any = None
    practices: list[Any] = field(default_factory=list)
    payers: dict[str, Any] = field(default_factory=dict)
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)
    #: key → primary key of every object a demo run has created (DemoObject).
    known: dict[str, str] = field(default_factory=dict)

    def note(self, what: str, created: bool) -> None:
        (self.created if created else self.existing)[what] += 1

    def ensure(
        self,
        what: str,
        key: str,
        model: type[M],
        create: Callable[[], M],
        find: Callable[[], M | None] = lambda: None,
    ) -> tuple[M | None, bool]:
        """The demo's object for ``key`` and whether this run created it.

        Found by key when an earlier run made it, whatever a person has changed
        since; None when a person has deleted it (the demo does not bring it
        back). A key never recorded is looked up with ``find`` (a demo built
        before keys were recorded) and adopted as it is, or made with ``create``.
        """
        from cleanclaim.web.models import DemoObject

        manager = model._default_manager  # type: ignore[attr-defined]
        if key in self.known:
            self.note(what, False)
            return manager.filter(pk=self.known[key]).first(), False
        obj = find()
        made = obj is None
        if obj is None:
            obj = create()
        pk = str(obj.pk)  # type: ignore[attr-defined]
        DemoObject.objects.create(key=key, model=model._meta.label, object_pk=pk)  # type: ignore[attr-defined]
        self.known[key] = pk
        self.note(what, made)
        return obj, made

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
    from cleanclaim.web.models import DemoObject

    ctx = DemoContext()
    with transaction.atomic():
        ctx.known = dict(DemoObject.objects.values_list("key", "object_pk"))
        for step in STEPS:
            module_name, func = step.split(":")
            getattr(importlib.import_module(module_name), func)(ctx)
            if on_step is not None:
                on_step(step)
    return ctx


def exists() -> bool:
    from django.db.utils import DatabaseError

    from cleanclaim.practices.models import Organisation
    from cleanclaim.web.models import DemoObject

    try:
        return (
            DemoObject.objects.filter(key="organisation").exists()
            or Organisation.objects.filter(name=ORGANISATION).exists()
        )
    except DatabaseError:
        return False


def is_demo_user(user: Any) -> bool:
    """A user of the demo (their email is at the demo's domain)."""
    return str(getattr(user, "email", "")).lower().endswith(f"@{DOMAIN}")


def logins() -> list[tuple[str, str]]:
    """(email, role label) of the demo users, one per role."""
    from cleanclaim.tenancy.permissions import Role

    return [(f"{role.value.replace('_', '')}@{DOMAIN}", str(role.label)) for role in Role]


def logins_text() -> str:
    lines = [f"Demo logins (password for all: {PASSWORD}):"]
    for email, role in logins():
        lines.append(f"  {email:<22} {role}")
    return "\n".join(lines)
