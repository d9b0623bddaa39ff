"""The fallback for changes made outside the app's actions (``manage shell``, scripts).

The domain actions record every change they make (``record(...)`` in the action's
transaction). A row of an audited model (one that declares ``audited_fields``:
patients, coverage) saved or deleted any other way gets an entry here, with the
actor ``system: <process>`` (:meth:`Actor.process`) and the audited field values.

How double entries are avoided: a change is checked when its transaction commits
(``transaction.on_commit``; the last save of an instance decides); by then the action
that made it has called ``record``, which flagged the instance
(:data:`cleanclaim.audit.record.RECORDED`). The flags live on the instance, so nothing
outlives it. Changes made while a web request is served are the app's own (every
write path is an action) and are left to it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import RECORDED, in_request, practice_of, record_event, snapshot

DISPATCH = "cleanclaim.audit.signals"
#: The latest check of an instance's change waiting for the commit (an object compared by
#: identity: a later save of the instance supersedes an earlier check).
PENDING = "_audit_change_pending"


def audited_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if getattr(m, "audited_fields", None)]


def connect() -> None:
    for model in audited_models():
        post_save.connect(_saved, sender=model, dispatch_uid=f"{DISPATCH}.save.{model._meta.label}")
        post_delete.connect(
            _deleted, sender=model, dispatch_uid=f"{DISPATCH}.delete.{model._meta.label}"
        )


def _saved(sender: type[models.Model], instance: models.Model, created: bool, **kw: Any) -> None:
    if kw.get("raw") or in_request():
        return  # loaddata of a fixture; or the app itself, whose actions record
    action = AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE
    _check_at_commit(instance, action, kw.get("using"))


def _deleted(sender: type[models.Model], instance: models.Model, **kw: Any) -> None:
    if in_request():
        return
    _check_at_commit(instance, AuditEntry.Action.DELETE, kw.get("using"))


def _check_at_commit(instance: models.Model, action: str, using: str | None) -> None:
    """Note what the row was now (a deleted row is gone by commit time); decide then."""
    token = object()
    setattr(instance, PENDING, token)
    label_fn = getattr(instance, "audit_label", None)
    entry = {
        "model": instance._meta.label,
        "object_pk": str(instance.pk),
        "label": label_fn() if callable(label_fn) else str(instance),
        "practice": practice_of(instance),
        "changes": snapshot(instance, type(instance).audited_fields),  # type: ignore[attr-defined]
    }
    check = partial(_record_unless_recorded, instance, token, action, entry)
    transaction.on_commit(check, using)


def _record_unless_recorded(
    instance: models.Model, token: object, action: str, entry: dict[str, Any]
) -> None:
    if getattr(instance, PENDING, None) is not token:
        return  # saved again in the same transaction: the last check decides
    if getattr(instance, RECORDED, False):  # the action that made the change recorded it
        setattr(instance, RECORDED, False)
        return
    record_event(
        Actor.process(),
        action,
        **entry,
        context={"recorded_by": "fallback: changed outside the app's actions"},
    )
