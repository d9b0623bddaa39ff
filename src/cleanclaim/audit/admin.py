from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from cleanclaim.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: no add, change or delete, whoever asks."""

    list_display = ["at", "user_label", "action", "model", "object_label", "ip", "via"]
    list_filter = ["action", "model", "via", "organisation"]
    search_fields = ["user_label", "object_pk", "object_label"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
