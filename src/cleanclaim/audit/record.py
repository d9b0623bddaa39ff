"""Writing audit entries. Domain actions and the read paths call these.

Every entry written is also noted for the code that asked for it: the web request
being served (:func:`tracking`, opened by :class:`cleanclaim.audit.phi.PHIAuditMiddleware`,
which checks that a response showing PHI wrote an entry), and the change fallback of
:mod:`cleanclaim.audit.signals` (an instance whose create/update/delete is recorded here
is flagged, and not recorded again as a "system" change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from django.db import models

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry

#: The entries written while serving the current request (None outside a request).
_request_entries: ContextVar[list[int] | None] = ContextVar("audit_request_entries", default=None)
#: Set on a model instance whose change an action recorded (read by the signal fallback).
RECORDED = "_audit_change_recorded"

CHANGE_ACTIONS = frozenset(
    {AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE, AuditEntry.Action.DELETE}
)


@contextmanager
def tracking() -> Iterator[list[int]]:
    """Collect the ids of the entries written inside the block (one web request)."""
    written: list[int] = []
    token = _request_entries.set(written)
    try:
        yield written
    finally:
        _request_entries.reset(token)


def in_request() -> bool:
    """True while a web request is being served (its entries are tracked)."""
    return _request_entries.get() is not None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The audited field values of ``obj``, JSON-ready."""
    return {name: _jsonable(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value changed."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def practice_of(obj: models.Model) -> Any:
    for path in ("practice", "patient"):
        target = getattr(obj, path, None)
        if target is not None:
            return target if path == "practice" else target.practice
    return None


def record(
    actor: Actor,
    action: str,
    obj: models.Model,
    *,
    changes: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry about ``obj``."""
    practice = practice_of(obj)
    label_fn = getattr(obj, "audit_label", None)
    if action in CHANGE_ACTIONS:
        setattr(obj, RECORDED, True)  # on the instance: nothing outlives it
    return _write(
        actor,
        action,
        model=obj._meta.label,
        object_pk=str(obj.pk),
        object_label=label_fn() if callable(label_fn) else str(obj),
        practice=practice,
        changes=changes or {},
        context=context or {},
    )


def record_each(
    actor: Actor,
    action: str,
    objs: Iterable[models.Model],
    changes: Callable[[models.Model], dict[str, Any]],
) -> list[AuditEntry]:
    """One entry per object, as :func:`record` writes them, inserted in one statement
    (a batch of thousands of claims built together)."""
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    label = getattr(user, "email", "") or actor.label or f"({actor.via})"
    entries = []
    for obj in objs:
        practice = practice_of(obj)
        label_fn = getattr(obj, "audit_label", None)
        if action in CHANGE_ACTIONS:
            setattr(obj, RECORDED, True)
        entries.append(
            AuditEntry(
                user=user,
                user_label=label,
                organisation_id=(
                    practice.organisation_id
                    if practice is not None
                    else getattr(user, "organisation_id", None)
                ),
                practice=practice,
                ip=actor.ip,
                user_agent=actor.user_agent,
                action=action,
                model=obj._meta.label,
                object_pk=str(obj.pk),
                object_label=(label_fn() if callable(label_fn) else str(obj))[:200],
                changes=changes(obj),
                context={},
                via=actor.via,
            )
        )
    made = AuditEntry.objects.bulk_create(entries, batch_size=2000)
    written = _request_entries.get()
    if written is not None:
        written.extend(e.pk for e in made)
    return made


def record_list(
    actor: Actor,
    model: type[models.Model],
    shown: Iterable[models.Model],
    *,
    query: str = "",
) -> AuditEntry:
    """One READ entry for a list or search page: the query and the rows shown."""
    pks = [str(o.pk) for o in shown]
    return _write(
        actor,
        AuditEntry.Action.READ,
        model=model._meta.label,
        object_pk="",
        object_label=f"list of {len(pks)} {model._meta.verbose_name_plural}",
        practice=None,
        changes={},
        context={"query": query, "shown": pks},
    )


def record_event(
    actor: Actor,
    action: str,
    *,
    model: str,
    label: str,
    context: dict[str, Any] | None = None,
    practice: Any = None,
    object_pk: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry described field by field: a page of the audit trail, an export,
    a refused upload, a response recorded by the PHI fallback, a change made outside
    the actions (whose row may be gone)."""
    return _write(
        actor,
        action,
        model=model,
        object_pk=object_pk,
        object_label=label,
        practice=practice,
        changes=changes or {},
        context=context or {},
    )


def _write(
    actor: Actor,
    action: str,
    *,
    model: str,
    object_pk: str,
    object_label: str,
    practice: Any,
    changes: dict[str, Any],
    context: dict[str, Any],
) -> AuditEntry:
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    organisation_id = getattr(user, "organisation_id", None)
    if practice is not None:
        organisation_id = practice.organisation_id
    entry = AuditEntry.objects.create(
        user=user,
        user_label=getattr(user, "email", "") or actor.label or f"({actor.via})",
        organisation_id=organisation_id,
        practice=practice,
        ip=actor.ip,
        user_agent=actor.user_agent,
        action=action,
        model=model,
        object_pk=object_pk,
        object_label=object_label[:200],
        changes=changes,
        context=context,
        via=actor.via,
    )
    written = _request_entries.get()
    if written is not None:
        written.append(entry.pk)
    return entry
