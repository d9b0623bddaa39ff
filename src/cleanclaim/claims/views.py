"""Visit and claim pages: thin — scope, call the action (which audits), render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.claims import actions, favourites, paper, screen, status_inquiry
from cleanclaim.claims.building import FOLLOWS_VISIT
from cleanclaim.claims.events import SENT, STATUSES, Kind
from cleanclaim.claims.fixes import Draft
from cleanclaim.claims.forms import EncounterForm
from cleanclaim.claims.models import MAX_MODIFIERS, POINTER_LETTERS, Claim, Encounter
from cleanclaim.claims.worklists import rejections
from cleanclaim.claims.x837p import write_837p
from cleanclaim.deadlines.calc import ClaimDates, deadlines
from cleanclaim.patients.models import Patient
from cleanclaim.payers.deadlines import limits_for
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission
from cleanclaim.x12 import X12Error


@require_http_methods(["GET", "POST"])
@requires("coding.work")
@shows_phi
def encounter_new(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_scoped_or_404(
        Patient.objects.select_related("practice"), request.user, "coding.work", pk=pk
    )
    actor = Actor.from_request(request)
    form = EncounterForm(request.POST or None, patient=patient)
    if request.method == "POST" and form.is_valid():
        fields, rows = form.action_fields()
        if rows:
            try:
                encounter = actions.create_encounter(actor, patient, **fields)
            except actions.Invalid as exc:
                form.show_errors(exc.message_dict, rows)
            else:
                return redirect("claims:encounter_code", pk=encounter.pk)
        else:
            form.show_errors({}, rows)
    from cleanclaim.patients.actions import view_patient

    view_patient(actor, patient)
    return render(request, "claims/encounter_form.html", {"form": form, "patient": patient})


@require_GET
@requires("coding.work")
@shows_phi
def encounter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    encounter = get_scoped_or_404(
        Encounter.objects.select_related("patient", "rendering_provider", "location"),
        request.user,
        "coding.work",
        pk=pk,
    )
    actions.view_encounter(Actor.from_request(request), encounter)
    dx = list(zip(POINTER_LETTERS, encounter.diagnoses, strict=False))
    return render(
        request,
        "claims/encounter_detail.html",
        {
            "encounter": encounter,
            "diagnoses": dx,
            "lines": list(encounter.lines.all()),
            "claims": list(encounter.claims.all()),
            "can_build": has_permission(request.user, "claims.work"),
        },
    )


@require_POST
@requires("claims.work")
@shows_phi
def encounter_claim(request: HttpRequest, pk: int) -> HttpResponse:
    encounter = get_scoped_or_404(Encounter, request.user, "claims.work", pk=pk)
    try:
        claim, _ = actions.build_claim(Actor.from_request(request), encounter)
    except actions.Invalid as exc:
        return render(
            request,
            "claims/refused.html",
            {"encounter": encounter, "errors": exc.message_dict},
            status=422,
        )
    return redirect("claims:claim_detail", pk=claim.pk)


def _claim(request: HttpRequest, pk: int) -> Claim:
    return get_scoped_or_404(  # type: ignore[no-any-return]
        Claim.objects.select_related("patient", "payer", "practice", "rendering_provider"),
        request.user,
        "claims.work",
        pk=pk,
    )


@require_GET
@requires("claims.work")
@shows_phi
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _claim(request, pk)
    actions.view_claim(Actor.from_request(request), claim)
    events = list(claim.events.all())
    last = next((e for e in reversed(events) if e.kind == Kind.SCRUBBED), None)
    findings = list(last.data.get("findings", [])) if last else []
    dates = ClaimDates(
        service_from=claim.service_from,
        service_to=claim.service_to,
        secondary=claim.responsibility != "P",
        corrected=claim.frequency == "7",
    )
    return render(
        request,
        "claims/claim_detail.html",
        {
            "claim": claim,
            "status_label": STATUSES.get(claim.status, claim.status),
            "diagnoses": list(zip(POINTER_LETTERS, claim.diagnoses, strict=False)),
            "lines": list(claim.lines.all()),
            "events": events,
            "findings": findings,
            "warnings": [f for f in findings if f["severity"] == "warning"],
            "deadlines": deadlines(limits_for(claim.payer, claim.practice), dates),
            "can_queue": claim.status in ("built", "errors", "ready", "rejected"),
            "can_ask_status": claim.status in status_inquiry.ASKABLE,
            "rejection": rejections([claim], timezone.localdate()).get(claim.pk)
            if claim.status == "rejected"
            else None,
            "can_code": claim.status in FOLLOWS_VISIT
            and has_permission(request.user, "coding.work"),
            "can_hold": claim.status in ("built", "errors", "ready", "queued"),
            "can_release": claim.status == "on_hold",
            "can_void": claim.status in SENT and claim.frequency != "8",
        },
    )


@require_POST
@requires("claims.work")
@shows_phi
def claim_queue(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _claim(request, pk)
    try:
        actions.queue_claim(
            Actor.from_request(request), claim, acknowledge=request.POST.getlist("acknowledge")
        )
    except actions.QueueRefused as exc:
        return render(
            request,
            "claims/refused.html",
            {"claim": claim, "detail": exc.message(), "findings": exc.findings},
            status=422,
        )
    except actions.NotAllowed as exc:
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": str(exc)}, status=409
        )
    return redirect("claims:claim_detail", pk=claim.pk)


@require_POST
@requires("claims.work")
@shows_phi
def claim_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the payer for the claim's status now (276/277); the answer, or the plain
    message why there is none, is on the claim's timeline."""
    claim = _claim(request, pk)
    answer = status_inquiry.ask(Actor.from_request(request), claim)
    if answer.event_id is None:
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": answer.text}, status=409
        )
    return redirect("claims:claim_detail", pk=claim.pk)


