"""Domain actions for payer contacts and calls: each owns its transaction and
writes the audit entry in it. Updates are optimistic-locked
(:mod:`cleanclaim.tenancy.concurrency`, decision 0505)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, record_list, snapshot
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import StaleEdit, Versioned, check_version, save_versioned

__all__ = [
    "CALL_FIELDS",
    "CONTACT_FIELDS",
    "StaleEdit",
    "add_contact",
    "log_call",
    "mark_done",
    "update_call",
    "update_contact",
    "view_call",
    "view_calls",
]

Action = AuditEntry.Action

#: What a contact's editor may change.
CONTACT_FIELDS = frozenset({"role", "name", "phone", "email", "hours", "notes", "active"})
#: What a call's editor may change (its practice, payer and patient are fixed once logged).
CALL_FIELDS = frozenset(
    {"called_at", "claim_number", "contact", "reached", "reference", "learned"}
    | {"follow_up_on", "done"}
)


def _check_names(func: str, fields: Iterable[str], allowed: frozenset[str]) -> None:
    for name in fields:
        if name not in allowed:
            raise ValueError(f"{func}: {name!r} is not a field it changes")


def _update(
    actor: Actor, obj: Versioned, expected_version: int | None, fields: dict[str, Any], *, noun: str
) -> Any:
    model = type(obj)
    audited: tuple[str, ...] = model.audited_fields  # type: ignore[attr-defined]
    locked = model._default_manager.select_for_update().get(pk=obj.pk)
    expected = check_version(locked, expected_version, fields, noun=noun)
    before = snapshot(locked, audited)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = diff(before, snapshot(locked, audited))
    if changes:
        save_versioned(locked, expected, changes, noun=noun)
        record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
    return locked


@transaction.atomic
def add_contact(actor: Actor, payer: Payer, **fields: Any) -> Contact:
    _check_names("add_contact", fields, CONTACT_FIELDS)
    contact = Contact(payer=payer, **fields)
    contact.save()
    record(actor, Action.CREATE, contact, changes=snapshot(contact, Contact.audited_fields))
    return contact


@transaction.atomic
def update_contact(
    actor: Actor, contact: Contact, *, expected_version: int | None = None, **fields: Any
) -> Contact:
    """Change a contact (``active=False`` deactivates it); :class:`StaleEdit` when
    someone saved since ``expected_version``."""
    _check_names("update_contact", fields, CONTACT_FIELDS)
    saved: Contact = _update(actor, contact, expected_version, fields, noun="contact")
    return saved


@transaction.atomic
def log_call(actor: Actor, practice: Practice, payer: Payer, **fields: Any) -> Call:
    """Log a call made for ``practice`` to ``payer`` (``patient=`` optional, of that practice)."""
    _check_names("log_call", fields, CALL_FIELDS | {"patient"})
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    call = Call(practice=practice, payer=payer, logged_by=user, **fields)
    call.save()
    record(actor, Action.CREATE, call, changes=snapshot(call, Call.audited_fields))
    return call


@transaction.atomic
def update_call(
    actor: Actor, call: Call, *, expected_version: int | None = None, **fields: Any
) -> Call:
    _check_names("update_call", fields, CALL_FIELDS)
    saved: Call = _update(actor, call, expected_version, fields, noun="call")
    return saved


def mark_done(actor: Actor, call: Call, *, expected_version: int | None = None) -> Call:
    """The follow-up is done: the call leaves the follow-up list."""
    return update_call(actor, call, expected_version=expected_version, done=True)


def view_call(actor: Actor, call: Call) -> Call:
    """Record that ``actor`` read the call (it may name a patient)."""
    record(actor, Action.READ, call)
    return call


def view_calls(actor: Actor, calls: list[Call], *, query: str = "") -> list[Call]:
    """Record a list of calls shown (the payer's calls, the follow-up list)."""
    record_list(actor, Call, calls, query=query)
    return calls
