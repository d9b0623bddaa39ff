"""The audit trail in Django's admin (platform staff): read-only, and its reads audited."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import FLAG
from cleanclaim.audit.record import record_event

#: Query parameters of the admin's change list that are about paging and display.
_NOT_FILTERS = {"p", "o", "all", "_popup", "_to_field"}


def _record(request: HttpRequest, label: str, context: dict[str, Any]) -> None:
    setattr(request, FLAG, True)  # shows PHI: the middleware checks this entry exists
    record_event(
        Actor.from_request(request, via="admin"),
        AuditEntry.Action.READ,
        model="audit.AuditEntry",
        label=label,
        context=context,
    )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: no add, change or delete, whoever asks. Each list page and entry
    shown is recorded ("viewed audit trail" with the filters)."""

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

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        if response.status_code == 200:
            filters = {k: v for k, v in request.GET.items() if k not in _NOT_FILTERS}
            _record(request, "viewed audit trail", {"filters": filters, "admin": True})
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200:
            _record(request, "viewed audit entry", {"entry": str(object_id), "admin": True})
        return response
