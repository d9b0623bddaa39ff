"""Optimistic locking: a version column, checked by a conditional UPDATE.

A model opts in by inheriting :class:`Versioned` (a ``version`` column that
starts at 1). The form or API client sends back the version the editor
started from; the domain action that saves the change calls
:func:`check_version` and then :func:`save_versioned`, whose
``UPDATE … WHERE pk = %s AND version = %s`` both writes the fields and
bumps the version, so of two editors who started from the same version only
the first is saved. The second gets :class:`StaleEdit`, naming the fields
changed since (their current values beside what this editor submitted) and,
when the audit trail knows, who changed them and when. The action records
the new version in its audit entry's context (``{"version": n}``), which is
how the next conflict finds who changed what.

Forms carry the version in a hidden field (:func:`add_version_field`) and a
view shows a refusal with :func:`show_stale`; the API answers 409 with
:meth:`StaleEdit.as_json`. Decision 0505 explains the choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.db.models import F

__all__ = [
    "Changed",
    "StaleEdit",
    "Versioned",
    "add_version_field",
    "check_version",
    "save_versioned",
    "show_stale",
]


class Versioned(models.Model):
    """Abstract base: a row version every saving action checks and bumps."""

    version: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(
        default=1, editable=False, help_text="Bumped on every saved change (optimistic locking)"
    )

    class Meta:
        abstract = True


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


@dataclass(frozen=True)
class Changed:
    """One field changed by someone else since the editor opened the record."""

    field: str  # the model field name (``payer``, not ``payer_id``)
    label: str
    current: Any  # JSON-ready
    submitted: Any  # JSON-ready; None when this editor did not send the field
    current_text: str


class StaleEdit(Exception):
    """A save from an out-of-date version; nothing was saved."""

    code = "stale_edit"

    def __init__(
        self,
        *,
        noun: str,
        expected: int,
        current: int,
        changed: tuple[Changed, ...],
        by: str = "",
        at: dt.datetime | None = None,
        from_audit: bool = True,
    ) -> None:
        self.noun = noun
        self.from_audit = from_audit
        self.expected = expected
        self.current = current
        self.changed = changed
        self.by = by
        self.at = at
        super().__init__(self.message())

    def message(self) -> str:
        who = f" by {self.by}" if self.by else ""
        when = f" at {self.at:%Y-%m-%d %H:%M} UTC" if self.at else ""
        head = (
            f"This {self.noun} was changed{who}{when} after you opened it "
            f"(version {self.expected}, now {self.current}); nothing was saved."
        )
        if not self.changed:
            return head + " Check the values and save again."
        parts = [f"{c.label} is now {c.current_text!r}" for c in self.changed]
        what = "Changed since" if self.from_audit else "Differs from your entries"
        return (
            f"{head} {what}: {'; '.join(parts)}. "
            "Your entries are kept below: check them and save again to keep yours."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "detail": self.message(),
            "code": self.code,
            "your_version": self.expected,
            "current_version": self.current,
            "changed_by": self.by or None,
            "changed_at": self.at.isoformat() if self.at else None,
            "changed": {
                c.field: {"current": c.current, "submitted": c.submitted} for c in self.changed
            },
        }


def _model_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)  # accepts "payer_id" as well as "payer"
    assert isinstance(field, models.Field)
    return field


def _text(obj: models.Model, field: models.Field[Any, Any]) -> str:
    value = getattr(obj, field.name)
    if value is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _audited_changes(obj: Versioned, since: int) -> tuple[list[str], str, dt.datetime | None]:
    """Fields changed after version ``since`` per the audit trail, and the last author."""
    from cleanclaim.audit.models import AuditEntry

    entries = AuditEntry.objects.filter(
        model=obj._meta.label, object_pk=str(obj.pk), action=AuditEntry.Action.UPDATE
    ).order_by("at", "id")
    names: list[str] = []
    by, at = "", None
    for entry in entries:
        version = entry.context.get("version") if isinstance(entry.context, dict) else None
        if not isinstance(version, int) or version <= since:
            continue
        names.extend(n for n in entry.changes if n not in names)
        by, at = entry.user_label, entry.at
    return names, by, at


def check_version(
    current: Versioned, expected: int | None, submitted: Mapping[str, Any], *, noun: str
) -> int:
    """The version to save against; raises :class:`StaleEdit` when ``expected`` is old.

    ``current`` is the row as read inside the saving transaction; ``expected``
    None means a caller without an editor (a script, the demo): it saves
    against the version it has just read.
    """
    if expected is None or expected == current.version:
        return int(current.version)
    raise stale_edit(current, expected, submitted, noun=noun)


def stale_edit(
    current: Versioned, expected: int, submitted: Mapping[str, Any], *, noun: str
) -> StaleEdit:
    model = type(current)
    names, by, at = _audited_changes(current, expected)
    from_audit = bool(names)
    if not names:  # changed outside the audited actions: show what differs
        names = [
            name
            for name, value in submitted.items()
            if _plain(getattr(current, _model_field(model, name).attname)) != _plain(value)
        ]
    changed = []
    for name in names:
        field = _model_field(model, name)
        sent = submitted.get(field.name, submitted.get(field.attname))
        changed.append(
            Changed(
                field=field.name,
                label=str(field.verbose_name),
                current=_plain(getattr(current, field.attname)),
                submitted=None if sent is None else _plain(sent),
                current_text=_text(current, field),
            )
        )
    return StaleEdit(
        noun=noun,
        expected=expected,
        current=current.version,
        changed=tuple(changed),
        by=by,
        at=at,
        from_audit=from_audit,
    )


def save_versioned(obj: Versioned, expected: int, fields: Iterable[str], *, noun: str) -> None:
    """Write ``fields`` of ``obj`` if its row is still at ``expected``; bump the version.

    One conditional UPDATE: it matches no row when someone saved first, and then
    raises :class:`StaleEdit` (the caller's transaction rolls back).
    """
    model = type(obj)
    values = {
        _model_field(model, name).attname: getattr(obj, _model_field(model, name).attname)
        for name in fields
    }
    updated = model._default_manager.filter(pk=obj.pk, version=expected).update(
        **values, version=F("version") + 1
    )
    if updated != 1:
        fresh = model._default_manager.get(pk=obj.pk)
        raise stale_edit(fresh, expected, values, noun=noun)
    obj.version = expected + 1


def add_version_field(form: forms.ModelForm[Any]) -> None:
    """A hidden ``version`` field on a form editing an existing row.

    Optional in the data: a post without it (a script) saves against the row as
    read in the action; browsers always send what the form rendered.
    """
    if form.instance.pk:
        damaged = "the form's version is damaged: reload the page and enter your changes again"
        form.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput,
            required=False,
            min_value=1,
            initial=form.instance.version,
            error_messages={"invalid": damaged, "min_value": damaged},
        )


def show_stale(form: forms.ModelForm[Any], exc: StaleEdit) -> None:
    """Keep the editor's input, mark the changed fields and move the form to the
    current version, so saving again deliberately keeps the editor's values."""
    data = dict(form.data.items())  # a QueryDict when bound; one value per field here
    data["version"] = str(exc.current)
    form.data = data
    form.add_error(None, exc.message())
    for c in exc.changed:
        if c.field in form.fields:
            form.add_error(c.field, f"changed after you opened this form: now {c.current_text!r}")
