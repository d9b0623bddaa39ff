"""The audit trail browser (admin role): filter by user, action, record and date,
and export a date range as CSV. Both are audited: the trail shows patients' account
numbers and changed values, so reading it is a read of PHI."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cleanclaim.audit import export
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record_event
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import scoped

PAGE_SIZE = 100


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@require_GET
@requires("audit.view")
@shows_phi
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
    record_event(
        Actor.from_request(request),
        AuditEntry.Action.READ,
        model=export.EXPORT_MODEL,
        label="viewed audit trail",
        context={
            "filters": {k: v for k, v in f.items() if v},
            "page": page.number,
            "shown": [str(e.pk) for e in page],
        },
    )
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


@require_GET
@requires("audit.view")
@shows_phi
def audit_export(request: HttpRequest) -> HttpResponse:
    """``?from=&to=`` (ISO dates, inclusive, either may be empty): the organisation's
    entries as CSV, streamed oldest first. The export is recorded before it starts."""
    try:
        first, last = export.parse_range(request.GET.get("from"), request.GET.get("to"))
    except export.BadRange as exc:
        return HttpResponse(f"{exc}\n", status=400, content_type="text/plain; charset=utf-8")
    qs = export.frozen(export.in_range(scoped(AuditEntry, request.user, "audit.view"), first, last))
    record_event(
        Actor.from_request(request),
        AuditEntry.Action.READ,
        model=export.EXPORT_MODEL,
        label="exported audit trail",
        context={"from": str(first or ""), "to": str(last or ""), "rows": qs.count()},
    )
    response = StreamingHttpResponse(export.lines(qs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename(first, last)}"'
    return response
