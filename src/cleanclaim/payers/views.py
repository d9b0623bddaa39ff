"""Payer pages: list and profile for those who work claims, set-up for managers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.payers.forms import PayerForm
from cleanclaim.payers.models import Payer
from cleanclaim.practices.decorators import requires
from cleanclaim.practices.scoping import get_scoped_or_404, has_permission, scoped


@require_GET
@requires("payers.view")
def payer_list(request: HttpRequest) -> HttpResponse:
    payers = scoped(Payer, request.user, "payers.view")
    can_change = has_permission(request.user, "payers.change")
    return render(request, "payers/list.html", {"payers": payers, "can_change": can_change})


@require_GET
@requires("payers.view")
def payer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "payers.view", pk=pk)
    can_change = has_permission(request.user, "payers.change")
    return render(request, "payers/detail.html", {"payer": payer, "can_change": can_change})


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def payer_create(request: HttpRequest) -> HttpResponse:
    form = PayerForm(request.POST or None)
    form.instance.organisation_id = request.user.organisation_id  # type: ignore[union-attr]
    if request.method == "POST" and form.is_valid():
        payer = form.save()
        return redirect("payers:detail", pk=payer.pk)
    return render(request, "payers/form.html", {"form": form, "title": "Add a payer"})


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def payer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "payers.change", pk=pk)
    form = PayerForm(request.POST or None, instance=payer)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("payers:detail", pk=payer.pk)
    return render(
        request, "payers/form.html", {"form": form, "title": f"Edit {payer}", "payer": payer}
    )
