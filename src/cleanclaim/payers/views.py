"""Payer pages: list and profile for those who work claims, set-up for managers.
Thin: saving goes through :mod:`cleanclaim.payers.actions` (audited, version-checked)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.payers import actions
from cleanclaim.payers.forms import PayerForm
from cleanclaim.payers.models import Payer
from cleanclaim.practices.decorators import requires
from cleanclaim.practices.scoping import get_scoped_or_404, has_permission, scoped
from cleanclaim.web.concurrency import show_stale


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
        organisation = request.user.organisation  # type: ignore[union-attr]
        payer = actions.add_payer(Actor.from_request(request), organisation, **form.cleaned_data)
        return redirect("payers:detail", pk=payer.pk)
    return render(request, "payers/form.html", {"form": form, "title": "Add a payer"})


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def payer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "payers.change", pk=pk)
    form = PayerForm(request.POST or None, instance=payer)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            actions.update_payer(
                Actor.from_request(request), payer, expected_version=version, **data
            )
        except actions.StaleEdit as exc:  # someone saved first: show what changed
            show_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("payers:detail", pk=payer.pk)
    return render(
        request, "payers/form.html", {"form": form, "title": f"Edit {payer}", "payer": payer}
    )
