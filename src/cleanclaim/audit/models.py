"""AuditEntry: who did what to which record, when, and from where.

Append-only at three levels: the model refuses to update or delete a saved
entry (and always saves by INSERT), its queryset refuses bulk ``update``/``delete``,
and triggers (PostgreSQL: migration 0002, SQLite: 0003) reject UPDATE and DELETE
from any client. HIPAA's
audit-controls standard (45 CFR 164.312(b)) asks for a record of activity in
systems holding ePHI; reads are recorded as well as changes.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or remove an audit entry."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("the audit trail is append-only: entries cannot be updated")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        raise AppendOnlyError("the audit trail is append-only: entries cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("the audit trail is append-only: entries cannot be deleted")

    def _raw_delete(self, using: Any) -> int:
        raise AppendOnlyError("the audit trail is append-only: entries cannot be deleted")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", "Read"
        CREATE = "create", "Create"
        UPDATE = "update", "Update"
        DELETE = "delete", "Delete"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    user_label = models.CharField(max_length=254, help_text="The user's email when recorded")
    organisation = models.ForeignKey(
        "practices.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    model = models.CharField(max_length=100, help_text="app_label.ModelName")
    object_pk = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(
        default=dict, blank=True, help_text="field: [old, new] for updates; field: value on create"
    )
    context = models.JSONField(default=dict, blank=True, help_text="e.g. the search and rows shown")
    via = models.CharField(max_length=20, blank=True, help_text="web, api, cli, task")

    objects = AuditQuerySet.as_manager()

    tenant_path: ClassVar[str] = "organisation"

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-at"]),
            models.Index(fields=["model", "object_pk"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.user_label} {self.action} {self.object_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("the audit trail is append-only: entries cannot be updated")
        # Always an INSERT: a new object given an existing entry's id must not turn
        # into an UPDATE of that entry (it fails on the primary key instead).
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("the audit trail is append-only: entries cannot be deleted")
