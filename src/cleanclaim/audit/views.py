"""The audit trail browser (admin role): filter by user, action, record and date."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.decorators import requires
from cleanclaim.practices.scoping import scoped

PAGE_SIZE = 100


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@require_GET
@requires("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(AuditEntry, request.user, "audit.view").select_related("practice")
    f = {
        k: request.GET.get(k, "").strip()
        for k in ("user", "action", "model", "object", "from", "to")
    }
    errors: dict[str, str] = {}
    if f["user"]:
        qs = qs.filter(user_label__icontains=f["user"])
    if f["action"]:
        if f["action"] in AuditEntry.Action.values:
            qs = qs.filter(action=f["action"])
        else:
            errors["action"] = "unknown action"
    if f["model"]:
        qs = qs.filter(model=f["model"])
    if f["object"]:
        qs = qs.filter(object_pk=f["object"])
    for key, lookup in (("from", "at__date__gte"), ("to", "at__date__lte")):
        if f[key]:
            day = _date(f[key])
            if day is None:
                errors[key] = "use a date like 2026-11-27"
            else:
                qs = qs.filter(**{lookup: day})
    models = sorted(
        scoped(AuditEntry, request.user, "audit.view")
        .order_by()
        .values_list("model", flat=True)
        .distinct()
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/list.html",
        {
            "page": page,
            "filters": f,
            "errors": errors,
            "actions": AuditEntry.Action.choices,
            "models": models,
        },
    )