@require_POST
@requires("claims.work")
@shows_phi
def claim_hold(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _claim(request, pk)
    actor = Actor.from_request(request)
    try:
        if request.POST.get("release"):
            actions.release_claim(actor, claim, request.POST.get("reason", ""))
        else:
            actions.hold_claim(actor, claim, request.POST.get("reason", ""))
    except (actions.Invalid, actions.NotAllowed) as exc:
        detail = "; ".join(exc.messages) if isinstance(exc, actions.Invalid) else str(exc)
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": detail}, status=422
        )
    return redirect("claims:claim_detail", pk=claim.pk)


@require_POST
@requires("claims.work")
@shows_phi
def claim_void(request: HttpRequest, pk: int) -> HttpResponse:
    """Void a sent claim (:func:`~cleanclaim.claims.actions.void_claim`) once the biller
    confirms; then the new void claim's page."""
    claim = _claim(request, pk)
    if request.POST.get("confirm") != "yes":
        detail = "confirm: tick the box to confirm the void; nothing was sent"
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": detail}, status=422
        )
    try:
        void, _ = actions.void_claim(
            Actor.from_request(request),
            claim,
            request.POST.get("reason", ""),
            payer_claim_control_number=request.POST.get("payer_claim_control_number", ""),
        )
    except actions.Invalid as exc:
        detail = "; ".join(f"{k}: {', '.join(v)}" for k, v in exc.message_dict.items())
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": detail}, status=422
        )
    except actions.NotAllowed as exc:
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": str(exc)}, status=409
        )
    return redirect("claims:claim_detail", pk=void.pk)


