"""Payer pages: list and profile for those who work claims, set-up for managers.
Thin: saving goes through :mod:`cleanclaim.payers.actions` (audited, version-checked)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.payers import actions, display
from cleanclaim.payers.forms import ConnectionIdsForm, OverrideForm, PayerForm
from cleanclaim.payers.models import Payer, PracticePayerOverride
from cleanclaim.payers.profile import effective_profile, overrides_of
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission, scoped


@require_GET
@requires("payers.view")
def payer_list(request: HttpRequest) -> HttpResponse:
    payers = scoped(Payer, request.user, "payers.view")
    can_change = has_permission(request.user, "payers.change")
    return render(request, "payers/list.html", {"payers": payers, "can_change": can_change})


@require_GET
@requires("payers.view")
def payer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The profile in sections; ``?practice=<id>`` shows it as that practice sees it."""
    payer = get_scoped_or_404(Payer, request.user, "payers.view", pk=pk)
    practices = list(scoped(Practice, request.user, "payers.view"))
    chosen = next((p for p in practices if str(p.pk) == request.GET.get("practice")), None)
    profile = effective_profile(payer, chosen)
    overrides = {
        o.practice_id: display.overridden_labels(o.values)
        for o in PracticePayerOverride.objects.filter(payer=payer, practice__in=practices)
    }
    context = {
        "payer": payer,
        "sections": display.sections(profile),
        "connection_ids": payer.connection_ids.all(),
        "practices": [(p, overrides.get(p.pk, [])) for p in practices],
        "chosen": chosen,
        "can_change": has_permission(request.user, "payers.change"),
        "change_at": {p.pk for p in scoped(Practice, request.user, "payers.change")},
    }
    return render(request, "payers/detail.html", context)


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def payer_create(request: HttpRequest) -> HttpResponse:
    form = PayerForm(request.POST or None)
    form.instance.organisation_id = request.user.organisation_id  # type: ignore[union-attr]
    if request.method == "POST" and form.is_valid():
        organisation = request.user.organisation  # type: ignore[union-attr]
        try:
            payer = actions.add_payer(
                Actor.from_request(request), organisation, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
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


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def payer_connections(request: HttpRequest, pk: int) -> HttpResponse:
    """The payer's id on each clearinghouse connection."""
    payer = get_scoped_or_404(Payer, request.user, "payers.change", pk=pk)
    current = "\n".join(
        f"{c.connection}: {c.connection_payer_id}" for c in payer.connection_ids.all()
    )
    form = ConnectionIdsForm(request.POST or None, initial={"ids": current})
    if request.method == "POST" and form.is_valid():
        actions.set_connection_ids(Actor.from_request(request), payer, form.cleaned_data["ids"])
        return redirect("payers:detail", pk=payer.pk)
    title = f"Payer ids of {payer} per connection"
    return render(request, "payers/form.html", {"form": form, "title": title, "payer": payer})


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def payer_override(request: HttpRequest, pk: int, practice: int) -> HttpResponse:
    """What one practice sees differently in the payer's profile."""
    payer = get_scoped_or_404(Payer, request.user, "payers.change", pk=pk)
    where = get_scoped_or_404(Practice, request.user, "payers.change", pk=practice)
    form = OverrideForm(request.POST or None, payer=payer, current=overrides_of(payer, where))
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_override(Actor.from_request(request), payer, where, form.overrides())
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for name, errors in exc.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, exc.messages)
        else:
            return redirect(f"{reverse('payers:detail', args=[payer.pk])}?practice={where.pk}")
    title = f"{payer} at {where}"
    return render(
        request,
        "payers/form.html",
        {
            "form": form,
            "title": title,
            "payer": payer,
            "intro": "Leave a field blank to use the organisation's value.",
        },
    )
