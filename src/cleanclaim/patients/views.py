"""Patient pages: thin — scope, call the action (which audits), render."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.patients import actions
from cleanclaim.patients.cards import SIDES, kind_of
from cleanclaim.patients.duplicates import same_member, same_person
from cleanclaim.patients.forms import CoverageForm, DuplicateCheck, PatientForm
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.tenancy.concurrency import show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import (
    get_scoped_or_404,
    has_permission,
    practice_ids,
    scoped,
)

PAGE_SIZE = 50


def patient_search(user: object, query: str) -> QuerySet[Patient]:
    """The patient search: scoped, by name, account or DOB, in the model's order
    (last name, first name, date of birth) — every match, for the caller to page."""
    qs = scoped(Patient, user, "patients.view").select_related("practice")
    query = query.strip()
    for term in query.split():
        cond = (
            Q(last_name__icontains=term)
            | Q(first_name__icontains=term)
            | Q(account_number__iexact=term)
        )
        if len(term) == 10 and term[4] == "-" and term[7] == "-":
            cond |= Q(date_of_birth=term)
        qs = qs.filter(cond)
    return qs.order_by("last_name", "first_name", "date_of_birth", "pk")


@require_http_methods(["GET", "POST"])
@requires("patients.view")
@shows_phi
def patient_list(request: HttpRequest) -> HttpResponse:
    """The page's search form posts its terms (names, birth dates and account numbers
    stay out of URLs, browser history and proxies' logs); ``?q=`` still works for links.
    Paged (``page``, posted beside the terms) with the total shown: no row is dropped."""
    source = request.POST if request.method == "POST" else request.GET
    query = source.get("q", "")
    try:
        page = Paginator(patient_search(request.user, query), PAGE_SIZE).get_page(
            source.get("page")
        )
        patients = list(page.object_list)
    except ValueError:
        page, patients = None, []
    actions.view_patients(Actor.from_request(request), patients, query=query)
    context = {
        "patients": patients,
        "page": page,
        "query": query,
        "can_change": has_permission(request.user, "patients.change"),
    }
    partial = bool(request.htmx)  # type: ignore[attr-defined]
    response = render(request, "patients/_rows.html" if partial else "patients/list.html", context)
    patch_vary_headers(response, ("HX-Request",))  # the same URL serves both
    return response


@require_GET
@requires("patients.view")
@shows_phi
def patient_detail(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_scoped_or_404(
        Patient.objects.select_related("practice"), request.user, "patients.view", pk=pk
    )
    actions.view_patient(Actor.from_request(request), patient)
    coverages = patient.coverages.select_related("payer").order_by("priority", "-effective_date")
    return render(
        request,
        "patients/detail.html",
        {
            "patient": patient,
            "coverages": coverages,
            "can_change": patient.practice_id in practice_ids(request.user, "patients.change"),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("patients.change")
def patient_create(request: HttpRequest) -> HttpResponse:
    """Register a patient; a possible duplicate (same name and birth date at the
    practice) is shown with links first, and saved only with "create anyway"."""
    form = PatientForm(request.POST or None, user=request.user)
    confirm = DuplicateCheck(request.POST or None)
    duplicates: list[Patient] = []
    if request.method == "POST" and form.is_valid() and confirm.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        practice = data.pop("practice")
        duplicates = same_person(
            practice,
            last_name=data["last_name"],
            first_name=data["first_name"],
            date_of_birth=data["date_of_birth"],
        )
        if not duplicates or confirm.cleaned_data["create_anyway"]:
            patient = actions.register_patient(Actor.from_request(request), practice, **data)
            return redirect("patients:detail", pk=patient.pk)
        actions.view_patients(Actor.from_request(request), duplicates, query="possible duplicate")
    return render(
        request,
        "patients/form.html",
        {
            "form": form,
            "title": "Register a patient",
            "duplicates": duplicates,
            "confirm": confirm if duplicates else None,
        },
    )


@require_http_methods(["GET", "POST"])
@requires("patients.change")
@shows_phi
def patient_edit(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_scoped_or_404(Patient, request.user, "patients.change", pk=pk)
    form = PatientForm(request.POST or None, instance=patient, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            actions.update_patient(
                Actor.from_request(request), patient, expected_version=version, **data
            )
        except actions.StaleEdit as exc:  # someone saved first: show what changed
            show_stale(form, exc)
        except ValidationError as exc:  # e.g. an account number taken at this practice
            form.add_error(None, exc.messages)
        else:
            return redirect("patients:detail", pk=patient.pk)
    actions.view_patient(Actor.from_request(request), patient)  # also a form shown again
    return render(
        request,
        "patients/form.html",
        {"form": form, "title": f"Edit {patient}", "patient": patient},
    )


@require_http_methods(["GET", "POST"])
@requires("patients.change")
@shows_phi
def coverage_add(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_scoped_or_404(Patient, request.user, "patients.change", pk=pk)
    form = CoverageForm(
        request.POST or None, request.FILES or None, user=request.user, patient=patient
    )
    confirm = DuplicateCheck(request.POST or None)
    duplicates: list[Patient] = []
    if request.method == "POST" and form.is_valid() and confirm.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        cards = {name: data.pop(name, None) for name in CoverageForm.CARD_FIELDS}
        duplicates = same_member(
            patient.practice, data["payer"], data["member_id"], exclude_patient_pk=patient.pk
        )
        if not duplicates or confirm.cleaned_data["create_anyway"]:
            actor = Actor.from_request(request)
            with transaction.atomic():
                coverage = actions.add_coverage(actor, patient, **data)
                _attach_cards(actor, coverage, cards)
            return redirect("patients:detail", pk=patient.pk)
        actions.view_patients(Actor.from_request(request), duplicates, query="same member id")
    actions.view_patient(Actor.from_request(request), patient)  # the page names the patient
    return render(
        request,
        "patients/form.html",
        {
            "form": form,
            "title": f"Add coverage for {patient}",
            "patient": patient,
            "duplicates": duplicates,
            "confirm": confirm if duplicates else None,
            "multipart": True,
        },
    )


def _attach_cards(actor: Actor, coverage: Coverage, cards: dict[str, object]) -> None:
    for name, upload in cards.items():
        if upload:
            actions.attach_card(actor, coverage, name.removeprefix("card_"), upload)


@require_http_methods(["GET", "POST"])
@requires("patients.change")
@shows_phi
def coverage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    coverage = get_scoped_or_404(
        Coverage.objects.select_related("patient"), request.user, "patients.change", pk=pk
    )
    patient = coverage.patient
    form = CoverageForm(
        request.POST or None,
        request.FILES or None,
        instance=coverage,
        user=request.user,
        patient=patient,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        cards = {name: data.pop(name, None) for name in CoverageForm.CARD_FIELDS}
        actor = Actor.from_request(request)
        try:
            with transaction.atomic():
                saved = actions.update_coverage(actor, coverage, expected_version=version, **data)
                _attach_cards(actor, saved, cards)
        except actions.StaleEdit as exc:
            show_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("patients:detail", pk=patient.pk)
    actions.view_patient(Actor.from_request(request), patient)  # also a form shown again
    return render(
        request,
        "patients/form.html",
        {
            "form": form,
            "title": f"Edit coverage for {patient}",
            "patient": patient,
            "multipart": True,
        },
    )


@require_GET
@requires("patients.view")
@shows_phi
def coverage_card(request: HttpRequest, pk: int, side: str) -> FileResponse:
    """A card image, to the people who may see the patient; every read is audited."""
    coverage = get_scoped_or_404(
        Coverage.objects.select_related("patient"), request.user, "patients.view", pk=pk
    )
    if side not in SIDES or not getattr(coverage, f"card_{side}"):
        raise Http404("no card image")
    handle = actions.read_card(Actor.from_request(request), coverage, side)
    found = kind_of(handle.read(16))
    handle.seek(0)
    response = FileResponse(handle, content_type=found[0] if found else "application/octet-stream")
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response