@require_GET
@requires("claims.work")
@shows_phi
def claim_837p(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _claim(request, pk)
    try:
        text = write_837p([claim], now=dt.datetime.now(dt.UTC))
    except X12Error as exc:
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": str(exc)}, status=422
        )
    actions.view_claim(Actor.from_request(request), claim, what="837p")
    response = HttpResponse(text, content_type="application/edi-x12; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{claim.number}.837"'
    return response


@require_GET
@requires("claims.work")
@shows_phi
def claim_cms1500(request: HttpRequest, pk: int) -> HttpResponse:
    """The claim as a CMS-1500 PDF: ``?mode=plain`` (the whole form, the default) or
    ``red-form`` (data only, for the pre-printed form)."""
    claim = _claim(request, pk)
    mode = request.GET.get("mode", "plain")
    try:
        pdf = paper.cms1500_pdf([claim], mode=mode)
    except (paper.Cms1500Error, ValueError) as exc:
        return render(
            request, "claims/refused.html", {"claim": claim, "detail": str(exc)}, status=422
        )
    actions.view_claim(Actor.from_request(request), claim, what=f"cms1500 {mode}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{claim.number}-cms1500.pdf"'
    return response


def _coding(request: HttpRequest, pk: int) -> Encounter:
    return get_scoped_or_404(  # type: ignore[no-any-return]
        Encounter.objects.select_related(
            "patient", "practice", "rendering_provider", "location", "coverage__payer"
        ),
        request.user,
        "coding.work",
        pk=pk,
    )


def _editor(encounter: Encounter, draft: Draft, version: int) -> dict[str, Any]:
    return {
        "encounter": encounter,
        "version": version,
        "diagnoses": [(i, POINTER_LETTERS[i], code) for i, code in enumerate(draft.diagnoses)],
        "lines": [
            {
                **ln,
                "number": n,
                "mods": [*ln["modifiers"], *[""] * (MAX_MODIFIERS - len(ln["modifiers"]))][
                    :MAX_MODIFIERS
                ],
                "pointer_text": "".join(ln["pointers"]),
            }
            for n, ln in enumerate(draft.lines, start=1)
        ],
        "letters": POINTER_LETTERS[: len(draft.diagnoses)],
    }


def _version(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    if not raw.isdigit():
        raise ValueError(raw)
    return int(raw)


@require_http_methods(["GET", "POST"])
@requires("coding.work")
@shows_phi
def encounter_code(request: HttpRequest, pk: int) -> HttpResponse:
    """The coding screen: diagnoses and lines edited in place (each button posts the
    visit as typed and gets the editor back); Save and Apply go through the actions."""
    encounter = _coding(request, pk)
    actor = Actor.from_request(request)
    note, status, errors = "", 200, {}
    version = encounter.version
    if request.method == "POST":
        draft = screen.draft_from_post(request.POST)
        op = request.POST.get("op", "")
        try:
            sent = _version(request.POST.get("version"))
        except ValueError:
            sent, status = encounter.version, 422
            note = "The form's version is damaged: reload the page and enter your changes again."
            op = ""
        version = sent if sent is not None else encounter.version
        if op == "save" or op.startswith("fix:"):
            try:
                if op == "save":
                    actions.update_encounter(
                        actor,
                        encounter,
                        expected_version=sent,
                        diagnoses=draft.diagnoses,
                        lines=screen.action_lines(draft),
                    )
                    note = "Saved."
                else:
                    finding, _, line = op.removeprefix("fix:").partition(":")
                    actions.apply_fix(
                        actor,
                        encounter,
                        finding=finding,
                        line=int(line) if line.isdigit() else None,
                        expected_version=sent,
                        diagnoses=draft.diagnoses,
                        lines=screen.action_lines(draft),
                    )
                    note = f"Fix applied for {finding}; saved."
            except actions.StaleEdit as exc:
                note, status, version = exc.message(), 409, exc.current
            except actions.Invalid as exc:
                errors, status = exc.message_dict, 422
                note = "Not saved: " + "; ".join(
                    f"{where}: {' '.join(why)}" for where, why in errors.items()
                )
            else:
                encounter.refresh_from_db()
                draft, version = screen.draft_of(encounter), encounter.version
        elif op.startswith("pin:") or op.startswith("unpin:"):
            kind, _, code = op.partition(":")[2].partition(":")
            try:
                favourites.set_pinned(
                    actor, encounter.rendering_provider, kind, code, pinned=op.startswith("pin:")
                )
            except actions.Invalid as exc:
                note, status = "; ".join(exc.messages), 422
        elif op:
            draft, note = screen.apply_op(draft, op, request.POST)
    else:
        draft = screen.draft_of(encounter)
    actions.view_encounter(actor, encounter)
    context = {
        **_editor(encounter, draft, version),
        "note": note,
        "failed": status != 200,
        "errors": errors,
        "favourites": favourites.for_provider(encounter.rendering_provider),
        "claims": list(encounter.claims.all()),
        "can_build": has_permission(request.user, "claims.work"),
    }
    partial = bool(getattr(request, "htmx", False))
    template = "claims/_code_editor.html" if partial else "claims/encounter_code.html"
    return render(request, template, context, status=status)


@require_POST
@requires("coding.work")
@shows_phi
def encounter_code_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The scrubber's findings on the visit as typed (nothing written), each beside its
    field: a fragment of out-of-band swaps into the editor's slots."""
    encounter = _coding(request, pk)
    actions.view_encounter(Actor.from_request(request), encounter)
    draft = screen.draft_from_post(request.POST)
    placed = screen.check(encounter, draft)
    hints = screen.fee_hints(encounter, draft)
    slots = [f"dx-{i}" for i in range(len(draft.diagnoses))]
    for n in range(1, len(draft.lines) + 1):
        slots += [f"line-{n}", f"mod-{n}"]
    return render(
        request,
        "claims/_code_findings.html",
        {
            "placed": placed,
            "slots": [(s, placed.slots.get(s, [])) for s in slots],
            "claim_findings": placed.slots.get("claim", []),
            "fees": [(n, hints.get(n, "")) for n in range(1, len(draft.lines) + 1)],
            "count": sum(len(v) for v in placed.slots.values()),
        },
    )
