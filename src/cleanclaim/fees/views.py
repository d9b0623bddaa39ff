"""Fee schedule pages: the schedules and their rows for coders, billers and managers
(``fees.view``); importing a CSV with a preview, and editing a row, for managers and
admins (``fees.manage``). Thin: writes go through :mod:`cleanclaim.fees.actions`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.fees import actions
from cleanclaim.fees.forms import FeeForm, ImportForm
from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.fees.transfer import FeeFileError, decode, export_csv, read_fees
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, practice_ids, scoped

PAGE_SIZE = 100


@require_GET
@requires("fees.view")
def schedule_list(request: HttpRequest) -> HttpResponse:
    schedules = scoped(FeeSchedule, request.user, "fees.view").select_related("practice")
    return render(
        request,
        "fees/list.html",
        {
            "schedules": schedules.order_by("practice__name", "-effective_from"),
            "manage_at": practice_ids(request.user, "fees.manage"),
        },
    )


@require_GET
@requires("fees.view")
def schedule_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The rows, paged; ``?q=`` narrows to codes starting with it."""
    schedule = get_scoped_or_404(FeeSchedule, request.user, "fees.view", pk=pk)
    rows = Fee.objects.filter(schedule=schedule).prefetch_related("allowed__payer")
    q = request.GET.get("q", "").strip().upper()[:5]
    if q:
        rows = rows.filter(code__startswith=q)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fees/detail.html",
        {
            "schedule": schedule,
            "page": page,
            "q": q,
            "can_manage": schedule.practice_id in practice_ids(request.user, "fees.manage"),
        },
    )


@require_GET
@requires("fees.view")
def schedule_export(request: HttpRequest, pk: int) -> HttpResponse:
    schedule = get_scoped_or_404(FeeSchedule, request.user, "fees.view", pk=pk)
    response = HttpResponse(export_csv(schedule), content_type="text/csv; charset=utf-8")
    filename = "".join(c if c.isalnum() else "-" for c in schedule.name) or "fees"
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


@require_http_methods(["GET", "POST"])
@requires("fees.manage")
def fee_edit(request: HttpRequest, pk: int) -> HttpResponse:
    fee = get_scoped_or_404(
        Fee.objects.select_related("schedule__practice"), request.user, "fees.manage", pk=pk
    )
    payers = list(actions.payers_of(fee.schedule.practice))
    form = FeeForm(request.POST or None, instance=fee, payers=payers)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_fee(
                Actor.from_request(request),
                fee,
                charge=form.cleaned_data["charge"],
                allowed=form.allowed(),
                expected_version=form.cleaned_data.get("version"),
            )
        except actions.StaleEdit as exc:
            show_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("fees:detail", pk=fee.schedule_id)
    return render(request, "fees/fee_form.html", {"form": form, "fee": fee})


@require_http_methods(["GET", "POST"])
@requires("fees.manage")
def import_page(request: HttpRequest) -> HttpResponse:
    """``Preview`` reads the uploaded file and shows what would change, or every problem
    by line; ``Import`` (with the previewed text, read and checked again) writes it."""
    practices = list(scoped(Practice, request.user, "fees.manage").order_by("name"))
    form = ImportForm(request.POST or None, request.FILES or None, practices=practices)
    ctx: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        practice = form.practices[form.cleaned_data["practice"]]
        upload = form.cleaned_data.get("file")
        source = upload.name if upload is not None else "the previewed file"
        try:
            text = (
                decode(upload.read(), source) if upload is not None else form.cleaned_data["text"]
            )
            if not text:
                form.add_error("file", "choose a CSV file to preview")
                return render(request, "fees/import.html", ctx, status=422)
            payers = actions.payers_of(practice).values_list("payer_id", flat=True)
            table = read_fees(text, source, known_payers=list(payers))
            plan = actions.plan_import(
                practice,
                table,
                name=form.cleaned_data["schedule"],
                effective=form.cleaned_data["effective"],
            )
        except FeeFileError as exc:
            ctx["refused"] = exc
            return render(request, "fees/import.html", ctx, status=422)
        except actions.ImportRefused as exc:
            form.add_error(None, str(exc))
            return render(request, "fees/import.html", ctx, status=422)
        if "confirm" in request.POST and upload is None:
            try:
                schedule = actions.apply_import(Actor.from_request(request), plan)
            except (actions.StaleEdit, actions.ImportRefused, ValidationError) as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("fees:detail", pk=schedule.pk)
        data = form.data.copy()
        data["text"] = text
        ctx["form"] = ImportForm(data, practices=practices)
        ctx["form"].is_valid()
        ctx["plan"] = plan
    return render(request, "fees/import.html", ctx)
