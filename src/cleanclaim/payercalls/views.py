"""Contact and call pages. Thin: scope, call the action (which audits), render.

Pages that show a call may show its patient: they are marked ``@shows_phi`` and
record the read (:func:`cleanclaim.payercalls.actions.view_call`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.patients import actions as patient_actions
from cleanclaim.patients.models import Patient
from cleanclaim.payercalls import actions
from cleanclaim.payercalls.forms import CallForm, ContactForm
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.concurrency import show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission, scoped


def rule_citation(call: Call) -> str:
    """How a payer rule learned on this call cites it."""
    day = timezone.localtime(call.called_at).date().isoformat()
    ref = f"Call {call.reference}" if call.reference else "Call"
    return f"{ref} on {day} with {call.who}"


def new_rule_url(call: Call) -> str:
    """The rule editor for the call's payer, with the call as the rule's citation."""
    url = reverse("payerrules:new", kwargs={"pk": call.payer_id})
    return f"{url}?citation={quote(rule_citation(call))}"


# contacts ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@requires("payers.contacts")
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "payers.contacts", pk=pk)
    form = ContactForm(request.POST or None, payer=payer)
    if request.method == "POST" and form.is_valid():
        actions.add_contact(Actor.from_request(request), payer, **form.cleaned_data)
        return redirect("payers:detail", pk=payer.pk)
    return render(
        request,
        "payercalls/form.html",
        {"form": form, "title": f"Add a contact at {payer}", "back": payer},
    )


@require_http_methods(["GET", "POST"])
@requires("payers.contacts")
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_scoped_or_404(
        Contact.objects.select_related("payer"), request.user, "payers.contacts", pk=pk
    )
    form = ContactForm(request.POST or None, instance=contact, payer=contact.payer)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            actions.update_contact(
                Actor.from_request(request), contact, expected_version=version, **data
            )
        except actions.StaleEdit as exc:
            show_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("payers:detail", pk=contact.payer_id)
    return render(
        request,
        "payercalls/form.html",
        {"form": form, "title": f"Edit {contact.name}", "back": contact.payer},
    )


@require_POST
@requires("payers.contacts")
def contact_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_scoped_or_404(Contact, request.user, "payers.contacts", pk=pk)
    version = _version(request)
    try:
        actions.update_contact(
            Actor.from_request(request), contact, expected_version=version, active=False
        )
    except actions.StaleEdit as exc:
        messages.error(request, exc.message())
    else:
        messages.success(request, f"{contact.name} is no longer an active contact.")
    return redirect("payers:detail", pk=contact.payer_id)


def _version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() and int(raw) >= 1 else None


# calls ---------------------------------------------------------------------


def _log(request: HttpRequest, form: CallForm) -> Call | None:
    """Save a valid form through the action; None (errors on the form) when refused."""
    data = dict(form.cleaned_data)
    practice = data.pop("practice", None) or form.instance.practice
    payer = data.pop("payer", None) or form.instance.payer
    if form.instance.patient_id:
        data["patient"] = form.instance.patient
    try:
        return actions.log_call(Actor.from_request(request), practice, payer, **data)
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return None


@require_http_methods(["GET", "POST"])
@requires("calls.log")
def call_new_for_payer(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "calls.log", pk=pk)
    form = CallForm(request.POST or None, user=request.user, payer=payer)
    if request.method == "POST" and form.is_valid():
        call = _log(request, form)
        if call is not None:
            return redirect("payercalls:call", pk=call.pk)
    return render(
        request,
        "payercalls/form.html",
        {"form": form, "title": f"Log a call to {payer}", "back": payer},
    )


@require_http_methods(["GET", "POST"])
@requires("calls.log")
@shows_phi
def call_new_for_patient(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_scoped_or_404(
        Patient.objects.select_related("practice"), request.user, "calls.log", pk=pk
    )
    form = CallForm(request.POST or None, user=request.user, patient=patient)
    if request.method == "POST" and form.is_valid():
        call = _log(request, form)
        if call is not None:
            return redirect("payercalls:call", pk=call.pk)
    patient_actions.view_patient(Actor.from_request(request), patient)  # the page names them
    return render(
        request,
        "payercalls/form.html",
        {"form": form, "title": f"Log a call about {patient}", "patient": patient},
    )


@require_GET
@requires("calls.log")
@shows_phi
def payer_calls(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "calls.log", pk=pk)
    calls = list(
        scoped(Call, request.user, "calls.log")
        .filter(payer=payer)
        .select_related("patient", "contact", "practice", "payer")[:200]
    )
    actions.view_calls(Actor.from_request(request), calls, query=f"payer {payer.payer_id}")
    return render(request, "payercalls/calls.html", {"payer": payer, "calls": calls})


@require_GET
@requires("calls.log")
@shows_phi
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_scoped_or_404(
        Call.objects.select_related("payer", "patient", "contact", "practice", "logged_by"),
        request.user,
        "calls.log",
        pk=pk,
    )
    actions.view_call(Actor.from_request(request), call)
    context: dict[str, Any] = {
        "call": call,
        "citation": rule_citation(call),
        "rule_url": new_rule_url(call) if has_permission(request.user, "payers.change") else "",
    }
    return render(request, "payercalls/detail.html", context)


#: Where the "done" button may send the user back to (never a URL from the form).
_BACK = {"home": "home", "call": "payercalls:call"}


@require_POST
@requires("calls.log")
def call_done(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_scoped_or_404(Call, request.user, "calls.log", pk=pk)
    try:
        actions.mark_done(Actor.from_request(request), call, expected_version=_version(request))
    except actions.StaleEdit as exc:
        messages.error(request, exc.message())
    else:
        messages.success(request, f"Follow-up with {call.payer} marked done.")
    if request.POST.get("next") == "home":
        return redirect(_BACK["home"])
    return redirect(_BACK["call"], pk=call.pk)
